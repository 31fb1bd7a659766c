"""A document's own 发文字号 (罗办发〔2017〕1号: issuing body's abbreviation, year, serial),
recognised by what it is (pure). Its 文种 is ``genres``' (the genre word its title ends with).

A 发文字号 is an abbreviation, a year in brackets of any kind (〔〕 [] () （） 【】), a serial and
号; year and serial in digits or, in older and typed-out numbers, in Chinese numerals. A
government order's number seldom has a year (渝府令第121号; 交通运输部令2019年第1号); a national
body's 公告 is numbered by year without brackets, or by serial alone (国家税务总局公告2019年第3号,
国家知识产权局公告第三二〇号); an announcement may carry its serial
alone under its heading (公告 / 第一号). A document's own stands where a 公文 puts it, not inside a sentence: in a field labelled
文号/发文字号 (the page's field table, a database row's field), on a line of its own near the
top or the end, or after the title on the title's line. A number inside a sentence is another
document's, cited or forwarded (根据《…》（国发〔2015〕1号）), and is never taken.
"""

from __future__ import annotations

import functools
import itertools
import re
import unicodedata
from dataclasses import dataclass, replace

from explore.ingest.dates import MONTH_DAY, WRITTEN_DATE, find_date
from explore.ingest.gazetteer import count_mentions, place_names
from explore.ingest.genres import genre_of, genres, serial_genres
from explore.ingest.header_fields import label_pattern
from explore.ingest.issuers import is_national
from explore.ingest.numerals import cn_number
from explore.ingest.script import PROSE, to_simplified
from explore.ingest.units import is_unit

# (〈〉 〖〗 <>: pages and typists stand them in for 〔〕, 商产发〈2007〉92号; a bracket a page could not
# write is a ? or a lost character's mark, 罗办发?2017?1号)
_OPEN, _CLOSE = "〔\\[【(（〈〖<?\ufffd", "〕\\]】)）〉〗>?\ufffd"
# a page that dropped the brackets altogether runs the year on after the abbreviation's last
# character, which names what the document is (滨教函202011号, 罗办发 2017 1号): digits only
_BARE_END = "发函字办规通复电令"
# the abbreviation: Han characters, none of the small words a sentence joins them with
_SMALL = "的了和与及在对"
_ORG = rf"(?:(?![{_SMALL}])[\u4e00-\u9fff]){{1,12}}?"
# an older or typed-out number writes its year and serial in Chinese numerals: 黑政办发〔二〇〇七〕十二号
_CN = "〇○零一二三四五六七八九"
NUMBER = re.compile(
    rf"(?P<org>{_ORG})(?:\s*(?P<open>[{_OPEN}])\s*|(?<=[{_BARE_END}])\s?(?=(?:19|20)\d{{2}}\s?\d{{1,4}}\s*[号號]))"
    rf"(?P<year>(?:19|20)\d{{2}}|(?:一九|二[〇○零])[{_CN}]{{2}})\s*(?(open)[{_CLOSE}]\s*第?\s*|\s?)"
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
    rf"(?P<open>[(（])?\s*(?P<org>{_ORG})?\s*(?:[{_OPEN}]\s*(?P<year>(?:19|20)\d{{2}})\s*[{_CLOSE}])?\s*(?(year)第?|第)\s*"
    rf"(?P<serial>\d{{1,5}}|[{_CN}十百]{{1,6}})\s*[号號]\s*(?(open)[)）])"
)
_PATTERNS = (NUMBER, ORDER, YEARLY)

# a field's label and what closes it: 文号: X, 文 号 | X, [ 发文字号 ] | X, 备注/文号:X
_FIELD = re.compile(rf"(?:{label_pattern('number')})[\s\]】）)]*(?:[:：|]\s*){{0,2}}")
# any field's label and its colon: a number that runs on into one (国办发〔2019〕12号签发人：张三, an
# upward document's header line, its spaces lost) stands on the field line, not in a sentence
_NEXT_FIELD = re.compile(rf"\s*(?:{label_pattern()})\s*[:：]")
# fields and their values standing beside a number on its line (签发人：张三, 发布时间：… 来源：…)
_FIELDS_BEFORE = re.compile(rf"(?:(?:{label_pattern()})\s*[:：]\s*[^\s:：|]{{1,20}}\s*)+")
# a Markdown table's rule between its labels' row and its values' (| --- | --- |)
_TABLE_RULE = re.compile(r"(?=[^-]*-)[\s|:：+=-]+")
_HEAD, _TAIL = 12, 6  # paragraphs where a 公文 puts its number: under the red header, by the signature
_MAX_HEAD = 40  # a page whose navigation fills the first lines: its head reaches down to the body


