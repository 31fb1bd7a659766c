"""Who issues a document and at which level of government (pure).

The issuer is read where documents name it, by what the words are (government units,
``ingest.units``), not by where a layout puts them: the organs before 关于/印发 in the title
(中共X区委办公室 X区人民政府办公室关于…: a joint document has several), a header field
(发文机关, 发布机构), the organs that sign it above its date at the end, a "X文件" masthead,
and for a government work report the government that gives it. ``level`` is national for a
national body (国务院, 发展改革委, …), else the level of the most specific place the document
is about: a district or county-level city is ``county``; a municipality's own document
(北京市, 重庆市 …) is ``province``.
"""

from __future__ import annotations

import functools
import itertools
import re
from typing import Literal

from explore.ingest.dates import SPEAKER_AT, WRITTEN_DATE, find_date
from explore.ingest.gazetteer import count_mentions
from explore.ingest.header_fields import label_pattern as field_labels
from explore.ingest.script import SENTENCE_MARKS
from explore.ingest.units import is_unit, normalise, split_units, vocabulary

Level = Literal["national", "province", "city", "county", ""]
LEVELS: tuple[Level, ...] = ("national", "province", "city", "county")
MUNICIPALITIES = frozenset({"北京市", "天津市", "上海市", "重庆市"})
SEPARATOR = " | "  # between the issuers of a joint document, in the docs table

_FIELD = re.compile(rf"(?:{field_labels('issuer', spaced=False)})\s*[:：]\s*(.+)")
_TITLE_ORGANS = re.compile(r"^(.{2,120}?)(?:关于|印发|转发)")
_MASTHEAD = re.compile(r"^(.{4,60}?)\s*文件$")
_FORWARDS = re.compile(r"^(?:转发|批转)")
_PROSE = re.compile(f"[{SENTENCE_MARKS}：:]")  # an organ's line holds no colon either
_REPORTS_FOR = re.compile(r"我代表([\u4e00-\u9fff（）()]{2,30}?)[，,]?\s*向(?:大会|全会)")
_ENTRUSTED = re.compile(r"^受([\u4e00-\u9fff（）()]{2,30}?)的?委托[，,]\s*(?:现将|现向|我)")
_WORK_REPORT = re.compile(r"政府工作报告")
# A title about a work report that is not one: its resolution, its task division, a news item.
_ABOUT_A_REPORT = re.compile(r"决议|关于|印发|分解|分工|任务|责任|进展|落实|读懂|解读|审议")
# Where one issuer's name ends and a joint issuer's begins when a page dropped the space between
# them (中共嵊泗县委办公室嵊泗县人民政府办公室): after an office's or a government's name.
_GLUED = re.compile(r"(?:(?<=办公室)|(?<=办公厅)|(?<=人民政府))(?!办公|党组)(?=[\u4e00-\u9fff]{3})")
# 区人民政府办公室 written bare: the place the document is about completes it.
_BARE = re.compile(r"^(?:中共)?([省市区县])(?!场)(?=[\u4e00-\u9fff])")  # not 市场监管局


def units_of(text: str) -> list[str]:
    """The units ``text`` consists of, or [] when anything else stands in it (a sentence that
    merely names an organ is no signature). Spaces part joint issuers (X委办公室 X政府办公室)."""
    units, rest = [], ""
    for piece in text.split():
        piece = normalise(piece)
        parts = _GLUED.split(piece)
        found = parts if len(parts) > 1 and all(is_unit(p) for p in parts) else split_units(piece)
        units += found
        for u in found:
            piece = piece.replace(u, "", 1)
        rest += piece
    return units if units and not re.sub(r"[、，,和及与]", "", rest) else []


def _complete(unit: str, places: dict[str, str]) -> str:
    """区人民政府办公室 → 蔡甸区人民政府办公室 when the document is about 蔡甸区."""
    m = _BARE.match(unit)
    if m and any(unit.startswith(p.name, m.start(1)) for p in count_mentions(unit[: m.start(1) + 8])):
        return unit  # 市中区政府办公室 names a district that opens with 市, not a bare 市
    place = places.get(m.group(1), "") if m else ""
    return unit[: m.start(1)] + place + unit[m.end(1) :] if m and place else unit


