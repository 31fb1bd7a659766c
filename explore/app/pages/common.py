"""What every page shares: the corpus, the sidebar filters (mirrored in the URL), downloads.

Filters live in the query string (``?district=罗湖区&from=2017&to=2020&type=…&doc=…``) so a
link reproduces the view; navigation clears the query string, so each page writes it back.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from pathlib import Path
from urllib.parse import urlencode

import altair as alt
import pandas as pd
import streamlit as st

from explore.analysis.filters import Filters
from explore.app import cache, computed
from explore.app.render import district_colors, escape_markdown
from explore.ingest.pinyin import sort_key
from explore.store.corpus import Corpus
from explore.store.export import csv_filename, to_csv_bytes
from explore.store.integrity import CacheNotWritable

_KEYS = ("f_province", "f_city", "f_district", "f_years", "f_types", "f_genres", "f_docs")


def plural(n: int, noun: str) -> str:
    """'1 document', '2 documents': counts read right."""
    return f"{n:,} {noun}{'' if n == 1 else 's'}"


def doc_labels(corpus: Corpus, docs: pd.DataFrame) -> dict[str, str]:
    """doc_id → '罗湖区 2017 · title' for pickers (``docs``: the corpus's documents to list)."""
    labels = computed.doc_labels(corpus.key)  # every document's, made once a corpus
    return dict(zip(docs["doc_id"], labels.reindex(docs["doc_id"]).to_numpy(), strict=True))


def _init_from_url(corpus: Corpus) -> None:
    if st.session_state.get("f_ready"):
        # Keep the filters across page switches. Streamlit forgets a widget's value after a run
        # that did not draw it (the Status page, an interrupted run), so a copy is kept too.
        saved = st.session_state.get("f_saved", {})
        for key in _KEYS:
            if key in st.session_state:
                st.session_state[key] = st.session_state[key]
            elif key in saved:
                st.session_state[key] = saved[key]
        if all(key in st.session_state for key in _KEYS):
            return
    qp = st.query_params
    every = computed.filter_options(corpus.key, (), ())
    districts = set(computed.place_groups(corpus.key))
    st.session_state["f_province"] = [p for p in qp.get_all("province") if p in every["provinces"]]
    st.session_state["f_city"] = [c for c in qp.get_all("city") if c in every["cities"]]
    st.session_state["f_district"] = [d for d in qp.get_all("district") if d in districts]
    lo, hi = every["years"]
    try:
        y0 = max(lo, min(hi, int(qp.get("from", lo))))
        y1 = max(lo, min(hi, int(qp.get("to", hi))))
    except ValueError:
        y0, y1 = lo, hi
    st.session_state["f_years"] = (min(y0, y1), max(y0, y1))
    st.session_state["f_types"] = [t for t in qp.get_all("type") if t in every["doc_types"]]
    st.session_state["f_genres"] = [g for g in qp.get_all("genre") if g in every["genres"]]
    st.session_state["f_docs"] = [d for d in qp.get_all("doc") if d in every["doc_ids"]]
    st.session_state["f_ready"] = True


def sidebar_filters(corpus: Corpus) -> Filters:
    """Render the shared filters in the sidebar; returns them and mirrors them in the URL."""
    _init_from_url(corpus)
    docs = corpus.docs
    every = computed.filter_options(corpus.key, (), ())
    lo, hi = every["years"]
    provinces = every["provinces"]
    st.session_state["f_province"] = [p for p in st.session_state["f_province"] if p in provinces]
    # A city or district list narrows to the provinces (and cities) chosen above it.
    cities = computed.filter_options(corpus.key, tuple(st.session_state["f_province"]), ())["cities"]
    st.session_state["f_city"] = [c for c in st.session_state["f_city"] if c in cities]
    options = computed.filter_options(
        corpus.key, tuple(st.session_state["f_province"]), tuple(st.session_state["f_city"])
    )
    districts = options["districts"]
    # Values may name documents or districts that are gone (an upload removed): keep the rest.
    st.session_state["f_district"] = [d for d in st.session_state["f_district"] if d in districts]
    st.session_state["f_types"] = [t for t in st.session_state["f_types"] if t in every["doc_types"]]
    st.session_state["f_genres"] = [g for g in st.session_state["f_genres"] if g in every["genres"]]
    st.session_state["f_docs"] = [d for d in st.session_state["f_docs"] if d in every["doc_ids"]]
    y0, y1 = st.session_state["f_years"]
    if (y0, y1) == st.session_state.get("f_span"):  # "all years" stays all years when uploads widen the span
        y0, y1 = lo, hi
    st.session_state["f_years"] = (max(lo, min(y0, hi)), min(hi, max(y1, lo)))
    st.session_state["f_span"] = (lo, hi)
    with st.sidebar:
        st.header("Filters")
        if len(provinces) > 1:
            st.multiselect("Province", provinces, key="f_province", placeholder="All provinces")
        if len(cities) > 1:
            st.multiselect("City", cities, key="f_city", placeholder="All cities")
        st.multiselect("District", districts, key="f_district", placeholder="All districts")
        if lo < hi:
            st.slider("Years", lo, hi, key="f_years")
        year_from, year_to = st.session_state["f_years"]
        st.multiselect("Document type", every["doc_types"], key="f_types", placeholder="All types")
        st.multiselect("Genre (文种)", every["genres"], key="f_genres", placeholder="All genres",
                       help="The genre word the title ends with: 通知, 意见, 方案 …")  # fmt: skip
        labels = doc_labels(corpus, docs)
        st.multiselect("Documents", list(labels), format_func=labels.get, key="f_docs", placeholder="All documents")
    st.session_state["f_saved"] = {key: st.session_state[key] for key in _KEYS}
    filters = Filters(
        provinces=tuple(st.session_state["f_province"]),
        cities=tuple(st.session_state["f_city"]),
        districts=tuple(st.session_state["f_district"]),
        year_from=None if (year_from, year_to) == (lo, hi) else year_from,
        year_to=None if (year_from, year_to) == (lo, hi) else year_to,
        doc_types=tuple(st.session_state["f_types"]),
        genres=tuple(st.session_state["f_genres"]),
        doc_ids=tuple(st.session_state["f_docs"]),
    )
    # Only the filter parameters are written, one by one: page parameters (left=, para=) and the
    # page controls bound to the address (bind="query-params") are left as they are.
    wanted: dict[str, list[str]] = {
        "province": list(filters.provinces),
        "city": list(filters.cities),
        "district": list(filters.districts),
        "from": [str(filters.year_from)] if filters.year_from is not None else [],
        "to": [str(filters.year_to)] if filters.year_to is not None else [],
        "type": list(filters.doc_types),
        "genre": list(filters.genres),
        "doc": list(filters.doc_ids),
    }
    for name, values in wanted.items():
        if values:
            write_param(name, values if len(values) > 1 else values[0])
        elif name in st.query_params:
            del st.query_params[name]
    return filters


def write_param(name: str, value: str | list[str]) -> None:
    """Write one address parameter, only when it changes: every write sends the server's whole
    address to the browser, and one sent while the reader changes a control bound to the address
    would take that control's new value out of the address again."""
    if st.query_params.get_all(name) != ([value] if isinstance(value, str) else value):
        st.query_params[name] = value


# Page controls live in the address (``?kwic_query=营商环境&kwic_width=25``): a shared link opens
# the same view, and the value is kept for the session when the reader visits another page.
IN_URL = {"bind": "query-params", "persist_state": "session"}


def shared_or_stop() -> Corpus:
    """The shared corpus; when its folder is missing, a message saying which folder and what to
    do, and the page stops (instead of an error the visitor cannot read)."""
    try:
        return cache.shared_corpus()
    except FileNotFoundError:
        folder = escape_markdown(str(cache.corpus_path()))
        st.error(
            f"The corpus folder **{folder}** does not exist, so there is nothing to show. Start the app "
            "on a folder of documents: `make run CORPUS=/path/to/folder`, or set `EXPLORE_CORPUS`, or pass "
            "`-- --corpus /path/to/folder` after `streamlit run app.py`."
        )
        st.stop()
    except CacheNotWritable as err:
        st.error(escape_markdown(str(err)))
        st.stop()


def load() -> tuple[Corpus, Filters, pd.DataFrame]:
    """The corpus, the current filters and the filtered docs: the first line of every page."""
    shared_or_stop()
    corpus = cache.get_corpus()
    filters = sidebar_filters(corpus)
    n_mine = corpus.stats.get("uploads", 0)
    if n_mine:
        st.sidebar.caption(f"Includes {int(n_mine)} of your uploaded documents (this session only).")
    share_link()
    docs = computed.filtered_docs(corpus.key, filters)
    if docs.empty and len(corpus.docs):
        _explain_empty(filters)
    return corpus, filters, docs


def _explain_empty(filters: Filters) -> None:
    """Which filters leave no document, and a button that clears them."""
    said = [f"province {', '.join(filters.provinces)}"] if filters.provinces else []
    said += [f"city {', '.join(filters.cities)}"] if filters.cities else []
    said += [f"district {', '.join(filters.districts)}"] if filters.districts else []
    if filters.year_from is not None:
        said.append(f"years {filters.year_from}–{filters.year_to}")
    said += [f"type {', '.join(filters.doc_types)}"] if filters.doc_types else []
    said += [f"genre {', '.join(filters.genres)}"] if filters.genres else []
    said += [plural(len(filters.doc_ids), "chosen document")] if filters.doc_ids else []
    st.warning("No document matches these filters together: " + escape_markdown("; ".join(said)) + ".")
    # a callback: it runs before the next run draws the filters, so it may reset them
    st.button("Clear the filters", key="clear_filters", on_click=_clear_filters)


def _clear_filters() -> None:
    for key in ("f_province", "f_city", "f_district", "f_types", "f_genres", "f_docs", "f_years", "f_saved"):
        st.session_state.pop(key, None)
    st.session_state["f_ready"] = False
    for name in ("province", "city", "district", "from", "to", "type", "genre", "doc"):
        if name in st.query_params:
            del st.query_params[name]


def share_link() -> None:
    """The address of exactly this view (page, filters and page controls) in a box with a copy
    button, under the filters. The address a rerun starts from already holds the page controls
    the reader just changed (the browser writes bound controls into it before the rerun)."""
    base = (st.context.url or "").split("?")[0]
    query = urlencode([(k, v) for k in st.query_params for v in st.query_params.get_all(k)])
    with st.sidebar:
        st.caption("Link to this view (copy with the button on the right):")
        st.code(f"{base}?{query}" if query else base, language=None, wrap_lines=True)


def compare_link(doc_id: str, para_no: int) -> str:
    """Relative link to a passage on Side by side; the id is URL-encoded (ids come from file names)."""
    return f"compare?{urlencode({'left': doc_id, 'para': int(para_no)})}"


def download(
    frame: pd.DataFrame | None,
    page: str,
    filters: Filters,
    *extra: object,
    key: str,
    full: Callable[[], pd.DataFrame] | None = None,
    rows: int | None = None,
) -> None:
    """A CSV download of exactly ``frame`` (what the table shows), named after page and filters;
    or of ``full()``, the same rows with columns too large to show (an item's text), or all of a
    table's ``rows`` when the page holds only those it shows, read only then.

    The CSV is written only when the button is clicked: on a large corpus, writing every
    table's CSV on every rerun would cost more than the page itself."""
    if frame is None and (full is None or rows is None):
        raise ValueError("give the frame, or full() and the number of its rows")
    st.download_button(
        f"Download CSV ({plural(len(frame) if rows is None else rows, 'row')})",  # type: ignore[arg-type]
        data=functools.partial(to_csv_bytes, frame) if full is None else lambda: to_csv_bytes(full()),
        on_click="ignore",
        file_name=csv_filename(page, *filters.describe(), *extra),
        mime="text/csv",
        key=key,
        icon=":material/download:",
    )


SHOWN_ROWS = computed.SHOWN_ROWS  # rows a long table shows; its CSV download has them all


def long_table(
    frame: pd.DataFrame,
    *,
    key: str,
    shape: Callable[[pd.DataFrame], pd.DataFrame] | None = None,
    total: int | None = None,
    **options: object,
) -> None:
    """``st.dataframe`` of a table that may run to hundreds of thousands of rows (items, figures,
    coded paragraphs): the first ``SHOWN_ROWS``, given the columns they are shown with by
    ``shape``, and a line saying so; ``total``: the table's rows when ``frame`` holds only the
    first ones. Every row went to the browser on every rerun before (188,000 items: 0.4 s a run
    and tens of megabytes)."""
    total = len(frame) if total is None else total
    if total > SHOWN_ROWS:
        st.caption(f"The first {SHOWN_ROWS:,} of {total:,} rows are shown; the CSV download has them all.")
    top = frame.head(SHOWN_ROWS)
    st.dataframe(top if shape is None else shape(top), key=key, **options)


MAX_SIDE_LEGEND = 12  # legend entries a chart's side holds in its height
LEGEND_COLUMNS = 4


def legend_height(n: int) -> int:
    """Pixels a chart needs beyond its plot for a legend of ``n`` districts set below it."""
    return 0 if n <= MAX_SIDE_LEGEND else 50 + 30 * -(-n // LEGEND_COLUMNS)


def district_color(corpus: Corpus, shown) -> alt.Color:
    """A chart's district colour: each district's corpus-wide colour (render.district_colors, over
    every document's district, so filters never change it), with a legend listing every district
    the chart shows, and only those."""
    colors = district_colors([*computed.place_groups(corpus.key)])
    present = sorted({*shown} & {*colors[0]}, key=sort_key)  # the legend in pinyin order
    # beside the chart a legend holds a dozen entries; more go below it in columns, all of them
    many = (
        {"orient": "bottom", "columns": LEGEND_COLUMNS, "columnPadding": 16} if len(present) > MAX_SIDE_LEGEND else {}
    )
    return alt.Color(
        "district:N",
        title="District",
        scale=alt.Scale(domain=colors[0], range=colors[1]),
        legend=alt.Legend(values=present, symbolLimit=len(present) + 1, labelLimit=200, **many),
    )


@st.cache_data(max_entries=128, show_spinner=False)
def _chart_spec(key: tuple, _build: Callable[[], alt.TopLevelMixin]) -> dict:
    return _build().to_dict()


def cached_chart(key: tuple, build: Callable[[], alt.TopLevelMixin]) -> None:
    """Draw ``build()``'s chart, built and checked by Altair once per ``key``: Altair's schema
    checks cost tens of milliseconds a chart, which a rerun that changed nothing need not pay.
    ``key`` must name everything the chart depends on (corpus key, filters, choices)."""
    st.vega_lite_chart(_chart_spec(key, build), width="stretch")


def formula_choice(corpus: Corpus) -> str:
    """'leave' or 'keep': a sidebar toggle, in the address and kept across pages, includes the
    formula (what recurs across the corpus: site furniture, stock sentences); by default it is
    left out, and with no formula there is nothing to leave out."""
    n = len(computed.formula_lines(corpus.key))
    keep = st.sidebar.toggle(
        f"Include formula ({plural(n, 'recurring passage')})", key="formula", disabled=n == 0, **IN_URL,
        help="Site furniture, collectors' header lines and a genre's stock sentences recur across many documents "
        "(the Overview lists them). Counts, keyness, collocates, figures and text reuse leave them out unless you "
        "include them.",
    )  # fmt: skip
    return "keep" if keep or n == 0 else "leave"


def analysed_key(corpus: Corpus) -> tuple[str, str]:
    """The key of the corpus as this page counts it (``formula_choice``), and the choice for the
    shell command. Building the corpus without its formula reads every paragraph's tokens: a page
    that needs only the choice (Figures) asks ``formula_choice``."""
    formula = formula_choice(corpus)
    return (corpus.key if formula == "keep" else cache.analysed(corpus).key), formula


def show_command(
    table: str, filters: Filters, *, label: str = "The same table from a shell:", **options: object
) -> None:
    """The shell command that writes this page's table from the corpus folder (as code: user
    text is never Markdown). A visitor's uploads are this session's only: the command says so."""
    from explore.store.command import cli_command

    if options.get("formula") == "leave":  # the default: the command stays short
        del options["formula"]
    st.caption(label)
    st.code(cli_command(table, filters, corpus=corpus_shown(), **options), language="bash", wrap_lines=True)
    uploads_not_in_command()


def corpus_shown() -> str:
    """The corpus folder as a shell command names it: relative to the working folder when inside it."""
    folder = cache.corpus_path().resolve()
    return str(folder.relative_to(Path.cwd()) if folder.is_relative_to(Path.cwd()) else folder)


def uploads_not_in_command() -> None:
    if st.session_state.get(cache.UPLOADS):
        st.caption("The command reads the corpus folder: documents uploaded in this session are not in it.")
