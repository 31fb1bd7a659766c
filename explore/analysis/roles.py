"""Who leads an item, from the words around its units wherever they stand (pure): a label
(牵头单位：X；配合单位：Y), prose (由X牵头), a table cell or a unit column, a group heading, or the
item's closing note (``analysis.notes``: under a document's "排在第一位的部门为牵头部门" the first
unit listed leads and the others are partners; without one every listed unit leads). ``Rule``
names which of them gave the lead (the items table's ``lead_rule``). Units are recognised by
their form (``ingest.units``), so a note that lists no unit ("（长期坚持）") gives nothing.
"""

from __future__ import annotations

import re
from typing import Literal

from explore.analysis.notes import JUNK, note_roles, note_spans
from explore.ingest.issuers import units_of
from explore.ingest.numbering import ARABIC, SECTION
from explore.ingest.numerals import cn_number
from explore.ingest.role_labels import label_pattern, labels
from explore.ingest.units import split_units

Rule = Literal[
    "",
    "labelled",
    "prose",
    "named lead",
    "first listed (stated)",
    "every listed unit",
    "table",
    "unit column",
    "its measures",
    "group heading",
    "heading note",
    "stated for its group",
]


# X、Y分别牵头: each of the units listed leads its part, whatever the document's convention
_SEPARATELY = re.compile(r"分别(?:牵头|负责)\W*$")


def _unit_notes(text: str) -> list[tuple[int, int]]:
    """Where ``text`` holds a bracketed note that names its lead units: （省经贸委牵头）,
    (责任单位:省科技厅); ``note_spans``'s notes that open on a bracket and give a lead."""
    return [(a, b) for a, b in note_spans(text) if text[a] in "（(〔[【" and item_roles(text[a:b])[0]]


def closes_with_note(text: str) -> bool:
    """A task sentence that ends in the note naming its units (单位地区生产总值能源消耗力争降低20%
    左右。(省经贸委牵头)): a task of its own, not the note of the task above."""
    bare = text.strip().rstrip("。;；")
    spans = _unit_notes(bare)
    return bool(spans) and spans[-1][1] == len(bare) and spans[-1][0] >= 4


def task_segments(text: str) -> list[str]:
    """``text`` cut after each note that names units and has more text after it: tasks a page ran
    together on one line (常住人口控制在1150万人左右。(市人口计生委牵头)万元地区生产总值能源消耗
    降低20%。(市经委牵头)…), each with its note."""
    cuts = sorted({end for _, end in _unit_notes(text) if text[end:].strip()})
    return [text[a:b] for a, b in zip([0, *cuts], [*cuts, len(text)], strict=True) if text[a:b].strip()]


# Lead and supporting units in the forms plans use across China (eval/: county task divisions,
# provincial key-task lists, district reform points): 牵头单位/牵头部门/责任单位/主责单位 …,
# bracketed or on a line of their own, with nested brackets kept whole (区委（区政府）办公室).
# The labels are ``explore/data/roles.txt`` (``roles.labels``); a 责任单位 after a 牵头单位 in one
# item names partners.
_UNIT = r"(?:[^；;，,。:：（）()\[\]【】\n]|[（(][^（）()\n]{1,12}[）)])+"
_ANY_LABEL = label_pattern(
    "lead", "responsible", "partner", "leader", "short lead", "short responsible", "short partner"
)
_LEAD = re.compile(
    rf"(?P<label>{label_pattern('lead', 'responsible', 'short lead', 'short responsible')})(?P<sep>[{JUNK}]*\s*[:：]|[】\]]|[ \t]*\n)\s*"
    rf"(?P<lead>{_UNIT}(?:[，,、]{_UNIT})*?)\s*(?=[；;）)\]】【。\n]|$|[，,]\s*(?:{_ANY_LABEL})"
    r"|\s+[^\s:：]{2,10}[:：]"  # the next field of a flattened row (市公安局 项目责任人:王伟标)
    r"|[，,]\s*[^\s:：，,；;]{2,6}[:：])"  # or of a note (责任单位：A等，完成时限：长期坚持)
)
# A label that says 为 for its colon, as a clause of an item's sentence (…设置),责任单位为区发改委;);
# a sentence of its own (该目标责任单位为市经委。) speaks for a group (``stated_for``).
_LEAD_IS = re.compile(
    rf"[，,；;]\s*(?P<label>{label_pattern('lead', 'responsible')})为(?P<lead>{_UNIT}(?:[，,、]{_UNIT})*?)\s*(?=[；;。\n]|$)"
)
# A unit marked as the lead inside a list of responsible units: 市发改委（牵头）、市财政局.
_MARKED = re.compile(r"\s*[（(]牵头[）)]")
# The convention stated inside a list: 县发改局(首位单位为牵头单位,下同)、县财政局.
_CONVENTION = re.compile(r"[（(][^（）()]{0,14}(?:第一位|首位|第一个)[^（）()]{0,30}[）)]")
_PARTNERS = re.compile(
    rf"(?:{label_pattern('partner', 'short partner')})(?:\s*[:：]|[】\]])\s*(?P<units>{_UNIT}(?:[，,、]{_UNIT})*)"
)
# "X牵头，Y配合" in running text: the partners end on a short partner label (roles.txt).
_LEADS_IN_PROSE = re.compile(
    r"(?:^|[，,。；;（(:：])(?P<lead>[\u4e00-\u9fff][\u4e00-\u9fff、（）()]{1,39}?)(?P<verb>牵头|负责|承办|主办)[，,、]\s*"
    r"(?P<partners>[\u4e00-\u9fff、（）()，,]{2,120}?)" + f"(?:{label_pattern('short partner')})"
)
_LEADER = re.compile(rf"(?:{label_pattern('leader')})[:：][ \t]*([^，,。；;（(\n]+)")
_GROUP = re.compile(r"([\u4e00-\u9fff、]{2,30}?(?:专项小组|领导小组|工作小组|工作组))负责")


