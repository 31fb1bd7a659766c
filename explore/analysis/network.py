"""Co-occurrence network: terms that stand in the same paragraphs, as KH Coder draws it
(pure functions; networkx for the graph, its communities and its layout).

Nodes are the terms held by the most paragraphs; an edge joins two terms that share paragraphs,
weighted by one stated measure over paragraph counts (a = paragraphs holding both, p_x =
paragraphs holding x, N = paragraphs of the chosen documents):

- jaccard = a / (p_s + p_t − a)
- dice = 2a / (p_s + p_t)
- log_likelihood = Dunning's G² of the 2 × 2 table (s or not × t or not) over N paragraphs,
  kept only where the two meet more often than chance would have them.

Communities are Louvain's (``networkx.community.louvain_communities``), the layout a spring
layout; both take a seed, so the same corpus draws the same picture.
"""

from __future__ import annotations

from typing import Literal

import networkx as nx
import pandas as pd

from explore.analysis.collocates import g2_table

Measure = Literal["jaccard", "dice", "log_likelihood"]
EDGE_COLUMNS = ["source", "target", "both", "source_paragraphs", "target_paragraphs", "weight"]
NODE_COLUMNS = ["term", "paragraphs", "community", "degree", "x", "y"]


def edge_table(
    nodes: pd.DataFrame, pairs: pd.DataFrame, *, paragraphs: int, measure: Measure = "jaccard", top_edges: int = 100
) -> pd.DataFrame:
    """The ``top_edges`` strongest edges: EDGE_COLUMNS, strongest first.

    ``nodes`` has term and paragraphs (the paragraphs holding it); ``pairs`` has source, target
    and both (the paragraphs holding the two); ``paragraphs`` is N."""
    if measure not in ("jaccard", "dice", "log_likelihood"):
        raise ValueError(f"measure must be jaccard, dice or log_likelihood, got {measure!r}")
    if top_edges < 1:
        raise ValueError(f"top_edges must be at least 1, got {top_edges}")
    held = nodes.set_index("term")["paragraphs"]
    e = pairs[pairs["source"].isin(held.index) & pairs["target"].isin(held.index)].copy()
    e["source_paragraphs"] = e["source"].map(held).astype("int64")
    e["target_paragraphs"] = e["target"].map(held).astype("int64")
    a, ps, pt = e["both"].astype(float), e["source_paragraphs"], e["target_paragraphs"]
    if measure == "jaccard":
        e["weight"] = a / (ps + pt - a)
    elif measure == "dice":
        e["weight"] = 2 * a / (ps + pt)
    else:
        e["weight"] = [g2_table(x, s, t, paragraphs) for x, s, t in zip(a, ps, pt, strict=True)]
        e = e[a > ps * pt / paragraphs]  # a G² says "different", not "together": keep attraction only
    e["weight"] = e["weight"].astype(float).round(4)
    e = e.sort_values(["weight", "source", "target"], ascending=[False, True, True], kind="stable")
    return e.head(top_edges)[EDGE_COLUMNS].reset_index(drop=True)


def node_table(nodes: pd.DataFrame, edges: pd.DataFrame, *, seed: int = 1) -> pd.DataFrame:
    """The terms an edge touches, with their community (1 the largest), degree and a position."""
    graph = nx.Graph()
    graph.add_weighted_edges_from(edges[["source", "target", "weight"]].itertuples(index=False))
    if not graph:
        return pd.DataFrame({c: [] for c in NODE_COLUMNS})
    found = nx.community.louvain_communities(graph, weight="weight", seed=seed)
    found = sorted(found, key=lambda c: (-len(c), min(c)))
    community = {term: i for i, members in enumerate(found, 1) for term in members}
    # a spring layout over sorted nodes: the same edges give the same picture
    ordered = nx.Graph()
    ordered.add_nodes_from(sorted(graph.nodes))
    ordered.add_weighted_edges_from(sorted(graph.edges(data="weight")))
    # twice the default spacing: at the default a 60-term network's labels lay on each other
    where = nx.spring_layout(ordered, weight="weight", seed=seed, k=2 / len(ordered) ** 0.5, iterations=100)
    held = nodes.set_index("term")["paragraphs"]
    rows = [
        (
            t,
            int(held.get(t, 0)),
            community[t],
            ordered.degree(t),
            round(float(where[t][0]), 4),
            round(float(where[t][1]), 4),
        )
        for t in ordered.nodes
    ]
    out = pd.DataFrame(rows, columns=NODE_COLUMNS)
    return out.sort_values(["community", "paragraphs", "term"], ascending=[True, False, True]).reset_index(drop=True)


def label_spots(nodes: pd.DataFrame, *, width: int = 700, height: int = 480, font: int = 14) -> list[bool]:
    """Which nodes' labels to draw so that no two overlap on a ``width`` × ``height`` canvas
    (the terms of the most paragraphs first; a label left out still shows on pointing). A label
    is ``font`` pixels a character wide and stands above its node."""
    if nodes.empty:
        return []
    x, y = nodes["x"].astype(float), nodes["y"].astype(float)
    span_x, span_y = max(x.max() - x.min(), 1e-9), max(y.max() - y.min(), 1e-9)
    px = (x - x.min()) / span_x * width
    py = (y.max() - y) / span_y * height - font  # above the node
    boxes: list[tuple[float, float, float, float]] = []
    shown = [False] * len(nodes)
    for i in nodes["paragraphs"].astype(int).sort_values(ascending=False, kind="stable").index:
        half = font * len(str(nodes.at[i, "term"])) / 2
        box = (px[i] - half, py[i] - font / 2, px[i] + half, py[i] + font / 2)
        if all(box[2] <= b[0] or box[0] >= b[2] or box[3] <= b[1] or box[1] >= b[3] for b in boxes):
            boxes.append(box)
            shown[nodes.index.get_loc(i)] = True
    return shown
