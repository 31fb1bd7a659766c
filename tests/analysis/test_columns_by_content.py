"""A task table whose header names no unit column is read by what its cells are
(``analysis.table_columns.columns_by_content``): the column where most rows hold a unit leads,
the next one partners when it holds units too, the longest other cells are the task."""

import pytest

from explore.analysis.table_columns import aligned, columns_by_content, lead_cell

TASKS = ["建设学校新校区项目", "修建城市主干道路", "改造老旧小区管网", "新建社区公园绿地", "推进垃圾分类试点"]
UNITS = ["区教育局", "区交通局", "区住建局", "区城管局", "区财政局"]


def test_three_cells_a_row_are_enough_and_the_unit_may_stand_first_after_the_number():
    assert columns_by_content([["1", TASKS[0], UNITS[0]], ["2", TASKS[1], UNITS[1]]]) == {"lead": 2, "task": 1}
    assert columns_by_content([["1", UNITS[0], TASKS[0]], ["2", UNITS[1], TASKS[1]]]) == {"lead": 1, "task": 2}
    assert columns_by_content([["1", TASKS[0]], ["2", TASKS[1]]]) is None  # too few cells to hold a unit column
    assert columns_by_content([["1", TASKS[0], UNITS[0]]]) is None  # one row says nothing


def test_the_column_most_rows_hold_a_unit_in_leads():
    rows = [["1", TASKS[k], UNITS[k], "备注"] for k in range(3)] + [["4", TASKS[3], "无", UNITS[3]]]
    assert columns_by_content(rows)["lead"] == 2


def test_three_rows_in_five_are_enough_and_two_are_not():
    rows = [["1", TASKS[k], UNITS[k] if k < 3 else "无"] for k in range(5)]
    assert columns_by_content(rows) == {"lead": 2, "task": 1}
    rows[2][2] = "无"
    assert columns_by_content(rows) is None


def test_the_next_column_partners_only_when_it_holds_units():
    with_partners = [["1", TASKS[k], UNITS[k], UNITS[4]] for k in range(2)]
    assert columns_by_content(with_partners) == {"lead": 2, "partners": 3, "task": 1}
    dated = [["1", TASKS[k], UNITS[k], "年底"] for k in range(2)]
    assert columns_by_content(dated) == {"lead": 2, "task": 1}


_TASKS = [("新建幼儿园3所", "区教育局"), ("改造道路5公里", "区住建局"), ("新增就业1000人", "区人社局"),
          ("建设文化广场", "区文旅局"), ("改造老旧小区", "区住建局")]  # fmt: skip


def test_the_partners_column_is_units_in_three_rows_of_five():
    # a second column of units in 3 of 5 rows (60%) partners; in 1 of 3 rows it does not
    rows = [[str(n), task, lead, "区财政局" if n <= 3 else "年底"] for n, (task, lead) in enumerate(_TASKS, 1)]
    assert columns_by_content(rows) == {"lead": 2, "partners": 3, "task": 1}
    assert columns_by_content([[*r[:3], "区财政局" if r[0] == "1" else "年底"] for r in rows[:3]]) == {
        "lead": 2,
        "task": 1,
    }


def test_the_first_cell_is_the_rows_number_or_name_never_its_unit():
    # 区教育局 | 新建幼儿园3所 | 区财政局: a table keyed by units names the unit column after them
    rows = [[lead, task, "区财政局"] for task, lead in _TASKS[:3]]
    assert columns_by_content(rows) == {"lead": 2, "task": 1}


def test_the_headers_task_column_wins_where_rows_keep_the_headers_width():
    rows = [["1", "建设", "全年新建幼儿园3所并投入使用", "区教育局"], ["2", "交通", "改造道路5公里完成路面提升", "区住建局"],
            ["3", "就业", "新增就业1000人以上", "区人社局"]]  # fmt: skip
    assert columns_by_content(rows) == {"lead": 3, "task": 2}  # the longest cells
    assert columns_by_content(rows, ["序号", "工作任务", "完成标准", "责任单位"]) == {"lead": 3, "task": 1}
    assert columns_by_content(rows, ["序号", "工作任务", "具体内容", "牵头单位"]) == {"lead": 3, "task": 2}
    # rows wider than the header (cells it split): the header's task column is not trusted
    wide = [[*r, "备注"] for r in rows]
    assert columns_by_content(wide, ["序号", "工作任务", "完成标准", "责任单位"]) == {"lead": 3, "task": 2}


@pytest.mark.parametrize(
    ("cells", "expected"),
    [
        (["1", "新建幼儿园", "区教育局"], ["1", "新建幼儿园", "区教育局"]),  # every column kept
        (["1", "新建幼儿园", "区教育局", "备注"], ["1", "新建幼儿园", "区教育局", "备注"]),  # numbered: as it stands
        (["区财政局", "新建幼儿园", "区教育局"], ["区财政局", "新建幼儿园", "区教育局"]),  # full width: as it stands
        # shifted: placed by its first unit, in the lead column
        (["新建幼儿园", "区教育局"], ["", "新建幼儿园", "区教育局"]),  # the number column spanned
        (["新建幼儿园", "区教育局", "x"], ["", "新建幼儿园", "区教育局"]),
        (["改造道路", "年底"], ["改造道路", "年底"]),  # no unit: as it stands
    ],
)
def test_a_rows_cells_under_the_headers_columns(cells, expected):
    assert aligned(cells, 3, 2) == expected


@pytest.mark.parametrize(
    ("cell", "read"),
    [
        ("★区教育局", ("区教育局", "")),  # a marker before the unit
        ("区教育局 张三", ("区教育局", "张三")),  # the leader named beside it
        ("张三 李四 区教育局", ("区教育局", "张三、李四")),
        ("区教育局 区财政局", ("区教育局、区财政局", "")),
        ("区教育局", ("区教育局", "")),
        ("张三", ("张三", "")),  # one piece: the cell as it is
    ],
)
def test_a_lead_cell_gives_its_units_and_the_people_beside_them(cell, read):
    assert lead_cell(cell) == read
