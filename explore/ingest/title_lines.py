"""What a title line is, and what it is not (pure): the words by which a title is recognised
(``explore/data/titles.txt``: kinds of document, heading words, page furniture, bylines, column
names, section headings) and the lines refused as titles wherever they stand: navigation, a
table's row or header, a speaker line, a body's section heading or sentence, a 文号 alone, a line
broken in two. ``titles`` chooses among the lines that pass.
"""

from __future__ import annotations

import functools
import re
from collections import Counter
from pathlib import Path

from explore.ingest.dates import NUMERIC_DATE, WRITTEN_DATE
from explore.ingest.doc_number_forms import CLOSE_BRACKETS, OPEN_BRACKETS
from explore.ingest.header_fields import fields as header_fields
from explore.ingest.header_fields import label_pattern as field_labels
from explore.ingest.issuers import signed_line
from explore.ingest.numbering import OUTLINE_START
from explore.ingest.role_labels import label_pattern
from explore.ingest.sections import read_sections
from explore.ingest.units import is_unit

WORDS = Path(__file__).resolve().parents[1] / "data" / "titles.txt"


@functools.cache
def _words() -> dict[str, list[str]]:
    return read_sections(WORDS)


def section_headings() -> frozenset[str]:
    """``titles.txt``'s [section headings]: a body's headings, never a title."""
    return frozenset(_words().get("section headings", []))


@functools.cache
def pattern(section: str, template: str = "({})") -> re.Pattern[str]:
    """One of ``titles.txt``'s lists of expressions as one pattern, set in ``template``."""
    return re.compile(template.format("|".join(_words()[section])))


def names_kind(line: str) -> bool:
    """The line names a kind of document or an event a headline tells of (报告, 会议, 召开 …)."""
    return bool(pattern("heading words").search(line))


def kind_end(line: str) -> bool:
    """The line ends on a kind of document (…的通知, …分工方案》), before any note in brackets
    (…的通知(2000年), …实施方案(试行))."""
    return bool(pattern("kinds", "(?:{})》?$").search(without_note(line)))


def column_header(line: str) -> bool:
    """A task table's header run together on one line (实事内容工作任务责任单位进展情况): three or
    more of ``titles.txt``'s [column names]."""
    return len(pattern("column names").findall(line)) >= 3


def list_label(line: str) -> bool:
    """The label of a page's list of other pages' headlines (热点新闻, 【相关文章】, 推荐阅读:)."""
    return re.sub(r"^\W+|[\W_]+$", "", line) in _words().get("list labels", [])


def furniture(line: str) -> bool:
    """Page furniture, an addressee, a label or a byline: never a title."""
    return bool(pattern("furniture", "^(?:{})").search(line) or pattern("furniture anywhere").search(line))


# A 文号 (甘政发〔2022〕9号) standing before a title or alone on its line.
# (in any bracket a 发文字号 is written with: 方征启公告﹝2022﹞4号)
_NUMBER = rf"[\u4e00-\u9fff]{{1,10}}\s*[{OPEN_BRACKETS}]\s*(?:19|20)\d{{2}}\s*[{CLOSE_BRACKETS}]\s*第?\d+\s*号"
DOC_NUMBER = re.compile(rf"^{_NUMBER}\s*")
# …and after the title it belongs to: …的通知 常政发〔2023〕1号, …的通知(岳办发〔2017〕5号)
# …or an order's heading after a space (…土地整治办法 广西壮族自治区人民政府令 第116号)
_ORDER = r"[\u4e00-\u9fff]{2,24}令\s*[（(]?\s*第\s*\d+\s*号\s*[）)]?"
TRAILING_DOC_NUMBER = re.compile(rf"(?<=\S)(?:\s*[（(]?{_NUMBER}\s*[）)]?|\s+{_ORDER})$")
# …or with its issuer and date after it, a wiki's header line (…的批复 国函〔2010〕55号 中华人民共和国国务院 2010年6月28日 |)
NUMBER_ISSUER_DATE = re.compile(
    rf"(?<=\S)\s+{_NUMBER}\s+[\u4e00-\u9fff]{{2,30}}\s+(?:19|20)\d{{2}}\s*年\s*\d{{1,2}}\s*月\s*\d{{1,2}}\s*日[\s|]*$"
)

