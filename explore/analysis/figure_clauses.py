"""Whether a figure states a target or a result by its own clause and sentence (pure): a target
cue (力争, 确保, 到2025年) from where it stands to the sentence's end; what a plan or budget
names (预算为…, 计划投资…, a project's size, the set a plan fixed); a result cue in the clause; a
share of a target done; a year gone by; else what the headings above announce
(``figure_status``), else the weaker words. ``figures`` asks here for each figure.
"""

from __future__ import annotations

import re

from explore.analysis.figure_status import CLAUSE, SENTENCE, Status, cues, lead_in

# A deadline year in a figure's sentence (到2021年, 至2020年底): once the document's own year has
# passed it, what the sentence states about it is a result.
_DEADLINE = re.compile(r"(?:到|至|截至)\s*((?:19|20)\d{2})\s*年")


# A year the sentence speaks of, not one it compares with (比2020年增长, 较上年) or starts from (从2015年的).
_PAST_YEAR = re.compile(r"(?<![比较与同从自])((?:19|20)\d{2})\s*年(?!以来|来)")
_APPROXIMATE = frozenset({"左右", "以内"})
_PERIOD = re.compile(r"[。!?！？]")
_NEXT_YEAR = re.compile(r"明年|来年|下一年度?")
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
# (今年经济增长目标确定为9.5%: the goal as the plan fixed it)
_PLANNED = re.compile(
    r"(?:预算|计划|(?<!达到)(?<!完成)(?<!实现)目标|任务|限额)(?:数|额|值)?(?:(?:确定|设定|定)?为|是|共)?\s*$"
)
# The goal's own value in brackets after its name, beside what was done (比年初目标(6.5%)低2.3个百分点,
# 已超额完成年度目标(50场)的180%, 未达到全年任务计划(40%)): a target whatever its clause tells
_TARGET_VALUE = re.compile(r"(?:目标|计划|任务|预算)(?:数|额|值)?\s*[（(]\s*$")
# A year's planned investment, named as planned (年度计划投资327.53亿元): a target unless its own
# clause tells of something done, though the sentence reports progress before it
_PLANNED_INVESTMENT = re.compile(r"计划投资额?(?:约|为|达)?\s*$")


# A project's planned size, named right before it (计划投资1404亿元, 本年度总投资6000万元, 原估算总投资5亿元):
# a target, unless its sentence told of something done before it (目前已安排36个项目,总投资882.1亿元)
_INVESTMENT = re.compile(
    r"(?:计划|总|概算|估算)投资额?(?:约|为|达)?\s*$"
)  # a Traditional sentence is read in Simplified


# A capacity (年产130根): with a project named after it, the project's size, though it counts things.
_CAPACITY = re.compile(r"年产能?\s*$")


# What follows a total and tells how much of it is done: ，已开工193个 / ，其中已完成 / ，目前已, or in
# the same clause after the thing's name: 126条农村黑臭水体治理已完成120条, 263场送戏进万村已送230场.
_TOTAL_THEN_DONE = re.compile(r"[^，,;；。:：]{0,20}?(?:[，,]\s*(?:其中|目前|现)?)?已[\u4e00-\u9fff]{0,8}\d")


# A finish still ahead, told after a project's size in its sentence (预计2021年11月份完成, 计划年底前建成)
_SCHEDULED = re.compile(
    r"(?:预计|计划|拟)于?\s*(?:(?:19|20)\d{2}\s*年)?\s*(?:\d{1,2}\s*月(?:份|底|中旬|上旬|下旬)?|年底|年内)前?(?:全面)?(?:完成|建成|竣工|投用|投产)"
)


