"""Word-cloud images from a frequency table (pure: returns a PIL image)."""

from __future__ import annotations

import contextlib

import pandas as pd
from PIL import Image
from wordcloud import WordCloud

from explore.app.fonts import cjk_font_path


def word_cloud(freq: pd.DataFrame, *, width: int = 900, height: int = 450) -> Image.Image | None:
    """A word cloud of ``freq`` (columns term, count); None when there are no terms.

    Raises ``RuntimeError`` when no CJK font is installed, rather than drawing boxes. The largest
    word is at most two fifths of the height: left to itself, the library first lays out the top
    two words from the full height down a point at a time to find that size, which took half of a
    cloud's time (0.34 -> 0.16 s for 50 words).
    """
    if freq.empty:
        return None
    font = cjk_font_path()
    if font is None:
        raise RuntimeError(
            "no Chinese font found: install fonts-noto-cjk (apt) or set EXPLORE_FONT to a .otf/.ttf file"
        )
    cloud = WordCloud(
        font_path=str(font), width=width, height=height, background_color="white", colormap="viridis",
        prefer_horizontal=1.0, random_state=7, max_words=len(freq), max_font_size=height * 2 // 5,
    )  # fmt: skip
    cloud.generate_from_frequencies(dict(zip(freq["term"], freq["count"], strict=True)))
    return cloud.to_image()


def warm_up() -> None:
    """Find the font and draw a one-word cloud, so that the first real one is drawn at full speed
    (the font search, the font file and the drawing library's colour maps load once a process)."""
    with contextlib.suppress(RuntimeError):  # no Chinese font: the page says so when a cloud is asked for
        word_cloud(pd.DataFrame({"term": ["改革"], "count": [1]}), width=60, height=30)
