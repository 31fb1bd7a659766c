"""One document's numbered outline → its reform items as rows (pure; no pandas).

Reads a document's paragraphs ``(para_no, text)`` and finds numbered paragraphs in the styles
plans use (``一、``, ``（一）``, ``1.`` / ``1、`` / ``（1）``, ``一是…``), nests them in the order
the document first uses each style, tells tier headings from items, skips framing sections
(guiding thought, principles, targets, safeguards), takes plain lists announced by a count
(``13项改革``) when exactly that many short items follow, and reads leads, partners and reform
groups from each item's text. ``items`` turns the rows into the ``items`` table.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from explore.analysis.roles import (
    cell_roles,
    closes_with_note,
    first_unit_leads,
    is_note,
    is_role_line,
    item_roles,
    joined_units,
    reform_group,
    stated_for,
    task_segments,
    unit_line_roles,
    units_only,
)
from explore.analysis.spaced_rows import spaced_rows
from explore.analysis.task_table import table_rows
from explore.analysis.unit_cells import (
    one_unit_column,
    row_unit_cells,
    unit_above,
    unit_column_after_tasks,
    unit_column_before_tasks,
)
from explore.analysis.unit_rows import RULE as UNIT_CELL_RULE
from explore.analysis.unit_rows import unit_cell_rows
from explore.analysis.wrapped import full_width, wrap_width
from explore.ingest.marks import LOST
from explore.ingest.numbering import CN
from explore.ingest.numbering import numbered as styled
from explore.ingest.numerals import cn_number

# Sections of a plan that frame it rather than list reforms.
_FRAMING = re.compile(
    r"指导思想|基本原则|改革原则|总体要求|工作目标|主要目标|总体目标|保障措施|工作要求|组织保障|重要意义|背景"
)
_SENTENCE_END = re.compile(r"[。；;！!？?]")
_COUNT = re.compile(
    rf"(\d{{1,3}}|[{CN}百]{{1,4}})(?:项|个|大)[^，。,:：；;]{{0,12}}?(?:改革举措|改革项目|改革任务|改革|项目|举措|任务|工程)"
)
_MAX_TITLE = 40  # characters: a longer first sentence is prose, not a heading
_MAX_HEADING = 30


@dataclass
class _Node:
    style: str
    number: str
    para_no: int
    title: str
    body: list[tuple[int, str]]  # (para_no, text) of its own paragraphs
    children: list[_Node] = field(default_factory=list)
    parent: _Node | None = None
    heading_only: bool = False  # the paragraph is only the heading (no sentence after it)
    tier: str = ""


def _numeral_value(number: str) -> int | None:
    digits = re.sub(r"\D", "", number)
    if digits:
        return int(digits)
    chars = re.sub(f"[^{CN}百]", "", number)
    if not chars or LOST in number:
        return None
    return cn_number(chars)


def _clean(text: str) -> str:
    return text.strip().lstrip("\u3000 \t" + LOST)


def split_title(rest: str) -> tuple[str, bool]:
    """The heading sentence of an item paragraph, and whether the paragraph is only a heading."""
    rest = rest.strip()
    cut = re.search(
        r"(?:牵头(?:区|市|县)?领导|责任领导)[:：]|[（(](?:牵头单位|牵头部门|责任单位|主责单位|责任部门)", rest
    )
    head = rest[: cut.start()] if cut else rest
    m = _SENTENCE_END.search(head)
    if m is None:
        return head.strip(" :：,，"), True
    return head[: m.start()].strip(" :：,，"), not rest[m.end() :].strip()


# A number run into a short heading (1优化就业创业服务): an item's number whose dot a page lost;
# not a count or a date (3人, 5月).
_BARE = re.compile(r"^(\d{1,2})(?=[\u4e00-\u9fff])(?![年月日号时个项件家所条名人户万亿元次批])")


def numbered(text: str) -> tuple[str, str, str] | None:
    """(style, number as written, rest) when a paragraph starts with a number (``ingest.numbering``),
    or with a number whose dot a page lost before a short heading (1优化就业创业服务)."""
    if found := styled(text):
        return found
    m = _BARE.match(text)
    if m and len(text) <= _MAX_HEADING and not _SENTENCE_END.search(text):
        return "arabic", m.group(1), text[m.end() :]
    return None


_SALUTATION = re.compile(r"^(各位(代表|委员|领导)|同志们|尊敬的)")


_SPACED_NAME = re.compile(r"[\u4e00-\u9fff]\s+[\u4e00-\u9fff]{1,2}")  # 钱 宇: a name padded in a cell


def _cell_of_a_row(text: str) -> bool:
    return bool(_SPACED_NAME.fullmatch(text.strip())) or bool(units_only(text))


def _is_heading(text: str) -> bool:
    # A salutation (各位代表：) opens a speech; it heads nothing.
    return 0 < len(text) <= _MAX_HEADING and not _SENTENCE_END.search(text) and not _SALUTATION.match(text)


def _outline(paras: list[tuple[int, str]], *, cells_after: int | None = None) -> tuple[list[_Node], dict[int, str]]:
    """Numbered paragraphs as a tree (styles nest in order of first use); headings by para.
    ``cells_after``: the line of a one-cell-a-line table's unit column; under it, the short lines
    after an item are its row's cells (与市保持同步 / 9.8% / 区发改委) up to its unit cell."""
    roots: list[_Node] = []
    stack: list[_Node] = []
    order: list[str] = []  # styles in order of first use
    headings: dict[int, str] = {}
    current: _Node | None = None
    width = wrap_width(paras)
    wrapped = False  # the line before ran to a page's full width, mid-sentence
    for para_no, raw in paras:
        text = _clean(raw)
        if not text.strip(" |"):
            continue  # a flattened table's cell separator (| or ||||) on a line of its own
        if wrapped and current is not None and not numbered(text):
            current.body.append((para_no, text))  # the rest of a sentence a PDF's line broke
            if current.heading_only and len(current.body) <= _TITLE_LINES:
                current.title, current.heading_only = split_title("".join(t for _, t in current.body))
            wrapped = full_width(text, width)
            continue
        wrapped = full_width(text, width)
        found = numbered(text)
        if found and found[0] == "shi" and not (text.startswith("一是") or "shi" in order):
            found = None  # '二是' opening a paragraph without a '一是' before it is prose
        if found is None:
            row_open = (
                cells_after is not None
                and para_no > cells_after
                and not any(units_only(t) for _, t in current.body[1:])
                if current
                else False
            )
            field = len(text) <= 12 and text.endswith((":", "："))  # 项目内容: / 责任单位: over their values
            if current is not None and (
                row_open or field or is_role_line(text) or is_note(text) or _cell_of_a_row(text)
            ):
                # a lead line of its own (牵头单位:…, （市场监管总局负责）) belongs to the item, and
                # so do a flattened row's unit and leader cells (★区发改委、统计局; 钱 宇)
                current.body.append((para_no, text))
            elif _is_heading(text):
                headings[para_no] = text.rstrip("。:：")
                current = None  # a heading line ends the item before it
            elif current is not None:
                current.body.append((para_no, text))
            continue
        style, number, rest = found
        if style not in order:
            order.append(style)
        title, heading_only = split_title(rest)
        node = _Node(style, number, para_no, title, [(para_no, rest.strip())], heading_only=heading_only)
        rank = order.index(style)
        while stack and order.index(stack[-1].style) >= rank:
            stack.pop()
        if stack:
            node.parent = stack[-1]
            stack[-1].children.append(node)
        else:
            roots.append(node)
        stack.append(node)
        current = node
    return roots, headings


