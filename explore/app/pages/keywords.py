"""Keywords: what the filtered documents talk about most, as a table, a bar chart and a cloud."""

import altair as alt
import streamlit as st

from explore.analysis.kwic import parse_query
from explore.app import computed
from explore.app.pages.common import IN_URL, analysed_key, download, load, plural, show_command
from explore.app.render import escape_markdown, highlight_markdown

st.title("Keywords")
corpus, filters, docs = load()
akey, formula = analysed_key(corpus)
st.markdown(
    "Term frequencies over the filtered documents, from jieba segmentation with the policy-term "
    "dictionary. *Per 10k chars* makes documents of different length comparable."
)

c1, c2, c3 = st.columns(3)
top_n = c1.slider("Top N", 10, 200, 40, step=10, key="kw_top", **IN_URL)
min_len = c2.slider("Minimum length (characters)", 1, 6, 2, key="kw_minlen", **IN_URL)
pos = c3.radio("Part of speech", ["all", "nouns", "verbs"], horizontal=True, key="kw_pos", **IN_URL)
c4, c5 = st.columns(2)
stop_text = c4.text_input("Extra stopwords (this session only)", key="kw_stop", **IN_URL, placeholder="e.g. 推进 工作")
terms_text = c5.text_input(
    "Extra terms to count (this session only)",
    key="kw_terms",
    **IN_URL,
    placeholder="e.g. 高质量发展",
    help="Counted as exact substrings of the text.",
)
options = (min_len, pos, tuple(parse_query(stop_text)), tuple(parse_query(terms_text)), top_n)
table = computed.term_table(akey, filters, *options)

if table.empty:
    st.info("No terms for these filters.")
    st.stop()

st.dataframe(table, hide_index=True, key="kw_table")
download(table, "keywords", filters, f"top{top_n}", pos, key="dl_keywords")
show_command("keywords", filters, formula=formula, top=top_n, min_len=min_len, pos=pos, stopword=parse_query(stop_text),
             extra=parse_query(terms_text))  # fmt: skip

chart_rows = table.head(30)
bar = (
    alt.Chart(chart_rows)
    .mark_bar()
    .encode(
        x=alt.X("count:Q", title="Count"),
        y=alt.Y("term:N", sort="-x", title=None, axis=alt.Axis(labelFontSize=13)),
        tooltip=["term", "count", "per_10k_chars", "n_docs"],
    )
    .properties(height=max(200, 26 * len(chart_rows)))
)
st.altair_chart(bar, width="stretch")

try:
    png = computed.cloud_png(akey, filters, *options)
    if png is not None:
        st.image(png, caption="Word cloud of the table above", width="stretch")
except RuntimeError as err:
    st.warning(str(err))

st.subheader("Keyword in context")
term = st.selectbox("Term", table["term"].tolist(), key="kw_pick", **IN_URL)
lines = computed.kwic_lines(corpus.key, filters, (term,), 25, "text", neighbours=False)
st.caption(f"{plural(len(lines), 'occurrence')} of {escape_markdown(term)} in the filtered documents.")
st.dataframe(lines, hide_index=True, key="kw_kwic")
download(lines, "kwic", filters, term, key="dl_kw_kwic")
for row in lines.head(5).itertuples():
    st.markdown(highlight_markdown(f"…{row.left}{row.match}{row.right}…", [term]))
