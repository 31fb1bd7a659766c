"""Who issues with whom: each document's issuing bodies, and the co-issuing network (联合发文):
bodies as circles, a line for the documents two bodies issued together, the documents behind
each line one pick away."""

import altair as alt
import streamlit as st

from explore.analysis.network import label_spots
from explore.app import computed_issuing as computed
from explore.app.pages.common import IN_URL, download, load, long_table, plural, show_command
from explore.ingest.issuers import SEPARATOR

st.title("Who issues with whom")
corpus, filters, docs = load()
st.markdown(
    "A document's issuing bodies are the organs it names as issuing it (its header, its signature, its "
    "title: 中共X区委办公室 X区人民政府办公室关于…), as written. Two bodies are joined when they issued a "
    "document together; the line is thicker the more documents they share. Hover for the counts."
)
c1, c2 = st.columns(2)
period = c1.radio("Lines", ["all", "year"], horizontal=True, key="co_period", **IN_URL,
                  format_func=lambda p: "all years together" if p == "all" else "one a year")  # fmt: skip
least = c2.slider("Fewest joint documents a line", 1, 10, 1, key="co_min", **IN_URL)
graph = computed.coissuing(corpus.key, filters, period, least)
nodes, edges = graph["nodes"], graph["edges"]
issuers = computed.issuer_rows(corpus.key, filters)
joint = issuers.loc[issuers["n_issuers"] > 1, "doc_id"].nunique()
st.caption(
    f"{plural(issuers['doc_id'].nunique(), 'document')} of {plural(len(docs), 'filtered document')} name an issuer; "
    f"{plural(joint, 'document')} issued jointly; {len(nodes)} bod{'y' if len(nodes) == 1 else 'ies'} and "
    f"{plural(len(edges), 'line')}."
)
if edges.empty:
    st.info("No two bodies issued a document together here: widen the filters in the sidebar or lower the fewest.")
else:
    at = nodes.set_index("issuer")[["x", "y"]]
    lines = edges.join(at, on="source").join(at.rename(columns={"x": "x2", "y": "y2"}), on="target")
    x = alt.X("x:Q", axis=None, scale=alt.Scale(padding=40))
    y = alt.Y("y:Q", axis=None, scale=alt.Scale(padding=40))
    line_layer = alt.Chart(lines).mark_rule(color="#9ca3af", opacity=0.7).encode(
        x=x, y=y, x2="x2:Q", y2="y2:Q", tooltip=["source", "target", "documents", "first_year", "last_year"],
        strokeWidth=alt.StrokeWidth("documents:Q", legend=None, scale=alt.Scale(range=[1, 6])))  # fmt: skip
    circles = alt.Chart(nodes).mark_circle(opacity=0.9, stroke="white", strokeWidth=1).encode(
        x=x, y=y, size=alt.Size("documents:Q", legend=None, scale=alt.Scale(range=[80, 1000])),
        color=alt.Color("community:N", legend=None, scale=alt.Scale(scheme="tableau10")),
        tooltip=["issuer", "documents", "joint", "partners"])  # fmt: skip
    # labels that would lie on each other are left out (the body of more documents keeps its); a
    # label runs from its circle towards the middle, so that a long name is never cut at the edge
    shown = nodes[label_spots(nodes.rename(columns={"issuer": "term", "documents": "paragraphs"}), font=12)]
    middle = (nodes["x"].min() + nodes["x"].max()) / 2
    labels = [
        alt.Chart(part).mark_text(dy=-14, fontSize=12, align=align).encode(x=x, y=y, text="issuer:N")
        for part, align in ((shown[shown["x"] <= middle], "left"), (shown[shown["x"] > middle], "right"))
    ]
    st.altair_chart(alt.layer(line_layer, circles, *labels).properties(height=480).interactive(), width="stretch")
    st.subheader("Lines: bodies that issued together")
    st.dataframe(edges.drop(columns="doc_ids"), hide_index=True, key="co_edges")
    download(edges, "coissuing", filters, period, key="dl_coissuing")
    show_command("coissuing", filters, period=period, min_documents=least)
    picked = st.selectbox("The documents behind a line", range(len(edges)), key="co_pick",
                          format_func=lambda i: f"{edges['source'][i]} — {edges['target'][i]} ({edges['documents'][i]})")  # fmt: skip
    behind = edges["doc_ids"][picked].split(SEPARATOR)
    st.dataframe(docs.set_index("doc_id").loc[[d for d in behind if d in set(docs["doc_id"])],
                 ["title", "doc_number", "date", "issuer"]].reset_index(), hide_index=True, key="co_docs")  # fmt: skip

st.subheader("Every document's issuing bodies")
long_table(issuers, hide_index=True, key="co_issuers")
download(issuers, "issuers", filters, key="dl_issuers")
show_command("issuers", filters)
