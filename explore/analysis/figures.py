"""The figures in the text: amounts, counts, areas and shares with their units (930亿元, 28个项目,
增长6.5%, 1.94万个, 近8成), and scores' points (满意度91.02分), Chinese numerals included, each with its sentence, its value in one unit, and
whether it states a result or a target (pure).

A figure is a number directly followed by a unit, or by a magnitude alone (``figure_forms``
says what one looks like and what only looks like one: a duration, a meeting's numeral, a
numbered slogan); a bare number (a year, a date, an outline number) is none, but for a number
alone in a table's cell under a column that announces targets or results (完成情况 | 4385), in
the unit the column or the table names (计划投资(万元), 单位：万元) or a count of what its row names.

Whether each states a target or a result is ``figure_status``'s to say, from the headings,
lead-ins and clause around it; here the document's tables speak too: a '|' table's columns, a
one-cell-a-line table's (``cell_table.cell_columns``) and a run-together table's task cells.
Where nothing in the body speaks, the document's title does (…民生实事项目 plans, …进展情况
reviews).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import get_args

import pandas as pd

from explore.analysis.cell_table import cell_columns
from explore.analysis.figure_clauses import breakdown_of, clause_status, share_done
from explore.analysis.figure_forms import MAGNITUDE, UNITS, Kind, forms
from explore.analysis.figure_status import (
    CLAUSE,
    SENTENCE,
    Carry,
    Status,
    carry,
    column_status,
    cues,
    lead_in,
    title_status,
)
from explore.analysis.glued_rows import task_spans
from explore.analysis.summary import split_sentences
from explore.analysis.table_columns import aligned, header_row, unit_cell, unit_column
from explore.analysis.wrapped import broken_lines
from explore.ingest.alternation import any_of
from explore.ingest.script import has_traditional, to_simplified

FIGURE_COLUMNS = ["district", "year", "kind", "status", "value", "unit", "figure", "sentence", "title", "doc_id",
                  "para_no"]  # fmt: skip
_YEAR_OPENS = re.compile(r"\s*(?:19|20)\d{2}年")  # a sentence that opens on its year


def figures_in(
    text: str, carried: Status | None = None, *, year: int | None = None, opening: str = ""
) -> list[tuple[str, float, str, Kind, str]]:
    """(figure as written, value in one unit, unit, kind, status) for each figure of a sentence;
    ``carried``: what the heading, column or lead-in above it announces; ``year``: the
    document's, against which a deadline (到2021年) may already have passed; ``opening``: the
    sentence's start on the line before, whose words (力争到2010年,) still govern but whose
    figures are that line's. A Traditional sentence is read in Simplified (500萬, 3個), its
    figures shown as written."""
    out = []
    before: list[tuple[int, Status]] = []  # (end, status) of the sentence's figures so far
    text = opening + text
    written = text
    if has_traditional(text):
        simple = to_simplified(text)
        text = simple if len(simple) == len(text) else text  # char for char, so spans stay the same
    for start, end, value, unit, kind in forms(text):
        total = breakdown_of(text, start, before)  # 72宗(其中,投产项目5宗): the plan's parts
        status = clause_status(
            text, start, end, carried, year, share=kind == "share", count=kind == "count", total=total
        )
        if kind == "share":
            status = _rate_of_last(text, start, before) or status
        before.append((end, status))
        if start >= len(opening):
            out.append((written[start:end], round(value, 4), unit, kind, status))
    return out


# a clause that is only the growth of the figure stated right before it (完成投资6000亿元, 增长8%左右)
_GROWTH = re.compile(r"\s*(?:同比|比上年|比去年)?(?:增长|下降|增加|减少|提高|降低)了?\s*$")


def _rate_of_last(text: str, start: int, before: list[tuple[int, Status]]) -> Status | None:
    """The status of the figure the clause before states, for a growth rate whose clause says
    nothing but the growth (完成固定资产投资6000亿元, 增长8%左右: the result's rate, though 左右
    is a plan's word elsewhere); None otherwise."""
    clause_start = max((x.end() for x in CLAUSE.finditer(text, 0, start)), default=0)
    if not before or not _GROWTH.fullmatch(text, clause_start, start):
        return None
    end, status = before[-1]
    between = text[end:clause_start]
    return status if len(CLAUSE.findall(between)) == 1 and not SENTENCE.search(between) else None


_PARTS = re.compile(r"\s*其中")
_HAN = re.compile(r"[\u4e00-\u9fff]")


# a row's last cells left empty (…810个 | |||||), and the names of a column of row numbers
_EMPTY_END = re.compile(r"\|\s*\|\s*$")
_SERIAL = ("序号", "编号", "序")


# a number alone in a table's cell (4385, 24,039, 11.49), and the unit a table or a column names
# for such numbers (单位:万元 above the table, 完成数(人) in its header)
# (not a year: 2022 in a cell is when, even under a column of plans)
_BARE = re.compile(r"(?!(?:19|20)\d\d$)(?:\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)")
_UNIT_NOTE = re.compile(rf"(?:^|\s|[(（])(?:金额|计量)?单位\s*[:：]\s*(?P<unit>[十百千万亿]{{0,2}}(?:{any_of(UNITS)}))")
_COLUMN_UNIT = re.compile(rf"[(（]\s*(?P<unit>[十百千万亿]{{0,2}}(?:{any_of(UNITS)}))\s*[)）]$")


def _cell_figure(cell: str, name: str, table_unit: str) -> tuple[float, str, Kind]:
    """(value in one unit, unit, kind) of a number alone in a cell: in the unit its column names
    (完成数(人)), else the table's (单位:万元), else a count of what the row names."""
    found = _COLUMN_UNIT.search(name)
    unit = found["unit"] if found else table_unit
    magnitude = max((m for m in MAGNITUDE if unit.startswith(m)), key=len)  # 万亿 before 万
    bare = unit[len(magnitude) :]
    value = float(cell.replace(",", "")) * MAGNITUDE[magnitude]
    return round(value, 4), bare, UNITS.get(bare, "count")


def _cells(text: str) -> list[str]:
    """A row's cells: split by bars, or, in a row without one, by the runs of spaces a tab or a
    table's alignment left (the reader writes each run as two spaces: 序号  项目名称  年度目标 …)."""
    text = text.strip()
    if "|" in text or ("  " not in text and "\t" not in text):
        return [c.strip() for c in text.split("|") if c.strip()]
    return [c for c in _SPACED.split(text) if c]


_SPACED = re.compile(r"\s{2,}|\t")


FigureRow = tuple[int, str, str, float, str, Kind, Status]  # para_no, sentence, figure, value, unit, kind, status


_MAX_HEADLINE = 80  # characters of a news item's first paragraph read as its headline


def doc_figures(
    paras: list[tuple[int, str]], *, year: int | None = None, title: str = "", doc_type: str = ""
) -> list[FigureRow]:
    """Every figure of one document's (para_no, text) paragraphs, in reading order, each under
    the headings, table columns and lead-ins before it. Plain rows, no frame: the build reads
    every document so. ``title`` and ``doc_type``: an official document's title that announces a
    plan (…民生实事项目, …任务分解) or a review (…进展情况) speaks for every figure no heading of
    the body speaks for; a news report's headline (…民生实事进展顺利) tells of what was done."""
    rows: list[FigureRow] = []
    stack: list[Carry] = []
    columns: list[Status | None] = []  # a '|' table's header: each column's status
    names: list[str] = []
    header_at = -2
    table_unit = ""
    # a title is shown as written; a news item without one opens on its headline or lede
    headline = title or (paras[0][1][:_MAX_HEADLINE] if paras and doc_type == "news report" else "")
    base = title_status(to_simplified(headline), doc_type)
    # each one-cell-a-line table's column names, by paragraph: a task column's figures are targets,
    # a progress column's results, whatever the heading above the table says
    in_cells = cell_columns(paras)
    tasks = task_spans(paras)  # a table whose cells the page ran together: its task cells
    broken = broken_lines(paras)  # a PDF's lines: running text, and those whose first sentence began above
    running, continued = broken.running, broken.continued
    for para_no, text in paras:
        carry(stack, text, running=para_no in running)
        carried = stack[-1].status if stack else base
        cells, alone, in_row = _cells(text), {}, False
        short = len(cells) > 1 and not any(ch.isdigit() for ch in text) and max(map(len, cells)) <= 12
        if "单位" in text and (note := _UNIT_NOTE.search(text)):  # 单位:万元 above a table: its bare numbers
            table_unit = note["unit"]
        if header_row(cells) or (short and para_no != header_at + 1):  # not a header's second line
            names, columns, header_at = cells, [column_status(c) for c in cells], para_no  # 序号 | 目标任务 | 牵头单位
            pieces = None
        elif any(columns) and (len(cells) > 1 or (cells and _EMPTY_END.search(text))):
            # a row that lost cells to merged ones, or has a group's cell more, is placed by its
            # unit's name in the unit column; without one it keeps its right end, or its left end
            # when it opens with its number. A row whose last cells are empty (新增学位810个 | ||||) keeps
            # its left end too: a task's second line, its cells from the column after the number's
            at = unit_column(names)
            numbered = re.match(r"\d{1,3}$", cells[0].strip())  # under a header of two lines, more cells
            # (one that names its unit is placed by it: a sub-row under a task that spans rows)
            left = not numbered and _EMPTY_END.search(text) is not None and not any(map(unit_cell, cells))
            if at is not None and len(cells) != len(columns) and not numbered and not left:
                cells = aligned(cells, len(columns), at)
            shift = 0 if numbered else int(names[0] in _SERIAL) if left else len(columns) - len(cells)
            placed, in_row = [(c, i + shift) for i, c in enumerate(cells)], True
            pieces = [(c, columns[at] if 0 <= at < len(columns) else None) for c, at in placed]
            # a number alone in a cell of a column that speaks (完成情况 | 4385): a figure in the column's unit
            alone = {k: _cell_figure(c, names[at], table_unit) for k, (c, at) in enumerate(placed)
                     if 0 <= at < len(columns) and columns[at] and _BARE.fullmatch(c)}  # fmt: skip
        else:
            pieces = None
        cell = in_cells.get(para_no)
        if pieces is None and para_no in tasks:
            pieces = _task_pieces(text, tasks[para_no])
        found: list[FigureRow] = []
        # the unfinished sentence the line before ended on
        opening = SENTENCE.split(continued[para_no])[-1] if pieces is None and para_no in continued else ""
        for k, (piece, column) in enumerate(
            pieces if pieces is not None else [(text, column_status(cell) if cell else None)]
        ):
            if k in alone:  # its sentence is its row: a number alone says nothing of what it counts
                found.append((para_no, text.strip(), piece, *alone[k], column))
                continue
            lead, last = None, None
            for sentence in split_sentences(piece, min_len=1):
                # 其中，A增长2.6%…: the parts of the total the sentence before stated, as it stated them
                parts = last if last == "target" and _PARTS.match(sentence) else None
                figures = figures_in(sentence, parts or lead or column or carried, year=year, opening=opening)
                # a table's cell of no words (110%) is shown with its row, which says what it measures
                shown = text.strip() if in_row and not _HAN.search(sentence) else sentence
                found += [(para_no, shown, *row) for row in figures]
                lead = lead_in(sentence) or lead  # 主要预期目标是：A；B；C。 goes on past the first ；
                # and so does a target cue (力争到2010年,A;B;C。): what it governs is read with it
                run = opening + sentence
                carried_on = sentence.endswith((";", "；")) and (
                    cues().semicolon_target.search(run) or _YEAR_OPENS.match(run)
                )
                opening = run if carried_on else ""
                last = figures[-1][4] if figures else last
        rows += _shares_done(found, text)
    return rows


def _shares_done(rows: list[FigureRow], text: str) -> list[FigureRow]:
    """One paragraph's rows, a share that is the ratio of the two numbers before it in the
    paragraph (目标 8950人 | 完成 7123人 | 80%) told as a result: how much of a target was done."""
    out, at = [], 0
    for row in rows:
        found = text.find(row[2], at)
        at = found + len(row[2]) if found >= 0 else at
        if found >= 0 and row[4] == "%" and row[6] == "target" and share_done(text[:found], row[3]):
            row = (*row[:6], "result")
        out.append(row)
    return out


def _task_pieces(text: str, spans: list[tuple[int, int]]) -> list[tuple[str, Status | None]]:
    """A paragraph of a run-together table cut at its task cells: a task is a target (a task
    column's), the rest (number, units, progress) left to the headings above."""
    pieces: list[tuple[str, Status | None]] = []
    at = 0
    for start, end in spans:
        pieces += [(text[at:start], None), (text[start:end], "target")]
        at = end
    return [p for p in [*pieces, (text[at:], None)] if p[0]]


def figures(paragraphs: pd.DataFrame, docs: pd.DataFrame) -> pd.DataFrame:
    """Every figure of the documents' paragraphs (FIGURE_COLUMNS), in reading order (``doc_figures``)."""
    info = docs.set_index("doc_id")
    paras = paragraphs[paragraphs["doc_id"].isin(docs["doc_id"])].sort_values(["doc_id", "para_no"])
    rows = []
    for doc_id, group in paras.groupby("doc_id", sort=False):
        year = info["year"].get(doc_id)
        found = doc_figures(
            list(zip(map(int, group["para_no"]), map(str, group["text"]), strict=True)),
            year=None if pd.isna(year) else int(year),
            title=str(info["title"].get(doc_id) or "") if "title" in info else "",
            doc_type=str(info["doc_type"].get(doc_id) or "") if "doc_type" in info else "",
        )
        rows += [(doc_id, *row) for row in found]
    return figure_table(rows, info)


def figure_table(rows: list[tuple], info: pd.DataFrame) -> pd.DataFrame:
    """The ``figures`` table of (doc_id, *``FigureRow``) rows, with district, year and title from
    ``info`` (documents indexed by doc_id)."""
    out = pd.DataFrame(rows, columns=["doc_id", "para_no", "sentence", "figure", "value", "unit", "kind", "status"])
    out["district"] = out["doc_id"].map(info["district"]).fillna("")
    out["year"] = out["doc_id"].map(info["year"]).astype("Int64")
    out["title"] = out["doc_id"].map(info["title"]).fillna("")
    return out[FIGURE_COLUMNS]


def check_choices(kinds: Sequence[str] = (), statuses: Sequence[str] = ()) -> None:
    """ValueError naming a kind or status that is none, as the Figures page and ``export figures``
    choose them (``store.query.Tables.figures_of`` keeps the figures of those chosen)."""
    bad = [k for k in kinds if k not in get_args(Kind)] + [s for s in statuses if s not in get_args(Status)]
    if bad:
        raise ValueError(
            f"no kind or status {bad[0]!r}: kinds are {', '.join(get_args(Kind))}; statuses result, target"
        )