# the addressees run on after the number with no space (汕府办[2015]29号各县(市、区)人民政府,…:), an
# organ's own offices first (杨府办发〔2014〕115号区政府各委、办、局,各街道办事处…:)
_ADDRESSEES = re.compile(r"(?:[\u4e00-\u9fff]{0,6}?(?:政府|党委|机关))?各(?!位)[^。:：]{1,80}[:：]")
# marks before a number that are no words: a rule (——), a journal abstract's start (<正>, 【正】)
_MARK = re.compile(r"[^\w]*|[<‹〈【]正[>›〉】]")
# the body's opening words run on after the number (京政发[2015]17号为有效降低…, a journal's abstract of
# the document); a cited number is what a sentence goes on about (国发〔2015〕1号要求…, …文件精神)
_BODY_OPENING = re.compile(r"为(?:了|进一步|深入|加快|切实|全面|有效|加强|推进|规范|做好)|根据|按照|依据")
# words that cite or forward another document's number: no abbreviation begins with them
_CITING = re.compile(r"根据|依据|按照|参照|转发|印发|执行|落实|贯彻|关于|对")
_ACCORDING = re.compile(r"根据|依据|按照|参照")  # a line that opens on them is a sentence, whatever follows


_DATE = re.compile(rf"{WRITTEN_DATE}|{MONTH_DAY}")


@dataclass(frozen=True)
class DocNumber:
    text: str  # as the document writes it
    org: str  # the issuing body's abbreviation: 罗办发
    year: int | None  # None for a number without one (渝府令第121号)
    serial: int


def _find(folded: str) -> tuple[int, re.Match[str]] | None:
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
    dated = _DATE.search(found["org"])
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


def _number(text: str, folded: str, start: int, found: re.Match[str]) -> DocNumber:
    """The number ``_find`` found in ``folded`` (``text`` folded), as ``text`` writes it: folding
    full-width characters keeps every place (２０２０ stays)."""
    written = text[start : found.end()] if len(folded) == len(text) else folded[start : found.end()]
    org = found.groupdict().get("org") or ""
    org = folded[start : found.start()] + org if start < found.start() else org[start - found.start() :]
    year = found.groupdict().get("year")
    return DocNumber(written.strip(), org, _value(year) if year else None, _value(found["serial"]))


def _opening(folded: str, start: int, found: re.Match[str]) -> int:
    """Where the number found at ``start`` begins: an abbreviation may open with a character that
    sentences use as a small word, which the pattern leaves out (国务院和国发〔2015〕1号); it is the
    abbreviation's when it begins a place's name with the character after it (和政发〔2019〕3号 of
    和政县, 和平区's 和平…)."""
    if found.re is NUMBER and start > 0 and folded[start - 1 : start + 1] in _small_word_places():
        return start - 1
    return start


def _opens_with_number(folded: str) -> bool:
    """Whether ``folded`` opens with a number (its abbreviation's first character may be a small
    word's, ``_opening``)."""
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
    if (hit := _find(folded)) is not None:
        return _number(text, folded, _opening(folded, *hit), hit[1])
    serial = SERIAL.fullmatch(folded.strip())
    return None if serial is None else _number(text.strip(), folded.strip(), 0, serial)


def opening_number(line: str) -> int:
    """Where a number that ``line`` opens with ends (法规国家税务总局公告2018年第58号 国家税务总局关于…
    → the space after 号), or 0: the title after it is the document's."""
    folded = unicodedata.normalize("NFKC", line)
    if not _ends_a_number(folded) or (hit := _find(folded)) is None or hit[1].start() > 0:
        return 0
    return hit[1].end() if len(folded) == len(line) else 0


def _ends_a_number(text: str) -> bool:
    """Whether ``text`` holds the 号 every number ends with: a text without one is passed over
    before the patterns, whose lazy abbreviation is tried at each character (4% of a document's
    reading, in a profile)."""
    return "号" in text or "號" in text


