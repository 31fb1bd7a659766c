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
This module reads the structure (headings, columns, lead-ins, titles); ``figure_clauses`` reads
a figure's own clause and sentence.
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

CLAUSE = re.compile(r"[,，;；:：。!?！？]")
SENTENCE = re.compile(r"[;；。!?！？]")
TERM = r"[\u4e00-\u9fff]{2,4}"  # a slogan's term: 维护, 全面, 基本点, 有没有
_LEVELS = {"section": 1, "paren": 2, "arabic": 3, "paren_arabic": 4}  # 一、 > （一） > 1. > （1）
_DATA = Path(__file__).resolve().parents[1] / "data" / "target_cues.txt"
_MAX_HEADING = 40  # characters: a longer paragraph (or first sentence) is prose, not a heading
_SHARE = re.compile(r"\d\s*[%％℅]")
_BULLET = re.compile(r"^[—–\-◎●○·•▪■□◆◇★☆※➢>\u2460-\u2473]")


@dataclass(frozen=True)
class Cues:
    target_heading: re.Pattern[str]
    review_heading: re.Pattern[str]
    target_clause: re.Pattern[str]
    semicolon_target: re.Pattern[str]  # those of them that govern past a ；to the sentence's 。
    result_clause: re.Pattern[str]
    result_sentence: re.Pattern[str]  # from where it stands to the sentence's end
    target_sentence: re.Pattern[str]  # the same, where no result cue speaks in the sentence
    weak_target: re.Pattern[str]
    planned_set: re.Pattern[str]  # ending right before a count of items
    announced_set: re.Pattern[str]  # anywhere in a news item's headline
    meeting: re.Pattern[str]  # after the 次 of a numeral + 次
    slogan_before: re.Pattern[str]  # ending just before the numeral
    slogan_after: re.Pattern[str]  # right after numeral + 个 + term
    parts_after: re.Pattern[str]  # right after numeral + 个
    things_built: re.Pattern[str]  # at the end of a quoted term counted: things, not a slogan
    things_after: re.Pattern[str]  # the same right after the quoted term (两个“一站式”服务中心)
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
        semicolon_target=either("semicolon target cues"),
        result_clause=either("result clause cues"),
        result_sentence=either("sentence result cues"),
        target_sentence=either("sentence target cues"),
        weak_target=either("weak target clause cues"),
        planned_set=either("planned set cues"),
        announced_set=either("announced set"),
        meeting=either("meeting words", "^"),
        slogan_before=either("slogan before", after="$"),
        slogan_after=either("slogan after", f"^(?:{TERM}?)?"),  # the term, as short as will do (or none), then the word
        parts_after=either("parts after", "^"),
        things_built=either("things built", after="$"),
        things_after=either("things built", "^[\u4e00-\u9fff]{0,4}?"),
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
    name = "".join(name.split())
    return heading_status(name) or ("target" if is_task_column(name) else None)


def lead_in(text: str) -> Status | None:
    """The status a lead-in (…主要预期目标是：) announces to the text after its colon, if any."""
    # not a ratio or a time (3.79:40.98); 目标是，A；B: a comma after 是 or 为 leads in as a colon does, and
    # one right after the expected goals it names (划定发展预期目标,地区生产总值增长3%;…), not after a goal
    # met (完成全年目标,…)
    # (a dash after the goals it names leads in too: …主要预期目标——地区生产总值增长7.5%,…)
    colons = [m.start() for m in re.finditer(r"(?<!\d)[：:]|(?<=[是为])[，,]|(?<=预期目标)[，,]|(?<=目标)——", text)]
    if not colons:
        return None
    colon = colons[-1]
    start = max((x.end() for x in SENTENCE.finditer(text, 0, colon)), default=0)
    label = text[start:colon].strip()
    # a field label (项目内容：, 进展与成效：) speaks as a table's column of that name
    if len(label) <= 8:
        return column_status(label)
    # a lead-in that tells of something done (有26个考核指标超额完成任务,分别是：) lists what was done
    return "result" if cues().result_clause.search(label) else heading_status(label)


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
        # (a numbered line of clauses and figures is an item's sentence, not a heading: 1、元至6月份,完成
        # 国内生产总值31100万元,占年计划的58.2,…)
        sentence = bool(CLAUSE.search(title)) and any(ch.isdigit() for ch in title)
        status = heading_status(title) if len(title) <= _MAX_HEADING and not sentence else None
        if status:
            stack.append(Carry(status, level))
        return
    bare = text.strip(" |")
    prose = len(bare) > _MAX_HEADING and SENTENCE.search(bare) and "|" not in text and not _BULLET.match(bare)
    # a line cut out of running text (…稳定任务,特别是…) is no heading: headings seldom hold a comma
    # and one that states a share (完成年初预算的57.1%: an infographic's line) is a statement
    heading = not running and len(bare) <= _MAX_HEADING and not CLAUSE.search(bare) and not _SHARE.search(bare)
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


# A paragraph that ends announcing the list below it (…着力办好以下“十件民生实事”。; a forum post
# drops the stop: …2024年10个民生实事项目具体如下).
_ANNOUNCES = re.compile(r"(?:以下|如下)[^。；;，,：:]{0,12}。?$")


def _announced(paragraph: str) -> Status | None:
    """What a paragraph's last sentence announces to the list below it, as a lead-in's colon would."""
    if not _ANNOUNCES.search(paragraph):
        return None
    start = max((x.end() for x in SENTENCE.finditer(paragraph, 0, len(paragraph) - 1)), default=0)
    return heading_status(paragraph[start:])
