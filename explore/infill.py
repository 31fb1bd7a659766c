"""Filling in characters that a GBK misdecoding lost, from the bytes that survive (pure).

A scraper that reads GBK one byte out of step pairs each character's second byte with the next
character's first byte. Where such a pair is not valid GBK, the scraper drops it (or prints
``?``). After ``repair`` has put the run back in step, every dropped pair has merged two
characters into one: ``（二）`` (A3A8 B6FE A3A9) lost ``FE A3`` and reads ``（订`` (B6A9). The
surviving bytes still say a lot: the first character began with B6 and the second ended with A9.

This module searches for the characters that fit those bytes *and* make words with the text on
either side, using the segmenter's word list (a mapping like jieba's ``FREQ``: words with their
frequency, every prefix of a word present with frequency 0). A slot is a set of candidate
characters: "first byte B6", "second byte A9", "read qiáng" (a pinyin annotation survived),
or "anything". A filling is accepted only when every filled character sits inside a dictionary
word that reaches the known text, so a guess is never made from the bytes alone.
"""

from __future__ import annotations

import functools
import math
import re
import unicodedata
import zipfile
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from importlib.util import find_spec
from pathlib import Path

from explore.marks import BYTE_BASE, HINT_CLOSE, HINT_OPEN, LEAD_MARK, LOST, RUN_CLOSE, RUN_OPEN
from explore.script import _OPENCC_DICT, COMMON_PUNCT, char_log_freq, to_simplified, to_traditional

Lookup = Callable[[str], "int | None"]  # word -> frequency, 0 for a mere prefix, None if neither

_MIN_CHAR_LOG_FREQ = 2.0  # candidates are characters real text uses
_ANY_MIN_LOG_FREQ = 3.0  # ... and when nothing at all is known, only the commoner ones
_MAX_WORD = 6
_NUMERALS = "一二三四五六七八九十"
# Enumerators are structure, not dictionary words, but a lost bracket is filled the same way.
_ENUMERATORS = [f"{o}{n}{c}" for n in _NUMERALS for o, c in ("（）", "()")] + [f"{n}、" for n in _NUMERALS]


_ENUMERATOR_SET = frozenset(_ENUMERATORS)  # structure outweighs any word: worth one more


@dataclass(frozen=True)
class Slot:
    """One character to find: what its bytes or its reading say about it."""

    lead: int | None = None  # first GBK byte, when it survived
    trail: int | None = None  # second GBK byte, when it survived
    reading: str | None = None  # pinyin with tone marks, when an annotation survived
    keep: str | None = None  # a known character (the reading as it stands), nothing to find
    joined: bool = False  # its head byte was dropped together with the previous slot's tail


@functools.cache
def _variants() -> dict[str, tuple[str, ...]]:
    """Each common character (Simplified, as in the word list) with the forms it may be written in."""
    table: dict[str, set[str]] = {}
    for ch in list(char_log_freq()) + list(COMMON_PUNCT):
        table.setdefault(ch, {ch})
    for line in (_OPENCC_DICT / "STCharacters.txt").read_text(encoding="utf-8").splitlines():
        src, _, targets = line.partition("\t")
        if src in table:
            table[src].update(t for t in targets.split(" ") if len(t) == 1)
    return {ch: tuple(sorted(forms)) for ch, forms in table.items()}


@functools.cache
def _gbk_forms() -> dict[str, tuple[bytes, ...]]:
    """The GBK bytes of every form of every candidate character."""
    out: dict[str, tuple[bytes, ...]] = {}
    freq = char_log_freq()
    for ch, forms in _variants().items():
        if ch not in COMMON_PUNCT and freq.get(ch, 0.0) < _MIN_CHAR_LOG_FREQ:
            continue
        coded = []
        for form in forms:
            try:
                b = form.encode("gbk")
            except UnicodeEncodeError:
                continue
            if len(b) == 2:
                coded.append(b)
        if coded:
            out[ch] = tuple(coded)
    return out


@functools.cache
def _by_byte() -> tuple[dict[int, frozenset[str]], dict[int, frozenset[str]]]:
    lead: dict[int, set[str]] = {}
    trail: dict[int, set[str]] = {}
    for ch, codes in _gbk_forms().items():
        for b in codes:
            lead.setdefault(b[0], set()).add(ch)
            trail.setdefault(b[1], set()).add(ch)
    return {k: frozenset(v) for k, v in lead.items()}, {k: frozenset(v) for k, v in trail.items()}


def _bare(syllable: str) -> str:
    return unicodedata.normalize("NFC", syllable.strip().lower().replace("v", "ü"))


