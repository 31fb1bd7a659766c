"""Plan → follow-through: later documents of the plan's place, items matched with later
passages by the terms they share, status words, and the tables by item and plan."""

from __future__ import annotations

import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from explore.analysis.followthrough import (
    item_table,
    later_docs,
    match_items,
    mention_table,
    part_marks,
    plan_list,
    plan_table,
    status_of,
    task_units,
)
from explore.analysis.items import task_count

DOCS = pd.DataFrame(
    {
        "doc_id": ["plan", "news", "report", "other", "early", "same_year", "nowhere", "nowhere2"],
        "district": ["罗湖区", "罗湖区", "罗湖区", "福田区", "罗湖区", "罗湖区", "", ""],
        "city": ["深圳市"] * 6 + ["", ""],
        "province": ["广东省"] * 6 + ["", ""],
        "level": ["county"] * 8,
        "year": pd.array([2017, 2018, 2020, 2018, 2016, 2017, 2017, 2018], dtype="Int64"),
        "date": ["2017-03-01", "", "", "", "", "2017-09-01", "", ""],
        "title": ["改革计划", "新闻", "工作报告", "福田", "旧", "同年", "无处", "无处二"],
    }
)


def _terms(rows):
    return pd.DataFrame(rows, columns=["doc_id", "para_no", "term", "count"])


TERMS = _terms([
    # the plan: item 1 over paragraphs 2-3 (家庭医生), item 2 on paragraph 4 (城市更新)
    ("plan", 2, "家庭医生", 2), ("plan", 3, "签约", 1), ("plan", 3, "服务", 1), ("plan", 4, "城市更新", 1),
    ("plan", 4, "土地", 1),
    # the 2018 news reports the family doctors; the 2020 report renews the city and mentions doctors in passing
    ("news", 1, "家庭医生", 1), ("news", 1, "签约", 2), ("news", 2, "天气", 1),
    ("report", 1, "城市更新", 1), ("report", 1, "土地", 1), ("report", 2, "服务", 1), ("report", 2, "天气", 1),
    ("report", 2, "会议", 1), ("report", 2, "交通", 1),
])  # fmt: skip
ITEMS = pd.DataFrame({
    "doc_id": ["plan", "plan", "plan"], "item_id": ["plan/1", "plan/2", "plan/3"],
    "title": ["创新家庭医生推广机制", "城市更新", "强区放权"], "para_no": [2, 4, 5],
    "para_end": pd.array([3, None, None], dtype="Int64"), "section": ["plan", "plan", "plan"],
})  # fmt: skip


def test_later_documents_are_the_same_places_dated_after_the_plan():
    assert later_docs(DOCS, "plan")["doc_id"].tolist() == ["news", "report", "same_year"]
    assert later_docs(DOCS, "report").empty
    assert later_docs(DOCS, "nowhere").empty  # a document placed nowhere has no place to follow
    with pytest.raises(ValueError, match="no document"):
        later_docs(DOCS, "missing")


def test_each_item_meets_the_later_paragraph_it_shares_terms_with():
    later = later_docs(DOCS, "plan")
    found = match_items(ITEMS, TERMS, later, min_similarity=0.3)
    assert found[["item_id", "later_doc_id", "para_no"]].values.tolist() == [
        ["plan/1", "news", 1],
        ["plan/2", "report", 1],
    ]
    assert found["similarity"].between(0.3, 1).all()
    assert match_items(ITEMS, TERMS, later, min_similarity=1.0).empty  # no passage is the item itself
    with pytest.raises(ValueError, match="min_similarity"):
        match_items(ITEMS, TERMS, later, min_similarity=0)


