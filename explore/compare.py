"""Side-by-side reading: paragraph alignment by TF-IDF cosine, shared and unique terms (pure).

Vectors are built from the cached per-paragraph term counts with scikit-learn
(``DictVectorizer`` + ``TfidfTransformer``), so nothing is segmented again.
"""

from __future__ import annotations

import pandas as pd
from sklearn.feature_extraction import DictVectorizer
from sklearn.feature_extraction.text import TfidfTransformer
from sklearn.metrics.pairwise import cosine_similarity

ALIGN_COLUMNS = [
    "left_para",
    "right_para",
    "score",
    "shared_terms",
    "left_only",
    "right_only",
    "left_text",
    "right_text",
]


def _bags(para_terms: pd.DataFrame, doc_id: str, paragraphs: pd.DataFrame) -> tuple[list[int], list[dict[str, int]]]:
    nos = paragraphs.loc[paragraphs["doc_id"] == doc_id, "para_no"].tolist()
    pt = para_terms[para_terms["doc_id"] == doc_id]
    grouped = {no: dict(zip(g["term"], g["count"], strict=True)) for no, g in pt.groupby("para_no")}
    return nos, [grouped.get(no, {}) for no in nos]


def align(
    para_terms: pd.DataFrame,
    paragraphs: pd.DataFrame,
    left_id: str,
    right_id: str,
    *,
    column: str = "text",
    max_terms: int = 8,
) -> pd.DataFrame:
    """Each paragraph of ``left_id`` with its most similar paragraph of ``right_id`` (ALIGN_COLUMNS).

    ``score`` is the TF-IDF cosine (0 when nothing is shared, and then ``right_para`` is <NA>);
    IDF is fitted on the two documents' paragraphs together.
    """
    left_nos, left_bags = _bags(para_terms, left_id, paragraphs)
    right_nos, right_bags = _bags(para_terms, right_id, paragraphs)
    if not left_nos:
        return pd.DataFrame(columns=ALIGN_COLUMNS)
    texts = paragraphs.set_index(["doc_id", "para_no"])[column]
    if right_nos and any(left_bags + right_bags):
        vec = DictVectorizer()
        matrix = TfidfTransformer().fit_transform(vec.fit_transform(left_bags + right_bags))
        sims = cosine_similarity(matrix[: len(left_nos)], matrix[len(left_nos) :])
        best = sims.argmax(axis=1)
        scores = sims.max(axis=1)
    else:
        best, scores = [0] * len(left_nos), [0.0] * len(left_nos)
    rows = []
    for i, no in enumerate(left_nos):
        score = float(scores[i])
        j = int(best[i])
        if score > 0:
            lb, rb = left_bags[i], right_bags[j]
            shared = sorted(set(lb) & set(rb), key=lambda t: -(lb[t] + rb[t]))[:max_terms]
            left_only = sorted(set(lb) - set(rb), key=lambda t: -lb[t])[:max_terms]
            right_only = sorted(set(rb) - set(lb), key=lambda t: -rb[t])[:max_terms]
            rows.append(
                (
                    no,
                    right_nos[j],
                    round(score, 3),
                    "、".join(shared),
                    "、".join(left_only),
                    "、".join(right_only),
                    texts[(left_id, no)],
                    texts[(right_id, right_nos[j])],
                )
            )
        else:
            rows.append((no, pd.NA, 0.0, "", "、".join(sorted(left_bags[i])[:max_terms]), "", texts[(left_id, no)], ""))
    out = pd.DataFrame(rows, columns=ALIGN_COLUMNS)
    out["right_para"] = out["right_para"].astype("Int64")
    return out


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
