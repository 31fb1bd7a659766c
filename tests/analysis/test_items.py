"""Reform items: each numbering style on small made-up plans, documents with none, the seeds."""

from collections import Counter

import pandas as pd
import pytest
from hypothesis import given
from hypothesis import strategies as st

from explore.analysis.items import ITEM_COLUMNS, extract_items, filter_items, lead_units
from explore.analysis.outline import split_title
from explore.analysis.roles import UNIT_SEPARATORS
from explore.ingest.lexicon import default_lexicon


def items_of(*paragraphs: str, lexicon=None) -> pd.DataFrame:
    paras = pd.DataFrame({"doc_id": "d", "para_no": range(1, len(paragraphs) + 1), "text": list(paragraphs)})
    docs = pd.DataFrame({"doc_id": ["d"], "district": ["某区"], "year": [2019]})
    return extract_items(paras, docs, lexicon=lexicon)


def test_sections_projects_and_measures_nest():
    table = items_of(
        "一、指导思想",
        "（一）坚持问题导向。要求改革更精准。",  # a framing section holds no reform items
        "二、重点改革项目",
        "（一）商事登记制度改革",
        "围绕市场主体,推进改革。",
        "1.简化登记。推行全程电子化。(牵头单位:区市场监管局、区政务服务局)",
        "2、加强监管。建立信用监管。(牵头单位:区市场监管局,协办单位:区司法局)",
        "（二）教育体制改革",
        "1.推进集团化办学。扩大优质学位。(牵头单位:区教育局)",
        "三、保障措施",
        "（一）加强组织领导。各单位要落实责任。",
    )
    assert list(table.columns) == ITEM_COLUMNS
    projects = table[table["level"] == "project"]
    assert projects["title"].tolist() == ["商事登记制度改革", "教育体制改革"]
    assert set(projects["tier"]) == {"重点改革项目"}
    assert projects["number"].tolist() == ["（一）", "（二）"]
    # a project without its own lead lists its measures' leads
    assert projects["lead"].tolist() == ["区市场监管局、区政务服务局", "区教育局"]
    measures = table[table["level"] == "measure"]
    assert measures["title"].tolist() == ["简化登记", "加强监管", "推进集团化办学"]
    assert measures["lead"].tolist() == ["区市场监管局、区政务服务局", "区市场监管局", "区教育局"]
    assert measures["partners"].tolist() == ["", "区司法局", ""]
    assert measures["parent_id"].tolist() == [projects["item_id"].iloc[0]] * 2 + [projects["item_id"].iloc[1]]
    assert projects["text"].iloc[0] == "商事登记制度改革\n围绕市场主体,推进改革。"


def test_arabic_list_with_leaders_and_groups():
    table = items_of(
        "改革项目一览表",
        "1.深化基层治理改革牵头区领导:区委书记",
        "理顺职能。这是社会体制改革专项小组负责项目。",
        "2.优化营商环境",
        "推行秒批。这是经济体制改革专项小组负责项目。",
    )
    assert table["title"].tolist() == ["深化基层治理改革", "优化营商环境"]
    assert table["lead"].tolist() == ["", ""]  # a leader is not a lead unit
    assert table["leaders"].tolist() == ["区委书记", ""]
    assert table["group"].tolist() == ["社会体制改革专项小组", "经济体制改革专项小组"]
    assert table["tier"].tolist() == ["改革项目一览表"] * 2
    assert (table["level"] == "project").all()


def test_yi_shi_paragraphs():
    table = items_of(
        "回顾去年:改革成效明显",
        "一是推进放管服改革。全年压减审批事项。",
        "正文段落。",
        "二是深化医疗改革。组建医疗集团。",
        "后记:今年继续努力",
        "写在最后的话。",
    )
    assert table["number"].tolist() == ["一是", "二是"]
    assert table["title"].tolist() == ["推进放管服改革", "深化医疗改革"]
    assert table["tier"].tolist() == ["回顾去年:改革成效明显"] * 2
    assert table["text"].iloc[0] == "推进放管服改革。全年压减审批事项。\n正文段落。"
    assert table["text"].iloc[1] == "深化医疗改革。组建医疗集团。"  # a heading line ends it


