"""SQL: one read-only SELECT over the corpus tables (DuckDB), with a row and a time limit,
examples to start from, the result as a table and CSV, and facet counts beside it."""

import shlex

import streamlit as st

from explore.analysis.filters import Filters
from explore.app import cache
from explore.app import computed_textstats as computed
from explore.app.pages.common import (
    IN_URL,
    corpus_shown,
    download,
    plural,
    share_link,
    shared_or_stop,
    uploads_not_in_command,
    write_param,
)
from explore.store.sql import EXAMPLES, MAX_QUERY_CHARS, PAGE_RESULT_BYTES, SQL_TABLES, columns, facets

st.title("SQL")
shared_or_stop()
corpus = cache.get_corpus()  # with this session's uploads, if any
st.markdown(
    "Ask the tables anything a SELECT can say: **docs** (one row a document), **paragraphs**, **terms** "
    "(a document's term counts), **para_terms** (a paragraph's), **tokens** (a paragraph's tokens in order), "
    "**items** (reform items with their leads), **figures** (every figure, target or result), **coded** (the "
    "paragraphs the shipped codebooks code), **reuse_pairs** (the Text reuse page's pairs at 0.6, furniture and "
    "stock passages left out), **theme_mentions** (each paragraph's mentions of the shipped themes) and "
    "**skipped**. Queries read only; they see the whole corpus (the sidebar's filters do not apply: filter "
    "in the query), return at most the row limit and 8 MB, stop after 10 seconds and run apart from the app "
    "with a memory cap; files, settings and the server's folders are out of their reach."
)


example = st.selectbox("Start from an example", list(EXAMPLES), index=None, key="sql_example",
                       placeholder="Choose an example to load it below")  # fmt: skip
if example and st.session_state.get("_sql_loaded") != example:
    # a newly chosen example replaces the query once; editing it afterwards is kept
    st.session_state["_sql_loaded"] = example
    st.session_state["sql_query"] = EXAMPLES[example]
# The query lives in the address as ?sql=… , kept by hand: the examples write into the box, which
# a box bound to the address did not take up (its first run in Chromium returned the default).
if "sql_query" not in st.session_state:
    st.session_state["sql_query"] = st.query_params.get("sql", EXAMPLES["Documents by district and year"])
query = st.text_area("Query", height=140, key="sql_query", max_chars=MAX_QUERY_CHARS, help="Ctrl+Enter runs it.")
write_param("sql", query)
share_link()  # after the query is in the address
limit = st.number_input("Row limit", 1, 10_000, 1000, step=100, key="sql_limit", **IN_URL)
with st.expander("Columns of each table"):
    for name in SQL_TABLES:
        st.markdown(f"**{name}**: " + ", ".join(f"`{c}`" for c in columns(corpus, name)))
if not query.strip():
    st.info("Type a query, or choose an example.")
    st.stop()
try:
    result = computed.sql(corpus.key, query, int(limit))
except ValueError as err:
    st.error(f"The query was not run: {err}")
    st.stop()
rows = result.rows
if result.cut_by_size:
    cut = f" (the first ones, cut at {PAGE_RESULT_BYTES // 2**20} MB: select fewer or shorter columns)"
else:
    cut = f" (the first {int(limit):,}: raise the row limit for more)" if result.truncated else ""
st.caption(plural(len(rows), "row") + cut)
left, right = st.columns([4, 1])
left.dataframe(rows, hide_index=True, key="sql_table")
with right:
    for name, counts in facets(rows, corpus.docs).items():
        st.caption(f"Facet: {name}")
        st.dataframe(counts, hide_index=True, key=f"sql_facet_{name}")
download(rows, "sql", Filters(), key="dl_sql")
st.caption("The same rows from a shell:")
command = ["python", "-m", "explore", "sql", query.strip(), "--corpus", corpus_shown(), "--limit", str(int(limit))]
st.code(shlex.join(command), language="bash", wrap_lines=True)
uploads_not_in_command()
