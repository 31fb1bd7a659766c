"""What a figure looks like in a sentence (pure): a number directly followed by a unit or by a
magnitude alone (930亿元, 28个, 增长6.5%, 1.94万个, 解决30万农村人口), Chinese numerals included (两批,
近8成), a share in words (百分之十点七), a doubling (翻一番), the first of two shares 分别 gives one
unit (5.9和2.9个百分点), a decline's sign; and what looks like one but is none: a duration (三个月),
a time of day, a meeting's numeral (人大三次会议), a numbered slogan (“四个意识”, 做到两个维护,
五个“区块链接”). Each is read to its value in one unit (万 10⁴, 亿 10⁸; amounts in 元) and its kind.
``figures`` says whether each states a target or a result and builds the tables.
"""

from __future__ import annotations

import re
from typing import Literal

from explore.analysis.figure_status import SENTENCE, TERM, cues
from explore.ingest.alternation import any_of
from explore.ingest.numerals import cn_value

Kind = Literal["amount", "count", "area or length", "share", "score"]
Form = tuple[int, int, float, str, Kind]  # start, end, value in one unit, unit, kind

UNITS: dict[str, Kind] = {
    "元": "amount", "美元": "amount",
    "平方公里": "area or length", "平方米": "area or length", "㎡": "area or length", "公顷": "area or length", "亩": "area or length",
    "公里": "area or length", "千米": "area or length", "米": "area or length", "立方米": "area or length",
    "吨": "area or length", "斤": "area or length", "公斤": "area or length", "千瓦": "area or length",
    "兆瓦": "area or length",
    "个百分点": "share", "%": "share", "％": "share", "℅": "share", "‰": "share", "倍": "share",
    "个": "count", "项": "count", "家": "count", "人": "count", "名": "count", "户": "count", "件": "count",
    "条": "count", "所": "count", "座": "count", "套": "count", "次": "count", "批": "count", "宗": "count",
    "栋": "count", "间": "count", "台": "count", "辆": "count", "张": "count", "处": "count", "块": "count",
    "头": "count", "只": "count", "场": "count", "场次": "count", "盏": "count", "例": "count", "床": "count",
    "根": "count", "类": "count", "大类": "count", "对": "count", "轮": "count", "份": "count",
    "起": "count", "口": "count",  # 处置涉疫应急事件37起, 新建农村沼气池131661口
    "平": "area or length", "平米": "area or length",  # 进行装修2000平, 文化墙25.5万平米: square metres as spoken
    "微克/立方米": "area or length", "延米": "area or length",
    "成": "share",  # 近8成省份, 九成: tenths
    "分": "score",  # 满意度84.96分, 比去年提高0.11分: points of a score
}  # fmt: skip
# a score's points or a share's tenths end where a word would run on (30分钟, 5成员, 1成人: no unit);
# 以上, 左右, 省份, 超 may follow them
_WORD_AFTER = {
    "分": re.compile(r"[\u4e00-\u9fff](?<![以左])"),
    "成": re.compile(r"[员人为立果效本功熟就交绩长型品都]"),
    # a word runs on from them too (5平台, 3口之家); 以上 and 左右 may follow; 5起案件 counts cases
    "平": re.compile(r"[\u4e00-\u9fff](?<![以左])"),
    "口": re.compile(r"[\u4e00-\u9fff](?<![以左])"),
    "起": re.compile(r"[来步草点始航飞]"),
}
MAGNITUDE = {"": 1, "十": 10, "百": 100, "千": 1_000, "万": 10_000, "亿": 100_000_000, "万亿": 10**12}
_CN = "零〇一二三四五六七八九十百千两"
_DIGIT = "零〇一二三四五六七八九"  # after 点: 十点七, 四十九点五
_FIGURE = re.compile(
    # 192,007萬元: thousands grouped by commas (a budget's tables), read whole
    # a decline written with its sign (增幅-1.1%, | -2.5% |), not a range's dash (6%-7%, 1-6月) nor a code's
    r"(?:(?<![\d%％.A-Za-z\-−－—])(?P<minus>[-−－])(?=\d))?"
    rf"(?<![\d.{_CN}第])(?P<number>\d{{1,3}}(?:,\d{{3}})+(?:\.\d+)?(?!\d)|\d+(?:\.\d+)?|[{_CN}]{{2,}}(?:点[{_DIGIT}]+)?|[二三四五六七八九两](?:点[{_DIGIT}]+)?)"
    r"(?P<more>多|余)?"
    rf"(?:(?<=\d)[ \u3000](?=[万亿]))?(?P<magnitude>万亿|[十百千万亿])?"  # 1671.9 亿元: a space before 亿,
    r"(?:(?<=[万亿])[多余](?!\d))?"  # 1亿多元, 27万余户: more than, after the magnitude
    r"(?:(?<=\d) (?=元|美元|平方|公里|千米|亩|公顷|吨|%|％))?"  # or a PDF's before an amount's unit (70790 元),
    # never a count's (第 3 个, 2020 个人)
    r"(?:(?P<unit>" + any_of(UNITS) + r")"
    # or none after a magnitude (解决30万农村人口, 吞吐量突破200万, 1万余): a count of what follows
    r"|(?:(?<=[万亿])|(?<=[万亿][多余]))(?![\d.]))"
    r"(?!月|年|季度|小时|工作日)"  # durations
)
# An old report's share in words: 增长百分之十点七 (百分之九, 百分之4.5).
_PERCENT_WORDS = re.compile(rf"百分之(?P<number>\d+(?:\.\d+)?|[{_CN}]+(?:点[{_DIGIT}]+)?)")
# A doubling, 翻一番 (twice as much), 翻两番 (four times): the figure is its count of doublings (一番);
# not 三番五次, which no 翻 opens
_DOUBLINGS = re.compile(r"(?<=翻)(?P<number>[一两二三四])番")
# Two shares with one unit in a sentence of 分别 (分别高于全国全省5.9和2.9个百分点, 分别增长6.4、7.2%): the first
# is a figure of the second's unit
_SHARED_UNIT = re.compile(r"(?<![\d.])(?P<number>\d+(?:\.\d+)?)(?=[和、与及]\d+(?:\.\d+)?(?P<unit>个百分点|%|％))")
_OPEN, _CLOSE = '“‘"「『', '”’"」』'
_QUOTED_TERM = re.compile(r"[“‘「『](?P<term>[^”’」』]{1,12})[”’」』]")