# What stands right under a 公文's title: its 文号 alone or bracketed ((阿署办发〔2007〕22号)), its
# addressees (各区人民政府，市政府各委、办、局：; never 各位代表：, which opens a speech), a
# report's meeting note ((2023年2月8日在县第十七届人民代表大会第二次会议上)), or a law's notes.
_UNDER_TITLE = re.compile(
    rf"^[（(]?\s*{_NUMBER}\s*[）)]?$"
    r"|^各(?!位)[^。]{1,80}[:：]$"
    r"|^[—\-－]*\s*[（(]\s*(?:(?:19|20)\d{2}\s*年[^在（()）]{0,12})?在[^（()）]{2,60}?(?:会议|大会)上[^（()）]{0,12}[）)]$"
    # the meeting note without its brackets (2016年12月13日在珙县第十七届人民代表大会第一次会议上)
    r"|^(?:19|20)\d{2}\s*年[^在（()）]{0,12}在[^（()）]{2,60}?(?:会议|大会)上$"
    # a law library's lines of adoption, promulgation and effect, a line each (2016年7月29日 浙江省…
    # 会议通过 / 2016年7月29日 …公告第46号公布 / 2016年10月1日 施行)
    r"|^(?:19|20)\d{2}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日[^（()）。]{0,60}?"
    r"(?:通过|公布|发布|颁布|施行|修正|修订)[^（()）。]{0,30}?$"
)


_ISSUES = re.compile(r"现将|印发|转发|发给|如下")  # a cover letter's sentence, not a list of names


def under_title(line: str) -> bool:
    """``line`` is one that stands right under a document's title (``_UNDER_TITLE``), or a list of
    addressees that does not open on 各 (南京、无锡…黄山市人民政府,中国石油…集团有限公司:): three or
    more names, the last a unit's, before the colon that ends the line."""
    line = line.strip()
    if _UNDER_TITLE.match(line):
        return True
    if not line.endswith((":", "：")) or "。" in line or _ISSUES.search(line):
        return False
    names = re.split(r"[、,，]", line[:-1])
    return len(names) >= 3 and is_unit(names[-1].strip())


_HEADING_PREFIX = re.compile(
    r"^(?:[一二三四五六七八九十]+、|[（(][一二三四五六七八九十]+[）)]|(?:19|20)(?:\d{2}|XX)年(?:度)?)\s*"
)
# A table's unit note and a sentence that leads into the body: no title.
_NO_TITLE_LINE = re.compile(r"^(?:金额|计量)?单位[:：]|如下[:：]$|现将")
# a phrase left open at a line's end (我市聚焦群众反映突出的 / …): the sentence goes on below it
# a sentence, not a heading: its end or a semicolon, a comma with a long clause after it, or a line
# ending on a comma, enumeration mark or colon (it goes on below)
SENTENCE = re.compile(r"[。！？!?；;]|[，,].{12,}|[，,、：:]$")
# (or a verb that opens what was found or said: 审计工作报告显示 / 2021年5月至2022年4月 / 全国共审计…)
_UNFINISHED = re.compile(r"(?:[的和与及并或对把将向从让]|显示|表明|指出)$")
# The speaker under a work report's heading (县长王亚珍, 大邑县人民政府县长 陈大用): a person, not a title.
# A bureau's head reporting for it (汕头市潮阳区审计局局长 郑创平) is one too.
_NAME = r"\s*[\u4e00-\u9fff](?:\s*[\u4e00-\u9fff]){1,2}"  # a name of two or three characters, spaced or not
_SPEAKER = re.compile(
    r"^[□■\s]*(?:[\u4e00-\u9fff]{2,12}(?:人民政府|政府))?\s*(?:代理|副)?(?:省|市|县|区|州|旗)?(?:长|主席|主任|书记)"
    # (or a longer name set apart by a space: 州长 白加扎西)
    rf"(?:{_NAME}|\s+[\u4e00-\u9fff]{{4,5}}(?:·[\u4e00-\u9fff]{{1,6}})?)$"
    rf"|^[\u4e00-\u9fff]{{2,16}}(?:局|厅|委|办)(?:代理)?(?:局长|厅长|主任){_NAME}$"
    # the nation's premier (国务院总理 李鹏)
    rf"|^国务院(?:副)?总理{_NAME}$"
)
_SQL = re.compile(r"^(set names|insert into|create (table|database)|drop |use \w+;|--|\(\d+,')", re.I)
_ITEM_FIELD = re.compile(
    rf"^[（(\[【]?\s*(?:主要)?(?:{label_pattern('lead', 'responsible', 'partner', 'leader')})\s*(?:[:：]|$)"
)


