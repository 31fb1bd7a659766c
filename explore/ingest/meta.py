"""Document metadata: district, city, province, year, date, title, source, type, level and
issuer (pure).

Inferred from a cleaned document (``clean.CleanDoc``) in its Simplified form; a user's
``metadata.csv`` in the corpus folder overrides any field (see ``read_overrides``).
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Literal

import pandas as pd

from explore.ingest.clean import CleanDoc
from explore.ingest.dates import (
    dateline_date,
    find_date,
    is_signing_line,
    issued_field_date,
    published_date,
    signing_date,
    speaker_date,
)
from explore.ingest.doc_numbers import own_number
from explore.ingest.gazetteer import Places
from explore.ingest.genres import genre_of
from explore.ingest.header_fields import label_pattern as field_labels
from explore.ingest.issuers import SEPARATOR, Level, all_national, check_level, infer_issuers, infer_level, units_of
from explore.ingest.numbering import ARABIC, SECTION
from explore.ingest.places import issuing_places
from explore.ingest.role_labels import label_pattern
from explore.ingest.title_lines import column_header
from explore.ingest.titles import as_written, infer_title

DocType = Literal["official document", "report", "resolution", "news report", "other"]
# The closed set, in the order the rules try them (see ``infer_doc_type``).
DOC_TYPES: tuple[DocType, ...] = ("official document", "report", "resolution", "news report", "other")
OVERRIDABLE = (
    "district", "city", "province", "year", "date", "published", "title", "source", "doc_type", "level", "issuer",
    "doc_number", "genre",
)  # fmt: skip


@dataclass
class Meta:
    district: str = ""
    city: str = ""
    province: str = ""
    year: int | None = None
    date: str = ""  # the document's own date, ISO yyyy-mm-dd; '' when the document states none
    published: str = ""  # when the page put it out (发布时间); '' when the page does not say
    title: str = ""
    source: str = ""
    doc_type: DocType = "other"
    level: Level = ""  # national, province, city, county; '' when nothing says
    issuer: str = ""  # the issuing bodies as written, joined by " | "
    doc_number: str = ""  # its own 发文字号 as written (罗办发〔2017〕1号); '' when it states none
    genre: str = ""  # 文种: the genre word its title ends with (通知, 意见, 方案 …); '' when none

    def as_dict(self) -> dict[str, object]:
        return asdict(self)


_YEAR = re.compile(r"(?<![\d.])((?:19[5-9]|20\d)\d)\s*年(?!代)")
# Years that name a target, a deadline or a range end, not the year a text is about.
_TARGET_YEAR = re.compile(
    r"(?:到|至|截至|力争|-|—|~|～)\s*((?:19|20)\d{2})\s*年|((?:19|20)\d{2})\s*年(?:前|底前|以前|底|远景|愿景)"
    # a deadline's day (于2023年1月10日前报送): the year a report is due, not the year it is about
    r"|((?:19|20)\d{2})\s*年\s*\d{1,2}\s*月(?:\s*\d{1,2}\s*日)?\s*(?:前|以前|之前)"
)
_OFFICIAL_NUMBER = re.compile(r"[\u4e00-\u9fff]{1,8}[〔\[【(（]\s*(19|20)\d{2}\s*[〕\]】)）]\s*\d+\s*号")
_OFFICIAL_TITLE = re.compile(
    r"(关于.{2,80}的(通知|意见|决定|批复|函|请示|公告|通告)|印发|批转|转发|通知$|(计划|方案|办法|规定|细则|条例|规则|章程|公告|通告|意见|纲要|规划|要点|"
    r"分工|目录|措施|情况表|清单|分解表|进度表|任务表|责任表|分工表|汇总表|分解|进展情况|推进情况|完成情况|公示)》?"
    r"(?:[（(][^）)]{1,15}[）)])?$)"
)
_REPORT_TITLE = re.compile(r"(工作报告|的报告|报告$)")
_RESOLUTION_TITLE = re.compile(r"决议")
_RESPONSIBILITY_TABLE = re.compile(
    r"序\s*号[^\n]{0,80}?(?:牵\s*头|责\s*任)\s*(?:单\s*位|部\s*门)|序\s*号\n(?:[^\n]{1,14}\n){1,6}(?:牵头|责任)(?:单位|部门)"
)
# A 公文's addressees (主送机关) on a line of their own, and the words that issue it.
_ADDRESSEES = re.compile(r"^各[^。\n]{1,80}(?:单位|部门|机构|人民政府|管委会|委员会)[：:]\s*$", re.M)
# a meeting's minutes (纪要): what the meeting settled, item by item (会议议定:原则同意该《请示》)
_MINUTES = re.compile(r"会议(?:议定|纪要)\s*[:：]|议定事项")
_ISSUING_WORDS = re.compile(r"现(?:将[^。\n]{1,60})?印发给你们|特此通知|请认真(?:贯彻|组织)?(?:执行|落实|贯彻落实)")
# A task's responsible unit, labelled or in a closing note (牵头单位：…, （县教育局负责）).
_DUTIES = re.compile(
    rf"(?:{label_pattern('lead', 'responsible', 'partner')})\s*[:：]|[局委办厅部院]\s*(?:牵头|负责)\s*[)）]"
)
MIN_DUTIES = 3
_SECTION = re.compile(rf"^{SECTION}", re.M)
_TASK = re.compile(rf"^{ARABIC}\s*[\u4e00-\u9fff]", re.M)
# How a reporter tells what was learnt (据了解, 记者从…获悉, 日前): a news item's words, not a 公文's.
_NEWS_WORDS = re.compile(
    r"据了解|据悉|据介绍|获悉|了解到|日前[,，]|近日[,，]|记者从|^导语"
    # a news lede: who, on which day, did what (江苏省住建厅11月22日通报，…)
    r"|^[\u4e00-\u9fff]{2,20}\d{1,2}月\d{1,2}日(?:通报|发布|召开|宣布|表示|介绍|透露)",
    re.M,
)
# A news item's first sentence (under its headline or none): on which day a meeting opened or was held (2月14日,…第五次会议隆重开幕;
# 8月21日召开的…会议上,…报告了…); a document of its own opens on its heading, a letter or 各位代表.
_LEDE_DAY = re.compile(r"[^。\n]{0,30}?[\d*]{1,2}月\d{1,2}日(?:上午|下午|晚上?)?[^。\n]{0,60}?(?:开幕|召开|举行|闭幕)")
_NEWS_MARK = re.compile(
    r"(记者|通讯员|编辑|审核|网讯|日讯|电讯|讯[:：]|本报讯|本网讯|新华社|综合报导|综合报道|融媒体中心|在主席台就[座坐]|"
    r"^[\u4e00-\u9fff]{2,8}讯\s|来源[:：].{0,20}(报|网|台|新闻|客户端))",
    re.M,
)
_SOURCE_LABEL = re.compile(rf"({field_labels('source', 'issuer', spaced=False)})\s*[:：]\s*([^\s:：|]{{2,30}})")
_SOURCE_BYLINE = re.compile(r"([\u4e00-\u9fff]{2,12}?(?:报|社|网|电视台|电台|客户端))(?:首席)?(?:记者|通讯员)")


# A work report's opening and its review: the year a report reviews is the year before its own.
_REPORT_OPENING = re.compile(r"向大会(?:作)?报告(?:政府)?工作|^各位代表\s*[:：]", re.M)
_REVIEW = re.compile(r"过去(?:的)?一年|一年来|工作回顾")


def _plans(text: str, year: int) -> bool:
    return bool(
        re.search(
            rf"{year}\s*年(?:的)?(?:主要预期目标|预期目标|主要目标|工作安排|重点工作|总体要求|工作的总体要求)", text
        )
    )


def infer_year(
    text: str,
    *,
    title: str = "",
    date: str = "",
    numbered: int | None = None,
    published: str = "",
    report: bool = False,
) -> int | None:
    """The year of the document's own date; else the year its title names; else the year of its
    own 发文字号 (``numbered``: 内政办发〔2018〕1号 is issued in 2018); else the page's
    year; else, as a last resort, the latest year the body names once targets, deadlines and
    range ends are left out (到2035年, 力争2020年, 2020年底前, 2021—2025年): a report reviews last
    year at length and plans this one, and a plan names this year beside its deadlines. A work
    report (``report``) whose latest year is only the one it reviews (过去一年, 工作回顾) and
    plans nothing for that year is the next year's."""
    if date:
        return int(date[:4])
    m = _YEAR.search(title)
    if m:
        return int(m.group(1))
    if numbered:
        return numbered
    if published:
        return int(published[:4])
    targets = Counter(int(a or b or c) for a, b, c in _TARGET_YEAR.findall(text))
    years = Counter(int(y) for y in _YEAR.findall(text))
    years.subtract(targets)
    candidates = [y for y, n in years.items() if n > 0]
    if not candidates:
        return None
    latest = max(candidates)
    if report and _REVIEW.search(text) and not _plans(text, latest):
        return latest + 1
    return latest


