"""Tasks set in sentences whose subject is a unit (a news item retelling a task division)."""

from explore.analysis.unit_sentences import unit_sentence_rows
from tests.analysis.test_items import items_of

# shaped like 呼和浩特 2021's news of its work report's quantified tasks
HOHHOT = (
    "根据目标任务要求,今年,市住建局要在8月底完成57个村燃煤散烧综合治理任务。9月底完成供热管网互联互通64公里。"
    "市轨道交通公司要加快地铁TOD开发,10月底完成年度任务。市教育局要在11月底新建幼儿园9所。赛罕区政府11月底启动项目。"
)


def leads_of(*paragraphs: str) -> list[object]:
    return [r["lead"] for r in unit_sentence_rows(list(enumerate(paragraphs, 1)))]


def test_each_sentence_that_sets_a_unit_a_task_is_one():
    # after an opening clause or two; a sentence without its own unit (9月底完成…) is none
    assert leads_of(HOHHOT) == ["市住建局", "市轨道交通公司", "市教育局", "赛罕区政府"]


def test_one_or_two_such_sentences_are_prose():
    assert leads_of("市教育局要在11月底新建幼儿园9所。全市经济运行平稳。", "县财政局负责资金保障。") == []
    assert leads_of() == []


def test_a_unit_named_without_a_duty_or_a_time_sets_none():
    # 市教育局召开会议: the unit does something, nothing is set it
    assert leads_of("市教育局召开会议。市财政局发布通知。市民政局介绍情况。") == []


def test_the_items_table_reads_them_only_where_no_other_reader_found_an_item():
    items = items_of(HOHHOT)
    assert list(items["lead"]) == ["市住建局", "市轨道交通公司", "市教育局", "赛罕区政府"]
    assert set(items["lead_rule"]) == {"subject"}
    labelled = items_of("一、新建幼儿园9所(牵头单位:市教育局)", "二、改造道路63条(牵头单位:市住建局)", HOHHOT)
    assert "subject" not in set(labelled["lead_rule"])


def test_three_such_sentences_are_rows_numbered_in_order_with_their_paragraphs():
    rows = unit_sentence_rows(
        [
            (1, "市住建局要在8月底完成治理任务。"),
            (2, "市教育局要在11月底新建幼儿园9所。"),
            (4, "赛罕区政府11月底启动项目。"),
        ]
    )
    assert rows == [
        {
            "number": "1",
            "task": "市住建局要在8月底完成治理任务。",
            "lead": "市住建局",
            "partners": "",
            "para_no": 1,
            "para_end": 1,
        },
        {
            "number": "2",
            "task": "市教育局要在11月底新建幼儿园9所。",
            "lead": "市教育局",
            "partners": "",
            "para_no": 2,
            "para_end": 2,
        },
        {
            "number": "3",
            "task": "赛罕区政府11月底启动项目。",
            "lead": "赛罕区政府",
            "partners": "",
            "para_no": 4,
            "para_end": 4,
        },
    ]
