"""Reform items: the numbered projects and measures of a plan, as a table (pure).

Chinese reform plans list their reforms as numbered prose. ``outline`` reads the paragraphs of
each document (``load``'s ``paragraphs`` table) and finds:

- numbered paragraphs in the styles plans use: ``一、`` sections, ``（一）`` projects,
  ``1.`` / ``1、`` / ``（1）`` measures, and ``一是…`` at the start of a paragraph;
- plain lists announced by a count: a heading or a sentence ending in ``13项改革`` or
  ``深化推进7项重大改革举措：`` followed by exactly that many short items;
- in a document where no reader found an item with a lead: a numbered table read by its cells
  of nothing but units (``analysis.unit_rows``), and paragraphs that name who answers for them
  (国内生产总值增长6.5%—7%。这项工作由国家发展改革委负责), three or more, each an item.

A page that ran its lines together is read as if its outline numbers began lines
(``analysis.flattened``); items still point at the paragraph they stand in.

The styles nest in the order a document first uses them (a document that starts its numbered
paragraphs with ``一、`` and then ``（一）`` puts projects under sections). A top-level numbered
heading that has numbered children and reads as a heading is a *tier* (``新推重点改革项目``),
not an item. Sections whose heading names a plan's standard framing (guiding thought,
principles, targets, safeguards) hold no reform items.

``items`` — one row a reform item
    doc_id, district, year, item_id (``<doc_id>/<n>``), parent_id (the project of a measure,
    else empty), level (project | measure), tier (the enclosing section or list heading as
    written), number (as written, empty for plain lists), position (1-based among its
    siblings), title (the item's heading sentence), lead (responsible units or leader; for a
    project without its own, those of its measures in order; 牵头单位, 责任单位, 牵头部门, 主责单位 or
    "X牵头，Y配合"), partners (supporting units: 协办单位, 配合单位), leaders (named leaders:
    牵头区领导, 责任领导; never taken for the lead unit), lead_rule (what gave the lead: labelled
    (牵头单位：…), prose (X牵头，Y配合), named lead (（X牵头，Y等负责）), first listed (stated) (the
    document says the first unit of a note leads), every listed unit (a note with no such
    sentence), table, unit column (a flattened row's unit cell), its measures, group heading
    (（一）省编办牵头的工作 over its tasks), heading note (a note on the heading of a tier of tasks,
    一、就业促进工程（责任单位：X、Y）, for every task under it), stated for its group (4项目标的责任单位均为X after the
    four); ``analysis.roles``), unit cell (a numbered table no
    other reader knew, read by its cells of nothing but units; ``analysis.unit_rows``), glued cells (a table whose
    cells the page ran together, its lead the unit after a task's end; ``analysis.glued_rows``), subject
    (a sentence whose subject is the unit it sets a task, 市教育局要在11月底…; ``analysis.unit_sentences``), group (the responsible reform group, e.g. ``经济体制改革专项小组``), theme (the
    theme lexicon's best match, empty when none), section (``plan``; ``review`` under a work
    report's review of past years, 2018年工作回顾, which recounts results and plans nothing; ``other``
    under a budget report's accounts, 预算执行情况),  para_no (paragraph of the heading), para_end
    (last paragraph of its own text), text (the item's own paragraphs, children excluded), tasks
    (how many tasks follow-through reads it as: its paragraphs that open on a short lead sentence,
    打好精准脱贫攻坚战。…, two or more; else 1; ``task_count``).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Mapping, Sequence
from typing import Literal

import pandas as pd

from explore.analysis.flattened import split_flattened
from explore.analysis.item_rows import doc_items
from explore.analysis.roles import UNIT_SEPARATORS
from explore.ingest.alternation import any_of
from explore.ingest.lexicon import split_terms

ITEM_COLUMNS = [
    "doc_id",
    "district",
    "year",
    "item_id",
    "parent_id",
    "level",
    "tier",
    "number",
    "position",
    "title",
    "lead",
    "partners",
    "leaders",
    "lead_rule",
    "group",
    "section",
    "theme",
    "para_no",
    "para_end",
    "text",
    "tasks",
]
ITEM_INTEGERS = ("position", "para_no", "para_end", "tasks")  # every other column but year is text

# A task paragraph's lead sentence: a short first sentence with more text after it (打好精准脱贫攻坚战。坚持…),
# the bold line a work report opens each of its tasks with.
_LEAD = re.compile(r"^\s*([^。！？；;，,：:]{4,30})。\s*\S")


def task_leads(text_of: Mapping[int, str], para_no: int, para_end: int) -> list[tuple[int, str]]:
    """(para_no, lead sentence) of each paragraph after an item's heading, to its text's end,
    that opens on a lead sentence; ``text_of``: its document's paragraphs by number. Two or more
    make an item without measures that many tasks (``analysis.followthrough.task_units``)."""
    leads = []
    for para in range(para_no + 1, para_end + 1):
        if lead := _LEAD.match(text_of.get(para, "")):
            leads.append((para, lead.group(1).strip()))
    return leads


def task_count(item_id: object, para_no: int, para_end: int, *, parents: set, text_of: Mapping[int, str]) -> int:
    """How many tasks follow-through reads an item as: a project with measures is one, an item
    whose paragraphs open on two or more lead sentences (``task_leads``) that many, else one."""
    if item_id in parents:
        return 1
    leads = len(task_leads(text_of, para_no, para_end))
    return leads if leads >= 2 else 1


def theme_terms(lexicon: pd.DataFrame | None) -> list[tuple[str, list[str], re.Pattern[str]]]:
    """(theme, its terms, a pattern finding any of them) triples, parsed once for all items
    rather than once an item."""
    if lexicon is None or lexicon.empty:
        return []
    out = []
    for theme, terms in zip(lexicon["theme"], lexicon["terms"], strict=True):
        words = split_terms(terms)
        # one search tells that an item holds none of a theme's terms, as most items don't
        out.append((str(theme), words, re.compile(any_of(words))))
    return out


def _theme(title: str, text: str, theme_terms: list[tuple[str, list[str], re.Pattern[str]]]) -> str:
    best, best_score = "", 0
    for theme, terms, any_term in theme_terms:
        if any_term.search(title) is None and any_term.search(text) is None:
            continue
        score = sum(3 * title.count(t) + text.count(t) for t in terms)
        if score > best_score:
            best, best_score = theme, score
    return best


Section = Literal["plan", "review", "other"]
_REVIEW = re.compile(r"(工作回顾|回顾|过去一年|过去五年|过去的一年|一年来|主要成绩|工作总结|取得的成绩|成就)")
_PLAN = re.compile(
    r"(工作安排|总体要求|重点任务|主要任务|工作任务|重点工作|目标任务|总体思路|工作思路|计划|要点|改革项目|改革任务|举措)"
)
_ACCOUNTS = re.compile(r"(预算执行|预算草案|预算安排|决算|收支情况|执行情况)")


def section_of(text: str) -> Section | None:
    """The part a heading opens (一、2018年工作回顾: review; 二、2019年工作安排: plan), if it names one."""
    if _ACCOUNTS.search(text):
        return "other"
    if _REVIEW.search(text):
        return "review"
    if _PLAN.search(text):
        return "plan"
    return None


def _sections(items: list[dict[str, object]], paras: list[tuple[int, str]]) -> list[Section]:
    """Each item's section: its own heading, its tier, else the nearest section heading above it
    (short paragraphs: 一、2018年工作回顾, 二、2019年工作安排); ``plan`` when nothing says."""
    marks = [(p, sec) for p, t in paras if len(t) <= 40 and (sec := section_of(t))]
    out: list[Section] = []
    for item in items:
        own = section_of(str(item["title"])) or section_of(str(item["tier"]))
        if own is None:
            above = [sec for p, sec in marks if p <= int(item["para_no"])]  # type: ignore[call-overload]
            own = above[-1] if above else "plan"
        out.append(own)
    return out


def themed(table: pd.DataFrame, lexicon: pd.DataFrame | None) -> pd.DataFrame:
    """``table`` (items) with each item's theme read again with ``lexicon`` (a session's edited
    lexicon; the stored items carry the shipped one's)."""
    terms = theme_terms(lexicon)
    out = table.copy()
    out["theme"] = [_theme(str(t), str(x), terms) for t, x in zip(out["title"], out["text"], strict=True)]
    return out


