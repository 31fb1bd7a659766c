"""Lines a PDF broke at its page's width (pure). Text copied from a PDF keeps its line breaks:
most of its longer lines have one width, and a line of that width that does not end its
sentence goes on in the next. Width is measured as the page sets it: a Chinese character takes
two columns, a digit or Latin letter one (…力争到2010年,…增长13%, is as wide as a line of 40
characters without figures). Such a line, and the one after it, are running text, never a
heading, whatever words they hold (面对严峻复杂的形势和艰巨繁重的任务在以习近平同志为)."""

from __future__ import annotations

import itertools
import re
import unicodedata
from collections import Counter

MIN_LINE = 36  # columns (18 characters): a PDF's page is wider; shorter lines are headings, cells or ends
MIN_LINES = 5
SHARE = 0.4  # of the longer lines within a band of one width: a page's width
BAND = 4  # columns either side (two characters): half-width figures and marks set narrower or wider than a column
MID_SENTENCE = 0.7  # of those lines that stop mid-sentence, as broken lines do
_SENTENCE_END = re.compile(r"[。；;！!？?：:]$")
# A table's row set out with spaces: numbers in cells side by side (5.2 7.23), or a gap of spaces
# between cells; running text puts words between its numbers.
_ROW = re.compile(r"\d\s+\d|\S\s{2,}\S")


def wrap_width(paras: list[tuple[int, str]]) -> int | None:
    """The width at which a PDF's text broke its lines (most longer lines within a character of
    it, most of them mid-sentence), or None for text whose lines are paragraphs."""
    lines = [t.strip() for _, t in paras if columns(t.strip()) >= MIN_LINE and not _ROW.search(t)]
    lengths = Counter(map(columns, lines))
    if not lengths:
        return None
    near = range(-BAND, BAND + 1)
    width = max(lengths, key=lambda n: (sum(lengths[n + d] for d in near), lengths[n]))
    band = [t for t in lines if abs(columns(t) - width) <= BAND]
    broken = sum(not _SENTENCE_END.search(t) for t in band)
    if len(band) >= max(MIN_LINES, SHARE * len(lines)) and broken >= MID_SENTENCE * len(band):
        return width
    return None


def full_width(text: str, width: int | None) -> bool:
    """A line that runs to the page's width without ending its sentence: the next line goes on."""
    text = text.strip()
    if width is None or _ROW.search(text):
        return False
    return columns(text) >= width - BAND and not _SENTENCE_END.search(text)


def columns(text: str) -> int:
    """The width a line takes on a page, in columns: two for a wide (Chinese) character and for
    the marks a Chinese font sets as wide (“”, ·, —), one for any other."""
    return sum(2 if unicodedata.east_asian_width(ch) in "WFA" else 1 for ch in text)


def running_lines(paras: list[tuple[int, str]]) -> set[int]:
    """The para_no of each line that is part of running text a PDF broke: at full width, or right after such a line."""
    width = wrap_width(paras)
    return {p for p, t in paras if full_width(t, width)} | set(continued_lines(paras))


def continued_lines(paras: list[tuple[int, str]]) -> dict[int, str]:
    """Each line that goes on from the line before it (that one at the page's width, mid-sentence),
    by para_no, with the line before it: its first sentence began there (力争到2010年,…增长13%, /
    人均生产总值超过7万元;)."""
    width = wrap_width(paras)
    pairs = itertools.pairwise(paras)
    return {p: before for (_, before), (p, _) in pairs if full_width(before, width)}
