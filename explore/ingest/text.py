"""Segmentation: the only module that knows jieba and rjieba (pure).

A ``Segmenter`` owns one tokenizer with the policy-term dictionary loaded: an ``rjieba.Jieba``
(jieba-rs, about 30 times faster, the default) or a ``jieba.Tokenizer`` (the reference), the
word frequencies the repair step checks against, the stopword list, and the rules for which
tokens count as terms. Everything else asks it for
tokens or terms. Dictionaries are plain files (``data/policy_terms.txt``,
``data/stopwords.txt``, and optionally ``dictionary.txt`` / ``stopwords.txt`` in the corpus
folder) so users can extend them; ``dictionary_fingerprint`` lets caches notice a change.
"""

from __future__ import annotations

import bisect
import functools
import logging
import os
import re
import tempfile
from collections.abc import Callable, Collection, Container, Iterable, Sequence
from pathlib import Path
from typing import Literal

import jieba
from jieba.finalseg import re_skip as _RE_SKIP

from explore.ingest.dictionaries import (  # noqa: F401  (re-exported for callers of this module)
    DEFAULT_STOPWORDS,
    DEFAULT_USERDICT,
    dictionary_files,
    dictionary_fingerprint,
    read_userdict,
    read_word_file,
)
from explore.ingest.infill import Lookup, lookup_from
from explore.ingest.lexicon import default_lexicon, lexicon_terms

PosFilter = Literal["all", "nouns", "verbs"]
Backend = Literal["jieba", "rjieba"]
BACKENDS: tuple[Backend, ...] = ("jieba", "rjieba")
POS_FILTERS: tuple[PosFilter, ...] = ("all", "nouns", "verbs")

# A term has a Han character or a Latin letter; numbers, punctuation and damage do not count.
_TERM = re.compile(r"[\u4e00-\u9fffA-Za-z]")
_DAMAGE = re.compile(r"[\ufffd\ue000\ue001]")
# Ordinals and session numbers (十九, 第十五届, 第一次, 十八大 is a word of its own and stays):
# numbers written in Chinese are no more terms than 2017 or 40.
_CN_NUMBER = re.compile(r"^第?[一二三四五六七八九十百千零〇两]+(?:届|次|个|项|条|年|是)?$")
_NOUN_TAGS = ("n", "vn", "an", "ns", "nr", "nt", "nz", "ng", "nrt", "nrfg")
_VERB_TAGS = ("v", "vn", "vd", "vi", "vg", "vq")

jieba.setLogLevel(logging.WARNING)
_MAIN_DICTIONARY = Path(jieba.__file__).with_name("dict.txt")  # word, frequency, part of speech


