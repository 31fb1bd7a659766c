"""The figures in the text: amounts, counts, areas and shares with their units (930亿元, 28个项目,
增长6.5%, 1.94万个), Chinese numerals included, each with its sentence, its value in one unit, and
whether it states a result or a target (pure).

A figure is a number directly followed by a unit; a bare number (a year, a date, an outline
number) is none, nor is a duration (三个月, 7个工作日), the numeral of a named meeting (人大三次会议,
三次全会) or a numbered slogan, a Chinese-numeral count of an abstract term in quotes or beside a
slogan word (“四个意识”, 做到两个维护, 四个全面战略布局). Magnitudes multiply (万 10⁴, 亿 10⁸):
amounts are given in 元, counts in their unit.

Status comes from the structure first, then the figure's own words. A heading, a table column or a
lead-in ending in '：' that announces goals (主要预期目标, 到2025年, 目标任务) makes the figures
under it targets, one announcing a review (工作回顾, 完成情况, 进展情况) results: a numbered
heading until the next heading of its level or higher (一、 > （一） > 1. > （1））, an unnumbered
one until its list ends (the next running paragraph, or a number above the list's own). The
figure's clause still decides where it is explicit: a target cue (力争, 确保, 到2025年) from where
it stands to the sentence's end, a result cue (已, 同比, 截至) in the clause over a target heading;
weaker words (目标, 计划, 将) count only where no heading speaks; a figure inside quotes or title
marks (“完成回迁安置857户”, 《建成幼儿园3所》) quotes a plan's item by name, a target. A one-cell-a-line table's
columns speak as a '|' table's do (``cell_table.cell_columns``). Where nothing in the body speaks,
the document's title does (…民生实事项目 plans, …进展情况 reviews). Else a figure is a result:
reports mostly state what was done. The vocabularies are ``explore/data/target_cues.txt``.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Literal, get_args

import pandas as pd

from explore.analysis.cell_table import cell_columns

# ``outline.numbered`` reads the numbering styles; reused so that both read 一、/（一）/1./（1） alike.
from explore.analysis.glued_rows import task_spans
from explore.analysis.outline import numbered, split_title
from explore.analysis.summary import split_sentences
from explore.analysis.table_columns import aligned, header_row, is_task_column, unit_column
from explore.analysis.wrapped import running_lines
from explore.ingest.numerals import cn_value
from explore.ingest.script import has_traditional, to_simplified
from explore.ingest.sections import read_sections

FIGURE_COLUMNS = ["district", "year", "kind", "status", "value", "unit", "figure", "sentence", "title", "doc_id",
                  "para_no"]  # fmt: skip
Kind = Literal["amount", "count", "area or length", "share"]
Status = Literal["target", "result"]

_UNITS: dict[str, Kind] = {
    "元": "amount", "美元": "amount",
    "平方公里": "area or length", "平方米": "area or length", "㎡": "area or length", "公顷": "area or length", "亩": "area or length",
    "公里": "area or length", "千米": "area or length", "米": "area or length", "立方米": "area or length",
    "吨": "area or length", "斤": "area or length", "公斤": "area or length",
    "个百分点": "share", "%": "share", "％": "share", "℅": "share", "‰": "share", "倍": "share",
    "个": "count", "项": "count", "家": "count", "人": "count", "名": "count", "户": "count", "件": "count",
    "条": "count", "所": "count", "座": "count", "套": "count", "次": "count", "批": "count", "宗": "count",
    "栋": "count", "间": "count", "台": "count", "辆": "count", "张": "count", "处": "count", "块": "count",
    "头": "count", "只": "count", "场": "count", "场次": "count",
}  # fmt: skip
_MAGNITUDE = {"": 1, "十": 10, "百": 100, "千": 1_000, "万": 10_000, "亿": 100_000_000}
_CN = "零〇一二三四五六七八九十百千两"
_DIGIT = "零〇一二三四五六七八九"  # after 点: 十点七, 四十九点五
_FIGURE = re.compile(
    # 192,007萬元: thousands grouped by commas (a budget's tables), read whole
    rf"(?<![\d.{_CN}第])(?P<number>\d{{1,3}}(?:,\d{{3}})+(?:\.\d+)?(?!\d)|\d+(?:\.\d+)?|[{_CN}]{{2,}}(?:点[{_DIGIT}]+)?|[二三四五六七八九两](?:点[{_DIGIT}]+)?)"
    r"(?P<more>多|余)?"
    rf"(?:(?<=\d)[ \u3000](?=[万亿]))?(?P<magnitude>万亿|[十百千万亿])?"  # 1671.9 亿元: a space before 亿,
    r"(?:(?<=\d) (?=元|美元|平方|公里|千米|亩|公顷|吨|%|％))?"  # or a PDF's before an amount's unit (70790 元),
    # never a count's (第 3 个, 2020 个人)
    r"(?P<unit>" + "|".join(sorted(map(re.escape, _UNITS), key=len, reverse=True)) + r")"
    r"(?!月|年|季度|小时|工作日)"  # durations
)
# An old report's share in words: 增长百分之十点七 (百分之九, 百分之4.5).
_PERCENT_WORDS = re.compile(rf"百分之(?P<number>\d+(?:\.\d+)?|[{_CN}]+(?:点[{_DIGIT}]+)?)")
_CLAUSE = re.compile(r"[,，;；:：。!?！？]")
_SENTENCE = re.compile(r"[;；。!?！？]")
_OPEN, _CLOSE = '“‘"「『', '”’"」』'
_TERM = r"[\u4e00-\u9fff]{2,4}"  # a slogan's term: 维护, 全面, 基本点, 有没有
_LEVELS = {"section": 1, "paren": 2, "arabic": 3, "paren_arabic": 4}  # 一、 > （一） > 1. > （1）
_DATA = Path(__file__).resolve().parents[1] / "data" / "target_cues.txt"
_MAX_HEADING = 40  # characters: a longer paragraph (or first sentence) is prose, not a heading
_BULLET = re.compile(r"^[—–\-◎●○·•▪■□◆◇★☆※➢>\u2460-\u2473]")


@dataclass(frozen=True)
class Cues:
    target_heading: re.Pattern[str]
    review_heading: re.Pattern[str]
    target_clause: re.Pattern[str]
    result_clause: re.Pattern[str]
    result_sentence: re.Pattern[str]  # from where it stands to the sentence's end
    weak_target: re.Pattern[str]
    meeting: re.Pattern[str]  # after the 次 of a numeral + 次
    slogan_before: re.Pattern[str]  # ending just before the numeral
    slogan_after: re.Pattern[str]  # right after numeral + 个 + term
    parts_after: re.Pattern[str]  # right after numeral + 个


@functools.cache
def cues(path: Path = _DATA) -> Cues:
    """The sections of ``target_cues.txt``; ValueError naming the line that is in no section."""
    sections = read_sections(path)

    def either(name: str, before: str = "", after: str = "") -> re.Pattern[str]:
        return re.compile(before + "(?:" + "|".join(f"(?:{e})" for e in sections.get(name, ["(?!)"])) + ")" + after)

    return Cues(
        target_heading=either("target headings"),
        review_heading=either("review headings"),
        target_clause=either("target clause cues"),
        result_clause=either("result clause cues"),
        result_sentence=either("sentence result cues"),
        weak_target=either("weak target clause cues"),
        meeting=either("meeting words", "^"),
        slogan_before=either("slogan before", after="$"),
        slogan_after=either("slogan after", f"^{_TERM}?"),  # the term, as short as will do, then the word
        parts_after=either("parts after", "^"),
    )


def heading_status(text: str) -> Status | None:
    """What a heading, column or lead-in announces: a review wins (…任务分解…进展情况 reviews)."""
    c = cues()
    return "result" if c.review_heading.search(text) else "target" if c.target_heading.search(text) else None


def column_status(name: str) -> Status | None:
    """What a table's column announces: its name's heading status, else target for a column of
    tasks (项目内容, 建设规模及内容), which a table lists to be done; a progress column reviews."""
    name = re.sub(r"\s+", "", name)
    return heading_status(name) or ("target" if is_task_column(name) else None)


def _not_a_figure(text: str, m: re.Match[str]) -> bool:
    c, after = cues(), text[m.end() :]
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
    if m["unit"] == "个" and (c.slogan_before.search(before) or c.slogan_after.match(after)):
        return bool(re.match(_TERM, after))  # 做到两个维护, 四个全面战略布局
    return False


# A deadline year in a figure's sentence (到2021年, 至2020年底): once the document's own year has
# passed it, what the sentence states about it is a result.
_DEADLINE = re.compile(r"(?:到|至|截至)\s*((?:19|20)\d{2})\s*年")


# A year the sentence speaks of, not one it compares with (比2020年增长, 较上年) or starts from (从2015年的).
_PAST_YEAR = re.compile(r"(?<![比较与同从自])((?:19|20)\d{2})\s*年(?!以来|来)")
_RANGE_AFTER = re.compile(r"\s*[—～~－-]{1,2}\s*\d")  # 6.5%—7%, 6%-7%
_RANGE_BEFORE = re.compile(r"\d(?:[%％℅]|个百分点)?\s*[—～~－-]{1,2}\s*$")
_OF_THE_TARGET = re.compile(r"(?:目标|任务|计划)[\u4e00-\u9fff]{0,4}?的?$")  # 占计划总投资的51%
_SHARES_BEFORE = re.compile(r"(?:\d+(?:\.\d+)?[%％℅][和、及与])+$")  # 的112%和|120%: the pair's second


# The figure a plan or budget sets, named right before it (and not told as done): 年初预算225630万元,
# 预算收入计划552200万元, 量化指标任务共55项,
# 中央预备费预算500亿元, 预期目标为5%, 政府债务限额为192,007万元 (a ceiling set): a target wherever it stands (not 一般公共预算收入55亿元, an account's name)
_PLANNED = re.compile(r"(?:预算|计划|(?<!达到)(?<!完成)(?<!实现)目标|任务|限额)(?:数|额|值)?(?:为|是|共)?\s*$")


# The clause after a total that tells how much of it is done: ，已开工193个 / ，其中已完成 / ，目前已.
_TOTAL_THEN_DONE = re.compile(r"[，,]\s*(?:其中|目前|现)?已[\u4e00-\u9fff]{0,8}\d")


def _quoted(text: str, start: int) -> bool:
    """The figure stands inside quotes or title marks opened in its sentence and closed after it."""
    for opening, closing in (("“", "”"), ("《", "》"), ("「", "」")):
        before, after = text[:start], text[start:]
        if before.rfind(opening) > before.rfind(closing) and closing in after:
            return True
    return False


def _status(text: str, start: int, end: int, carried: Status | None, year: int | None = None, *, kind: Kind) -> Status:
    c = cues()
    clause_start = max((x.end() for x in _CLAUSE.finditer(text, 0, start)), default=0)
    sentence_start = max((x.end() for x in _SENTENCE.finditer(text, 0, start)), default=0)
    stop = _CLAUSE.search(text, end)
    clause_end = stop.start() if stop else len(text)
    cue = c.target_clause.search(text[sentence_start:clause_end])
    if cue:
        deadline = _DEADLINE.search(text[sentence_start:clause_end])
        if year and deadline and int(deadline.group(1)) < year and deadline.start() <= cue.start() < deadline.end():
            return "result"  # a review that says 到2021年…增加14倍, in a 2022 report
        return "target"  # 力争A达到X, B达到Y: the cue governs the clauses after it
    clause = text[clause_start:clause_end]
    planned = None if c.result_clause.search(text, clause_start, start) else _PLANNED.search(text, clause_start, start)
    if planned and (planned.group().rstrip().endswith(("为", "是")) or kind != "share"):
        # 完成年初预算225630万元的121.7%: the budget's own figure, beside what was done; 预期目标为5%
        # too, but 完成预算98% and 超预期目标0.8个百分点 measure what was done against it
        return "target"
    if _RANGE_AFTER.match(text, end) or _RANGE_BEFORE.search(text[:start]):
        return "target"  # 增长6.5%—7%: a range is a goal, a review quotes it beside what was done
    if c.result_clause.search(clause):
        return "result"
    if _TOTAL_THEN_DONE.match(text, clause_end) and text[start:end][-1:] in text[clause_end : clause_end + 30]:
        return "target"  # 医疗卫生服务建设项目221个，已开工193个: the total set, then what is done of it
    if text[end - 1] in "%％℅" and _OF_THE_TARGET.search(_SHARES_BEFORE.sub("", text[:start])):
        return "result"  # 完成年度目标任务的112%(和120%), 占目标任务的30%: how much of a target was done
    if _quoted(text, start):
        return "target"  # a plan's item quoted by name: “完成回迁安置857户以上”(市住建局), 《建成幼儿园3所》
    if c.result_sentence.search(text, sentence_start, start):
        return "result"  # 截至目前，18项…完成年度目标任务: what stood done by a day
    past = year and any(int(y) < year for y in _PAST_YEAR.findall(text, sentence_start, start))
    if past and not c.weak_target.search(clause):
        # 2020年,全市地区生产总值为424.74亿元, in a 2021 plan: a year gone by (its plan's 总投资 is still one)
        return "result"
    lead = _lead_in(text[sentence_start:start])
    if lead or carried:
        return lead or carried  # type: ignore[return-value]
    return "target" if c.weak_target.search(clause) else "result"


def _lead_in(text: str) -> Status | None:
    """The status a lead-in (…主要预期目标是：) announces to the text after its colon, if any."""
    # not a ratio or a time (3.79:40.98); 目标是，A；B: a comma after 是 or 为 leads in as a colon does
    colons = [m.start() for m in re.finditer(r"(?<!\d)[：:]|(?<=[是为])[，,]", text)]
    if not colons:
        return None
    colon = colons[-1]
    start = max((x.end() for x in _SENTENCE.finditer(text, 0, colon)), default=0)
    label = text[start:colon].strip()
    # a field label (项目内容：, 进展与成效：) speaks as a table's column of that name
    return column_status(label) if len(label) <= 8 else heading_status(label)


def figures_in(
    text: str, carried: Status | None = None, *, year: int | None = None
) -> list[tuple[str, float, str, Kind, str]]:
    """(figure as written, value in one unit, unit, kind, status) for each figure of a sentence;
    ``carried``: what the heading, column or lead-in above it announces; ``year``: the
    document's, against which a deadline (到2021年) may already have passed. A Traditional
    sentence is read in Simplified (500萬, 3個), its figures shown as written."""
    out = []
    written = text
    if has_traditional(text):
        simple = to_simplified(text)
        text = simple if len(simple) == len(text) else text  # char for char, so spans stay the same
    found = [m for m in _FIGURE.finditer(text) if not _not_a_figure(text, m)]
    for m in sorted([*found, *_PERCENT_WORDS.finditer(text)], key=lambda m: m.start()):
        number = m["number"]
        value = float(number.replace(",", "")) if number[0].isdigit() else cn_value(number)
        if value is None:
            continue
        in_words = m.re is _PERCENT_WORDS
        magnitude = "" if in_words else m["magnitude"] or ""
        value *= 10**12 if magnitude == "万亿" else _MAGNITUDE[magnitude]
        unit = "%" if in_words else m["unit"].replace("％", "%").replace("℅", "%")  # ℅: a % typed as care-of
        status = _status(text, m.start(), m.end(), carried, year, kind=_UNITS[unit])
        out.append((written[m.start() : m.end()], round(value, 4), unit, _UNITS[unit], status))
    return out


@dataclass
class _Carry:
    status: Status
    level: int | None  # the heading's outline level; None: unnumbered, carried to its list's end
    list_level: int | None = None  # an unnumbered heading's list: the level of its first number
    fresh: bool = True  # no paragraph read under it yet: the running paragraph right below is its own


def _cells(text: str) -> list[str]:
    return [c.strip() for c in text.split("|") if c.strip()]


def _carry(stack: list[_Carry], text: str, *, running: bool = False) -> None:
    """Update the headings in force with one paragraph (in place); ``running``: a line of text a
    PDF broke at its width (``wrapped``), never a heading."""
    found = numbered(text.strip())
    level = _LEVELS.get(found[0]) if found else None
    if level is not None:
        for c in stack:
            if c.level is None and c.list_level is None:
                c.list_level = level
        # a heading ends those of its level and below, and a list whose numbers it stands above
        stack[:] = [c for c in stack if (c.level or 99) < level or (c.level is None and level >= c.list_level)]
        title = split_title(found[2])[0]  # type: ignore[index]
        status = heading_status(title) if len(title) <= _MAX_HEADING else None
        if status:
            stack.append(_Carry(status, level))
        return
    bare = text.strip(" |")
    prose = len(bare) > _MAX_HEADING and _SENTENCE.search(bare) and "|" not in text and not _BULLET.match(bare)
    # a line cut out of running text (…稳定任务,特别是…) is no heading: headings seldom hold a comma
    heading = not running and len(bare) <= _MAX_HEADING and not _CLAUSE.search(bare)
    status = heading_status(bare) if heading else _lead_in(bare) if bare.endswith(("：", ":")) else _announced(bare)
    if prose or status:
        # a running paragraph ends a list, but the one right below a heading (2024年目标任务 /
        # 实现GDP增速6.2%以上;…) is what the heading announces, and a heading that numbered
        # sections stand under (…重点工作责任分解 / 一、… / 二、…) announces all of them
        stack[:] = [
            c for c in stack if c.level is not None or c.list_level is not None or (prose and not status and c.fresh)
        ]
    for c in stack:
        c.fresh = False
    if status:
        stack.append(_Carry(status, None))


# A paragraph that ends announcing the list below it (…着力办好以下“十件民生实事”。).
_ANNOUNCES = re.compile(r"(?:以下|如下)[^。；;，,：:]{0,12}。$")


def _announced(paragraph: str) -> Status | None:
    """What a paragraph's last sentence announces to the list below it, as a lead-in's colon would."""
    if not _ANNOUNCES.search(paragraph):
        return None
    start = max((x.end() for x in _SENTENCE.finditer(paragraph, 0, len(paragraph) - 1)), default=0)
    return heading_status(paragraph[start:])


FigureRow = tuple[int, str, str, float, str, Kind, Status]  # para_no, sentence, figure, value, unit, kind, status


def doc_figures(
    paras: list[tuple[int, str]], *, year: int | None = None, title: str = "", doc_type: str = ""
) -> list[FigureRow]:
    """Every figure of one document's (para_no, text) paragraphs, in reading order, each under
    the headings, table columns and lead-ins before it. Plain rows, no frame: the build reads
    every document so. ``title`` and ``doc_type``: an official document's title that announces a
    plan (…民生实事项目, …任务分解) or a review (…进展情况) speaks for every figure no heading of
    the body speaks for; a news report's headline (…民生实事进展顺利) tells of what was done."""
    rows: list[FigureRow] = []
    stack: list[_Carry] = []
    columns: list[Status | None] = []  # a '|' table's header: each column's status
    names: list[str] = []
    header_at = -2
    base = heading_status(to_simplified(title)) if doc_type == "official document" else None  # shown as written
    # each one-cell-a-line table's column names, by paragraph: a task column's figures are targets,
    # a progress column's results, whatever the heading above the table says
    in_cells = cell_columns(paras)
    tasks = task_spans(paras)  # a table whose cells the page ran together: its task cells
    running = running_lines(paras)
    for para_no, text in paras:
        _carry(stack, text, running=para_no in running)
        carried = stack[-1].status if stack else base
        cells = _cells(text)
        short = len(cells) > 1 and not any(ch.isdigit() for ch in text) and max(map(len, cells)) <= 12
        if header_row(cells) or (short and para_no != header_at + 1):  # not a header's second line
            names, columns, header_at = cells, [column_status(c) for c in cells], para_no  # 序号 | 目标任务 | 牵头单位
            pieces = None
        elif len(cells) > 1 and any(columns):
            # a row that lost cells to merged ones, or has a group's cell more, is placed by its
            # unit's name in the unit column; without one it keeps its right end, or its left end
            # when it opens with its number
            at = unit_column(names)
            numbered = re.match(r"\d{1,3}$", cells[0].strip())  # under a header of two lines, more cells
            if at is not None and len(cells) != len(columns) and not numbered:
                cells = aligned(cells, len(columns), at)
            shift = 0 if numbered else len(columns) - len(cells)
            pieces = [(c, columns[i + shift] if 0 <= i + shift < len(columns) else None) for i, c in enumerate(cells)]
        else:
            pieces = None
        cell = in_cells.get(para_no)
        if pieces is None and para_no in tasks:
            pieces = _task_pieces(text, tasks[para_no])
        for piece, column in pieces if pieces is not None else [(text, column_status(cell) if cell else None)]:
            lead = None
            for sentence in split_sentences(piece, min_len=1):
                for figure, value, unit, kind, status in figures_in(sentence, lead or column or carried, year=year):
                    rows.append((para_no, sentence, figure, value, unit, kind, status))
                lead = _lead_in(sentence) or lead  # 主要预期目标是：A；B；C。 goes on past the first ；
    return rows


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


def filter_figures(
    table: pd.DataFrame, *, kinds: Sequence[Kind] = (), statuses: Sequence[Status] = (), words: str = ""
) -> pd.DataFrame:
    """The figures of ``kinds`` and ``statuses`` whose sentence holds ``words`` (empty: all), as
    the Figures page and ``export figures`` filter them."""
    bad = [k for k in kinds if k not in get_args(Kind)] + [s for s in statuses if s not in get_args(Status)]
    if bad:
        raise ValueError(
            f"no kind or status {bad[0]!r}: kinds are {', '.join(get_args(Kind))}; statuses result, target"
        )
    keep = pd.Series(True, index=table.index)
    if kinds:
        keep &= table["kind"].isin(kinds)
    if statuses:
        keep &= table["status"].isin(statuses)
    if words.strip():
        keep &= table["sentence"].str.contains(words.strip(), regex=False)
    return table[keep].reset_index(drop=True)
