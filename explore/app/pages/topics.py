"""Topics: a topic model (LDA) over the filtered documents or their paragraphs; each topic's top
terms and coherence, its share by year and district, and the documents that carry it most."""

import altair as alt
import streamlit as st

from explore.analysis.topics import default_unit, representative_docs
from explore.app import computed_textstats as computed
from explore.app.pages.common import IN_URL, analysed_key, download, load, plural, show_command
from explore.ingest.pinyin import sort_key

st.title("Topics")
corpus, filters, docs = load()
akey, formula = analysed_key(corpus)
st.markdown(
    "A latent Dirichlet allocation (scikit-learn) finds groups of terms that tend to occur together; each "
    "document gets a share of every topic (its shares sum to 1). The same settings and seed give the same "
    "topics. **Coherence** is UMass as Mimno et al. (2011) define it: over every pair of a topic's ten top "
    "terms, log((units holding both + 1) / units holding the more probable one), summed (45 pairs). It says how "
    "often the top terms stand together: higher is better (mostly below 0, above 0 only where they nearly always "
    "go together); compare it across numbers of topics to choose one."
)
units = ["documents", "paragraphs"]
c1, c2, c3, c4 = st.columns([3, 3, 3, 2])
fit = c1.radio("Fitted on", ["corpus", "selection"], horizontal=True, key="tp_fit", **IN_URL,
               format_func={"corpus": "the whole corpus", "selection": "the filtered documents"}.get,
               help="The whole corpus's model is fitted once and kept: the filtered documents show their shares "
               "in it. A model of the filtered documents alone is fitted for each choice of filters.")  # fmt: skip
unit = c2.radio("Model", units, index=units.index(default_unit(len(docs))), horizontal=True, key="tp_unit",
                help="Paragraphs suit a handful of long documents; documents suit many.", **IN_URL)  # fmt: skip
k = c3.slider("Topics", 2, 40, 10, key="tp_k", **IN_URL)
seed = c4.number_input("Seed", 0, 10_000, 1, key="tp_seed", **IN_URL)


def over(n: int, *, filtered: bool = False) -> str:
    """What a model is fitted over: "all 2,000 documents", "the paragraphs of the 5 filtered documents"."""
    whose = f"the {plural(n, 'filtered document')}" if filtered else f"all {plural(n, 'document')}"
    return whose if unit == "documents" else f"the paragraphs of {whose}"


if fit == "corpus" and computed.topic_fit_pending(akey, unit, k, int(seed)) is not None:

    @st.fragment(run_every=2)
    def _waiting() -> None:
        waited = computed.topic_fit_pending(akey, unit, k, int(seed))
        if waited is None:
            st.rerun()
        st.info(
            f"Fitting {plural(k, 'topic')} over {over(len(corpus.docs))}, once: "
            f"{waited:.0f} s so far. This page shows them when they are ready, and keeps them for every later "
            "visit; the other pages can be used meanwhile."
        )

    _waiting()
    st.stop()
try:
    model = computed.topics(akey, filters, unit, k, int(seed), fit)
except ValueError as err:
    st.info(f"{err}.")
    st.stop()
topics, shares, by = model["topics"], model["shares"], model["by"]
fitted_on = over(len(corpus.docs)) if fit == "corpus" else over(len(docs), filtered=True)
st.caption(
    f"{plural(k, 'topic')} fitted over {fitted_on}; shares of {plural(len(docs), 'filtered document')}; "
    f"mean coherence {topics['coherence'].mean():.2f}."
)
share = st.column_config.ProgressColumn(
    "share", min_value=0.0, max_value=float(topics["share"].max()), format="%.3f", help="mean share over the documents"
)
st.dataframe(
    topics,
    hide_index=True,
    key="tp_table",
    column_config={"top_terms": st.column_config.TextColumn("top terms", width="large"), "share": share},
)
download(topics, "topics", filters, unit, f"k{k}", f"seed{int(seed)}", key="dl_topics")
show_command("topics", filters, formula=formula, topics=k, unit=unit, seed=int(seed), fit=fit)

with st.expander("Choose the number of topics by coherence"):
    st.caption("Fits the model for several numbers of topics (each is kept, so a second look is quick).")
    if st.button("Compare 5, 10, 15 and 20 topics", key="tp_compare"):
        rows = []
        for n in (5, 10, 15, 20):
            try:
                rows.append(
                    {
                        "topics": n,
                        "coherence": computed.topics(akey, filters, unit, n, int(seed), fit)["topics"][
                            "coherence"
                        ].mean(),
                    }
                )
            except ValueError:
                break
        st.dataframe(rows, hide_index=True)

labels = topics.set_index("topic")["label"]
label_of = {t: f"{t}: {labels[t]}" for t in labels.index}
st.subheader("Shares over the years")
years = by.dropna(subset=["year"]).groupby(["year", "topic"], as_index=False)["share"].mean()
years["topic"] = years["topic"].map(label_of)
st.altair_chart(
    # a bar a year with documents: an area would draw shares over years that have none
    alt.Chart(years)
    .mark_bar()
    .encode(
        x=alt.X("year:O", title="Year", axis=alt.Axis(labelAngle=0)),
        y=alt.Y("share:Q", stack="normalize", title="mean share", axis=alt.Axis(format="%")),
        color=alt.Color("topic:N", title="Topic", sort=list(label_of.values()), legend=alt.Legend(labelLimit=220)),
        tooltip=["year", "topic", alt.Tooltip("share:Q", format=".3f")],
    )
    .properties(height=320),
    width="stretch",
)
st.subheader("Shares by district")
districts = by.groupby(["district", "topic"], as_index=False)["share"].mean()
districts["topic"] = districts["topic"].map(label_of)
st.altair_chart(
    alt.Chart(districts)
    .mark_rect()
    .encode(
        x=alt.X("topic:N", title=None, sort=list(label_of.values()), axis=alt.Axis(labelAngle=-40, labelLimit=160)),
        y=alt.Y(
            "district:N",
            title=None,
            sort=sorted(districts["district"].unique(), key=sort_key),
            axis=alt.Axis(labelLimit=160, labelOverlap=False),
        ),
        color=alt.Color("share:Q", title="mean share", scale=alt.Scale(scheme="blues")),
        tooltip=["district", "topic", alt.Tooltip("share:Q", format=".3f")],
    )
    .properties(height=alt.Step(26)),
    width="stretch",
)
download(by, "topic-shares", filters, unit, f"k{k}", key="dl_topic_shares")

st.subheader("The documents that carry a topic most")
topic = st.selectbox("Topic", list(label_of), format_func=label_of.get, key="tp_topic", **IN_URL)
top = representative_docs(shares, docs, topic)
event = st.dataframe(top, hide_index=True, key="tp_docs", on_select="rerun", selection_mode="single-row",
                     column_config={"share": st.column_config.ProgressColumn("share", min_value=0.0, max_value=1.0,
                                                                             format="%.2f")})  # fmt: skip
st.caption("Click a document to read it.")
if event.selection.rows:
    st.switch_page("explore/app/pages/compare.py", query_params={"left": top.iloc[event.selection.rows[0]]["doc_id"]})