def _noted_lines(node: _Node) -> None:
    """Lines under an item that each close with their own units' note (1. 约束性指标的责任部门 /
    单位地区生产总值能源消耗力争降低20%左右。(省经贸委牵头) / 完成国家下达的耕地保有量指标。
    (省国土资源厅牵头)), or runs of lines each closed by a note on a line of its own, are its
    measures, each with its own lead, when they hold most of its lines. An item whose own
    paragraph names units sentence by sentence (13.提升…。…(责任单位:省发展改革委)推进…(责任单位:
    省科技厅)…) keeps the first sentences up to its first note; the rest are its measures."""
    for child in node.children:
        _noted_lines(child)
    if node.children:
        return
    head = task_segments(node.body[0][1])
    own = head[:1] if sum(map(closes_with_note, head)) >= 2 else []
    lines = [(node.para_no, segment) for segment in head[1:] if own]
    lines += [(p, segment) for p, text in node.body[1:] for segment in task_segments(text)]
    groups: list[list[tuple[int, str]]] = []
    run: list[tuple[int, str]] = []
    for line in lines:
        run.append(line)
        if closes_with_note(line[1]) or (is_note(line[1]) and len(run) > 1):
            groups.append(run)
            run = []
    if len(groups) < 2 - bool(own) or 2 * sum(map(len, groups)) < len(lines):
        return
    for group in groups:
        title, heading_only = split_title(group[0][1])
        para_no = group[0][0]
        node.children.append(_Node("noted", "", para_no, title, group, parent=node, heading_only=heading_only))
    taken = {p for group in groups for p, _ in group if p != node.para_no}
    node.body = [
        (node.para_no, own[0]) if own and k == 0 else line
        for k, line in enumerate(node.body)
        if k == 0 or line[0] not in taken
    ]


