"""Traditional / Simplified: detection, conversion, and a character-plausibility score (pure).

Detection counts characters that exist only in one script, using OpenCC's own character tables,
so it needs no model. The plausibility score (mean log-frequency of characters, from a table
derived from jieba's dictionary) lets the repair step and the decoder choose between candidate
readings of the same bytes.
"""

from __future__ import annotations

import functools
import re
from collections import Counter
from pathlib import Path
from typing import Literal

import opencc

Script = Literal["simplified", "traditional", "mixed", "none"]

_DATA = Path(__file__).parents[1] / "data"
_OPENCC_DICT = Path(opencc.__file__).with_name("dictionary")

# Punctuation that real Chinese prose is full of; garbage from misdecoding rarely is only this.
COMMON_PUNCT = set("，。、；：？！“”‘’（）《》【】—…·　,.;:?!()")
# the marks only sentences hold: a line with one is prose, not a heading, a name or a row of fields
SENTENCE_MARKS = "，,。；;！!？?"
PROSE = re.compile(f"[{SENTENCE_MARKS}]")
# numbering signs as ordinary in a Chinese document as its punctuation: ①…⑳, ⑴…⒇, ⒈…⒛, Ⅰ…Ⅻ, ⅰ…ⅻ
_NUMBERING_SIGNS = frozenset(chr(c) for c in (*range(0x2460, 0x249C), *range(0x2160, 0x217C)))


@functools.cache
def _converter(config: str) -> opencc.OpenCC:
    return opencc.OpenCC(config)


@functools.cache
def opencc_table(name: str) -> dict[str, tuple[str, ...]]:
    """One of OpenCC's character tables (``STCharacters.txt``: each Simplified character and the
    Traditional forms it may stand for), read once; the one place that parses them."""
    table: dict[str, tuple[str, ...]] = {}
    for line in (_OPENCC_DICT / name).read_text(encoding="utf-8").splitlines():
        src, _, targets = line.partition("\t")
        table[src] = tuple(targets.split(" "))
    return table


def _table_keys(name: str) -> frozenset[str]:
    return frozenset(src for src, targets in opencc_table(name).items() if len(src) == 1 and src not in targets)


@functools.cache
def _script_sets() -> tuple[frozenset[str], frozenset[str]]:
    trad_only = _table_keys("TSCharacters.txt")
    simp_only = _table_keys("STCharacters.txt")
    # A character that both tables move (rare variants) says nothing about the script.
    return trad_only - simp_only, simp_only - trad_only


@functools.cache
def char_log_freq() -> dict[str, float]:
    table = {}
    for line in (_DATA / "char_freq.tsv").read_text(encoding="utf-8").splitlines():
        if line and not line.startswith("#"):
            ch, value = line.split("\t")
            table[ch] = float(value)
    return table


def has_traditional(text: str) -> bool:
    """Whether any character of ``text`` is one only Traditional writing uses (a cheap test
    before a conversion that is not needed for most text)."""
    trad_only = _script_sets()[0]
    return not trad_only.isdisjoint(text)


def detect_script(text: str, *, min_signal: int = 5) -> Script:
    """Which script a text is written in, from characters unique to one script.

    Fewer than ``min_signal`` distinctive characters (a short or script-neutral text) gives
    "none"; when neither script has at least 90% of the signal the text is "mixed".
    """
    trad_only, simp_only = _script_sets()
    counts = Counter(text)  # each distinct character looked up once, not each place it stands
    n_trad = sum(n for ch, n in counts.items() if ch in trad_only)
    n_simp = sum(n for ch, n in counts.items() if ch in simp_only)
    total = n_trad + n_simp
    if total < min_signal:
        return "none"
    if n_trad >= 0.9 * total:
        return "traditional"
    if n_simp >= 0.9 * total:
        return "simplified"
    return "mixed"


