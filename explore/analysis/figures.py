"""The figures in the text: amounts, counts, areas and shares with their units (930亿元, 28个项目,
增长6.5%, 1.94万个, 近8成), and scores' points (满意度91.02分), Chinese numerals included, each with its sentence, its value in one unit, and
whether it states a result or a target (pure).

A figure is a number directly followed by a unit, or by a magnitude alone (解决30万农村人口: a
count); a bare number (a year, a date, an outline number) is none, but for a number alone in a
table's cell under a column that announces targets or results (完成情况 | 4385), in the unit the
column or the table names (计划投资(万元), 单位：万元) or a count of what its row names; nor is a duration (三个月, 7个工作日), the numeral of a named meeting (人大三次会议,
三次全会) or a numbered slogan, a Chinese-numeral count of an abstract term in quotes or beside a
slogan word (“四个意识”, 做到两个维护, 四个全面战略布局). Magnitudes multiply (万 10⁴, 亿 10⁸):
amounts are given in 元, counts in their unit.

Whether each states a target or a result is ``figure_status``'s to say, from the headings,
lead-ins and clause around it; here the document's tables speak too: a '|' table's columns, a
one-cell-a-line table's (``cell_table.cell_columns``) and a run-together table's task cells.
Where nothing in the body speaks, the document's title does (…民生实事项目 plans, …进展情况
reviews).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Literal, get_args

import pandas as pd

from explore.analysis.cell_table import cell_columns
from explore.analysis.figure_clauses import breakdown_of, clause_status, share_done
from explore.analysis.figure_status import (
    CLAUSE,
    SENTENCE,
    TERM,
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
from explore.ingest.numerals import cn_value
from explore.ingest.script import has_traditional, to_simplified

FIGURE_COLUMNS = ["district", "year", "kind", "status", "value", "unit", "figure", "sentence", "title", "doc_id",
                  "para_no"]  # fmt: skip
Kind = Literal["amount", "count", "area or length", "share", "score"]

_UNITS: dict[str, Kind] = {
    "元": "amount", "美元": "amount",
    "平方公里": "area or length", "平方米": "area or length", "㎡": "area or length", "公顷": "area or length", "亩": "area or length",
    "公里": "area or length", "千米": "area or length", "米": "area or length", "立方米": "area or length",
    "吨": "area or length", "斤": "area or length", "公斤": "area or length", "千瓦": "area or length",
    "兆瓦": "area or length",
    "个百分点": "share", "%": "share", "％": "share", "℅": "share", "‰": "share", "倍": "share",
    "个": "count", "项": "count", "家": "count", "人": "count", "名": "count", "户": "count", "件": "count",
    "条": "count", "所": "count", "座": "count", "套": "count", "次": "count", "批": "count", "宗": "count",
    "栋": "count", "间": "count", "台": "count", "辆": "count", "张": "count", "处": "count", "块": "count",
    "头": "count", "只": "count", "场": "count", "场次": "count", "盏": "count", "例": "count", "床": "count",
    "根": "count", "类": "count", "大类": "count", "对": "count", "轮": "count", "份": "count",
    "起": "count", "口": "count",  # 处置涉疫应急事件37起, 新建农村沼气池131661口
    "平": "area or length", "平米": "area or length",  # 进行装修2000平, 文化墙25.5万平米: square metres as spoken
    "微克/立方米": "area or length", "延米": "area or length",
    "成": "share",  # 近8成省份, 九成: tenths
    "分": "score",  # 满意度84.96分, 比去年提高0.11分: points of a score
}  # fmt: skip
# a score's points or a share's tenths end where a word would run on (30分钟, 5成员, 1成人: no unit);
# 以上, 左右, 省份, 超 may follow them
_WORD_AFTER = {
    "分": re.compile(r"[\u4e00-\u9fff](?<![以左])"),
    "成": re.compile(r"[员人为立果效本功熟就交绩长型品都]"),
    # a word runs on from them too (5平台, 3口之家); 以上 and 左右 may follow; 5起案件 counts cases
    "平": re.compile(r"[\u4e00-\u9fff](?<![以左])"),
    "口": re.compile(r"[\u4e00-\u9fff](?<![以左])"),
    "起": re.compile(r"[来步草点始航飞]"),
}
_MAGNITUDE = {"": 1, "十": 10, "百": 100, "千": 1_000, "万": 10_000, "亿": 100_000_000, "万亿": 10**12}
_CN = "零〇一二三四五六七八九十百千两"
_DIGIT = "零〇一二三四五六七八九"  # after 点: 十点七, 四十九点五
_FIGURE = re.compile(
    # 192,007萬元: thousands grouped by commas (a budget's tables), read whole
    # a decline written with its sign (增幅-1.1%, | -2.5% |), not a range's dash (6%-7%, 1-6月) nor a code's
    r"(?:(?<![\d%％.A-Za-z\-−－—])(?P<minus>[-−－])(?=\d))?"
    rf"(?<![\d.{_CN}第])(?P<number>\d{{1,3}}(?:,\d{{3}})+(?:\.\d+)?(?!\d)|\d+(?:\.\d+)?|[{_CN}]{{2,}}(?:点[{_DIGIT}]+)?|[二三四五六七八九两](?:点[{_DIGIT}]+)?)"
    r"(?P<more>多|余)?"
    rf"(?:(?<=\d)[ \u3000](?=[万亿]))?(?P<magnitude>万亿|[十百千万亿])?"  # 1671.9 亿元: a space before 亿,
    r"(?:(?<=[万亿])[多余](?!\d))?"  # 1亿多元, 27万余户: more than, after the magnitude
    r"(?:(?<=\d) (?=元|美元|平方|公里|千米|亩|公顷|吨|%|％))?"  # or a PDF's before an amount's unit (70790 元),
    # never a count's (第 3 个, 2020 个人)
    r"(?:(?P<unit>" + any_of(_UNITS) + r")"
    # or none after a magnitude (解决30万农村人口, 吞吐量突破200万, 1万余): a count of what follows
    r"|(?:(?<=[万亿])|(?<=[万亿][多余]))(?![\d.]))"
    r"(?!月|年|季度|小时|工作日)"  # durations
)
# An old report's share in words: 增长百分之十点七 (百分之九, 百分之4.5).
_PERCENT_WORDS = re.compile(rf"百分之(?P<number>\d+(?:\.\d+)?|[{_CN}]+(?:点[{_DIGIT}]+)?)")
# A doubling, 翻一番 (twice as much), 翻两番 (four times): the figure is its count of doublings (一番);
# not 三番五次, which no 翻 opens
_DOUBLINGS = re.compile(r"(?<=翻)(?P<number>[一两二三四])番")
# Two shares with one unit in a sentence of 分别 (分别高于全国全省5.9和2.9个百分点, 分别增长6.4、7.2%): the first
# is a figure of the second's unit
_SHARED_UNIT = re.compile(r"(?<![\d.])(?P<number>\d+(?:\.\d+)?)(?=[和、与及]\d+(?:\.\d+)?(?P<unit>个百分点|%|％))")
_YEAR_OPENS = re.compile(r"\s*(?:19|20)\d{2}年")  # a sentence that opens on its year
_OPEN, _CLOSE = '“‘"「『', '”’"」』'
_QUOTED_TERM = re.compile(r"[“‘「『](?P<term>[^”’」』]{1,12})[”’」』]")


def _not_a_figure(text: str, m: re.Match[str]) -> bool:
    c, after = cues(), text[m.end() :]
    if m["unit"] is None:
        return not m["number"][0].isdigit()  # 30万 is a count; 十万火急, 两万 alone are words
    if m["unit"] in _WORD_AFTER and _WORD_AFTER[m["unit"]].match(after):
        return True
    if m["unit"] == "分" and text[: m.start()].rstrip().endswith(("时", "点", "時", "點")):
        return True  # 8时30分: a time of day
    if m["unit"] == "次" and c.meeting.match(after):
        return True  # 区六届人大三次会议, 省委十一届三次全会, 九届人民政府1次常务会议: a meeting's numeral
    if _UNITS[m["unit"]] == "count" and m.start() > 0 and text[m.start() - 1] in _OPEN:
        return True  # a package or campaign named by its count: 降本增效“30条”, “7个专项行动”
    if m["number"][0].isdigit() or _UNITS[m["unit"]] != "count":
        return False
    before = text[max(m.start() - 12, 0) : m.start()]
    opened = max(before.rfind(q) for q in _OPEN)
    if opened >= 0 and not any(q in before[opened + 1 :] for q in _CLOSE if q != '"'):
        return True  # inside quotes: “三个代表”, “三个要看、三个有没有”
    if m["unit"] == "个" and c.parts_after.match(after):
        return True  # 报告分三个部分: the parts of a text
    if (
        m["unit"] == "个"
        and (quoted := _QUOTED_TERM.match(after))
        and not c.things_built.search(quoted["term"])
        and not c.things_after.match(after[quoted.end() :])
    ):
        return True  # 大力推进五个“区块链接”: a numbered slogan in quotes, not 三个“智慧社区” (things built)
    if m["unit"] in ("个", "条", "件") and (c.slogan_before.search(before) or c.slogan_after.match(after)):
        # 做到两个维护, 四个全面战略布局, 守住三条底线; 践行八个“走在前、作示范”: a quoted slogan
        return bool(re.match(TERM, after)) or after[:1] in _OPEN
    return False


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
    found = [m for m in _FIGURE.finditer(text) if not _not_a_figure(text, m)]
    in_words = [*_PERCENT_WORDS.finditer(text), *_DOUBLINGS.finditer(text), *_shared_units(text)]
    for m in sorted([*found, *in_words], key=lambda m: m.start()):
        number = m["number"]
        value = float(number.replace(",", "")) if number[0].isdigit() else cn_value(number)
        if value is None:
            continue
        if m.re is _FIGURE and m["minus"]:
            value = -value
        magnitude = "" if m.re is not _FIGURE else m["magnitude"] or ""
        value *= _MAGNITUDE[magnitude]
        # ℅: a % typed as care-of
        unit = {_PERCENT_WORDS: "%", _DOUBLINGS: "番"}.get(m.re) or (m["unit"] or "").replace("％", "%").replace(
            "℅", "%"
        )
        kind = "share" if m.re is _DOUBLINGS else _UNITS.get(unit, "count")  # no unit after a magnitude: a count
        total = breakdown_of(text, m.start(), before)  # 72宗(其中,投产项目5宗): the plan's parts
        status = clause_status(
            text, m.start(), m.end(), carried, year, share=kind == "share", count=kind == "count", total=total
        )
        if kind == "share":
            status = _rate_of_last(text, m.start(), before) or status
        before.append((m.end(), status))
        if m.start() >= len(opening):
            out.append((written[m.start() : m.end()], round(value, 4), unit, kind, status))
    return out


def _shared_units(text: str) -> list[re.Match[str]]:
    """The first of two shares that 分别 gives one unit (``_SHARED_UNIT``), in its sentence
    (分别增长10.8%和14.9%,高于全国0.1和2.2个百分点)."""
    out = []
    for m in _SHARED_UNIT.finditer(text):
        sentence_start = max((x.end() for x in SENTENCE.finditer(text, 0, m.start())), default=0)
        if "分别" in text[sentence_start : m.start()]:
            out.append(m)
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
_UNIT_NOTE = re.compile(
    rf"(?:^|\s|[(（])(?:金额|计量)?单位\s*[:：]\s*(?P<unit>[十百千万亿]{{0,2}}(?:{any_of(_UNITS)}))"
)
_COLUMN_UNIT = re.compile(rf"[(（]\s*(?P<unit>[十百千万亿]{{0,2}}(?:{any_of(_UNITS)}))\s*[)）]$")


def _cell_figure(cell: str, name: str, table_unit: str) -> tuple[float, str, Kind]:
    """(value in one unit, unit, kind) of a number alone in a cell: in the unit its column names
    (完成数(人)), else the table's (单位:万元), else a count of what the row names."""
    found = _COLUMN_UNIT.search(name)
    unit = found["unit"] if found else table_unit
    magnitude = max((m for m in _MAGNITUDE if unit.startswith(m)), key=len)  # 万亿 before 万
    bare = unit[len(magnitude) :]
    value = float(cell.replace(",", "")) * _MAGNITUDE[magnitude]
    return round(value, 4), bare, _UNITS.get(bare, "count")


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
