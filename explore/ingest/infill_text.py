"""The pass of ``infill`` over a repaired text: which characters to doubt, and how (pure).

``repair`` marks the runs it read again one byte late, the surviving first byte of a character
cut off at a run's end, and pinyin annotations after lost characters (see ``marks``). This pass
reads those marks into cells, then asks ``infill.fill`` about the characters that are surely
damaged (LOST, or rare inside a re-read run) and, after them, about ordinary-looking characters
of re-read runs that no word joins to their undamaged neighbours. A phrase written undamaged
elsewhere in the same text is preferred to any dictionary guess.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from explore.ingest.infill import MAX_WORD, Filling, Lookup, Slot, dropped, fill, reads_as
from explore.ingest.marks import BYTE_BASE, GUESS, HINT_CLOSE, HINT_OPEN, LEAD_MARK, LOST, RUN_CLOSE, RUN_OPEN
from explore.ingest.script import COMMON_PUNCT, char_log_freq, to_simplified, to_traditional

_MARKERS = re.compile("[\ue002-\ue006]")
_RARE = 3.0  # log10 frequency under which a character in a re-read run is taken as two merged
_CONTEXT = 4


@dataclass
class _Cell:
    ch: str
    in_run: bool = False
    reading: str | None = None
    lead: int | None = None  # the surviving first byte of a LOST character
    merged: bool = False  # a run's last first byte and the '?' after the run, taken as one


def _cells(text: str) -> list[_Cell]:
    cells: list[_Cell] = []
    in_run = False
    pos = 0
    while pos < len(text):
        ch = text[pos]
        if ch == RUN_OPEN:
            in_run = True
        elif ch == RUN_CLOSE:
            in_run = False
        elif ch == LEAD_MARK:
            pos += 1
            if cells:
                cells[-1].lead = ord(text[pos]) - BYTE_BASE
        elif ch == HINT_OPEN:
            end = text.find(HINT_CLOSE, pos)
            if cells:
                cells[-1].reading = text[pos + 1 : end]
            pos = end
        elif ch == LOST and not in_run and cells and cells[-1].in_run and cells[-1].lead is not None:
            # A run that ends on a first byte, then '?': the second byte went with the ASCII
            # that ended the run. Both stand for the same character.
            cells[-1].in_run = False
            cells[-1].reading = None
            merged = cells.pop()
            cells.append(_Cell(LOST, False, None, merged.lead, merged=True))
        else:
            cells.append(_Cell(ch, in_run))
        pos += 1
    return cells


def _is_han(ch: str) -> bool:
    return "\u4e00" <= ch <= "\u9fff"


def _hypotheses(cell: _Cell) -> list[list[Slot]]:
    """Ways the bytes behind one cell may be read: a lost character, or a character merged from
    the head of one and the tail of another (one dropped pair), or with one lost between (two)."""
    if cell.ch == LOST:
        one_lost = [Slot(lead=cell.lead, reading=cell.reading)]
        if cell.merged:
            # ... or two characters, when a dropped pair hid the byte between them
            return [one_lost, [Slot(lead=cell.lead), Slot(reading=cell.reading, joined=True)]]
        return [one_lost]
    head, tail = cell.ch.encode("gbk")
    one = [Slot(lead=head), Slot(trail=tail, joined=True, reading=cell.reading)]
    two = [Slot(lead=head), Slot(joined=True), Slot(trail=tail, joined=True, reading=cell.reading)]
    return [one, two]


def _fits_text(chars: str, slots: Sequence[Slot]) -> bool:
    """Do characters as written (any script) fit the slots' bytes, readings and dropped pairs?"""
    prev: bytes | None = None
    for ch, slot in zip(chars, slots, strict=True):
        try:
            code = ch.encode("gbk")
        except UnicodeEncodeError:
            return False
        if len(code) != 2 or (not _is_han(ch) and ch not in COMMON_PUNCT):
            return False
        if (slot.lead is not None and code[0] != slot.lead) or (slot.trail is not None and code[1] != slot.trail):
            return False
        if slot.joined and prev is not None and not dropped(prev, code):
            return False
        if slot.reading is not None and not reads_as(to_simplified(ch), slot.reading):
            return False
        prev = code
    return True


_ECHO_SPAN = 50_000  # characters either side searched for an undamaged copy of a phrase


def _echo(left: str, slots: Sequence[Slot], right: str, plain: str) -> str | None:
    """The slots' characters where the same phrase is written undamaged elsewhere in the text."""
    for n_left, n_right in ((3, 3), (0, 4), (4, 0), (2, 2), (0, 3), (3, 0)):
        known_left = left[len(left) - n_left :] if n_left else ""
        known_right = right[:n_right]
        if len(known_left) < n_left or len(known_right) < n_right or LOST in known_left + known_right:
            continue
        pattern = re.escape(known_left) + "(" + "." * len(slots) + ")" + re.escape(known_right)
        for m in re.finditer(pattern, plain):
            if _fits_text(m.group(1), slots):
                return m.group(1)
    return None