_TITLE_LINES = 4  # lines a wrapped heading sentence may run over


def _nearest_heading(headings: dict[int, str], para_no: int) -> str:
    before = [p for p in headings if p < para_no]
    return headings[max(before)] if before else ""


def _count_lists(paras: list[tuple[int, str]], taken: set[int]) -> list[tuple[str, list[tuple[int, str]]]]:
    """Plain lists announced by a count: (the announcing heading, [(para_no, text)])."""
    lists = []
    index = {p: i for i, (p, _) in enumerate(paras)}
    for para_no, raw in paras:
        text = _clean(raw)
        announces = _is_heading(text) or text.rstrip().endswith((":", "："))
        if not announces or para_no in taken:
            continue
        for m in _COUNT.finditer(text):
            n = _numeral_value(m.group(1))
            if not n or n < 2 or n > 60:
                continue
            follow = paras[index[para_no] + 1 : index[para_no] + 1 + n]
            if len(follow) < n or any(p in taken or numbered(_clean(t)) for p, t in follow):
                continue
            titles = [split_title(_clean(t))[0] for _, t in follow]
            if all(0 < len(t) <= _MAX_TITLE and "，" not in t and "," not in t for t in titles):
                # the clause that announces the list, as written
                clause = re.split(r"[，,。；;]", text[: m.end()])[-1] + text[m.end() :]
                heading = clause.rstrip("。:： ")
                lists.append((heading, follow))
                taken.update(p for p, _ in follow)
                break
    return lists


def doc_items(paras: list[tuple[int, str]]) -> list[dict[str, object]]:
    """The item rows of one document (every ``ITEM_COLUMNS`` field but doc_id, district, year, theme)."""
    # a table flattened one cell a line names a unit column (责任单位) on a line of its own
    unit_column = unit_column_after_tasks(paras)
    roots, headings = _outline(paras, cells_after=unit_column)
    for root in roots:
        _noted_lines(root)
    one_column = unit_column is not None and one_unit_column(paras, unit_column)
    unit_first = unit_column_before_tasks(paras) if unit_column is None else None
    row_units = row_unit_cells(paras, unit_first) if unit_first is not None else []  # read once
    first_leads = any(first_unit_leads(t) for _, t in paras)
    rows: list[dict[str, object]] = []
    taken: set[int] = set()
    group_leads: dict[int, str] = {}  # a heading's node → the lead it names for the tasks under it

    def emit(node: _Node, tier: str, parent: _Node | None, position: int) -> dict[str, object]:
        text = "\n".join(t for _, t in node.body)
        lead, partners, leaders, rule = item_roles(text, first_leads)
        if not lead and unit_column is not None and node.para_no > unit_column:  # a cell under the header
            read = unit_line_roles(node.body[1:], first_leads, one_column=one_column)
            lead, partners, rule = read or (lead, partners, rule)
        if not lead and unit_first is not None and node.para_no > unit_first:
            lead = unit_above(row_units, node.para_no)
            rule = "unit column" if lead else rule
        if not lead and parent is not None and id(parent) in group_leads:
            lead, rule = group_leads[id(parent)], "group heading"  # (三)省编办牵头的工作 / 1.… 2.…
        if rule == "group heading":
            group_leads[id(node)] = lead
        row: dict[str, object] = {
            "item_id": "",
            "parent_id": id(parent) if parent is not None else "",
            "level": "measure" if parent is not None else "project",
            "tier": tier,
            "number": node.number,
            "position": position,
            "title": node.title,
            "lead": lead,
            "partners": partners,
            "leaders": leaders,
            "lead_rule": rule,
            "group": reform_group(text),
            "para_no": node.para_no,
            "para_end": node.body[-1][0],
            "text": text,
            "_node": id(node),
        }
        taken.update(p for p, _ in node.body)
        rows.append(row)
        for i, child in enumerate(node.children, 1):
            emit(child, tier, node, i)
        if not lead and node.children:
            child_leads = [str(r["lead"]) for r in rows if r["parent_id"] == id(node) and r["lead"]]
            row["lead"] = joined_units(child_leads)
            row["lead_rule"] = "its measures" if child_leads else ""
        return row

    for position, root in enumerate(roots, 1):
        is_tier = bool(root.children) and root.heading_only
        if is_tier:
            taken.update(p for p, _ in root.body)
            if _FRAMING.search(root.title) and not _assigned_targets(root, first_leads):
                _take_all(root, taken)
                continue
            for i, child in enumerate(root.children, 1):
                emit(child, root.title, None, i)
        else:
            if root.style == "section" and _FRAMING.search(root.title):
                _take_all(root, taken)
                continue
            emit(root, _nearest_heading(headings, root.para_no), None, position)
    _stated_for_groups(rows)
    for heading, members in _count_lists(paras, taken):
        for i, (para_no, raw) in enumerate(members, 1):
            roles = item_roles(_clean(raw), first_leads)
            rows.append(_paragraph_item("list", para_no, raw, roles, tier=heading, position=i))
    rows.extend(_table_items(paras, taken, headings, rows, first_leads))
    if not rows:
        # no reader found an item: a numbered table whose units stand in cells of their own
        rows = _unit_cell_items(paras, headings)
    if not any(r["lead"] for r in rows):
        # nor a lead: paragraphs that name who answers for them (…。这项工作由X负责) are items
        rows += _role_paragraphs(paras, taken, headings, first_leads)
    rows.sort(key=lambda r: int(r["para_no"]))  # type: ignore[arg-type]
    # ids: <n> in reading order; parents by node identity
    number_of = {r["_node"]: n for n, r in enumerate(rows, 1)}
    for r in rows:
        r["_id"] = number_of[r["_node"]]
        r["parent_no"] = number_of.get(r["parent_id"], "") if r["parent_id"] != "" else ""
    return [_finish(r) for r in rows]


