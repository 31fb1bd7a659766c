"""Network edge weights against a hand count of paragraphs."""

from __future__ import annotations

import pandas as pd
import pytest

from explore.analysis.collocates import g2_table
from explore.analysis.network import edge_table, node_table

# paragraphs: {a, b}, {a, b, c}, {a, c}... by hand: a in 3, b in 2, c in 2; a&b 2, a&c 1, b&c 1
NODES = pd.DataFrame({"term": ["a", "b", "c"], "paragraphs": [3, 2, 2]})
PAIRS = pd.DataFrame({"source": ["a", "a", "b"], "target": ["b", "c", "c"], "both": [2, 1, 1]})


def test_jaccard_and_dice_by_hand():
    j = edge_table(NODES, PAIRS, paragraphs=4).set_index(["source", "target"])["weight"]
    assert j[("a", "b")] == pytest.approx(2 / 3, abs=1e-4)  # 2 / (3 + 2 - 2)
    assert j[("a", "c")] == pytest.approx(1 / 4, abs=1e-4)  # 1 / (3 + 2 - 1)
    assert j[("b", "c")] == pytest.approx(1 / 3, abs=1e-4)  # 1 / (2 + 2 - 1)
    d = edge_table(NODES, PAIRS, paragraphs=4, measure="dice").set_index(["source", "target"])["weight"]
    assert d[("a", "b")] == pytest.approx(0.8, abs=1e-4)  # 2·2 / (3 + 2)
    assert edge_table(NODES, PAIRS, paragraphs=4, top_edges=1)["target"].tolist() == ["b"]


def test_log_likelihood_keeps_attraction_only():
    g = edge_table(NODES, PAIRS, paragraphs=4, measure="log_likelihood")
    # a&b: 2 together, 3·2/4 = 1.5 expected: kept; a&c: 1 < 1.5: left out; b&c 1 = 2·2/4: left out
    assert g[["source", "target"]].values.tolist() == [["a", "b"]]
    assert g["weight"].iloc[0] == pytest.approx(g2_table(2, 3, 2, 4), abs=1e-4)
    with pytest.raises(ValueError, match="measure"):
        edge_table(NODES, PAIRS, paragraphs=4, measure="cosine")  # type: ignore[arg-type]


def test_nodes_have_communities_and_a_stable_layout():
    nodes = pd.DataFrame({"term": list("abcdef"), "paragraphs": [5, 4, 4, 5, 4, 4]})
    pairs = pd.DataFrame(
        {
            "source": ["a", "a", "b", "d", "d", "e", "c"],
            "target": ["b", "c", "c", "e", "f", "f", "d"],
            "both": [4, 4, 4, 4, 4, 4, 1],
        }
    )
    edges = edge_table(nodes, pairs, paragraphs=10)
    one, two = node_table(nodes, edges, seed=3), node_table(nodes, edges, seed=3)
    pd.testing.assert_frame_equal(one, two)
    community = one.set_index("term")["community"]
    assert community["a"] == community["b"] == community["c"] != community["d"] == community["e"] == community["f"]
    assert node_table(nodes, edges.iloc[0:0]).empty


def test_labels_that_would_lie_on_each_other_keep_the_larger_term():
    from explore.analysis.network import label_spots

    nodes = pd.DataFrame({"term": ["改革", "创新", "发展", "营商环境"], "paragraphs": [5, 9, 3, 4],
                          "x": [0.0, 0.001, 1.0, 0.0], "y": [0.0, 0.0, 1.0, 1.0]})  # fmt: skip
    assert label_spots(nodes) == [False, True, True, True]  # 改革 lies on 创新, which holds more paragraphs
    assert label_spots(nodes.iloc[:0]) == []