@functools.cache
def _t2s_moves() -> frozenset[str]:
    """Every character OpenCC's t2s may change: one its character table maps to another first,
    and one a phrase of its phrase table writes otherwise (乾 of 乾淨 stays, of 乾燥 goes)."""
    moved: set[str] = set()
    for name in ("TSCharacters.txt", "TSPhrases.txt"):
        for src, targets in opencc_table(name).items():
            first = targets[0]
            moved.update(a for a, b in zip(src, first, strict=False) if a != b)
            if len(first) != len(src):
                moved.update(src)
    return frozenset(moved)


@functools.cache
def _t2s_tables() -> tuple[dict[str, str], re.Pattern[str], int, dict[int, str]]:
    """OpenCC's t2s tables: each phrase's first reading, a pattern that stops where a phrase may
    begin (its first character, then the rest of one phrase that begins with it), the longest
    phrase's length, and each character's first reading as a ``str.translate`` table."""
    phrases = {src: targets[0] for src, targets in opencc_table("TSPhrases.txt").items()}
    rests: dict[str, list[str]] = {}
    for src in sorted(phrases, key=len, reverse=True):
        rests.setdefault(src[0], []).append(re.escape(src[1:]))
    starts = re.compile(
        f"(?=[{''.join(rests)}])(?:" + "|".join(f"{re.escape(c)}(?={'|'.join(r)})" for c, r in rests.items()) + ")"
    )
    chars = {ord(src): targets[0] for src, targets in opencc_table("TSCharacters.txt").items()}
    return phrases, starts, max(map(len, phrases)), chars


def to_simplified(text: str) -> str:
    """Simplified Chinese as OpenCC's t2s writes it, character for character, and about twenty
    times faster than its pure-Python walk (a seventh of a cold build). OpenCC takes, within each
    stretch between punctuation, the longest phrase of its phrase table first (the leftmost of
    equals), then the longest in what is left on either side, and so on; every other character
    by its character table. No phrase holds punctuation, so over a whole text the longest
    phrases first, each where it overlaps none taken, are the same phrases
    (``tests/ingest/test_script.py`` holds it to OpenCC). Text without a character t2s may
    change is given back as it is."""
    if not text or _t2s_moves().isdisjoint(text):
        return text
    phrases, starts, longest, chars = _t2s_tables()
    found = sorted(
        (-n, m.start())
        for m in starts.finditer(text)
        for n in range(min(longest, len(text) - m.start()), 1, -1)
        if text[m.start() : m.start() + n] in phrases
    )
    taken, used = [], bytearray(len(text))
    for minus_n, at in found:
        if not any(used[at : at - minus_n]):
            used[at : at - minus_n] = b"\x01" * -minus_n
            taken.append((at, at - minus_n))
    out, done = [], 0
    for start, end in sorted(taken):
        out += [text[done:start].translate(chars), phrases[text[start:end]]]
        done = end
    out.append(text[done:].translate(chars))
    return "".join(out)


def to_traditional(text: str) -> str:
    """Traditional Chinese via OpenCC's s2t, for characters chosen from the Simplified word list."""
    return _converter("s2t").convert(text) if text else text


def plausibility(text: str) -> float:
    """Mean per-character score: high for ordinary Chinese prose, low for mojibake.

    Han characters score their log10 frequency (Traditional ones through t2s), common
    punctuation and numbering signs (①, ⑴, Ⅳ) a fixed mid score, ASCII is neutral (ignored), anything else (bopomofo,
    box drawing, kana, Greek, private use) scores zero. An empty text scores 0.
    """
    freq = char_log_freq()
    trad_only, _ = _script_sets()
    scores = []
    for ch in text:
        if ch.isascii() or ch == "\ufffd":
            continue
        if "\u4e00" <= ch <= "\u9fff":
            if ch in trad_only:
                ch = to_simplified(ch)
            scores.append(freq.get(ch, 1.0))
        elif ch in COMMON_PUNCT or ch in _NUMBERING_SIGNS:
            scores.append(3.5)
        else:
            scores.append(0.0)
    return sum(scores) / len(scores) if scores else 0.0
