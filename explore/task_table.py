"""Task tables of plans and task divisions: one item per row, with its lead (pure).

Task divisions (政府工作报告重点任务分工, 重大行政决策事项目录, progress tables) list their tasks
as a table: 序号 / 任务 (目标, 内容与要求, 事项) / 牵头单位 (责任单位, 组织承办部门) / 配合单位 /
完成时限. Scraped, a table arrives in one of two shapes (both on eval/):

- a row a line, cells between ``|`` (``1 | 编制…规划 | 区发展改革局 | 12月底前 |``);
- one cell a line (``序号``, ``工作任务``, ``牵头单位`` …, then ``1``, the task, the unit …).

The header names the columns; a row starts with its number. Reading stops at the first group
that does not start with the next number.
"""

from __future__ import annotations

import re

_NUMBER = re.compile(r"^\s*(\d{1,3})\s*$")
_LEADING_NUMBER = re.compile(r"^\s*(?:\d{1,3}(?=\s*$|[.、．])|[（(][一二三四五六七八九十]+[）)])")
_HEADER_CELL = re.compile(
    r"^(序号|编号|任务|工作任务|重点任务|主要任务|重点工作|工作重点|目标|预期目标|目标任务|\d{4}年预期目标|内容与要求|工作内容|任务内容|"
    r"具体工作任务和要求|项目名称|建设内容|决策事项名称|事项|事项名称|"
    r"具体措施|工作措施|进展情况|牵头单位|责任单位|牵头部门|主责单位|组织承办部门|配合单位|协办单位|责任领导|牵头领导|"
    r"完成时限|完成时间|时间节点|决策计划\s*完成时间|备注)$"
)
_UNIT = re.compile(r"^[^\d\s|][^|]*[\u4e00-\u9fff]")  # a unit's name: Chinese, not a date or a number
_LEAD_COL = re.compile(r"^(牵头单位|责任单位|牵头部门|主责单位|组织承办部门)$")
_PARTNER_COL = re.compile(r"^(配合单位|协办单位)$")
_LEADER_COL = re.compile(r"^(责任领导|牵头领导)$")
_TASK_COL = re.compile(r"(任务|目标|内容|事项|措施|重点工作|工作重点|项目名称)")


def _columns(names: list[str]) -> dict[str, int] | None:
    """Which column holds the task, the lead, partners and leaders; None without a lead column."""
    cols: dict[str, int] = {}
    for i, name in enumerate(names):
        name = re.sub(r"\s+", "", name)
        if _LEAD_COL.match(name):
            cols.setdefault("lead", i)
        elif _PARTNER_COL.match(name):
            cols.setdefault("partners", i)
        elif _LEADER_COL.match(name):
            cols.setdefault("leaders", i)
        elif _TASK_COL.search(name) and "进展" not in name:
            cols["task"] = i  # the last task-like column: the most specific (措施 after 部署任务)
    return cols if "lead" in cols and "task" in cols else None


def _row(cells: list[str], cols: dict[str, int], para_no: int, para_end: int) -> dict[str, object]:
    def cell(key: str) -> str:
        i = cols.get(key)
        return cells[i].strip() if i is not None and i < len(cells) else ""

    return {
        "number": cells[0].strip(),
        "task": cell("task"),
        "lead": cell("lead"),
        "partners": cell("partners"),
        "leaders": cell("leaders"),
        "para_no": para_no,
        "para_end": para_end,
    }


def _pipe_rows(paras: list[tuple[int, str]]) -> list[dict[str, object]]:
    rows: list[dict[str, object]] = []
    cols = None
    header = 0
    for para_no, text in paras:
        if "|" not in text:
            cols = None if not rows else cols
            continue
        cells = [c.strip() for c in text.strip().strip("|").split("|")]
        if cols is None:
            if cells and re.sub(r"\s+", "", cells[0]) in ("序号", "编号"):
                cols = _columns(cells)
                header = para_no
            continue
        lead = cells[cols["lead"]].strip() if cols["lead"] < len(cells) else ""
        if not _UNIT.match(lead):
            continue  # a continuation row, its cells shifted: no unit where the lead should be
        if _NUMBER.match(cells[0]) or len(cells) >= len(cols):
            # numbered rows; or rows whose first cell is a task of the level above ((一)…)
            row = _row(cells, cols, para_no, para_no)
            row["header_para"] = header
            row["number"] = _LEADING_NUMBER.match(cells[0]).group(0) if _LEADING_NUMBER.match(cells[0]) else ""
            rows.append(row)
    return rows


def _cell_rows(paras: list[tuple[int, str]]) -> list[dict[str, object]]:
    # A cell may keep the table's separator: "序号 |", "1 |".
    paras = [(p, re.sub(r"\s*\|\s*$", "", t)) for p, t in paras]
    rows: list[dict[str, object]] = []
    i = 0
    while i < len(paras):
        if re.sub(r"\s+", "", paras[i][1]) not in ("序号", "编号"):
            i += 1
            continue
        names = []
        j = i
        while j < len(paras) and _HEADER_CELL.match(re.sub(r"\s+", "", paras[j][1])):
            names.append(paras[j][1])
            j += 1
        cols = _columns(names)
        if cols is None or len(names) < 3:
            i = j or i + 1
            continue
        width, expected = len(names), 1
        while j + width <= len(paras):
            group = paras[j : j + width]
            m = _NUMBER.match(group[0][1])
            if not m or int(m.group(1)) != expected:
                break
            row = _row([t for _, t in group], cols, group[0][0], group[-1][0])
            row["header_para"] = paras[i][0]
            rows.append(row)
            expected += 1
            j += width
        i = j
    return rows


def table_rows(paras: list[tuple[int, str]]) -> list[dict[str, object]]:
    """Rows of every task table in a document's (para_no, text) paragraphs, in order."""
    rows = _pipe_rows(paras) + _cell_rows(paras)
    return sorted(rows, key=lambda r: int(r["para_no"]))  # type: ignore[call-overload]