def test_the_similarity_is_the_cosine_over_all_of_each_paragraphs_terms():
    # TF-IDF (1 + ln count, idf = ln((1 + paragraphs) / (1 + paragraphs with the term)) + 1), by hand:
    # a later paragraph's terms the item lacks (天气) still lengthen its vector, and rows of a
    # document outside the plan and its later documents count nowhere
    import math

    later = later_docs(DOCS, "plan")
    extra = _terms([("other", 1, "家庭医生", 1), ("other", 2, "家庭医生", 1)])
    found = match_items(ITEMS, pd.concat([TERMS, extra]), later, min_similarity=0.05)
    n = 7  # paragraphs of the plan (3) and of its later documents (2 + 2)

    def idf(df):
        return math.log((1 + n) / (1 + df)) + 1

    item = {"家庭医生": (1 + math.log(2)) * idf(2), "签约": idf(2), "服务": idf(2)}
    news = {"家庭医生": idf(2), "签约": (1 + math.log(2)) * idf(2)}
    dot = sum(w * news.get(t, 0) for t, w in item.items())
    cosine = dot / math.dist([0, 0, 0], list(item.values())) / math.dist([0, 0], list(news.values()))
    got = found.set_index(["item_id", "later_doc_id"])["similarity"]
    assert got["plan/1", "news"] == round(cosine, 3)
    report = {t: idf(1 if t in ("会议", "交通") else 2) for t in ("服务", "天气", "会议", "交通")}
    passing = item["服务"] * report["服务"] / math.dist([0] * 3, list(item.values()))
    assert got["plan/1", "report"] == round(passing / math.dist([0] * 4, list(report.values())), 3)


def test_a_passing_mention_falls_below_a_higher_threshold():
    later = later_docs(DOCS, "plan")
    low = match_items(ITEMS, TERMS, later, min_similarity=0.05)
    assert ["plan/1", "report"] in low[["item_id", "later_doc_id"]].values.tolist()  # 服务 alone
    assert ["plan/1", "report"] not in match_items(ITEMS, TERMS, later, min_similarity=0.3)[
        ["item_id", "later_doc_id"]
    ].values.tolist()


def test_a_later_review_part_reports_and_a_later_plan_part_plans_again():
    # as 海拉尔区's reports (eval/dev/followthrough): 一、2018年工作回顾 over the review's paragraphs,
    # 二、2019年工作安排 over the next year's plan
    short = pd.DataFrame({
        "doc_id": ["report", "report", "report", "news"], "para_no": [0, 3, 9, 0],
        "text": ["一、2018年工作回顾", "（一）经济发展", "二、2019年工作安排", "新闻"],
    })  # fmt: skip
    marks = part_marks(short)
    assert marks.values.tolist() == [["report", 0, "review"], ["report", 9, "plan"]]
    later = later_docs(DOCS, "plan")
    # the report's paragraph 2 shares 服务 with item 1 alone (0.205): a passing mention anywhere else,
    # but a review's paragraph needs only REVIEW_SHARE of the least similarity
    assert ["plan/1", "report"] not in match_items(ITEMS, TERMS, later, min_similarity=0.3)[
        ["item_id", "later_doc_id"]
    ].values.tolist()
    reviewed = match_items(ITEMS, TERMS, later, min_similarity=0.3, marks=marks.assign(para_no=[2, 9]))
    assert ["plan/1", "report", 2] in reviewed[["item_id", "later_doc_id", "para_no"]].values.tolist()
    # under a plan part, the report's paragraph 1 (城市更新, 土地: item 2 itself) is no mention
    planned = match_items(ITEMS, TERMS, later, min_similarity=0.3, marks=marks.assign(para_no=[0, 1]))
    assert "report" not in planned["later_doc_id"].tolist()
    assert "news" in planned["later_doc_id"].tolist()  # a document without parts is read whole


@pytest.mark.parametrize(
    ("text", "stage", "words"),
    [
        ("已完成街道管理体制改革,推动执法力量下沉", "done", "完成、推动"),
        ("正在推进城市更新试点", "under way", "推进、试点"),
        ("作为最早的建成区,罗湖面临土地不足", "", ""),  # 建成区 is a place, not a stage
        ("印发实施方案,明确分工", "done", "印发"),
        ("会议听取了汇报", "", ""),
    ],
)
def test_status_words_say_done_or_under_way(text, stage, words):
    assert status_of(text) == (stage, words)


