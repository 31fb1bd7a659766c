"""A font with Simplified-Chinese glyphs for the word cloud (pure).

wordcloud's own font has no CJK glyphs (every word becomes boxes) and it cannot pick a face
inside a ``.ttc`` collection (it takes index 0, the Japanese face of Noto CJK). So we look for
a single-face Simplified-Chinese font; failing that, we extract the SC face from a system
Noto CJK collection with fontTools (a dependency of matplotlib, which wordcloud needs) into
the cache folder. ``$EXPLORE_FONT`` overrides the search.
"""

from __future__ import annotations

import functools
import os
from pathlib import Path

_SINGLE_FACE = (
    "NotoSansCJKsc-Regular.otf",
    "NotoSansSC-Regular.otf",
    "NotoSansSC-Regular.ttf",
    "SourceHanSansSC-Regular.otf",
    "wqy-microhei.ttc",
)
_COLLECTIONS = ("NotoSansCJK-Regular.ttc", "NotoSansCJKsc-Regular.ttc", "NotoSerifCJK-Regular.ttc")
_FONT_DIRS = (
    "/usr/share/fonts",
    "/usr/local/share/fonts",
    str(Path.home() / ".fonts"),
    "/System/Library/Fonts",
    "C:/Windows/Fonts",
)


def _find(names: tuple[str, ...]) -> Path | None:
    for root in _FONT_DIRS:
        base = Path(root)
        if not base.is_dir():
            continue
        for name in names:
            hit = next(base.rglob(name), None)
            if hit:
                return hit
    return None


def _extract_sc_face(collection: Path, dest_dir: Path) -> Path | None:
    from fontTools.ttLib import TTCollection

    dest = dest_dir / f"{collection.stem}-SC.otf"
    if dest.exists():
        return dest
    dest_dir.mkdir(parents=True, exist_ok=True)
    for face in TTCollection(str(collection)).fonts:
        names = {rec.toUnicode() for rec in face["name"].names if rec.nameID in (1, 4)}
        if any(" SC" in n for n in names):
            tmp = dest.with_suffix(f".tmp{os.getpid()}")
            face.save(str(tmp))
            tmp.replace(dest)
            return dest
    return None


@functools.cache
def cjk_font_path() -> Path | None:
    """Path of a font that renders Simplified Chinese, or None when the machine has none."""
    override = os.environ.get("EXPLORE_FONT")
    if override and Path(override).is_file():
        return Path(override)
    single = _find(_SINGLE_FACE)
    if single:
        return single
    collection = _find(_COLLECTIONS)
    if collection:
        from explore.store.load import cache_dir

        try:
            return _extract_sc_face(collection, cache_dir() / "fonts")
        except Exception:
            return collection  # the Japanese face still has Han glyphs: better than boxes
    return None