def doc_item_rows(paras: list[tuple[int, str]], *, terms: list[tuple[str, list[str]]]) -> list[dict[str, object]]:
    """The item rows of one document's (para_no, text) paragraphs, every ``ITEM_COLUMNS`` field
    but doc_id, district and year; ``item_id`` and ``parent_id`` number the items within the
    document (``terms``: ``theme_terms`` of a lexicon). Plain rows, no frame: the build reads
    every document so, and a frame a document costs more than the reading."""
    lines, back = split_flattened(paras)  # a page's run-together lines cut at their numbers
    found = doc_items(lines)
    text_of = dict(paras)
    parents = {item["parent_id"] for item in found if item["parent_id"] != ""}
    for item, section in zip(found, _sections(found, lines), strict=True):
        item.update(section=section, para_no=back[int(item["para_no"])], para_end=back[int(item["para_end"])])
        item["theme"] = _theme(str(item["title"]), str(item["text"]), terms)
        item["tasks"] = task_count(item["item_id"], item["para_no"], item["para_end"], parents=parents, text_of=text_of)
    return found


def extract_items(paragraphs: pd.DataFrame, docs: pd.DataFrame, *, lexicon: pd.DataFrame | None = None) -> pd.DataFrame:
    """The ``items`` table (see the module docstring) of every document in ``docs``."""
    rows: list[dict[str, object]] = []
    terms = theme_terms(lexicon)
    meta = docs.set_index("doc_id")[["district", "year"]] if not docs.empty else None
    for doc_id, group in paragraphs.groupby("doc_id", sort=False):
        if meta is None or doc_id not in meta.index:
            continue
        paras = list(zip(map(int, group["para_no"].tolist()), map(str, group["text"].tolist()), strict=True))
        district, year = meta.loc[doc_id, "district"], meta.loc[doc_id, "year"]
        for item in doc_item_rows(paras, terms=terms):
            item.update(doc_id=doc_id, district=district, year=year)
            rows.append(item)
    return item_table(rows)


