"""Overview: the corpus at a glance (placeholder until the full app lands)."""

import streamlit as st

from explore.cache import get_corpus

st.title("Overview")
corpus = get_corpus()
st.caption(f"Corpus `{corpus.root}`: {len(corpus.docs)} documents, {len(corpus.skipped)} skipped.")
st.dataframe(corpus.docs, hide_index=True)
