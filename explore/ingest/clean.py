"""Web-page chrome stripping and paragraph splitting (pure).

Rules are general, not lists of any one site's strings: a line is *chrome* when it matches a
pattern in ``data/chrome.txt`` (share buttons, breadcrumbs, "scan to open on phone", print and
close links ...), a *header* line when it is a labelled field (``来源:``, ``发布日期:``, a byline,
a bare date) that metadata inference reads, and the page *tail* (related news, disclaimers,
footer navigation) is cut at the first tail marker after which no real paragraph follows.
Lines are classified on their Simplified form, so Traditional pages follow the same rules.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass, field
from pathlib import Path

from explore.ingest.header_fields import label_pattern as field_labels
from explore.ingest.records import read_record
from explore.ingest.script import PROSE, to_simplified

_DATA = Path(__file__).parents[1] / "data"

_SPACE = "\u3000\xa0\u2002\u2003\u200b\ufeff\t "
BULLETS = "•·●▪■◆◇○►▶"  # a line's bullet, dropped from its start (the evaluation locates labels without them)
# Markdown list, heading and quote marks count only when a space follows: "-1+1" and "**粗体**" stay.
_MD_MARK = re.compile(r"^(?:[-*+>]|#{1,6})[ \t\u3000]+")
# A real paragraph: long enough and with sentence punctuation.
_HEADER = re.compile(rf"^({field_labels()})\s*[:：]\s*\S")  # a labelled field (header_fields.txt)
# Header fields sit at the top of a page or in its tail: a body sentence that starts with
# 时间 or 名称 is text (eval/ county reports), however it begins.
_HEADER_ZONE = 15
_BYLINE = re.compile(
    r"^[（(]?(作者[:：])?[\u4e00-\u9fff]{0,12}(报|网|台|社|中心)?(记者|通讯员)\s*[\u4e00-\u9fff\s]{2,20}[)）]?$"
)
_DATE_LINE = re.compile(
    r"^\d{4}\s*[-/.年]\s*\d{1,2}\s*[-/.月]\s*\d{1,2}\s*日?(\s+\d{1,2}:\d{2}(:\d{2})?)?(\s*(来源|作者)[:：].*)?$"
)


@functools.cache
def _patterns(name: str) -> tuple[re.Pattern[str], ...]:
    lines = (_DATA / name).read_text(encoding="utf-8").splitlines()
    return tuple(re.compile(line) for line in lines if line.strip() and not line.startswith("#"))


@dataclass
class CleanDoc:
    """A document split into paragraphs, with what was taken out kept for metadata inference."""

    paragraphs: list[str] = field(default_factory=list)  # in the original script
    simplified: list[str] = field(default_factory=list)  # the same paragraphs in Simplified
    header: list[str] = field(default_factory=list)  # labelled fields, bylines, dates (Simplified)
    chrome: list[str] = field(default_factory=list)  # navigation and the like (Simplified)
    breadcrumb: str = ""  # last crumb of a "current position" line, often the title
    record: dict[str, str] = field(default_factory=dict)  # a database row's or post's own fields


# A forum's anti-copy string (Discuz's jammer: 5 to 15 times a character of " " to ";", a space,
# a character of "?" to "~"), hidden on the page and glued into a copied post's lines:
# "* p/ {) b& x! R8 r( k". Told from text by that shape: never "=", "<" or ">" (code: i = 0; i <),
# and at least three different characters glued after a letter, one not a digit (A1 B2 C3 D4 and
# a, b, c, d are text). Its first character stands before one space: "平方米;  ?" keeps the ";"
# of the text it follows (the jammer's first character was a space).
_JAMMER = re.compile(
    r"(?<![0-9A-Za-z])(?:[!-;][ \xa0](?![ \xa0]))?(?:[?-~](?:[!-;][ \xa0]{1,2}|[ \xa0]{1,2})){4,16}[?-~](?![!-~])"
)
_GLUED = re.compile(r"[?-~]([!-;])(?=[ \xa0])")


def _jammer(match: re.Match[str]) -> str:
    glued = _GLUED.findall(match.group())
    keep = len(set(glued)) < 3 or all(c.isdigit() for c in glued)
    return match.group() if keep else ""


def _normalise_line(line: str) -> str:
    if " " in line or "\xa0" in line:  # a jammer holds spaces; most lines hold none (a build's cost)
        line = _JAMMER.sub(_jammer, line)
    line = line.strip(_SPACE)
    line = _MD_MARK.sub("", line.lstrip(BULLETS)).strip(_SPACE)
    return re.sub(r"[ \t\u3000\xa0]{2,}", "  ", line)


def is_prose(simplified: str) -> bool:
    return len(simplified) >= 40 and bool(PROSE.search(simplified))


def _classify(simplified: str, *, edge: bool = True) -> str:
    """'chrome', 'header' (a labelled field, byline or date: only at the page's ``edge``) or 'body'."""
    if any(p.search(simplified) for p in _patterns("chrome.txt")):
        return "chrome"
    if (
        edge
        and len(simplified) <= 80
        and (_HEADER.match(simplified) or _BYLINE.match(simplified) or _DATE_LINE.match(simplified))
    ):
        return "header"
    return "body"


# where a record's fields may stand: a dump's tables of users or menus and their rows often come
# before the table of documents
_RECORD_LINES = 200


def split_paragraphs(text: str, *, simplify: bool = True) -> CleanDoc:
    """Lines to paragraphs, chrome and header fields set aside, the page tail cut off.

    ``simplify=False`` skips OpenCC for a text already in Simplified (the costliest step here).
    """
    raw = text.split("\n")
    # a post's front matter, and a dump's settings, tables and rows of users or menus above the
    # document's row, are the record's, read as its fields: set aside as chrome
    record, start = read_record(raw[:_RECORD_LINES])
    above = sum(1 for line in raw[:start] if _normalise_line(line))
    lines = [line for line in map(_normalise_line, raw) if line]
    simple = [to_simplified(line) for line in lines] if simplify else lines
    tail = _tail_start(simple)
    doc = CleanDoc(record=record)
    for i, (line, simp) in enumerate(zip(lines[:tail], simple[:tail], strict=True)):
        kind = "chrome" if i < above else _classify(simp, edge=i < _HEADER_ZONE or i >= tail - _HEADER_ZONE)
        if kind == "chrome":
            doc.chrome.append(simp)
            crumb = re.match(r"^(当前位置|您的位置|您现在的位置|所在位置|位置)\s*[:：]\s*(.+)$", simp)
            if crumb:
                doc.breadcrumb = re.split(r"\s*(?:>>|>|»|›|→|/|\s)\s*", crumb.group(2).strip())[-1]
        elif kind == "header":
            doc.header.append(simp)
        else:
            doc.paragraphs.append(line)
            doc.simplified.append(simp)
    doc.chrome.extend(simple[tail:])
    if not doc.paragraphs and lines:
        # everything looked like furniture: keep every line rather than lose the document
        doc.paragraphs, doc.simplified, doc.chrome = list(lines), list(simple), []
    return doc


def _sentence(line: str) -> bool:
    """A sentence, however short (特此通知。): four Han characters or more, then a full stop."""
    return line.endswith(("。", "！", "？")) and len(_HAN.findall(line)) >= 4


_HAN = re.compile(r"[\u4e00-\u9fff]")


def _tail_start(simple: list[str]) -> int:
    """Index of the first line of the page footer, or len(simple) when there is none. A footer
    follows the body: after its last line of prose and after half of the page's characters (a
    table flattened one cell a line has no prose, and its page's 首页 link opens it)."""
    markers = _patterns("tail_markers.txt")
    # (a short notice's one sentence is its body too: 为…，提出如下意见。)
    last_prose = max((i for i, s in enumerate(simple) if is_prose(s) or _sentence(s)), default=-1)
    total, before = sum(map(len, simple)), 0
    for i, line in enumerate(simple):
        if i > last_prose and 2 * before >= total and len(line) <= 40 and any(p.search(line) for p in markers):
            return i
        before += len(line)
    return len(simple)
