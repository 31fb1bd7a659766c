"""A site's pinyin reading after characters, removed (pure): ``號(hào)``, ``區(qū)委``, ``會(hui) 議``.

A reading is removed only when its bracket holds one valid pinyin syllable right after a Han
character (or a lost one), so ``(牵头单位:区编办)``, ``(政府)`` and ``(PPP)`` stay. The reading of a
lost character is kept as a hint for ``infill``. ``repair`` runs this between re-reading misdecoded
runs and filling lost characters.
"""

from __future__ import annotations

import re
import unicodedata

from explore.ingest.marks import DAMAGE_CLOSE, HINT_CLOSE, HINT_OPEN, LOST, RUN_CLOSE

_INITIALS = ["", "b", "p", "m", "f", "d", "t", "n", "l", "g", "k", "h", "j", "q", "x"]
_INITIALS += ["zh", "ch", "sh", "r", "z", "c", "s", "y", "w"]
_FINALS = [
    "a",
    "o",
    "e",
    "i",
    "u",
    "v",
    "ai",
    "ei",
    "ao",
    "ou",
    "an",
    "en",
    "ang",
    "eng",
    "ong",
    "er",
    "ia",
    "ie",
    "iao",
    "iu",
    "ian",
    "in",
    "iang",
    "ing",
    "iong",
    "ua",
    "uo",
    "uai",
    "ui",
    "uan",
    "un",
    "uang",
    "ue",
    "ve",
    "van",
    "vn",
    "io",
    "r",
    "n",
    "ng",
    "m",
]
_SYLLABLES = frozenset(i + f for i in _INITIALS for f in _FINALS) - {""}


def toneless(syllable: str) -> str:
    """Tone marks off, ü as v: 'qiáng' -> 'qiang', 'lǜ' -> 'lv'."""
    decomposed = unicodedata.normalize("NFD", syllable).replace("u\u0308", "v").replace("U\u0308", "V")
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


_PINYIN_GROUP = re.compile(
    r"(?P<lead>[\u4e00-\u9fff\ufffd\ue001\ue003])\s?(?P<open>[(（]?)(?P<py>[a-zA-Z\u00c0-\u01dc\u0300-\u036f]{1,7}) ?[)）]"
    r"(?P<space>[ \xa0](?=[\u4e00-\u9fff\u3000-\u303f\uff00-\uffef\d]))?"
)


def strip_pinyin(text: str) -> tuple[str, int]:
    """Remove reading annotations such as ``號(hào)`` (or ``樂(lè )``, a space before the bracket
    closes); returns (text, how many removed)."""
    removed = 0
    # a reading without a tone mark is taken where the text glosses more than one character: a
    # single (a) after a character is a list's mark (第一款（a）项), not a site's gloss
    found = [m for m in _PINYIN_GROUP.finditer(text) if toneless(m.group("py").lower()) in _SYLLABLES]
    glosses = len(found)
    # a mirror that writes a space after every reading (會(hui) 議, 8萬(wan) 元) put the space in with
    # it; where only some readings have one, it parts a table's cells (培訓(xùn) 職業技能培訓) and stays
    spaced = glosses >= 2 and sum(bool(m.group("space")) for m in found) >= 0.8 * glosses

    def _sub(m: re.Match[str]) -> str:
        nonlocal removed
        py = m.group("py")
        if not py.islower() and not py.isupper():
            return m.group()
        has_tone = any(unicodedata.combining(c) for c in unicodedata.normalize("NFD", py))
        if toneless(py.lower()) not in _SYLLABLES:
            return m.group()
        lead = m.group("lead")
        if not m.group("open") and not (lead in (LOST, DAMAGE_CLOSE, RUN_CLOSE) or has_tone):
            return m.group()  # 'xx)' with no '(' is only taken as pinyin after a lost character
        if py.isupper() or (glosses < 2 and not has_tone):
            return m.group()  # acronyms such as (PPP) or (AI); a lone toneless letter
        removed += 1
        space = "" if spaced else m.group("space") or ""
        if lead in (LOST, RUN_CLOSE) and has_tone:
            # The reading of a character that was lost or merged: ``infill`` can use it.
            return lead + HINT_OPEN + py.lower() + HINT_CLOSE + space
        return lead + space

    return _PINYIN_GROUP.sub(_sub, text), removed
