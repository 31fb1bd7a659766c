"""The numbering styles of Chinese documents' outlines, written once (pure): 一、 (section),
（一） (paren), （1） or ⑴ (paren_arabic), 1. / 1、 (arabic; not 1.5, a decimal), 一是 (shi) and 第一部分 /
第一章 (chapter), and a table's row number (1, 1., 12、). The outline, the figures, the title
reader, the document kind and the task tables build their patterns from these pieces."""

from __future__ import annotations

import re

from explore.ingest.marks import LOST

CN = "一二三四五六七八九十"
_NUMERAL = f"[{CN}{LOST}]{{1,3}}"
SECTION = rf"{_NUMERAL}、"
PAREN = rf"[（(]{_NUMERAL}[）)]"
PAREN_ARABIC = r"(?:[（(]\d{1,2}[）)]|[\u2474-\u2487])"  # (1), and ⑴–⒇ written as one sign
ROW = r"\d{1,3}"  # a plan numbers its items and a table its rows up to 999
MARK = "[.．、]"  # what may follow the number: 1. 1． 1、
ARABIC = rf"{ROW}{MARK}(?!\d)"  # 116.全面开展…; never 1.5 (a decimal)
SHI = rf"{_NUMERAL}是"
CHAPTER = rf"第[{CN}]+(?:部分|编|章|篇|节)"

# (style, pattern): the number as written is group 1.
STYLES: list[tuple[str, re.Pattern[str]]] = [
    ("section", re.compile(rf"^({SECTION})")),
    ("paren", re.compile(rf"^({PAREN})")),
    ("paren_arabic", re.compile(rf"^({PAREN_ARABIC})")),
    ("arabic", re.compile(rf"^({ARABIC}|0\d(?=\s+[\u4e00-\u9fff]))")),  # 01 项目名称: a table's row number
    ("shi", re.compile(rf"^({SHI})(?=[^，,。])")),
]
# A table's row number: a cell that holds it alone (1); a line that holds it alone, its mark kept or
# not (fullmatch: 1 / 1. / 1、); a cell that opens on it before its text (1 新建…, 1.新建…, never 1.5万).
ROW_CELL = re.compile(rf"^\s*({ROW})\s*$")
ROW_LINE = re.compile(rf"\s*{ROW}\s*{MARK}?\s*")
ROW_START = re.compile(rf"^\s*({ROW})(?:\s*$|\s*{MARK}(?!\d)\s*(?=\S)|\s+(?=\S))")
# A line that opens on an outline's number: a heading or an item of the body, never a title.
OUTLINE_START = re.compile(rf"^(?:{CHAPTER}|{SECTION}|{PAREN}|{ARABIC})")


def numbered(text: str) -> tuple[str, str, str] | None:
    """(style, number as written, rest) when ``text`` opens on an outline's number."""
    for style, pattern in STYLES:
        m = pattern.match(text)
        if m:
            return style, m.group(1), text[m.end() :]
    return None