def test_items_and_plans_count_mentions_within_one_and_two_years():
    later = later_docs(DOCS, "plan")
    matches = match_items(ITEMS, TERMS, later, min_similarity=0.3)
    mentions = mention_table(matches, DOCS, pd.Series(["完成家庭医生签约", "推进城市更新"]))
    assert mentions["stage"].tolist() == ["done", "under way"]
    assert mentions["later_year"].tolist() == [2018, 2020]
    items = item_table(ITEMS, mentions, DOCS)
    assert items[["item_id", "mentions", "first_year", "within_1_year", "within_2_years", "done"]].astype(
        object
    ).values.tolist() == [
        ["plan/1", 1, 2018, True, True, True],
        ["plan/2", 1, 2020, False, False, False],
        ["plan/3", 0, pd.NA, False, False, False],
    ]
    plans = plan_table(items, pd.Series({"plan": 3}), DOCS)
    row = plans.iloc[0]
    assert (row["items"], row["later_documents"], row["within_1_year"], row["within_2_years"]) == (3, 3, 1, 1)
    assert (row["share_within_1_year"], row["mentioned"], row["never"]) == (0.3333, 2, 1)


def _plan_counts(items: pd.DataFrame) -> pd.Series:
    # each document's items in its plan part, as store.tables.plans_table counts them for items without tasks
    return items[items["section"] == "plan"].groupby("doc_id").size()


def test_the_plan_list_names_each_plan_and_its_later_documents():
    listed = plan_list(_plan_counts(pd.concat([ITEMS, ITEMS.assign(doc_id="nowhere")])), DOCS)
    assert listed[["plan_doc_id", "district", "items", "later_documents"]].values.tolist() == [
        ["plan", "罗湖区", 3, 3],
        ["nowhere", "unplaced", 3, 0],
    ]


def test_no_item_and_no_later_document_give_empty_tables():
    assert match_items(ITEMS.iloc[:0], TERMS, DOCS).empty
    assert match_items(ITEMS, TERMS, DOCS.iloc[:0]).empty
    assert plan_table(item_table(ITEMS.iloc[:0], mention_table(match_items(ITEMS.iloc[:0], TERMS, DOCS), DOCS,
                      pd.Series([], dtype=object)), DOCS), pd.Series(dtype="int64"), DOCS).empty  # fmt: skip


def test_the_plan_list_counts_later_documents_as_later_docs_finds_them():
    docs = pd.concat([DOCS, DOCS.assign(doc_id=DOCS["doc_id"] + "_b", year=pd.array([None] * 8, dtype="Int64"))])
    docs = docs.reset_index(drop=True)
    items = pd.concat([ITEMS.assign(doc_id=d) for d in ("plan", "news", "same_year", "plan_b")])
    listed = plan_list(_plan_counts(items), docs).set_index("plan_doc_id")["later_documents"]
    assert listed.to_dict() == {d: len(later_docs(docs, d)) for d in listed.index}
    assert listed["plan"] == 3 and listed["plan_b"] == 0  # a yearless document is never later, nor has later


_DOC = st.tuples(
    st.sampled_from(["罗湖区", "福田区", ""]),  # a district, or none: unplaced
    st.one_of(st.none(), st.integers(2015, 2019)),
    st.sampled_from(["", "03-01", "06-15", "09-01"]),  # a stated day of the year, or none
)


@settings(deadline=None)  # a property, not a timing: each example builds frames (0.15-0.4 s on a busy machine)
@given(st.lists(_DOC, min_size=1, max_size=25))
def test_the_plan_lists_later_documents_are_those_later_docs_finds(rows):
    # every document a plan: the whole-corpus sorted search agrees with a look at each plan's place
    docs = pd.DataFrame({
        "doc_id": [f"d{i}" for i in range(len(rows))], "district": [r[0] for r in rows],
        "city": ["深圳市" if r[0] else "" for r in rows], "province": ["广东省" if r[0] else "" for r in rows],
        "level": "county", "year": pd.array([r[1] for r in rows], dtype="Int64"),
        "date": [f"{r[1]}-{r[2]}" if r[1] and r[2] else "" for r in rows], "title": "",
    })  # fmt: skip
    listed = plan_list(pd.Series(1, index=docs["doc_id"]), docs).set_index("plan_doc_id")["later_documents"]
    assert listed.to_dict() == {d: len(later_docs(docs, d)) for d in docs["doc_id"]}


def test_a_project_is_read_with_its_measures():
    from explore.analysis.followthrough import _spans

    items = pd.DataFrame({
        "item_id": ["p/1", "p/2", "p/3", "p/4"], "parent_id": ["", "p/1", "p/1", ""],
        "para_no": [1, 2, 4, 7], "para_end": pd.array([1, 3, None, None], dtype="Int64"),
    })  # fmt: skip
    assert _spans(items) == [(1, 4), (2, 3), (4, 4), (7, 7)]
    assert _spans(items.drop(columns="parent_id")) == [(1, 1), (2, 3), (4, 4), (7, 7)]


