"""Rows of a task table read by the cells that hold nothing but units' names, when no header,
label or note tells the readers where the table keeps them (pure).

A task table keeps each row's responsible units in a cell of their own, whatever its header is
called (责任单位, 备注, 单位, none at all) and however the page flattened it: one cell a line,
pipes, or spaces (``1 城镇新增就业 万人 5.2 7.23 139.1% 人力资源社会保障局``). A document in which
no reader found an item, but whose rows are numbered 1, 2, 3 … and hold three or more such cells,
is read by them: each numbered row's first line of prose is its task and its unit cells its lead.
A sub-row that names units of its own (孕产妇免费产前筛查 … 卫健委 under row 5) is a row of its
own, cut before its units when the table's units open their rows' content (项目 / 责任单位 /
建设内容), after them when they close a row. A generic unit after a named one (教育局 /
相关部门) is a partner. A column's name (相关责任部门, 负责科室) is no unit. ``lead_rule`` is
``unit cell``.
"""

from __future__ import annotations

import re

from explore.analysis.roles import units_only
from explore.ingest.dates import is_signing_line
from explore.ingest.numbering import ROW_START
from explore.ingest.role_labels import label_pattern
from explore.ingest.units import is_unit

RULE = "unit cell"
MIN_ROWS = 3  # fewer rows with units are a signature or a list of sponsors, not a table
# a row's number, not a decimal figure in a cell (4.52)
_PROSE = re.compile(r"[\u4e00-\u9fff]{4}")
_COLUMN_NAME = re.compile(
    f"(?:{label_pattern('lead', 'responsible', 'partner')})$"
    r"|^\W*(?:相关|各)?(?:负责|责任|牵头|主责|配合|协办|协同)\S{0,2}(?:单位|部门|科室|处室)$"
)
_GENERIC = re.compile(r"^(?:相关|有关|其他|其它)|相关(?:单位|部门)$")
# a name a narrow cell broke over two lines: 區新興產業 / 服務中心
_NAME_BEGUN = re.compile(r"^[省市区县镇區縣鎮][\u4e00-\u9fff]{1,8}$")


def _split(line: str) -> list[str]:
    """A line's cells: a pipe row's, a row set out with spaces (three or more fields), else the line."""
    if "|" in line:
        return line.strip().strip("|").split("|")
    parts = line.split()
    return parts if len(parts) >= 3 else [line]


def _cells(paras: list[tuple[int, str]]) -> list[tuple[int, str]]:
    """(para_no, cell) of every cell of every line, a unit's name broken over two cells joined."""
    out: list[tuple[int, str]] = []
    for p, text in paras:
        for line in text.split("\n"):
            for cell in (c.strip() for c in _split(line) if c.strip()):
                prev = out[-1][1] if out else ""
                if _NAME_BEGUN.match(prev) and not is_unit(prev) and is_unit(prev + cell):
                    out[-1] = (out[-1][0], prev + cell)
                else:
                    out.append((p, cell))
    return [(p, "" if _signs_or_fills(out, k) else cell) for k, (p, cell) in enumerate(out)]


def _signs_or_fills(cells: list[tuple[int, str]], k: int) -> bool:
    """The cell is an organ signing over its date (国务院办公厅 / 二〇〇四年十月十五日), or the value
    of a page's field (发文机关： / 国务院办公厅): no cell of a task table, though a unit's name."""
    before = cells[k - 1][1] if k else ""
    after = cells[k + 1][1] if k + 1 < len(cells) else ""
    return is_signing_line(after) or bool(re.search(r"[:：]$", before))


def _units(cell: str) -> list[str]:
    return [] if _COLUMN_NAME.search(cell) else units_only(cell)


def _runs(span: list[tuple[int, str]]) -> list[tuple[int, int]]:
    """(first, last) index of each run of unit cells in a row."""
    runs: list[tuple[int, int]] = []
    for k, (_, cell) in enumerate(span):
        if _units(cell):
            if runs and runs[-1][1] == k - 1:
                runs[-1] = (runs[-1][0], k)
            else:
                runs.append((k, k))
    return runs


def _sub_rows(spans: list[list[tuple[int, str]]]) -> list[list[tuple[int, str]]]:
    """Numbered rows cut again where a sub-row names its own units: before each later run of
    unit cells when, in most rows with one run, prose follows it (the units open their content),
    else after each run but the last (the units close a row)."""
    runs = [_runs(span) for span in spans]
    single = [(span, r[0]) for span, r in zip(spans, runs, strict=True) if len(r) == 1]
    opening = sum(any(_PROSE.search(c) for _, c in span[last + 1 :]) for span, (_, last) in single)
    opens = 2 * opening > len(single)
    out = []
    for span, r in zip(spans, runs, strict=True):
        cuts = [a for a, _ in r[1:]] if opens else [b + 1 for _, b in r[:-1]]
        out += [span[a:b] for a, b in zip([0, *cuts], [*cuts, len(span)], strict=True) if span[a:b]]
    return out


def _numbered_rows(cells: list[tuple[int, str]]) -> list[list[tuple[int, str]]]:
    """The cells of each row, cut where a number counts up from 1 (a row may be missing: merged,
    lost), and again at sub-rows; [] when fewer than three numbers count up."""
    starts, want = [], 1
    for k, (_, cell) in enumerate(cells):
        m = ROW_START.match(cell)
        if m and int(m.group(1)) in (want, want + 1):
            starts.append(k)
            want = int(m.group(1)) + 1
    if len(starts) < MIN_ROWS:
        return []
    return _sub_rows([cells[a:b] for a, b in zip(starts, [*starts[1:], len(cells)], strict=True)])


def _joined(found: list[list[str]]) -> str:
    return "、".join(dict.fromkeys(u for units in found for u in units))


def unit_cell_rows(paras: list[tuple[int, str]]) -> list[dict[str, object]]:
    """(para_no, para_end, number, task, lead, partners) of each row of a numbered table found by
    its unit cells alone, or [] when fewer than three rows name units."""
    rows = []
    for span in _numbered_rows(_cells(paras)):
        units = [u for _, cell in span if (u := _units(cell))]
        named = [u for u in units if not all(_GENERIC.search(x) for x in u)]
        m = ROW_START.match(span[0][1])
        body = [(p, ROW_START.sub("", c, count=1) if i == 0 and m else c) for i, (p, c) in enumerate(span)]
        task = next(((p, c) for p, c in body if _PROSE.search(c) and not _units(c)), None)
        if units and task:
            rows.append(
                {
                    "para_no": task[0],
                    "para_end": span[-1][0],
                    "number": m.group(1) if m else "",
                    "task": task[1],
                    "lead": _joined(named or units),
                    "partners": _joined([u for u in units if u not in named] if named else []),
                }
            )
    return rows if len(rows) >= MIN_ROWS else []
