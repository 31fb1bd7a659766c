"""Document metadata: district, city, province, year, date, title, source, type (pure).

Inferred from a cleaned document (``clean.CleanDoc``) in its Simplified form; a user's
``metadata.csv`` in the corpus folder overrides any field (see ``read_overrides``).
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Literal

import pandas as pd

from explore.clean import CleanDoc
from explore.gazetteer import infer_places

DocType = Literal["official document", "news report", "other"]
DOC_TYPES: tuple[DocType, ...] = ("official document", "news report", "other")
OVERRIDABLE = ("district", "city", "province", "year", "date", "title", "source", "doc_type")


@dataclass
class Meta:
    district: str = ""
    city: str = ""
    province: str = ""
    year: int | None = None
    date: str = ""  # ISO yyyy-mm-dd, '' when the document states none
    title: str = ""
    source: str = ""
    doc_type: DocType = "other"

    def as_dict(self) -> dict[str, object]:
        return asdict(self)


_CN_DIGITS = {"〇": 0, "○": 0, "零": 0, "一": 1, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
_DATE = re.compile(r"(?<!\d)((?:19|20)\d{2})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})(?!\d)")
_CN_DATE = re.compile(r"([〇○零一二三四五六七八九]{4})年([一二三四五六七八九十]{1,3})月([一二三四五六七八九十]{1,3})日")
_LABELLED_DATE = re.compile(r"(发布日期|发布时间|成文日期|印发日期|时间|日期)\s*[:：]")
_YEAR = re.compile(r"(?<![\d.])((?:19[5-9]|20\d)\d)\s*年(?!代)")
# Years that name a target or a range end, not the year a text is about.
_TARGET_YEAR = re.compile(
    r"(到|至|截至|-|—|~|～)\s*((?:19|20)\d{2})\s*年|((?:19|20)\d{2})\s*年(前|底前|以前|远景|愿景)"
)
_OFFICIAL_NUMBER = re.compile(r"[\u4e00-\u9fff]{1,8}[〔\[【(（]\s*(19|20)\d{2}\s*[〕\]】)）]\s*\d+\s*号")
_OFFICIAL_TITLE = re.compile(
    r"(关于.{2,80}的(通知|意见|决定|批复|报告|函|请示|公告|通告)|(计划|方案|办法|规定|细则|意见|纲要|规划)》?$)"
)
_NEWS_MARK = re.compile(r"(记者|通讯员|编辑|审核|网讯|日讯|电讯|讯[:：]|新华社|来源[:：].{0,20}(报|网|台|新闻|客户端))")
_SOURCE_LABEL = re.compile(r"(信息来源|来源|发布机构|发文机关)\s*[:：]\s*([^\s:：|]{2,30})")
_SOURCE_BYLINE = re.compile(r"([\u4e00-\u9fff]{2,12}?(?:报|社|网|电视台|电台|客户端))(?:首席)?(?:记者|通讯员)")
_TITLE_LABEL = re.compile(r"^(名\s*称|标\s*题)\s*[:：]\s*(.+)$")
_SENTENCE_END = re.compile(r"[。！？!?；;，,：:…]$")


def _cn_number(s: str) -> int:
    if all(ch in _CN_DIGITS for ch in s):
        return int("".join(str(_CN_DIGITS[ch]) for ch in s))
    if s == "十":
        return 10
    tens, _, ones = s.partition("十")
    return (_CN_DIGITS.get(tens, 1) if tens else 1) * 10 + (_CN_DIGITS.get(ones, 0) if ones else 0)


def _iso(year: int, month: int, day: int) -> str:
    if 1949 <= year <= 2100 and 1 <= month <= 12 and 1 <= day <= 31:
        return f"{year:04d}-{month:02d}-{day:02d}"
    return ""


def find_date(line: str) -> str:
    """The first full date in a line as ISO, or ''."""
    m = _DATE.search(line)
    if m:
        return _iso(int(m.group(1)), int(m.group(2)), int(m.group(3)))
    m = _CN_DATE.search(line)
    if m:
        return _iso(_cn_number(m.group(1)), _cn_number(m.group(2)), _cn_number(m.group(3)))
    return ""


def infer_date(header: list[str]) -> str:
    """Publication date from the header fields: a labelled date first, then any dated field."""
    for line in header:
        if _LABELLED_DATE.search(line) and find_date(line):
            return find_date(line)
    for line in header:
        if find_date(line):
            return find_date(line)
    return ""


def infer_year(text: str, *, title: str = "", date: str = "") -> int | None:
    """The publication year when dated; else the year in the title; else the latest year the
    text speaks of (plans look forward: a piece about 2018 recounts 2017 at length), leaving
    out target years such as 到2035年."""
    if date:
        return int(date[:4])
    m = _YEAR.search(title)
    if m:
        return int(m.group(1))
    targets = Counter(int(a or b) for _, a, b, _ in _TARGET_YEAR.findall(text))
    years = Counter(int(y) for y in _YEAR.findall(text))
    years.subtract(targets)
    candidates = [y for y, n in years.items() if n > 0]
    return max(candidates) if candidates else None


def infer_title(doc: CleanDoc, simplified_paragraphs: list[str]) -> str:
    for line in doc.header:
        m = _TITLE_LABEL.match(line)
        if m:
            return m.group(2).strip()
    if doc.breadcrumb and len(doc.breadcrumb) >= 4:
        return doc.breadcrumb
    if simplified_paragraphs:
        first = simplified_paragraphs[0]
        if len(first) <= 60 and not _SENTENCE_END.search(first):
            return first
        sentence = re.split(r"(?<=[。！？!?])", first)[0]
        return sentence if len(sentence) <= 40 else sentence[:40] + "…"
    return ""


def infer_source(doc: CleanDoc) -> str:
    for line in doc.header:
        m = _SOURCE_LABEL.search(line)
        if m:
            return re.split(r"\s|记者|\d", m.group(2))[0]
    for line in doc.header:
        m = _SOURCE_BYLINE.search(line)
        if m:
            return re.sub(r"^(作者[:：]|[（(])", "", m.group(1))
    return ""


def infer_doc_type(doc: CleanDoc, title: str, text: str) -> DocType:
    header = "\n".join(doc.header)
    if _OFFICIAL_NUMBER.search(header) or re.search(r"索\s*引\s*号|文\s*号\s*[:：]|发文机关", header):
        return "official document"
    crumb = " ".join(doc.chrome)
    if _NEWS_MARK.search(header) or re.search(r"新闻|资讯|要闻|动态|报道", crumb) or _NEWS_MARK.search(text[:200]):
        return "news report"
    if _OFFICIAL_TITLE.search(title) or _OFFICIAL_NUMBER.search(text[:500]):
        return "official document"
    return "other"


def infer_meta(doc: CleanDoc, simplified_paragraphs: list[str]) -> Meta:
    """All inferred fields of one document."""
    text = "\n".join(simplified_paragraphs)
    title = infer_title(doc, simplified_paragraphs)
    date = infer_date(doc.header)
    places = infer_places(text + "\n" + "\n".join(doc.header), title=title)
    return Meta(
        district=places.district,
        city=places.city,
        province=places.province,
        year=infer_year(text, title=title, date=date),
        date=date,
        title=title,
        source=infer_source(doc),
        doc_type=infer_doc_type(doc, title, text),
    )


def read_overrides(corpus: Path) -> pd.DataFrame:
    """``metadata.csv`` from the corpus folder (``file`` plus any of ``OVERRIDABLE``), or an
    empty frame. Raises ``ValueError`` naming the problem when the file is unusable."""
    path = corpus / "metadata.csv"
    if not path.exists():
        return pd.DataFrame(columns=["file"])
    try:
        table = pd.read_csv(path, dtype=str, encoding="utf-8-sig", keep_default_na=False)
    except (UnicodeDecodeError, pd.errors.ParserError) as err:
        raise ValueError(f"metadata.csv cannot be read: {err}") from None
    if "file" not in table.columns:
        raise ValueError("metadata.csv needs a 'file' column naming each document")
    unknown = [c for c in table.columns if c != "file" and c not in OVERRIDABLE]
    if unknown:
        raise ValueError(f"metadata.csv has unknown columns {unknown}; allowed: file, {', '.join(OVERRIDABLE)}")
    return table


def apply_override(meta: Meta, row: dict[str, str]) -> Meta:
    """Non-empty cells of an override row replace inferred fields (checked, with clear errors)."""
    for key in OVERRIDABLE:
        value = (row.get(key) or "").strip()
        if not value:
            continue
        if key == "year":
            if not re.fullmatch(r"\d{4}", value):
                raise ValueError(f"year must be four digits, got {value!r}")
            meta.year = int(value)
        elif key == "date":
            iso = find_date(value)
            if not iso:
                raise ValueError(f"date must be like 2017-03-28, got {value!r}")
            meta.date = iso
        elif key == "doc_type":
            if value not in DOC_TYPES:
                raise ValueError(f"doc_type must be one of {DOC_TYPES}, got {value!r}")
            meta.doc_type = value  # type: ignore[assignment]
        else:
            setattr(meta, key, value)
    return meta
