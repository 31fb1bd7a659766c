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
word that reaches the known text, so a guess is never made from the bytes alone. The pass that
decides which characters of a text to ask about is ``infill_text``.
"""

from __future__ import annotations

import functools
import math
import unicodedata
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass

from explore.ingest.pinyin import readings
from explore.ingest.script import COMMON_PUNCT, char_log_freq, opencc_table

Lookup = Callable[[str], "int | None"]  # word -> frequency, 0 for a mere prefix, None if neither

_MIN_CHAR_LOG_FREQ = 2.0  # candidates are characters real text uses
_ANY_MIN_LOG_FREQ = 3.0  # ... and when nothing at all is known, only the commoner ones
MAX_WORD = 6
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
    for src, targets in opencc_table("STCharacters.txt").items():
        if src in table:
            table[src].update(t for t in targets if len(t) == 1)
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


def reads_as(ch: str, reading: str) -> bool:
    """Is ``ch`` (Simplified) read ``reading`` (pinyin with tone marks)?"""
    return ch in _by_reading().get(_reading_key(reading), frozenset())


def _reading_key(syllable: str) -> str:
    """A reading as the character dictionary writes it: tone marks kept, v as ü (lǜ), lower case."""
    return unicodedata.normalize("NFC", syllable.strip().lower().replace("v", "ü"))


@functools.cache
def _by_reading() -> dict[str, frozenset[str]]:
    """Characters by pinyin reading, from JioNLP's character dictionary (``data/jionlp/``)."""
    out: dict[str, set[str]] = {}
    forms = _gbk_forms()
    for ch, found in readings().items():
        if ch in forms:
            for reading in found:
                out.setdefault(_reading_key(reading), set()).add(ch)
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
        sets.append(_by_reading().get(_reading_key(slot.reading), frozenset()))
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


def dropped(first: bytes, second: bytes) -> bool:
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
    left = left[-(MAX_WORD - 1) :]
    right = right[: MAX_WORD - 1]
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
            fitting = tuple(f for f in fitting if dropped(forms[i - 1], f))  # type: ignore[arg-type]
        return fitting[0] if fitting else False

    def search(pos: int, score: float, anchor: int) -> None:
        # a new word starts at ``pos``; every slot before it is covered
        if pos >= end_slots:
            if best[0] is None or score > best[0].score:
                best[0] = Filling("".join(chosen), tuple(forms), score, anchor)
            return
        extend(pos, "", score, anchor)

    def extend(pos: int, prefix: str, score: float, anchor: int) -> None:
        if pos >= seq_len or len(prefix) >= MAX_WORD:
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
