"""Keyword frequency and keyness (pure: frames in, frames out).

Frequencies come from the cached per-document term counts (``terms``), never from
re-segmenting. Keyness of a target set of documents against the rest is, by default, the
two-term log-likelihood of Rayson and Garside (2000), the figure of UCREL's log-likelihood
calculator (https://ucrel.lancs.ac.uk/llwizard.html): for a term counted a times in the target
(c tokens in all) and b times in the reference (d tokens),

    G² = 2 (a ln(a / E1) + b ln(b / E2)),  E1 = c (a + b) / (c + d),  E2 = d (a + b) / (c + d),

a term with a zero count adding nothing, signed + where a / c ≥ b / d (over-used in the target)
and − otherwise. ``measure="log_likelihood_4cell"`` gives instead the G² of the whole 2 × 2
table (Dunning 1993), which adds the same terms for the other tokens, c − a and d − b, against
their expected c (c + d − a − b) / (c + d) and d (c + d − a − b) / (c + d); it is never smaller,
and larger by little where a term is rare against the sizes. Neither is the chi-squared that
quanteda's textstat_keyness gives by default.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Literal

import numpy as np
import pandas as pd

from explore.analysis.stats import g2_2x2, g2_terms, per_10k
from explore.ingest.text import PosFilter, part_of_speech, pos_matches

Measure = Literal["log_likelihood", "log_likelihood_4cell"]
FREQUENCY_COLUMNS = ["term", "count", "per_10k_chars", "n_docs", "pos"]
KEYNESS_COLUMNS = [
    "term", "count_target", "count_reference", "per_10k_target", "per_10k_reference", "log_likelihood", "log_ratio",
]  # fmt: skip


def frequency_table(
    counts: pd.DataFrame,
    *,
    n_chars: int,
    pos: PosFilter = "all",
    user_tags: dict[str, str] | None = None,
    top_n: int | None = 50,
) -> pd.DataFrame:
    """FREQUENCY_COLUMNS from ``counts`` (term, count, n_docs: each term's count summed over the
    chosen documents and the documents holding it, ``store.query.Tables.term_counts``) over
    documents of ``n_chars`` characters: the terms of part of speech ``pos``, most frequent first
    (ties by term), the first ``top_n``."""
    if top_n is not None and top_n < 1:
        raise ValueError(f"top_n must be at least 1, got {top_n}")
    if counts.empty:
        return pd.DataFrame(columns=FREQUENCY_COLUMNS)
    table = counts.sort_values(["count", "term"], ascending=[False, True], kind="stable")
    if pos != "all":
        tags = part_of_speech(table["term"], user_tags=user_tags)
        table = table[[pos_matches(tags[t], pos) for t in table["term"]]]
    table = table.head(top_n) if top_n else table
    table = table.assign(
        count=table["count"].astype("int64"),
        n_docs=table["n_docs"].astype("int64"),
        per_10k_chars=per_10k(table["count"], n_chars),
    )
    tags = part_of_speech(table["term"], user_tags=user_tags)
    table["pos"] = [tags[t] for t in table["term"]]
    return table[FREQUENCY_COLUMNS].reset_index(drop=True)


def substring_counts(paragraphs: pd.DataFrame, words: Iterable[str]) -> pd.DataFrame:
    """Counts of user-typed phrases as exact substrings of ``paragraphs``' text, shaped like
    ``terms`` (doc_id, term, count), so a session can count a phrase the segmenter splits without
    re-segmenting anything."""
    rows = []
    for word in words:
        per_doc = paragraphs.assign(n=paragraphs["text"].str.count(re.escape(word))).groupby("doc_id")["n"].sum()
        rows += [(doc_id, word, int(n)) for doc_id, n in per_doc.items() if n > 0]
    return pd.DataFrame(rows, columns=["doc_id", "term", "count"])


def log_likelihood(a: np.ndarray, b: np.ndarray, c: float, d: float) -> np.ndarray:
    """Signed two-term G² (Rayson and Garside 2000, the module's formula) for counts ``a``
    (target, ``c`` tokens) and ``b`` (reference, ``d`` tokens)."""
    a, b = a.astype(float), b.astype(float)
    e1, e2 = c * (a + b) / (c + d), d * (a + b) / (c + d)
    g2 = 2 * (g2_terms(a, e1) + g2_terms(b, e2))
    return np.where(a / c >= b / d, g2, -g2)


def log_likelihood_4cell(a: np.ndarray, b: np.ndarray, c: float, d: float) -> np.ndarray:
    """Signed G² of the whole 2 × 2 table (Dunning 1993): term or other token × target or reference."""
    a, b = a.astype(float), b.astype(float)
    g2 = g2_2x2(a, c, a + b, c + d)
    return np.where(a / c >= b / d, g2, -g2)


def _add_per_10k(table: pd.DataFrame, chars_target: int, chars_reference: int) -> None:
    """per_10k_target and per_10k_reference: the counts per 10,000 characters of each side."""
    table["per_10k_target"] = per_10k(table["count_target"], chars_target)
    table["per_10k_reference"] = per_10k(table["count_reference"], chars_reference)


def keyness(
    sides: pd.DataFrame,
    *,
    chars_target: int,
    chars_reference: int,
    min_count: int = 3,
    top_n: int | None = 30,
    min_g2: float = 0.0,
    measure: Measure = "log_likelihood",
) -> pd.DataFrame:
    """Terms over-used in a target set of documents against the reference (the other chosen
    documents): KEYNESS_COLUMNS, strongest first. ``sides`` holds each term's count_target and
    count_reference (0 where a side never uses it: ``store.query.Tables.counts_by_side``);
    ``chars_*`` are each side's characters, for the rates per 10,000.

    Sizes are token totals, so G² compares like with like. ``measure`` is the two-term G² of
    Rayson and Garside (the default) or the four-cell G² of Dunning (its column is then named
    log_likelihood_4cell); both are in the module docstring. Only positive keyness is returned, and
    only terms whose G² reaches ``min_g2`` (3.84: p < 0.05, 6.63: p < 0.01, 10.83: p < 0.001).
    ``log_ratio`` is the effect size beside it (Hardie's Log Ratio): log2 of the ratio of the two
    relative frequencies, a zero count taken as 0.5; 1 means twice as frequent in the target.
    """
    if min_g2 < 0:
        raise ValueError(f"min_g2 must be zero or more, got {min_g2}")
    if measure not in ("log_likelihood", "log_likelihood_4cell"):
        raise ValueError(f"measure must be log_likelihood or log_likelihood_4cell, got {measure!r}")
    g2 = log_likelihood if measure == "log_likelihood" else log_likelihood_4cell
    c, d = float(sides["count_target"].sum()), float(sides["count_reference"].sum())
    if sides.empty or c == 0 or d == 0:
        return pd.DataFrame(columns=KEYNESS_COLUMNS).rename(columns={"log_likelihood": measure})
    table = sides[sides["count_target"] >= min_count].copy()
    table["log_likelihood"] = g2(table["count_target"].to_numpy(), table["count_reference"].to_numpy(), c, d).round(2)
    _add_per_10k(table, chars_target, chars_reference)
    smoothed = table["count_reference"].where(table["count_reference"] > 0, 0.5)
    table["log_ratio"] = np.log2((table["count_target"] / c) / (smoothed / d)).round(2)
    table = table[(table["log_likelihood"] > 0) & (table["log_likelihood"] >= min_g2)]
    table = table.sort_values(["log_likelihood", "term"], ascending=[False, True], kind="stable")
    table = (table.head(top_n) if top_n else table)[KEYNESS_COLUMNS].reset_index(drop=True)
    return table.rename(columns={"log_likelihood": measure})


PAIR_COLUMNS = ["term", "count_target", "count_reference", "per_10k_target", "per_10k_reference", "total"]


def term_pair(sides: pd.DataFrame, *, chars_target: int, chars_reference: int, min_count: int = 3) -> pd.DataFrame:
    """Each term's frequency in the target and in the reference (per 10,000 characters; ``sides``
    and ``chars_*`` as for ``keyness``), for a scatter of one against the other: PAIR_COLUMNS,
    terms used at least ``min_count`` times in all, most frequent first."""
    if sides.empty:
        return pd.DataFrame(columns=PAIR_COLUMNS)
    table = sides.assign(total=sides["count_target"] + sides["count_reference"])
    table = table[table["total"] >= min_count].copy()
    _add_per_10k(table, chars_target, chars_reference)
    table = table.sort_values(["total", "term"], ascending=[False, True])
    return table[PAIR_COLUMNS].reset_index(drop=True)


def scatter_labels(
    table: pd.DataFrame, *, x: str, y: str, rank_by: str, n: int = 25, min_gap: float = 0.06
) -> pd.DataFrame:
    """The rows to name on a symlog scatter of ``x`` against ``y``: the highest by ``rank_by``
    first, leaving out any that would sit within ``min_gap`` (a share of each axis's span) of
    one already named, so labels never print over each other."""
    if table.empty:
        return table
    # positions as the chart's symlog scales place them (log1p), as shares of each axis's span
    pos = np.log1p(table[[x, y]].clip(lower=0).to_numpy(dtype=float))
    span = np.maximum(pos.max(axis=0) - pos.min(axis=0), 1e-9)
    pos = (pos - pos.min(axis=0)) / span
    kept: list[int] = []
    # only the most frequent few hundred are candidates: a rerun stays fast on a large vocabulary
    for i in np.argsort(-table[rank_by].to_numpy(), kind="stable")[: 10 * n]:
        # a Chinese label is wide and short: it needs more room across than up and down
        if all(abs(pos[i, 0] - pos[j, 0]) > 2 * min_gap or abs(pos[i, 1] - pos[j, 1]) > min_gap for j in kept):
            kept.append(i)
            if len(kept) == n:
                break
    return table.iloc[kept]