class Segmenter:
    """jieba with our dictionaries and term rules. Build one per process; it is not cheap."""

    def __init__(
        self,
        *,
        userdicts: Sequence[Path] = (DEFAULT_USERDICT,),
        stopword_files: Sequence[Path] = (DEFAULT_STOPWORDS,),
        hmm: bool = True,
        backend: Backend = "jieba",
    ) -> None:
        if backend not in BACKENDS:
            raise ValueError(f"backend must be one of {BACKENDS}, got {backend!r}")
        self.hmm = hmm
        self.backend = backend
        self._jieba = _new_jieba() if backend == "jieba" else None
        self._rjieba = _new_rjieba() if backend == "rjieba" else None
        self._added: dict[str, int] = {}  # the words added and their prefixes, for the repair's look-ups
        self._prefixes: set[str] = set()
        self._lookup: Lookup | None = None
        self.user_tags: dict[str, str] = {}
        self._judged: dict[str, bool] = {}  # token -> counts as a term (``terms_of``)
        for path in userdicts:
            for word, freq, tag in read_userdict(path):
                self.add_word(word, freq=freq, tag=tag)
        self.stopwords = frozenset(w for path in stopword_files for w in read_word_file(path))

    @classmethod
    def for_corpus(cls, corpus: Path | None = None, **kwargs: object) -> Segmenter:
        """The segmenter for a corpus folder: default and corpus dictionaries, plus the theme
        lexicon's terms, so that a theme term is counted as one token."""
        userdicts, stopwords = dictionary_files(corpus)
        seg = cls(userdicts=userdicts, stopword_files=stopwords, **kwargs)  # type: ignore[arg-type]
        for term in lexicon_terms(default_lexicon()):
            if len(term) > 1 and term not in seg.user_tags:
                seg.add_word(term)
        return seg

    def add_word(self, word: str, *, freq: int | None = None, tag: str = "") -> None:
        """Make ``word`` one token from now on; without ``freq``, the backend picks one that keeps
        it whole (jieba's add_word(word) then suggest_freq(word, tune=True), spelled out)."""
        for _ in range(1 if freq is not None else 2):
            if self._rjieba is not None:
                # rjieba's suggestion is jieba's formula in floating point, an existing word's one
                # higher or lower: on the seeds and eval/, 脱贫攻坚 and 重大项目 are then kept whole
                # where jieba's cut 脱贫/攻坚战 and 重大/项目建设 (38 places in 26,000 lines)
                f = freq if freq is not None else self._rjieba.suggest_freq(word)
                self._rjieba.add_word(word, f, tag or None)
            else:
                f = freq if freq is not None else self._jieba.suggest_freq(word, False)
                self._jieba.add_word(word, f, tag or None)
            self._added[word] = f
        self._prefixes.update(word[:end] for end in range(1, len(word)))
        if tag:
            self.user_tags[word] = tag
        self._judged.clear()

    def word_lookup(self) -> Lookup:
        """Word frequencies (prefixes as 0) for ``repair`` to check the characters it fills in."""
        if self._lookup is None:
            table = self._jieba.FREQ if self._jieba is not None else _DictionaryTable(self._added, self._prefixes)
            self._lookup = lookup_from(table)
        return self._lookup

    def tokens(self, text: str) -> list[str]:
        """All tokens of a text, whitespace dropped."""
        if self._rjieba is not None:
            return _as_jieba_splits(self._rjieba.cut(text, self.hmm))
        return [t for t in self._jieba.lcut(text, HMM=self.hmm) if t.strip()]

    def is_term(self, token: str, *, extra_stopwords: Iterable[str] = ()) -> bool:
        return counts_as_term(token, self.stopwords, self.user_tags, extra_stopwords=extra_stopwords)

    def terms(self, text: str) -> list[str]:
        """Tokens that count as terms: no stopwords, numbers, punctuation or damaged text."""
        return self.terms_of(self.tokens(text))

    def terms_of(self, tokens: Iterable[str]) -> list[str]:
        """The terms among tokens already cut (``tokens``), in order. Each distinct token is judged
        once per segmenter (a corpus repeats its tokens: half a million of them judged one by one
        were a twentieth of a cold build); ``add_word`` forgets the judgements, as it may tag one."""
        memo = self._judged
        return [t for t in tokens if (memo[t] if t in memo else memo.setdefault(t, self.is_term(t)))]


@functools.cache
def _main_dictionary() -> tuple[dict[str, int], list[str]]:
    """jieba's main dictionary: each word's frequency (the last entry of a word listed twice, as
    its tokenizer keeps) and the words sorted. One pass over the file, 0.3 s, where a tokenizer's
    table of words and all their prefixes takes 0.6-1 s to build."""
    freqs = {word: int(freq) for word, freq, _ in _main_dictionary_entries()}
    return freqs, sorted(freqs)


def _main_dictionary_entries() -> list[tuple[str, str, str]]:
    """(word, frequency, part of speech or '') of each line of jieba's main dictionary, in order."""
    return re.findall(r"^(\S+) (\d+)(?: (\S+))?$", _MAIN_DICTIONARY.read_text(encoding="utf-8"), re.M)


def main_dictionary_freqs(words: Collection[str]) -> dict[str, int]:
    """The frequency of each of ``words`` that jieba's main dictionary lists."""
    freqs, _ = _main_dictionary()
    return {word: freqs[word] for word in set(words) if word in freqs}


class _DictionaryTable:
    """jieba's frequency table as ``repair`` reads it (a word's frequency, 0 for a mere prefix of
    a word, else nothing), over the main dictionary and the words a segmenter added, without
    building it: a prefix is found by bisection among the sorted words. Read on the first
    look-up: most documents need no repair."""

    def __init__(self, added: dict[str, int], prefixes: set[str]) -> None:
        self._added, self._prefixes = added, prefixes  # the segmenter's own: words added later are seen

    def get(self, word: str, default: int | None = None) -> int | None:
        if word in self._added:
            return self._added[word]
        freqs, words = _main_dictionary()
        if word in freqs:
            return freqs[word]
        if word in self._prefixes:
            return 0
        at = bisect.bisect_left(words, word)  # the first word not below it starts with it, if any does
        return 0 if word and at < len(words) and words[at].startswith(word) else default


