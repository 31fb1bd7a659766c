"""Keyword in context: every occurrence of one or more terms, sortable by the words around it,
where each falls in its document, and one click to read it in place."""

import altair as alt
import pandas as pd
import streamlit as st

from explore.analysis.kwic import parse_query
from explore.app import computed
from explore.app.pages.common import IN_URL, download, load, plural, show_command

st.title("Keyword in context")
corpus, filters, docs = load()
st.markdown(
    "Type one or more terms (separated by spaces or commas). Searches the Simplified text by "
    "default, so 强区放权 also finds 強區放權 in Traditional documents. Click a line to read it in its document."
)
c1, c2, c3, c4 = st.columns([3, 2, 2, 2])
query = c1.text_input("Terms", value="营商环境", key="kwic_query", **IN_URL)
width = c2.slider("Context (characters)", 5, 80, 25, key="kwic_width", **IN_URL)
where = c3.radio("Search", ["Simplified", "As written"], key="kwic_where", **IN_URL)
# The codes are what the address shows (?kwic_sort=R1): AntConc's names for the neighbours.
by = c4.selectbox(
    "Sort by", ["document", "L1", "L2", "R1", "R2", "date"], key="kwic_sort", **IN_URL,
    help="document: in reading order; L1/L2: the first/second word left of the term; R1/R2: right of it; date: the documents' dates.",
)  # fmt: skip
also = st.text_input(
    "Line also holds", key="kwic_with", placeholder="e.g. 深化 (a collocate)", **IN_URL,
    help="Keep only the lines whose context, left or right of the term, holds this word too.",
)  # fmt: skip
terms = parse_query(query)
if not terms:
    st.info("Type a term to search for.")
    st.stop()
column = "text" if where == "Simplified" else "text_original"
lines = computed.kwic_table(corpus.key, filters, tuple(terms), width, column, also.strip(), by)
n_docs = lines["doc_id"].nunique() if len(lines) else 0
st.caption(
    f"{plural(len(lines), 'occurrence')} in {plural(n_docs, 'document')} (a document counts once however "
    "often it uses the terms)."
)
if lines.empty:
    st.info("No occurrence under the current filters: try another term, or clear the filters in the sidebar.")
    st.stop()
guesses = lines["guessed"].astype(bool)
# Colouring rows costs the table a style per cell: past this many lines the guessed column alone says it
COLOUR_AT_MOST = 2_000
colour = bool(guesses.any()) and len(lines) <= COLOUR_AT_MOST
if guesses.any():
    st.caption(
        (":violet-background[Violet] lines show" if colour else "The *guessed* column lists")
        + " characters the repair guessed (shown as � in the text as written): read them as guesses, "
        "not as the document's text."
    )


def _mark_guesses(table: pd.DataFrame) -> pd.DataFrame:
    style = pd.DataFrame("", index=table.index, columns=table.columns)
    style.loc[table["guessed"].astype(bool)] = "background-color: #e9d5ff"
    return style


shown = lines[["left", "match", "right", "L1", "R1", "district", "date", "title", "para_no", "guessed", "doc_id"]]
event = st.dataframe(
    shown.style.apply(_mark_guesses, axis=None) if colour else shown,
    hide_index=True,
    key="kwic_table",
    on_select="rerun",
    selection_mode="single-row",
    column_config={
        # AntConc's layout: the left context ends at the term, right-aligned against it
        "left": st.column_config.TextColumn("left context", width="medium", alignment="right"),
        "match": st.column_config.TextColumn("term", width="small", alignment="center"),
        "right": st.column_config.TextColumn("right context", width="medium"),
        "para_no": st.column_config.NumberColumn("¶"),
        "guessed": st.column_config.TextColumn("guessed", help="characters in this line the repair guessed"),
    },
)
if event.selection.rows:
    # one click on a line: the passage in the reader, in this tab, at its paragraph
    row = shown.iloc[event.selection.rows[0]]
    st.switch_page(
        "explore/app/pages/compare.py",
        query_params={"left": row["doc_id"], "para": str(int(row["para_no"])), "cmp_from": str(int(row["para_no"]))},
    )
download(lines, "kwic", filters, *terms, also.strip(), key="dl_kwic")
if where == "Simplified":  # the command line searches the Simplified text
    show_command("kwic", filters, term=terms, width=width, also=also.strip(), by=by if by != "document" else "")

st.subheader("Where the terms fall in each document")
spread = computed.dispersion(corpus.key, filters, tuple(terms), width, column)
st.caption("One tick per occurrence, from the document's first paragraph (0) to its last (1).")
chart = (
    alt.Chart(spread.assign(document=spread["district"].fillna("") + " " + spread["title"].str[:24]))
    .mark_tick(thickness=2, size=18)
    .encode(
        x=alt.X("position:Q", title="Position in the document", scale=alt.Scale(domain=[0, 1])),
        y=alt.Y("document:N", title=None, sort=alt.EncodingSortField("year")),
        tooltip=["title", "district", "year", "para_no"],
    )
    .properties(height=alt.Step(26))
)
st.altair_chart(chart, width="stretch")