@functools.cache
def _by_reading() -> dict[str, frozenset[str]]:
    """Characters by pinyin reading, from jionlp's character dictionary (read from its package
    files; importing jionlp itself costs seconds)."""
    spec = find_spec("jionlp")
    out: dict[str, set[str]] = {}
    if spec is None or not spec.submodule_search_locations:
        return {}
    folder = Path(next(iter(spec.submodule_search_locations))) / "dictionary"
    text = ""
    if (folder / "chinese_char_dictionary.txt").exists():
        text = (folder / "chinese_char_dictionary.txt").read_text(encoding="utf-8")
    elif (folder / "chinese_char_dictionary.zip").exists():
        with zipfile.ZipFile(folder / "chinese_char_dictionary.zip") as zf:
            text = zf.read(zf.namelist()[0]).decode("utf-8")
    forms = _gbk_forms()
    for line in text.splitlines():
        fields = line.split("\t")
        if len(fields) < 8 or fields[0] not in forms:
            continue
        for reading in re.findall(r"\[([a-zA-Z\u00c0-\u01dc\u0300-\u036f]+)\]", fields[7]):
            out.setdefault(_bare(reading), set()).add(fields[0])
    return {k: frozenset(v) for k, v in out.items()}


@functools.cache
def _common() -> frozenset[str]:
    """Candidates for a slot nothing is known about: only characters common enough to guess."""
    freq = char_log_freq()
    return frozenset(ch for ch in _gbk_forms() if ch in COMMON_PUNCT or freq.get(ch, 0.0) >= _ANY_MIN_LOG_FREQ)


def candidates(slot: Slot) -> frozenset[str]:
    """The characters (Simplified) that fit what is known about a slot."""
    if slot.keep is not None:
        return frozenset(slot.keep)
    lead_index, trail_index = _by_byte()
    sets: list[frozenset[str]] = []
    if slot.lead is not None:
        sets.append(lead_index.get(slot.lead, frozenset()))
    if slot.trail is not None:
        sets.append(trail_index.get(slot.trail, frozenset()))
    if slot.reading is not None:
        sets.append(_by_reading().get(_bare(slot.reading), frozenset()))
    if not sets:
        return _common()
    out = sets[0]
    for s in sets[1:]:
        out = out & s
    return out


def _fits(ch: str, slot: Slot) -> tuple[bytes, ...]:
    """The GBK forms of ``ch`` that fit the slot's surviving bytes."""
    return tuple(
        b
        for b in _gbk_forms().get(ch, ())
        if (slot.lead is None or b[0] == slot.lead) and (slot.trail is None or b[1] == slot.trail)
    )


def _dropped(first: bytes, second: bytes) -> bool:
    """Would a scraper reading one byte late have dropped the pair (first's tail, second's head)?"""
    return _invalid_pair(first[1], second[0])


@functools.cache
def _invalid_pair(tail: int, head: int) -> bool:
    try:
        bytes([tail, head]).decode("gbk")
    except UnicodeDecodeError:
        return True
    return False


@functools.cache
def _extra_words() -> dict[str, int]:
    out: dict[str, int] = {}
    for word in _ENUMERATORS:
        for i in range(1, len(word)):
            out.setdefault(word[:i], 0)
        out[word] = 1000
    return out


def lookup_from(freq: Mapping[str, int]) -> Lookup:
    """A word lookup over a jieba-style frequency table plus the enumerator patterns."""
    extra = _extra_words()

    def lookup(word: str) -> int | None:
        value = freq.get(word)  # the enumerators hold brackets, so they are never jieba words
        return extra.get(word) if value is None else value

    return lookup


@dataclass(frozen=True)
class Filling:
    chars: str  # the characters chosen for the slots (Simplified, as in the word list)
    forms: tuple[bytes | None, ...]  # the GBK form that fitted each one (None when unconstrained)
    score: float
    anchor: int  # length of the longest word joining a filled character to the known text


def _consistent(cands: list[frozenset[str]], slots: Sequence[Slot]) -> list[list[str]]:
    """Candidates pruned to those whose bytes can meet a neighbour's across a dropped pair."""
    sets = [set(c) for c in cands]
    for _ in range(2):
        for i, slot in enumerate(slots):
            if slot.keep is not None:
                continue
            heads = tails = None
            if slot.joined and i > 0 and slots[i - 1].keep is None:
                tails = {f[1] for ch in sets[i - 1] for f in _fits(ch, slots[i - 1])}
            if i + 1 < len(slots) and slots[i + 1].joined and slots[i + 1].keep is None:
                heads = {f[0] for ch in sets[i + 1] for f in _fits(ch, slots[i + 1])}
            if heads is None and tails is None:
                continue
            sets[i] = {
                ch
                for ch in sets[i]
                if any(
                    (tails is None or any(_invalid_pair(t, f[0]) for t in tails))
                    and (heads is None or any(_invalid_pair(f[1], h) for h in heads))
                    for f in _fits(ch, slot)
                )
            }
    return [sorted(s) for s in sets]


