"""Outline numbers that a page ran together: a plan whose line breaks were lost holds its
headings and items inside a few long lines (``… 一、加快提振市场信心 (一)全面促进消费增长。
1.把恢复和扩大消费摆在优先位置…。(省商务厅…负责) 2.落实好…``). For the outline only, such a
line is cut back into its numbered parts; the text itself is never changed (pure).

A number is taken for an outline number by what it is: it stands where a heading or item can
begin (the line's start, after a sentence's end, a closing bracket or a space), and it
continues a run of its style (一、 二、 三、; （一）（二）; 1. 2. 3.), each style counting up by one
or starting again at one. A line is cut only where it holds at least ``MIN_NUMBERS`` such
numbers (or opens on its first and runs the next on after a sentence's end or a note), so a
sentence that mentions "1." once is left whole.
"""

from __future__ import annotations

import itertools
import re

from explore.ingest.numerals import cn_number

MIN_LENGTH = 200  # characters: shorter lines are a heading or an item already
MIN_NUMBERS = 3
_NUMBER = re.compile(
    r"(?:^|(?<=[。；;！!？?）)」”：:\s]))"
    r"(?:(?P<cn>[一二三四五六七八九十]{1,3})、|[（(](?P<pcn>[一二三四五六七八九十]{1,3})[）)]|(?P<ar>\d{1,2})[.．、](?![\d%．.]))"
)


def _cuts(line: str) -> list[int]:
    """Where the outline numbers of a run-together line start."""
    last: dict[str, int] = {}
    cuts: list[tuple[int, str, int]] = []
    for m in _NUMBER.finditer(line):
        style = m.lastgroup or ""
        value = int(m.group(style)) if style == "ar" else cn_number(m.group(style))
        if value is None:
            continue
        if value == 1 or value == last.get(style, 0) + 1:
            last[style] = value
            cuts.append((m.start(), style, value))
    if len(cuts) >= MIN_NUMBERS and len(line) >= MIN_LENGTH:
        return [at for at, _, _ in cuts]
    # items run on one after another ((一)…。(省发改委负责)(二)…, …如下:(一)…(二)…) are cut
    # however short the line: one style counting 1, 2 … at least twice; a table's row (cells
    # apart by |) is no such line
    if "|" in line:
        return []
    runs: dict[str, list[int]] = {}
    for at, style, value in cuts:
        if value == 1:
            runs[style] = [at]
        elif style in runs and len(runs[style]) == value - 1:
            runs[style].append(at)
    run = max(runs.values(), key=len, default=[])
    return run if len(run) >= 2 else []


def split_flattened(paras: list[tuple[int, str]]) -> tuple[list[tuple[int, str]], dict[int, int]]:
    """The paragraphs with run-together lines cut at their outline numbers, numbered 1, 2, …
    again, and for each new number the paragraph it comes from."""
    out: list[tuple[int, str]] = []
    back: dict[int, int] = {}
    for para_no, text in paras:
        cuts = _cuts(text)
        bounds = sorted({0, *cuts, len(text)})
        pieces = [text[a:b].strip() for a, b in itertools.pairwise(bounds)] if cuts else [text]
        for piece in pieces:
            if piece:
                out.append((len(out) + 1, piece))
                back[len(out)] = para_no
    return out, back