def counts_as_term(
    token: str, stopwords: frozenset[str], tagged: Container[str], *, extra_stopwords: Iterable[str] = ()
) -> bool:
    """Whether a token counts as a term: a Han character or a Latin letter, no damage, no number
    written in Chinese unless a dictionary tags it as a word (十八大), no stopword. Needs only
    the word lists, not jieba's dictionary: tokens cut already are judged without loading it."""
    return (
        bool(_TERM.search(token))
        and not _DAMAGE.search(token)
        and not (_CN_NUMBER.match(token) and token not in tagged)
        and token not in stopwords
        and not (token.isascii() and token.lower() in stopwords)  # The, AND
        and token not in extra_stopwords
    )


def term_rule(corpus: Path | None = None) -> Callable[[str], bool]:
    """``counts_as_term`` under a corpus folder's word lists, as its segmenter judges tokens."""
    userdicts, stopword_files = dictionary_files(corpus)
    stopwords = frozenset(w for path in stopword_files for w in read_word_file(path))
    tagged = frozenset(word for path in userdicts for word, _, tag in read_userdict(path) if tag)
    return functools.partial(counts_as_term, stopwords=stopwords, tagged=tagged)


def _new_jieba() -> jieba.Tokenizer:
    tokenizer = jieba.Tokenizer()
    # jieba caches its parsed dictionary as a file; keep it somewhere writable and private.
    tokenizer.tmp_dir = os.environ.get("EXPLORE_CACHE_DIR") or tempfile.gettempdir()
    os.makedirs(tokenizer.tmp_dir, exist_ok=True)
    tokenizer.initialize()
    return tokenizer


def _new_rjieba():
    import rjieba

    return rjieba.Jieba()


def _as_jieba_splits(tokens: Iterable[str]) -> list[str]:
    """rjieba's tokens as jieba cuts them, whitespace dropped: rjieba keeps a run of ASCII
    (zh-CN, 2006-04-06, --) whole where jieba hands it to its HMM step, which splits it with
    ``jieba.finalseg.re_skip``; split it the same way."""
    out = []
    for token in tokens:
        if token.isascii() and len(token) > 1 and not token.isalnum():  # most tokens are Han: one test
            out.extend(piece for piece in _RE_SKIP.split(token) if piece.strip())
        elif token.strip():
            out.append(token)
    return out


def differences(a: Segmenter, b: Segmenter, texts: Iterable[str]) -> list[tuple[list[str], list[str]]]:
    """Where two segmenters cut the same texts differently: (a's tokens, b's tokens) per place."""
    import difflib

    out = []
    for text in texts:
        x, y = a.tokens(text), b.tokens(text)
        if x != y:
            ops = difflib.SequenceMatcher(None, x, y, autojunk=False).get_opcodes()
            out += [(x[i1:i2], y[j1:j2]) for op, i1, i2, j1, j2 in ops if op != "equal"]
    return out


@functools.cache
def _dictionary_tags() -> dict[str, str]:
    """Part of speech of every word in jieba's main dictionary (word freq tag lines)."""
    return {word: tag for word, _, tag in _main_dictionary_entries() if tag}


def part_of_speech(terms: Iterable[str], *, user_tags: dict[str, str] | None = None) -> dict[str, str]:
    """A dictionary part-of-speech tag for each term (user dictionary first); 'x' when unknown.

    Looking terms up once is far cheaper than tagging every token with jieba.posseg, and
    policy texts use words in their dictionary sense.
    """
    tags = _dictionary_tags()
    # The tags of the policy dictionary (营商环境 n, 放管服 nz) count unless a caller gives its own.
    user_tags = _policy_tags() if user_tags is None else user_tags
    return {t: user_tags.get(t) or tags.get(t, "x") for t in terms}


@functools.cache
def _policy_tags() -> dict[str, str]:
    return {word: tag for word, _, tag in read_userdict(DEFAULT_USERDICT) if tag}


def pos_matches(tag: str, pos: PosFilter) -> bool:
    if pos not in POS_FILTERS:
        raise ValueError(f"pos must be one of {POS_FILTERS}, got {pos!r}")
    if pos == "all":
        return True
    return tag in (_NOUN_TAGS if pos == "nouns" else _VERB_TAGS)


def leading_name(text: str) -> int:
    """The length of the person's name ``text`` opens on (何海平教育局 → 3, 张菁民政局 → 2), by
    jieba's part-of-speech tagger (nr); 0 when it opens on none. A task table's leader cell run
    together with the unit after it is read apart by this."""
    import jieba.posseg

    first = next(iter(jieba.posseg.cut(text[:12])), None)
    return len(first.word) if first is not None and first.flag == "nr" and 2 <= len(first.word) <= 3 else 0