def test_a_lone_er_shi_is_prose():
    assert items_of("二是这个道理。", "三是那个道理。").empty


@pytest.mark.parametrize(
    ("announce", "members", "tier"),
    [
        ("3项改革", ["深化营商环境改革", "教育高质量发展改革", "停车场智慧管理模式改革"], "3项改革"),
        (
            "今年全区将深化推进三项重大改革举措:",
            ["深化土地管理改革。推动规划试点。", "深化交通改革。争取试验区。", "深化教育改革。扩大学位。"],
            "今年全区将深化推进三项重大改革举措",
        ),
    ],
)
def test_lists_announced_by_a_count(announce, members, tier):
    table = items_of("引言。", announce, *members, "结语,改革永远在路上。")
    assert len(table) == 3
    assert table["tier"].tolist() == [tier] * 3
    assert table["number"].tolist() == ["", "", ""]
    assert table["position"].tolist() == [1, 2, 3]
    assert table["title"].tolist() == [split_title(m)[0] for m in members]


def test_a_count_without_that_many_short_items_is_no_list():
    assert items_of("部署了23项重点改革举措:", "聚焦产业空间不足的问题,争取成为试验区;", "结尾。").empty


@pytest.mark.parametrize(
    "paragraphs",
    [
        (),
        ("",),
        ("这是一篇没有编号的新闻。", "记者走访了多个街道,发现改革成效明显。"),
        ("2017.3.28", "12.5%的增长"),  # numbers that are not numbering
    ],
)
def test_documents_without_items(paragraphs):
    table = items_of(*paragraphs)
    assert table.empty and list(table.columns) == ITEM_COLUMNS


def test_themes_and_filters():
    table = items_of(
        "二、改革项目",
        "（一）营商环境改革。推进商事登记。(牵头单位:区市场监管局)",
        "（二）教育改革。建设学校。(牵头单位:区教育局、区财政局)",
        lexicon=default_lexicon(),
    )
    assert table["theme"].tolist() == ["营商环境", "教育"]
    assert filter_items(table, lead="区财政局")["title"].tolist() == ["教育改革"]
    assert filter_items(table, themes=["营商环境"])["title"].tolist() == ["营商环境改革"]
    assert len(filter_items(table, levels=["project"], tiers=["改革项目"])) == 2
    assert lead_units(table) == ["区市场监管局", "区教育局", "区财政局"]
    with pytest.raises(ValueError, match="level must be"):
        filter_items(table, levels=["task"])


def test_seed_plans(seeds_corpus):
    table = extract_items(seeds_corpus.paragraphs, seeds_corpus.docs, lexicon=default_lexicon())
    by_doc = {d: g for d, g in table.groupby("doc_id")}
    luohu = by_doc["001_3c0b11c1ebd16181"]
    projects = luohu[luohu["level"] == "project"]
    assert projects["tier"].value_counts().to_dict() == {
        "新推重点改革项目": 5,
        "深化重点改革项目": 5,
        "前期探索改革项目": 3,
    }
    measures = luohu[luohu["level"] == "measure"]
    assert len(measures) == 67 and (measures["lead"] != "").all()
    assert "\ufffd" not in "".join(projects["title"])  # the repair made every project heading readable
    assert {"强区放权体制机制改革", "人力资源统筹配置改革", "政府投资项目运行机制改革"} <= set(projects["title"])
    pingshan = by_doc["003_f8cf5c05e3781792"]
    assert len(pingshan) == 9
    assert pingshan["leaders"].tolist()[:2] == ["区委书记吕玉印", "区长陶永欣"]
    assert (pingshan["group"].iloc[2:].str.endswith("专项小组")).all()
    assert len(by_doc["004_dfc0eb8523fa337d"]) == 13
    longgang = by_doc["000_373ae69c3ea13910"]
    assert longgang["number"].tolist()[:4] == ["一是", "二是", "三是", "四是"]
    assert (longgang["tier"] == "深化推进7项重大改革举措").sum() == 7
    assert "002_bc0693a77c45025f" not in by_doc or len(by_doc["002_bc0693a77c45025f"]) < 10


