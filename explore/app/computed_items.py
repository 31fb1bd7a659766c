"""Cached calls of the Reform items page (and the District summary's items), as
``explore.app.computed``'s: small keys in, the corpus's items read without their text and kept
by the page's own filters, shared between reruns; an item's text and the CSV's full rows are
read only when a visitor asks for them.
"""

from __future__ import annotations

import pandas as pd
import streamlit as st

from explore.analysis import items
from explore.analysis.filters import Filters, select_docs
from explore.app import computed
from explore.app.cache import corpus_for
from explore.app.shared import shared
from explore.ingest.lexicon import parse_lexicon


@shared(spinner="Reading the reform items…")
def items_table(key: str, filters: Filters, lexicon_csv: str) -> pd.DataFrame:
    """Reform items of the filtered documents, themed with the session's lexicon (the items
    themselves were read once in the build: ``store.tables.items_table``, as ``export items``).

    Shared, not copied (``app.shared``, under the server's memory budget): the table runs to
    tens of megabytes on a large corpus, and unpickling a copy on every rerun cost most of a
    second. Pages derive new frames from it and never change it."""
    from explore.store.tables import items_table as stored_items

    corpus = corpus_for(key)
    return stored_items(corpus, select_docs(corpus.docs, filters), lexicon=parse_lexicon(lexicon_csv), text=False)


def items_with_text(key: str, filters: Filters, lexicon_csv: str, **options: object) -> pd.DataFrame:
    """``items_shown``'s rows with each item's text, as ``export items`` writes them: read when a
    visitor asks for the CSV, never kept."""
    from explore.store.tables import items_table as stored_items

    corpus = corpus_for(key)
    found = stored_items(corpus, select_docs(corpus.docs, filters), lexicon=parse_lexicon(lexicon_csv))
    return items.filter_items(found, **options)  # type: ignore[arg-type]


def item_text(key: str, doc_id: str, item_id: str) -> str:
    """One item's text, read when a visitor opens it."""
    return corpus_for(key).tables.item_text(doc_id, item_id)


@st.cache_data(max_entries=32, ttl=3600, show_spinner=False)
def item_leads(key: str, filters: Filters, lexicon_csv: str) -> list[str]:
    """The Reform items page's lead picker: ``analysis.items.lead_units`` of ``items_table``, once
    a selection (1.5 s of every rerun at 20,000 documents)."""
    return items.lead_units(items_table(key, filters, lexicon_csv))


@st.cache_data(max_entries=32, ttl=3600, show_spinner=False)
def item_choices(key: str, filters: Filters, lexicon_csv: str) -> dict[str, list[str]]:
    """The Reform items page's tier and theme pickers: the values ``items_table`` holds, once a selection."""
    found = items_table(key, filters, lexicon_csv)
    return {name: sorted(v for v in found[name].unique() if v) for name in ("tier", "theme")}


@st.cache_data(max_entries=32, ttl=3600, show_spinner=False)
def item_counts(key: str, filters: Filters, lexicon_csv: str, *options: object) -> pd.DataFrame:
    """Items by district and theme of ``items_shown(key, filters, lexicon_csv, *options)``: the
    documents without a district by the body above them (广州市 · city level), so that every bar
    has a colour and a legend entry."""
    shown = items_shown(key, filters, lexicon_csv, *options)  # type: ignore[arg-type]
    return (
        shown.assign(
            district=shown["doc_id"].map(computed.place_groups(key)), theme=shown["theme"].replace("", "(no theme)")
        )
        .groupby(["district", "theme"], as_index=False)
        .size()
        .rename(columns={"size": "items"})
    )


@shared()
def items_shown(
    key: str,
    filters: Filters,
    lexicon_csv: str,
    levels: tuple[str, ...],
    tiers: tuple[str, ...],
    themes: tuple[str, ...],
    lead: str,
    sections: tuple[str, ...],
) -> pd.DataFrame:
    """``items_table`` kept by the page's own filters (``analysis.items.filter_items``): shared, not
    copied, like the table it comes from."""
    return items.filter_items(items_table(key, filters, lexicon_csv), levels=levels, tiers=tiers, themes=themes,
                              lead=lead, sections=sections)  # type: ignore[arg-type]  # fmt: skip
