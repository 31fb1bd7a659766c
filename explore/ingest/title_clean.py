"""A title line cleaned of what a site adds to it (pure): decorations before and after it
(``(福建省)``, ``(全文)``, `` - 某某网``), a field table's next label run on after it, a page's
number, a bulletin's issue, a column tag, a 发文字号 before or after it, a watermark, the spaces of
a spaced-out heading, and words run on before its 关于 that are no issuer. ``titles`` chooses the
line; this module only cleans it.
"""

from __future__ import annotations

import functools
import re

from explore.ingest.doc_number_forms import opening_number
from explore.ingest.gazetteer import count_mentions
from explore.ingest.genres import genre_of
from explore.ingest.header_fields import fields as header_fields
from explore.ingest.header_fields import label_pattern as field_labels
from explore.ingest.numbering import OUTLINE_START
from explore.ingest.title_lines import DOC_NUMBER, NUMBER_ISSUER_DATE, TRAILING_DOC_NUMBER, han_count, kind_end
from explore.ingest.units import split_units

# a meeting's session (…人民代表大会 / 第一次会议关于…的决议)
SESSION = re.compile(r"第[一二三四五六七八九十\d]{1,3}次(?:全体)?会议")
# The next field of a page's field table run on after the title: … 文号: 泾政〔2023〕1号 (…十余部门. 来源:…).
_NEXT_FIELD = re.compile(rf"[.。．]?\s+(?:{field_labels(*(k for k in header_fields() if k != 'title'))})\s*[:：].*$")
_PREFIX = re.compile(r"^[（(\[【]\s*[\u4e00-\u9fff]{2,4}(?:省|市|自治区)?\s*[）)\]】]\s*")
# A site's name after the title follows one dash (-, _, |, —, or --); a subtitle follows two (——从…看…).
_SUFFIX = re.compile(
    # (a writing-template site's 范文, 范文3篇, 最新范文, (精选9篇): the site's offer, never the document's word;
    # a yearbook's name after a dash, as a site's: …发展回顾-高县年鉴)
    r"(?<=[\u4e00-\u9fff])(?:(?:精选|最新|优秀)?[范例]文(?:\d+篇|[一二三四五六七八九十]+篇|大全)?)$"
    # (a template site's collection and its page: …政府工作报告-10篇(第20/30页))
    r"|-\d+篇(?:\s*[（(]第\d+/\d+页[）)])?$"
    r"|\s*(?:[—–]{1,2}\s*全文|[（(\[](?:全文[\d,，]*字?|图|组图|附图|视频|文字实录|表|书面|(?:19|20)\d{2}年第?\d{1,3}[号期]|[上中下]|[上中下]篇|(?:19|20)\d{6}|(?:19|20)\d{2}年\d{1,2}月\d{1,2}日|(?:19|20)\d{2}年(?:更新|修订|最新)版?|精选\d+篇)[）)\]]|(?<!—)(?:--|[-_|–—])(?!—)\s*[\u4e00-\u9fffA-Za-z]{2,20}(?:网|网站|门户|政府|频道|报|资讯|新闻|年鉴)\S*"
    # a document library's name after a space (…管理办法 建标库, …方案 百度文库)
    r"|(?:\s+|\s*[-_|–—]\s*)[\u4e00-\u9fff]{0,6}(?:文库|标库|资料库)"
    # a gazette's issue after its article (…的决议__2007年第23号国务院公报)
    r"|[-_|]{1,2}\s*(?:19|20)\d{2}\s*年第\s*\d{1,3}\s*[号期]\s*[\u4e00-\u9fff]{2,16}公报"
    # a newspaper's series and rubric, set apart by a middle dot, in brackets or after a dash as the
    # site's channels: …争先出彩（推动高质量发展·权威发布）--经济·科技
    r"|\s*[（(][\u4e00-\u9fff]{2,12}(?:\s*[·•]\s*[\u4e00-\u9fff]{2,12})+[）)]"
    r"|\s*(?<!—)(?:--|[-_|–—])(?!—)\s*[\u4e00-\u9fff]{2,8}(?:\s*[·•]\s*[\u4e00-\u9fff]{2,8})+)$"
)
_SITE = re.compile(r"(?:网|网站|门户|政府|频道)\S*$")
_CHANNEL_SEGMENT = re.compile(r"\s*(?<!—)(?:--|[-_|–—])(?!—)\s*[\u4e00-\u9fff]{2,8}$")
# A report's speaker line run on after its heading: ——2024年1月22日在…会议上.
_RUN_ON_SPEAKER = re.compile(r"\s*[—－-]{1,2}\s*(?:19|20)\d{2}\s*年.{0,40}?在.{2,60}?会议?上.*$")
_PAGE_MARK = re.compile(r"^\d{1,3}\s*[―—－]+\s*(?:附件\s*(?:\d{1,2}(?!\d))?\s*[:：]?\s*)?(?=\S)")
_UNIT_NOTE = re.compile(r"\s+(?:金额|计量)?单位\s*[:：]\s*\S{1,6}$")
# A headline introduced by its label: a repost names the one it first ran under (原标题: …) and a
# news agency's dateline the one it sends (新华社北京12月26日电 题: …). Only the label goes: the
# line competes with the page's own headline, which a repost prints above it.
_HEADLINE_LABEL = re.compile(
    r"^(?:原标题|转载|转帖|\S{2,16}\d{1,2}日电\s*题)\s*[:：]\s*(?=\S)"
    # a field table's row of its own, label and title apart by a space (信息名称 平凉市…工作规则)
    r"|^(?:文件|信息)(?:名\s*称|标\s*题)\s*[:：]?\s*(?=\S{6})"
)
# a site's column tag: 【市政府重点工作】, or quoted and set apart (“党政混合信息公开” 中共…)
_TAG = re.compile(r"^(?:【[^】]{1,20}】\s*|“[^“”]{2,12}”\s+)")
# a bulletin's issue before the title it prints (2019年第43号(总第221号)郑州市关于…的报告)
_ISSUE = re.compile(
    r"^(?:(?:19|20)\d{2}年第\d{1,3}号\s*(?:[（(]总第\d{1,4}号[）)])?"
    # a bulletin's issue before its article (督查通报〔2024〕第9期:关于…的通报)
    r"|[\u4e00-\u9fff]{2,10}\s*[〔\[(（]?(?:19|20)\d{2}[〕\])）]?\s*第\s*\d{1,4}\s*期\s*[:：]?)\s*(?=[\u4e00-\u9fff]{4})"
)
# The next cell's label run on after a title, with no space or colon (…管理办法的通知发文机关).
_GLUED_FIELD = re.compile(rf"(?:{field_labels(*(k for k in header_fields() if k != 'title'), spaced=False)})$")
_WATERMARK = re.compile(r"(?<=[\u4e00-\u9fff）)》])[A-Za-z0-9]{2,4}$")
_EMOJI = re.compile(
    r"^[\U0001F000-\U0001FAFF\u2600-\u27BF\uFE0F\u200d\s]+|[\U0001F000-\U0001FAFF\u2600-\u27BF\uFE0F\u200d\s]+$"
)
_REPOST_DAY = re.compile(r"^\d{1,2}月\d{1,2}日(?=[\u4e00-\u9fff]{2,24}关于[\u4e00-\u9fff《“])")
_WIKI_HEADING = re.compile(r"^=+\s*|\s*=+$")
_ADOPTION_NOTE = re.compile(
    r"(?<=\S)\s*[（(]\s*(?:(?:19|20)\d{2}|(?:一九|二[〇○零])[〇○零一二三四五六七八九]{2})\s*年[^（）()]{0,60}?(?:通过|批准)\s*[）)]$"
)
_SPACED = re.compile(r"(?<=[\u4e00-\u9fff]) (?=[\u4e00-\u9fff])")


