"""Place names: which district, city and province a Simplified text is about (pure).

Two sources. ``data/districts_local.csv`` holds the Shenzhen districts (including 大鹏新区, a
functional area no national list has), checked by hand and editable. Behind it stands the
national province → city → county tree of JioNLP (``data/jionlp/china_location.zip``, copied
with its licence), read as data, so that a county anywhere in China is recognised.
"""

from __future__ import annotations

import functools
import io
import re
import zipfile
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from explore.ingest.alternation import any_of

_DATA = Path(__file__).parents[1] / "data"


@dataclass(frozen=True)
class Place:
    name: str  # full name, e.g. 罗湖区
    short: str  # e.g. 罗湖 ('' when the short form is not safe to count alone)
    level: str  # 'province' | 'city' | 'county'
    city: str  # parent city ('' for provinces; the city itself for cities)
    province: str


@dataclass(frozen=True)
class Places:
    district: str
    city: str
    province: str


def jionlp_file(name: str) -> Path | None:
    """One of the three data files copied from JioNLP (``explore/data/jionlp/``, its licence and
    source there); the one place that finds them (the gazetteer, the repair's readings)."""
    path = Path(__file__).resolve().parents[1] / "data" / "jionlp" / name
    return path if path.exists() else None


def _national_rows() -> list[tuple[str, str, str, str, str, str]]:
    """(province, province_short, city, city_short, county, county_short) from jionlp's tree."""
    path = jionlp_file("china_location.zip")
    if path is None:
        return []
    with zipfile.ZipFile(path) as zf:
        text = zf.read(zf.namelist()[0]).decode("utf-8").replace("\r\n", "\n")  # the file has CRLF lines
    rows = []
    province = city = ("", "")
    # Only the first three levels matter; towns and villages are indented deeper.
    for m in re.finditer(r"^(\t{0,2})([^\t\n]+)\t\d+\t([^\t\n]*)$", text, re.M):
        depth, name, short = len(m.group(1)), m.group(2), m.group(3)
        if depth == 0:
            province, city = (name, short), ("", "")
        elif depth == 1:
            city = (name, short)
        else:
            rows.append((*province, *city, name, short))
    return rows


@functools.cache
def places() -> tuple[Place, ...]:
    """Every known place, local entries first so that they win ties."""
    out: list[Place] = []
    local = pd.read_csv(
        io.StringIO((_DATA / "districts_local.csv").read_text(encoding="utf-8")), comment="#", dtype=str
    )
    for row in local.fillna("").itertuples():
        out.append(Place(row.name, row.short if row.short_alone == "yes" else "", "county", row.city, row.province))
    local_names = {p.name for p in out}
    local_cities = {p.city for p in out}
    seen_city, seen_prov = set(), set()
    for prov, prov_short, city, city_short, county, _county_short in _national_rows():
        if prov not in seen_prov:
            seen_prov.add(prov)
            out.append(Place(prov, prov_short, "province", "", prov))
        if city and city not in seen_city:
            seen_city.add(city)
            out.append(Place(city, city_short, "city", city, prov))
        if county and not (county in local_names and city in local_cities):
            # Short county names are ordinary words too often; they count only next to the full name.
            out.append(Place(county, "", "county", city, prov))
    known = {p.name for p in out if p.level == "county"}
    for old_name, city, prov in _former_counties():
        if old_name not in known:
            out.append(Place(old_name, "", "county", city, prov))
    return tuple(out)


def _former_counties() -> list[tuple[str, str, str]]:
    """(former name, today's city, province) from jionlp's list of renamed counties
    (``dictionary/china_location_change.txt``): a 2018 document names 监利县, today 监利市."""
    path = jionlp_file("china_location_change.txt")
    if path is None:
        return []
    out = []
    for line in path.read_text(encoding="utf-8").splitlines():
        old, _, new = line.partition("=>")
        old_fields, new_fields = old.split("\t"), new.split("\t")
        if len(old_fields) == 8 and len(new_fields) == 3:  # a county-level change: date, by, 4 upper, county, short
            out.append((old_fields[6], new_fields[1], new_fields[0]))
    return out


