"""Whether a figure states a target or a result (pure): the structure around it first, then its
own words. A heading, a table column or a lead-in ending in '：' that announces goals (主要预期目标,
到2025年, 目标任务) makes the figures under it targets, one announcing a review (工作回顾, 完成情况,
进展情况) results: a numbered heading until the next heading of its level or higher (一、 > （一）
> 1. > （1））, an unnumbered one until its list ends (the next running paragraph, or a number
above the list's own). The figure's clause still decides where it is explicit: a target cue (力争,
确保, 到2025年) from where it stands to the sentence's end, a result cue (已, 同比, 截至) in the
clause over a target heading; weaker words (目标, 计划, 将) count only where no heading speaks; a
figure inside quotes or title marks (“完成回迁安置857户”, 《建成幼儿园3所》) quotes a plan's item
by name, a target. Else a figure is a result: reports mostly state what was done. The
vocabularies are ``explore/data/target_cues.txt``; ``figures`` finds the figures and asks here.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

# ``outline.numbered`` reads the numbering styles; reused so that both read 一、/（一）/1./（1） alike.
from explore.analysis.outline import numbered, split_title
from explore.analysis.table_columns import is_task_column
from explore.ingest.sections import read_sections
from explore.ingest.title_lines import without_note

Status = Literal["target", "result"]

_CLAUSE = re.compile(r"[,，;；:：。!?！？]")
_SENTENCE = re.compile(r"[;；。!?！？]")
TERM = r"[\u4e00-\u9fff]{2,4}"  # a slogan's term: 维护, 全面, 基本点, 有没有
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
    planned_set: re.Pattern[str]  # ending right before a count of items
    announced_set: re.Pattern[str]  # anywhere in a news item's headline
    meeting: re.Pattern[str]  # after the 次 of a numeral + 次
    slogan_before: re.Pattern[str]  # ending just before the numeral
    slogan_after: re.Pattern[str]  # right after numeral + 个 + term
    parts_after: re.Pattern[str]  # right after numeral + 个
    names_project: re.Pattern[str]  # right after a size: the project it is the size of
    plan_set: re.Pattern[str]  # right after a count: the plan's set it counts


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
        planned_set=either("planned set cues"),
        announced_set=either("announced set"),
        meeting=either("meeting words", "^"),
        slogan_before=either("slogan before", after="$"),
        slogan_after=either("slogan after", f"^{TERM}?"),  # the term, as short as will do, then the word
        parts_after=either("parts after", "^"),
        # the project's name, in the size's clause, with no verb that spends the sum between
        plan_set=either("plan set nouns", "^[\u4e00-\u9fff]{0,4}?"),  # 65件民生实事, 20件为民办实事
        names_project=either(
            "project nouns", "^的?(?:(?!" + either("spending verbs").pattern + ")[^，,;；。：:、“”]){0,20}?"
        ),
    )


def title_status(title: str, doc_type: str) -> Status | None:
    """What a document's title says of the figures no heading of its body speaks for: an official
    document's title speaks as a heading (…民生实事项目任务分解: targets; …进展情况: results); a news
    item's headline only when it tells of a set fixed or made public (…十件民生实事出炉)."""
    if doc_type == "official document":
        return heading_status(title)
    if doc_type == "news report" and cues().announced_set.search(title) and not cues().review_heading.search(title):
        return "target"
    return None


def heading_status(text: str) -> Status | None:
    """What a heading, column or lead-in announces: a review wins (…任务分解…进展情况 reviews)."""
    c = cues()
    text = without_note(text)  # 综合指标类9项(按考核目标统计): a note on how it counts announces nothing
    return "result" if c.review_heading.search(text) else "target" if c.target_heading.search(text) else None


def column_status(name: str) -> Status | None:
    """What a table's column announces: its name's heading status, else target for a column of
    tasks (项目内容, 建设规模及内容), which a table lists to be done; a progress column reviews."""
    name = re.sub(r"\s+", "", name)
    return heading_status(name) or ("target" if is_task_column(name) else None)


# A deadline year in a figure's sentence (到2021年, 至2020年底): once the document's own year has
# passed it, what the sentence states about it is a result.
_DEADLINE = re.compile(r"(?:到|至|截至)\s*((?:19|20)\d{2})\s*年")


# A year the sentence speaks of, not one it compares with (比2020年增长, 较上年) or starts from (从2015年的).
_PAST_YEAR = re.compile(r"(?<![比较与同从自])((?:19|20)\d{2})\s*年(?!以来|来)")
_RANGE_AFTER = re.compile(r"\s*[—～~－-]{1,2}\s*\d")  # 6.5%—7%, 6%-7%
_RANGE_BEFORE = re.compile(r"\d(?:[%％℅]|个百分点)?\s*[—～~－-]{1,2}\s*$")
# 占计划总投资的51%, 占目标任务数110公里的124.91% (the target's own size between), 完成年度总投资的88.76%
_OF_THE_TARGET = re.compile(
    r"(?:(?:目标|任务|计划)[\u4e00-\u9fff]{0,4}?|完成年度总投资)(?:\d+(?:\.\d+)?[\u4e00-\u9fff]{1,3})?的?$"
)
_SHARES_BEFORE = re.compile(r"(?:\d+(?:\.\d+)?[%％℅][和、及与])+$")  # 的112%和|120%: the pair's second


