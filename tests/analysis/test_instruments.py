"""Policy instruments × a second dimension: types from code names, the grid of every code and
value, shares of the table and of a column, fragments of several themes, and the shipped
codebook's rules on sentences from documents of several kinds."""

from __future__ import annotations

import pandas as pd
import pytest

from explore.analysis.coding import parse_codebook, shipped_text
from explore.analysis.instruments import (
    NONE,
    count_fragments,
    counts_from_documents,
    fragments_across,
    in_cell,
    instrument_table,
    type_of,
    type_totals,
    values_of,
)

DOCS = pd.DataFrame(
    {
        "doc_id": ["a", "b", "c"],
        "year": pd.array([2019, 2021, None], dtype="Int64"),
        "level": ["county", "province", ""],
        "genre": ["方案", "", "通知"],
        "district": ["罗湖区", "", ""],
        "city": ["深圳市", "", ""],
        "province": ["广东省", "浙江省", ""],
    }
)
CODED = pd.DataFrame(
    {
        "doc_id": ["a", "a", "a", "b", "c"],
        "para_no": [1, 1, 2, 1, 3],
        "code": ["供给型/人才培养", "需求型/示范工程", "供给型/人才培养", "需求型/示范工程", "供给型/人才培养"],
    }
)
CODES = ["供给型/人才培养", "环境型/税收优惠", "需求型/示范工程"]


def _table(coded, values, across):
    counts = count_fragments(fragments_across(coded, values, across), across)
    return instrument_table(counts, values[across], CODES, across)


def test_a_code_is_typed_by_its_name():
    assert type_of("供给型/人才培养") == ("供给型", "人才培养")
    assert type_of("环境型/法规/管制") == ("环境型", "法规/管制")
    assert type_of("regulation") == ("regulation", "regulation")


def test_every_code_has_a_row_for_every_year_and_columns_sum_to_one():
    table = _table(CODED, values_of(DOCS, "year"), "year")
    assert table["year"].astype("string").fillna("?").tolist()[:3] == ["2019", "2021", "?"]
    assert len(table) == 9  # three codes × 2019, 2021 and no year
    cell = table.set_index(["code", table["year"].astype("string").fillna("?")])
    assert cell.loc[("供给型/人才培养", "2019"), "fragments"] == 2
    assert cell.loc[("环境型/税收优惠", "2019"), "fragments"] == 0
    assert cell.loc[("供给型/人才培养", "2019"), "share"] == 0.4  # 2 of the 5 coded fragments
    assert cell.loc[("供给型/人才培养", "2019"), "share_within"] == 0.6667  # of 2019's 3
    assert table.groupby(table["year"].astype("string").fillna("?"))["share_within"].sum().round(6).eq(1).all()


def test_empty_values_read_none_and_come_last():
    table = _table(CODED, values_of(DOCS, "genre"), "genre")
    assert list(dict.fromkeys(table["genre"])) == ["方案", "通知", NONE]
    types = type_totals(table, "genre")
    assert types[types["genre"] == "方案"].set_index("type")["fragments"].to_dict() == {
        "供给型": 2, "环境型": 0, "需求型": 1,
    }  # fmt: skip


def test_a_fragment_of_two_themes_counts_in_each_and_one_of_none_in_none():
    themes = pd.DataFrame({"doc_id": ["a", "a", "b"], "para_no": [1, 1, 1], "theme": ["人才", "教育", "人才"]})
    table = _table(CODED, values_of(DOCS, "theme", themes=themes), "theme")
    cell = table.set_index(["code", "theme"])["fragments"]
    assert cell[("供给型/人才培养", "人才")] == 1 and cell[("供给型/人才培养", "教育")] == 1
    assert cell[("供给型/人才培养", NONE)] == 2  # a's second paragraph and c's third name no theme


def test_place_is_the_district_or_the_group_above():
    table = _table(CODED, values_of(DOCS, "place"), "place")
    assert set(table["place"]) == {"罗湖区", "浙江省 · province level", "unplaced"}