def _not_a_figure(text: str, m: re.Match[str]) -> bool:
    c, after = cues(), text[m.end() :]
    if m["unit"] is None:
        return not m["number"][0].isdigit()  # 30万 is a count; 十万火急, 两万 alone are words
    if m["unit"] in _WORD_AFTER and _WORD_AFTER[m["unit"]].match(after):
        return True
    if m["unit"] == "分" and text[: m.start()].rstrip().endswith(("时", "点", "時", "點")):
        return True  # 8时30分: a time of day
    if m["unit"] == "次" and c.meeting.match(after):
        return True  # 区六届人大三次会议, 省委十一届三次全会, 九届人民政府1次常务会议: a meeting's numeral
    if UNITS[m["unit"]] == "count" and m.start() > 0 and text[m.start() - 1] in _OPEN:
        return True  # a package or campaign named by its count: 降本增效“30条”, “7个专项行动”
    if m["number"][0].isdigit() or UNITS[m["unit"]] != "count":
        return False
    before = text[max(m.start() - 12, 0) : m.start()]
    opened = max(before.rfind(q) for q in _OPEN)
    if opened >= 0 and not any(q in before[opened + 1 :] for q in _CLOSE if q != '"'):
        return True  # inside quotes: “三个代表”, “三个要看、三个有没有”
    if m["unit"] == "个" and c.parts_after.match(after):
        return True  # 报告分三个部分: the parts of a text
    if (
        m["unit"] == "个"
        and (quoted := _QUOTED_TERM.match(after))
        and not c.things_built.search(quoted["term"])
        and not c.things_after.match(after[quoted.end() :])
    ):
        return True  # 大力推进五个“区块链接”: a numbered slogan in quotes, not 三个“智慧社区” (things built)
    if m["unit"] in ("个", "条", "件") and (c.slogan_before.search(before) or c.slogan_after.match(after)):
        # 做到两个维护, 四个全面战略布局, 守住三条底线; 践行八个“走在前、作示范”: a quoted slogan
        return bool(re.match(TERM, after)) or after[:1] in _OPEN
    return False


def _shared_units(text: str) -> list[re.Match[str]]:
    """The first of two shares that 分别 gives one unit (``_SHARED_UNIT``), in its sentence
    (分别增长10.8%和14.9%,高于全国0.1和2.2个百分点)."""
    out = []
    for m in _SHARED_UNIT.finditer(text):
        sentence_start = max((x.end() for x in SENTENCE.finditer(text, 0, m.start())), default=0)
        if "分别" in text[sentence_start : m.start()]:
            out.append(m)
    return out


def forms(text: str) -> list[Form]:
    """Each figure of ``text`` (Simplified) in reading order: where it stands, its value in one
    unit, its unit and its kind."""
    found = [m for m in _FIGURE.finditer(text) if not _not_a_figure(text, m)]
    in_words = [*_PERCENT_WORDS.finditer(text), *_DOUBLINGS.finditer(text), *_shared_units(text)]
    out: list[Form] = []
    for m in sorted([*found, *in_words], key=lambda m: m.start()):
        number = m["number"]
        value = float(number.replace(",", "")) if number[0].isdigit() else cn_value(number)
        if value is None:
            continue
        if m.re is _FIGURE and m["minus"]:
            value = -value
        magnitude = "" if m.re is not _FIGURE else m["magnitude"] or ""
        value *= MAGNITUDE[magnitude]
        # ℅: a % typed as care-of
        unit = {_PERCENT_WORDS: "%", _DOUBLINGS: "番"}.get(m.re) or (m["unit"] or "").replace("％", "%").replace(
            "℅", "%"
        )
        kind: Kind = "share" if m.re is _DOUBLINGS else UNITS.get(unit, "count")  # no unit after a magnitude: a count
        out.append((m.start(), m.end(), value, unit, kind))
    return out
