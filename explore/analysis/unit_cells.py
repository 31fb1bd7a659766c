"""Where a table flattened one cell a line keeps its unit column, and which line of units belongs
to which item (pure): a header names the unit column (责任单位, 牵头单位) on a line of its own,
after its task column (a unit cell then follows its task) or before it (the unit cell under a
row's number stands above the tasks it leads); a second unit column (配合单位) after the first
holds partners."""

from __future__ import annotations

import re

from explore.analysis.roles import units_only
from explore.analysis.task_table import is_task_column, is_unit_column


def unit_column_after_tasks(paras: list[tuple[int, str]]) -> int | None:
    """Where a flattened table's header names its unit column (责任单位) on a line of its own,
    after its task column (重点工作目标任务): a unit cell then follows its task. A lead column
    before the task column (牵头单位 / 目标任务 / 责任单位) leaves the units after a task partners."""
    cells = [(p, t.strip(" |")) for p, t in paras if t.strip(" |")]
    for k, (p, name) in enumerate(cells):
        if is_unit_column(name):
            before = [n for _, n in cells[max(0, k - 6) : k]]
            if any(is_task_column(n) for n in before) and not any(is_unit_column(n) for n in before):
                return p
    return None


def unit_column_before_tasks(paras: list[tuple[int, str]]) -> int | None:
    """Where a flattened table's header names its unit column before its task column (序号 /
    牵头单位 / 工作任务): each unit cell then stands above the tasks it leads."""
    cells = [(p, t.strip(" |")) for p, t in paras if t.strip(" |")]
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


def unit_above(paras: list[tuple[int, str]], header: int, para_no: int) -> str:
    """The nearest line of nothing but units under a row's number between a header and an item
    (its row's unit cell, or one merged over the rows below it)."""
    cells = [(p, t.strip(" |")) for p, t in paras if t.strip(" |")]
    for k in range(len(cells) - 1, 0, -1):
        p, text = cells[k]
        # a row's unit cell opens its row: it stands right under the row's number
        if header < p < para_no and re.fullmatch(r"\d{1,3}", cells[k - 1][1]) and (units := units_only(text)):
            return "、".join(units)
    return ""


def one_unit_column(paras: list[tuple[int, str]], at: int) -> bool:
    """The header whose unit column stands at line ``at`` has no second one (配合单位) after it:
    unit lines one after another are then one cell of several units."""
    after = [t.strip(" |") for p, t in paras if p > at and t.strip(" |")][:4]
    return not any(is_unit_column(n) or re.search("配合|协办|协同", n) for n in after)
