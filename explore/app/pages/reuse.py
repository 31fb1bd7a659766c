"""Text reuse: paragraphs that one document repeats from another, whole or lightly edited; which
districts share the most text; one click to read a pair side by side."""

import altair as alt
import pandas as pd
import streamlit as st

from explore.analysis.reuse import district_matrix, of_kinds
from explore.app import computed
from explore.app.pages.common import IN_URL, analysed_key, download, load, plural, show_command
from explore.ingest.pinyin import sort_key
from explore.store.analysed import REUSE_SIMILARITY

st.title("Text reuse")
corpus, filters, docs = load()
akey, formula = analysed_key(corpus)
st.markdown(
    "Pairs of paragraphs in two different documents that share their wording: a district repeating "
    "the city's plan or its own earlier one, or one district taking up another's text. Candidates come "
    "from MinHash over 4-character shingles; each pair's similarity is the share of characters an "
    "alignment keeps (1 = the same text). Where both documents are dated, the earlier is the source."
)
c1, c2 = st.columns([2, 3])
min_similarity = c1.slider(
    "Least similarity of a pair", 0.3, 1.0, REUSE_SIMILARITY, step=0.05, key="reuse_min", **IN_URL,
    help="Lower finds more loosely edited copies, and more pairs that only share stock phrases.",
)  # fmt: skip
kinds = c2.multiselect("Kind", ["same district", "across districts"], key="reuse_kind", placeholder="Both", **IN_URL)
pairs = computed.reuse_pairs(akey, filters, min_similarity, formula)
shown = of_kinds(pairs, kinds)
st.caption(f"{plural(len(shown), 'pair')} of paragraphs in {plural(len(docs), 'filtered document')}.")
if shown.empty:
    st.info("No two documents share a paragraph at this similarity: lower it, or widen the filters in the sidebar.")
    st.stop()
columns = ["similarity", "shared_chars", "kind", "direction", "left_district", "left_date", "left_title",
           "right_district", "right_date", "right_title", "shared_text", "left_doc", "left_para", "right_doc",
           "right_para"]  # fmt: skip
# a repetitive corpus has pairs by the hundred thousand: the table shows the most similar, the CSV has all
SHOW_AT_MOST = 2_000
if len(shown) > SHOW_AT_MOST:
    st.caption(f"The table shows the {SHOW_AT_MOST:,} most similar pairs; the CSV below has all {len(shown):,}.")
top = shown.head(SHOW_AT_MOST)
event = st.dataframe(
    top[columns],
    hide_index=True,
    key="reuse_table",
    on_select="rerun",
    selection_mode="single-row",
    column_config={
        "similarity": st.column_config.ProgressColumn("similarity", min_value=0.0, max_value=1.0, format="%.2f"),
        "shared_chars": st.column_config.NumberColumn("shared characters"),
        "shared_text": st.column_config.TextColumn("longest shared run", width="large"),
    },
)
if event.selection.rows:
    # one click on a pair: both paragraphs side by side, the shared wording marked
    row = top.iloc[event.selection.rows[0]]
    st.switch_page(
        "explore/app/pages/compare.py",
        query_params={"left": row["left_doc"], "right": row["right_doc"], "para": str(int(row["left_para"])),
                      "cmp_from": str(int(row["left_para"])), "cmp_min": "0.05"},
    )  # fmt: skip
download(shown, "reuse", filters, f"min{min_similarity:g}", formula, *kinds, key="dl_reuse")
show_command("reuse", filters, formula=formula, min_similarity=f"{min_similarity:g}", kind=kinds)

st.subheader("Shared text between districts")
matrix = district_matrix(shown, groups=computed.place_groups(corpus.key))
# drawn whole: each pair of places in both cells (the table keeps each pair once)
mirrored = matrix[matrix["district_a"] != matrix["district_b"]].rename(
    columns={"district_a": "district_b", "district_b": "district_a"}
)
cells = pd.concat([matrix, mirrored], ignore_index=True)
places = sorted(set(cells["district_a"]), key=sort_key)
heat = (
    alt.Chart(cells)
    .mark_rect()
    .encode(
        x=alt.X("district_a:N", title=None, sort=places, axis=alt.Axis(labelAngle=-40, labelLimit=160)),
        y=alt.Y("district_b:N", title=None, sort=places, axis=alt.Axis(labelLimit=160)),
        color=alt.Color("shared_chars:Q", title="shared characters", scale=alt.Scale(scheme="blues")),
        tooltip=["district_a", "district_b", "shared_chars", "pairs"],
    )
    .properties(height=alt.Step(32))  # one 32-pixel row a place, whatever the count
)
st.altair_chart(heat, width="stretch")
st.caption("Characters of shared text between each two districts; the diagonal is a district repeating itself.")
download(matrix, "reuse-districts", filters, f"min{min_similarity:g}", *kinds, key="dl_reuse_matrix")
