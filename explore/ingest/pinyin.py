"""Characters' pinyin readings, from JioNLP's character dictionary (``data/jionlp/``), read
once for every use (pure): the repair's readings of a pinyin gloss and the order in which
Chinese words sort (by pinyin, as a Chinese dictionary orders them, not by code point)."""

from __future__ import annotations

import functools
import re
import unicodedata
import zipfile

from explore.ingest.gazetteer import jionlp_file

_READING = re.compile(r"\[([a-zA-Z\u00c0-\u01dc\u0300-\u036f]+)\]")
_TONES = {"\u0304": "1", "\u0301": "2", "\u030c": "3", "\u0300": "4"}


@functools.cache
def readings() -> dict[str, tuple[str, ...]]:
    """Each character's readings as the dictionary writes them, in its order (中: zhōng, zhòng)."""
    text = ""
    if plain := jionlp_file("chinese_char_dictionary.txt"):
        text = plain.read_text(encoding="utf-8")
    elif zipped := jionlp_file("chinese_char_dictionary.zip"):
        with zipfile.ZipFile(zipped) as zf:
            text = zf.read(zf.namelist()[0]).decode("utf-8")
    out: dict[str, tuple[str, ...]] = {}
    for line in text.splitlines():
        fields = line.split("\t")
        if len(fields) >= 8 and (found := _READING.findall(fields[7])):
            out[fields[0]] = tuple(dict.fromkeys(found))
    return out


def numbered(reading: str) -> str:
    """A reading with its tone as a number after it: zhōng → zhong1, lǜ → lv4, de → de5."""
    tone = "5"
    letters = []
    for ch in unicodedata.normalize("NFD", reading.lower()):
        if ch in _TONES:
            tone = _TONES[ch]
        elif ch == "\u0308":
            letters[-1] = "v"  # ü
        elif not unicodedata.combining(ch):
            letters.append(ch)
    return "".join(letters) + tone


@functools.lru_cache(maxsize=1 << 16)
def sort_key(word: str) -> str:
    """The key a word sorts by: its characters' first readings with tone numbers (改革 → gai3 ge2),
    so that words sort as in a Chinese dictionary; Latin letters and digits by themselves, and a
    character the dictionary lacks by its code point, after every reading."""
    table = readings()
    parts = []
    for ch in word:
        if ch in table:
            parts.append(numbered(table[ch][0]))
        elif ch.isascii():
            parts.append(ch.lower())
        else:
            parts.append(f"~{ord(ch):06x}")
    return " ".join(parts)
