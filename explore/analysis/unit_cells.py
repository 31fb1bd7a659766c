"""Where a table flattened one cell a line keeps its unit column, and which line of units belongs
to which item (pure): a header names the unit column (责任单位, 牵头单位) on a line of its own,
after its task column (a unit cell then follows its task) or before it (the unit cell under a
row's number stands above the tasks it leads); a second unit column (配合单位) after the first
holds partners."""

from __future__ import annotations

import itertools
import re

from explore.analysis.roles import units_only
from explore.analysis.table_columns import is_task_column, is_unit_column


def _cells(paras: list[tuple[int, str]]) -> list[tuple[int, str]]:
    """The table's cells: each line without its separators, separator-only lines left out."""
    return [(p, t.strip(" |")) for p, t in paras if t.strip(" |")]


def unit_column_after_tasks(paras: list[tuple[int, str]]) -> int | None:
    """Where a flattened table's header names its unit column (责任单位) on a line of its own,
    after its task column (重点工作目标任务): a unit cell then follows its task. A lead column
    before the task column (牵头单位 / 目标任务 / 责任单位) leaves the units after a task partners."""
    cells = _cells(paras)
    for k, (p, name) in enumerate(cells):
        if is_unit_column(name):
            before = [n for _, n in cells[max(0, k - 6) : k]]
            if any(is_task_column(n) for n in before) and not any(is_unit_column(n) for n in before):
                return p
    return None


def unit_column_before_tasks(paras: list[tuple[int, str]]) -> int | None:
    """Where a flattened table's header names its unit column before its task column (序号 /
    牵头单位 / 工作任务): each unit cell then stands above the tasks it leads."""
    cells = _cells(paras)
    for k, (p, name) in enumerate(cells):
        after, before = cells[k + 1 : k + 4], cells[max(0, k - 4) : k]
        if (
            is_unit_column(name)
            and any(is_task_column(n) for _, n in after)
            and not any(is_task_column(n) for _, n in before)
        ):
            # with a second unit column after the task (责任单位), a unit line above an item is the
            # row before's: no lead is read from it
            return None if any(is_unit_column(n) for _, n in cells[k + 1 : k + 6]) else p
    return None


def row_unit_cells(paras: list[tuple[int, str]], header: int) -> list[tuple[int, str]]:
    """(para_no, units) of each line of nothing but units under a row's number below a header:
    a row's unit cell, which opens its row and leads the tasks below it until the next."""
    cells = _cells(paras)
    return [
        (p, "、".join(units))
        for (_, number), (p, text) in itertools.pairwise(cells)
        if p > header and re.fullmatch(r"\d{1,3}", number) and (units := units_only(text))
    ]


def unit_above(row_units: list[tuple[int, str]], para_no: int) -> str:
    """The nearest of ``row_units`` above an item (its row's unit cell, or one merged over the
    rows below it)."""
    return next((units for p, units in reversed(row_units) if p < para_no), "")


def one_unit_column(paras: list[tuple[int, str]], at: int) -> bool:
    """The header whose unit column stands at line ``at`` has no second one (配合单位) after it:
    unit lines one after another are then one cell of several units."""
    after = [t for p, t in _cells(paras) if p > at][:4]
    return not any(is_unit_column(n) or re.search("配合|协办|协同", n) for n in after)
