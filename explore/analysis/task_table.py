"""Task tables of plans and task divisions: one item per row, with its lead (pure).

Task divisions (政府工作报告重点任务分工, 重大行政决策事项目录, progress tables) list their tasks
as a table: 序号 / 任务 (目标, 内容与要求, 事项) / 牵头单位 (责任单位, 组织承办部门) / 配合单位 /
完成时限. Scraped, a table arrives in one of two shapes (both on eval/):

- a row a line, cells between ``|`` (``1 | 编制…规划 | 区发展改革局 | 12月底前 |``);
- one cell a line (``序号``, ``工作任务``, ``牵头单位`` …, then ``1``, the task, the unit …).

The header names the columns (``table_columns``); a row starts with its number. This module
reads the first shape, ``cell_table`` the second; ``table_rows`` gives both tables' rows.
"""

from __future__ import annotations

import re

from explore.analysis.cell_table import cell_rows
from explore.analysis.table_columns import (
    UNIT,
    aligned,
    columns_by_content,
    header_columns,
    header_row,
    table_row,
    unit_cell,
)
from explore.ingest.numbering import MARK, PAREN, ROW, ROW_CELL

_LEADING_NUMBER = re.compile(rf"^\s*(?:{ROW}(?=\s*$|{MARK})|{PAREN})")


def _trimmed(cells: list[str]) -> list[str]:
    while cells and not cells[-1]:
        cells = cells[:-1]  # a row's trailing empty cells (| |||) are the scraper's, not columns
    return cells


def _headerless(cells: list[str]) -> dict[str, int] | None:
    """The columns of a task row read by what its cells are, when no header names them (a page
    that lost it): a row number first, then a task (prose), then a unit's name: ``5 | 为全县200名
    残疾儿童实施康复服务。 | 县残联 | 已确定221名 |``."""
    if len(cells) < 3 or not ROW_CELL.match(cells[0]):
        return None
    unit = next((k for k in range(2, len(cells)) if unit_cell(cells[k])), None)
    if unit is None or len(cells[unit - 1]) < 8:
        return None
    return {"task": unit - 1, "lead": unit}


def _pipe_cells(text: str) -> list[str]:
    return _trimmed([c.strip() for c in text.strip().strip("|").split("|")])


def _pipe_block(paras: list[tuple[int, str]]) -> list[list[str]]:
    """The rows of ``|`` lines up to the first line without one."""
    block = []
    for _, text in paras:
        if "|" not in text:
            break
        block.append(_pipe_cells(text))
    return block


def _pipe_rows(paras: list[tuple[int, str]]) -> list[dict[str, object]]:
    rows: list[dict[str, object]] = []
    cols = None
    header = width = 0
    task = ""
    for n, (para_no, text) in enumerate(paras):
        if "|" not in text:
            cols = None if not rows else cols
            continue
        cells = _pipe_cells(text)
        if not cells:
            continue
        if cols is None:
            if header_row(cells):
                cols = header_columns(cells) or columns_by_content(_pipe_block(paras[n + 1 :]), cells)
                header, width = para_no, len(cells)
            elif own := _headerless(cells):
                row = table_row(cells, own, para_no, para_no)  # a row whose table lost its header
                row["header_para"] = para_no
                rows.append(row)
            continue
        cells = aligned(cells, width, cols["lead"])
        lead = cells[cols["lead"]].strip() if cols["lead"] < len(cells) else ""
        if not UNIT.match(lead):
            continue  # a continuation row, its cells shifted: no unit where the lead should be
        row = table_row(cells, cols, para_no, para_no)
        row["task"] = row["task"] or task  # a sub-row under a task spanning rows: the task above
        task = str(row["task"])
        row["header_para"] = header
        m = _LEADING_NUMBER.match(cells[0])
        row["number"] = m.group(0) if m else ""
        rows.append(row)
    return rows


def table_rows(paras: list[tuple[int, str]]) -> list[dict[str, object]]:
    """Rows of every task table in a document's (para_no, text) paragraphs, in order."""
    rows = _pipe_rows(paras) + cell_rows(paras)
    return sorted(rows, key=lambda r: int(r["para_no"]))  # type: ignore[call-overload]