# a page's lines are cleaned several times while its title is chosen, and a site's furniture
# recurs from page to page: cleaned once a process
@functools.lru_cache(maxsize=8192)
def clean_title(line: str) -> str:
    """Site decorations, watermark letters and spaces inside a spaced heading removed."""
    line = _NEXT_FIELD.sub("", line.strip())
    line = _WIKI_HEADING.sub("", line)  # = 东营市…的决议 =: a wiki's heading marks
    line = _ADOPTION_NOTE.sub("", line)  # …的决议 (一九九三年三月十二日…会议通过): the law's note, not its title
    line = _REPOST_DAY.sub("", line)  # 3月21日永登县公安局关于…: a repost's day before the organ's heading
    line = _EMOJI.sub("", line).strip()  # 🌟沧源2024年工作报告📜: a post's decoration, at either end
    mark = _WATERMARK.search(line)
    if mark and re.search(r"[A-Za-z]", mark.group()):  # 2Iu, v7R; a year (2025) stays
        line = line[: mark.start()]
    line = _PAGE_MARK.sub("", line)  # 22 ― 附件 …: a printed page's number (and the attachment's label)
    line = re.sub(r"^\?{2,}", "", line)  # ??牡丹江市…: a mirror's indent its converter could not write
    line = re.sub(r"^Page\s+\d+\s*[-–—]\s*", "", line)  # a document viewer's page: Page 377 - 台州市路桥区志
    line = _UNIT_NOTE.sub("", line)  # … 单位:万元: the table's unit note run on after its heading
    if (glued := _GLUED_FIELD.search(line)) and kind_end(line[: glued.start()]):
        line = line[: glued.start()]
    line = _PREFIX.sub("", _HEADLINE_LABEL.sub("", _ISSUE.sub("", line)))
    tagged = _TAG.match(line)
    if tagged and sum("\u4e00" <= ch <= "\u9fff" for ch in line[tagged.end() :]) >= 6:
        line = line[tagged.end() :]  # 【两会@你】, 【市政府重点工作及责任分解】: a site's column tag
    line = _RUN_ON_SPEAKER.sub("", line)
    while (bare := _SUFFIX.sub("", line)) != line:  # …开幕[图]_天天快资讯: a mark, then the site
        # a page's <title> names its channels between the heading and the site (…的通知_政策文件_某某市人民政府网,
        # …_首页武汉_新闻中心_长江网)
        site = _SITE.search(line[len(bare) :])
        while site and (channel := _CHANNEL_SEGMENT.search(bare)) and han_count(bare[: channel.start()]) >= 6:
            bare = bare[: channel.start()]
        line = bare
    if (bare := NUMBER_ISSUER_DATE.sub("", line)) != line and genre_of(bare):
        line = bare  # …的批复 国函〔2010〕55号 中华人民共和国国务院 2010年6月28日 |: a wiki's header line
    if (bare := TRAILING_DOC_NUMBER.sub("", line)) != line:  # …的通知 常政发〔2023〕1号, …的通知(岳办发〔2017〕5号)
        line = re.sub(r"\s*[-－—–_]$", "", bare)  # …的批复-国函〔1999〕124号: and the dash that joined it
    numbered = DOC_NUMBER.sub("", line)
    if numbered != line and numbered:  # 浙政办发〔2019〕7号《浙江省人民政府办公厅关于…的通知》
        line = numbered.strip()
    end = opening_number(line)  # 国家税务总局公告2018年第58号 国家税务总局关于…的公告: a 公告's or an order's
    if end and line[end : end + 1].isspace() and line[end:].strip():
        line = line[end:].strip()
    if "关于" in line:  # a heading quoted whole (《北京市人民政府办公厅关于印发〈…〉的通知》) is the title it quotes
        line = re.sub(r"^《([^《》]+)》$", r"\1", line)
    line = re.sub(r"\.(docx?|pdf|xlsx?|wps|txt)$", "", line, flags=re.I)  # a document-sharing site's file name
    if re.fullmatch(r"(?:[\u4e00-\u9fff] )+[\u4e00-\u9fff]", line):  # 政 府 工 作 报 告, 决 定
        line = _SPACED.sub("", line)
    return _without_stray_prefix(line.strip())


