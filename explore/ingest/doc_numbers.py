"""A document's own 发文字号 among its lines (pure). Its forms are ``doc_number_forms``'; its
文种 is ``genres``' (the genre word its title ends with).

A document's own number stands where a 公文 puts it, not inside a sentence: in a field labelled
文号/发文字号 (the page's field table, a database row's field), on a line of its own near the
top or the end, or after the title on the title's line. A number inside a sentence is another
document's, cited or forwarded (根据《…》（国发〔2015〕1号）), and is never taken.
"""

from __future__ import annotations

import itertools
import re
import unicodedata
from dataclasses import replace

from explore.ingest.dates import find_date
from explore.ingest.doc_number_forms import (
    DATE,
    NUMBER,
    SERIAL,
    DocNumber,
    ends_a_number,
    find_number,
    number_at,
    number_opening,
    opens_with_number,
    parse_number,
)
from explore.ingest.genres import genre_of, serial_genres
from explore.ingest.header_fields import label_pattern
from explore.ingest.script import PROSE, to_simplified
from explore.ingest.units import is_unit

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


def _alone(line: str, *, head: bool) -> DocNumber | None:
    """A number that is the whole line, or follows the title on its line (…的通知 X发〔2023〕1号,
    …的通知(岳办发〔2017〕5号)); near the top the body may run on after it on the same line (a
    page that lost its line breaks). A number after a cited title (《…的通知》（国发〔2015〕1号）)
    is that document's."""
    line = line.strip()
    folded = unicodedata.normalize("NFKC", line)
    if not ends_a_number(folded) or (hit := find_number(folded)) is None:
        return None
    start, found = hit
    start = number_opening(folded, start, found)
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
    return number_at(line, folded, start, found)


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
_NOTE_DATE = re.compile(rf"(?:^\(|\s)\s*{DATE.pattern}\s*$")
_PROMULGATED = re.compile(r"\s*(?:公布|发布|颁布)")


def _promulgating(before: str, after: str) -> bool:
    """Whether a number stands in a promulgation note (``_NOTE_DATE``): ``before`` it, a line that
    opens a bracket and ends on the date, or the date alone (a law library's header lines, 2022年6月6日
    中华人民共和国国家安全部令第2号公布); ``after`` it, 公布, 发布 or 颁布."""
    dated = _NOTE_DATE.search(before) if before.startswith("(") else DATE.fullmatch(before.strip())
    return bool(dated) and bool(_PROMULGATED.match(after))


def _broken(line: str, below: str, *, head: bool) -> DocNumber | None:
    """A number broken over two lines, as printed or as a page wrapped it (内蒙古自治区人民政府令 /
    第82号, 京政办发〔2019〕 / 5号): neither line holds it, the two joined do, across the break."""
    line, below = line.strip(), below.strip()
    # the 号 of a number across the break stands below it: most pairs need no search at all
    if not ends_a_number(below):
        return None
    if to_simplified(line) in serial_genres():
        return None  # a heading's genre word on its own last line (…领导小组办公室 / 公告 / 〔2020〕1号) is no abbreviation
    if any(find_number(unicodedata.normalize("NFKC", x)) for x in (line, below)):
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
        if opens_with_number(unicodedata.normalize("NFKC", rest).lstrip()):
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
        if "》" in line and PROSE.search(line) and ends_a_number(line):
            folded = unicodedata.normalize("NFKC", line)
            for m in re.finditer(r"》\s*[(]", folded):
                if (hit := find_number(folded[m.end() : m.end() + 30])) is not None and hit[1].start() == 0:
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
            found = number_at(line.strip(), folded, 0, serial)
            # a serial in brackets on its line, (县疫情防控指挥部第1号): the brackets are no part of it
            return replace(found, text=found.text[1:-1].strip()) if serial["open"] else found
    return None