def _item(item_id, title, start, end, parent=None, doc="p"):
    return {"doc_id": doc, "item_id": item_id, "title": title, "para_no": start, "para_end": end, "parent_id": parent}


def _tasks(items: pd.DataFrame, paragraphs: pd.DataFrame) -> pd.DataFrame:
    """``items`` with the tasks the build counts for each (``analysis.items.task_count``)."""
    text_of = dict(zip(paragraphs["para_no"], paragraphs["text"], strict=True))
    parents = set(items["parent_id"].dropna()) if len(items) else set()
    counts = [task_count(i, a, b, parents=parents, text_of=text_of)
              for i, a, b in zip(items["item_id"], items["para_no"], items["para_end"], strict=True)]  # fmt: skip
    return items.assign(tasks=counts)


def test_a_work_reports_heading_is_read_as_the_tasks_its_lead_sentences_open():
    # 海拉尔区's 2018 plan part, 浙江省's 2025 and a county's (shortened): a heading over paragraphs
    # that each open on a short sentence; a paragraph without one belongs to the task before it
    items = pd.DataFrame([
        _item("1", "在打好“三大攻坚战”上聚焦发力", 1, 4),
        _item("2", "扎实推进共同富裕先行和省域现代化先行", 5, 7),
        _item("3", "全面推进乡村振兴", 8, 9),
    ])  # fmt: skip
    paragraphs = pd.DataFrame({"doc_id": "p", "para_no": range(1, 10), "text": [
        "（一）在打好“三大攻坚战”上聚焦发力",
        "打好防范化解重大风险攻坚战。严格控制债务增量，全面规范举债融资行为。",
        "其中，隐性债务化解任务全部完成。",
        "打好精准脱贫攻坚战。坚持把高质量脱贫放在首位。",
        "二、扎实推进共同富裕先行和省域现代化先行",
        "迭代完善“8+4”经济政策体系。安排省级财政资金1000亿元以上。",
        "加快建设现代化产业体系，培育新质生产力，推动数字经济创新提质。",  # no lead sentence: the first task's
        "三、全面推进乡村振兴",
        "抓好粮食生产。粮食播种面积稳定在1500万亩以上。",  # one task alone: the heading stays the item
    ]})  # fmt: skip
    units = task_units(_tasks(items, paragraphs), paragraphs)
    assert _tasks(items, paragraphs)["tasks"].tolist() == [2, 1, 1]
    assert units[["item_id", "title", "para_no", "para_end", "parent_id"]].fillna("").values.tolist() == [
        ["1/1", "打好防范化解重大风险攻坚战", 2, 3, "1"],
        ["1/2", "打好精准脱贫攻坚战", 4, 4, "1"],
        ["2", "扎实推进共同富裕先行和省域现代化先行", 5, 7, ""],  # one lead sentence: no list of tasks
        ["3", "全面推进乡村振兴", 8, 9, ""],
    ]


def test_a_project_with_measures_and_a_sentence_of_prose_are_no_tasks():
    items = pd.DataFrame([
        _item("1", "深化“放管服”改革", 1, 3),
        _item("1/1", "推进一网通办", 2, 2, parent="1"),
        _item("2", "优化营商环境", 4, 5),
    ])  # fmt: skip
    paragraphs = pd.DataFrame({"doc_id": "p", "para_no": range(1, 6), "text": [
        "1.深化“放管服”改革", "推进一网通办。实现高频事项全程网办。", "推进一件事一次办。",
        "2.优化营商环境",
        # a long first sentence is prose, not a lead; nor is a clause that ends on a comma
        "今年将围绕市场化法治化国际化的营商环境建设目标全面开展对标提升行动。力争进入全国前列。",
    ]})  # fmt: skip
    assert _tasks(items, paragraphs)["tasks"].tolist() == [1, 1, 1]
    assert task_units(_tasks(items, paragraphs), paragraphs)["item_id"].tolist() == ["1", "1/1", "2"]
    assert task_units(_tasks(items, paragraphs).iloc[:0], paragraphs).empty