_ISSUING_VERB = re.compile(r"(?:转发|印发|批转|转|发布)$")


def _without_stray_prefix(line: str) -> str:
    """A title whose 关于 follows a few words that are no issuer (即时比分关于印发…的通知: a hijacked
    page's keyword run into the line) starts at 关于; an organ, a place, a year or an issuing verb
    before it (国务院办公厅关于, 深圳市关于, 转发关于, 第一次会议关于) stays. A keyword with digits or letters
    before a quoted title goes too."""
    at = line.find("关于")
    spam = re.match(r"^([^《》]{2,10}?)《", line)
    # (an item's number and verb, 1.审议《…的请示》, is a list's line, not a keyword)
    if spam and re.search(r"[A-Za-z]|\d(?!\d*年)", spam.group(1)) and not OUTLINE_START.match(spam.group(1)):
        # 188比分直播《2023年…工作报告》政策解读: a keyword with digits or letters before a quoted title
        return line[spam.end() - 1 :]
    prefix = line[:at].strip(" ：:")
    if at <= 0 or len(prefix) > 8 or not re.search(r"[\u4e00-\u9fff]{2}", prefix):
        return line
    if (
        split_units(prefix)
        or count_mentions(prefix)
        or re.search(r"[\d《》“”]", prefix)
        or _ISSUING_VERB.search(prefix)
        or SESSION.fullmatch(prefix)  # …人民代表大会 / 第一次会议关于…的决议: the meeting's session
    ):
        return line
    return line[at:]
