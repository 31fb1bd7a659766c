"""Dates in a document: its own date, and when the page put it out (pure).

A document's own date is where the document states it, in the forms found across the
evaluation set (county, city and province reports, notices, resolutions, news; see
``eval/``):

- a speaker line: ``——2019年1月17日在…第…次会议上`` or ``在…会议上 县长 赵甲宏（2020年1月8日）``;
- a resolution's adoption line: ``（2019年1月11日…第…次会议通过）``;
- a signing date at the end, after the issuing organ, in Arabic or Chinese numerals
  (``二〇一一年四月二十二日``);
- a news item's dateline (``本网讯（记者 …）3月6日，`` / ``20日，``), whose year and month come
  from the page's date when the dateline leaves them out.

The page's date (``发布时间：…``, a bare date under the headline, ``发表于 2024-6-15``) is the
``published`` date, never the document's own.
"""

from __future__ import annotations

import itertools
import re
from datetime import date as _date

from explore.ingest.header_fields import label_pattern as field_labels
from explore.ingest.numerals import cn_number

_Y = r"((?:19|20)\d{2})"
NUMERIC_DATE = re.compile(_Y + r"\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})(?!\d)")
_CN_DATE = re.compile(
    r"([〇○零oO一二三四五六七八九]{4})\s*年\s*([一二三四五六七八九十]{1,3})\s*月\s*([一二三四五六七八九十]{1,3})\s*日"
)
# A date written out (2019年1月21日, 二○一○年一月七日, 2019年 1月 21日), and a month and day: the
# one pattern a signature's date, a date alone on its line and a header's date cell are told by
_NUM = "〇○零一二三四五六七八九十\\d"
WRITTEN_DATE = rf"[{_NUM}\s]{{2,4}}\s*年\s*[{_NUM}\s]{{1,3}}\s*月\s*[{_NUM}\s]{{1,3}}\s*日"
MONTH_DAY = rf"[{_NUM}]{{1,2}}\s*月\s*[{_NUM}]{{1,3}}\s*日"
_MEETING = re.compile(r"(会议|大会|常委会|全体会议)")
SPEAKER_AT = re.compile(r"在.{2,50}?(会议|大会)上")  # a report's speaker line: where it was given
_ADOPTED = re.compile(r"(会议|大会).{0,6}(通过|批准)")
_LABELLED = re.compile(rf"({field_labels('published date', 'any date', spaced=False)})\s*[:：]?\s*")
_BRACKETED = re.compile(rf"【\s*(?:{field_labels('published date', spaced=False)})\s*】\s*")
_DATELINE = re.compile(
    r"^(?:[^，,。]{0,30}?(?:讯|电|报道)\s*)?(?:[（(][^）)]{0,40}[）)])?\s*"
    r"(?:(?P<y>(?:19|20)\d{2})年)?(?:(?P<m>1[0-2]|[1-9])月)?(?P<d>3[01]|[12]\d|[1-9])日"
)
# 香港新闻网3月5日电, 红网时刻新闻12月23日讯: the date before the agency's 讯/电.
AGENCY_DATELINE = re.compile(
    r"^[^，,。\d]{1,20}?(?:(?P<y>(?:19|20)\d{2})年)?(?:(?P<m>1[0-2]|[1-9])月)?(?P<d>3[01]|[12]\d|[1-9])日\s*(?:讯|电)"
)
# A lede that dates its news by the day alone after its subject: 福建省28日再推出…, after at most
# one clause (继…后,福建省28日…); 28日前 / 28日起 set a deadline, not a date.
_SUBJECT_DAY = re.compile(
    r"^(?:[^，,。\d]{0,40}[，,])?[^，,。\d]{2,15}?(?<![月年\d])(?P<d>3[01]|[12]\d|[1-9])日(?![前起至内后以])"
)
_COMPACT = re.compile(r"^((?:19|20)\d{2})(0[1-9]|1[0-2])(0[1-9]|[12]\d|3[01])(?!\d)")
_SPEAKER_START = re.compile(r"^[—\-－]*\s*[（(]?\s*(?:19|20)\d{2}\s*年[^在]{2,12}在")
_TIMESTAMP = re.compile(r"(?:19|20)\d{2}\s*[-/.年]\s*\d{1,2}\s*[-/.月]\s*\d{1,2}\s*日?\s+\d{1,2}:\d{2}")


