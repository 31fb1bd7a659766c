"""Lines a PDF broke at its page's width (pure). Text copied from a PDF keeps its line breaks:
most of its longer lines have one length, and a line of that length that does not end its
sentence goes on in the next. Such a line, and the one after it, are running text, never a
heading, whatever words they hold (面对严峻复杂的形势和艰巨繁重的任务在以习近平同志为)."""

from __future__ import annotations

import re
from collections import Counter

MIN_LINE = 18  # characters: a PDF's page is wider; shorter lines are headings, cells or ends
MIN_LINES = 5
SHARE = 0.4  # of the longer lines within a character of one length: a page's width
MID_SENTENCE = 0.7  # of those lines that stop mid-sentence, as broken lines do
_SENTENCE_END = re.compile(r"[。；;！!？?：:]$")


def wrap_width(paras: list[tuple[int, str]]) -> int | None:
    """The width at which a PDF's text broke its lines (most longer lines within a character of
    it, most of them mid-sentence), or None for text whose lines are paragraphs."""
    lines = [t.strip() for _, t in paras if len(t.strip()) >= MIN_LINE]
    lengths = Counter(map(len, lines))
    if not lengths:
        return None
    width = max(lengths, key=lambda n: (lengths[n - 1] + lengths[n] + lengths[n + 1], lengths[n]))
    band = [t for t in lines if abs(len(t) - width) <= 1]
    broken = sum(not _SENTENCE_END.search(t) for t in band)
    if len(band) >= max(MIN_LINES, SHARE * len(lines)) and broken >= MID_SENTENCE * len(band):
        return width
    return None


def full_width(text: str, width: int | None) -> bool:
    """A line that runs to the page's width without ending its sentence: the next line goes on."""
    text = text.strip()
    return width is not None and len(text) >= width - 1 and not _SENTENCE_END.search(text)


def running_lines(paras: list[tuple[int, str]]) -> set[int]:
    """The para_no of each line that is part of running text a PDF broke: at full width, or right after such a line."""
    width = wrap_width(paras)
    out: set[int] = set()
    before = False
    for para_no, text in paras:
        now = full_width(text, width)
        if now or before:
            out.add(para_no)
        before = now
    return out
