"""Topics: shares sum to 1 per document, the model is deterministic for a seed, coherence by hand."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest
from scipy import sparse

from explore.analysis.topics import default_unit, fit_topics, representative_docs, shares_by, umass, unit_matrix

WATER = ["水库", "河道", "供水", "污水", "治水"]
SCHOOL = ["学校", "教师", "课程", "学生", "教育"]


def _counts() -> pd.DataFrame:
    rng = np.random.default_rng(0)
    rows = []
    for d in range(12):
        words = WATER if d % 2 else SCHOOL
        for p in range(3):
            for w in rng.choice(words, size=4, replace=False):
                rows.append((f"d{d}", p + 1, w, int(rng.integers(1, 4))))
            rows.append((f"d{d}", p + 1, "工作", 1))  # in every unit: says nothing
    return pd.DataFrame(rows, columns=["doc_id", "para_no", "term", "count"])


def test_shares_sum_to_one_and_the_topics_separate():
    model = fit_topics(_counts(), unit="paragraphs", n_topics=2, seed=1)
    sums = model.shares.groupby("doc_id")["share"].sum()
    assert np.allclose(sums, 1.0) and len(sums) == 12
    top3 = [set(t.split()[:3]) for t in model.topics["top_terms"]]
    groups = [frozenset(WATER) if t <= set(WATER) else frozenset(SCHOOL) if t <= set(SCHOOL) else None for t in top3]
    assert set(groups) == {frozenset(WATER), frozenset(SCHOOL)}  # one topic each
    assert "工作" not in " ".join(model.topics["top_terms"])  # held by every unit: left out
    # Mimno's sum over the 45 pairs of ten top terms: each pair between log(1 / D) and log(1 + 1 / D)
    assert (model.topics["coherence"] <= 45 * np.log(1.5)).all() and model.topics["coherence"].notna().all()


def test_same_seed_same_topics():
    a = fit_topics(_counts(), unit="documents", n_topics=2, seed=7)
    b = fit_topics(_counts(), unit="documents", n_topics=2, seed=7)
    pd.testing.assert_frame_equal(a.topics, b.topics)
    pd.testing.assert_frame_equal(a.shares, b.shares)


def test_umass_by_hand():
    # Mimno et al. 2011: C = sum over m = 2..M, l < m of log((D(v_m, v_l) + 1) / D(v_l)).
    # units: {x, y}, {x}, {x, y}, {z}: D(x) = 3, D(y) = 2, D(z) = 1, D(x, y) = 2, D(x, z) = D(y, z) = 0
    binary = sparse.csc_matrix(np.array([[1, 1, 0], [1, 0, 0], [1, 1, 0], [0, 0, 1]], dtype=float))
    assert umass(binary, [0, 1]) == pytest.approx(np.log((2 + 1) / 3))  # 0
    # (y, x): log(3/3); (z, x): log(1/3); (z, y): log(1/2); sum = log(1/6) = -1.792 (a sum, not a mean)
    assert umass(binary, [0, 1, 2]) == pytest.approx(np.log(1 / 6))
    assert round(umass(binary, [0, 1, 2]), 3) == -1.792
    # the order matters: the denominator is the more probable term's D
    assert umass(binary, [1, 0, 2]) == pytest.approx(np.log(3 / 2) + np.log(1 / 2) + np.log(1 / 3))
    assert umass(binary, [2]) == 0.0


def test_umass_can_be_above_zero():
    # two terms always together in two units: log((2 + 1) / 2) = +0.405, the figure the old
    # docstring's "at most 0" denied
    binary = sparse.csc_matrix(np.array([[1, 1], [1, 1], [0, 0]], dtype=float))
    assert round(umass(binary, [0, 1]), 3) == 0.405
    with pytest.raises(ValueError, match="at least one unit"):
        umass(sparse.csc_matrix(np.array([[0, 1], [0, 1]], dtype=float)), [0, 1])


def test_matrix_rules_and_refusals():
    matrix, vocab, doc_of_row = unit_matrix(_counts(), unit="documents", max_df=0.5)
    assert "工作" not in vocab and matrix.shape == (12, 10) and list(doc_of_row[:2]) == ["d0", "d1"]
    with pytest.raises(ValueError, match="unit must be"):
        unit_matrix(_counts(), unit="sentences")  # type: ignore[arg-type]
    with pytest.raises(ValueError, match="at least 2"):
        fit_topics(_counts(), n_topics=1)
    with pytest.raises(ValueError, match="too little text"):
        fit_topics(_counts().head(3), n_topics=2)
    assert default_unit(49) == "paragraphs" and default_unit(50) == "documents"


def test_shares_by_district_and_representative_documents():
    model = fit_topics(_counts(), unit="documents", n_topics=2, seed=1)
    docs = pd.DataFrame(
        {"doc_id": [f"d{d}" for d in range(12)], "district": ["甲区"] * 6 + [""] * 6, "year": [2020] * 12,
         "title": [f"t{d}" for d in range(12)]}
    )  # fmt: skip
    by = shares_by(model.shares, docs, model.topics)
    assert set(by["district"]) == {"甲区", "unplaced"}  # one label for no place on every page
    assert np.allclose(by.groupby(["district", "year"])["share"].sum(), 1.0, atol=1e-3)
    top = representative_docs(model.shares, docs, 1, top=3)
    assert len(top) == 3 and top["share"].is_monotonic_decreasing