@functools.cache
def _index() -> tuple[dict[str, list[Place]], dict[str, int]]:
    """Places by full name, and the longest name ending in each two characters (州市, 湖区):
    most 市 and 区 in a text end no name (城市, 全市, 市场), and one look-up tells."""
    by_name: dict[str, list[Place]] = {}
    for place in places():
        by_name.setdefault(place.name, []).append(place)
    longest: dict[str, int] = {}
    for name in by_name:
        longest[name[-2:]] = max(longest.get(name[-2:], 0), len(name))
    return by_name, longest


_NAME_END = re.compile(r"[区县市旗省州盟]")
# County names that are also ordinary words (县城区, 郊区, 东区): counted only after their city's name.
_GENERIC = frozenset({"城区", "郊区", "矿区", "东区", "西区", "南区", "北区"})
CITY_SHARE = 2  # a province named more than twice as often as its most named city is the place


@functools.cache
def _provinces() -> dict[str, Place]:
    return {p.name: p for p in places() if p.level == "province"}


@functools.cache
def _short_names() -> tuple[re.Pattern[str], dict[str, list[Place]]]:
    """One pattern for every short name safe to count alone (local districts, cities, provinces)."""
    shorts: dict[str, list[Place]] = {}
    for place in places():
        if place.short and len(place.short) >= 2:
            shorts.setdefault(place.short, []).append(place)
    pattern = re.compile(any_of(shorts))
    return pattern, shorts


@functools.cache
def _bare_county_names() -> dict[str, Place]:
    """Counties by their name without 县/区 (嘉鱼 for 嘉鱼县), where that name belongs to one
    county only and is rare as an ordinary word (jieba's frequency below 500: 嘉鱼 12, 咸安 0,
    against 光明 1219, 公安 2800, 和平 7998)."""
    from explore.ingest.text import main_dictionary_freqs  # imported here: most calls never need it

    by_short: dict[str, set[Place]] = {}
    for place in places():
        if place.level != "county" or place.short:
            continue
        short = place.name[:-2] if place.name.endswith("新区") else place.name[:-1]
        if len(short) >= 2:
            by_short.setdefault(short, set()).add(place)
    freq = main_dictionary_freqs(by_short)
    return {s: next(iter(ps)) for s, ps in by_short.items() if len(ps) == 1 and freq.get(s, 0) < 500}


# A bare county name is a place, not a word (惠民 in 文旅惠民活动, 城西 in 城西高中), when a body or
# area named after the county follows it: 嘉鱼经济开发区, 市生态环境局咸安分局.
_ANCHOR = "经济技术开发区|经济开发区|开发区|高新区|工业园|产业园|分局|支行|供电"


def bare_county_mentions(text: str) -> Counter[Place]:
    """Counties named only without 县/区, counted where the full name does not follow, for the
    counties that at least once name a body or area of their own (嘉鱼经济开发区, 咸安分局).
    Only meaningful for a text already known to be a county's."""
    names = _bare_county_names()
    counts: Counter[Place] = Counter()
    for short, place in names.items():
        if short in text and re.search(re.escape(short) + f"(?:{_ANCHOR})", text):
            n = text.count(short) - text.count(place.name)
            if n > 0:
                counts[place] += n
    return counts


