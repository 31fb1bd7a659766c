"""Collocates of a term: the terms found within a window of tokens on either side of it, with
the association scores AntConc and quanteda users know (pure functions over the tokens table).

Positions are the corpus's terms: a paragraph's tokens in order with punctuation, numbers and
stopwords dropped (the tokens the ``terms`` table counts), so a window of 5 is five content words
on each side. A window never crosses a paragraph. The node may be several tokens (营商环境 cut as
营商 环境): it matches where those tokens stand in a row.

For a collocate c of node n, over the N term positions of the chosen documents:

- O   = occurrences of c inside the node's windows (a c in two overlapping windows counts twice,
        as AntConc counts it);
- W   = the number of positions inside the node's windows (2 × window per occurrence, less where
        a window meets a paragraph's edge);
- f_c = occurrences of c in the chosen documents;
- E   = W × f_c / N, the occurrences expected if c were spread evenly;
- MI  = log2(O / E);
- t   = (O − E) / √O;
- G²  = 2 Σ O_ij ln(O_ij / E_ij) over the 2 × 2 table (inside or outside a window × c or not c),
        E_ij = row_i × column_j / N (Dunning 1993, the four-cell log-likelihood); a cell with
        O_ij = 0 adds nothing. Where windows overlap so much that the table has no room
        (W + f_c − O > N, a cell would be negative: only in a selection of a few paragraphs),
        G² is undefined and left empty (NaN);
- direction = attraction where O > E, repulsion where O < E (neither where equal). G² alone
        does not say which: a term seen 2 times where 26 are expected scores high too.

Sorted by G², attraction comes first, then repulsion (each strongest first); MI and t-score
carry their sign (negative for repulsion) and sort that way by themselves; frequency is the
plain count.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from itertools import repeat
from typing import Literal

import pandas as pd

from explore.analysis.stats import g2_2x2

SortBy = Literal["log_likelihood", "mi", "t_score", "frequency"]
Direction = Literal["attraction", "neither", "repulsion"]
COLUMNS = [
    "collocate", "frequency", "left", "right", "corpus_frequency", "expected", "mi", "t_score", "log_likelihood",
    "direction",
]  # fmt: skip


def node_positions(tokens: Sequence[str], node: Sequence[str]) -> list[int]:
    """Where ``node`` (one token or several in a row) starts in ``tokens``."""
    if not node:
        raise ValueError("the node needs at least one token")
    k = len(node)
    first = node[0]
    return [i for i, t in enumerate(tokens) if t == first and list(tokens[i : i + k]) == list(node)]


def window_counts(
    paragraphs: Iterable[Sequence[str]], node: Sequence[str], *, window: int = 5, weights: Iterable[int] | None = None
) -> tuple[Counter[str], Counter[str], int, int]:
    """(left counts, right counts, node occurrences, positions W inside the windows) over
    paragraphs given as lists of terms; ``weights`` says how many paragraphs each stands for
    (a paragraph repeated word for word is counted once and weighed)."""
    if window < 1:
        raise ValueError(f"window must be at least 1 token, got {window}")
    left, right = Counter(), Counter()
    occurrences = slots = 0
    k = len(node)
    for terms, w in zip(paragraphs, repeat(1) if weights is None else weights, strict=False):
        for i in node_positions(terms, node):
            occurrences += w
            before = terms[max(0, i - window) : i]
            after = terms[i + k : i + k + window]
            for t in before:
                left[t] += w
            for t in after:
                right[t] += w
            slots += (len(before) + len(after)) * w
    return left, right, occurrences, slots


def scores(observed: int, slots: int, corpus_frequency: int, total: int) -> tuple[float, float, float, float]:
    """(expected, MI, t-score, G²) of a collocate seen ``observed`` times in ``slots`` window
    positions, ``corpus_frequency`` times in ``total`` positions (the formulas are above)."""
    expected = slots * corpus_frequency / total
    mi = math.log2(observed / expected)
    t = (observed - expected) / math.sqrt(observed)
    return expected, mi, t, g2_table(observed, slots, corpus_frequency, total)


def g2_table(o11: float, row1: float, col1: float, total: float) -> float:
    """Dunning's G² of one 2 × 2 table (``stats.g2_2x2``); NaN when its margins make no table."""
    return float(g2_2x2(o11, row1, col1, total))


def direction(observed: float, expected: float) -> Direction:
    """Attraction where a collocate is seen near the node more often than expected, repulsion where less."""
    return "attraction" if observed > expected else "repulsion" if observed < expected else "neither"


def collocates(
    paragraphs: Iterable[Sequence[str]],
    node: Sequence[str],
    corpus_frequency: Callable[[Iterable[str]], dict[str, int]],
    total: int,
    *,
    window: int = 5,
    min_freq: int = 2,
    sort_by: SortBy = "log_likelihood",
    weights: Iterable[int] | None = None,
) -> pd.DataFrame:
    """One row per collocate seen at least ``min_freq`` times near ``node``: COLUMNS.

    ``paragraphs`` are the term lists of (at least) every paragraph holding the node;
    ``corpus_frequency`` gives the chosen documents' counts of some terms; ``total`` is N."""
    if sort_by not in ("log_likelihood", "mi", "t_score", "frequency"):
        raise ValueError(f"sort_by must be log_likelihood, mi, t_score or frequency, got {sort_by!r}")
    if min_freq < 1:
        raise ValueError(f"min_freq must be at least 1, got {min_freq}")
    left, right, _, slots = window_counts(paragraphs, node, window=window, weights=weights)
    both = left + right
    kept = sorted(c for c, n in both.items() if n >= min_freq)
    if not kept or total <= 0:
        return pd.DataFrame({c: [] for c in COLUMNS})
    freq = corpus_frequency(kept)
    rows = []
    for c in kept:
        # a collocate is at least as frequent in the corpus as beside the node (counts that
        # disagree come from a stopword list changed between build and query)
        f_c = max(freq.get(c, 0), both[c])
        expected, mi, t, g2 = scores(both[c], slots, f_c, total)
        rows.append((c, both[c], left[c], right[c], f_c, expected, mi, t, g2, direction(both[c], expected)))
    out = pd.DataFrame(rows, columns=COLUMNS)
    for col in ("expected", "mi", "t_score", "log_likelihood"):
        out[col] = out[col].round(3)
    return _ranked(out, sort_by)


def _ranked(table: pd.DataFrame, sort_by: SortBy) -> pd.DataFrame:
    """Strongest first by ``sort_by``; by G² (which has no sign) attraction before repulsion."""
    keys, ascending = [sort_by, "collocate"], [False, True]
    if sort_by == "log_likelihood":
        rank = table["direction"].map({"attraction": 0, "neither": 1, "repulsion": 2})
        table = table.assign(_rank=rank)
        keys, ascending = ["_rank", *keys], [True, *ascending]
    out = table.sort_values(keys, ascending=ascending, kind="stable", na_position="last")
    return out.drop(columns="_rank", errors="ignore").reset_index(drop=True)