_SHORT = set(labels()["short lead"] + labels()["short responsible"])
# each label's kind, a short label's that of its long form
_KIND = {
    w: k.removeprefix("short ") for k in ("responsible", "short responsible", "lead", "short lead") for w in labels()[k]
}


def units_only(line: str) -> list[str]:
    """The units a line holds and nothing else (★区发改委、统计局: a unit cell with its marker), or []."""
    return units_of(line.strip(" |★☆*"))


# A heading that names the unit for the tasks under it: (一)省监察厅牵头的工作, 市财政局负责的事项.
_GROUP_LEAD = re.compile(r"^(?P<units>.{2,60}?)(?:牵头|负责|主办|承办)(?:落实)?的(?:工作|事项|任务|项目)[。:：]?$")


# "由X（、Y）（共同）组织实施", "具体工作由X负责", "由X同有关部门制订并组织实施": who carries it out;
# "由X会同Y、Z等部门研究提出落实意见": X, whatever it does with the units it works together with.
_BY = re.compile(
    r"由(?P<units>[^，,。；;由]{2,60}?)(?:会同|(?:共同|同[^，,。；;]{1,20}?)?(?:组织实施|负责实施|负责落实|负责|牵头|承办))"
)


# A unit answering for a matter in a reply (国办函): 发展改革委会同水利部研究提出了办理意见：…,
# 证监会、发展改革委提出了以下意见：, 发展改革委意见： — the units opening the sentence.
_ANSWERS = re.compile(
    r"(?:^|[\n。])(?P<units>[^，,。；;：:\n]{2,60}?)(?:会同[^，,。；;：:\n]{1,40}?)?"
    r"(?:研究)?(?:提出了?)?(?:以下|如下)?(?:办理)?意见[：:]"
)


# An item that opens on the units that answer for it: 市城乡规划局负责城市规划…; 市公安局、市建委协同
# 市交通运输局负责… (those before 协同 support the one after it).
_OPENS_ON_DUTY = re.compile(
    r"^(?:(?P<partners>[^，,。；;：:\n]{2,60}?)(?:协同|配合|会同))?(?P<units>[^，,。；;：:\n]{2,40}?)(?:负责|牵头)"
)


# The item's own number before its text (一、, 1.): the outline's styles (``ingest.numbering``).
_ITEM_NUMBER = re.compile(rf"^\W*(?:{SECTION}|{ARABIC})\s*")


