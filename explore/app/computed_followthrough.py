"""Cached call of the Plans carried out page, as ``explore.app.computed``'s: small keys in, the
tables of ``store.research_tables.followthrough_tables`` out (the definition ``export followthrough``,
``followthrough_items`` and ``followthrough_plans`` call)."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from explore.analysis.filters import Filters, select_docs
from explore.app.cache import corpus_for
from explore.app.shared import shared


@st.cache_data(max_entries=32, show_spinner="Reading the later documents…")
def followthrough(key: str, filters: Filters, plan: str | None, min_similarity: float) -> dict[str, pd.DataFrame]:
    """Each plan item of the filtered documents (of ``plan`` alone when given) and its later mentions."""
    from explore.store.research_tables import followthrough_tables

    corpus = corpus_for(key)
    return followthrough_tables(corpus, select_docs(corpus.docs, filters), plan=plan, min_similarity=min_similarity)


@st.cache_data(max_entries=32, show_spinner="Finding the plans…")
def plans(key: str, filters: Filters) -> pd.DataFrame:
    """The plans among the filtered documents (``store.research_tables.plans_table``, as ``export plans``)."""
    from explore.store.research_tables import plans_table

    corpus = corpus_for(key)
    return plans_table(corpus, select_docs(corpus.docs, filters))


@shared()
def plan_labels(key: str, filters: Filters) -> dict[str, str]:
    """The plan picker's labels (year · place · title (items)) and the plan each names, in the order
    of ``plans``; two plans alike stay two. Once a selection: a label a plan on every rerun took
    tens of milliseconds at 20,000 documents; made a column at a time. Shared, not copied: the page only reads it."""
    found = plans(key, filters)
    years = found["plan_year"].astype("Int64").astype(str).replace("<NA>", "—")
    named = found["title"].where(found["title"] != "", found["plan_doc_id"])
    labels = years + " · " + found["district"] + " · " + named + " (" + found["items"].astype(str) + " items)"
    again = labels.duplicated().to_numpy()  # two plans alike stay two: the later one's id added
    labels[again] = labels[again] + " [" + found["plan_doc_id"][again] + "]"
    return dict(zip(labels.tolist(), found["plan_doc_id"].tolist(), strict=True))
