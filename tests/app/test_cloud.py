"""The word cloud: an image of the asked size with every term drawn, none for no terms."""

import pandas as pd
import pytest

from explore.app.cloud import word_cloud
from explore.app.fonts import cjk_font_path

needs_font = pytest.mark.skipif(cjk_font_path() is None, reason="no Chinese font installed")


def test_no_terms_no_cloud():
    assert word_cloud(pd.DataFrame({"term": [], "count": []})) is None


@needs_font
def test_a_cloud_of_the_asked_size_with_something_drawn():
    freq = pd.DataFrame({"term": ["改革", "营商环境", "放管服"], "count": [30, 20, 10]})
    image = word_cloud(freq, width=300, height=150)
    assert image.size == (300, 150)
    assert min(image.convert("L").getdata()) < 200  # drawn on the white ground


@needs_font
def test_a_long_top_term_still_fits():
    # the largest word is capped, not left off: a phrase too wide at the cap is drawn smaller
    freq = pd.DataFrame({"term": ["深化放管服改革优化营商环境实施方案"], "count": [5]})
    image = word_cloud(freq, width=300, height=150)
    assert min(image.convert("L").getdata()) < 200