def opening_duty(text: str) -> tuple[list[str], list[str]]:
    """(lead units, supporting units) of an item whose text opens on who answers for it, else ([], [])."""
    m = _OPENS_ON_DUTY.match(text)
    if not m or not (units := units_only(m.group("units"))):
        return [], []
    if all(u.startswith(("各", "有关", "相关")) for u in units):
        return [], []  # 各地方、各部门负责…: everyone, a duty stated to all, no item's lead
    partners = units_only(m.group("partners")) if m.group("partners") else []
    if m.group("partners") and not partners:
        return [], []
    return units, partners


def _carried_out_by(text: str) -> list[str]:
    """The units of the first 由…负责/组织实施 sentence that names units (a person, 由X副市长负责,
    names none), else of the first sentence in which units give their answer (X研究提出了办理意见：)."""
    by = next((units for m in _BY.finditer(text) if (units := split_units(m.group("units")))), [])
    return by or next((units for m in _ANSWERS.finditer(text) if (units := units_only(m.group("units")))), [])


def group_lead(heading: str) -> list[str]:
    """The units a heading names as leading the tasks under it ('' for a person: 省长负责的工作)."""
    m = _GROUP_LEAD.match(heading.strip())
    return split_units(m.group("units")) if m else []


# A sentence naming the units of the tasks before it: 4项目标的责任单位均为市发展改革委。
# 该目标责任单位为市经委。 以上任务的牵头单位均为县财政局。 (count: how many tasks; 该: one)
_STATED_FOR = re.compile(
    r"(?:(?P<n>\d{1,2}|[一二三四五六七八九十]{1,3})项|(?P<one>该项?)|(?P<all>以上|上述)[^，,。；;]{0,8}?)"
    r"(?:目标|任务|指标|工作|事项)?的?(?:牵头|责任|主责)(?:单位|部门)(?:均|都|分别)?(?:为|是)(?P<units>[^。；;\n]{2,60})"
)


def stated_for(text: str) -> tuple[int | None, list[str]] | None:
    """(how many tasks before it, units) of the last sentence in ``text`` naming the units of the
    tasks above it (4项目标的责任单位均为市发展改革委: 4; 该目标责任单位为市经委: 1; 以上…: None,
    every task since the last such sentence)."""
    found = [m for m in _STATED_FOR.finditer(text) if split_units(m.group("units"))]
    if not found:
        return None
    m = found[-1]
    count = cn_number(m.group("n")) if m.group("n") and not m.group("n").isdigit() else m.group("n")
    n = 1 if m.group("one") else int(count) if count else None
    return n, split_units(m.group("units"))


def is_role_line(text: str) -> bool:
    """A line that opens on a role's label (牵头单位：…, 协办单位：…, 责任领导：…): an item's annotation."""
    return bool(_LEAD.match(text) or _PARTNERS.match(text) or _LEADER.match(text))


def _labels_units(m: re.Match[str], text: str) -> bool:
    """Whether a label found by ``_LEAD`` labels units: a bare role word (负责：统筹协调…) only
    when units follow it, and a label without its colon (责任单位 / 文广旅局, a form's field on a
    line of its own) only when it stands alone on its line and units fill the next."""
    units = bool(split_units(m.group("lead"))) and not re.fullmatch(_ANY_LABEL, m.group("lead").strip())
    if "\n" in m.group("sep"):
        alone = m.start() == 0 or text[m.start() - 1] == "\n"
        return alone and units and m.group("label") not in _SHORT
    return m.group("label") not in _SHORT or units


