"""Repair of scraped text: misdecoded-GBK runs and symbols written as their GB code (pure).

Misdecoding. Some scrapers lose one byte of a GBK stream; every following two-byte character is
then read one byte out of step (``以問題`` becomes ``詥栴}``) until an ASCII byte puts the decoder
back in step. Re-encoding such a run as GBK and decoding it one byte later gives the text back,
except the character whose byte was lost. We try that shift on suspicious runs and keep it only
when the result reads as far more ordinary Chinese (``script.plausibility``). A character that
cannot be recovered becomes U+FFFD; a run that cannot be repaired at all is kept as it is, but
wrapped in ``DAMAGE_OPEN``/``DAMAGE_CLOSE`` so later steps can show it and still leave it out of
the analysis text.

Symbols written as their GB code. Some PDFs (Founder-typeset ones) give a full-width symbol's
GB2312 code as its code point: ，(A3AC) comes out as the Yi syllable ꎬ (U+A3AC). Each is read back
exactly (``read_gb_codes``), only where no true Yi text can be meant, and counted.

Pinyin annotations (``號(hào)``) are removed by ``pinyin_glosses`` between the two.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, replace

from explore.ingest.infill import Lookup
from explore.ingest.infill_text import fill_text
from explore.ingest.marks import (
    BYTE_BASE,
    DAMAGE_CLOSE,
    DAMAGE_OPEN,
    LEAD_MARK,
    LOST,
    RUN_CLOSE,
    RUN_OPEN,
)
from explore.ingest.pinyin_glosses import strip_pinyin
from explore.ingest.script import detect_script, plausibility

__all__ = ["DAMAGE_CLOSE", "DAMAGE_OPEN", "LOST", "RepairStats", "repair_text"]

# Characters that ordinary Chinese prose does not contain but out-of-step GBK produces:
# bopomofo, box drawing, GBK's Greek/Cyrillic/kana rows. Circled and bracketed numbers
# (①–⑳, ⑴, ⒈) are left out: clean work reports number their points with them.
_STRONG = re.compile(r"[\u3100-\u312f\u2500-\u257f\u0391-\u03c9\u0410-\u044f\u3041-\u30ff]")
# Inside a text that shows the misreading, GBK's row A2 (circled numbers) is one more sign.
_SUSPECT = re.compile(r"[\u3100-\u312f\u2500-\u257f\u0391-\u03c9\u0410-\u044f\u3041-\u30ff\u2460-\u249b]")
_ANCHOR = re.compile(r"[?\ufffd](?:[a-z\u00e0-\u01dc]{1,7}\))?(?=[!,;: ]?[^\x00-\x7f])")
# A run of characters that GBK encodes in two bytes (Han, full-width punctuation, symbols).
# Scrapers often fold full-width punctuation and the ideographic space to ASCII (NFKC), so
# those ASCII forms may stand inside a run; they are unfolded before re-encoding.
# The ideographic space (A1A1) is a two-byte character like any other: a run may hold it.
_WIDE = re.compile(
    r"[!,;: ]?[^\x00-\x7f\ufffd\ue000\ue001\s\u3000]?(?:[!,;: \u3000]?[^\x00-\x7f\ufffd\ue000\ue001\s])+"
)
_UNFOLD = str.maketrans({"!": "！", ",": "，", ";": "；", ":": "：", " ": "\u3000"})

_LINE_START_QMARK = re.compile(r"(?m)^\?(.)")
_OUTLINE_START = set("（(一二三四五六七八九十0123456789")
_QMARK_LOST = re.compile(r"\?\ufffd")
# '?' and one ASCII letter or sign glued inside Chinese text: the lost lead byte, then its trail
# byte read as ASCII (which put the decoder back in step): 4.7?f個 for 4.7萬個.
# (after a comma too, and before a space or sign: 進展情?r | for 進展情況 |, 作物,?_展 for 作物,開展)
_QMARK_TRAIL = re.compile(r"(?<=[^\x00-\x7f]|\d|[,;:])\?[\x40-\x7e](?![A-Za-z0-9])(?=.)", re.S)
# '?' then one rare character whose second byte is ASCII: the lost lead byte's partner read
# together with the ASCII character after it (可?豂P化 for 可控IP化): the bytes give that ASCII
# character back; the lost one stays lost.
_QMARK_PAIR = re.compile(r"(?<=[^\x00-\x7f]|\d|[,;:])\?([^\x00-\x7f])")
_GLUED_QMARK = re.compile(
    r"(?<=[\u4e00-\u9fff\uff08\uff09\ufffd\ue003])\?|\?(?=[\u4e00-\u9fff]|[a-z\u00e0-\u01dc]{1,7}\))"
)
# How much more plausible (mean log10 frequency) a repair must read; after a '?' anchor the
# misreading is already likely, and shifting ordinary text only ever lowers the score.
_MIN_GAIN = 1.0
_MIN_GAIN_ANCHORED = 0.3


@dataclass(frozen=True)
class RepairStats:
    """What the repair did to one text."""

    repaired: int = 0  # runs read again one byte later and accepted, and symbols read from their GB code
    damaged: int = 0  # places where something is lost or left unreadable
    filled: int = 0  # lost or merged characters found again from their bytes and the word list
    guessed: int = 0  # characters written that the bytes did not decide (fills and indents)


def _gbk_bytes(text: str) -> bytes | None:
    try:
        data = text.translate(_UNFOLD).encode("gbk")
    except UnicodeEncodeError:
        return None
    return data if len(data) == 2 * len(text) else None


def _shift_decode(run: str, next_char: str) -> tuple[str, bool] | None:
    """Read ``run`` one byte later. Returns (text, used_next_char) or None if impossible."""
    data = _gbk_bytes(run)
    if not data:
        return None
    body = data[1:]  # the first byte is the tail of a character whose head was lost
    used_next = False
    if next_char and 0x40 <= ord(next_char) <= 0x7E:
        body += next_char.encode("ascii")  # the ASCII byte that put the decoder back in step
        used_next = True
    if len(body) % 2 and body[-1] >= 0x81:
        # the run ends on a first byte whose partner went with the ASCII that ended the run;
        # keep the byte, ``infill`` can use it
        text = body[:-1].decode("gbk", errors="replace") + LOST + LEAD_MARK + chr(BYTE_BASE + body[-1])
    else:
        text = body.decode("gbk", errors="replace")
    return LOST + text, used_next


def _split_pair(m: re.Match[str]) -> str:
    ch = m.group(1)
    try:
        data = ch.encode("gbk")
    except UnicodeEncodeError:
        return m.group()
    if len(data) == 2 and 0x40 <= data[1] <= 0x7E and plausibility(ch) < 2.5:
        return LOST + chr(data[1])
    return m.group()


def repair_misdecoded(text: str) -> tuple[str, RepairStats]:
    """Repair out-of-step GBK runs in ``text``; see the module docstring."""
    if not text or not (_STRONG.search(text) or _ANCHOR.search(text) or _QMARK_TRAIL.search(text)):
        return text, RepairStats()
    text, trails = _QMARK_TRAIL.subn(LOST, text)
    before = text.count(LOST)
    text = _QMARK_PAIR.sub(_split_pair, text)
    trails += text.count(LOST) - before
    lost_marks = text.count("?" + LOST) + trails
    out: list[str] = []
    pos = 0
    repaired = damaged = guessed = 0
    anchored_any = False
    # A page whose lines were indented (A1A1) loses that lead byte at many line starts: then a
    # lost A1-ending character at a line start is taken for the indent (a counted guess).
    indented = sum(_first_byte(ch) == 0xA1 for ch in _LINE_START_QMARK.findall(text)) >= 3
    for m in _WIDE.finditer(text):
        start, end = m.span()
        if start < pos:
            continue
        run = m.group()
        anchor = _ANCHOR.search(text, max(pos, start - 9), start + 2)
        anchored = anchor is not None and anchor.end() == start
        if not (anchored or (_SUSPECT.search(run) and plausibility(run) < 2.5)):
            continue  # an odd character among ordinary words (α系数, ①加快) is no misreading
        best = _best_shift(run, text[end : end + 1], anchored)
        # '?', a short run, then the decoder's own U+FFFD: the bytes show the misreading (the
        # lost lead byte, then a pair the decoder could not read), whatever the run reads like.
        closed = anchored and text[end : end + 1] == LOST and len(run) <= 4
        if best is None and closed:
            best = _shift_decode(run, "")
        if best is not None and text[end : end + 1] == LOST and _MARKED_BYTE.search(best[0][-2:]):
            # The run ends on a lead byte and the decoder's U+FFFD holds its partner: one
            # character, already marked lost by the re-read, so the U+FFFD is consumed with it.
            best = (best[0], True)
        suspicious = bool(_SUSPECT.search(run)) or plausibility(run) < 2.5
        if best is None and not suspicious:
            continue  # an ordinary run after an ordinary '?': a question mark, leave it
        anchored_any = anchored_any or (anchored and best is not None)
        if anchored:
            # The anchor ('?' or a lost character, maybe with orphan pinyin) stands for the
            # character whose byte was lost, so a repair's own leading LOST is not added again.
            # At the start of a line a lost character ending in byte A1 before an outline number
            # (（一）, 一、, 1.) is the indent (A1A1). The bytes do not decide it (省 is CAA1), so
            # it is counted as a guess; anywhere else such a character is lost.
            indent = (
                best is not None
                and _line_start(text, anchor.start())
                and _first_byte(run) == 0xA1
                and (indented or best[0][1:2] in _OUTLINE_START)
            )
            out.append(text[pos : anchor.start()] + ("\u3000" if indent else LOST) + text[anchor.start() + 1 : start])
            damaged += not indent
            guessed += indent
        else:
            out.append(text[pos:start])
        if best is not None:
            fixed, used_next = best
            fixed = fixed[1:] if anchored else fixed
            out.append(RUN_OPEN + fixed + RUN_CLOSE)
            repaired += 1
            damaged += fixed.count(LOST)
            pos = end + used_next
        else:
            out.append(DAMAGE_OPEN + run + DAMAGE_CLOSE)
            damaged += 1
            pos = end
    out.append(text[pos:])
    # '?' glued to the decoder's U+FFFD is one lost character, not a question mark.
    subs = [_QMARK_LOST.subn(LOST, part) for part in out]
    out = [part for part, _ in subs]
    damaged += trails + sum(n for _, n in subs)
    if not repaired and not anchored_any and not lost_marks:
        # Odd characters alone are no evidence: only a re-read that reads far better, or a
        # '?' standing where a byte was lost, shows that the bytes were misread.
        return text, RepairStats()
    result = "".join(out)
    if repaired or damaged:
        # In a text shown to be misdecoded, a '?' still glued to Han characters is a lost one.
        result, n = re.subn(_GLUED_QMARK, LOST, result)
        damaged += n
    return result, RepairStats(repaired, damaged, guessed=guessed)


def _best_shift(run: str, next_char: str, anchored: bool) -> tuple[str, bool] | None:
    """The most plausible one-byte-late reading of ``run`` (or of its tail), if it gains enough.

    An anchored run starts right after the lost byte; otherwise the misreading may start
    anywhere up to the first suspicious character.
    """
    offsets = [0] if anchored else range(0, _first_suspect(run) + 1)
    best = None
    for k in offsets:
        shifted = _shift_decode(run[k:], next_char)
        if shifted is None:
            continue
        candidate, used_next = shifted
        gain = plausibility(_MARKED_BYTE.sub("", candidate)) - plausibility(run[k:])
        if gain >= (_MIN_GAIN_ANCHORED if anchored else _MIN_GAIN) and (best is None or gain > best[0]):
            best = (gain, run[:k] + candidate, used_next)
    if best is None:
        return None
    # A rare character inside it is far more often two merged by a dropped byte pair than a real
    # rarity; ``infill`` looks at those (and turns the ones it cannot read into LOST).
    _, fixed, used_next = best
    return fixed, used_next


def _line_start(text: str, index: int) -> bool:
    return index == 0 or text[index - 1] in "\n\r"


def _first_byte(run: str) -> int | None:
    data = _gbk_bytes(run)
    return data[0] if data else None


_MARKED_BYTE = re.compile(f"{LEAD_MARK}.")


def _first_suspect(run: str) -> int:
    m = _SUSPECT.search(run)
    return m.start() if m else 0


_ASCII_DEBRIS = re.compile(
    r"(?<=[\ufffd\ue007])(?=[!-/:-@\[-`{-~]{0,2}[<>\[\]\\^_`{}|~@#$&*+=])[!-/:-@\[-`{-~]{1,3}(?=[\ufffd\u4e00-\u9fff])"
)
_DEBRIS_AFTER_LOST = re.compile(r"(?<=[\ufffd\ue003])[@\[\\\]^_`{|}~](?=[\u4e00-\u9fff])")


# A symbol some PDFs (Founder-typeset ones) write as its GB2312 code taken for a code point: ，
# (GB A3AC) comes out as U+A3AC ꎬ, 。 (A1A3) as ꆣ, （ (A3A8) as ꎨ: rows A1-A3 of GB2312 (symbols,
# full-width signs) land in the Yi syllables. Read back only beside Han text or a digit, and only
# when every Yi syllable of the text is one of these (a Yi passage has others).
_GB_CODE = re.compile(r"[\ua1a1-\ua3fe]")
_YI = re.compile(r"[\ua000-\ua48f]")
_BESIDE_HAN = re.compile(r"(?<=[\u4e00-\u9fff\d])\s?([\ua1a1-\ua3fe])|([\ua1a1-\ua3fe])(?=\s?[\u4e00-\u9fff\d])")


def _gb_symbol(char: str) -> str | None:
    """The GB2312 symbol whose code is ``char``'s code point, or None."""
    code = ord(char)
    try:
        found = bytes([code >> 8, code & 0xFF]).decode("gb2312")
    except UnicodeDecodeError:
        return None
    return found if not unicodedata.category(found).startswith("L") else None


