"""Responsibility notes: where they stand, whom they name, and the convention stated once."""

import pytest

from explore.analysis.notes import first_unit_leads, is_note, is_note_only, note_roles, note_spans

# The form of 咸阳市2022年深化"放管服"改革优化营商环境工作要点 (item 1, in Simplified).
XIANYANG = (
    "1.全面实施行政许可事项清单管理。依据国家和省行政许可事项清单，编制并公布市、县两级行政许可事项清单。"
    "(市政府办公室、市行政审批制度改革工作领导小组办公室牵头,市级各有关部门及各县市区政府按职责分工负责)"
)


def test_a_note_that_names_its_lead():
    assert note_roles(XIANYANG, first_leads=False) == (
        ["市政府办公室", "市行政审批制度改革工作领导小组办公室"],
        ["市级各有关部门", "各县市区政府"],
        "named lead",
    )


def test_the_first_unit_leads_only_where_the_document_says_so():
    item = "优化审批流程。（国家发展改革委、市场监管总局等按职责分工负责）"
    assert note_roles(item, first_leads=True) == (["国家发展改革委"], ["市场监管总局"], "first listed (stated)")
    assert note_roles(item, first_leads=False) == (["国家发展改革委", "市场监管总局"], [], "every listed unit")


def test_a_note_of_units_that_states_the_convention_as_its_last_clause():
    # 云浮 2019 action plan: "(A,B,C,排名第一位为牵头单位,下同)" — the first unit leads, here and after
    item = "市将学前教育工作列入考核内容。(市教育局,市委农办,各县<市、区>人民政府,排名第一位为牵头单位,下同)"
    assert first_unit_leads(item)
    assert note_roles(item, first_leads=True) == (
        ["市教育局"], ["市委农办", "各县<市、区>人民政府"], "first listed (stated)"
    )  # fmt: skip
    assert note_roles("建设幼儿园。(县发改局、县财政局)", first_leads=False) == (
        ["县发改局", "县财政局"], [], "every listed unit"
    )  # fmt: skip


def test_a_note_without_units_gives_nothing():
    assert note_roles("长期坚持。（2025年底前完成）", first_leads=True) == ([], [], "")
    assert note_roles("", first_leads=False) == ([], [], "")


def test_the_convention_sentences():
    assert first_unit_leads("各项任务中排在第一位的部门为牵头部门，其他部门按职责分工负责。")
    assert first_unit_leads("（列第一位者为牵头单位，下同）")
    assert not first_unit_leads("各部门要加强协作，形成合力。")


def test_a_note_on_its_own_line_is_a_note_and_a_heading_in_brackets_is_not():
    assert is_note("（国家发展改革委、财政部等按职责分工负责）")
    assert not is_note("（一）重大意义") and not is_note("（此件公开发布）") and not is_note("（市、区、旗）")


def test_a_paragraph_of_item_metadata_only():
    assert is_note_only("牵头单位:省发展改革委、省经信厅、省财政厅、省商务厅、省地方金融监管局")
    assert is_note_only("（国家发展改革委、财政部等按职责分工负责）")
    assert not is_note_only("深化“放管服”改革，优化营商环境。（国家发展改革委、财政部等按职责分工负责）")
    assert not is_note_only("")


@pytest.mark.parametrize(
    ("note", "roles"),
    [
        # A牵头，B、C配合: the partners' duty word after the last is no part of its name
        ("（县教育局牵头，县财政局、县住建局配合）", (["县教育局"], ["县财政局", "县住建局"], "named lead")),
        ("（县教育局牵头，县财政局配合）", (["县教育局"], ["县财政局"], "named lead")),
        ("（省发展改革委牵头，省财政厅、省商务厅参与）", (["省发展改革委"], ["省财政厅", "省商务厅"], "named lead")),
        ("（县教育局牵头，县财政局按职责分工负责）", (["县教育局"], ["县财政局"], "named lead")),
        (
            "（县教育局牵头，、县财政局配合）",
            (["县教育局"], ["县财政局"], "named lead"),
        ),  # a stray mark kept by a scrape
        # 牵头 closing the note: every unit before it leads
        ("（县教育局、县财政局牵头）", (["县教育局", "县财政局"], [], "every listed unit")),
        ("（年底前完成）", ([], [], "")),
    ],
)
def test_the_units_a_note_names_and_their_roles(note, roles):
    assert note_roles(note, first_leads=False) == roles


@pytest.mark.parametrize(
    ("text", "note"),
    [
        ("（市场监管总局负责）", True),
        ("（市场监管总局负责）。", True),  # its sentence's stop after it
        ("（市场监管总局负责）；", True),
        ("（年底前完成）", False),  # a bracket that names no unit
        ("新建幼儿园（市场监管总局负责）", False),  # an item that closes with its note
        ("。（市场监管总局负责）", False),
    ],
)
def test_a_paragraph_that_is_only_a_note(text, note):
    assert is_note(text) is note


def test_note_spans_that_touch_or_overlap_are_one():
    # a labelled list inside its bracket note: one span, brackets included
    assert note_spans("推进营商环境改革。（牵头单位：区发改局；配合单位：区财政局）") == [(9, 30)]
    assert note_spans("（区发改局负责）（区财政局、区税务局负责）") == [(0, 21)]  # two notes side by side
    assert note_spans("牵头单位：区发改局（区财政局、区税务局负责）") == [(0, 22)]
    assert note_spans("推进改革。") == []


@pytest.mark.parametrize(
    ("text", "only"),
    [
        ("牵头单位：区发展改革局、区财政局", True),
        ("牵头单位： 区发展改革局、 区财政局", True),  # spaces count for nothing
        ("推进。牵头单位：区发展和改革局", True),  # the note is 80% of it
        ("推进。 牵头单位：区发展和改革局", True),
        ("推进改。牵头单位：区发展和改革局", False),  # 75%
        ("", False),
    ],
)
def test_a_paragraph_that_is_item_metadata_and_nothing_more(text, only):
    assert is_note_only(text) is only