def test_a_work_report_review_is_not_a_plan_and_a_salutation_heads_nothing():
    table = items_of(
        "各位代表:",
        "一、2018年工作回顾",
        "（一）经济运行平稳。全县生产总值增长6%。",
        "二、2019年工作安排",
        "（一）深化放管服改革。推行一网通办。",
    )
    assert "各位代表" not in set(table["tier"])
    by_title = dict(zip(table["title"], table["section"], strict=True))
    assert by_title["经济运行平稳"] == "review"
    assert by_title["深化放管服改革"] == "plan"
    assert filter_items(table, sections=["plan"])["title"].tolist() == ["深化放管服改革"]


def test_a_budget_report_accounts_are_not_plans():
    table = items_of("一、2020年预算执行情况", "（一）公共财政预算执行情况", "1.收入执行情况。收入完成37578万元。")
    assert set(table["section"]) == {"other"}


def test_a_table_item_row_in_full():
    table = items_of("任务分解表", "序号 | 工作任务 | 牵头单位 | 配合单位 | 责任领导 |",
                     "1 | 编制服务业发展规划。 | 区发展改革局 | 区商务局 | 张三 |",
                     "2 | 制定金融措施。 | 区金融局 | 区财政局 | 李四 |")  # fmt: skip
    row = table.iloc[0].to_dict()
    assert {k: row[k] for k in ("item_id", "parent_id", "level", "tier", "number", "position", "title", "lead",
                                "partners", "leaders", "group", "section", "para_no", "para_end", "text")} == {
        "item_id": "d/1", "parent_id": "", "level": "project", "tier": "任务分解表", "number": "1", "position": 1,
        "title": "编制服务业发展规划", "lead": "区发展改革局", "partners": "区商务局", "leaders": "张三", "group": "",
        "section": "plan", "para_no": 3, "para_end": 3, "text": "编制服务业发展规划。",
    }  # fmt: skip
    assert table["position"].tolist() == [1, 2]


def test_a_table_row_fills_only_an_empty_lead_and_keeps_partners():
    table = items_of("序号 | 省部署任务 | 市落实措施 | 牵头单位 | 配合单位 | 完成时限 |",
                     "(一)全面实施清单管理。 | 1.编制清单。 | (1)编制市级清单。 | 市行政审批局 | 各区县政府 | 11月 |",
                     "(二)推进改革。(牵头单位:市发改委) | 1.改革。 | (1)推进。 | 市司法局 | 各区县政府 | 12月 |")  # fmt: skip
    assert table["lead"].tolist()[:2] == ["市行政审批局", "市发改委"]
    assert table["partners"].tolist()[0] == "各区县政府"


@pytest.mark.parametrize(
    ("paragraphs", "sections"),
    [
        (("一、过去一年工作回顾", "（一）经济平稳。增长6%。", "（二）民生改善。就业稳定。"), ["review", "review"]),
        (("（一）2018年工作回顾", "（二）2019年工作安排"), ["review", "plan"]),
        (("一、工作回顾", "（一）经济平稳。增长6%。", "二、工作安排", "（一）深化改革。推进一网通办。"),
         ["review", "plan"]),
        (("（一）深化改革。推进一网通办。",), ["plan"]),
        (("一、2020年预算执行情况", "（一）收入情况。收入增长。"), ["other"]),
    ],
)  # fmt: skip
def test_sections(paragraphs, sections):
    table = items_of(*paragraphs)
    assert table["section"].tolist()[: len(sections)] == sections


