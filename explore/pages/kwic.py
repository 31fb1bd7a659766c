"""Keyword in context: every occurrence of one or more terms, with what stands left and right."""

import pandas as pd
import streamlit as st

from explore import cache
from explore.kwic import parse_query
from explore.pages.common import IN_URL, download, load

st.title("Keyword in context")
corpus, filters, docs = load()
st.markdown(
    "Type one or more terms (separated by spaces or commas). Searches the Simplified text by "
    "default, so 强区放权 also finds 強區放權 in Traditional documents. Click a column header to sort."
)
c1, c2, c3 = st.columns([3, 1, 1])
query = c1.text_input("Terms", value="营商环境", key="kwic_query", **IN_URL)
width = c2.slider("Context (characters)", 5, 80, 25, key="kwic_width", **IN_URL)
where = c3.radio("Search", ["Simplified", "As written"], key="kwic_where", **IN_URL)
terms = parse_query(query)
if not terms:
    st.info("Type a term to search for.")
    st.stop()
lines = cache.kwic_lines(corpus.key, filters, tuple(terms), width, "text" if where == "Simplified" else "text_original")
st.caption(f"{len(lines)} occurrences in {lines['doc_id'].nunique() if len(lines) else 0} documents.")
if len(lines) and lines["guessed"].astype(bool).any():
    st.caption(
        ":violet-background[Violet] lines show characters the repair guessed (listed under *guessed*; "
        "shown as � in the text as written): read them as guesses, not as the document's text."
    )


def _mark_guesses(row: pd.Series) -> list[str]:
    return ["background-color: #e9d5ff" if row["guessed"] else "" for _ in row]


st.dataframe(
    lines.style.apply(_mark_guesses, axis=1) if len(lines) else lines,
    hide_index=True,
    key="kwic_table",
    column_config={
        "left": st.column_config.TextColumn("left context", width="medium"),
        "match": st.column_config.TextColumn("term", width="small"),
        "right": st.column_config.TextColumn("right context", width="medium"),
        "guessed": st.column_config.TextColumn("guessed", help="characters in this line the repair guessed"),
    },
)
download(lines, "kwic", filters, *terms, key="dl_kwic")