def _alone(line: str, *, head: bool) -> DocNumber | None:
    """A number that is the whole line, or follows the title on its line (…的通知 X发〔2023〕1号,
    …的通知(岳办发〔2017〕5号)); near the top the body may run on after it on the same line (a
    page that lost its line breaks). A number after a cited title (《…的通知》（国发〔2015〕1号）)
    is that document's."""
    line = line.strip()
    folded = unicodedata.normalize("NFKC", line)
    if not _ends_a_number(folded) or (hit := _find(folded)) is None:
        return None
    start, found = hit
    start = _opening(folded, start, found)
    # (an order's or a 公告's tag run on before its body's name, 法规国家税务总局公告…, is no text before it;
    # nor is a mark without words, a rule's —— or a journal abstract's <正>)
    before = folded[: start if found.re is NUMBER else min(start, found.start())].strip().rstrip("(（").strip()
    before = "" if _MARK.fullmatch(before) else before
    titled = bool(before) and not before.endswith("》") and bool(genre_of(before))
    ends = not folded[found.end() :].strip(" )）|")  # (a table's bar after it is no text)
    if _CITING.match(found["org"][start - found.start() :]) or _ACCORDING.match(before):
        return None  # 根据国发〔2015〕1号, 转发国发〔2015〕1号, 根据2016年…公告第46号: another document's, cited
    after = folded[found.end() :]
    # near the top, a 公文's header matter beside it, the line's other cells: its issuing organ or
    # the organ's red header (深圳市人民政府文件 深府〔2019〕1号), a signer (签发人：张三), a register's code
    # (ZJSP01-2017-0001), a page's fields or a date (浙江省人民政府办公厅 | 浙政办发〔2017〕1号 | 2017-03-01)
    beside = head and _header_matter(before) and _header_matter(after)
    # a law database's line of date and number (2000年12月28日 税委会[2000]17号), or a date line run
    # together with the number and the addressees (二○一四年十一月十八日杨府办发〔2014〕115号区政府各委…:)
    dated = bool(before) and _date_cell(before)
    # near the top, what a number runs on into: the addressees, a field's label, the body's opening,
    # after a space or none; or a page's headline: its number, then the title it numbers (凌政办发[2020]35号凌海市…的通知)
    runs_on = head and (
        after[:1].isspace()
        or bool(_ADDRESSEES.match(after) or _NEXT_FIELD.match(after) or _BODY_OPENING.match(after))
        or (bool(genre_of(after)) and not PROSE.search(after))
    )
    # near the top, a number in brackets that closes a line of no sentence: a headline's own, its
    # title run on into a note before it (…启动公告 用于(…项目)(绵府征地公告〔2021〕115号))
    bracketed = head and ends and folded[:start].rstrip().endswith(("(", "（")) and not PROSE.search(before)
    # near the top, a heading that opens on 关于 though a page cut its genre word, the number after
    # it between spaces (关于…孔明灯(许愿灯)的 陆府通〔2019〕2号 为减少…)
    cut_title = head and before.startswith("关于") and not PROSE.search(before) and (ends or after[:1].isspace())
    if not (
        (ends and (not before or titled or dated))
        or beside
        or cut_title
        or (bracketed and not before.endswith("》"))
        or (head and titled)
        or ((not before or dated) and runs_on)
        or _promulgating(folded[:start], after)
    ):
        return None
    return _number(line, folded, start, found)


_CELLS = re.compile(r"\s*[|\t]\s*|\s{2,}")
_CODE = re.compile(r"[A-Za-z0-9][A-Za-z0-9/_.-]{3,}")  # a register's code: ZJSP01-2017-0001
_CELL_NOTE = re.compile(r"[(（][\u4e00-\u9fff]{2,8}[)）]")  # (此件公开发布)


def _header_matter(text: str) -> bool:
    """Whether ``text``, part of a line beside a number, is a 公文's or a page's header matter in
    cells (split by bars, tabs or runs of spaces), or nothing: every cell a unit or its red header,
    a date, a code, a note in brackets, or fields (签发人：张三, 发布时间：2017-03-01 来源：区政府办)."""
    return all(
        is_unit(cell.removesuffix("文件"))
        or _date_cell(cell)
        or any(p.fullmatch(cell) for p in (_CODE, _CELL_NOTE, _FIELDS_BEFORE))
        for cell in _CELLS.split(text.strip(" |\t"))
        if cell
    )