# a date closing a line (the signature's: 陆丰市人民政府 2019年1月21日)
_CLOSING_DATE = re.compile(rf"\s+{WRITTEN_DATE}$")


def signed_line(line: str) -> list[str]:
    """The units of a signature run on one line, the date after them (陆丰市人民政府 2019年1月21日); []
    when ``line`` is none."""
    dated = _CLOSING_DATE.search(line)
    return units_of(line[: dated.start()].strip()) if dated else []


def _signers(paragraphs: list[str], *, tail: int = 8) -> list[str]:
    """The organs on the lines right above the last date line of the document's end, or on the
    date's own line before it."""
    end = paragraphs[-tail:]
    for i in range(len(end) - 1, -1, -1):
        line = end[i].strip()
        if len(line) <= 60 and (units := signed_line(line)):
            return units
        if i == 0 or len(line) > 20 or not find_date(line):
            continue
        found: list[str] = []
        for above in reversed(end[max(0, i - 3) : i]):
            units = units_of(above) if len(above) <= 60 else []
            if not units:
                break
            found = units + found
        if found:
            return found
    return []


def infer_issuers(
    header: list[str],
    paragraphs: list[str],
    *,
    title: str,
    district: str = "",
    city: str = "",
    province: str = "",
    stated: str = "",
) -> list[str]:
    """The issuing bodies, in order; [] when the document names none. A body written with a
    bare 区/县/市/省 is completed with the place the document is about (区人民政府办公室 →
    蔡甸区人民政府办公室), so one body has one name across documents; a work report's body is
    its place's 人民政府. ``stated``: the issuer a database row names, which wins."""
    places = {"区": district, "县": district, "市": city, "省": province}
    place = district or city or province
    found = split_units(stated) if stated else []  # a record's own issuer field (``records``)
    return [_complete(u, places) for u in found or _found(header, paragraphs, title=title, place=place)]


# A cover letter's words that issue what follows (《…方案》已经市政府同意，现印发给你们): its signature
# stands right under it, above the attachment
_COVER = re.compile(r"印发给你们|现予印发|现将[^。]{0,60}印发")


def _cover_signers(paragraphs: list[str], *, head: int = 20) -> list[str]:
    """The organs that sign a cover letter at the top of the page, above the plan it issues."""
    at = next((k for k, line in enumerate(paragraphs[:head]) if _COVER.search(line)), None)
    return [] if at is None else _signers(paragraphs[at + 1 : at + 5], tail=4)


def _found(header: list[str], paragraphs: list[str], *, title: str, place: str) -> list[str]:
    # Who signs it first: a title's 省政府印发… may be signed by 省政府办公厅.
    if units := _signers(paragraphs) or _cover_signers(paragraphs):
        return units
    m = _TITLE_ORGANS.match(title.strip())
    # 转发X关于…的通知: X issued what is forwarded, not the notice that forwards it
    if m and not _FORWARDS.match(title.strip()) and (units := units_of(m.group(1))):
        return units
    # the organ on a line of its own right above the title (a law database's page: 国防科学技术工业委员会
    # / 关于印发…的通知)
    for line, below in itertools.pairwise(paragraphs[:13]):
        organ = line.strip()
        above = title and below.strip() == title.strip() and len(organ) <= 40 and not _PROSE.search(organ)
        if above and (units := units_of(organ)):
            return units
    for line in header:
        f = _FIELD.search(line)
        if f and (units := split_units(f.group(1))):
            return units
    for line in paragraphs[:3]:
        masthead = _MASTHEAD.match(normalise(line))
        if masthead and (units := units_of(masthead.group(1))):
            return units
    # the body on a report's speaker line (——2023年2月8日在…代表大会第三次会议上 / 重庆市合川区财政局),
    # the line broken in two too (——2020年7月30日在邕宁区第三届人民代表大会 / 常务委员会第二十九次会议上)
    head = paragraphs[:12]
    for k in range(len(head)):
        for span in (1, 2):
            organ = head[k + span].strip() if k + span < len(head) else ""
            speaker = "".join(head[k : k + span])
            if not organ or len(organ) > 30 or _PROSE.search(organ) or not SPEAKER_AT.search(speaker):
                continue
            if units := units_of(organ):
                return units
    for line in paragraphs[:8]:
        speaker = _REPORTS_FOR.search(line) or _ENTRUSTED.search(line)
        if speaker and (units := units_of(speaker.group(1))):
            # 现在，我代表国务院，向大会报告政府工作; 受市人民政府委托，我向大会报告…: the body that reports
            return units
    if place and _WORK_REPORT.search(title) and not _ABOUT_A_REPORT.search(title):
        return [f"{place}人民政府"]
    return []