def read_gb_codes(text: str) -> tuple[str, int]:
    """``text`` with each symbol written as its GB2312 code read back (ꎬ → ，), and how many."""
    if not _GB_CODE.search(text) or any(not _GB_CODE.fullmatch(y) or not _gb_symbol(y) for y in _YI.findall(text)):
        return text, 0

    def _read(m: re.Match[str]) -> str:
        char = m.group(1) or m.group(2)
        return m.group().replace(char, _gb_symbol(char))

    return _BESIDE_HAN.subn(_read, text)


def repair_text(text: str, *, lookup: Lookup | None = None) -> tuple[str, RepairStats]:
    """The whole repair: symbols written as their GB code, misdecoded runs, then pinyin, then
    debris left around lost characters, then lost and merged characters filled in from surviving
    bytes and the word list ``lookup`` (``infill.lookup_from``; without one, nothing is guessed)."""
    text, read = read_gb_codes(text)
    text, stats = repair_misdecoded(text)
    text, _ = strip_pinyin(text)
    if not (stats.repaired or stats.damaged):
        return text, replace(stats, repaired=read)
    text = _GLUED_QMARK.sub(LOST, text)
    text = _DEBRIS_AFTER_LOST.sub("", text)
    text, filled = fill_text(text, lookup, traditional=detect_script(text) == "traditional")
    # ASCII debris next to lost characters (��)<���): signs no Chinese sentence uses there
    text = _ASCII_DEBRIS.sub(lambda m: LOST * len(m.group()), text)
    damaged = text.count(LOST) + text.count(DAMAGE_OPEN)
    return text, RepairStats(stats.repaired + read, damaged, filled, stats.guessed + filled)
