"""Cached calls of the Reform items page (and the District summary's items), as
``explore.app.computed``'s: small keys in; the page's counts and its first rows chosen by DuckDB
(``store.tables.items_table``, ``item_counts``), never the whole table held; an item's text, its
measures and the CSV's full rows read only when a visitor asks for them.
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
    return stored_items(corpus, select_docs(corpus.docs, filters), lexicon=parse_lexicon(lexicon_csv), **options)  # type: ignore[arg-type]


def item_text(key: str, doc_id: str, item_id: str) -> str:
    """One item's text, read when a visitor opens it."""
    return corpus_for(key).tables.item_text(doc_id, item_id)


@st.cache_data(max_entries=32, ttl=3600, show_spinner=False)
def item_leads(key: str, filters: Filters, lexicon_csv: str) -> list[str]:
    """The Reform items page's lead picker: ``analysis.items.lead_units`` of ``items_table``, once
    a selection (1.5 s of every rerun at 20,000 documents)."""
    corpus = corpus_for(key)
    docs = select_docs(corpus.docs, filters)
    return items.lead_units(corpus.tables.item_values(docs["doc_id"], ["lead", "leaders"]))


@st.cache_data(max_entries=32, ttl=3600, show_spinner=False)
def item_choices(key: str, filters: Filters, lexicon_csv: str) -> dict[str, list[str]]:
    """The Reform items page's tier and theme pickers: the values the filtered documents' items
    hold (their themes under the session's lexicon), once a selection."""
    corpus = corpus_for(key)
    tiers = corpus.tables.item_values(select_docs(corpus.docs, filters)["doc_id"], ["tier"])["tier"]
    themes = _every_count(key, filters, lexicon_csv)["theme"]
    return {name: sorted(v for v in found.unique() if v) for name, found in (("tier", tiers), ("theme", themes))}


@st.cache_data(max_entries=32, ttl=3600, show_spinner=False)
def item_summary(key: str, filters: Filters, lexicon_csv: str, *options: object) -> dict[str, object]:
    """The Reform items page's counts for its choices ``options`` (levels, tiers, themes, lead,
    sections, as ``items_shown``), by DuckDB (``store.tables.item_counts``): ``total`` items in the
    filtered documents; ``rows``, ``projects``, ``measures`` and ``docs`` kept; ``by_theme``
    (district, theme, items), the documents without a district by the body above them (广州市 ·
    city level), so that every bar has a colour and a legend entry."""
    from explore.store.tables import item_counts

    every = _every_count(key, filters, lexicon_csv)
    if any(options):
        corpus = corpus_for(key)
        docs = select_docs(corpus.docs, filters)
        kept = item_counts(corpus, docs, lexicon=parse_lexicon(lexicon_csv), **_choice(options))
    else:
        kept = every
    by_theme = (
        kept.assign(
            district=kept["doc_id"].map(computed.place_groups(key)), theme=kept["theme"].replace("", "(no theme)")
        )
        .groupby(["district", "theme"], as_index=False)["items"]
        .sum()
    )
    levels = kept.groupby("level")["items"].sum()
    return {
        "total": int(every["items"].sum()), "rows": int(kept["items"].sum()), "docs": int(kept["doc_id"].nunique()),
        "projects": int(levels.get("project", 0)), "measures": int(levels.get("measure", 0)), "by_theme": by_theme,
    }  # fmt: skip


@st.cache_data(max_entries=32, ttl=3600, show_spinner=False)
def _every_count(key: str, filters: Filters, lexicon_csv: str) -> pd.DataFrame:
    """``store.tables.item_counts`` of every item of the filtered documents, once a selection: the
    page's empty check, its theme picker and its total all read it."""
    from explore.store.tables import item_counts

    corpus = corpus_for(key)
    return item_counts(corpus, select_docs(corpus.docs, filters), lexicon=parse_lexicon(lexicon_csv))


def _choice(options: tuple[object, ...]) -> dict[str, object]:
    """The page's choices (levels, tiers, themes, lead, sections) by name."""
    return dict(zip(("levels", "tiers", "themes", "lead", "sections"), options, strict=True)) if options else {}


@st.cache_data(max_entries=32, ttl=3600, show_spinner=False)
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
    """The first ``SHOWN_ROWS`` of ``items_table`` kept by the page's own filters, chosen by
    DuckDB (``store.tables.items_table``, as ``export items``): the whole table of 200,000 items
    held for the page cost the server 120 MB; ``items_with_text`` reads them all for the CSV."""
    from explore.store.tables import items_table as stored_items

    corpus = corpus_for(key)
    return stored_items(
        corpus, select_docs(corpus.docs, filters), lexicon=parse_lexicon(lexicon_csv), text=False, levels=levels,  # type: ignore[arg-type]
        tiers=tiers, themes=themes, lead=lead, sections=sections, limit=computed.SHOWN_ROWS,  # type: ignore[arg-type]
    )  # fmt: skip


def item_children(key: str, doc_id: str, item_id: str) -> pd.DataFrame:
    """The measures under one project, read when a visitor opens it."""
    return corpus_for(key).tables.item_children(doc_id, item_id)
