"""Collocates: the words that keep a term company, within a window of tokens on either side,
scored by frequency, MI, t-score and log-likelihood; one click for the lines that hold both."""

import altair as alt
import streamlit as st

from explore.app import computed_textstats as computed
from explore.app.pages.common import IN_URL, analysed_key, download, load, plural, show_command

st.title("Collocates")
corpus, filters, docs = load()
akey, formula = analysed_key(corpus)
st.markdown(
    "The terms found within a window of tokens on either side of a term, as AntConc's Collocates tool "
    "counts them. Positions are terms (function words, numbers and punctuation are skipped); a window "
    "stops at the paragraph's edge. **MI** favours rare, exclusive partners; **t-score** frequent, "
    "reliable ones; **log-likelihood** (G²) weighs both (above 3.84: p < 0.05; above 10.83: p < 0.001) but "
    "has no sign: **direction** says whether a term stands near more often than expected (attraction) or "
    "less (repulsion), and by G² repulsion is listed after attraction. "
    "Click a collocate to read the lines that hold both."
)
c1, c2, c3, c4 = st.columns([3, 2, 2, 2])
term = c1.text_input("Term", value="改革", key="col_term", **IN_URL)
window = c2.slider("Window (tokens each side)", 1, 10, 5, key="col_window", **IN_URL)
min_freq = c3.number_input("Seen at least", 1, 1000, 2, key="col_min", **IN_URL)
sort_by = c4.selectbox("Sort by", ["log_likelihood", "mi", "t_score", "frequency"], key="col_sort", **IN_URL)
if not term.strip():
    st.info("Type a term to find its collocates.")
    st.stop()
table = computed.collocates(akey, filters, term.strip(), window, int(min_freq), sort_by)
st.caption(
    f"{plural(len(table), 'collocate')} of {term.strip()} seen at least {int(min_freq)} times within "
    f"{window} tokens, in {plural(len(docs), 'filtered document')}."
)
if table.empty:
    st.info("No collocate at these settings: lower *Seen at least*, widen the window, or try another term.")
    st.stop()
event = st.dataframe(
    table,
    hide_index=True,
    key="col_table",
    on_select="rerun",
    selection_mode="single-row",
    column_config={
        "frequency": st.column_config.NumberColumn("near the term", help="occurrences inside the windows"),
        "left": st.column_config.NumberColumn("on the left"),
        "right": st.column_config.NumberColumn("on the right"),
        "corpus_frequency": st.column_config.NumberColumn("in all", help="occurrences in the filtered documents"),
        "expected": st.column_config.NumberColumn("expected", help="near the term if spread evenly"),
        "log_likelihood": st.column_config.NumberColumn("G²", help="empty where the windows cover the selection"),
        "direction": st.column_config.TextColumn(
            "direction", help="attraction: near the term more often than expected; repulsion: less"
        ),
    },
)
if event.selection.rows:
    # one click: the concordance of the term, only the lines whose context holds the collocate
    row = table.iloc[event.selection.rows[0]]
    st.switch_page(
        "explore/app/pages/kwic.py",
        query_params={"kwic_query": term.strip(), "kwic_with": row["collocate"], "kwic_width": "40"},
    )
download(table, "collocates", filters, term.strip(), f"w{window}", key="dl_collocates")
show_command(
    "collocates", filters, formula=formula, term=term.strip(), window=window, min_freq=int(min_freq), sort=sort_by
)

st.subheader("The strongest twenty")
top = table.head(20).assign(side=lambda t: (t["right"] / t["frequency"]).round(2))
chart = (
    alt.Chart(top)
    .mark_bar()
    .encode(
        x=alt.X(f"{sort_by}:Q", title=sort_by.replace("_", " ")),
        y=alt.Y("collocate:N", sort=None, title=None, axis=alt.Axis(labelLimit=160)),
        color=alt.Color("side:Q", title="share on the right", scale=alt.Scale(scheme="purpleorange", domain=[0, 1])),
        tooltip=["collocate", "direction", "frequency", "left", "right", "mi", "t_score", "log_likelihood"],
    )
    .properties(height=alt.Step(22))
)
st.altair_chart(chart, width="stretch")
