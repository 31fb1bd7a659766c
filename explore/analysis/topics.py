"""Topics: a latent Dirichlet allocation over documents or paragraphs (scikit-learn, no
downloads), its top terms, a coherence figure to choose the number of topics by, and topic
shares by document, district and year (pure functions over term counts).

The same counts, number of topics and seed give the same topics (``random_state``).

Coherence is UMass as Mimno et al. (2011, "Optimizing semantic coherence in topic models",
EMNLP) define it: for a topic's M top terms v_1 … v_M in order of their probability in the
topic (M = ``top_n``, 10),

    C = Σ_{m=2..M} Σ_{l=1..m−1} log((D(v_m, v_l) + 1) / D(v_l)),

D(v) the units (documents or paragraphs) holding v, D(v, v') those holding both; natural log.
It is a sum over the M (M − 1) / 2 pairs (45 for ten terms), not a mean; gensim's "u_mass"
averages the same terms with a tiny epsilon for the + 1, so its figures are not these. Each term
lies between log(1 / D(v_l)) (never together) and log(1 + 1 / D(v_l)) (always together), so
C is mostly negative but can be above 0 (two terms always together in 2 units add
log(3/2) = +0.405): higher means the top terms more often stand together. Compare it only
between models with the same M, over the same units.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

import numpy as np
import pandas as pd
from scipy import sparse

from explore.analysis.filters import groups_of

Unit = Literal["documents", "paragraphs"]
TOPIC_COLUMNS = ["topic", "label", "top_terms", "share", "coherence"]


@dataclass(frozen=True)
class TopicModel:
    topics: pd.DataFrame  # TOPIC_COLUMNS, one row a topic
    shares: pd.DataFrame  # doc_id, topic, share: each document's shares sum to 1
    units: int  # documents or paragraphs modelled
    vocabulary: int  # terms kept


def default_unit(n_docs: int) -> Unit:
    """Documents when there are enough of them to tell topics apart; paragraphs otherwise."""
    return "documents" if n_docs >= 50 else "paragraphs"


def unit_matrix(
    counts: pd.DataFrame,
    *,
    unit: Unit,
    min_df: int = 2,
    max_df: float = 0.5,
    max_terms: int = 4000,
    min_len: int = 2,
) -> tuple[sparse.csr_matrix, list[str], pd.Series]:
    """(unit × term counts, the terms, each row's doc_id) from rows of doc_id[, para_no], term,
    count. Terms held by fewer than ``min_df`` units or by more than ``max_df`` of them are
    left out (they tell no topic apart), then the ``max_terms`` most frequent are kept. Terms
    shorter than ``min_len`` characters (市, 县, 前) are left out: on the evaluation documents
    they filled the top terms of every topic without naming one."""
    if unit not in ("documents", "paragraphs"):
        raise ValueError(f"unit must be documents or paragraphs, got {unit!r}")
    keys = ["doc_id"] if unit == "documents" else ["doc_id", "para_no"]
    counts = counts[counts["term"].str.len() >= min_len]
    rows = counts.groupby([*keys, "term"], sort=False, observed=True)["count"].sum().reset_index()
    n_units = rows[keys].drop_duplicates().shape[0]
    df = rows.groupby("term", observed=True).size()
    total = rows.groupby("term", observed=True)["count"].sum()
    ok = df[(df >= min_df) & (df <= max(max_df * n_units, min_df))].index
    vocab = sorted(total[ok].sort_values(ascending=False, kind="stable").head(max_terms).index)
    rows = rows[rows["term"].isin(vocab)]
    unit_index = rows[keys].drop_duplicates().reset_index(drop=True)
    unit_no = pd.MultiIndex.from_frame(unit_index).get_indexer(pd.MultiIndex.from_frame(rows[keys]))
    term_no = pd.Index(vocab).get_indexer(rows["term"])
    matrix = sparse.csr_matrix((rows["count"].to_numpy(float), (unit_no, term_no)), shape=(len(unit_index), len(vocab)))
    return matrix, vocab, unit_index["doc_id"]


def umass(binary: sparse.csc_matrix, top: list[int]) -> float:
    """UMass coherence (Mimno et al. 2011, the sum in the module docstring) of the terms at
    columns ``top`` of a units × terms 0/1 matrix, most probable first; 0 for one term."""
    sub = binary[:, top]
    together = (sub.T @ sub).toarray()
    held = np.diag(together)
    if (held[:-1] == 0).any():
        raise ValueError("every top term must occur in at least one unit")
    return float(sum(np.log((together[m, j] + 1) / held[j]) for m in range(1, len(top)) for j in range(m)))


def fit_topics(
    counts: pd.DataFrame,
    *,
    unit: Unit = "documents",
    n_topics: int = 10,
    seed: int = 1,
    top_n: int = 10,
    max_iter: int = 20,
) -> TopicModel:
    """An LDA of ``counts`` (see ``unit_matrix``) with ``n_topics`` topics."""
    from sklearn.decomposition import LatentDirichletAllocation

    if n_topics < 2:
        raise ValueError(f"n_topics must be at least 2, got {n_topics}")
    matrix, vocab, doc_of_row = unit_matrix(counts, unit=unit)
    if matrix.shape[0] < 2 or matrix.shape[1] < n_topics:
        raise ValueError(
            f"too little text for {n_topics} topics: {matrix.shape[0]} {unit} share {matrix.shape[1]} terms "
            "(a term must occur in at least two of them); choose fewer topics or paragraphs as units"
        )
    lda = LatentDirichletAllocation(
        n_components=n_topics, random_state=seed, learning_method="batch", max_iter=max_iter
    )
    per_unit = lda.fit_transform(matrix)
    per_unit = per_unit / per_unit.sum(axis=1, keepdims=True)
    weights = lda.components_ / lda.components_.sum(axis=1, keepdims=True)
    binary = (matrix > 0).astype(float).tocsc()
    # a document's shares are the mean of its units' (one unit when units are documents)
    doc_shares = pd.DataFrame(per_unit).groupby(doc_of_row.to_numpy(), sort=False).mean()
    rows = []
    for k in range(n_topics):
        top = list(np.argsort(-weights[k], kind="stable")[:top_n])
        terms = [vocab[i] for i in top]
        rows.append((k + 1, " ".join(terms[:3]), " ".join(terms), float(doc_shares[k].mean()), umass(binary, top)))
    topics = pd.DataFrame(rows, columns=TOPIC_COLUMNS)
    topics["share"] = topics["share"].round(4)
    topics["coherence"] = topics["coherence"].round(3)
    shares = doc_shares.rename(columns=lambda k: k + 1).rename_axis("doc_id").reset_index()
    shares = shares.melt(id_vars="doc_id", var_name="topic", value_name="share")
    shares["topic"] = shares["topic"].astype("int64")
    return TopicModel(topics, shares.reset_index(drop=True), matrix.shape[0], matrix.shape[1])


def of_documents(model: TopicModel, doc_ids) -> TopicModel:
    """``model`` (fitted on more documents) as these documents carry it: their shares, and each
    topic's share the mean over them. The top terms and coherence stay the model's own."""
    ids = set(doc_ids)
    shares = model.shares[model.shares["doc_id"].isin(ids)].reset_index(drop=True)
    mean = shares.groupby("topic")["share"].mean()
    topics = model.topics.assign(share=model.topics["topic"].map(mean).fillna(0.0).astype(float).round(4))
    return TopicModel(topics, shares, model.units, model.vocabulary)


def shares_by(shares: pd.DataFrame, docs: pd.DataFrame, topics: pd.DataFrame) -> pd.DataFrame:
    """Mean topic share by district and year: district, year, topic, label, share, documents."""
    with_meta = shares.merge(docs[["doc_id", "district", "year"]], on="doc_id")
    with_meta["district"] = groups_of(with_meta, docs)
    out = (
        with_meta.groupby(["district", "year", "topic"], dropna=False)
        .agg(share=("share", "mean"), documents=("doc_id", "nunique"))
        .reset_index()
    )
    out["share"] = out["share"].round(4)
    out = out.merge(topics[["topic", "label"]], on="topic")
    return out[["district", "year", "topic", "label", "share", "documents"]]


def representative_docs(shares: pd.DataFrame, docs: pd.DataFrame, topic: int, *, top: int = 10) -> pd.DataFrame:
    """The documents with the largest share of ``topic``: doc_id, title, district, year, share."""
    mine = shares[shares["topic"] == topic].sort_values(["share", "doc_id"], ascending=[False, True]).head(top)
    out = mine.merge(docs[["doc_id", "title", "district", "year"]], on="doc_id", how="left")
    out["share"] = out["share"].round(4)
    return out[["title", "district", "year", "share", "doc_id"]]