def item_table(rows: list[dict[str, object]]) -> pd.DataFrame:
    """The ``items`` table of rows holding every ``ITEM_COLUMNS`` field, ids made whole
    (``<doc_id>/<n>``)."""
    table = pd.DataFrame(rows, columns=ITEM_COLUMNS)
    table["item_id"] = table["doc_id"] + "/" + table["item_id"].astype(str)
    has_parent = table["parent_id"] != ""
    table["parent_id"] = (table["doc_id"] + "/" + table["parent_id"].astype(str)).where(has_parent, "")
    for col in ITEM_INTEGERS:
        table[col] = table[col].astype("int64")
    table["year"] = table["year"].astype("Int64")
    return table.reset_index(drop=True)


Level = Literal["project", "measure"]


def check_item_choices(levels: Sequence[str], sections: Sequence[str]) -> None:
    """ValueError naming a level or section that is none (the closed choices of ``filter_items``
    and of the store's query of the same rows)."""
    bad = [lv for lv in levels if lv not in ("project", "measure")]
    if bad:
        raise ValueError(f"level must be 'project' or 'measure', not {bad[0]!r}")
    bad = [sec for sec in sections if sec not in ("plan", "review", "other")]
    if bad:
        raise ValueError(f"section must be plan, review or other, not {bad[0]!r}")


def filter_items(
    items: pd.DataFrame,
    *,
    levels: Sequence[Level] = (),
    tiers: Sequence[str] = (),
    themes: Sequence[str] = (),
    lead: str = "",
    sections: Sequence[Section] = (),
) -> pd.DataFrame:
    """Items kept by the Reform items page's filters; empty choices keep everything.

    ``lead`` matches a unit or leader as a substring of ``lead`` or ``leaders`` (``区财政局`` finds
    projects and measures it leads, alone or with others)."""
    check_item_choices(levels, sections)
    keep = pd.Series(True, index=items.index)
    if levels:
        keep &= items["level"].isin(levels)
    if tiers:
        keep &= items["tier"].isin(tiers)
    if themes:
        keep &= items["theme"].isin(themes)
    if sections:
        keep &= items["section"].isin(sections)
    if lead.strip():
        who = items["lead"] + "；" + items["leaders"]
        keep &= who.str.contains(lead.strip(), regex=False)
    # nothing left out: the same rows, not a copy (pandas shares the columns until one is written)
    return items.reset_index(drop=True) if keep.all() else items[keep].reset_index(drop=True)


def lead_units(items: pd.DataFrame) -> list[str]:
    """Every unit or leader named as lead, most frequent first (for a picker)."""
    # one split of all the names joined by Arrow, counted as split, and only the distinct pieces
    # trimmed: a split and a trim a row took 0.9 s of the page's first visit at 20,000 documents
    joined = "、".join(items[column].dropna().str.cat(sep="、") for column in ("lead", "leaders"))
    counts: Counter[str] = Counter()
    for piece, n in Counter(UNIT_SEPARATORS.split(joined)).items():  # in the order first named
        if unit := piece.strip():
            counts[unit] += n
    return [unit for unit, _ in counts.most_common()]  # ties in the order first named