def _covered(window: str, index: int, lookup: Lookup) -> bool:
    """Is window[index] part of a dictionary word with a neighbour?"""
    for start in range(max(0, index - MAX_WORD + 1), index + 1):
        for end in range(index + 1, min(len(window), start + MAX_WORD) + 1):
            if end - start >= 2 and (lookup(window[start:end]) or 0) > 0:
                return True
    return False


def fill_text(text: str, lookup: Lookup | None, *, traditional: bool = False) -> tuple[str, int]:
    """Fill lost and merged characters in ``text`` (marked by ``repair``); returns (text, the
    number of characters written as guesses, each followed by ``GUESS``).

    First the characters that are surely damaged (LOST, or rare inside a re-read run), then the
    ordinary-looking characters of re-read runs that no word joins to their undamaged
    neighbours. Without a word list nothing is guessed: a rare character in a re-read run
    becomes LOST. The markers are removed either way.
    """
    if not _MARKERS.search(text) and LOST not in text:
        return text, 0
    cells = _cells(text)
    freq = char_log_freq()
    suspect = [
        c.ch == LOST or (c.in_run and _is_han(c.ch) and freq.get(to_simplified(c.ch), 0.0) < _RARE) for c in cells
    ]
    if lookup is None:
        return "".join(LOST if bad else c.ch for c, bad in zip(cells, suspect, strict=True)), 0
    plain = "".join(c.ch for c in cells)
    out: list[str] = [c.ch for c in cells]  # what each cell becomes (one or more characters)
    filled = 0

    def context(i: int) -> tuple[str, str]:
        # words do not run across line breaks or spaces
        left = re.split(r"\s", "".join(out[max(0, i - _CONTEXT) : i]))[-1]
        right = re.split(r"\s", "".join(out[i + 1 : i + 1 + _CONTEXT]))[0]
        return left[-_CONTEXT:], right[:_CONTEXT]

    def try_fill(i: int, *, doubtful: bool) -> str | None:
        left, right = context(i)
        left_s, right_s = to_simplified(left), to_simplified(right)
        best: tuple[float, Filling, list[Slot]] | None = None
        for n, slots in enumerate(_hypotheses(cells[i])):
            if best is not None and best[0] >= 2:
                break  # a reading with a three-character word or better: no need to lose more
            # The same phrase is looked for nearby only, so a long text costs linear, not quadratic, time.
            echoed = _echo(left, slots, right, plain[max(0, i - _ECHO_SPAN) : i + _ECHO_SPAN])
            if echoed:
                return echoed
            if doubtful and len(slots) > 2:
                continue  # doubting a real character twice over needs the text's own evidence
            found = fill(left_s, slots, right_s, lookup)
            if found is None:
                continue
            if doubtful and found.anchor < 3:
                continue  # an ordinary character is only doubted for a longer word it completes
            if cells[i].ch == LOST and not (cells[i].reading or cells[i].lead) and found.score < 2:
                continue  # nothing known about it: one two-character word is too little to go on
            # Each further lost character must buy a clearly better reading.
            if best is None or found.score >= best[0] + n:
                best = (found.score - n, found, slots)
        if best is None:
            return None
        found, slots = best[1], best[2]
        return "".join(
            form.decode("gbk")
            if form is not None and (slot.lead is not None or slot.trail is not None)
            else (to_traditional(ch) if traditional else ch)
            for ch, form, slot in zip(found.chars, found.forms, slots, strict=True)
        )

    for i in range(len(cells)):
        if suspect[i]:
            # a merged rare character is certainly damaged: one word joining it is evidence enough
            choice = try_fill(i, doubtful=False)
            out[i] = _guessed(choice) if choice else LOST
            filled += len(choice or "")
    for i, cell in enumerate(cells):
        if not (cell.in_run and _is_han(cell.ch)) or suspect[i]:
            continue
        if (i and suspect[i - 1]) or (i + 1 < len(cells) and suspect[i + 1]):
            continue  # next to damage, no word can be expected to join it
        left, right = context(i)
        left_s, right_s = to_simplified(left), to_simplified(right)
        if _covered(left_s + to_simplified(cell.ch) + right_s, len(left_s), lookup):
            continue
        # An ordinary character may still be two merged ones; it takes more to doubt it.
        choice = try_fill(i, doubtful=True)
        if choice:
            out[i] = _guessed(choice)
            filled += len(choice)
    return "".join(out), filled


def _guessed(chars: str) -> str:
    """Each guessed character followed by ``GUESS``, so later steps can count and show it."""
    return "".join(ch + GUESS for ch in chars)