def _stated_for_groups(rows: list[dict[str, object]]) -> None:
    """Leads a sentence after a group of items names for the group (…4.人均地区生产总值达到4000
    美元; / 4项目标的责任单位均为市发展改革委。): the item it follows and as many before it, under the
    same parent, as it counts (all since the last such sentence for 以上…)."""
    last = -1
    for i, row in enumerate(rows):
        found = None if row["lead"] else stated_for(str(row["text"]))
        if found is None:
            continue
        n, units = found
        group = [j for j in range(last + 1, i + 1) if rows[j]["parent_id"] == row["parent_id"] and not rows[j]["lead"]]
        for j in group[-n:] if n else group:
            rows[j].update(lead="、".join(units), lead_rule="stated for its group")
        last = i


def _project(
    *,
    tier: str,
    position: int,
    title: str,
    text: str,
    para_no: int,
    para_end: int,
    node: object,
    number: str = "",
    lead: str = "",
    partners: str = "",
    leaders: str = "",
    lead_rule: str = "",
    group: str = "",
) -> dict[str, object]:
    """A top-level item row found outside the numbered outline (a counted list, a table's row, a
    paragraph naming its lead); ``node`` identifies it until its id is given."""
    return {
        "item_id": "", "parent_id": "", "level": "project", "tier": tier, "number": number, "position": position,
        "title": title, "lead": lead, "partners": partners, "leaders": leaders, "lead_rule": lead_rule,
        "group": group, "para_no": para_no, "para_end": para_end, "text": text, "_node": node,
    }  # fmt: skip


def _paragraph_item(kind: str, para_no: int, raw: str, roles, *, tier: str, position: int) -> dict[str, object]:
    """A top-level item that is one paragraph (a counted list's member, a paragraph naming its
    lead), with its ``roles`` (``item_roles``: lead, partners, leaders, rule)."""
    text = _clean(raw)
    lead, partners, leaders, rule = roles
    return _project(
        tier=tier, position=position, title=split_title(text)[0], text=text, para_no=para_no, para_end=para_no,
        node=(kind, para_no), lead=lead, partners=partners, leaders=leaders, lead_rule=rule, group=reform_group(text),
    )  # fmt: skip


