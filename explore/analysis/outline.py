"""One document's numbered outline as a tree (pure; no pandas).

Reads a document's paragraphs ``(para_no, text)`` and finds numbered paragraphs in the styles
plans use (``一、``, ``（一）``, ``1.`` / ``1、`` / ``（1）``, ``一是…``), nests them in the order
the document first uses each style (``outline``), gives an item the lines under it that each
close with their own note as measures (``noted_lines``), and finds plain lists announced by a
count (``13项改革``) when exactly that many short items follow (``count_lists``).
``item_rows`` reads the tree's items as rows.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from explore.analysis.notes import is_note
from explore.analysis.roles import (
    closes_with_note,
    is_role_line,
    task_segments,
    units_only,
)
from explore.analysis.wrapped import full_width, wrap_width
from explore.ingest.marks import LOST
from explore.ingest.numbering import CN
from explore.ingest.numbering import numbered as styled
from explore.ingest.numerals import cn_number

_SENTENCE_END = re.compile(r"[。；;！!？?]")
_COUNT = re.compile(
    rf"(\d{{1,3}}|[{CN}百]{{1,4}})(?:项|个|大)[^，。,:：；;]{{0,12}}?(?:改革举措|改革项目|改革任务|改革|项目|举措|任务|工程)"
)
MAX_TITLE = 40  # characters: a longer first sentence is prose, not a heading
_MAX_HEADING = 30


@dataclass
class Node:
    """A numbered paragraph: its heading, its own paragraphs and the items numbered under it."""

    style: str
    number: str
    para_no: int
    title: str
    body: list[tuple[int, str]]  # (para_no, text) of its own paragraphs
    children: list[Node] = field(default_factory=list)
    parent: Node | None = None
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


def clean(text: str) -> str:
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


def is_heading(text: str) -> bool:
    # A salutation (各位代表：) opens a speech; it heads nothing.
    return 0 < len(text) <= _MAX_HEADING and not _SENTENCE_END.search(text) and not _SALUTATION.match(text)


def outline(paras: list[tuple[int, str]], *, cells_after: int | None = None) -> tuple[list[Node], dict[int, str]]:
    """Numbered paragraphs as a tree (styles nest in order of first use); headings by para.
    ``cells_after``: the line of a one-cell-a-line table's unit column; under it, the short lines
    after an item are its row's cells (与市保持同步 / 9.8% / 区发改委) up to its unit cell."""
    roots: list[Node] = []
    stack: list[Node] = []
    order: list[str] = []  # styles in order of first use
    headings: dict[int, str] = {}
    current: Node | None = None
    width = wrap_width(paras)
    wrapped = False  # the line before ran to a page's full width, mid-sentence
    for para_no, raw in paras:
        text = clean(raw)
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
            elif is_heading(text):
                headings[para_no] = text.rstrip("。:：")
                current = None  # a heading line ends the item before it
            elif current is not None:
                current.body.append((para_no, text))
            continue
        style, number, rest = found
        if style not in order:
            order.append(style)
        title, heading_only = split_title(rest)
        node = Node(style, number, para_no, title, [(para_no, rest.strip())], heading_only=heading_only)
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


def noted_lines(node: Node) -> None:
    """Lines under an item that each close with their own units' note (1. 约束性指标的责任部门 /
    单位地区生产总值能源消耗力争降低20%左右。(省经贸委牵头) / 完成国家下达的耕地保有量指标。
    (省国土资源厅牵头)), or runs of lines each closed by a note on a line of its own, are its
    measures, each with its own lead, when they hold most of its lines. An item whose own
    paragraph names units sentence by sentence (13.提升…。…(责任单位:省发展改革委)推进…(责任单位:
    省科技厅)…) keeps the first sentences up to its first note; the rest are its measures."""
    for child in node.children:
        noted_lines(child)
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
        node.children.append(Node("noted", "", para_no, title, group, parent=node, heading_only=heading_only))
    taken = {p for group in groups for p, _ in group if p != node.para_no}
    node.body = [
        (node.para_no, own[0]) if own and k == 0 else line
        for k, line in enumerate(node.body)
        if k == 0 or line[0] not in taken
    ]


_TITLE_LINES = 4  # lines a wrapped heading sentence may run over


def nearest_heading(headings: dict[int, str], para_no: int) -> str:
    before = [p for p in headings if p < para_no]
    return headings[max(before)] if before else ""


def count_lists(paras: list[tuple[int, str]], taken: set[int]) -> list[tuple[str, list[tuple[int, str]]]]:
    """Plain lists announced by a count: (the announcing heading, [(para_no, text)])."""
    lists = []
    index = {p: i for i, (p, _) in enumerate(paras)}
    for para_no, raw in paras:
        text = clean(raw)
        announces = is_heading(text) or text.rstrip().endswith((":", "："))
        if not announces or para_no in taken:
            continue
        for m in _COUNT.finditer(text):
            n = _numeral_value(m.group(1))
            if not n or n < 2 or n > 60:
                continue
            follow = paras[index[para_no] + 1 : index[para_no] + 1 + n]
            if len(follow) < n or any(p in taken or numbered(clean(t)) for p, t in follow):
                continue
            titles = [split_title(clean(t))[0] for _, t in follow]
            if all(0 < len(t) <= MAX_TITLE and "，" not in t and "," not in t for t in titles):
                # the clause that announces the list, as written
                clause = re.split(r"[，,。；;]", text[: m.end()])[-1] + text[m.end() :]
                heading = clause.rstrip("。:： ")
                lists.append((heading, follow))
                taken.update(p for p, _ in follow)
                break
    return lists


def leaves(node: Node):
    for child in node.children:
        yield from leaves(child) if child.children else [child]