# The figure a plan or budget sets, named right before it (and not told as done): 年初预算225630万元,
# 预算收入计划552200万元, 量化指标任务共55项,
# 中央预备费预算500亿元, 预期目标为5%, 政府债务限额为192,007万元 (a ceiling set): a target wherever it stands (not 一般公共预算收入55亿元, an account's name)
_PLANNED = re.compile(r"(?:预算|计划|(?<!达到)(?<!完成)(?<!实现)目标|任务|限额)(?:数|额|值)?(?:为|是|共)?\s*$")


# A project's planned size, named right before it (计划投资1404亿元, 本年度总投资6000万元, 原估算总投资5亿元):
# a target, unless its sentence told of something done before it (目前已安排36个项目,总投资882.1亿元)
_INVESTMENT = re.compile(r"(?:计划|总)投资额?(?:约|为|达)?\s*$")  # a Traditional sentence is read in Simplified


# A capacity (年产130根): with a project named after it, the project's size, though it counts things.
_CAPACITY = re.compile(r"年产能?\s*$")


# What follows a total and tells how much of it is done: ，已开工193个 / ，其中已完成 / ，目前已, or in
# the same clause after the thing's name: 126条农村黑臭水体治理已完成120条, 263场送戏进万村已送230场.
_TOTAL_THEN_DONE = re.compile(r"[^，,;；。:：]{0,20}?(?:[，,]\s*(?:其中|目前|现)?)?已[\u4e00-\u9fff]{0,8}\d")


# A count of items (30件, 58项, 12类, 5大类) and what may stand between the cue naming their set and
# it: the set's name and the counts before it (确定民生实事项目共5大类12个, 省定33项).
_ITEMS = re.compile(r"(?:件|项|个|类|大类)$")
_SET_GAP = re.compile(r"[\u4e00-\u9fff\d\s“”]{0,14}$")
# What was done, told before the cue in the figure's sentence (圆满完成了…确定的72项)
_DONE_BEFORE = re.compile(r"已|完成|建成|开工|实现|办结")


def _planned_set(text: str, start: int, end: int, sentence_start: int) -> bool:
    """The figure counts the items a plan fixed, named right before it (今年确定的30件, 省定33项,
    分解为50项, 民生实事共有12类45件), in a sentence that told of nothing done before."""
    if not _ITEMS.search(text, start, end):
        return False
    before = text[sentence_start:start]
    cue = next((m for m in cues().planned_set.finditer(before) if _SET_GAP.fullmatch(before, m.end())), None)
    return cue is not None and not _DONE_BEFORE.search(before, 0, cue.start())


def _quoted(text: str, start: int) -> bool:
    """The figure stands inside quotes or title marks opened in its sentence and closed after it."""
    for opening, closing in (("“", "”"), ("《", "》"), ("「", "」")):
        before, after = text[:start], text[start:]
        if before.rfind(opening) > before.rfind(closing) and closing in after:
            return True
    return False


def _plans_figure(text: str, start: int, end: int, starts: tuple[int, int], *, share: bool, count: bool) -> bool:
    """The figure is one a plan or budget sets, by what names it (``starts``: its clause's and
    sentence's), though a review names it beside what was done."""
    c = cues()
    clause_start, sentence_start = starts
    planned = None if c.result_clause.search(text, clause_start, start) else _PLANNED.search(text, clause_start, start)
    if planned and (planned.group().rstrip().endswith(("为", "是")) or not share):
        # 完成年初预算225630万元的121.7%: the budget's own figure, beside what was done; 预期目标为5%
        # too, but 完成预算98% and 超预期目标0.8个百分点 measure what was done against it
        return True
    if _INVESTMENT.search(text, sentence_start, start) and not c.result_clause.search(text, sentence_start, start):
        return True  # a project's planned investment
    sized = not count or _CAPACITY.search(text, clause_start, start)
    if sized and c.names_project.match(text[end:]) and not c.result_clause.search(text, clause_start, start):
        return True  # 年产13.5万吨氯酸盐项目: the project's planned scale
    if _planned_set(text, start, end, sentence_start):
        return True  # 今年确定的30件, 省定33项: the set a plan fixed
    # 增长6.5%—7%: a range is a goal, a review quotes it beside what was done
    return bool(_RANGE_AFTER.match(text, end) or _RANGE_BEFORE.search(text[:start]))


