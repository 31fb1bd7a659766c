"""One document's reform items as rows (pure; no pandas): the items of its numbered outline
(``outline``), tier headings told from items and framing sections (guiding thought, principles,
targets, safeguards) skipped unless their items name units; then counted lists, task tables'
rows, tables found by their unit cells and paragraphs that name who answers for them. Leads,
partners and reform groups are read from each item's text (``roles``); ``items`` turns the rows
into the ``items`` table.
"""

from __future__ import annotations

import re

from explore.analysis.glued_rows import RULE as GLUED_RULE
from explore.analysis.glued_rows import glued_rows
from explore.analysis.notes import first_unit_leads
from explore.analysis.outline import (
    MAX_TITLE,
    Node,
    clean,
    count_lists,
    leaves,
    nearest_heading,
    noted_lines,
    outline,
    split_title,
)
from explore.analysis.roles import (
    cell_roles,
    item_roles,
    joined_units,
    reform_group,
    stated_for,
    task_segments,
    unit_line_roles,
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
from explore.analysis.unit_sentences import RULE as SENTENCE_RULE
from explore.analysis.unit_sentences import unit_sentence_rows
from explore.ingest.numbering import ROW_LINE

# Sections of a plan that frame it rather than list reforms.
_FRAMING = re.compile(
    r"指导思想|基本原则|改革原则|总体要求|工作目标|主要目标|总体目标|保障措施|工作要求|组织保障|重要意义|背景"
)


def doc_items(paras: list[tuple[int, str]]) -> list[dict[str, object]]:
    """The item rows of one document (every ``ITEM_COLUMNS`` field but doc_id, district, year, theme)."""
    # a table flattened one cell a line names a unit column (责任单位) on a line of its own
    unit_column = unit_column_after_tasks(paras)
    roots, headings = outline(paras, cells_after=unit_column)
    for root in roots:
        noted_lines(root)
    one_column = unit_column is not None and one_unit_column(paras, unit_column)
    unit_first = unit_column_before_tasks(paras) if unit_column is None else None
    row_units = row_unit_cells(paras, unit_first) if unit_first is not None else []  # read once
    first_leads = any(first_unit_leads(t) for _, t in paras)
    rows: list[dict[str, object]] = []
    taken: set[int] = set()
    group_leads: dict[int, tuple[str, str]] = {}  # a heading's node → the lead it names for the tasks under it

    def emit(node: Node, tier: str, parent: Node | None, position: int, *, noted: str = "") -> dict[str, object]:
        text = "\n".join(t for _, t in node.body)
        lead, partners, leaders, rule = item_roles(text, first_leads)
        if not lead and unit_column is not None and node.para_no > unit_column:  # a cell under the header
            read = unit_line_roles(node.body[1:], first_leads, one_column=one_column)
            lead, partners, rule = read or (lead, partners, rule)
        if not lead and unit_first is not None and node.para_no > unit_first:
            lead = unit_above(row_units, node.para_no)
            rule = "unit column" if lead else rule
        if not lead and parent is not None and id(parent) in group_leads:
            lead, rule = group_leads[id(parent)]  # (三)省编办牵头的工作 / 1.… 2.…
        if not lead and noted:
            lead, rule = noted, "heading note"  # 一、就业促进工程(责任单位:X、Y) / (一)工作目标 / 1.…
        if rule in ("group heading", "heading note"):
            group_leads[id(node)] = (lead, rule)
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
            # a tier heading's own note names who answers for every task under it
            heading_text = "\n".join(t for _, t in root.body)
            noted = item_roles(heading_text, first_leads)[0]
            for i, child in enumerate(root.children, 1):
                emit(child, root.title, None, i, noted=noted)
        else:
            if root.style == "section" and _FRAMING.search(root.title):
                _take_all(root, taken)
                continue
            emit(root, nearest_heading(headings, root.para_no), None, position)
    _stated_for_groups(rows)
    for heading, members in count_lists(paras, taken):
        for i, (para_no, raw) in enumerate(members, 1):
            roles = item_roles(clean(raw), first_leads)
            rows.append(_paragraph_item("list", para_no, raw, roles, tier=heading, position=i))
    rows.extend(_table_items(paras, taken, headings, rows, first_leads))
    if not any(r["lead"] for r in rows):
        # no reader found an item with a lead: a numbered table whose units stand in cells of
        # their own, or whose cells the page ran together (…6%左右。区发展改革委…); lead-less
        # items read before were its pieces (a document site's page numbers: 2、)各街道3老城厢…)
        found = _unit_cell_items(paras, headings) or _row_items(glued_rows(paras), headings, "glued row", GLUED_RULE)
        rows = found or rows
    if not any(r["lead"] for r in rows):
        # nor a lead: paragraphs that name who answers for them (…。这项工作由X负责) are items
        rows += _role_paragraphs(paras, taken, headings, first_leads)
    if not rows:
        # nor any item: sentences that set a unit a task (市教育局要在11月底新建幼儿园9所。)
        rows = _row_items(unit_sentence_rows(paras), headings, "unit sentence", SENTENCE_RULE)
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
    text = clean(raw)
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
                tier=nearest_heading(headings, int(r["header_para"])),
                position=position,
                title=title[: MAX_TITLE * 2],
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
        # tasks a paragraph runs together, each closed by its note (一是…（责任单位：X）；二是…（责任单位：Y）)
        for k, piece in enumerate(p.lstrip("；;，,。 ") for p in task_segments(text)):
            lead, partners, leaders, rule = item_roles(piece, first_leads)
            if lead and rule != "group heading":
                found.append((f"role {k}", para_no, piece, lead, partners, leaders, rule))
    if len(found) < _MIN_ROLE_PARAGRAPHS:
        return []
    return [
        _paragraph_item(kind, para_no, text, roles, tier=nearest_heading(headings, para_no), position=position)
        for position, (kind, para_no, text, *roles) in enumerate(found, 1)
    ]


def _unit_cell_items(paras: list[tuple[int, str]], headings: dict[int, str]) -> list[dict[str, object]]:
    """One project a row of a table found by its unit cells alone (``unit_rows``)."""
    return _row_items(unit_cell_rows(paras), headings, "unit row", UNIT_CELL_RULE)


def _row_items(
    found: list[dict[str, object]], headings: dict[int, str], node: str, rule: str
) -> list[dict[str, object]]:
    # the heading above a row, not a cell of its table: a line of a row (one cell a line, a row
    # set out with spaces) or a row's number reads like a heading
    cells = {p for r in found for p in range(int(r["para_no"]), int(r["para_end"]) + 1)}  # type: ignore[call-overload]
    above = {p: h for p, h in headings.items() if p not in cells and not ROW_LINE.fullmatch(h)}
    return [
        _project(
            tier=nearest_heading(above, int(r["para_no"])),  # type: ignore[call-overload]
            position=position,
            title=split_title(str(r["task"]))[0][: MAX_TITLE * 2],
            text=r["task"],
            para_no=r["para_no"],
            para_end=r["para_end"],
            node=(node, position),
            number=r["number"],
            lead=r["lead"],
            partners=r["partners"],
            lead_rule=rule,
        )
        for position, r in enumerate(found, 1)
    ]


def _finish(row: dict[str, object]) -> dict[str, object]:
    out = {k: v for k, v in row.items() if not k.startswith("_") and k != "parent_no"}
    out["item_id"] = row["_id"]
    out["parent_id"] = row["parent_no"]
    return out


def _assigned_targets(node: Node, first_leads: bool) -> bool:
    """A section of targets whose items (its innermost entries, at any depth) name the unit
    answering for them at least every other time ((一)地区生产总值增长11%左右。(省发改委负责);
    一、…主要目标 / （一）总体要求和主要预期目标 / 1.…（国务院各部门分别负责）): a task division's
    items, not the plan's framing."""
    if "目标" not in node.title or not node.children:
        return False
    innermost = list(leaves(node))
    led = sum(bool(item_roles("\n".join(t for _, t in leaf.body), first_leads)[0]) for leaf in innermost)
    return 2 * led >= len(innermost)


def _take_all(node: Node, taken: set[int]) -> None:
    taken.update(p for p, _ in node.body)
    for child in node.children:
        _take_all(child, taken)
