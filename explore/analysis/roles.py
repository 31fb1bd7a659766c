"""Who leads an item when its units stand in a closing note: "（X、Y等按职责分工负责）" (pure).

State Council opinions and the provincial, city and county documents that copy them end every
item with the units responsible, and say once how to read them ("排在第一位的部门为牵头部门",
"列第一位者为牵头单位，下同"). Under such a sentence the first unit listed leads and the others
are partners; without one, every listed unit is responsible and leads. "（X牵头，Y等负责）"
names its lead itself. Units are recognised by their form (``ingest.units``), so a note
that lists no unit ("（长期坚持）", "（2025年底前完成）") gives nothing.
"""

from __future__ import annotations

import functools
import re
from pathlib import Path
from typing import Literal

from explore.ingest.sections import read_sections
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
]

_DATA = Path(__file__).resolve().parents[1] / "data" / "roles.txt"


@functools.cache
def labels(path: Path = _DATA) -> dict[str, tuple[str, ...]]:
    """``roles.txt``'s sections: lead, responsible, partner and leader labels (longest first)."""
    sections = read_sections(path)
    return {k.removesuffix(" labels"): tuple(sorted(v, key=len, reverse=True)) for k, v in sections.items()}


def label_pattern(*kinds: str) -> str:
    """An alternation of the labels of these kinds (for the item readers' patterns)."""
    return "|".join(re.escape(w) for kind in kinds for w in labels()[kind])


# A labelled run of units, with the bracket that may hold it: （牵头单位：A；配合单位：B、C）.
_LABELLED = re.compile(
    r"[（(\[【]?(?:(?:"
    + label_pattern("lead", "responsible", "partner", "leader")
    + r")\s*[:：][^。；;）)\]】\n]*[；;]?\s*)+"
    r"[）)\]】]?"
)

# The sentence that makes the first unit of every later note the lead.
_FIRST_LEADS = re.compile(
    r"(?:排在|排名|列|位列|居|排)?(?:第一位|首位|第一个|第一)(?:的|者)?(?:部门|单位)?"
    r"(?:为|是)(?:工作|责任)?(?:牵头|主责|主要责任)(?:部门|单位)"
)
# A bracketed note (nested brackets kept whole) that ends in a duty word.
_NOTE = re.compile(r"[（(]((?:[^（）()]|[（(][^（）()]{1,20}[）)]){2,200}?(?:负责|牵头|落实|承担|实施))[）)]")


def is_note(text: str) -> bool:
    """A paragraph that is only a responsibility note (（市场监管总局负责）): it belongs to the
    item above it, wherever a page's line breaks put it."""
    m = _NOTE.fullmatch(text.strip().rstrip("。;；"))
    return bool(m) and bool(note_roles(text, first_leads=False)[0])


def first_unit_leads(text: str) -> bool:
    """Whether the document states that the first unit listed in a note leads."""
    return bool(_FIRST_LEADS.search(text))


def note_roles(text: str, *, first_leads: bool) -> tuple[list[str], list[str], Rule]:
    """(lead units, partner units, the rule that gave the lead) from the item's last note that
    lists units; empty lists and rule '' when no note does."""
    for m in reversed(list(_NOTE.finditer(text))):
        inner = m.group(1)
        if "牵头" in inner and not inner.endswith("牵头"):
            head, _, rest = inner.partition("牵头")
            lead, partners = split_units(head), split_units(rest.lstrip("，,、"))
            if lead:
                return lead, partners, "named lead"
        units = split_units(inner)
        if not units:
            continue
        if first_leads and len(units) > 1:
            return units[:1], units[1:], "first listed (stated)"
        return units, [], "every listed unit"
    return [], [], ""


def is_note_only(text: str) -> bool:
    """A paragraph that is item metadata and nothing more (牵头单位：省发展改革委、省财政厅): two
    documents listing the same units share no text worth calling reuse."""
    bare = re.sub(r"\s+", "", text)
    return bool(bare) and sum(end - start for start, end in note_spans(bare)) >= 0.8 * len(bare)


def note_spans(text: str) -> list[tuple[int, int]]:
    """Where ``text`` holds item metadata rather than prose: a labelled list of units
    (（牵头单位：区发展改革局；配合单位：区财政局）, its brackets included) or a closing note that
    lists units (（国家发展改革委、财政部等按职责分工负责）). Spans (start, end), in order."""
    spans = [m.span() for m in _LABELLED.finditer(text)]
    spans += [m.span() for m in _NOTE.finditer(text) if split_units(m.group(1))]
    merged: list[tuple[int, int]] = []
    for start, end in sorted(spans):
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    return merged
