"""Status: which corpus is loaded and how many documents — the demo's health check for people and probes."""

import streamlit as st

from explore.app.pages.common import shared_or_stop
from explore.store.health import corpus_health

st.title("Status")
corpus = shared_or_stop()
health = corpus_health(corpus)
st.markdown("The shared corpus every visitor sees. Your own uploads are not counted here.")
c1, c2, c3, c4 = st.columns(4)
c1.metric("Status", str(health["status"]))
c2.metric("Corpus", str(health["corpus"]))
c3.metric("Documents", health["documents"])
c4.metric("Skipped files", health["skipped"])
st.dataframe([{"field": k, "value": str(v)} for k, v in health.items()], hide_index=True, key="status_table", width=520)
st.caption("From a shell: `.venv/bin/python -m explore health --corpus DIR` prints the same as JSON.")
