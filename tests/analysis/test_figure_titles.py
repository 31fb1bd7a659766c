"""What a document's title, or a news item's headline, says of the figures no heading of its
body speaks for (``analysis.figure_status.title_status``)."""

from __future__ import annotations

import pytest

from explore.analysis.figure_status import title_status
from explore.analysis.figures import doc_figures


@pytest.mark.parametrize(
    ("title", "doc_type", "status"),
    [
        # a news item's headline that tells of a set fixed or made public (dev234, dev271, dev427 in eval/dev)
        ("贵州省2020年“十件民生实事”出炉", "news report", "target"),
        ("旌德确定今年为民十件实事", "news report", "target"),
        ("呼和浩特政府公布今年重点任务分工及时限", "news report", "target"),
        ("人大代表票决确定2021年10项民生实事项目", "news report", "target"),
        ("五大关键词阐释盐田今年工作重点", "news report", "target"),  # a year's priorities (sz_07)
        ("2023年重点工作完成情况", "news report", None),
        # a headline telling of progress, or of nothing fixed, says nothing
        ("今年市政府实事项目全面完成啦", "news report", None),
        ("全市经济运行平稳", "news report", None),
        ("十件民生实事确定以来进展情况", "news report", None),  # a review's words win
        # an official document's title speaks as a heading, whatever its verb
        ("2023年民生实事项目任务分解方案", "official document", "target"),
        ("2023年民生实事项目一季度进展情况", "official document", "result"),
        ("十件民生实事出炉", "other", None),
    ],
)
def test_a_title_speaks_for_the_figures_no_heading_speaks_for(title, doc_type, status):
    assert title_status(title, doc_type) == status


def test_a_news_item_under_an_announced_set_states_targets():
    paras = [
        (1, "旌德确定今年为民十件实事"),
        (2, "新增停车位300个,改扩建城区公交站台10对。"),
        (3, "去年已建成停车位200个。"),
    ]
    rows = doc_figures(paras[1:], year=2015, title=paras[0][1], doc_type="news report")
    assert [(r[2], r[6]) for r in rows] == [("300个", "target"), ("10对", "target"), ("200个", "result")]
    rows = doc_figures(paras[1:], year=2015, title="旌德县召开常务会议", doc_type="news report")
    assert [r[6] for r in rows] == ["result", "result", "result"]


def test_a_news_item_without_a_title_is_read_under_its_opening_line():
    # the headline ran into the lede, so no title line was found (dev382 in eval/dev)
    paras = [(1, "(融媒体中心)县政府2025年度十件民生实事项目 正式出炉!"), (2, "在17个乡镇硬化道路10万平方米。")]
    assert [r[6] for r in doc_figures(paras, year=2025, doc_type="news report")] == ["target", "target"]
    assert [r[6] for r in doc_figures(paras, year=2025, doc_type="other")] == ["result", "result"]