def is_national(unit: str) -> bool:
    """A national body: a short form of a ministry (发展改革委) or a name opening with a
    national body (国务院办公厅, 中共中央办公厅, 全国人大常委会)."""
    vocab = vocabulary()
    return unit in vocab.national or unit.startswith(vocab.national_openings)


def all_national(issuers: list[str]) -> bool:
    """Issuers named, every one a national body: the nation's document (its level, and no place)."""
    return bool(issuers) and all(is_national(u) for u in issuers)


# How a body speaks of itself and its whole area: 全县, 我县, 本镇, 县政府, 区委 … A 区 is a county, unless
# the document is an autonomous region's own (全区 of 宁夏回族自治区).
# A body named bare is the document's own (区政府 at a clause's start); 黄埔区政府 is another.
# Not after 各 or another level's word: 各县区人民政府 addresses the counties, it is none of them.
# Each check stands after the word it checks, so that a search skips to the level's characters
# rather than trying the checks at every position (a third of the time).
_BOUNDARY = r"\s，,。；;：:、（(“年是由经对向在为将把按据请了的实"  # what may stand before a body named bare: 2023年区政府, 落实县政府…


def _own_words(*words: str) -> str:
    """The words by which a body speaks of itself, at one level (``words``: 县, 街道, 市 …)."""
    area = "|".join(f"[全本我](?<![各县区市省乡镇州][全本我]){w}" for w in words)
    # a body named bare: at a clause's start, not after another level's 、 (相关市、县政府)
    bare = "|".join(f"{w}(?<![^{_BOUNDARY}]{w})(?<![市县区]、{w})" for w in words)
    return f"{area}|(?:{bare})(?!场)(?:委|政府|人民政府|{_OWN_ORGAN})"


# A unit of the document's own government named bare: 县教育局, 市交通委, 区发改委, 省财政厅.
_OWN_ORGAN = r"[\u4e00-\u9fff]{1,8}?(?:局|厅|委员会|委|办公室|办)(?=[^\u4e00-\u9fff]|负责|牵头|配合|等|和|与|及|$)"
_SELF = {
    level: re.compile(_own_words(*words), re.M)
    # an autonomous region, prefecture or league and a banner speak of themselves as a province,
    # city and county do (自治区人民政府, 全州, 旗政府); a township or street (全镇) is counted with its county
    for level, words in (("county", ("[县区旗镇乡]", "街道")), ("city", ("[市州盟]",)), ("province", ("省", "自治区")))
}
_REGION = re.compile(_own_words("区"), re.M)
MIN_SELF = 2  # mentions: one 县政府 in passing says nothing


def _self_level(text: str, *, province: str, least: int = MIN_SELF) -> Level:
    counts = {level: len(p.findall(text)) for level, p in _SELF.items()}
    if province.endswith("自治区"):
        region = len(_REGION.findall(text))  # its 全区 is the region; a 旗 stays a county
        counts["province"] += region
        counts["county"] -= region
    if province in MUNICIPALITIES:
        counts["province"] += counts["city"]  # 北京市's 全市 is a province's whole
        counts["city"] = 0
    level, n = max(counts.items(), key=lambda kv: kv[1])
    return level if n >= least else ""  # type: ignore[return-value]


