"""Task tables flattened one cell a line (pure): ``序号``, ``工作任务``, ``牵头单位`` … on lines
of their own, then ``1``, the task, the unit …; a row starts with its number, and a cell that
runs over several lines is placed by what it is (``table_columns``).
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from explore.analysis.table_columns import (
    HEADER_WORD,
    UNIT,
    UNIT_START,
    columns_by_content,
    header_cell,
    header_columns,
    rejoined_units,
    table_row,
)
from explore.ingest.numbering import PAREN, ROW_CELL, SECTION
from explore.ingest.units import is_unit, split_units

_SHORT_LABEL = re.compile(r"[\u4e00-\u9fff]{2,8}")
_GROUP_ROW = re.compile(rf"^\s*(?:{SECTION}|{PAREN})")
_UNIT_NOTE = re.compile(r"^\s*[（(][^（）()]{1,6}[）)]\s*$")  # (%), (人), (万元)


def _a_figure_cell(paras: list[tuple[int, str]], k: int, last: int | None, width: int) -> bool:
    """Whether the number at ``k`` is a cell's figure, not a row's number: nothing but figures or
    the table's end follow it, or it jumps past ``last`` + 1, which stands on its own line within
    the next rows."""
    if k + 1 >= len(paras) or re.fullmatch(r"[\d.%\s]+", paras[k + 1][1]):
        return True  # a row's number is followed by its task, not by the table's end or a figure
    if re.match(r"[项个件条）)]", paras[k + 1][1].strip()):
        return True  # a count a page broke out of its group's row: 一、…方面（共 / 5 / 项）
    if last is None or int(paras[k][1]) == last + 1:
        return False
    want = str(last + 1)
    return any(t.strip() == want for _, t in paras[k + 1 : k + 1 + 2 * width])


def _row_starts(paras: list[tuple[int, str]], j: int, width: int) -> list[int]:
    """Where each row of a one-cell-a-line table starts: a bare number above the row before
    (rows may skip numbers: 3, 68, 69), right after a full row or, when cells run over several
    lines, further on; a group's heading row (一、…) between rows is passed over."""
    starts: list[int] = []
    last = group = None
    k = j
    while k < len(paras):
        text = paras[k][1]
        m = ROW_CELL.match(text)
        # a number in a data cell (目标任务 10) is no row's: the next row's own number follows
        if m and (last is None or int(m.group(1)) > last) and not _a_figure_cell(paras, k, last, width):
            starts.append(k)
            last = int(m.group(1))
            k += 2
            continue
        if _GROUP_ROW.match(text):
            group = k
        elif last is None:
            if k - j < 2 and len(text.strip()) <= 12 and not re.search(r"\d", text):
                k += 1  # a group's name in a merged first column (就业促进工程) before the first row
                continue
            if group is not None and k - group <= 2 and len(text.strip()) <= 4:
                k += 1  # the rest of a group's row a page broke over lines: 一、…（共 / 5 / 项）
                continue
            break  # the header is not followed by a row
        if starts and k - starts[-1] > 12 * width:
            break
        if "".join(text.split()) in ("序号", "编号"):
            break  # the next table's header
        k += 1
    return starts


def _cells_by_content(cells: list[str], cols: dict[str, int]) -> list[str]:
    """A row whose cells run over several lines, placed by content: the task runs from its
    column to the first unit's name; unit names fill the unit columns in header order (the
    first line the first column, the rest the second)."""
    width = max(cols.values()) + 1
    out = [""] * width
    units = sorted(c for c in ("lead", "partners") if c in cols)
    unit_cols = sorted(cols[c] for c in units)
    first_unit = min(unit_cols)
    lo = min(first_unit, cols["task"] + 1)
    while 2 < lo <= len(cells) and is_unit(cells[lo - 1]) and not is_unit(cells[lo - 2]):
        lo -= 1  # a merged cell before the task (事项分类 over several rows) moved the unit left
    found = [k for k in range(1, len(cells)) if k >= lo and is_unit(cells[k])]
    out[0] = cells[0]
    if not found:
        return out
    start = found[0]
    run = [start]
    while run[-1] + 1 < len(cells) and is_unit(cells[run[-1] + 1]):
        run.append(run[-1] + 1)
    out[unit_cols[0]] = cells[run[0]]
    if len(unit_cols) > 1 and len(run) > 1:
        out[unit_cols[1]] = "、".join(cells[k] for k in run[1:])
    leader_at = None  # the leader's cell: as far before the first unit as its column before the lead's
    if "leaders" in cols and cols["leaders"] < first_unit and cols["leaders"] < start:
        at = start - (first_unit - cols["leaders"])
        leader_at = at if at > 0 else None
        out[cols["leaders"]] = cells[at] if leader_at is not None else ""
    if cols["task"] < first_unit:
        # cells moved left by a merged cell before them move the task's start as well; a leader's
        # column between the task's and the lead's ends the task before it
        moved = max(0, min(first_unit, cols["task"] + 1) - start)
        begin = max(1, cols["task"] - moved)
        end = leader_at if leader_at is not None and begin < leader_at < start else start
        out[cols["task"]] = "\n".join(cells[begin:end])
    out[0] = cells[0]
    return out


