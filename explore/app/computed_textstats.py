"""Cached collocates, n-grams, network, topics and SQL for the pages (as ``explore.app.computed``: small keys in, never DataFrames
as keys). From ``store.textstats`` and ``store.sql``, as
the matching ``export`` tables.
"""

from __future__ import annotations

import multiprocessing
import time
from concurrent.futures import ProcessPoolExecutor

import pandas as pd
import streamlit as st

from explore.analysis.filters import Filters, select_docs
from explore.app.cache import corpus_for


@st.cache_data(max_entries=64, show_spinner="Counting collocates…")
def collocates(key: str, filters: Filters, term: str, window: int, min_freq: int, sort_by: str) -> pd.DataFrame:
    from explore.store import textstats

    c = corpus_for(key)
    docs = select_docs(c.docs, filters)
    return textstats.collocates(c, docs, term, window=window, min_freq=min_freq, sort_by=sort_by)  # type: ignore[arg-type]


@st.cache_data(max_entries=32, show_spinner="Counting n-grams…")
def ngrams(key: str, filters: Filters, n: int, contains: str, min_freq: int) -> pd.DataFrame:
    from explore.store import textstats

    c = corpus_for(key)
    return textstats.ngrams(c, select_docs(c.docs, filters), n=n, contains=contains, min_freq=min_freq)


@st.cache_data(max_entries=32, show_spinner="Drawing the network…")
def network(key: str, filters: Filters, nodes: int, edges: int, measure: str, places: str) -> dict[str, pd.DataFrame]:
    from explore.store import textstats

    c = corpus_for(key)
    docs = select_docs(c.docs, filters)
    return textstats.network(c, docs, nodes=nodes, top_edges=edges, measure=measure, places=places)  # type: ignore[arg-type]


@st.cache_data(max_entries=16, show_spinner="Fitting the topic model…")
def topics(
    key: str, filters: Filters, unit: str, n_topics: int, seed: int, fit: str = "corpus"
) -> dict[str, pd.DataFrame]:
    """The topics of the filtered documents (``store.textstats.topics``, as ``export topics``)."""
    from explore.analysis.topics import shares_by
    from explore.store import textstats

    c = corpus_for(key)
    docs = select_docs(c.docs, filters)
    model = textstats.topics(c, docs, unit=unit, n_topics=n_topics, seed=seed, fit=fit)  # type: ignore[arg-type]
    return {"topics": model.topics, "shares": model.shares, "by": shares_by(model.shares, docs, model.topics)}


INLINE_DOCS = 300  # a corpus this small has its model fitted while the page waits (seconds)


@st.cache_resource
def _topic_fits() -> tuple[ProcessPoolExecutor, dict]:
    """One worker process for every session's whole-corpus topic fits, and the fits begun (by
    their key). A process, not a thread: a fit of 20,000 documents would otherwise hold the
    server's interpreter while other visitors' pages wait."""
    return ProcessPoolExecutor(max_workers=1, mp_context=multiprocessing.get_context("spawn")), {}


def topic_fit_pending(key: str, unit: str, n_topics: int, seed: int) -> float | None:
    """None when the whole corpus's topic model can be shown now (kept on disk, or the corpus is
    small enough to fit while the page waits); else the seconds since its fit began in the
    background, begun now if it had not been. A fit that failed is no longer pending: the page's
    own call then says why."""
    from explore.store import textstats

    c = corpus_for(key)
    if (
        len(c.docs) <= INLINE_DOCS
        or c.folder is None
        or textstats.has_topics(c, unit=unit, n_topics=n_topics, seed=seed)
    ):
        return None
    pool, jobs = _topic_fits()
    job = jobs.get((key, unit, n_topics, seed))
    if job is None:
        fit = pool.submit(textstats.keep_corpus_topics, c.root, c.folder, c.docs, key=c.key, unit=unit,
                          n_topics=n_topics, seed=seed)  # fmt: skip
        job = jobs[(key, unit, n_topics, seed)] = (time.monotonic(), fit)
    started, fit = job
    return None if fit.done() else time.monotonic() - started


@st.cache_data(max_entries=32, ttl=600, show_spinner="Running the query…")
def sql(key: str, query: str, row_limit: int):
    """A read-only query's ``store.sql.Result`` (rows, whether a limit cut them); errors raise ValueError.
    At most 32 results of at most 8 MB each are kept: 256 MB of the server's memory at worst."""
    from explore.store.sql import PAGE_RESULT_BYTES, run_sql

    return run_sql(corpus_for(key), query, row_limit=row_limit, result_bytes=PAGE_RESULT_BYTES)