def _date_cell(text: str) -> bool:
    """Whether ``text`` is a date and no more (2000年12月28日, 2017-03-01), not a sentence naming one."""
    return len(text) <= 16 and find_date(text) != "" and not PROSE.search(text)


# a law's or regulation's note under its title, in brackets on a line of its own: the order that
# made it law, dated (（2021年7月27日中华人民共和国国务院令第746号公布）, （…会议通过 2018年8月31日中华人民共和国
# 主席令第六号公布 自2019年1月1日起施行）): the order's number is the document's own
_NOTE_DATE = re.compile(rf"(?:^\(|\s)\s*{_DATE.pattern}\s*$")
_PROMULGATED = re.compile(r"\s*(?:公布|发布|颁布)")


def _promulgating(before: str, after: str) -> bool:
    """Whether a number stands in a promulgation note (``_NOTE_DATE``): ``before`` it, a line that
    opens a bracket and ends on the date, or the date alone (a law library's header lines, 2022年6月6日
    中华人民共和国国家安全部令第2号公布); ``after`` it, 公布, 发布 or 颁布."""
    dated = _NOTE_DATE.search(before) if before.startswith("(") else _DATE.fullmatch(before.strip())
    return bool(dated) and bool(_PROMULGATED.match(after))


def _broken(line: str, below: str, *, head: bool) -> DocNumber | None:
    """A number broken over two lines, as printed or as a page wrapped it (内蒙古自治区人民政府令 /
    第82号, 京政办发〔2019〕 / 5号): neither line holds it, the two joined do, across the break."""
    line, below = line.strip(), below.strip()
    # the 号 of a number across the break stands below it: most pairs need no search at all
    if not _ends_a_number(below):
        return None
    if to_simplified(line) in serial_genres():
        return None  # a heading's genre word on its own last line (…领导小组办公室 / 公告 / 〔2020〕1号) is no abbreviation
    if any(_find(unicodedata.normalize("NFKC", x)) for x in (line, below)):
        return None  # (a number found in the two joined then stands across the break)
    return _alone(line + below, head=head)


def own_number(lines: list[str], *, header: list[str] = (), record: str = "", title: str = "") -> DocNumber | None:
    """The document's own 发文字号 (see the module docstring): a record's field, then a labelled
    field (文号: X), then a line of its own near the top, then near the end, then under the
    ``title`` wherever the page prints it; None when the document states none. ``lines``: its
    paragraphs; ``header``: the page's field lines. A record's number that the text prints too,
    the same year and serial, is given as the text writes it (国令第707号 in the row's field,
    中华人民共和国国务院令第707号 under the heading): the document's own words."""
    written = _in_text(lines, header=header, title=title)
    if record and (found := parse_number(record)):
        same = written is not None and (written.year, written.serial) == (found.year, found.serial)
        return written if same else found
    return written


def _in_text(lines: list[str], *, header: list[str], title: str) -> DocNumber | None:
    """``own_number`` without a record: the fields, then the lines where a 公文 puts its number."""
    # the page's field table stands above the text or below it (索引号 | 文号 | 发布机构 …), however
    # far a portal's menus pushed it down
    fields = [*header, *lines[: max(_HEAD, _body_start(lines))], *lines[-2 * _TAIL :]]
    for at, line in enumerate(fields):
        simple = to_simplified(line)  # the labels are Simplified (文號 is 文号)
        if not (field := _FIELD.search(simple)):
            continue
        rest = (line if len(simple) == len(line) else simple)[field.end() :]
        if _opens_with_number(unicodedata.normalize("NFKC", rest).lstrip()):
            return parse_number(rest)
        # a table flattened a row a line: the labels' row, then their values' (文 号 发布机构 /
        # N001-2011-000627 宛政〔2011〕7号); or the label's value on the next line
        # (a Markdown table's rule between them, | --- | --- |, is no row)
        below = (f for f in fields[at + 1 : at + 3] if not _TABLE_RULE.fullmatch(f))
        values = next(below, "")
        # (not 关于转发国发〔2015〕1号的通知: a title naming the number it forwards)
        found = None if re.search(r"\d", rest) else parse_number(values)
        found = None if found and PROSE.search(values.replace(found.text, "")) else found
        if found and not _CITING.search(found.org):
            return found
    top = _head(lines)
    cited = _cited(lines)
    for head, part in ((True, top), (False, lines[-_TAIL:])):
        if found := _first_alone(part, head=head, cited=cited):
            return found
    return _announced(top) or _under_title(lines, title, cited)