def clause_status(
    text: str,
    start: int,
    end: int,
    carried: Status | None,
    year: int | None = None,
    *,
    share: bool = False,
    count: bool = False,
    total: Status | None = None,
) -> Status:
    """Target or result for the figure at text[start:end] of a sentence (``share``: a share, 占预算的98%;
    ``count``: a count of things, 18个; ``total``: what the total it is a part of states, ``breakdown_of``),
    under ``carried``, what the headings above announce; ``year``: the document's."""
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
        on_date = deadline is not None and deadline.start() <= cue.start() < deadline.end()
        if on_date and c.result_clause.search(text, clause_start, start):
            return "result"  # 至2023年4月，…，已整改问题金额8501亿元: what stood done by that day
        return "target"  # 力争A达到X, B达到Y: the cue governs the clauses after it
    clause = text[clause_start:clause_end]
    if _plans_figure(text, start, end, (clause_start, sentence_start), share=share, count=count):
        return "target"
    done = _TOTAL_THEN_DONE.match(text, end)
    item_start = max(clause_start, text.rfind("、", 0, start) + 1)  # 已完成1个、15个…已完成8个: a list's next item
    if (
        done
        and not c.result_clause.search(text, item_start, start)
        and text[end - 1] in text[done.end() : done.end() + 12]
    ):
        return "target"  # 医疗卫生服务建设项目221个，已开工193个: the total set, then what is done of it
    if c.result_clause.search(clause):
        return "result"
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
    if count and c.plan_set.match(text[end:]):
        return "target"  # 扎实推进65件民生实事办理: the set the plan fixed, by its name
    # a part of a planned total (其中,投产项目5宗) speaks as a lead-in would, where its clause says nothing
    lead = lead_in(text[sentence_start:start]) or total
    if lead or carried:
        return lead or carried  # type: ignore[return-value]
    return "target" if c.weak_target.search(clause) else "result"


# A breakdown of the total before it (…72宗(其中,投产项目5宗,续建项目28宗), 共30项,其中:建设项目27项)
_BREAKDOWN = re.compile(r"其中")


def breakdown_of(text: str, start: int, before: list[tuple[int, Status]]) -> Status | None:
    """Target for a figure in a breakdown (其中…) of a planned total, given ``before``, the (end,
    status) of the sentence's figures before it: the plan's parts are planned too."""
    opened = max((m.start() for m in _BREAKDOWN.finditer(text, 0, start)), default=-1)
    total = [status for end, status in before if end <= opened]
    return "target" if total and total[-1] == "target" else None


# The two numbers right before a share in a table's row (8950人 | 7123人 | 80%, 人次 2800 2539 90.7%)
_TWO_NUMBERS = re.compile(r"(?<![\d.])(\d+(?:\.\d+)?)[^\d%]{0,8}?(?<![\d.])(\d+(?:\.\d+)?)[^\d%]{0,8}$")


def share_done(before: str, share: float) -> bool:
    """The share is the second of the two numbers before it over the first, to its rounding: how
    much of a row's target was done (a progress table's 完成率), whatever its column says."""
    m = _TWO_NUMBERS.search(before[-40:])
    return bool(m) and float(m[1]) > 0 and abs(float(m[2]) / float(m[1]) * 100 - share) < 0.6  # type: ignore[index]


def lead_in(text: str) -> Status | None:
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


@dataclass
class Carry:
    status: Status
    level: int | None  # the heading's outline level; None: unnumbered, carried to its list's end
    list_level: int | None = None  # an unnumbered heading's list: the level of its first number
    fresh: bool = True  # no paragraph read under it yet: the running paragraph right below is its own


def carry(stack: list[Carry], text: str, *, running: bool = False) -> None:
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
        # 1.地区生产总值(第1项):增长6.1%,低于目标…: what stands before a colon is the heading
        title = re.split(r"(?<!\d)[：:]", split_title(found[2])[0])[0]  # type: ignore[index]
        status = heading_status(title) if len(title) <= _MAX_HEADING else None
        if status:
            stack.append(Carry(status, level))
        return
    bare = text.strip(" |")
    prose = len(bare) > _MAX_HEADING and _SENTENCE.search(bare) and "|" not in text and not _BULLET.match(bare)
    # a line cut out of running text (…稳定任务,特别是…) is no heading: headings seldom hold a comma
    heading = not running and len(bare) <= _MAX_HEADING and not _CLAUSE.search(bare)
    status = heading_status(bare) if heading else lead_in(bare) if bare.endswith(("：", ":")) else _announced(bare)
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
        stack.append(Carry(status, None))


# A paragraph that ends announcing the list below it (…着力办好以下“十件民生实事”。).
_ANNOUNCES = re.compile(r"(?:以下|如下)[^。；;，,：:]{0,12}。$")


def _announced(paragraph: str) -> Status | None:
    """What a paragraph's last sentence announces to the list below it, as a lead-in's colon would."""
    if not _ANNOUNCES.search(paragraph):
        return None
    start = max((x.end() for x in _SENTENCE.finditer(paragraph, 0, len(paragraph) - 1)), default=0)
    return heading_status(paragraph[start:])