def iso(year: int, month: int, day: int) -> str:
    """``yyyy-mm-dd`` for a real calendar date between 1949 and 2100, else ''."""
    try:
        return _date(year, month, day).isoformat() if 1949 <= year <= 2100 else ""
    except ValueError:
        return ""


def find_date(line: str, *, squashed: bool = False, near: str = "") -> str:
    """The first full date in ``line`` as ISO, or ''. ``squashed`` also reads ``2022324日``
    (年 and 月 lost); where it reads two ways (2022121日: 1月21日 or 12月1日), the reading on or
    before ``near`` and closest to it wins, else the first."""
    found = []
    for pattern, conv in ((NUMERIC_DATE, int), (_CN_DATE, cn_number)):
        m = pattern.search(line)
        if m:
            parts = [conv(m.group(k)) for k in (1, 2, 3)]
            value = iso(*parts) if None not in parts else ""  # type: ignore[arg-type]
            if value:
                found.append((m.start(), value))
    if squashed and not found:
        m = re.search(_Y + r"(\d{2,4})日", line)
        if m:
            digits = m.group(2)
            readings = [iso(int(m.group(1)), int(digits[:k]), int(digits[k:])) for k in (1, 2) if k < len(digits)]
            readings = [r for r in readings if r]
            if near and readings:
                before = [r for r in readings if r <= near]
                readings = sorted(before, reverse=True) or readings
            if readings:
                found.append((m.start(), readings[0]))
    return min(found)[1] if found else ""


def speaker_date(paragraphs: list[str], *, head: int = 40) -> str:
    """The date of the meeting at which a report was given or a resolution adopted, from the
    first ``head`` paragraphs (and the paragraph after a speaker line, where the date may
    follow the speaker's name)."""
    window = paragraphs[:head]
    for i, para in enumerate(window):
        if len(para) > 120:
            continue
        if (
            SPEAKER_AT.search(para)
            or _ADOPTED.search(para)
            or _SPEAKER_START.match(para)
            or (_MEETING.search(para) and para.startswith("—"))
        ):
            value = find_date(para, squashed=True)
            if value:
                return value
            for nxt in window[i + 1 : i + 3]:
                if len(nxt) <= 40:
                    value = find_date(nxt, squashed=True)
                    if value:
                        return value
    return ""


_ORGAN = re.compile(r"(办公厅|办公室|人民政府|政府|委员会|管委会|局|委|厅|部|办)\s*$")


def signing_date(paragraphs: list[str], *, tail: int = 6, near: str = "") -> str:
    """The date a document is signed: a bare date right under the issuing organ (a notice's
    signature may come before its attachment), else a date standing alone in the last ``tail``
    paragraphs. ``near`` (the page's date) picks between readings of a squashed date."""
    for prev, para in itertools.pairwise(paragraphs):
        if len(prev) <= 30 and _ORGAN.search(prev) and len(para) <= 20:
            value = find_date(para, squashed=True, near=near)
            if value and (is_signing_line(para) or not re.search(r"[，,。]", para)):
                return value
    for para in reversed(paragraphs[-tail:]):
        if len(para) > 40 or re.search(r"[，,。；;]", para):
            continue  # a sentence that names a date is not a signature
        value = find_date(para, squashed=True, near=near)
        if value:
            return value
    return ""