def _first_alone(part: list[str], *, head: bool, cited: set[str]) -> DocNumber | None:
    """The first number in ``part`` on a line of its own or broken over two (``_alone``,
    ``_broken``), but none a sentence cites: a forwarded document's heading printed below the
    notice that forwards it carries the number the notice cites (现将《国务院关于…的批复》
    (国函〔2009〕125号)转发给你们): that document's."""
    for line, below in itertools.zip_longest(part, part[1:], fillvalue=""):
        found = _alone(line, head=head) or _broken(line, below, head=head)
        if found and unicodedata.normalize("NFKC", found.text) not in cited:
            return found
    return None


# lines under a title where its 文号 stands (its organ, an order's heading between), and above it
# (under a red header: 穗府办规〔2024〕13号 / 广州市人民政府办公厅关于…的通知)
_UNDER, _ABOVE = 8, 2


def _under_title(lines: list[str], title: str, cited: set[str]) -> DocNumber | None:
    """A number on a line of its own by the title, where menus pushed the heading far down a page
    (a portal's navigation over its article): the lines around the first that prints it alone."""
    want = "".join(title.split())
    if len(want) < 6:
        return None
    # the heading on a line of its own, not a field or a link that names it (标题：…, 【解读】《…》)
    printed = ("".join(to_simplified(line).split()) for line in lines)
    at = next((k for k, line in enumerate(printed) if line == want), None)
    if at is None:
        return None
    return _first_alone(lines[max(0, at - _ABOVE) : at + _UNDER], head=True, cited=cited)


def _cited(lines: list[str]) -> set[str]:
    """The numbers a sentence cites after a document's title (《…》(国函〔2009〕125号)), NFKC-folded."""
    out = set()
    for line in lines:
        if "》" in line and PROSE.search(line) and _ends_a_number(line):
            folded = unicodedata.normalize("NFKC", line)
            for m in re.finditer(r"》\s*[(]", folded):
                if (hit := _find(folded[m.end() : m.end() + 30])) is not None and hit[1].start() == 0:
                    out.add(folded[m.end() : m.end() + hit[1].end()].strip())
    return out


def _head(lines: list[str]) -> list[str]:
    """The lines above the body, where a 公文 puts its number: the first ``_HEAD``, or down to the
    body's first paragraph of prose on a page whose navigation fills them (站群导航 | 加入收藏 | …)."""
    start = _body_start(lines[:_MAX_HEAD])
    return lines[: max(_HEAD, start + 1)] if start < min(len(lines), _MAX_HEAD) else lines[:_HEAD]


def _body_start(lines: list[str]) -> int:
    """Where the body's first paragraph of prose stands (``len(lines)`` when none does)."""
    return next((k for k, line in enumerate(lines) if len(line) >= 50 and len(PROSE.findall(line)) >= 2), len(lines))


def _announced(head: list[str]) -> DocNumber | None:
    """An announcement's serial on a line of its own under its heading (``SERIAL``): within three
    lines of a heading that ends with a genre numbered by serial alone (公告, 通告; an issuer's
    name may stand between). A serial under any other line (一、总体要求 / 第1号) is not a number."""
    for at, line in enumerate(head):
        folded = unicodedata.normalize("NFKC", line).strip()
        if not (serial := SERIAL.fullmatch(folded)):
            continue
        above = ("".join(x.split()) for x in head[max(0, at - 3) : at])
        if any(not PROSE.search(x) and x.endswith(serial_genres()) for x in above):
            found = _number(line.strip(), folded, 0, serial)
            # a serial in brackets on its line, (县疫情防控指挥部第1号): the brackets are no part of it
            return replace(found, text=found.text[1:-1].strip()) if serial["open"] else found
    return None