def infer_source(doc: CleanDoc) -> str:
    for line in doc.header:
        m = _SOURCE_LABEL.search(line)
        if m:
            return re.split(r"\s|记者|\d", m.group(2))[0]
    for line in doc.header:
        m = _SOURCE_BYLINE.search(line)
        if m:
            return re.sub(r"^(作者[:：]|[（(])", "", m.group(1))
    return ""


MIN_UNIT_CELLS = 5


def _unit_cells(text: str) -> int:
    """Cells of a table that hold nothing but units of government (| 县教育局 |, ★区发改委、统计局
    on a line of its own): a task table's unit column, which a signature or a copy list is not."""
    cells = (c.strip(" ★☆*") for line in text.splitlines() if "|" in line or len(line) <= 40 for c in line.split("|"))
    return sum(1 for c in cells if 2 <= len(c) <= 40 and "".join(units_of(c)) == re.sub(r"[、，,\s]", "", c))


def infer_doc_type(doc: CleanDoc, title: str, text: str, *, speaker: bool = False, dateline: bool = False) -> DocType:
    """General signs, in order: an issuing title (印发, 通知, 方案, 要点 …) or a 文号 makes an
    official document; 决议 a resolution; 工作报告 / 的报告 or a speaker line a report; a
    newsroom's marks (本报讯, 记者, 综合报导, a news source) a news item; a 文号 in the text an
    official document; else other."""
    header = "\n".join(doc.header)
    head = text[:300]
    # a news lede opening the text (日前，成都市人民政府网站公布了《…方案》。…): an item about the
    # document it names, whatever that document's title announces
    lede = _NEWS_WORDS.match(text.lstrip()) is not None
    if not lede and (
        _OFFICIAL_TITLE.search(title)
        or _OFFICIAL_NUMBER.search(header)
        or re.search(r"索\s*引\s*号|文\s*号\s*[:：]", header)
        or _MINUTES.search(text[:3000])
        or re.search(
            r"^文\s*号\s*[:：|]\s*[^\s|]{1,12}[〔\[(（]\d{4}", head
        )  # a 公文's field table: 文号 | 平政办〔2013〕11号
    ):
        return "official document"
    if _RESOLUTION_TITLE.search(title):
        return "resolution"
    news = (
        _NEWS_MARK.search(header)
        or _NEWS_MARK.search(head)
        or dateline
        or _NEWS_WORDS.search(text[:1500])
        or any(_LEDE_DAY.match(line) for line in text.lstrip().split("\n", 2)[:2])  # under its headline
    )
    # a speech (在…上的讲话) has a speaker line as a report has, and is none
    speech = genre_of(title) == "讲话"
    if (_REPORT_TITLE.search(title) or (speaker and not speech)) and not (news and not speaker):
        return "report"
    crumb = " ".join(doc.chrome)
    if news or re.search(r"新闻|资讯|要闻|动态|报道", crumb):
        return "news report"
    if _OFFICIAL_NUMBER.search(text[:500]) or re.search(r"发文机关", header):
        return "official document"
    if _SECTION.search(text) and len(_TASK.findall(text)) >= 2:
        return "official document"  # a plan's outline of tasks (一、… 1.… 2.…) whose heading page was lost
    if _RESPONSIBILITY_TABLE.search(text) or any(column_header(line) for line in text[:5000].splitlines()):
        return "official document"  # a table of tasks and the units responsible (序号 … 牵头单位)
    if len(_DUTIES.findall(text)) >= MIN_DUTIES or _unit_cells(text) >= MIN_UNIT_CELLS:
        # tasks with the units responsible, labelled or in a table's cells: a plan or a task division
        return "official document"
    if _ADDRESSEES.search(text[:1500]) or _ISSUING_WORDS.search(text):
        return "official document"  # 各乡镇人民政府，县直各单位：… 现印发给你们，请认真贯彻落实
    return "other"