def _table_items(
    paras: list[tuple[int, str]], taken: set[int], headings, items: list[dict[str, object]], first_leads: bool
) -> list[dict[str, object]]:
    """One project a row of each task table (``task_table``, else ``spaced_rows``) whose rows no outline item holds;
    a row that an outline item holds ((一)… | … | 牵头单位) gives that item its lead."""
    rows = []
    by_para = {int(i["para_no"]): i for i in items}  # type: ignore[call-overload]
    for position, r in enumerate(table_rows(paras) or spaced_rows(paras), 1):
        r["lead"], r["partners"] = cell_roles(str(r["lead"]), str(r["partners"]), first_leads)
        item = by_para.get(int(r["para_no"]))
        if item is not None:
            if not item["lead"]:
                item.update(lead=r["lead"], partners=r["partners"] or item["partners"], lead_rule="table")
            continue  # the row is an outline item's own heading: that item is the row
        # a row inside an outline item's text (a table under "一、…分解表") is an item of its own
        text = str(r["task"])
        title, _ = split_title(text)
        rows.append(
            _project(
                # the heading above the table, not a cell of it (one cell a line reads like headings)
                tier=_nearest_heading(headings, int(r["header_para"])),
                position=position,
                title=title[: _MAX_TITLE * 2],
                text=text,
                para_no=r["para_no"],
                para_end=r["para_end"],
                node=("table", r["para_no"]),
                number=r["number"],
                lead=r["lead"],
                partners=r["partners"],
                leaders=r["leaders"],
                lead_rule="table" if r["lead"] else "",
            )
        )
    return rows


_MIN_ROLE_PARAGRAPHS = 3  # one or two are prose that happens to name a unit (具体工作由县财政局负责)


def _role_paragraphs(
    paras: list[tuple[int, str]], taken: set[int], headings: dict[int, str], first_leads: bool
) -> list[dict[str, object]]:
    """One project a paragraph outside every item that names its lead (a list of targets without
    numbers, each followed by 这项工作由X负责), when at least three do."""
    found = []
    for para_no, text in paras:
        if para_no in taken:
            continue
        lead, partners, leaders, rule = item_roles(text, first_leads)
        if lead and rule != "group heading":
            found.append((para_no, text, lead, partners, leaders, rule))
    if len(found) < _MIN_ROLE_PARAGRAPHS:
        return []
    return [
        _paragraph_item("role", para_no, text, roles, tier=_nearest_heading(headings, para_no), position=position)
        for position, (para_no, text, *roles) in enumerate(found, 1)
    ]


def _unit_cell_items(paras: list[tuple[int, str]], headings: dict[int, str]) -> list[dict[str, object]]:
    """One project a row of a table found by its unit cells alone (``unit_rows``)."""
    return [
        _project(
            tier=_nearest_heading(headings, int(r["para_no"])),  # type: ignore[call-overload]
            position=position,
            title=split_title(str(r["task"]))[0][: _MAX_TITLE * 2],
            text=r["task"],
            para_no=r["para_no"],
            para_end=r["para_end"],
            node=("unit row", position),
            number=r["number"],
            lead=r["lead"],
            partners=r["partners"],
            lead_rule=UNIT_CELL_RULE,
        )
        for position, r in enumerate(unit_cell_rows(paras), 1)
    ]


def _finish(row: dict[str, object]) -> dict[str, object]:
    out = {k: v for k, v in row.items() if not k.startswith("_") and k != "parent_no"}
    out["item_id"] = row["_id"]
    out["parent_id"] = row["parent_no"]
    return out


def _assigned_targets(node: _Node, first_leads: bool) -> bool:
    """A section of targets whose items (its innermost entries, at any depth) name the unit
    answering for them at least every other time ((一)地区生产总值增长11%左右。(省发改委负责);
    一、…主要目标 / （一）总体要求和主要预期目标 / 1.…（国务院各部门分别负责）): a task division's
    items, not the plan's framing."""
    if "目标" not in node.title or not node.children:
        return False
    leaves = list(_leaves(node))
    led = sum(bool(item_roles("\n".join(t for _, t in leaf.body), first_leads)[0]) for leaf in leaves)
    return 2 * led >= len(leaves)


def _leaves(node: _Node):
    for child in node.children:
        yield from _leaves(child) if child.children else [child]


def _take_all(node: _Node, taken: set[int]) -> None:
    taken.update(p for p, _ in node.body)
    for child in node.children:
        _take_all(child, taken)
