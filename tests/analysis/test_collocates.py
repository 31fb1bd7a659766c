"""Collocate scores against a hand computation (the formulas are stated in the module)."""

from __future__ import annotations

import math

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from explore.analysis.collocates import COLUMNS, collocates, g2_table, node_positions, window_counts

# two paragraphs of terms; N = 7 positions
PARAS = [["a", "x", "b", "y"], ["x", "a", "c"]]
FREQ = {"a": 2, "x": 2, "b": 1, "y": 1, "c": 1}


def _freq(terms):
    return {t: FREQ[t] for t in terms}


def test_window_of_one_by_hand():
    left, right, occurrences, slots = window_counts(PARAS, ["a"], window=1)
    # a in P1 has no left neighbour and x on its right; a in P2 has x left and c right
    assert (dict(left), dict(right), occurrences, slots) == ({"x": 1}, {"x": 1, "c": 1}, 2, 3)


def test_scores_by_hand():
    table = collocates(PARAS, ["a"], _freq, 7, window=1, min_freq=1).set_index("collocate")
    x = table.loc["x"]
    # O = 2, W = 3, f = 2, N = 7: E = 6/7
    assert (x["frequency"], x["left"], x["right"], x["corpus_frequency"]) == (2, 1, 1, 2)
    assert x["expected"] == pytest.approx(0.857, abs=1e-3)
    assert x["mi"] == pytest.approx(math.log2(2 / (6 / 7)), abs=1e-3)  # 1.222
    assert x["t_score"] == pytest.approx((2 - 6 / 7) / math.sqrt(2), abs=1e-3)  # 0.808
    # cells (O, E): (2, 6/7), (1, 15/7), (0, 8/7), (4, 20/7)
    by_hand = 2 * (2 * math.log(2 / (6 / 7)) + 1 * math.log(1 / (15 / 7)) + 4 * math.log(4 / (20 / 7)))
    assert x["log_likelihood"] == pytest.approx(by_hand, abs=1e-3)  # 4.557
    assert g2_table(2, 3, 2, 7) == pytest.approx(by_hand)


def test_min_freq_and_sorting():
    table = collocates(PARAS, ["a"], _freq, 7, window=1, min_freq=2)
    assert table["collocate"].tolist() == ["x"]
    by_freq = collocates(PARAS, ["a"], _freq, 7, window=3, min_freq=1, sort_by="frequency")
    assert by_freq["frequency"].is_monotonic_decreasing
    with pytest.raises(ValueError, match="sort_by"):
        collocates(PARAS, ["a"], _freq, 7, sort_by="pmi")  # type: ignore[arg-type]
    with pytest.raises(ValueError, match="window"):
        window_counts(PARAS, ["a"], window=0)


def test_a_node_of_several_tokens_and_paragraph_edges():
    paras = [["优化", "营商", "环境", "改革"], ["环境", "保护"], ["营商"]]
    assert node_positions(paras[0], ["营商", "环境"]) == [1]
    left, right, n, slots = window_counts(paras, ["营商", "环境"], window=2)
    assert (dict(left), dict(right), n, slots) == ({"优化": 1}, {"改革": 1}, 1, 2)
    with pytest.raises(ValueError, match="at least one token"):
        node_positions(paras[0], [])


def test_nothing_found_is_an_empty_table():
    table = collocates([["b", "c"]], ["a"], _freq, 7)
    assert table.empty and "mi" in table.columns


def test_a_weighed_paragraph_counts_as_its_repeats():
    repeated = [PARAS[0], PARAS[1], PARAS[1], PARAS[1]]
    once = window_counts([PARAS[0], PARAS[1]], ["a"], window=2, weights=[1, 3])
    assert once == window_counts(repeated, ["a"], window=2)


def test_repulsion_comes_after_attraction_however_high_its_g2():
    # 50 windows of one token: a seen 5 times where 0.5 are expected, r 2 times where 26.3 are
    paras = [["n", "a"]] * 5 + [["n", "r"]] * 2 + [["n", "f"]] * 43
    freq = {"a": 10, "r": 526, "f": 60}
    table = collocates(paras, ["n"], lambda ts: {t: freq[t] for t in ts}, 1000, window=1, min_freq=1)
    assert table["collocate"].tolist() == ["f", "a", "r"]
    assert table["direction"].tolist() == ["attraction", "attraction", "repulsion"]
    r = table.set_index("collocate").loc["r"]
    assert r["expected"] == pytest.approx(26.3) and r["log_likelihood"] > table["log_likelihood"].iloc[1]
    assert r["mi"] < 0 and r["t_score"] < 0  # the signed scores say it by themselves


def test_windows_wider_than_the_selection_leave_g2_empty_instead_of_failing():
    # two overlapping windows hold 6 positions of a selection of 4: no 2 x 2 table fits
    table = collocates([["a", "x", "a", "x"]], ["a"], lambda ts: {"x": 2, "a": 2}, 4, window=5, min_freq=1)
    assert table["collocate"].tolist() == ["a", "x"] and table["log_likelihood"].isna().all()
    assert math.isnan(g2_table(4, 6, 4, 4)) and math.isnan(g2_table(1, 1, 1, 0))
    with pytest.raises(ValueError, match="min_freq"):
        collocates(PARAS, ["a"], _freq, 7, min_freq=0)


@settings(max_examples=200, deadline=None)
@given(
    paragraphs=st.lists(st.lists(st.sampled_from("abcx"), max_size=8), max_size=5),
    window=st.integers(1, 10),
    min_freq=st.integers(1, 3),
    extra=st.integers(-3, 20),
)
def test_any_selection_gives_a_table(paragraphs, window, min_freq, extra):
    """Empty, one paragraph, a handful of tokens, a total smaller or larger than the tokens given."""
    counts = {t: sum(p.count(t) for p in paragraphs) for t in "abcx"}
    total = max(sum(counts.values()) + extra, 0)
    table = collocates(
        paragraphs, ["a"], lambda ts: {t: counts[t] for t in ts}, total, window=window, min_freq=min_freq
    )
    assert list(table.columns) == COLUMNS
    assert ((table["log_likelihood"] >= 0) | table["log_likelihood"].isna()).all()
    o, e = table["frequency"], table["expected"]
    clear = (o - e).abs() > 1e-3  # expected is rounded to 3 places
    want = (o > e).map({True: "attraction", False: "repulsion"})
    assert (table["direction"][clear] == want[clear]).all()
