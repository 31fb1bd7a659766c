"""How honest the repair is, on clean paragraphs damaged the way scrapers damage them (pure).

The damage: a GBK stream loses the lead byte of one character; the scraper shows the lost
byte as ``?`` and decodes the rest one byte late until an ASCII trail byte puts the decoder
back in step (what ``codecs`` does with the shortened bytes). Repairing the damaged paragraph
is then compared with the clean one, character by character:

- restored: the paragraph comes back exactly;
- marked: characters shown as ``�`` (the reader sees that something is missing), guessed
  characters included: the text as written shows them as ``�``;
- guessed: characters the repair guessed from the word list (kept in the analysis text only);
- wrong: any other character that differs from the clean text, or one silently missing
  (must be 0: an unmarked wrong character is a lie in the text);
- clean changed: clean paragraphs that the repair changes at all (must be 0).
"""

from __future__ import annotations

import difflib
import hashlib
import random
from dataclasses import dataclass

from explore.ingest.document import original_text
from explore.ingest.infill import Lookup
from explore.ingest.marks import LOST
from explore.ingest.repair import repair_text

_MIN_HAN = 20


@dataclass
class RepairScore:
    damaged: int = 0  # paragraphs damaged and repaired
    restored: int = 0
    marked: int = 0
    guessed: int = 0
    wrong: int = 0
    clean: int = 0  # clean paragraphs repaired as they are
    clean_changed: int = 0

    def as_dict(self) -> dict[str, int]:
        return dict(self.__dict__)


def _han(text: str) -> int:
    return sum("\u4e00" <= ch <= "\u9fff" for ch in text)


def damage(text: str, *, seed: int) -> str | None:
    """``text`` with one character's lead byte lost, as a scraper shows it; None when the text
    has no GBK form or no place to damage."""
    try:
        data = text.encode("gbk")
    except UnicodeEncodeError:
        return None
    wide = [i for i, ch in enumerate(text[: len(text) - 8]) if "\u4e00" <= ch <= "\u9fff"]
    if not wide:
        return None
    at = random.Random(seed).choice(wide)
    head = len(text[:at].encode("gbk"))
    return text[:at] + "?" + data[head + 1 :].decode("gbk", errors="replace")


def _compare(clean: str, got: str, score: RepairScore) -> None:
    if got == clean:
        score.restored += 1
        return
    if len(got) == len(clean):
        # Same length: compare in place (an alignment could pair a repeated character wrongly).
        for a, b in zip(clean, got, strict=True):
            if a != b:
                score.marked += b == LOST
                score.wrong += b != LOST
        return
    for op, i1, i2, j1, j2 in difflib.SequenceMatcher(None, clean, got, autojunk=False).get_opcodes():
        if op == "equal":
            continue
        written = got[j1:j2]
        score.marked += written.count(LOST)
        score.wrong += len(written) - written.count(LOST) + max(0, (i2 - i1) - (j2 - j1))


def score_repair(paragraphs: list[str], *, limit: int = 400, lookup: Lookup | None = None) -> RepairScore:
    """Damage each clean paragraph (at most ``limit``, chosen in order) and score the repair of
    both the damaged and the clean form."""
    score = RepairScore()
    for text in paragraphs:
        if score.clean >= limit:
            break
        if _han(text) < _MIN_HAN or LOST in text:
            continue
        score.clean += 1
        same, _ = repair_text(text)
        if original_text(same) != text:
            score.clean_changed += 1
        seed = int.from_bytes(hashlib.sha1(text.encode("utf-8")).digest()[:4], "big")
        broken = damage(text, seed=seed)
        if broken is None or broken == text:
            continue
        fixed, stats = repair_text(broken, lookup=lookup)
        score.damaged += 1
        score.guessed += stats.guessed
        _compare(text, original_text(fixed), score)
    return score
