"""Cached calls of the Policy instruments page, as ``explore.app.computed``'s: small keys in, the
tables of ``store.tables`` out (the same definitions ``export instruments``,
``instrument_types`` and ``instrument_fragments`` call)."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from explore.analysis.filters import Filters, select_docs
from explore.app.cache import corpus_for


@st.cache_data(max_entries=32, show_spinner="Counting the instruments…")
def instrument_tables(key: str, filters: Filters, across: str) -> dict[str, pd.DataFrame]:
    """Rothwell & Zegveld's instruments × ``across`` of the filtered documents, and by type."""
    from explore.store.research_tables import instrument_tables as tables

    corpus = corpus_for(key)
    return tables(corpus, select_docs(corpus.docs, filters), across=across)  # type: ignore[arg-type]


@st.cache_data(max_entries=32, show_spinner="Reading the fragments…")
def instrument_fragments(key: str, filters: Filters, across: str, code: str, value: str) -> pd.DataFrame:
    """The fragments behind one cell of ``instrument_tables``, with their text."""
    from explore.store.research_tables import instrument_fragments as fragments

    corpus = corpus_for(key)
    return fragments(corpus, select_docs(corpus.docs, filters), across=across, code=code, value=value)  # type: ignore[arg-type]
