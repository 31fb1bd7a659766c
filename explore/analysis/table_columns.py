"""A task table's columns (pure): which cells name columns (序号, 工作任务, 牵头单位 …), which
column holds the task, the lead, the partners and the leaders — by the header's names, or by
what the cells are where no name says (``columns_by_content``) — and one row's cells read into
an item row. ``task_table`` (a row a line, cells between ``|``) and ``cell_table`` (one cell a
line) read the rows.
"""

from __future__ import annotations

import re

from explore.ingest.numbering import ROW_CELL
from explore.ingest.role_labels import label_pattern
from explore.ingest.units import is_unit, split_units

# A header cell is a short label naming what a column holds (序号, 目标与任务, 分 管 县领导,
# 牵头责任单位, 完成时限 …); a body cell is a task, a unit's name or a date.
HEADER_WORD = re.compile(
    r"序号|编号|名称|任务|目标|内容|事项|措施|举措|项目|单位|部门|领导|时限|时间|进展|情况|备注|类别|分类|牵头|责任|配合|协办|指标|"
    r"进度|节点|要求|重点工作|工作重点|负责|科室|处室"
)
UNIT = re.compile(r"^[^\d\s|][^|]*[\u4e00-\u9fff]")  # a unit's name: Chinese, not a date or a number
UNIT_START = re.compile(r"^[省市区县镇][\u4e00-\u9fff]{1,8}$")  # 市人力资源: a unit's name begun
# The column names are roles.txt's labels (analysis/roles reads the same file): 配合单位, 协办单位 …
_PARTNER_COL = re.compile(label_pattern("partner"))
# 牵头单位, 责任单位, 牵头负责部门, and 牵头单位及主要负责人 (a column holding the unit and its head)
_LEAD_COL = re.compile(rf"^(?:主要)?(?:{label_pattern('lead', 'responsible')})(?:及[\u4e00-\u9fff]{{1,8}})?$")
_LEADER_COL = re.compile(r"领导$")
_TASK_COL = re.compile(r"(任务|目标|内容|事项|措施|举措|重点工作|工作重点|项目)")


def header_cell(text: str) -> bool:
    name = re.sub(r"^(?:19|20)\d{2}年", "", "".join(text.split()))  # 2022年预期目标
    return 0 < len(name) <= 12 and bool(HEADER_WORD.search(name)) and not re.search(r"[\d。，,；;]", name[2:])


def header_row(cells: list[str]) -> bool:
    """Whether a table's row names its columns: at least three cells, half of them labels. One
    long name (陕西省《工作要点》部署任务) may stand among them, and columns such as
    1-9月份工作完成情况 or 监督电话 need not read as labels if half do."""
    named = [c for c in cells if c.strip()]
    return len(named) >= 3 and sum(map(header_cell, named)) >= max(3, (len(named) + 1) // 2)


def is_task_column(name: str) -> bool:
    """A column holding the tasks (工作任务, 项目内容, 建设规模及内容), not their progress
    (进展情况, 完成目标(%))."""
    name = "".join(name.split())
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
            if "牵头" in name and "lead" in cols and "牵头" not in "".join(names[cols["lead"]].split()):
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
    rows = [rejoined_units(r) for r in rows if len(r) >= 3]
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


def table_row(cells: list[str], cols: dict[str, int], para_no: int, para_end: int) -> dict[str, object]:
    def cell(key: str) -> str:
        i = cols.get(key)
        return cells[i].strip() if i is not None and i < len(cells) else ""

    lead, leaders = lead_cell(cell("lead"))
    return {
        "number": cells[0].strip(),
        "task": cell("task"),
        "lead": lead,
        "partners": cell("partners"),
        "leaders": "、".join(x for x in (cell("leaders"), leaders) if x),
        "para_no": para_no,
        "para_end": para_end,
    }


def lead_cell(text: str) -> tuple[str, str]:
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


# A unit's name as a cell holds it: short, no sentence, ending in a kind of body (县教育局,
# 市行政审批局市司法局, 区发展改革委(粮食和储备局), 县各有关单位).


def unit_cell(cell: str) -> bool:
    """A cell that names a unit first (县教育局; 市民政局 伍泽国, the unit and its head)."""
    pieces = cell.split()
    return is_unit(cell) or (len(pieces) > 1 and is_unit(pieces[0]))


def _column_name(name: str) -> str:
    """A column's name without spaces or a note after it (责任单位 (加黑为牵头单位) → 责任单位)."""
    return re.sub(r"[（(][^（）()]*[）)]$", "", "".join(name.split()))


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
    if lead < len(cells) and unit_cell(cells[lead]) and (len(cells) == width or ROW_CELL.match(cells[0])):
        return cells
    first = next((k for k, cell in enumerate(cells) if unit_cell(cell)), None)
    if first is None:
        return cells
    offset = first - lead
    return [cells[i + offset] if 0 <= i + offset < len(cells) else "" for i in range(width)]


def rejoined_units(cells: list[str]) -> list[str]:
    """A row's cells with a unit's name that a narrow column broke over two lines joined again
    (市人力资源 / 社会保障局 → 市人力资源社会保障局)."""
    out: list[str] = []
    for cell in cells:
        if out and UNIT_START.match(out[-1]) and not is_unit(out[-1]) and is_unit(out[-1] + cell.strip()):
            out[-1] += cell.strip()
        else:
            out.append(cell)
    return out
