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


def lines_of(paragraphs: pd.DataFrame) -> pd.DataFrame:
    """Rows of doc_id and tokens (the tokens table's) as distinct lines: tokens, docs (the
    doc_id of each paragraph with that line), as ``Tables.token_lines`` gives them."""
    grouped = paragraphs.groupby("tokens", sort=True)["doc_id"].apply(sorted)
    return grouped.rename("docs").reset_index()


def ngrams(
    lines: pd.DataFrame,
    docs: pd.DataFrame,
    *,
    n: int = 3,
    contains: str = "",
    is_term: Callable[[str], bool] | None = None,
    min_freq: int = 2,
) -> pd.DataFrame:
    """N-grams of ``lines`` (tokens, docs: see ``lines_of``) in the documents of ``docs``;
    ``contains`` keeps those whose text (spaces dropped) holds it. Most frequent first.

    A line is cut once however many paragraphs repeat it; its n-grams count once a paragraph."""
    district = dict(zip(docs["doc_id"], docs["district"], strict=True))
    freq: Counter[str] = Counter()
    gram_lines: defaultdict[str, list[int]] = defaultdict(list)
    line_docs: list[set[str]] = []
    for i, (line, ids) in enumerate(zip(lines["tokens"], lines["docs"], strict=True)):
        ids = [d for d in ids if d in district]
        line_docs.append(set(ids))
        if not ids:
            continue
        grams = Counter(paragraph_ngrams(line.split(" ") if line else [], n, is_term=is_term))
        for gram, k in grams.items():
            if contains and contains not in gram.replace(" ", ""):
                continue
            freq[gram] += k * len(ids)
            gram_lines[gram].append(i)
    spread: dict[tuple[int, ...], tuple[int, int]] = {}  # most n-grams share their lines with others
    rows = []
    for gram, f in freq.items():
        if f < min_freq:
            continue
        key = tuple(gram_lines[gram])
        if key not in spread:
            held = set().union(*(line_docs[i] for i in key))
            spread[key] = (len(held), len({district[d] or "(unknown)" for d in held}))
        rows.append((gram, n, f, *spread[key]))
    out = pd.DataFrame(rows, columns=COLUMNS)
    return out.sort_values(
        ["frequency", "documents", "ngram"], ascending=[False, False, True], kind="stable"
    ).reset_index(drop=True)
