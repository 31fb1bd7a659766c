"""N-gram clusters: runs of 2 to 5 tokens in a row, as AntConc's Clusters/N-grams tool counts
them (pure functions over the tokens table).

A run never crosses punctuation or a paragraph's edge, and keeps the function words inside it
(深化 的 改革 is not 深化 改革). By default a run must begin and end with a term, so 的 改革 and
改革 的 are not counted as clusters of their own. For each n-gram: its frequency, the documents
that hold it, and the districts those documents belong to (AntConc's range).
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable

import pandas as pd

COLUMNS = ["ngram", "n", "frequency", "documents", "districts"]
# a token that is a word: a letter, an ideograph or a digit in it (punctuation breaks a run)
_WORD = re.compile(r"[\w\u3400-\u9fff]")


def runs(tokens: Iterable[str]) -> list[list[str]]:
    """The stretches of word tokens between punctuation."""
    out, run = [], []
    for t in tokens:
        if _WORD.search(t):
            run.append(t)
        elif run:
            out.append(run)
            run = []
    if run:
        out.append(run)
    return out


def paragraph_ngrams(tokens: Iterable[str], n: int, *, is_term: Callable[[str], bool] | None = None) -> list[str]:
    """The n-grams of one paragraph, joined by spaces, in order; with ``is_term`` only those
    that begin and end with a term."""
    if not 2 <= n <= 5:
        raise ValueError(f"n must be from 2 to 5, got {n}")
    out = []
    for run in runs(tokens):
        for i in range(len(run) - n + 1):
            gram = run[i : i + n]
            if is_term is None or (is_term(gram[0]) and is_term(gram[-1])):
                out.append(" ".join(gram))
    return out


def ngrams(
    paragraphs: pd.DataFrame,
    docs: pd.DataFrame,
    *,
    n: int = 3,
    contains: str = "",
    is_term: Callable[[str], bool] | None = None,
    min_freq: int = 2,
) -> pd.DataFrame:
    """N-grams of ``paragraphs`` (doc_id, tokens: the tokens table's rows) in the documents of
    ``docs``; ``contains`` keeps those whose text (spaces dropped) holds it. Most frequent first."""
    district = docs.set_index("doc_id")["district"]
    freq: Counter[str] = Counter()
    in_docs: defaultdict[str, set[str]] = defaultdict(set)
    for doc_id, line in zip(paragraphs["doc_id"], paragraphs["tokens"], strict=True):
        if doc_id not in district.index:
            continue
        for gram in paragraph_ngrams(line.split(" ") if line else [], n, is_term=is_term):
            if contains and contains not in gram.replace(" ", ""):
                continue
            freq[gram] += 1
            in_docs[gram].add(doc_id)
    rows = [
        (gram, n, f, len(in_docs[gram]), len({district[d] or "(unknown)" for d in in_docs[gram]}))
        for gram, f in freq.items()
        if f >= min_freq
    ]
    out = pd.DataFrame(rows, columns=COLUMNS)
    return out.sort_values(
        ["frequency", "documents", "ngram"], ascending=[False, False, True], kind="stable"
    ).reset_index(drop=True)