@pytest.mark.parametrize("across", ["year", "level", "genre", "place"])
def test_counts_from_documents_equal_counts_from_fragments(across):
    values = values_of(DOCS, across)
    per_doc = CODED.groupby(["doc_id", "code"]).size().rename("coded").reset_index()
    by_docs = instrument_table(counts_from_documents(per_doc, values, across), values[across], CODES, across)
    pd.testing.assert_frame_equal(by_docs, _table(CODED, values, across))


def test_a_cell_is_found_by_its_value_as_written():
    values = values_of(DOCS, "year")
    rows = CODED.merge(values, on="doc_id")
    assert in_cell(rows, "year", "2019")["para_no"].tolist() == [1, 1, 2]
    assert in_cell(rows, "year", NONE)["doc_id"].tolist() == ["c"]


def test_unknown_dimension_and_theme_without_themes_are_refused():
    with pytest.raises(ValueError, match="across must be one of"):
        values_of(DOCS, "colour")  # type: ignore[arg-type]
    with pytest.raises(ValueError, match="needs each paragraph's themes"):
        values_of(DOCS, "theme")


def test_no_coded_fragment_gives_zero_shares_not_an_error():
    table = _table(CODED.iloc[:0], values_of(DOCS, "level"), "level")
    assert table["fragments"].eq(0).all() and table["share"].eq(0).all() and table["share_within"].eq(0).all()


# Sentences from documents of several kinds and levels, and the instrument each uses.
SENTENCES = [
    ("对引进的高层次人才给予安家补贴", "供给型/人才培养"),
    ("市财政每年安排专项资金1亿元", "供给型/资金投入"),
    ("支持企业开展关键核心技术攻关", "供给型/技术支持"),
    ("推进政务服务“一网通办”", "供给型/公共服务"),
    ("建设全省统一的数据共享交换平台", "供给型/信息支持"),
    ("加快5G基站和充电桩等新型基础设施建设", "供给型/基础设施建设"),
    ("到2025年,全县建成高标准农田10万亩", "环境型/目标规划"),
    ("鼓励银行业金融机构加大信贷投放", "环境型/金融支持"),
    ("落实小微企业增值税减免政策", "环境型/税收优惠"),
    ("制定出台《物业管理条例》", "环境型/法规管制"),
    ("对工作成效突出的单位予以表彰", "环境型/策略性措施"),
    ("扩大政府采购中小企业产品份额", "需求型/政府采购"),
    ("通过政府购买服务方式委托第三方开展评估", "需求型/服务外包"),
    ("创建国家级示范区", "需求型/示范工程"),
    ("提升跨境电商通关便利化水平", "需求型/贸易管制"),
    ("积极开展国际合作,吸引外资", "需求型/海外交流"),
]


@pytest.mark.parametrize(("sentence", "code"), SENTENCES)
def test_the_shipped_codebook_codes_each_instruments_wording(sentence, code):
    codes = parse_codebook(shipped_text("instruments"))
    assert codes[code].matches(sentence)


def test_a_sentence_without_an_instrument_is_coded_with_none():
    codes = parse_codebook(shipped_text("instruments"))
    assert not [c for c, rule in codes.items() if rule.matches("会议由区长主持。")]


def test_two_coders_sheets_of_the_instruments_give_kappa_and_alpha():
    from explore.analysis.coding import agreement, coding_sheet

    codes = list(parse_codebook(shipped_text("instruments")))
    paragraphs = pd.DataFrame({"doc_id": ["a"] * 8, "para_no": range(1, 9), "text": [s for s, _ in SENTENCES[:8]]})
    first = coding_sheet(paragraphs, DOCS, codes, sample=8)
    second = first.copy()
    for sheet in (first, second):
        sheet[codes] = "0"
    first.loc[[0, 1, 2, 3], "供给型/人才培养"] = "1"
    second.loc[[0, 1, 2, 4], "供给型/人才培养"] = "1"  # they differ on two paragraphs of eight
    table, differ = agreement(first, second)
    row = table.set_index("code").loc["供给型/人才培养"]
    assert row["agreement"] == 0.75 and row["cohen_kappa"] == 0.5 and row["krippendorff_alpha"] == 0.5312
    assert len(differ) == 2
    assert table.set_index("code").loc["需求型/示范工程", "note"].startswith("every paragraph coded 0")