_ORDER: tuple[Level, ...] = ("province", "city", "county")


def unit_level(unit: str) -> Level:
    """The level of one body by its name: national for a national body, else its most specific
    place (福建省发改委 → province, 罗湖区市场监督管理局 → county; 北京市 is a province), or its
    bare prefix (区人民政府办公室 → county); '' when the name says none."""
    if is_national(unit):
        return "national"
    names = {p.name: p for p in count_mentions(unit)}
    at, place = 2 if unit.startswith("中共") else 0, None
    # the places that open the name, one after another (广州市增城区…): the last is the body's
    while (nxt := next((n for n in names if unit.startswith(n, at)), None)) is not None:
        place, at = names[nxt], at + len(nxt)
    if place is not None:
        return "province" if place.name in MUNICIPALITIES else place.level  # type: ignore[return-value]
    m = _BARE.match(unit)
    return {"省": "province", "市": "city"}.get(m.group(1), "county") if m else ""  # type: ignore[return-value]


def infer_level(
    *, district: str, city: str, province: str, issuers: list[str], text: str = "", title: str = "", source: str = ""
) -> Level:
    """The level of the body the document is from (see the module's docstring): a national
    issuer's, else its issuer's place's, else the body the title names bare (区政府2023年民生实事),
    else the district's. Without a district, how the document speaks of its own body and area
    (``text``: 全县, 区政府 …) may place it lower than the place it names (a county's plan that
    names only its city)."""
    if all_national(issuers):
        return "national"
    by_issuer = next((lv for lv in map(unit_level, issuers) if lv and lv != "national"), "")
    if by_issuer:
        return by_issuer
    by_source = unit_level(source) if source and units_of(source) and count_mentions(source) else ""
    if by_source:
        return by_source  # no issuer named: a page's 来源 that is a body of a named place (调兵山市政府办督查室)
    own = _self_level(text[:5000], province=province) if text else ""
    if title and (named := _self_level(title, province=province, least=1)):
        # a county's report on the province's projects (2023年10月省政府民生实事…) is the county's
        return own if own and _ORDER.index(own) > _ORDER.index(named) else named
    if district:
        return "county"
    by_place: Level = "city" if city and city not in MUNICIPALITIES else "province" if province or city else ""
    if by_place and not own and _national_words(text) >= _NATION_OVER_PLACE:
        # the nation's bodies and its whole (国务院, 全国, 我国) named again and again, no body of its own
        # place speaking: a national document that names provinces in passing
        return "national"
    if own and (not by_place or _ORDER.index(own) > _ORDER.index(by_place)):
        return own
    if by_place:
        return by_place
    if any(is_national(u) for u in issuers):
        return "national"
    # no place at all, and the text speaks of the nation's bodies (国务院, 中央预算, 全国人大):
    # a national document's news (新华社北京…电 names where it was filed, not whose it is)
    national = sum(text[:5000].count(w) for w in vocabulary().national_openings if w not in ("国家", "中华人民共和国"))
    return "national" if national >= MIN_SELF else ""


_NATION_OVER_PLACE = 8  # mentions in the first 5,000 characters


@functools.cache
def _nation() -> re.Pattern[str]:
    # each of units.txt's [nation words], unless it opens a national body's name (全国 of 全国人大)
    vocab = vocabulary()

    def word(w: str) -> str:
        bodies = [o[len(w) :] for o in vocab.national_openings if o.startswith(w) and o != w]
        return re.escape(w) + (f"(?!{'|'.join(map(re.escape, bodies))})" if bodies else "")

    return re.compile("|".join(word(w) for w in vocab.nation_words))


def _national_words(text: str) -> int:
    return len(_nation().findall(text[:5000]))


def check_level(value: str) -> Level:
    """``value`` if it is a level; ValueError naming the levels otherwise."""
    if value not in LEVELS:
        raise ValueError(f"level must be one of {', '.join(LEVELS)}, got {value!r}")
    return value  # type: ignore[return-value]
