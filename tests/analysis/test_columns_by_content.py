"""A task table whose header names no unit column is read by what its cells are
(``analysis.table_columns.columns_by_content``): the column where most rows hold a unit leads,
the next one partners when it holds units too, the longest other cells are the task."""

from explore.analysis.table_columns import columns_by_content

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