def test_filters_combine_and_match_units_literally():
    table = pd.DataFrame(
        {"level": ["project", "measure", "measure"], "tier": ["甲", "甲", "乙"], "theme": ["教育", "教育", ""],
         "section": ["plan", "plan", "review"], "lead": ["区委(区政府)办公室", "区教育局", ""], "leaders": ["", "", "张三"]}
    )  # fmt: skip
    assert len(filter_items(table, levels=["measure"], tiers=["甲"])) == 1
    assert len(filter_items(table, themes=["教育"], sections=["plan"], levels=["project"])) == 1
    assert len(filter_items(table, lead="区委(区政府)")) == 1  # brackets are not a pattern
    assert len(filter_items(table, lead="张三")) == 1
    assert len(filter_items(table, lead="张三", sections=["plan"])) == 0  # a lead narrows the other choices
    assert filter_items(table, levels=["measure"]).index.tolist() == [0, 1]
    assert lead_units(table) == ["区委(区政府)办公室", "区教育局", "张三"]
    with pytest.raises(ValueError, match="level must be"):
        filter_items(table, levels=["tier"])
    with pytest.raises(ValueError, match="section must be plan, review or other"):
        filter_items(table, sections=["budget"])
    assert len(filter_items(table, levels=["project", "measure"])) == 3


def test_unnumbered_paragraphs_that_name_who_answers_for_them_are_items():
    # a national news page on the year's targets: each target, then 这项工作由X负责
    table = items_of(
        "主要预期目标完成良好",
        "国内生产总值增长6.5%—7%。这项工作由国家发展改革委负责,去年国内生产总值增长6.7%。",
        "居民消费价格涨幅3%左右。这项工作由发展改革委负责,去年居民消费价格涨幅为2.0%。",
        "城镇新增就业1000万人以上。这项工作由人力资源社会保障部负责,去年全国城镇新增就业1314万人。",
    )
    assert table["lead"].tolist() == ["国家发展改革委", "发展改革委", "人力资源社会保障部"]
    assert table["title"].tolist() == ["国内生产总值增长6.5%—7%", "居民消费价格涨幅3%左右", "城镇新增就业1000万人以上"]


def test_two_paragraphs_that_name_a_unit_in_passing_are_prose():
    table = items_of(
        "今年我们将继续推进教育改革。具体工作由县教育局负责。",
        "农村公路建设加快推进,由县交通运输局负责实施。",
        "我们要以更加饱满的热情投入工作。",
    )
    assert table.empty


def test_every_section_is_a_choice_and_the_columns_stay_as_they_were():
    table = pd.DataFrame(
        {"level": ["project", "measure", "measure"], "tier": ["甲", "甲", "乙"], "theme": ["教育", "", ""],
         "section": ["plan", "review", "other"], "lead": ["区教育局", "", ""], "leaders": ["", "", ""]},
        index=[7, 8, 9],
    )  # fmt: skip
    assert filter_items(table, sections=["review", "other"])["section"].tolist() == ["review", "other"]
    # kept or not, the rows come back numbered from 0 with no column more
    for kept in (filter_items(table), filter_items(table, levels=["measure"])):
        assert list(kept.columns) == list(table.columns) and kept.index.tolist() == list(range(len(kept)))


def test_a_sessions_lexicon_themes_items_by_their_title_first():
    from explore.analysis.items import themed

    table = pd.DataFrame({"title": ["推进学校建设", "深化改革"], "text": ["医院医院", "医院"], "theme": ["x", "y"]})
    lexicon = pd.DataFrame({"theme": ["教育", "医疗"], "terms": ["学校", "医院"]})
    # a title's term counts three times a text's: 学校 once in the title beats 医院 twice in the text
    out = themed(table, lexicon)
    assert out["theme"].tolist() == ["教育", "医疗"]
    assert table["theme"].tolist() == ["x", "y"]  # the table handed in is left as it was
    assert themed(table, lexicon.iloc[:0])["theme"].tolist() == ["", ""]