def infer_meta(doc: CleanDoc, simplified_paragraphs: list[str]) -> Meta:
    """All inferred fields of one document."""
    text = "\n".join(simplified_paragraphs)
    title = infer_title(doc, simplified_paragraphs)
    published = published_date(doc.header, simplified_paragraphs) or doc.record.get("published", "")
    speaker = speaker_date(simplified_paragraphs)
    signed = signing_date(simplified_paragraphs, near=published) or next(
        (find_date(line) for line in doc.header if is_signing_line(line)), ""
    )
    opening = bool(_REPORT_OPENING.search("\n".join(simplified_paragraphs[:4])))
    report = opening or bool(speaker) or bool(_REPORT_TITLE.search(title) and "工作报告" in title)
    number = own_number(doc.paragraphs, header=doc.header, record=doc.record.get("number", ""), title=title)
    about = infer_year(text, title=title, numbered=number and number.year, published=published, report=report)
    dateline = dateline_date(simplified_paragraphs, published=published, year=about)
    date = speaker or signed or issued_field_date([*doc.header, *simplified_paragraphs]) or dateline
    places = issuing_places(text + "\n" + "\n".join(doc.header), title=title, head=simplified_paragraphs[:6])
    issuers = infer_issuers(
        doc.header,
        simplified_paragraphs,
        title=title,
        district=places.district,
        city=places.city,
        province=places.province,
    )
    if all_national(issuers):
        # a national body's document is the nation's: the places it names are what it speaks of
        # (a State Council opinion's pilot 范县), not whose it is
        places = Places("", "", "")
    source = infer_source(doc)
    return Meta(
        district=places.district,
        city=places.city,
        province=places.province,
        year=int(date[:4]) if date else about,  # infer_year's first rule, the rest is ``about``
        date=date,
        published=published,
        title=as_written(title, doc),
        source=source,
        doc_type=infer_doc_type(doc, title, text, speaker=bool(speaker) or opening, dateline=bool(dateline)),
        level=infer_level(
            district=places.district,
            city=places.city,
            province=places.province,
            issuers=issuers,
            text=text,
            title=title,
            source=source,
        ),
        issuer=SEPARATOR.join(issuers),
        doc_number=number.text if number else "",
        genre=genre_of(title),
    )


