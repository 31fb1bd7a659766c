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
from collections.abc import Iterator

from explore.ingest.numbering import PAREN, SECTION
from explore.ingest.role_labels import label_pattern
from explore.ingest.units import is_unit, split_units

_NUMBER = re.compile(r"^\s*(\d{1,3})\s*$")
_LEADING_NUMBER = re.compile(r"^\s*(?:\d{1,3}(?=\s*$|[.、．])|[（(][一二三四五六七八九十]+[）)])")
# A header cell is a short label naming what a column holds (序号, 目标与任务, 分 管 县领导,
# 牵头责任单位, 完成时限 …); a body cell is a task, a unit's name or a date.
_HEADER_WORD = re.compile(
    r"序号|编号|名称|任务|目标|内容|事项|措施|举措|项目|单位|部门|领导|时限|时间|进展|情况|备注|类别|分类|牵头|责任|配合|协办|指标|"
    r"进度|节点|要求|重点工作|工作重点|负责|科室|处室"
)
_SHORT_LABEL = re.compile(r"[\u4e00-\u9fff]{2,8}")
_GROUP_ROW = re.compile(rf"^\s*(?:{SECTION}|{PAREN})")
_UNIT = re.compile(r"^[^\d\s|][^|]*[\u4e00-\u9fff]")  # a unit's name: Chinese, not a date or a number
_UNIT_NOTE = re.compile(r"^\s*[（(][^（）()]{1,6}[）)]\s*$")  # (%), (人), (万元)
_UNIT_START = re.compile(r"^[省市区县镇][\u4e00-\u9fff]{1,8}$")  # 市人力资源: a unit's name begun
# The column names are roles.txt's labels (analysis/roles reads the same file): 配合单位, 协办单位 …
_PARTNER_COL = re.compile(label_pattern("partner"))
# 牵头单位, 责任单位, 牵头负责部门, and 牵头单位及主要负责人 (a column holding the unit and its head)
_LEAD_COL = re.compile(rf"^(?:主要)?(?:{label_pattern('lead', 'responsible')})(?:及[\u4e00-\u9fff]{{1,8}})?$")
_LEADER_COL = re.compile(r"领导$")
_TASK_COL = re.compile(r"(任务|目标|内容|事项|措施|举措|重点工作|工作重点|项目)")


def header_cell(text: str) -> bool:
    name = re.sub(r"^(?:19|20)\d{2}年", "", re.sub(r"\s+", "", text))  # 2022年预期目标
    return 0 < len(name) <= 12 and bool(_HEADER_WORD.search(name)) and not re.search(r"[\d。，,；;]", name[2:])