def count_mentions(text: str) -> Counter[Place]:
    """Mentions of each place: the longest full name ending at each 区/县/市/… character,
    plus short names (罗湖 for 罗湖区) where they are safe to count: always for the local
    districts, cities and provinces, and for other counties only once the full name appears."""
    by_name, longest = _index()
    counts: Counter[Place] = Counter()
    full: Counter[str] = Counter()
    for m in _NAME_END.finditer(text):
        end = m.end()
        for length in range(min(longest.get(text[end - 2 : end], 0), end), 1, -1):
            cands = by_name.get(text[end - length : end])
            if cands and cands[0].name in _GENERIC:
                # 监利县城区 is the county town's urban area; 城区 is 晋城市's district only after 晋城.
                before = text[max(0, end - length - 6) : end - length]
                cands = [p for p in cands if before.endswith((p.city, p.city[:-1]))]
            if cands:
                full[cands[0].name] += 1
                for place in cands:
                    counts[place] += 1
                break
    pattern, shared = _short_names()
    shorts = dict(shared)  # this text's counties join below; the cached table stays as it was
    short_hits = Counter(pattern.findall(text))
    for place in list(counts):
        if place.level == "county" and not place.short and len(place.name) >= 3:
            short = place.name[:-2] if place.name.endswith("新区") else place.name[:-1]
            if len(short) >= 2:
                short_hits[short] = text.count(short)
                shorts.setdefault(short, [])
                if place not in shorts[short]:
                    shorts[short] = [*shorts[short], place]
    for short, n in short_hits.items():
        # A full name also contains its short name; those mentions are counted already.
        n -= sum(k for name, k in full.items() if name.startswith(short))
        if n > 0:
            for place in set(shorts.get(short, ())):
                # a city's short name (成都, 北京) counts for the city once its full name stands in
                # the text; before, for its province: a province's or the nation's document names
                # cities in passing, bare
                if place.level != "city" or full[place.name]:
                    counts[place] += n
                elif place.province in _provinces():
                    counts[_provinces()[place.province]] += n
    return counts


def infer_places(text: str, *, title: str = "") -> Places:
    """The district a text is about, or only its city / province when no district dominates.

    A district is chosen when it has at least two mentions and at least half of all district
    mentions (or is the only district named in the title); otherwise the text is taken to be
    about a whole city or province.
    """
    counts = count_mentions(text)
    cities = Counter({p: n for p, n in counts.items() if p.level == "city"})
    provinces = Counter({p: n for p, n in counts.items() if p.level == "province"})
    counties = Counter({p: n for p, n in counts.items() if p.level == "county"})
    # A name shared by two counties (龙华区) belongs to the one whose city the text mentions.
    city_weight = Counter()
    for city, n in cities.items():
        city_weight[city.name] += n
    merged: dict[str, Place] = {}
    for place in sorted(counties, key=lambda p: -city_weight[p.city]):
        merged.setdefault(place.name, place)
    districts = Counter({p: counties[p] for p in merged.values()})
    in_title = [p for p in districts if p.name in title or (p.short and p.short in title)]
    chosen = None
    if len(in_title) == 1:
        chosen = in_title[0]
    elif districts:
        top, n = districts.most_common(1)[0]
        if n >= 2 and n >= 0.5 * sum(districts.values()):
            chosen = top
    if chosen:
        return Places(chosen.name, chosen.city, chosen.province)
    if cities:
        city, n = cities.most_common(1)[0]
        prov = provinces.most_common(1)[0] if provinces else None
        in_title = city.name in title or (city.short and city.short in title)
        # a province's document names its cities in passing; its own name is what it repeats
        if prov and not in_title and prov[1] > CITY_SHARE * n:
            return Places("", "", prov[0].name)
        return Places("", city.name, city.province)
    if provinces:
        prov, _ = provinces.most_common(1)[0]
        return Places("", "", prov.name)
    return Places("", "", "")


@functools.cache
def place_names() -> frozenset[str]:
    """Every place name a keyword list may want to leave out: full names (罗湖区, 深圳市,
    广东省) and the short forms that stand for them (罗湖, 深圳, 广东)."""
    names = set()
    for place in places():
        names.add(place.name)
        if place.short:
            names.add(place.short)
        names.add(
            re.sub(r"(?:维吾尔|壮族|回族)?(?:自治区|自治州|特别行政区|新区|地区|省|市|区|县|盟|旗)$", "", place.name)
        )
    return frozenset(n for n in names if len(n) >= 2)
