"""The issuing or subject body of a document: which district, city and province (pure).

``gazetteer.infer_places`` counts the places a text names. A district named in passing is not
the document's district: when the title (or the opening lines, for a document without a clear
title) names a city or province body (广州市人民政府, 省政府, 全省 …) and no district, the
document is that city's or province's, whatever districts its body mentions.
"""

from __future__ import annotations

import re

from explore.ingest.dates import AGENCY_DATELINE
from explore.ingest.gazetteer import Places, bare_county_mentions, count_mentions, infer_places
from explore.ingest.header_fields import label_pattern as field_labels
from explore.ingest.issuers import units_of

# Bodies and scopes above a district, named without the place: 省政府, 市委, 全省, 全市.
_PROVINCE_BODY = re.compile(r"(^|[^市区县])省(政府|委|人大|政协|人民政府)|全省")
# A county's or district's own body or scope, named without the place: 县人民政府, 区《政府工作报告》, 全县.
_COUNTY_BODY = re.compile(r"(^|[^省市州盟])(县|区|旗)(人民政府|政府|委|人大|政协|《政府工作报告》)|全(县|区|旗)")
# A page's field naming the issuing organ: 发布机构: 下陆区政府办公室.
_ISSUER_FIELD = re.compile(rf"(?:{field_labels('issuer', spaced=False)})\s*[:：|]\s*\|?\s*([^\s|:：]{{3,30}})")
# An issuing organ on a line of its own, as a notice signs off: 蔡甸区人民政府办公室.
_UPPER_BODY = re.compile(r"(^|[^区县])(省|市)(政府|委|人大|政协|人民政府|人民代表大会)|全(省|市)")


def _upper(line: str) -> Places | None:
    """The city or province a line speaks for, when it names one above every district."""
    counts = count_mentions(line)
    if any(p.level == "county" for p in counts):
        return None
    cities = [p for p in counts if p.level == "city"]
    provinces = [p for p in counts if p.level == "province"]
    if cities:
        city = max(cities, key=lambda p: counts[p])
        return Places("", city.name, city.province)
    if provinces:
        prov = max(provinces, key=lambda p: counts[p])
        return Places("", "", prov.name)
    if _UPPER_BODY.search(line):
        return Places("", "", "")
    return None


def issuing_places(text: str, *, title: str = "", head: list[str] | None = None) -> Places:
    """District, city and province of the body that issues the document or that it is about; a
    news item's dateline names none."""
    # a news item's dateline (新华社北京3月5日电) names where it was filed, not whose it is
    text = "\n".join(AGENCY_DATELINE.sub("", line) for line in text.split("\n"))
    found = infer_places(text, title=title)
    in_title = count_mentions(title) if title else {}
    issuer = _issuer_county(text[:3000])
    if issuer and not any(p.level == "county" and p.name != issuer.district for p in in_title):
        return issuer
    if not found.district:
        signed = _signing_organ_county(text)
        if signed and not any(p.level == "county" for p in in_title):
            return signed
    if not found.district and _COUNTY_BODY.search(title + "\n" + "\n".join(head or [])):
        bare = _bare_county(text)
        if bare:
            return bare
    if not found.district:
        # 省政府印发… names a province body: the cities its body names (杭州市政府 as a lead
        # unit) are not the document's city.
        if found.city and title and _PROVINCE_BODY.search(title) and not in_title:
            return Places("", "", found.province)
        # a title that names a province and no city or county (安徽省实施…2021年工作要点) is the
        # province's: the cities its body names (合肥都市圈) are what it is about, not whose it is
        # (named by itself: a city's bare name, 大连, counts for its province but names the city)
        upper = _upper(title) if found.city and in_title else None
        if upper and upper.province and not upper.city and upper.province[:2] in title:
            return upper
        return found
    if any(p.level == "county" for p in in_title):
        return found
    upper = _upper(title) if title else None
    if upper is None and head:
        # Only short lines (an organ, a headline): prose names 市委、市政府 in every opening.
        opening = [line for line in head[:3] if len(line) <= 40 and (_UPPER_BODY.search(line) or count_mentions(line))]
        upper = _upper(opening[0]) if opening and not in_title else None
    if upper is None:
        return found
    city = upper.city or (found.city if not upper.province or upper.province == found.province else "")
    province = upper.province or found.province
    if (upper.province and not upper.city) or (not upper.city and _PROVINCE_BODY.search(title)):
        city = ""  # a province's document (全省…, 省政府…)
    return Places("", city, province)


def _bare_county(text: str) -> Places | None:
    """For a county's own document that never writes its full name (县人民政府办公室关于…涉及嘉鱼的…):
    the county named bare at least twice and more often than any other."""
    ranked = bare_county_mentions(text).most_common(2)
    if not ranked or ranked[0][1] < 2 or (len(ranked) > 1 and ranked[1][1] == ranked[0][1]):
        return None
    place = ranked[0][0]
    return Places(place.name, place.city, place.province)


def _issuer_county(head: str) -> Places | None:
    """The county a page's issuing-organ field names (发布机构: 下陆区政府办公室), if it names one."""
    m = _ISSUER_FIELD.search(head)
    if not m:
        return None
    counties = [p for p in count_mentions(m.group(1)) if p.level == "county"]
    if len(counties) != 1:
        return None
    return Places(counties[0].name, counties[0].city, counties[0].province)


def _organ_lines(text: str) -> list[str]:
    """Lines that are nothing but units of government (重庆市沙坪坝区人民政府督查办): a signature."""
    lines = (line.strip() for line in text.splitlines())
    return [
        line
        for line in lines
        if 4 <= len(line) <= 30 and not re.search(r"\W", line) and "".join(units_of(line)) == line
    ]


def _signing_organ_county(text: str) -> Places | None:
    """The county an organ signing on a line of its own names, when every such line names the same one."""
    counties = {p for line in _organ_lines(text) for p in count_mentions(line) if p.level == "county"}
    if len(counties) != 1:
        return None
    place = counties.pop()
    return Places(place.name, place.city, place.province)