def test_an_items_section_is_the_nearest_section_heading_above_its_tier():
    # a county work report: unnumbered part headings, a field heading, then the numbered items
    table = items_of(
        "2022年工作回顾", "经济发展", "一、地区生产总值增长5%。", "二、新增市场主体1万户。",
        "2023年工作安排", "经济发展", "一、力争地区生产总值增长6%。", "二、新增市场主体1.2万户。",
    )  # fmt: skip
    assert table[["para_no", "tier", "section"]].values.tolist() == [
        [3, "经济发展", "review"], [4, "经济发展", "review"], [7, "经济发展", "plan"], [8, "经济发展", "plan"],
    ]  # fmt: skip
    # a report's opening sentence names its parts, but no heading: the items are the plan's
    opening = "各位代表：现在我向大会报告过去一年的工作回顾和今年的工作安排，请予审议，并请各位政协委员提出意见。"
    table = items_of(opening, "经济发展", "一、地区生产总值增长5%。", "二、新增市场主体1万户。")
    assert table["section"].tolist() == ["plan", "plan"]


def test_items_of_several_documents_in_their_order_with_each_ones_place_and_year():
    paras = pd.DataFrame(
        {
            "doc_id": ["b", "b", "z", "a", "a"],
            "para_no": [1, 2, 1, 1, 2],
            "text": [
                "一、新建幼儿园3所（牵头单位：县教育局）",
                "二、改造道路5公里（牵头单位：县交通局）",
                "一、无此文档",
                "一、建设广场",
                "二、改造小区",
            ],
        }
    )
    docs = pd.DataFrame({"doc_id": ["a", "b", "c"], "district": ["甲区", "乙县", "丙区"], "year": [2020, 2021, 2022]})
    table = extract_items(paras, docs)
    # the paragraphs' order, not the ids'; a document outside ``docs`` (z) gives none, and the ones after it still do
    assert table[["doc_id", "district", "year", "title"]].values.tolist() == [
        ["b", "乙县", 2021, "新建幼儿园3所"], ["b", "乙县", 2021, "改造道路5公里"],
        ["a", "甲区", 2020, "建设广场"], ["a", "甲区", 2020, "改造小区"],
    ]  # fmt: skip
    assert table["item_id"].tolist() == ["b/1", "b/2", "a/1", "a/2"]
    assert extract_items(paras, docs.iloc[0:0]).empty  # no documents: no items


def test_the_lead_filter_reads_the_lead_and_the_leaders_apart():
    table = pd.DataFrame(
        {"level": ["project", "project"], "tier": ["", ""], "theme": ["", ""], "section": ["plan", "plan"],
         "lead": ["区财政局", "区教育"], "leaders": ["张三", "局长李四"], "title": ["甲", "乙"]}
    )  # fmt: skip
    # 区教育 + 局长 must not join into 区教育局 across the two fields
    assert filter_items(table, lead="区教育局")["title"].tolist() == []
    assert filter_items(table, lead="区教育")["title"].tolist() == ["乙"]
    assert filter_items(table, lead="张三", levels=["project"])["title"].tolist() == ["甲"]


def test_the_items_table_types_a_missing_year_as_missing():
    paras = pd.DataFrame({"doc_id": ["a", "a"], "para_no": [1, 2], "text": ["一、建设广场", "二、改造小区"]})
    docs = pd.DataFrame({"doc_id": ["a"], "district": [""], "year": [None]})
    table = extract_items(paras, docs)
    assert str(table["year"].dtype) == "Int64" and table["year"].isna().all()
    assert [str(table[c].dtype) for c in ("position", "para_no", "para_end")] == ["int64"] * 3


names = st.lists(st.one_of(st.none(), st.text(alphabet="区局甲乙 、；;,，\u3000", max_size=12)), max_size=8)


@given(names, names)
def test_the_lead_picker_counts_each_name_as_a_split_a_row_would(leads, leaders):
    # joined and split once, trimmed once a distinct piece: the same units in the same order as a
    # split and a trim of every row's names (ties in the order first named, leads before leaders)
    n = max(len(leads), len(leaders))
    table = pd.DataFrame({"lead": leads + [None] * (n - len(leads)), "leaders": leaders + [None] * (n - len(leaders))})
    table = table.astype({"lead": "string", "leaders": "string"})
    counts = Counter(
        unit
        for name in [*table["lead"].dropna(), *table["leaders"].dropna()]
        for unit in (piece.strip() for piece in UNIT_SEPARATORS.split(name))
        if unit
    )
    assert lead_units(table) == [unit for unit, _ in counts.most_common()]
