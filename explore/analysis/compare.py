"""Side-by-side reading: paragraphs paired by TF-IDF cosine, shared wording and terms (pure).

Vectors are built from the cached per-paragraph term counts with scikit-learn
(``DictVectorizer`` + ``TfidfTransformer``), so nothing is segmented again. ``paired_rows``
reads two documents in order as pairs of similar paragraphs, with the paragraphs that have no
partner on rows of their own; ``shared_spans`` finds the wording a pair has in common
(rapidfuzz's Indel alignment).
"""

from __future__ import annotations

import numpy as np
import pandas as pd
from rapidfuzz.distance import Indel
from sklearn.feature_extraction import DictVectorizer
from sklearn.feature_extraction.text import TfidfTransformer
from sklearn.metrics.pairwise import cosine_similarity


def _bags(para_terms: pd.DataFrame, doc_id: str, paragraphs: pd.DataFrame) -> tuple[list[int], list[dict[str, int]]]:
    nos = paragraphs.loc[paragraphs["doc_id"] == doc_id, "para_no"].tolist()
    pt = para_terms[para_terms["doc_id"] == doc_id]
    grouped = {no: dict(zip(g["term"], g["count"], strict=True)) for no, g in pt.groupby("para_no")}
    return nos, [grouped.get(no, {}) for no in nos]


PAIR_COLUMNS = ["left_para", "right_para", "score"]


def _similarities(para_terms: pd.DataFrame, paragraphs: pd.DataFrame, left_id: str, right_id: str):
    left_nos, left_bags = _bags(para_terms, left_id, paragraphs)
    right_nos, right_bags = _bags(para_terms, right_id, paragraphs)
    if left_nos and right_nos and any(left_bags + right_bags):
        matrix = TfidfTransformer().fit_transform(DictVectorizer().fit_transform(left_bags + right_bags))
        sims = cosine_similarity(matrix[: len(left_nos)], matrix[len(left_nos) :])
    else:
        sims = np.zeros((len(left_nos), len(right_nos)))
    return left_nos, right_nos, sims


def paired_rows(
    para_terms: pd.DataFrame, paragraphs: pd.DataFrame, left_id: str, right_id: str, *, min_score: float = 0.2
) -> pd.DataFrame:
    """The two documents read in order, as rows (PAIR_COLUMNS): a left and a right paragraph
    paired when their TF-IDF cosine is at least ``min_score``, a paragraph without a partner on
    a row of its own (the other side <NA>, score 0). Pairs keep both documents' order (a
    paragraph moved far away is read as removed here and added there); among such orderings the
    one with the largest total similarity is chosen (dynamic programming, as in sequence
    alignment)."""
    if not 0 <= min_score <= 1:
        raise ValueError(f"min_score must be between 0 and 1, got {min_score}")
    left_nos, right_nos, sims = _similarities(para_terms, paragraphs, left_id, right_id)
    n, m = len(left_nos), len(right_nos)
    gain = np.where(sims >= min_score, sims, -1.0)
    best = np.zeros((n + 1, m + 1))
    for i in range(n - 1, -1, -1):
        for j in range(m - 1, -1, -1):
            best[i, j] = max(best[i + 1, j], best[i, j + 1], best[i + 1, j + 1] + gain[i, j])
    rows: list[tuple[object, object, float]] = []
    i = j = 0
    while i < n or j < m:
        if i < n and j < m and gain[i, j] > 0 and best[i, j] == best[i + 1, j + 1] + gain[i, j]:
            rows.append((left_nos[i], right_nos[j], round(float(sims[i, j]), 3)))
            i, j = i + 1, j + 1
        elif j >= m or (i < n and best[i, j] == best[i + 1, j]):
            rows.append((left_nos[i], pd.NA, 0.0))
            i += 1
        else:
            rows.append((pd.NA, right_nos[j], 0.0))
            j += 1
    out = pd.DataFrame(rows, columns=PAIR_COLUMNS)
    for col in ("left_para", "right_para"):
        out[col] = out[col].astype("Int64")
    return out


def shared_spans(left: str, right: str, *, min_len: int = 4) -> tuple[list[int], list[int]]:
    """Positions in ``left`` and in ``right`` of the wording both share: the runs of at least
    ``min_len`` characters that an Indel alignment (rapidfuzz) keeps equal, with some Chinese in
    them (a run of digits or signs is a coincidence, not shared wording). Four characters by
    default: two-character words (改革, 取得) recur in any two policy paragraphs."""
    if min_len < 1:
        raise ValueError(f"min_len must be at least 1, got {min_len}")
    mine: list[int] = []
    theirs: list[int] = []
    for op in Indel.opcodes(left, right):
        run = left[op.src_start : op.src_end]
        if op.tag == "equal" and len(run) >= min_len and any("\u4e00" <= ch <= "\u9fff" for ch in run):
            mine.extend(range(op.src_start, op.src_end))
            theirs.extend(range(op.dest_start, op.dest_end))
    return mine, theirs


def term_overlap(terms: pd.DataFrame, left_id: str, right_id: str, *, top_n: int = 20) -> dict[str, list[str]]:
    """The terms both documents use most, and each one's own most frequent terms."""
    lt = terms[terms["doc_id"] == left_id].set_index("term")["count"]
    rt = terms[terms["doc_id"] == right_id].set_index("term")["count"]
    shared = (lt[lt.index.isin(rt.index)] + rt[rt.index.isin(lt.index)]).sort_values(ascending=False)
    return {
        "shared": shared.index[:top_n].tolist(),
        "left_only": lt[~lt.index.isin(rt.index)].sort_values(ascending=False).index[:top_n].tolist(),
        "right_only": rt[~rt.index.isin(lt.index)].sort_values(ascending=False).index[:top_n].tolist(),
    }
