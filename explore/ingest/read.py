"""Bytes to decoded text: detecting encodings, reducing HTML (pure). The folder walk is
``ingest.folder``.

Every file found either becomes a ``RawDoc`` or a ``Skipped`` with a reason a person can act
on; nothing is dropped silently and nothing raises for a bad file.
"""

from __future__ import annotations

import codecs
import hashlib
import json
import re
from dataclasses import dataclass

from bs4 import BeautifulSoup
from charset_normalizer import from_bytes

from explore.ingest.script import plausibility

SUFFIXES = (".txt", ".md", ".html", ".htm")

_BOMS = (
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
# Tried in this order when the bytes are not UTF-8; the most plausible reading wins.
_CJK_ENCODINGS = ("gb18030", "big5", "big5hkscs")
_DROP_TAGS = ("script", "style", "noscript", "nav", "footer", "header", "aside", "form", "iframe", "svg", "button")


@dataclass(frozen=True)
class RawDoc:
    """One readable file: its text as decoded, before any repair."""

    file: str  # path relative to the corpus folder, with '/' separators
    text: str
    encoding: str
    sha1: str


@dataclass(frozen=True)
class Skipped:
    """One file that could not be read, and why."""

    file: str
    reason: str


def content_hash(data: bytes) -> str:
    return hashlib.sha1(data).hexdigest()


def decode_bytes(data: bytes) -> tuple[str, str]:
    """Decode bytes in whatever common encoding they are in (UTF-8, UTF-16 with or without a
    BOM, GB18030, Big5, or what charset_normalizer finds). Returns (text, encoding).

    Raises ``ValueError`` with a reason when the bytes are empty, binary, or undecodable.
    """
    if not data.strip():
        raise ValueError("empty file")
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return data.decode(encoding), encoding
            except UnicodeDecodeError as err:
                raise ValueError(
                    f"starts with a {encoding} byte-order mark but does not decode: {err.reason}"
                ) from None
    head = data[:4096]
    controls = sum(head.count(b) for b in range(32) if b not in (9, 10, 12, 13, 27))
    # A stray NUL or bell is damage in a text; many are UTF-16 or a binary file.
    if head.count(0) > max(2, len(head) // 100) or controls > len(head) // 20:
        guess = _utf16_without_bom(data)
        if guess:
            return guess
        raise ValueError("binary file (contains NUL bytes)")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    else:
        return _gb_over_utf8(data, text) or (text, "utf-8")
    # A UTF-8 file with a few bad bytes (cut off, one corrupt sector) is still UTF-8: every
    # GB18030 or Big5 reading of it would be garbage throughout.
    text = data.decode("utf-8", errors="replace")
    bad = text.count("\ufffd")
    # Counting the good characters walks the text in Python: only when so few are bad that it
    # can matter (a GBK or Big5 file has a bad byte every few characters and never gets here).
    good = -1 if bad > max(2, len(text) // 100) else sum(1 for ch in text if ord(ch) > 127) - bad
    if bad <= max(2, good // 100) and good >= 10 * bad:
        return text, f"utf-8 ({bad} bad byte{'s' if bad != 1 else ''} replaced)"
    reading = _cjk_reading(data)
    if reading:
        return reading
    matches = [m for m in from_bytes(data) if m.encoding]
    if not matches:
        raise ValueError("could not detect the text encoding (not UTF-8, GB18030, Big5 or another common one)")
    # Equally plausible single-byte readings: prefer the most widely used (Windows Western).
    least = min(m.chaos for m in matches)
    tied = [m for m in matches if m.chaos == least]
    best = next((m for m in tied if m.encoding == "cp1252"), tied[0])
    return str(best), best.encoding


# Mean plausibility of ordinary Chinese (common characters score 5 and more); a Western text's
# accents read as GB18030 (café → caf茅) score about 3.5.
_PLAIN_CHINESE = 4.5


def _gb_over_utf8(data: bytes, text: str) -> tuple[str, str] | None:
    """A short GB18030 or Big5 text that happens to be valid UTF-8 too (全 is C8 AB, which UTF-8
    reads as ȫ): when the UTF-8 reading holds no Chinese character at all and a CJK reading is
    ordinary Chinese, the CJK reading."""
    if text.isascii() or any("\u4e00" <= ch <= "\u9fff" or "\u3400" <= ch <= "\u4dbf" for ch in text):
        return None
    reading = _cjk_reading(data)
    return reading if reading and plausibility(reading[0][:5000]) >= _PLAIN_CHINESE else None


def _cjk_reading(data: bytes) -> tuple[str, str] | None:
    """The most plausible GB18030 or Big5 reading; a BOM-less UTF-16 one wins only when clearly
    more plausible (it is never mistaken for them: see ``_utf16_without_bom``)."""
    readings = []
    for encoding in _CJK_ENCODINGS:
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            continue
        readings.append((plausibility(text[:5000]), text, encoding))
    utf16 = _utf16_without_bom(data)
    if utf16:
        readings.append((plausibility(utf16[0][:5000]) - _UTF16_MARGIN, *utf16))
    if not readings:
        return None
    _, text, encoding = max(readings, key=lambda r: r[0])
    return text, encoding


# A UTF-16 reading must beat the GB18030/Big5 ones by this much plausibility (log10 frequency).
_UTF16_MARGIN = 0.5
# What UTF-16 Chinese is made of: CJK ideographs and punctuation, full-width forms, dashes,
# quotes and ellipses, Roman and circled numerals, printable ASCII, line breaks, · and ×.
# Random or GBK bytes read as UTF-16 are mostly Hangul, Yi, private-use characters or
# unpaired surrogates instead.
_ORDINARY = re.compile(
    "[\u4e00-\u9fff\u3400-\u4dbf\u3000-\u303f\uff00-\uffef\u2010-\u2027\u2160-\u217f\u2460-\u24ff\x20-\x7e\t\n\r\xb7\xd7]"
)


def _utf16_without_bom(data: bytes) -> tuple[str, str] | None:
    """UTF-16 without a BOM, little- or big-endian: ASCII-heavy text has NULs in every other
    byte; Chinese text has few NULs but reads as ideographs and punctuation (over 90 %)."""
    if len(data) % 2:
        return None
    evens, odds = data[0::2], data[1::2]
    best: tuple[tuple[bool, float], str, str] | None = None
    for encoding, zeros in (("utf-16-le", odds), ("utf-16-be", evens)):
        try:
            text = data.decode(encoding)  # strict: an unpaired surrogate fails
        except UnicodeDecodeError:
            continue
        if "\x00" in text:
            continue
        sample = text[:5000]
        rank = (zeros.count(0) > 0.3 * len(zeros), len(_ORDINARY.findall(sample)) / len(sample))
        if (rank[0] or rank[1] > 0.9) and (best is None or rank > best[0]):
            best = (rank, text, encoding)
    return (best[1], best[2]) if best else None


# A page title's site suffix: "… - 某某区人民政府门户网站", "…_红网", "…--当代商报".
_SITE_SUFFIX = re.compile(r"\s*(?:--|[-_|–—])\s*[^-_|–—]{2,30}$")


def _page_title(soup: BeautifulSoup) -> str:
    """The page's own title: og:title, else <title> without the site's suffix."""
    og = soup.find("meta", attrs={"property": "og:title"})
    if og and og.get("content", "").strip():
        return str(og["content"]).strip()
    if soup.title and soup.title.string:
        return _SITE_SUFFIX.sub("", soup.title.string.strip())
    return ""


def _article_title(soup: BeautifulSoup) -> str:
    """The article's title as a government site names it in its meta tags (ArticleTitle, which the
    政府网站发展指引 asks every article page to carry): a field, not a guess."""
    meta = soup.find("meta", attrs={"name": re.compile("^ArticleTitle$", re.I)})
    # markup inside it breaks the headline from its subtitle (…力量<div>——热烈祝贺…): the headline
    lines = re.split(r"<[^>]*>", str(meta.get("content", ""))) if meta else []
    return next((" ".join(x.split()) for x in lines if x.strip()), "")


def html_to_text(html: str) -> str:
    """Visible text of an HTML page, one block per line; scripts, styles and navigation removed.

    A government site's ArticleTitle meta tag opens the text as a 标题 field; else the page title
    (og:title or <title>, without the site's suffix) opens it once: not again when the page's
    first heading repeats it."""
    soup = BeautifulSoup(html.replace('\\"', '"').replace("\\'", "'"), "html.parser")
    title, article = _page_title(soup), _article_title(soup)
    for tag in soup(_DROP_TAGS):
        tag.decompose()
    if soup.title:
        soup.title.decompose()
    for br in soup.find_all("br"):
        br.replace_with("\n")
    text = soup.get_text("\n")
    body_start = " ".join(text.split())[:300]
    if article:  # the site's own field for it, whatever menus stand above the heading
        text = f"标题：{article}\n\n" + text
    elif title and " ".join(title.split()) not in body_start:
        text = title + "\n\n" + text
    return re.sub(r"\n\s*\n+", "\n\n", text)


_MARKUP = re.compile(r"</?(p|div|span|br|h[1-6]|table|tr|td|li|strong|font)\b[^>]*>", re.I)


def looks_like_html(text: str) -> bool:
    """A page, or markup pasted into a text file (a database dump with <p> tags): five tags or
    more are no longer text anyone wrote by hand."""
    head = text[:2000].lower()
    return (
        "<html" in head
        or "<!doctype html" in head
        or ("<body" in head and "</" in head)
        or len(_MARKUP.findall(text[:20000])) >= 5
    )


def _json_records(text: str) -> tuple[list[dict], str] | None:
    """A crawler's records saved as JSON, one object or one a line (JSONL), and the last line as
    it stands when a JSONL excerpt is cut inside it (kept as text); None when ``text`` is no such
    thing."""
    lines = [text.strip()] if text.lstrip().startswith("{") else []
    if lines and "\n" in lines[0] and not _object(lines[0]):
        lines = [line for line in lines[0].splitlines() if line.strip()]
    records = [found for line in lines if (found := _object(line))]
    if records and len(records) == len(lines):
        return records, ""
    if len(lines) > 1 and len(records) == len(lines) - 1 and not _object(lines[-1]):
        return records, lines[-1]  # the excerpt stops inside its last record
    return None


_FRONT_MATTER_FIELDS = 36  # ``records`` reads a front matter of up to 40 lines


def _as_post(record: dict) -> str:
    """A record as the text of a post: its short fields as front matter (--- / key: value / ---),
    which ``records`` reads as the record's fields, then its text fields (content, 正文, a summary)
    as the body, their markup read as text; an empty field is left out. Read as one page instead, a
    record whose content holds markup broke open, and its title field was lost to the headline
    its content holds."""
    head, body = [], []
    for key, value in record.items():
        if value is None or value == "":
            continue  # an empty field says nothing
        text = value if isinstance(value, str) else json.dumps(value, ensure_ascii=False)
        text = html_to_text(text).strip() if isinstance(value, str) and _MARKUP.search(text) else text.strip()
        if _prose(text):
            body.append(text)
        else:
            (head if len(head) < _FRONT_MATTER_FIELDS else body).append(f"{key}: {text}")
    return "\n".join(["---", *head, "---", *body])


def _prose(text: str) -> bool:
    """A record's field that is text to read (its content, a summary), not a name, date or code:
    lines, more than 200 characters, or sentences (…。) of 50 or more."""
    return "\n" in text or len(text) > 200 or (len(text) >= 50 and bool(re.search(r"[。！？；]", text)))


def _object(text: str) -> dict | None:
    try:
        found = json.loads(text)
    except ValueError:
        return None
    return found if isinstance(found, dict) and found else None


# Invisible characters that only hide or disguise text: C0/C1 controls (except newline and
# tab), zero-width characters, byte-order marks inside the text, bidirectional overrides.
_INVISIBLE = re.compile("[\x00-\x08\x0e-\x1f\x7f-\x9f\u200b-\u200d\u2060\ufeff\u202a-\u202e\u2066-\u2069]")


def normalise_controls(text: str) -> str:
    """Line ends as '\\n' (also for CR, VT and FF); invisible control characters removed."""
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\x0b", "\n").replace("\x0c", "\n")
    return _INVISIBLE.sub("", text)


def read_bytes(name: str, data: bytes, *, max_html_tags: int | None = None) -> RawDoc | Skipped:
    """Decode one document's bytes (a file or an upload) named ``name``; problems become ``Skipped``.

    ``max_html_tags`` refuses HTML with more tags (``<`` counted) than that before it is parsed:
    parsing costs some 13 µs and 0.5 KB of memory a tag (9.5 MB of ``<p>a</p>``, 2.5 million
    tags: 34 s and 1.4 GB)."""
    if max_html_tags is not None and max_html_tags <= 0:
        raise ValueError(f"max_html_tags must be positive or None, got {max_html_tags}")
    try:
        text, encoding = decode_bytes(data)
    except ValueError as err:
        return Skipped(name, str(err))
    markup = name.lower().endswith((".html", ".htm")) or looks_like_html(text)
    if markup:
        tags = text.count("<")  # an upper bound, counted without parsing
        if max_html_tags is not None and tags > max_html_tags:
            reason = (
                f"too much markup to read ({tags:,} tags; at most {max_html_tags:,} are read): send the page as text"
            )
            return Skipped(name, reason)
    if (found := _json_records(text)) is not None:
        records, cut = found  # each record's text, its fields kept; a last record cut short as it stands
        text = "\n\n".join([*(_as_post(record) for record in records), *([cut] if cut else [])])
    elif markup:
        text = html_to_text(text)
    text = normalise_controls(text)
    if not text.strip():
        return Skipped(name, "no visible text")
    return RawDoc(name, text, encoding, content_hash(data))
