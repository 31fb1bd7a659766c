"""Lines a PDF broke at its page's width (pure). Text copied from a PDF keeps its line breaks:
most of its longer lines have one width, and a line of that width that does not end its
sentence goes on in the next. Width is measured as the page sets it: a Chinese character takes
two columns, a digit or Latin letter one (…力争到2010年,…增长13%, is as wide as a line of 40
characters without figures). Such a line, and the one after it, are running text, never a
heading, whatever words they hold (面对严峻复杂的形势和艰巨繁重的任务在以习近平同志为)."""

from __future__ import annotations

import itertools
import re
from collections import Counter
from dataclasses import dataclass

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
    """The width at which a PDF's text broke its lines (most longer lines within ``BAND`` columns
    of it, most of them mid-sentence), or None for text whose lines are paragraphs."""
    lines = [
        (t, n) for t in (t.strip() for _, t in paras) for n in [columns(t)] if n >= MIN_LINE and not _ROW.search(t)
    ]
    lengths = Counter(n for _, n in lines)
    if not lengths:
        return None
    near = range(-BAND, BAND + 1)
    width = max(lengths, key=lambda n: (sum(lengths[n + d] for d in near), lengths[n]))
    band = [t for t, n in lines if abs(n - width) <= BAND]
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
    """The width a line takes on a page, in columns: one for an ASCII character (a digit, a Latin
    letter, a half-width mark), two for any other, as a Chinese font sets them (汉字, “”, ·, —)."""
    return 2 * len(text) - len(text.encode("ascii", "ignore"))


@dataclass(frozen=True)
class Broken:
    """The lines of running text a PDF broke at its page's width."""

    running: frozenset[int]  # para_no of each: at full width, or right after such a line
    # each line that goes on from the line before it (that one at the page's width, mid-sentence),
    # with the line before it: its first sentence began there (力争到2010年,…增长13%, / 人均生产总值超过7万元;)
    continued: dict[int, str]


def broken_lines(paras: list[tuple[int, str]]) -> Broken:
    """The lines a PDF broke, from its page's width (measured once)."""
    width = wrap_width(paras)
    continued = _continued(paras, width)
    return Broken(frozenset({p for p, t in paras if full_width(t, width)} | set(continued)), continued)


def _continued(paras: list[tuple[int, str]], width: int | None) -> dict[int, str]:
    if width is None:
        return {}
    return {p: before for (_, before), (p, _) in itertools.pairwise(paras) if full_width(before, width)}