def published_date(header: list[str], body: list[str] = ()) -> str:
    """When the page put the text out: a labelled page date first, then any dated header line,
    then a date with a time of day among the first lines of the body (``2025-12-24 16:58``)."""
    for line in header:
        if _LABELLED.search(line):
            value = find_date(line)
            if value:
                return value
    for line in header:
        if is_signing_line(line):
            continue
        value = find_date(line)
        if value:
            return value
    for line in body[:6]:
        # a law library's row of bracketed fields in the body's first lines (【发布文号】… 【发布日期】2005-12-21)
        if (m := _BRACKETED.search(line)) and (value := find_date(line[m.end() : m.end() + 12])):
            return value
        if len(line) <= 80 and _TIMESTAMP.search(line):
            return find_date(line)
        c = _COMPACT.match(line)
        if c and len(line) <= 40:  # a byline stamp: 20240429黄欣/综合报导
            return iso(int(c.group(1)), int(c.group(2)), int(c.group(3)))
    return ""


_ISSUED_FIELD = re.compile(rf"(?:{field_labels('issued date', spaced=False)})\s*[:：|]?\s*\|?\s*(.*)$")
_ISO_DAY = re.compile(r"((?:19|20)\d{2})-(\d{1,2})-(\d{1,2})")


def issued_field_date(lines: list[str], *, head: int = 30) -> str:
    """The date a page's 成文日期 / 发文日期 field gives (on its line, or on the next when the
    fields are one cell a line); '' when the field is empty or absent."""
    lines = lines[:head]
    for i, line in enumerate(lines):
        m = _ISSUED_FIELD.search(line)
        if not m:
            continue
        for value in (m.group(1), lines[i + 1] if i + 1 < len(lines) and not m.group(1).strip() else ""):
            d = _ISO_DAY.match(value.strip().strip("|").strip())
            if d:
                return iso(int(d.group(1)), int(d.group(2)), int(d.group(3)))
            found = find_date(value[:16])
            if found:
                return found
    return ""


def is_signing_line(line: str) -> bool:
    """A bare ``2026年3月14日`` line: how documents sign off, not how pages stamp their date."""
    return bool(re.fullmatch(r"\s*(?:19|20)\d{2}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日\s*", line)) or bool(
        _CN_DATE.fullmatch(line.strip())
    )


def dateline_date(paragraphs: list[str], *, published: str, year: int | None = None, head: int = 16) -> str:
    """A news item's dateline (``3月6日，`` after 讯/电 and a bracket, ``21日下午，``), completed
    from the page's date, or for a month-day dateline on a page without one from ``year`` (the
    year the document is about); '' when nothing completes it or there is no dateline."""
    for para in paragraphs[:head]:
        m = AGENCY_DATELINE.match(para) or _DATELINE.match(para)
        if not m:
            continue
        follows = para[m.end() : m.end() + 1]
        if not (m.group("m") or m.group("y") or re.match(r".{0,30}?(讯|电)", para) or follows in "，,上下晚早"):
            continue
        if m.group("y") and m.group("m"):
            return iso(int(m.group("y")), int(m.group("m")), int(m.group("d")))
        if not published and year and m.group("m"):
            # no page date: the year the document is about completes a month-day dateline
            return iso(year, int(m.group("m")), int(m.group("d")))
        if not published:
            return ""
        year, month = int(published[:4]), int(published[5:7])
        d = int(m.group("d"))
        if m.group("m"):
            mo = int(m.group("m"))
            return iso(year - (mo > month), mo, d)
        return _day_before(published, d)
    if published:
        for para in paragraphs[: min(head, 6)]:
            m = _SUBJECT_DAY.match(para)
            if m:
                return _day_before(published, int(m.group("d")))
    return ""


def _day_before(published: str, d: int) -> str:
    """Day ``d`` of the page date's month, or of the month before when it is later than the page."""
    year, month, day = int(published[:4]), int(published[5:7]), int(published[8:10])
    return iso(year, month, d) if d <= day else iso(year - (month == 1), 12 if month == 1 else month - 1, d)