# A row of a page's field table set out with spaces: a label, a space, its value (文号 瑞政办〔2011〕129号
# 发布机构 …)
_FIELD_LINE = re.compile(rf"^(?:{field_labels()})\s+\S+\s+(?:{field_labels()})\s")


# A field's label standing as one: in brackets ([ 发布日期 ], 【生效日期】) or before its colon.
_LABEL_AS_FIELD = re.compile(rf"[【\[]\s*(?:{field_labels()})\s*[\]】]|(?:{field_labels()})\s*[:：]")
# A label of three characters or more opening the line, its value glued on (时效性现行有效)
_LONG_LABEL_START = re.compile(
    "^(?:" + "|".join(re.escape(w) for ws in header_fields().values() for w in ws if len(w) >= 3) + ")"
)
_DATE_ONLY = re.compile(rf"^{WRITTEN_DATE}$")


def han_count(text: str) -> int:
    """How many Han characters ``text`` holds."""
    return sum("\u4e00" <= ch <= "\u9fff" for ch in text)


def _field_row(line: str) -> bool:
    """A row of a page's field table (【发布日期】2016-12-06 【生效日期】…, 2023-06-03 [ 发布日期 ]
    2023-06-03, 时效性现行有效): two labels set as fields, a long label opening the line, or a
    label with no words beside it but dates and marks."""
    labels = _LABEL_AS_FIELD.findall(line)
    if len(labels) >= 2 or _LONG_LABEL_START.match(line):
        return True
    rest = _LABEL_AS_FIELD.sub("", line)
    return bool(labels) and han_count(rest) < 4


@functools.lru_cache(maxsize=8192)  # asked of a line several times while a title is chosen
def refused(line: str) -> bool:
    han = han_count(line)
    return (
        han < 4
        or len(line) > 90
        or furniture(line)
        or bool(_SQL.search(line))
        or line.count("|") >= 2
        or line.endswith("|")
        or line.startswith("|")  # a cell of a table flattened a cell a line
        or bool(re.search("[│┃┌┐└┘├┤┬┴┼]", line))  # a row of a table drawn in box characters
        or _unclosed_close(line)  # the end of a line cut in two: 第一次会议通过)
        or column_header(line)  # a table's header run together
        or line.count(",") + line.count("，") + line.count("_") >= 3  # keyword spam, lists
        or bool(re.match(r"^[—\-－]{1,2}", line))  # a speaker line
        or bool(_SPEAKER.match(line))
        or bool(OUTLINE_START.match(line))  # a section heading of the body (一、… （二）…)
        or bool(re.search(r"\d{1,2}:\d{2}", line))  # a date-time line
        or bool(re.search(r"[A-Za-z]{2,}(?:\s+[A-Za-z'’]{2,}){2,}", line))  # a site's name in English
        or bool(_ITEM_FIELD.match(line))  # an item's annotation (责任单位:县教育局) or a column's head
        or line.endswith("。")  # a sentence of the body, a photo's caption (会议现场。): a title has no full stop
        or bool(re.search(r"。.", line))  # sentences: a title has no full stop inside
        or bool(DOC_NUMBER.fullmatch(line))  # a 文号 alone
        or bool(_NO_TITLE_LINE.search(line))  # 金额单位:万元; …现将…通报如下:
        or _slogan_bar(line)
        or _bare_heading(line)
        or _kind_alone(line)
        or _same_columns(line)
        or _names_of_units(line)
        or bool(re.match(r"^\d{1,3}\s*\|", line))  # a numbered table row (3 | 农村住房政策性保险)
        or _HEADING_PREFIX.sub("", line) in section_headings()  # 一、总体要求, 2019年工作回顾
        or unfinished(line)
        or under_title(line)  # the addressees (各省、自治区…:) or a report's meeting note, which stand under it
        or bool(_FIELD_LINE.match(line))  # a row of a page's field table: 文号 瑞政办〔2011〕129号 发布机构 …
        or _field_row(line)
        or bool(_DATE_ONLY.match(line))  # a date alone (二○一○年一月七日): the signature's
        or bool(re.search(r"[，,].*[:：]$", line))  # a sentence leading into a list (…,市政府决定对以下2件…予以废止:)
        or _red_header(line)
        or bool(_CHAT.search(line))  # a page's or a post's chat to its reader (这已经是最后一期了哦!)
        or bool(_WEB_ADDRESS.search(line))  # a site's banner or footer (新江南网欢迎你/www.xjnnet.com/…)
        or bool(signed_line(line))  # a signature run on one line: 陆丰市人民政府 2019年1月21日
    )


