"""What a 发文字号 looks like (pure): an issuing body's abbreviation, a year in brackets of any kind
(〔〕 [] () （） 【】), a serial and 号 (罗办发〔2017〕1号); year and serial in digits or, in older and
typed-out numbers, in Chinese numerals. A government order's number seldom has a year (渝府令第121号;
交通运输部令2019年第1号); a national body's 公告 is numbered by year without brackets, or by serial
alone (国家税务总局公告2019年第3号, 国家知识产权局公告第三二〇号); an announcement may carry its
serial alone under its heading (公告 / 第一号). ``doc_numbers`` finds which of them is the
document's own.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from dataclasses import dataclass

from explore.ingest.dates import MONTH_DAY, WRITTEN_DATE
from explore.ingest.gazetteer import count_mentions, place_names
from explore.ingest.genres import genres
from explore.ingest.issuers import is_national
from explore.ingest.numerals import cn_number

# (〈〉 〖〗 <>: pages and typists stand them in for 〔〕, 商产发〈2007〉92号; a bracket a page could not
# write is a ? or a lost character's mark, 罗办发?2017?1号; a title line unfolded writes ﹝﹞ ［］)
OPEN_BRACKETS, CLOSE_BRACKETS = "〔\\[【(（〈〖<﹝［?\ufffd", "〕\\]】)）〉〗>﹞］?\ufffd"
# a page that dropped the brackets altogether runs the year on after the abbreviation's last
# character, which names what the document is (滨教函202011号, 罗办发 2017 1号): digits only
_BARE_END = "发函字办规通复电令"
# the abbreviation: Han characters, none of the small words a sentence joins them with
_SMALL = "的了和与及在对"
_ORG = rf"(?:(?![{_SMALL}])[\u4e00-\u9fff]){{1,12}}?"
# an older or typed-out number writes its year and serial in Chinese numerals: 黑政办发〔二〇〇七〕十二号
_CN = "〇○零一二三四五六七八九"
NUMBER = re.compile(
    rf"(?P<org>{_ORG})(?:\s*(?P<open>[{OPEN_BRACKETS}])\s*|(?<=[{_BARE_END}])\s?(?=(?:19|20)\d{{2}}\s?\d{{1,4}}\s*[号號]))"
    rf"(?P<year>(?:19|20)\d{{2}}|(?:一九|二[〇○零])[{_CN}]{{2}})\s*(?(open)[{CLOSE_BRACKETS}]\s*第?\s*|\s?)"
    rf"(?P<serial>\d{{1,5}}|[{_CN}十百]{{1,6}})\s*[号號]"
)
# a ministry's full name may hold 和 (工业和信息化部, 国家发展和改革委员会), an abbreviation never does
_FULL_ORG = rf"{_ORG}(?:和{_ORG})?"
# a government order's number: 渝府令第121号, 国务院令第708号 (an organ's abbreviation + 令), its
# serial sometimes in brackets (湖北省人民政府令(第52号)); a president's names the congress in them
# (中华人民共和国主席令(九届第37号)); a ministry's may be numbered by year (交通运输部令2019年第1号)
ORDER = re.compile(
    rf"(?P<org>(?:中华人民共和国)?{_FULL_ORG}令)\s*(?:(?P<year>(?:19|20)\d{{2}})\s*年\s*)?"
    rf"(?P<open>[(（]\s*(?:[{_CN}十]{{1,3}}届\s*)?)?第\s*"
    rf"(?P<serial>\d{{1,5}}|[{_CN}十百]{{1,6}})\s*[号號](?(open)\s*[)）])"
)
# a national body numbers its 公告 by year without brackets, or by serial alone, the joint issuers
# spaced: 国家税务总局公告2019年第3号, 财政部 税务总局公告2023年第1号, 国家知识产权局公告第三二〇号
YEARLY = re.compile(
    rf"(?P<org>(?:{_FULL_ORG}\s)*{_FULL_ORG}公告)\s*(?:(?P<year>(?:19|20)\d{{2}})\s*年\s*)?第\s*"
    rf"(?P<serial>\d{{1,5}}|[{_CN}十百]{{1,6}})\s*[号號]"
)
# an announcement's number is its serial alone, on a line under its heading (…常务委员会公告 /
# 第一号, 公 告 / 〔2021〕第2号, 〔2020〕1号): a people's congress numbers its 公告 by session, with no abbreviation
SERIAL = re.compile(
    rf"(?P<open>[(（])?\s*(?P<org>{_ORG})?\s*(?:[{OPEN_BRACKETS}]\s*(?P<year>(?:19|20)\d{{2}})\s*[{CLOSE_BRACKETS}])?\s*(?(year)第?|第)\s*"
    rf"(?P<serial>\d{{1,5}}|[{_CN}十百]{{1,6}})\s*[号號]\s*(?(open)[)）])"
)
_PATTERNS = (NUMBER, ORDER, YEARLY)

DATE = re.compile(rf"{WRITTEN_DATE}|{MONTH_DAY}")


@dataclass(frozen=True)
class DocNumber:
    text: str  # as the document writes it
    org: str  # the issuing body's abbreviation: 罗办发
    year: int | None  # None for a number without one (渝府令第121号)
    serial: int


def find_number(folded: str) -> tuple[int, re.Match[str]] | None:
    """The first number in NFKC-folded text and where it starts: after the genre word of a title
    run on into it (…的通知常政发〔2023〕1号: the number is 常政发〔2023〕1号)."""
    hits = [m for m in (p.search(folded) for p in _PATTERNS) if m]
    if not hits:
        return None
    found = min(hits, key=lambda m: m.start())
    title_end = next((g for g in genres() if found["org"].startswith(g) and len(found["org"]) > len(g)), "")
    if found.re is not NUMBER:  # a body's full name, not an abbreviation: where the name begins
        start = found.start() + _organ_start(found["org"])
        # a name longer than the pattern reads begins with the place right before it (浙江省 +
        # 人民代表大会常务委员会公告第46号)
        if start == found.start():
            start -= next((k for k in range(min(8, start), 1, -1) if folded[start - k : start] in place_names()), 0)
        return start, found
    # …after a date run on before it (二○一四年十一月十八日杨府办发〔2014〕115号): no abbreviation holds one
    dated = DATE.search(found["org"])
    return found.start() + (dated.end() if dated else len(title_end)), found


def _organ_start(org: str) -> int:
    """Where the body's name begins in an order's or a 公告's ``org`` (…令, …公告): past a page's
    tag run on before it (法规国家税务总局公告 → 国家税务总局公告), at the national body it opens with
    or the place it names first; 0 when it names neither."""
    body = org.removesuffix("公告").removesuffix("令")
    for k in range(len(body) - 1):
        rest = body[k:]
        first = rest.split()[0] if rest.split() else rest
        if is_national(first) or any(rest.startswith(p.name) for p in count_mentions(rest[:12])):
            return k
    return 0


def number_at(text: str, folded: str, start: int, found: re.Match[str]) -> DocNumber:
    """The number ``find_number`` found in ``folded`` (``text`` folded), as ``text`` writes it: folding
    full-width characters keeps every place (２０２０ stays)."""
    written = text[start : found.end()] if len(folded) == len(text) else folded[start : found.end()]
    org = found.groupdict().get("org") or ""
    org = folded[start : found.start()] + org if start < found.start() else org[start - found.start() :]
    year = found.groupdict().get("year")
    return DocNumber(written.strip(), org, _value(year) if year else None, _value(found["serial"]))


def number_opening(folded: str, start: int, found: re.Match[str]) -> int:
    """Where the number found at ``start`` begins: an abbreviation may open with a character that
    sentences use as a small word, which the pattern leaves out (国务院和国发〔2015〕1号); it is the
    abbreviation's when it begins a place's name with the character after it (和政发〔2019〕3号 of
    和政县, 和平区's 和平…)."""
    if found.re is NUMBER and start > 0 and folded[start - 1 : start + 1] in _small_word_places():
        return start - 1
    return start


def opens_with_number(folded: str) -> bool:
    """Whether ``folded`` opens with a number (its abbreviation's first character may be a small
    word's, ``number_opening``)."""
    if any(p.match(folded) for p in _PATTERNS):
        return True
    return folded[:2] in _small_word_places() and NUMBER.match(folded, 1) is not None


@functools.cache
def _small_word_places() -> frozenset[str]:
    """The first two characters of the places whose names open with a small word (和政县, 和平区)."""
    return frozenset(name[:2] for name in place_names() if name[0] in _SMALL)


def _value(digits: str) -> int:
    """A year or serial written in digits or in Chinese numerals (二〇〇七 → 2007, 十二 → 12)."""
    return int(digits) if digits.isdigit() else int(cn_number(digits) or 0)


def parse_number(text: str) -> DocNumber | None:
    """The first 发文字号 in ``text``, with its parts; None when there is none. Full-width digits
    and brackets read as any others (京政发〔２０２０〕３号 → 京政发, 2020, 3)."""
    folded = unicodedata.normalize("NFKC", text)
    if (hit := find_number(folded)) is not None:
        return number_at(text, folded, number_opening(folded, *hit), hit[1])
    serial = SERIAL.fullmatch(folded.strip())
    return None if serial is None else number_at(text.strip(), folded.strip(), 0, serial)


def opening_number(line: str) -> int:
    """Where a number that ``line`` opens with ends (法规国家税务总局公告2018年第58号 国家税务总局关于…
    → the space after 号), or 0: the title after it is the document's."""
    folded = unicodedata.normalize("NFKC", line)
    if not ends_a_number(folded) or (hit := find_number(folded)) is None or hit[1].start() > 0:
        return 0
    return hit[1].end() if len(folded) == len(line) else 0


def ends_a_number(text: str) -> bool:
    """Whether ``text`` holds the 号 every number ends with: a text without one is passed over
    before the patterns, whose lazy abbreviation is tried at each character (4% of a document's
    reading, in a profile)."""
    return "号" in text or "號" in text
