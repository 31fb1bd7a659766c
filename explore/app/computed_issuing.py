"""Cached calls of the Who issues with whom page, as ``explore.app.computed``'s: small keys in,
each document's issuing bodies and the co-issuing network out (``analysis.issuing``, the same
functions ``export issuers`` and ``coissuing`` call)."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from explore.analysis.filters import Filters, select_docs
from explore.app.cache import corpus_for


@st.cache_data(max_entries=32, show_spinner=False)
def issuer_rows(key: str, filters: Filters) -> pd.DataFrame:
    """Each filtered document's issuing bodies, one a row (``analysis.issuing.issuer_rows``, as
    ``export issuers``)."""
    from explore.analysis.issuing import issuer_rows as rows

    c = corpus_for(key)
    return rows(select_docs(c.docs, filters))


@st.cache_data(max_entries=32, show_spinner="Drawing who issues with whom…")
def coissuing(key: str, filters: Filters, period: str, min_documents: int) -> dict[str, pd.DataFrame]:
    """The co-issuing network of the filtered documents: ``edges`` (``analysis.issuing.coissuing_edges``,
    as ``export coissuing``) and ``nodes`` (``coissuing_nodes``) placed and grouped as the
    co-occurrence network's terms are (``analysis.network.node_table``), over every year's lines."""
    from explore.analysis import issuing, network

    c = corpus_for(key)
    docs = select_docs(c.docs, filters)
    edges = issuing.coissuing_edges(docs, period=period, min_documents=min_documents)  # type: ignore[arg-type]
    nodes = issuing.coissuing_nodes(docs, edges)
    whole = (
        edges.groupby(["source", "target"], as_index=False)["documents"].sum().rename(columns={"documents": "weight"})
    )
    placed = network.node_table(nodes.rename(columns={"issuer": "term", "documents": "paragraphs"}), whole)
    where = placed.set_index("term")[["community", "x", "y"]]
    return {"edges": edges, "nodes": nodes.join(where, on="issuer")}
