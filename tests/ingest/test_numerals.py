"""The one numeral parser (cn2an underneath)."""

import pytest

from explore.ingest.numerals import cn_number


@pytest.mark.parametrize(
    ("text", "value"),
    [("十", 10), ("十二", 12), ("二十", 20), ("二十八", 28), ("三十一", 31), ("四", 4), ("一百", 100),
     ("二〇一一", 2011), ("二○○六", 2006), ("二o一一", 2011), ("二零一七", 2017), ("", None), ("改革", None)],
)  # fmt: skip
def test_cn_number(text, value):
    assert cn_number(text) == value