def header_row(cells: list[str]) -> bool:
    """Whether a table's row names its columns: at least three cells, half of them labels. One
    long name (陕西省《工作要点》部署任务) may stand among them, and columns such as
    1-9月份工作完成情况 or 监督电话 need not read as labels if half do."""
    named = [c for c in cells if c.strip()]
    return len(named) >= 3 and sum(map(header_cell, named)) >= max(3, (len(named) + 1) // 2)


def is_task_column(name: str) -> bool:
    """A column holding the tasks (工作任务, 项目内容, 建设规模及内容), not their progress
    (进展情况, 完成目标(%))."""
    name = re.sub(r"\s+", "", name)
    return bool(_TASK_COL.search(name)) and not re.search("进展|进度|完成情况|^完成", name)


def header_columns(names: list[str]) -> dict[str, int] | None:
    """Which column holds the task, the lead, partners and leaders; None without a lead column.
    The first unit column is the lead (牵头责任单位); a second (责任单位 after it) holds partners."""
    cols: dict[str, int] = {}
    for i, name in enumerate(names):
        name = _column_name(name)
        if _PARTNER_COL.search(name):
            cols.setdefault("partners", i)
        elif _LEAD_COL.match(name):
            if "牵头" in name and "lead" in cols and "牵头" not in re.sub(r"\s+", "", names[cols["lead"]]):
                cols["partners"] = cols["lead"]  # 责任单位 before 牵头单位: the 牵头 column leads
                cols["lead"] = i
            else:
                cols.setdefault("partners" if "lead" in cols else "lead", i)
        elif _LEADER_COL.search(name):
            cols.setdefault("leaders", i)
        elif is_task_column(name):
            cols["task"] = i  # the last task-like column: the most specific (措施 after 部署任务)
    return cols if "lead" in cols and "task" in cols else None


_BY_CONTENT = 0.6  # share of a table's rows with a unit's name in one column that make it the unit column


def columns_by_content(rows: list[list[str]], names: list[str] = ()) -> dict[str, int] | None:
    """The task and unit columns of rows whose header names no unit column (指导部门, 牵头负责部门,
    a header split over lines), read from what the cells are: the column where most rows hold a
    unit's name leads, the next one partners when most of its cells are units too, and the task
    is the column of the longest cells among the others. None when no column is mostly units."""
    rows = [_joined_units(r) for r in rows if len(r) >= 3]
    if len(rows) < 2:
        return None
    firsts = [next((k for k in range(1, len(r)) if is_unit(r[k])), None) for r in rows]
    found = [k for k in firsts if k is not None]
    if not found:
        return None
    lead = max(set(found), key=found.count)
    if found.count(lead) < _BY_CONTENT * len(rows):
        return None
    cols = {"lead": lead}
    if sum(lead + 1 < len(r) and is_unit(r[lead + 1]) for r in rows) >= _BY_CONTENT * len(rows):
        cols["partners"] = lead + 1
    width = max(map(len, rows))
    others = [k for k in range(1, width) if k not in cols.values()]
    named = [k for k, name in enumerate(names) if k in others and is_task_column(name)]
    if named and sum(len(r) == len(names) for r in rows) >= _BY_CONTENT * len(rows):
        cols["task"] = named[-1]  # the header's task column, where rows keep the header's width
    elif others:
        cols["task"] = max(others, key=lambda k: sum(len(r[k]) for r in rows if k < len(r)))
    else:
        return None
    return cols


def _row(cells: list[str], cols: dict[str, int], para_no: int, para_end: int) -> dict[str, object]:
    def cell(key: str) -> str:
        i = cols.get(key)
        return cells[i].strip() if i is not None and i < len(cells) else ""

    lead, leaders = _lead_cell(cell("lead"))
    return {
        "number": cells[0].strip(),
        "task": cell("task"),
        "lead": lead,
        "partners": cell("partners"),
        "leaders": "、".join(x for x in (cell("leaders"), leaders) if x),
        "para_no": para_no,
        "para_end": para_end,
    }


def _lead_cell(text: str) -> tuple[str, str]:
    """(units, people) of a lead cell by what its words are: units split by spaces are listed
    (市人社局 市财政局), a person beside a unit is a leader (市民政局 伍泽国), and a cell that names
    no unit (progress text pushed into the column by a merged cell) is no lead. A marker before
    the first unit (★区发改委) is the table's, not the unit's."""
    text = text.strip().lstrip("★☆●◆■*※▲△ ")
    pieces = text.split()
    if len(pieces) > 1 and any(is_unit(p) for p in pieces):
        units = [p for p in pieces if is_unit(p)]
        people = [p for p in pieces if not is_unit(p) and re.fullmatch(r"[\u4e00-\u9fff]{2,4}", p)]
        return "、".join(units), "、".join(people)
    if text and not split_units(text) and re.search(r"[。；;，,%\d]", text):
        return "", ""
    return text.strip(), ""


def _trimmed(cells: list[str]) -> list[str]:
    while cells and not cells[-1]:
        cells = cells[:-1]  # a row's trailing empty cells (| |||) are the scraper's, not columns
    return cells


# A unit's name as a cell holds it: short, no sentence, ending in a kind of body (县教育局,
# 市行政审批局市司法局, 区发展改革委(粮食和储备局), 县各有关单位).


def _unit_cell(cell: str) -> bool:
    """A cell that names a unit first (县教育局; 市民政局 伍泽国, the unit and its head)."""
    pieces = cell.split()
    return is_unit(cell) or (len(pieces) > 1 and is_unit(pieces[0]))


def _column_name(name: str) -> str:
    """A column's name without spaces or a note after it (责任单位 (加黑为牵头单位) → 责任单位)."""
    return re.sub(r"[（(][^（）()]*[）)]$", "", re.sub(r"\s+", "", name))


def is_unit_column(name: str) -> bool:
    """A column name that holds the units responsible (牵头单位, 责任单位, 牵头单位及主要负责人)."""
    return bool(_LEAD_COL.match(_column_name(name)))


def unit_column(names: list[str]) -> int | None:
    """The column of a header that holds units (牵头单位, 责任单位), if any."""
    return next((i for i, n in enumerate(names) if is_unit_column(n)), None)


def aligned(cells: list[str], width: int, lead: int) -> list[str]:
    """A row's cells under the header's columns. Rows that keep every column read from the left;
    a row whose cells are shifted (a section spanning the first column, a sub-row under a task
    spanning rows, trailing cells dropped) is placed by its first unit's name, in the lead column."""
    if lead < len(cells) and _unit_cell(cells[lead]) and (len(cells) == width or _NUMBER.match(cells[0])):
        return cells
    first = next((k for k, cell in enumerate(cells) if _unit_cell(cell)), None)
    if first is None:
        return cells
    offset = first - lead
    return [cells[i + offset] if 0 <= i + offset < len(cells) else "" for i in range(width)]


def _headerless(cells: list[str]) -> dict[str, int] | None:
    """The columns of a task row read by what its cells are, when no header names them (a page
    that lost it): a row number first, then a task (prose), then a unit's name: ``5 | 为全县200名
    残疾儿童实施康复服务。 | 县残联 | 已确定221名 |``."""
    if len(cells) < 3 or not _NUMBER.match(cells[0]):
        return None
    unit = next((k for k in range(2, len(cells)) if _unit_cell(cells[k])), None)
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
                row = _row(cells, own, para_no, para_no)  # a row whose table lost its header
                row["header_para"] = para_no
                rows.append(row)
            continue
        cells = aligned(cells, width, cols["lead"])
        lead = cells[cols["lead"]].strip() if cols["lead"] < len(cells) else ""
        if not _UNIT.match(lead):
            continue  # a continuation row, its cells shifted: no unit where the lead should be
        row = _row(cells, cols, para_no, para_no)
        row["task"] = row["task"] or task  # a sub-row under a task spanning rows: the task above
        task = str(row["task"])
        row["header_para"] = header
        m = _LEADING_NUMBER.match(cells[0])
        row["number"] = m.group(0) if m else ""
        rows.append(row)
    return rows


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
        m = _NUMBER.match(text)
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
        if re.sub(r"\s+", "", text) in ("序号", "编号"):
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
    if cols["task"] < first_unit:
        # cells moved left by a merged cell before them move the task's start as well
        moved = max(0, min(first_unit, cols["task"] + 1) - start)
        out[cols["task"]] = "\n".join(cells[max(1, cols["task"] - moved) : start])
    if "leaders" in cols and cols["leaders"] < first_unit and cols["leaders"] < start:
        out[cols["leaders"]] = (
            cells[start - (first_unit - cols["leaders"])] if start - (first_unit - cols["leaders"]) > 0 else ""
        )
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
        if re.sub(r"\s+", "", paras[i][1]) not in ("序号", "编号"):
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
    name = re.sub(r"\s+", "", text)
    long_label = len(name) <= 24 and bool(_HEADER_WORD.search(name)) and not re.search(r"[。；;：:\d]", name)
    return bool(_SHORT_LABEL.fullmatch(name)) or header_cell(text) or long_label


def _joined_units(cells: list[str]) -> list[str]:
    """A row's cells with a unit's name that a narrow column broke over two lines joined again
    (市人力资源 / 社会保障局 → 市人力资源社会保障局)."""
    out: list[str] = []
    for cell in cells:
        if out and _UNIT_START.match(out[-1]) and not is_unit(out[-1]) and is_unit(out[-1] + cell.strip()):
            out[-1] += cell.strip()
        else:
            out.append(cell)
    return out


def _cell_rows(paras: list[tuple[int, str]]) -> list[dict[str, object]]:
    rows: list[dict[str, object]] = []
    for header, names, cols, groups in _cell_tables(paras):
        above = ""
        for group in groups:
            cells = _joined_units([t for _, t in group])
            short = len(cells) < len(names)
            # a row of another width, or whose task cell is a unit's name (a merged cell before
            # it moved its cells left), is placed by content
            if len(cells) != len(names) or (cols["task"] < len(cells) and is_unit(cells[cols["task"]])):
                cells = _cells_by_content(cells, cols)
            row = _row(cells, cols, group[0][0], group[-1][0])
            if not row["lead"] and short and above:
                row["lead"] = above  # a lead cell merged over the rows below it (rowspan)
            lead = str(row["lead"])
            if not _UNIT.match(lead) or not (split_units(lead) or _UNIT_START.match(lead)):
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


def table_rows(paras: list[tuple[int, str]]) -> list[dict[str, object]]:
    """Rows of every task table in a document's (para_no, text) paragraphs, in order."""
    rows = _pipe_rows(paras) + _cell_rows(paras)
    return sorted(rows, key=lambda r: int(r["para_no"]))  # type: ignore[call-overload]