def item_roles(text: str, first_leads: bool = False) -> tuple[str, str, str, str]:
    """(lead units, supporting units, named leaders, the rule that gave the lead) of an item's
    text, units joined by '；' or '、'; ``first_leads``: the document says the first unit of a
    note leads (``roles``)."""
    leads, partners, leaders, rule = [], [], [], ""
    # the convention stated inside a list (…(列第一位者为工作牵头单位或汇总单位,下同)) is no unit
    bare = _CONVENTION.sub("", text)
    found = [(_KIND[m.group("label")], m.group("lead").strip()) for m in _LEAD.finditer(bare) if _labels_units(m, bare)]
    found = found or [
        (_KIND[m.group("label")], m.group("lead").strip())
        for m in _LEAD_IS.finditer(bare)
        if split_units(m.group("lead"))
    ]
    named_lead = any(kind == "lead" for kind, _ in found)
    for kind, units in found:
        marked = [u for u in split_units(units) if _MARKED.search(u)] if _MARKED.search(units) else []
        if marked:  # 责任单位：市发改委（牵头）、市财政局
            leads.append("、".join(_MARKED.sub("", u) for u in marked))
            partners.append("、".join(u for u in split_units(units) if u not in marked))
        # 牵头单位:县财政局;责任单位:县税务局 — with a lead named, the responsible units support it
        elif named_lead and kind == "responsible":
            partners.append(units)
        elif _SEPARATELY.search(units):
            leads.append("、".join(split_units(units)) or units)
        elif first_leads and kind == "responsible" and len(listed := split_units(units)) > 1:
            leads.append(listed[0])  # 责任单位:A、B under a stated 首位单位为牵头单位
            partners.append("、".join(listed[1:]))
        else:
            leads.append(units)
        rule = "labelled"
    for m in _PARTNERS.finditer(text):
        partners.append(m.group("units").strip())
    if not leads:
        pos = 0
        while m := _LEADS_IN_PROSE.search(text, pos):
            pos = m.end()
            lead = m.group("lead").strip().removeprefix("由")
            if m.group("verb") != "牵头":
                lead = "、".join(split_units(lead.split("由")[-1]))
                if not lead:
                    # 主要领导负责，分管领导配合, 由王副市长负责,市发改委牵头,…配合: a person, not a
                    # unit; the units may follow
                    pos = m.end("verb")
                    continue
            leads.append(lead)
            partners.append(m.group("partners").strip())
            rule = "prose"
    if not leads:
        units, others, rule = note_roles(text, first_leads=first_leads)
        leads, partners = ["、".join(units)] if units else [], ["、".join(others)] if others else partners
    if not leads and (units := _carried_out_by(text)):
        leads, rule = ["、".join(units)], "prose"
    if not leads and (units := group_lead(text.split("\n", 1)[0])):
        leads, rule = ["、".join(units)], "group heading"
    if not leads:
        found, supporting = opening_duty(_ITEM_NUMBER.sub("", text))
        if found:
            leads, partners, rule = ["、".join(found)], (["、".join(supporting)] if supporting else partners), "prose"
    for m in _LEADER.finditer(text):
        leaders.append(m.group(1).strip())
    join = "；".join
    return join(dict.fromkeys(leads)), join(dict.fromkeys(partners)), join(dict.fromkeys(leaders)), rule


_ROW_CELLS = 6  # lines after an item that may still be cells of its row (target, result, leader, unit …)


def unit_line_roles(
    body: list[tuple[int, str]], first_leads: bool, *, one_column: bool = False
) -> tuple[str, str, str] | None:
    """(lead, partners, rule) from the first line under an item that holds nothing but units: the
    item's cell of a unit column, when a flattened table put it on a line of its own.
    ``one_column``: the table has one unit column, so unit lines that follow are the same cell
    (区科委 / 区金融办); with a partners column after it they are that column's."""
    for k, (_, line) in enumerate(body[:_ROW_CELLS]):
        if units := units_only(line):
            for _, more in body[k + 1 :] if one_column else []:
                if not (extra := units_only(more)):
                    break
                units = units + extra
            if first_leads and len(units) > 1:
                return units[0], "、".join(units[1:]), "unit column"
            return "、".join(units), "", "unit column"
    return None


def cell_roles(cell: str, partners: str, first_leads: bool) -> tuple[str, str]:
    """(lead, partners) of a table's unit cell: a convention stated inside it (（县政府部门中列在首位的
    为牵头部门，下同）) dropped, and under the document's first-listed convention the first unit
    leads and the others join the partners."""
    cell = _CONVENTION.sub("", cell).strip()
    units = split_units(cell)
    if first_leads and len(units) > 1:
        return units[0], "、".join(x for x in ("、".join(units[1:]), partners) if x)
    return cell, partners


UNIT_SEPARATORS = re.compile(r"[、；;,，]")  # between the units (and leaders) of a stored lead


def joined_units(leads: list[str]) -> str:
    units: list[str] = []
    for lead in leads:
        units.extend(u.strip() for u in UNIT_SEPARATORS.split(lead) if u.strip())
    return "、".join(dict.fromkeys(units))


def reform_group(text: str) -> str:
    # every group's name ends in 组 before its 负责: a text without that is spared the search
    m = _GROUP.search(text) if "组负责" in text else None
    return re.sub(r"^(?:这是|此项由|分别由|均由|由|是|为)", "", m.group(1)) if m else ""
