"""The numbering styles, written once for the outline, the figures, titles and document kinds."""

import pytest

from explore.ingest.marks import LOST
from explore.ingest.numbering import OUTLINE_START, numbered
from explore.ingest.title_lines import refused


@pytest.mark.parametrize(
    ("text", "style", "number"),
    [
        ("一、总体要求", "section", "一、"),
        ("（三）优化营商环境", "paren", "（三）"),
        ("(2)完善制度", "paren_arabic", "(2)"),
        ("⑴九年义务教育巩固率达到97%。", "paren_arabic", "⑴"),  # 辽宁 2012 (eval/dev): one sign
        ("116.全面开展", "arabic", "116."),
        ("3、推进改革", "arabic", "3、"),
        ("01 项目名称", "arabic", "01"),
        ("二是加快建设", "shi", "二是"),
        (f"{LOST}、一个字读不出的编号", "section", f"{LOST}、"),
    ],
)
def test_each_style(text, style, number):
    assert numbered(text)[:2] == (style, number)


def test_a_decimal_is_no_number_anywhere():
    # titles once took 1.5 for an outline's number where the outline did not
    assert numbered("1.5万元用于改造") is None
    assert not OUTLINE_START.match("1.5万元用于改造")
    assert OUTLINE_START.match("第三章 保障措施") and refused("第三章 保障措施")
    assert numbered("二是,我们要") is None  # 二是 before a comma is prose
