"""Where the segmentation dictionaries and stopword lists live, and their fingerprint (pure).

Kept apart from ``text.py`` so that checking a cache key never imports jieba.
"""

from __future__ import annotations

import functools
import hashlib
from importlib.metadata import version
from pathlib import Path

_DATA = Path(__file__).parents[1] / "data"
DEFAULT_USERDICT = _DATA / "policy_terms.txt"
DEFAULT_STOPWORDS = _DATA / "stopwords.txt"
# Optional files in a corpus folder that extend the defaults for that corpus only.
CORPUS_USERDICT = "dictionary.txt"
CORPUS_STOPWORDS = "stopwords.txt"


def read_word_file(path: Path) -> list[str]:
    """Non-empty, non-comment lines of a word list."""
    if not path.exists():
        return []
    lines = path.read_text(encoding="utf-8-sig").splitlines()
    return [line.strip() for line in lines if line.strip() and not line.lstrip().startswith("#")]


def read_userdict(path: Path) -> list[tuple[str, int | None, str]]:
    """(word, frequency or None, part of speech or '') of each entry of a jieba-format user
    dictionary (``word [freq] [pos]``): the one parser of those files."""
    entries = []
    for line in read_word_file(path):
        word, *rest = line.split()
        freq = next((int(r) for r in rest if r.isdigit()), None)
        tag = next((r for r in rest if not r.isdigit()), "")
        entries.append((word, freq, tag))
    return entries


def dictionary_files(corpus: Path | None = None) -> tuple[list[Path], list[Path]]:
    """(user dictionaries, stopword lists) in effect for a corpus folder."""
    userdicts, stopwords = [DEFAULT_USERDICT], [DEFAULT_STOPWORDS]
    if corpus is not None:
        if (corpus / CORPUS_USERDICT).exists():
            userdicts.append(corpus / CORPUS_USERDICT)
        if (corpus / CORPUS_STOPWORDS).exists():
            stopwords.append(corpus / CORPUS_STOPWORDS)
    return userdicts, stopwords


def dictionary_fingerprint(corpus: Path | None = None) -> str:
    """Changes whenever a dictionary or stopword file, or jieba itself, changes."""
    files = [p for group in dictionary_files(corpus) for p in group]
    # Asked once per document in a build: files whose path, size and time are unchanged are not read again.
    return _fingerprint(tuple((p, (st := p.stat()).st_size, st.st_mtime_ns) for p in files))


@functools.lru_cache(maxsize=64)
def _fingerprint(stamps: tuple[tuple[Path, int, int], ...]) -> str:
    h = hashlib.sha1(_jieba_version().encode())
    for path, *_ in stamps:
        h.update(path.name.encode() + b"\0" + path.read_bytes())
    return h.hexdigest()[:16]


@functools.cache
def _jieba_version() -> str:
    return version("jieba")  # reads the installed package's metadata: slow to ask per document