def _cell_tables(
    paras: list[tuple[int, str]],
) -> Iterator[tuple[int, list[str], dict[str, int], list[list[tuple[int, str]]]]]:
    """Each one-cell-a-line table: (its header's para_no, column names, columns, the rows'
    (para_no, cell) groups)."""
    # A cell may keep the table's separator: "序号 |", "1 |".
    paras = [(p, re.sub(r"\s*\|\s*$", "", t)) for p, t in paras if t.strip().strip("|").strip()]
    i = 0
    while i < len(paras):
        if "".join(paras[i][1].split()) not in ("序号", "编号"):
            i += 1
            continue
        names = []
        j = i
        while j < len(paras) and (header_cell(paras[j][1]) or (names and _UNIT_NOTE.match(paras[j][1]))):
            if _UNIT_NOTE.match(paras[j][1]):
                names[-1] += paras[j][1].strip()  # 完成目标 / (%): a column's unit on a line of its own
            else:
                names.append(paras[j][1])
            j += 1
        # once three labels stand, short label-like cells up to the first row number are
        # columns too, whatever they are called (实施点位, 下步计划)
        while len(names) >= 3 and j < len(paras) and _later_column(paras[j][1]):
            names.append(paras[j][1])
            j += 1
        if len(names) < 3:
            i = j or i + 1
            continue
        starts = _row_starts(paras, j, len(names))
        groups = []
        for n, k in enumerate(starts):
            stop = starts[n + 1] if n + 1 < len(starts) else min(len(paras), k + 3 * len(names))
            groups.append(paras[k:stop])
        cols = header_columns(names) or columns_by_content([[t for _, t in g] for g in groups], names)
        if cols is None:
            i = j or i + 1
            continue
        yield paras[i][0], names, cols, groups
        i = starts[-1] + 1 if starts else j


def _later_column(text: str) -> bool:
    """A cell after a header's first three that still names a column: a short label (实施点位), a
    header cell (完成进度(%)) or a longer label that says what the column holds, with no sentence
    or figure in it (目前完成情况、存在问题及下一步工作措施)."""
    name = "".join(text.split())
    long_label = len(name) <= 24 and bool(HEADER_WORD.search(name)) and not re.search(r"[。；;：:\d]", name)
    return bool(_SHORT_LABEL.fullmatch(name)) or header_cell(text) or long_label


def cell_rows(paras: list[tuple[int, str]]) -> list[dict[str, object]]:
    rows: list[dict[str, object]] = []
    for header, names, cols, groups in _cell_tables(paras):
        above = ""
        for group in groups:
            cells = rejoined_units([t for _, t in group])
            short = len(cells) < len(names)
            # a row of another width, or whose task cell is a unit's name (a merged cell before
            # it moved its cells left), is placed by content
            lead_cell = cells[cols["lead"]] if "lead" in cols and cols["lead"] < len(cells) else ""
            if (
                len(cells) != len(names)
                or (cols["task"] < len(cells) and is_unit(cells[cols["task"]]))
                # a header cell broken over two lines (区政府办 / 协管责任人) counts one column too
                # many: the lead column holds a person, while a unit stands in the row
                or (lead_cell and not split_units(lead_cell) and any(is_unit(c) for c in cells))
            ):
                cells = _cells_by_content(cells, cols)
            row = table_row(cells, cols, group[0][0], group[-1][0])
            if not row["lead"] and short and above:
                row["lead"] = above  # a lead cell merged over the rows below it (rowspan)
            lead = str(row["lead"])
            if not UNIT.match(lead) or not (split_units(lead) or UNIT_START.match(lead)):
                continue  # progress text (提前完成年度任务) where a row lost its unit cell; 市发 cut is kept
            above = str(row["lead"])
            row["header_para"] = header
            rows.append(row)
    return rows


def cell_columns(paras: list[tuple[int, str]]) -> dict[int, str]:
    """The column name of each paragraph inside a one-cell-a-line table, read by content where
    a cell runs over several lines: the lines before a row's first unit name fill the columns
    before the unit columns (extra lines belong to the last of them, the task), the names fill
    the unit columns, and the lines after fill the rest (extra lines to the last)."""
    out: dict[int, str] = {}
    for _, names, cols, groups in _cell_tables(paras):
        unit_cols = sorted(cols[c] for c in ("lead", "partners") if c in cols)
        for group in groups:
            if len(group) == len(names):
                out.update((p, names[n]) for n, (p, _) in enumerate(group))
                continue
            found = [k for k in range(1, len(group)) if is_unit(group[k][1])]
            if not found:
                continue
            run = [found[0]]
            while run[-1] + 1 < len(group) and is_unit(group[run[-1] + 1][1]):
                run.append(run[-1] + 1)
            before, after = range(unit_cols[0]), range(unit_cols[-1] + 1, len(names))
            for k, (p, _) in enumerate(group):
                if k < run[0]:
                    out[p] = names[min(k, len(before) - 1)]
                elif k > run[-1] and after:
                    out[p] = names[after[min(k - run[-1] - 1, len(after) - 1)]]
    return out