_REST = re.compile(r"剩余|其余|余下|剩下")


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
    if _TARGET_VALUE.search(text, clause_start, start):
        return True
    planned = None if c.result_clause.search(text, clause_start, start) else _PLANNED.search(text, clause_start, start)
    if planned and (planned.group().rstrip().endswith(("为", "是")) or not share):
        # 完成年初预算225630万元的121.7%: the budget's own figure, beside what was done; 预期目标为5%
        # too, but 完成预算98% and 超预期目标0.8个百分点 measure what was done against it
        return True
    if (
        not share
        and _INVESTMENT.search(text, sentence_start, start)
        and not c.result_clause.search(text, sentence_start, start)
    ):
        return True  # a project's planned investment (not 占年度计划投资46.9%: how much of it was done)
    if (
        not share
        and _PLANNED_INVESTMENT.search(text, clause_start, start)
        and not c.result_clause.search(text, clause_start, start)
    ):
        return True
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
    clause_start = max((x.end() for x in CLAUSE.finditer(text, 0, start)), default=0)
    sentence_start = max((x.end() for x in SENTENCE.finditer(text, 0, start)), default=0)
    stop = CLAUSE.search(text, end)
    clause_end = stop.start() if stop else len(text)
    scope = sentence_start
    cue = c.target_clause.search(text[scope:clause_end])
    period = max((x.end() for x in _PERIOD.finditer(text, 0, start)), default=0)
    if not cue and period < sentence_start and not c.result_clause.search(text, sentence_start, clause_end):
        # 力争到2010年,…增长13%;全区财政收入年均增长13%: the cue governs past a semicolon to the 。
        scope = period
        cue = c.semicolon_target.search(text[scope:clause_end])
    if cue:
        deadline = _DEADLINE.search(text[scope:clause_end])
        if year and deadline and int(deadline.group(1)) < year and deadline.start() <= cue.start() < deadline.end():
            return "result"  # a review that says 到2021年…增加14倍, in a 2022 report
        on_date = deadline is not None and deadline.start() <= cue.start() < deadline.end()
        if on_date and c.result_clause.search(text, clause_start, start):
            return "result"  # 至2023年4月，…，已整改问题金额8501亿元: what stood done by that day
        return "target"  # 力争A达到X, B达到Y: the cue governs the clauses after it
    clause = text[clause_start:clause_end]
    sentence_end = m.start() if (m := SENTENCE.search(text, end)) else len(text)
    scheduled = _SCHEDULED.search(text, end, sentence_end)
    # (not 完成大中修50公里,剩余预计11月底前完成: what remains is scheduled, the figure is done)
    if (
        scheduled
        and not _REST.search(text, end, scheduled.start())
        and not c.result_clause.search(text, sentence_start, sentence_end)
    ):
        return "target"  # …约12.3公里道路硬化,预计2021年11月份完成: a project's size, its finish ahead
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
    # (2008年全省地区生产总值增长12.5%左右;单位地区生产总值能耗下降4.6%左右: the year opens the whole list)
    years = [int(y) for y in _PAST_YEAR.findall(text, sentence_start, start)] or [
        int(y) for y in _PAST_YEAR.findall(text, period, sentence_start)
    ]
    if (year and any(y > year for y in years)) or _NEXT_YEAR.search(text, sentence_start, start):
        return "target"  # 明年，地区生产总值增长6%; 2024年… in a 2023 report: a year still ahead
    past = year and any(y < year for y in years)
    # (an estimate of the year gone by is approximate: 2022年…分别增长5.2%左右, in a 2023 report)
    if past and all(m.group() in _APPROXIMATE for m in c.weak_target.finditer(clause)):
        # 2020年,全市地区生产总值为424.74亿元, in a 2021 plan: a year gone by (its plan's 总投资 is still one)
        return "result"
    if count and c.plan_set.match(text[end:]):
        return "target"  # 扎实推进65件民生实事办理: the set the plan fixed, by its name
    # a part of a planned total (其中,投产项目5宗) speaks as a lead-in would, where its clause says nothing
    lead = lead_in(text[sentence_start:start]) or total
    if lead or carried:
        return lead or carried  # type: ignore[return-value]
    # (计划新建学校3所，新增学位2000个: the plan the sentence's first clause names governs its list)
    first = CLAUSE.search(text, sentence_start)
    opening = text[sentence_start : first.start() if first and first.start() < start else start]
    planned = c.weak_target.match(opening.lstrip()) is not None and not c.result_clause.search(opening)
    # (嵊州将用好…基金,保障…不超过总医疗费10%: the 将 of a clause before governs this one)
    will = c.target_sentence.search(text, sentence_start, clause_start)
    planned = planned or (will is not None and not c.result_clause.search(text, sentence_start, clause_end))
    return "target" if c.weak_target.search(clause) or planned else "result"


# A breakdown of the total before it (…72宗(其中,投产项目5宗,续建项目28宗), 共30项,其中:建设项目27项)
_BREAKDOWN = re.compile(r"其中")


def breakdown_of(text: str, start: int, before: list[tuple[int, Status]]) -> Status | None:
    """Target for a figure in a breakdown (其中…) of a planned total, given ``before``, the (end,
    status) of the sentence's figures before it: the plan's parts are planned too."""
    opened = max((m.start() for m in _BREAKDOWN.finditer(text, 0, start)), default=-1)
    total = [status for end, status in before if end <= opened]
    return "target" if total and total[-1] == "target" else None


# The two numbers right before a share in a table's row (8950人 | 7123人 | 80%, 人次 2800 2539 90.7%)
_TWO_NUMBERS = re.compile(r"(?<![\d.])(\d+(?:\.\d+)?)[^\d%]{0,16}?(?<![\d.])(\d+(?:\.\d+)?)[^\d%]{0,8}$")


def share_done(before: str, share: float) -> bool:
    """The share is the second of the two numbers before it over the first, to its rounding: how
    much of a row's target was done (a progress table's 完成率), whatever its column says."""
    m = _TWO_NUMBERS.search(before[-40:])
    return bool(m) and float(m[1]) > 0 and abs(float(m[2]) / float(m[1]) * 100 - share) < 0.6  # type: ignore[index]
