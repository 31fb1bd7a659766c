"""The role readers on one piece of an item (pure): a sentence naming the units of the tasks
above it, a task closing with its note, a reform group named by its responsibility, a unit line or
cell's lead and partners."""

import pytest

from explore.analysis.roles import cell_roles, closes_with_note, reform_group, stated_for, unit_line_roles


@pytest.mark.parametrize(
    ("sentence", "stated"),
    [
        # a plan's targets with one sentence after them naming their units (dev/ Jiaxing's 十一五 split)
        ("4项目标的责任单位均为市发展改革委。", (4, ["市发展改革委"])),
        ("该目标责任单位为市经委。", (1, ["市经委"])),
        ("以上目标责任单位为市经委、市财政局。", (None, ["市经委", "市财政局"])),  # every task since the last
        ("这十二项任务的责任单位为市经委、市财政局。", (12, ["市经委", "市财政局"])),  # the count in Chinese numerals
        ("第一项目标的责任单位为市经委。这2项任务的牵头单位分别为市教育局。", (2, ["市教育局"])),  # the last sentence
        ("全年目标的责任单位为市经委。", None),  # names no tasks above it
        ("本段不说责任单位。", None),
    ],
)
def test_a_sentence_naming_the_units_of_the_tasks_above_it(sentence, stated):
    assert stated_for(sentence) == stated


@pytest.mark.parametrize(
    ("text", "closes"),
    [
        ("单位地区生产总值能源消耗力争降低20%左右。(省经贸委牵头)", True),  # a task with its own note
        ("推进改革（县发改局负责）。", True),
        ("（牵头单位：县发改局）", False),  # a note alone: the note of the task above
        ("推进（牵头单位：县发改局）", False),  # three characters are no task
        ("推进改革（县发改局负责）后再议", False),  # the note does not close it
    ],
)
def test_a_task_that_closes_with_its_note(text, closes):
    assert closes_with_note(text) is closes


@pytest.mark.parametrize(
    ("text", "group"),
    [
        ("深化国资国企改革。此项由国资国企改革专项小组负责。", "国资国企改革专项小组"),
        ("推进医药卫生体制改革(医改领导小组负责)", "医改领导小组"),
        ("均由营商环境工作组负责", "营商环境工作组"),
        ("推进营商环境改革(区发改局负责)", ""),  # a unit, not a reform group
        ("成立工作专班,专项小组统筹推进", ""),  # a group named, but not as responsible
    ],
)
def test_a_reform_group_is_named_by_its_responsibility(text, group):
    assert reform_group(text) == group


_ROW = [(2, "2所"), (3, "区教育局、区财政局"), (4, "区住建局"), (5, "年底前完成")]  # an item's row, a cell a line


@pytest.mark.parametrize(
    ("body", "first_leads", "one_column", "expected"),
    [
        (_ROW, False, False, ("区教育局、区财政局", "", "unit column")),  # every listed unit leads
        (_ROW, True, False, ("区教育局", "区财政局", "unit column")),  # the first-listed convention
        # one unit column: the unit lines that follow are the same cell (区科委 / 区金融办)
        (_ROW, False, True, ("区教育局、区财政局、区住建局", "", "unit column")),
        (_ROW, True, True, ("区教育局", "区财政局、区住建局", "unit column")),
        ([(2, "区科委")], True, False, ("区科委", "", "unit column")),
        # the row's cells end six lines after the item: a unit past them is another row's
        (
            [(2, "2所"), (3, "年底"), (4, "完成"), (5, "中"), (6, "良好"), (7, "区教育局")],
            False,
            False,
            ("区教育局", "", "unit column"),
        ),
        (
            [(2, "2所"), (3, "年底"), (4, "完成"), (5, "中"), (6, "良好"), (7, "无"), (8, "区教育局")],
            False,
            False,
            None,
        ),
        ([(2, "新建幼儿园")], True, False, None),
    ],
)
def test_the_first_line_of_units_under_an_item_is_its_unit_cell(body, first_leads, one_column, expected):
    assert unit_line_roles(body, first_leads, one_column=one_column) == expected


@pytest.mark.parametrize(
    ("cell", "partners", "first_leads", "roles"),
    [
        ("区教育局、区财政局", "", True, ("区教育局", "区财政局")),  # the first listed leads
        ("区教育局、区财政局", "区住建局", True, ("区教育局", "区财政局、区住建局")),  # the rest join the partners
        ("区教育局", "区住建局", True, ("区教育局", "区住建局")),
        ("区教育局、区财政局", "", False, ("区教育局、区财政局", "")),  # every listed unit leads
        (
            "区发改局（首位单位为牵头单位，下同）、区财政局",
            "",
            True,
            ("区发改局", "区财政局"),
        ),  # the convention inside it
    ],
)
def test_a_unit_cells_lead_and_partners(cell, partners, first_leads, roles):
    assert cell_roles(cell, partners, first_leads) == roles