def read_overrides(corpus: Path) -> pd.DataFrame:
    """``metadata.csv`` from the corpus folder (``file`` plus any of ``OVERRIDABLE``), or an
    empty frame. Raises ``ValueError`` naming the problem when the file is unusable."""
    path = corpus / "metadata.csv"
    if not path.exists():
        return pd.DataFrame(columns=["file"])
    try:
        table = pd.read_csv(path, dtype=str, encoding="utf-8-sig", keep_default_na=False)
    except (UnicodeDecodeError, pd.errors.ParserError) as err:
        raise ValueError(f"metadata.csv cannot be read: {err}") from None
    if "file" not in table.columns:
        raise ValueError("metadata.csv needs a 'file' column naming each document")
    unknown = [c for c in table.columns if c != "file" and c not in OVERRIDABLE]
    if unknown:
        raise ValueError(f"metadata.csv has unknown columns {unknown}; allowed: file, {', '.join(OVERRIDABLE)}")
    return table


def apply_override(meta: Meta, row: dict[str, str]) -> Meta:
    """Non-empty cells of an override row replace inferred fields (checked, with clear errors)."""
    for key in OVERRIDABLE:
        value = (row.get(key) or "").strip()
        if not value:
            continue
        if key == "year":
            if not re.fullmatch(r"\d{4}", value):
                raise ValueError(f"year must be four digits, got {value!r}")
            meta.year = int(value)
        elif key in ("date", "published"):
            iso = find_date(value)
            if not iso:
                raise ValueError(f"{key} must be like 2017-03-28, got {value!r}")
            setattr(meta, key, iso)
        elif key == "doc_type":
            if value not in DOC_TYPES:
                raise ValueError(f"doc_type must be one of {DOC_TYPES}, got {value!r}")
            meta.doc_type = value  # type: ignore[assignment]
        elif key == "level":
            meta.level = check_level(value)
        else:
            setattr(meta, key, value)
    return meta