_CHAT = re.compile(r"[吧哦嘛~～][!！~～。.]*$|(?<!吗)呢[~～。.]*$")


def chatting(lines: list[str]) -> set[int]:
    """The lines of a post that talks to its reader a phrase a line (…让我们一起看看 / 我市今年上半年做了
    哪些民生实事吧; …目前正在有序推进 / 快跟着小编一起来看下~): a chatting line and the open lines right
    above it, none a title."""
    out: set[int] = set()
    for end, line in enumerate(lines):
        if _CHAT.search(line):
            start = end
            while start > 0 and _open_line(lines[start - 1]):
                start -= 1
            if end - start >= 2:  # verse: a chat line alone is a page's popup (这已经是最后一期了哦!)
                out.update(range(start, end + 1))
    return out


def _open_line(line: str) -> bool:
    # a phrase of the verse: short, no stop at its end, not ending on a kind of document (…的通知),
    # no date or time (a post's account and date line stands between its headline and its verse)
    return (
        0 < han_count(line) <= 24
        and not re.search(r"[。！？!?；;：:]$|\d{1,2}:\d{2}", line)
        and not NUMERIC_DATE.search(line)
        and not kind_end(line)
    )


_WEB_ADDRESS = re.compile(r"https?://|www\.|\.(?:com|cn|net|org|gov)\b", re.I)


def _red_header(line: str) -> bool:
    """The red header over a 公文 (环境保护部文件, 深圳市人民政府文件): its organ's name and 文件."""
    return line.endswith("文件") and is_unit(line.removesuffix("文件").strip())


def unfinished(line: str) -> bool:
    """A line that leaves its phrase open (…反映突出的, …改革和): a piece of a sentence set a phrase
    a line, never a title; nor is the line that goes on from it."""
    return bool(_UNFINISHED.search(line.strip()))


# A row of a page's field table, which stands above the title: it opens on a field's label.
_FIELD_ROW = re.compile(rf"^\|?\s*(?:{field_labels()})\s*\|")


def body_line(line: str) -> bool:
    """A sentence of the body (it ends on a full stop) or a row of a table (a site's bar of short
    links, | 雄安 | 香港 |, is none)."""
    han = han_count(line)
    row = (line.count("|") >= 2 or line.startswith("|")) and any(len(c.strip()) >= 6 for c in line.split("|"))
    row = row and not furniture(line)  # 返回经济网首页 | 版面导航 | 标题导航
    # a bar of links to sites (中国政府网 | 重庆市人民政府网 | 万州经济技术开发区网 |)
    row = row and not all(c.strip().endswith(("网", "网站")) for c in line.split("|") if c.strip())
    row = row and not _FIELD_ROW.match(line)  # 索引号 | 000330185/2022-86781 | 公开方式 | …: the page's fields
    return (line.endswith("。") and han >= 10) or row


