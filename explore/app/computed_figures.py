"""Cached figures for the pages (as ``explore.app.computed``: small keys in, never DataFrames
as keys). Every count and row comes from the build's ``figures`` table through
``store.tables``, as ``export figures`` reads it.
"""

from __future__ import annotations

import pandas as pd

from explore.analysis.filters import Filters, select_docs
from explore.app.cache import corpus_for
from explore.app.computed import SHOWN_ROWS
from explore.app.shared import shared


@shared(spinner="Counting the figures…")
def figure_summary(
    key: str,
    filters: Filters,
    formula: str,
    kinds: tuple[str, ...] = (),
    statuses: tuple[str, ...] = (),
    words: str = "",
) -> dict[str, object]:
    """How many figures the Figures page's choices keep (``rows``, in ``docs`` documents) of
    ``total`` in the filtered documents, and ``units`` (unit, dated) to chart: counted by DuckDB,
    never read whole (``store.tables.figure_counts``). ``key`` is the corpus's own, so recurring
    headings still speak."""
    from explore.store.tables import figure_counts

    c = corpus_for(key)
    docs = select_docs(c.docs, filters)
    options = {"formula": formula, "kinds": kinds, "statuses": statuses, "words": words}
    rows, n_docs, units = figure_counts(c, docs, **options)  # type: ignore[arg-type]
    total = rows if not (kinds or statuses or words.strip()) else figure_counts(c, docs, formula=formula)[0]  # type: ignore[arg-type]
    return {"rows": rows, "docs": n_docs, "total": total, "units": units}


@shared(spinner="Reading the figures…")
def figure_rows(
    key: str,
    filters: Filters,
    formula: str,
    kinds: tuple[str, ...] = (),
    statuses: tuple[str, ...] = (),
    words: str = "",
) -> pd.DataFrame:
    """The first ``SHOWN_ROWS`` figures of ``store.tables.figures_table`` (as ``export figures``)
    with their sentences; ``all_figures`` reads them all for the CSV."""
    from explore.store.tables import figures_table

    c = corpus_for(key)
    return figures_table(
        c, select_docs(c.docs, filters), formula=formula, kinds=kinds, statuses=statuses, words=words,  # type: ignore[arg-type]
        limit=SHOWN_ROWS,
    )  # fmt: skip


def all_figures(key: str, filters: Filters, formula: str, kinds=(), statuses=(), words: str = "") -> pd.DataFrame:
    """Every figure the Figures page's choices keep, as ``export figures`` writes them: for the
    CSV, read when asked, never kept."""
    from explore.store.tables import figures_table

    c = corpus_for(key)
    return figures_table(c, select_docs(c.docs, filters), formula=formula, kinds=kinds, statuses=statuses, words=words)  # type: ignore[arg-type]


@shared(spinner="Reading the figures…")
def figure_points(
    key: str, filters: Filters, formula: str, kinds: tuple[str, ...], statuses: tuple[str, ...], words: str, unit: str,
    points: int,
) -> pd.DataFrame:  # fmt: skip
    """The dots of the Figures page's chart (``store.tables.figure_points``)."""
    from explore.store.tables import figure_points as chosen

    c = corpus_for(key)
    return chosen(
        c, select_docs(c.docs, filters), formula=formula, kinds=kinds, statuses=statuses, words=words, unit=unit,  # type: ignore[arg-type]
        points=points,
    )  # fmt: skip
