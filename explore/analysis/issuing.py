"""Who issues with whom (pure): each document's issuing bodies one to a row, and the co-issuing
network, bodies as nodes and documents issued together (联合发文) as edges.

A body is named as the document writes it (``docs.issuer``, bodies joined by " | "); the same
body written two ways (区政府办公室, 区人民政府办公室) stays two nodes.
"""

from __future__ import annotations

import itertools
from typing import Literal

import pandas as pd

from explore.ingest.issuers import SEPARATOR
from explore.ingest.pinyin import sort_key

ISSUER_COLUMNS = [
    "issuer",
    "position",
    "n_issuers",
    "title",
    "doc_number",
    "year",
    "date",
    "level",
    "district",
    "doc_id",
]
EDGE_COLUMNS = ["source", "target", "documents", "first_year", "last_year", "doc_ids"]
NODE_COLUMNS = ["issuer", "documents", "joint", "partners"]
Period = Literal["all", "year"]


def issuer_rows(docs: pd.DataFrame) -> pd.DataFrame:
    """One row a document and body that issues it (``position``: 1 for the first named;
    ``n_issuers``: how many issue it together), documents in ``docs``' order; documents naming
    no issuer have no row."""
    rows = []
    for doc in _naming(docs, 1).to_dict("records"):  # read only the documents that name a body
        bodies = _bodies(doc.get("issuer", ""))
        rows += [{**doc, "issuer": body, "position": i, "n_issuers": len(bodies)} for i, body in enumerate(bodies, 1)]
    out = pd.DataFrame(rows, columns=ISSUER_COLUMNS)
    return out.astype({"position": "int64", "n_issuers": "int64", "year": "Int64"})


def _naming(docs: pd.DataFrame, least: int) -> pd.DataFrame:
    """The documents whose issuer names at least ``least`` bodies (1 or 2), found without a row
    read one by one (most documents of a large corpus name none, or one)."""
    issuer = docs["issuer"].fillna("").astype(str) if "issuer" in docs else pd.Series("", index=docs.index)
    return docs[issuer.str.strip().astype(bool) if least == 1 else issuer.str.contains("|", regex=False)]


def _bodies(issuer: object) -> list[str]:
    text = issuer if isinstance(issuer, str) else ""
    return list(dict.fromkeys(b.strip() for b in text.split(SEPARATOR.strip()) if b.strip()))


def coissuing_edges(docs: pd.DataFrame, *, period: Period = "all", min_documents: int = 1) -> pd.DataFrame:
    """For each two bodies that issued a document together: how many documents, the first and
    last year, and the documents (doc_ids joined by " | "), the most documents first. With
    ``period='year'`` an edge a year (``first_year`` = ``last_year``: the network by period)."""
    if period not in ("all", "year"):
        raise ValueError(f"period must be 'all' or 'year', got {period!r}")
    if min_documents < 1:
        raise ValueError(f"min_documents must be at least 1, got {min_documents}")
    rows = []
    for doc in _naming(docs, 2).to_dict("records"):
        bodies = sorted(_bodies(doc.get("issuer", "")), key=sort_key)
        year = doc.get("year")
        rows += [
            (a, b, doc["doc_id"], None if pd.isna(year) else int(year)) for a, b in itertools.combinations(bodies, 2)
        ]
    pairs = pd.DataFrame(rows, columns=["source", "target", "doc_id", "year"]).astype({"year": "Int64"})
    keys = ["source", "target"] + (["year"] if period == "year" else [])
    if pairs.empty:
        return pd.DataFrame({c: [] for c in EDGE_COLUMNS}).astype({"documents": "int64"})
    edges = (
        pairs.groupby(keys, dropna=False, sort=False)
        .agg(
            documents=("doc_id", "nunique"),
            first_year=("year", "min"),
            last_year=("year", "max"),
            doc_ids=("doc_id", lambda ids: SEPARATOR.join(dict.fromkeys(ids))),
        )
        .reset_index()
    )
    edges = edges[edges["documents"] >= min_documents]
    edges = edges.sort_values(["documents", "source", "target"], ascending=[False, True, True], kind="stable",
                              key=lambda c: c if c.name == "documents" else c.map(sort_key))  # fmt: skip
    return edges[EDGE_COLUMNS].reset_index(drop=True)


def coissuing_nodes(docs: pd.DataFrame, edges: pd.DataFrame) -> pd.DataFrame:
    """The bodies an edge touches: documents each issued (alone or jointly, of ``docs``), how many
    of them jointly, and with how many other bodies; the most documents first."""
    rows = issuer_rows(docs)
    touched = sorted(set(edges["source"]) | set(edges["target"]), key=sort_key)
    if not touched:
        return pd.DataFrame({c: [] for c in NODE_COLUMNS})
    mine = rows[rows["issuer"].isin(touched)]
    documents = mine.groupby("issuer")["doc_id"].nunique()
    joint = mine[mine["n_issuers"] > 1].groupby("issuer")["doc_id"].nunique()
    partners = pd.concat(
        [edges[["source", "target"]], edges[["target", "source"]].set_axis(["source", "target"], axis=1)]
    )
    partners = partners.drop_duplicates().groupby("source").size()
    out = pd.DataFrame({"issuer": touched})
    out["documents"] = out["issuer"].map(documents).fillna(0).astype("int64")
    out["joint"] = out["issuer"].map(joint).fillna(0).astype("int64")
    out["partners"] = out["issuer"].map(partners).fillna(0).astype("int64")
    return out.sort_values(["documents", "joint"], ascending=False, kind="stable").reset_index(drop=True)