def _unclosed_close(line: str) -> bool:
    """A closing bracket or title mark before any opening one, or an opening one never closed: a
    piece of a line broken in two (第一次会议通过), (2016年12月10日…第十五届人民代表大会),
    …发展的意见》(国发〔2022〕18号)和全省."""
    for opening, closing in (("（(", "）)"), ("《", "》")):
        depth = 0
        for ch in line:
            depth += ch in opening
            depth -= ch in closing
            if depth < 0:
                return True
        if depth > 0:
            return True
    return False


# a bracketed note at a line's end (…实施计划(截至4月10日), 综合指标类9项(按考核目标统计)): how or
# when, not what; a title's kind and a heading's announcement are read before it
_TRAILING_NOTE = re.compile(r"\s*[（(][^（()）]*[）)]$")


def without_note(line: str) -> str:
    """``line`` without its bracketed note at the end (``_TRAILING_NOTE``)."""
    return _TRAILING_NOTE.sub("", line)


def named_kind(line: str) -> bool:
    """The line ends on a kind of document, before any bracketed note (…实施计划(截至4月10日))."""
    return kind_end(without_note(line))


def _bare_heading(line: str) -> bool:
    """A body's heading of a few words (目标任务, 教育惠民, 2024年目标任务): six characters or
    fewer besides a year, naming no kind of document. A title names its place, its subject and
    its kind (政府工作报告 names one), and a headline says what happened at more length."""
    words = re.sub(r"(?:19|20)\d{2}\s*年?", "", line)
    return han_count(words) <= 6 and not names_kind(line)


def _kind_alone(line: str) -> bool:
    """A kind of document and nothing it is about (工作要点, 2024年实施方案): the heading of a copy
    that lost its title, not a title, which names its subject (政府工作报告 names one)."""
    rest = pattern("kinds").sub("", re.sub(r"(?:19|20)\d{2}\s*年?|年度|工作|实施|的", "", line))
    return kind_end(line) and han_count(rest) <= 1


def _names_of_units(line: str) -> bool:
    """A unit's name alone or a list of them (羅店鎮人大主席團 湯溪鎮人大主席團: the units a
    decision names), not a heading about them: an issuing organ on its line above the 关于… line,
    a page's 发布机构 or a gazette's masthead (四川省人民政府办公厅) names who, never what."""
    chunks = line.split()
    if len(chunks) == 1 and names_kind(line):
        return False  # 政府工作报告新闻发布会 ends like a unit (…会) but tells of an event
    return bool(chunks) and all(is_unit(c) for c in chunks)


def _same_columns(line: str) -> bool:
    """Columns of one kind side by side (一季度二季度三季度四季度): a word three times over, a few
    characters apart (not a headline's word said thrice, 金融系统…“金融知识普及月 金融知识进万家”), in a
    line that names no kind of document."""
    pairs = Counter(line[i : i + 2] for i in range(len(line) - 1))
    return (
        len(line) <= 30
        and not names_kind(line)
        and any(
            n >= 3 and re.fullmatch(r"[\u4e00-\u9fff]{2}", p) and all(len(x) <= 4 for x in line.split(p)[1:-1])
            for p, n in pairs.items()
        )
    )


def _slogan_bar(line: str) -> bool:
    """A site's bar of short slogans (不信谣不传谣 讲文明树新风 网络安全): three or more short
    phrases apart, none of them a document's kind or an issuing phrase. Phrases of one length,
    five characters or more, are a headline's parallel (站在新起点 瞄准新目标 踏上新征程)."""
    chunks = line.split()
    parallel = len({len(c) for c in chunks}) == 1 and len(chunks[0]) >= 5
    return (
        len(chunks) >= 3
        and not parallel
        and all(re.fullmatch(r"[\u4e00-\u9fff]{2,8}", c) for c in chunks)
        and not names_kind(line)
        and not re.search("关于|印发|转发", line)
    )