def fill(left: str, slots: Sequence[Slot], right: str, lookup: Lookup) -> Filling | None:
    """The best characters for ``slots`` between known Simplified text ``left`` and ``right``.

    Every slot character must lie in a dictionary word of two or more characters, and the words
    must chain without gaps from the first slot to the last; the first word may begin in
    ``left`` and the last may end in ``right``. A slot marked ``joined`` lost its head together
    with the previous slot's tail, so that pair of bytes must be one GBK cannot decode. Score:
    characters joined into words (longer words win), then word frequency.
    """
    if not slots:
        return None
    left = left[-(_MAX_WORD - 1) :]
    right = right[: _MAX_WORD - 1]
    cands = _consistent([candidates(s) for s in slots], slots)
    n_left, n_slots = len(left), len(slots)
    end_slots = n_left + n_slots
    seq_len = end_slots + len(right)
    best: list[Filling | None] = [None]
    chosen: list[str] = []
    forms: list[bytes | None] = []

    def options(pos: int) -> Sequence[str]:
        if pos < n_left:
            return left[pos]
        if pos < end_slots:
            return cands[pos - n_left]
        return right[pos - end_slots]

    def form_for(i: int, ch: str) -> bytes | bool | None:
        """The GBK form used for ``ch`` in slot ``i`` (None if unconstrained), or False."""
        slot = slots[i]
        if slot.keep is not None:
            return None
        fitting = _fits(ch, slot) if (slot.lead is not None or slot.trail is not None) else _gbk_forms()[ch]
        if slot.joined and i > 0 and forms[i - 1] is not None:
            fitting = tuple(f for f in fitting if _dropped(forms[i - 1], f))  # type: ignore[arg-type]
        return fitting[0] if fitting else False

    def search(pos: int, score: float, anchor: int) -> None:
        # a new word starts at ``pos``; every slot before it is covered
        if pos >= end_slots:
            if best[0] is None or score > best[0].score:
                best[0] = Filling("".join(chosen), tuple(forms), score, anchor)
            return
        extend(pos, "", score, anchor)

    def extend(pos: int, prefix: str, score: float, anchor: int) -> None:
        if pos >= seq_len or len(prefix) >= _MAX_WORD:
            return
        in_slots = n_left <= pos < end_slots
        for ch in options(pos):
            word = prefix + ch
            value = lookup(word)
            if value is None:
                continue
            if in_slots:
                form = form_for(pos - n_left, ch)
                if form is False:
                    continue
                chosen.append(ch)
                forms.append(form)  # type: ignore[arg-type]
            if value > 0 and len(word) >= 2 and pos >= n_left:
                start = pos + 1 - len(word)
                enumerator = word in _ENUMERATOR_SET
                # an enumerator opening a line is anchored by the line start itself
                joins = start < n_left or pos >= end_slots or (enumerator and start == 0 == n_left)
                gain = len(word) - 1 + math.log10(value + 1) / 100 + enumerator
                search(pos + 1, score + gain, max(anchor, len(word) + enumerator) if joins else anchor)
            extend(pos + 1, word, score, anchor)
            if in_slots:
                chosen.pop()
                forms.pop()

    for start in range(n_left + 1):
        extend(start, "", 0.0, 0) if start < n_left else search(start, 0.0, 0)
    return best[0]


# --- the pass over a repaired text ------------------------------------------------------------

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
        if slot.joined and prev is not None and not _dropped(prev, code):
            return False
        if slot.reading is not None and to_simplified(ch) not in _by_reading().get(_bare(slot.reading), frozenset()):
            return False
        prev = code
    return True


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
    for start in range(max(0, index - _MAX_WORD + 1), index + 1):
        for end in range(index + 1, min(len(window), start + _MAX_WORD) + 1):
            if end - start >= 2 and (lookup(window[start:end]) or 0) > 0:
                return True
    return False


def fill_text(text: str, lookup: Lookup | None, *, traditional: bool = False) -> tuple[str, int]:
    """Fill lost and merged characters in ``text`` (marked by ``repair``); returns (text, filled).

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
            echoed = _echo(left, slots, right, plain)
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
            out[i] = choice or LOST
            filled += choice is not None
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
            out[i] = choice
            filled += 1
    return "".join(out), filled
