"""Cached codes for the pages (as ``explore.app.computed``: small keys in, never DataFrames
as keys). The paragraphs a codebook's codes code and their counts, through
``store.tables``, as ``export coded`` and ``export coding_sheet`` read them.
"""

from __future__ import annotations

import pandas as pd
import streamlit as st

from explore.analysis.filters import Filters, select_docs
from explore.app.cache import corpus_for
from explore.app.computed import SHOWN_ROWS
from explore.app.shared import shared


@shared(spinner="Coding the paragraphs…")
def coding_tables(key: str, filters: Filters, codebook: str, code: str) -> dict[str, pd.DataFrame]:
    """The paragraphs ``code`` codes (without their text) and every code's counts by district and
    year for a codebook's text (``store.tables.coding_tables``, as ``export coded`` and ``codes``).
    Shared, not copied (``app.shared``): pages never change them."""
    from explore.store.tables import coding_tables as tables

    c = corpus_for(key)
    return tables(c, select_docs(c.docs, filters), codebook=codebook, shown=[code], text=False)


@st.cache_data(max_entries=32, show_spinner=False)
def coded_shown(key: str, filters: Filters, codebook: str, code: str) -> pd.DataFrame:
    """The first ``SHOWN_ROWS`` of ``coding_tables``' paragraphs with their text: only the
    paragraphs shown are read."""
    top = coding_tables(key, filters, codebook, code)["coded"].head(SHOWN_ROWS)
    return top.assign(text=corpus_for(key).tables.texts_at(top).to_numpy())


def all_coded(key: str, filters: Filters, codebook: str, code: str) -> pd.DataFrame:
    """Every paragraph ``code`` codes with its text, as ``export coded`` writes them: for the CSV,
    read when asked, never kept."""
    from explore.store.tables import coding_tables as tables

    c = corpus_for(key)
    return tables(c, select_docs(c.docs, filters), codebook=codebook, shown=[code])["coded"]


@st.cache_data(max_entries=16, show_spinner=False)
def coding_sheet(key: str, filters: Filters, codes: tuple[str, ...], sample: int) -> pd.DataFrame:
    """The sheet for two coders (``store.tables.coding_sheet``, as ``export coding_sheet``)."""
    from explore.store.tables import coding_sheet as sheet

    c = corpus_for(key)
    docs = select_docs(c.docs, filters)
    return sheet(c, docs, list(codes), sample=sample)
