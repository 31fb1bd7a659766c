"""N-gram clusters: the runs of 2 to 5 tokens a corpus repeats (深化 放管服 改革), with how many
documents and districts use each; narrowed to those holding a term."""

import streamlit as st

from explore.app import computed_textstats as computed
from explore.app.pages.common import IN_URL, analysed_key, download, load, plural, show_command

st.title("N-gram clusters")
corpus, filters, docs = load()
akey, formula = analysed_key(corpus)
st.markdown(
    "Runs of tokens in a row, as AntConc's Clusters/N-grams tool counts them: a run never crosses "
    "punctuation or a paragraph's edge, keeps function words inside (营商 的 环境), and begins and ends "
    "with a term. *documents* and *districts* say how widely a run is used, not only how often."
)
c1, c2, c3 = st.columns([2, 3, 2])
n = c1.slider("Tokens in a row", 2, 5, 3, key="ng_n", **IN_URL)
contains = c2.text_input("Holding", key="ng_term", placeholder="e.g. 改革 (empty: all)", **IN_URL)
min_freq = c3.number_input("Seen at least", 1, 1000, 2, key="ng_min", **IN_URL)
table = computed.ngrams(akey, filters, n, contains.strip(), int(min_freq))
st.caption(
    f"{plural(len(table), f'{n}-gram')} seen at least {int(min_freq)} times"
    f"{' holding ' + contains.strip() if contains.strip() else ''}, in {plural(len(docs), 'filtered document')}."
)
if table.empty:
    st.info("No run at these settings: lower *Seen at least*, choose fewer tokens, or clear *Holding*.")
    st.stop()
st.dataframe(
    table,
    hide_index=True,
    key="ng_table",
    column_config={
        "ngram": st.column_config.TextColumn("n-gram", width="medium"),
        "documents": st.column_config.NumberColumn("documents", help="documents using it"),
        "districts": st.column_config.NumberColumn("districts", help="districts whose documents use it (range)"),
    },
)
download(table, "ngrams", filters, f"n{n}", contains.strip(), key="dl_ngrams")
show_command("ngrams", filters, formula=formula, n=n, term=contains.strip(), min_freq=int(min_freq))
