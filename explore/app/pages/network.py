"""Co-occurrence network: the terms held by the most paragraphs, joined where they share
paragraphs, coloured by community (KH Coder's most used view); drag to pan, scroll to zoom."""

import altair as alt
import streamlit as st

from explore.analysis.network import label_spots
from explore.app import computed_textstats as computed
from explore.app.pages.common import IN_URL, analysed_key, download, load, plural, show_command

MEASURES = {
    "jaccard": "Jaccard: paragraphs with both ÷ paragraphs with either",
    "dice": "Dice: 2 × paragraphs with both ÷ (paragraphs with one + with the other)",
    "log_likelihood": "G²: how far both together exceeds chance (attraction only)",
}

st.title("Co-occurrence network")
corpus, filters, docs = load()
akey, formula = analysed_key(corpus)
st.markdown(
    "Each circle is a term, sized by the paragraphs that hold it; a line joins two terms that stand in the "
    "same paragraphs, thicker when the measure is stronger. Colours are communities: groups of terms more "
    "tied to each other than to the rest (Louvain). Drag to pan, scroll to zoom, hover for the counts."
)
c1, c2, c3, c4 = st.columns([2, 2, 3, 2])
n_nodes = c1.slider("Terms", 10, 150, 60, step=5, key="net_nodes", **IN_URL)
n_edges = c2.slider("Lines", 10, 400, 120, step=10, key="net_edges", **IN_URL)
measure = c3.selectbox("Measure", list(MEASURES), format_func=MEASURES.get, key="net_measure", **IN_URL)
places = c4.radio("Place names", ["leave", "keep"], format_func=lambda p: f"{p} out" if p == "leave" else p,
                  key="net_places", **IN_URL)  # fmt: skip
graph = computed.network(akey, filters, n_nodes, n_edges, measure, places)
nodes, edges = graph["nodes"], graph["edges"]
st.caption(
    f"{plural(len(nodes), 'term')} and {plural(len(edges), 'line')} from {plural(len(docs), 'filtered document')}; "
    f"{nodes['community'].nunique()} communit{'y' if nodes['community'].nunique() == 1 else 'ies'}."
)
if edges.empty:
    st.info("No two terms share a paragraph here: widen the filters in the sidebar or draw more terms.")
    st.stop()
at = nodes.set_index("term")[["x", "y"]]
lines = edges.join(at, on="source").join(at.rename(columns={"x": "x2", "y": "y2"}), on="target")
x = alt.X("x:Q", axis=None, scale=alt.Scale(padding=30))
y = alt.Y("y:Q", axis=None, scale=alt.Scale(padding=30))
line_layer = (
    alt.Chart(lines)
    .mark_rule(color="#9ca3af", opacity=0.6)
    .encode(x=x, y=y, x2="x2:Q", y2="y2:Q", strokeWidth=alt.StrokeWidth("weight:Q", legend=None,
            scale=alt.Scale(range=[0.5, 5])), tooltip=["source", "target", "both", "weight"])
)  # fmt: skip
circles = (
    alt.Chart(nodes)
    .mark_circle(opacity=0.9, stroke="white", strokeWidth=1)
    .encode(
        x=x,
        y=y,
        size=alt.Size("paragraphs:Q", legend=None, scale=alt.Scale(range=[80, 1200])),
        color=alt.Color("community:N", title="Community", scale=alt.Scale(scheme="tableau10")),
        tooltip=["term", "paragraphs", "community", "degree"],
    )
)
# labels that would lie on each other are left out (the larger term keeps its); pointing shows any
labelled = nodes[label_spots(nodes)]
labels = alt.Chart(labelled).mark_text(dy=-12, fontSize=13).encode(x=x, y=y, text="term:N")
st.altair_chart(alt.layer(line_layer, circles, labels).properties(height=560).interactive(), width="stretch")

st.subheader("Lines")
st.dataframe(
    edges,
    hide_index=True,
    key="net_table",
    column_config={
        "both": st.column_config.NumberColumn("paragraphs with both"),
        "source_paragraphs": st.column_config.NumberColumn("with source"),
        "target_paragraphs": st.column_config.NumberColumn("with target"),
    },
)
download(edges, "network", filters, measure, f"{n_nodes}terms", key="dl_network")
show_command("network", filters, formula=formula, nodes=n_nodes, edges=n_edges, measure=measure, places=places)
st.subheader("Communities")
members = nodes.groupby("community")["term"].apply(" ".join).reset_index(name="terms")
st.dataframe(members, hide_index=True, key="net_communities")
download(nodes, "network-terms", filters, measure, f"{n_nodes}terms", key="dl_network_nodes")
