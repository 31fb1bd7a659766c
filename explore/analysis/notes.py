"""Responsibility notes: the item metadata a plan writes beside its tasks (pure) — a closing
bracket of units ("（国家发展改革委、财政部等按职责分工负责）", "（X牵头，Y等负责）"), a labelled
run ("（牵头单位：区发展改革局；配合单位：区财政局）"), and the sentence that says once how to
read them ("排在第一位的部门为牵头部门", "列第一位者为牵头单位，下同"). Where they stand in a
paragraph (``note_spans``) and whom a closing note names (``note_roles``); who leads an item
from all the words around its units is ``analysis.roles``'s.
"""

from __future__ import annotations

import re
from typing import Literal

from explore.ingest.issuers import units_of
from explore.ingest.role_labels import label_pattern
from explore.ingest.units import DUTY_VERBS, split_units

# what the partners do, after them (A牵头，B、C配合): no part of the last partner's name
_PARTNER_WORD = re.compile(rf"(?:{label_pattern('short partner')})[，,；;。]*$")

# The lead rules a note gives (``roles.Rule``'s).
NoteRule = Literal["", "named lead", "first listed (stated)", "every listed unit"]

# A labelled run of units, with the bracket that may hold it: （牵头单位：A；配合单位：B、C）.
# Symbols a page scatters through its text to spoil copying (责任单位◆★■:省发展改革委): no part of a label.
JUNK = "■◆★●▲□◇○☆"
_LABELLED = re.compile(
    r"[（(\[【]?(?:(?:"
    + label_pattern("lead", "responsible", "partner", "leader")
    + rf")[{JUNK}]*\s*[:：][^。；;）)\]】\n]*[；;]?\s*)+"
    r"[）)\]】]?"
)

# The sentence that makes the first unit of every later note the lead.
_FIRST_LEADS = re.compile(
    r"(?:排在|排名|列|位列|居|排)?(?:第一位|首位|第一个|第一)(?:的|者)?(?:部门|单位)?"
    r"(?:为|是)(?:工作|责任)?(?:牵头|主责|主要责任)(?:或汇总)?(?:部门|单位)"
)
# The convention stated as the last clause of a note of units: (A,B,排名第一位为牵头单位,下同).
_STATED = re.compile(r"[，,；;]\s*" + _FIRST_LEADS.pattern + r"(?:[，,；;]?\s*下同)?\s*$")
# …and as the last clauses inside a note's bracket: (A、B等负责,列第一位的为牵头部门,下同), (…负责。列第一位者为牵头单位,下同).
_STATED_IN_NOTE = re.compile(r"[，,；;。]\s*" + _FIRST_LEADS.pattern + r"(?:[，,；;]?\s*下同)?[。]?(?=\s*[）)])")
# A bracketed note (nested brackets kept whole) that ends in a duty word.
_NOTE = re.compile(
    rf"[（(〔\[]((?:[^（）()〔〕\[\]]|[（(][^（）()]{{1,20}}[）)]){{2,200}}?(?:{DUTY_VERBS}))"
    r"(?:[，,；;][^（）()〔〕\[\]，,；;]{1,20})?[）)〕\]]"  # and when: （国务院各部门分别负责，年内持续推进）
)
_COLON, _OPENING = re.compile("[:：]"), re.compile(r"[（(〔\[]")
# A closing bracket that holds nothing but units (…建设。（县发改局、县财政局）): who answers for it.
_UNITS_NOTE = re.compile(r"[（(〔]([^（）()〔〕]{2,80})[）)〕]\s*[。；;]?\s*$", re.M)


def is_note(text: str) -> bool:
    """A paragraph that is only a responsibility note (（市场监管总局负责）): it belongs to the
    item above it, wherever a page's line breaks put it."""
    m = _NOTE.fullmatch(text.strip().rstrip("。;；"))
    return bool(m) and bool(note_roles(text, first_leads=False)[0])


def first_unit_leads(text: str) -> bool:
    """Whether the document states that the first unit listed in a note leads."""
    return bool(_FIRST_LEADS.search(text))


def note_roles(text: str, *, first_leads: bool) -> tuple[list[str], list[str], NoteRule]:
    """(lead units, partner units, the rule that gave the lead) from the item's last note that
    lists units; empty lists and rule '' when no note does."""
    text = _STATED_IN_NOTE.sub("", text)
    for m in reversed(list(_NOTE.finditer(text))):
        inner = m.group(0)[1:-1]  # with what follows the duty word: （A牵头，B、C等按职责分工负责）
        if "牵头" in inner and not inner.rstrip("，,；;").endswith("牵头"):
            head, _, rest = inner.partition("牵头")
            lead, partners = split_units(head), split_units(_PARTNER_WORD.sub("", rest.lstrip("，,、")))
            if lead:
                return lead, partners, "named lead"
        # a note of several clauses (生态环境部指导，试点城市政府负责落实。以下…): its first that names units
        clauses = [m.group(1), *re.split(r"[，,；;。]", inner)]
        units = next((found for clause in clauses if (found := split_units(clause))), [])
        if not units:
            continue
        if first_leads and len(units) > 1:
            return units[:1], units[1:], "first listed (stated)"
        return units, [], "every listed unit"
    for m in reversed(list(_UNITS_NOTE.finditer(text))):
        if units := units_of(_STATED.sub("", m.group(1))):
            if first_leads and len(units) > 1:  # (A,B,C,排名第一位为牵头单位,下同)
                return units[:1], units[1:], "first listed (stated)"
            return units, [], "every listed unit"
    return [], [], ""


def is_note_only(text: str) -> bool:
    """A paragraph that is item metadata and nothing more (牵头单位：省发展改革委、省财政厅): two
    documents listing the same units share no text worth calling reuse."""
    if not (_COLON.search(text) or _OPENING.search(text)):
        return False  # no note without a colon or an opening bracket (``note_spans``): most paragraphs
    bare = "".join(text.split())
    return bool(bare) and sum(end - start for start, end in note_spans(bare)) >= 0.8 * len(bare)


def note_spans(text: str) -> list[tuple[int, int]]:
    """Where ``text`` holds item metadata rather than prose: a labelled list of units
    (（牵头单位：区发展改革局；配合单位：区财政局）, its brackets included) or a closing note that
    lists units (（国家发展改革委、财政部等按职责分工负责）). Spans (start, end), in order."""
    # each pattern needs a colon or an opening bracket: most paragraphs are spared the search
    spans = [m.span() for m in _LABELLED.finditer(text)] if _COLON.search(text) else []
    if _OPENING.search(text):
        spans += [m.span() for m in _NOTE.finditer(text) if split_units(m.group(1))]
    merged: list[tuple[int, int]] = []
    for start, end in sorted(spans):
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    return merged
