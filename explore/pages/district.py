"""District summary: one district's documents, vocabulary, distinctive terms, themes and key sentences."""

from dataclasses import replace

import altair as alt
import pandas as pd
import streamlit as st

from explore import cache
from explore.pages.common import IN_URL, compare_link, download, load
from explore.render import escape_markdown
from explore.themes import default_lexicon

st.title("District summary")
corpus, filters, docs = load()
districts = sorted(d for d in docs["district"].unique() if d)
if not districts:
    st.info("No document with a district matches the filters.")
    st.stop()
district = st.selectbox("District", districts, key="district_pick", **IN_URL)
mine = docs[docs["district"] == district]
target = tuple(mine["doc_id"])
st.markdown(
    f"**{escape_markdown(district)}**: {len(mine)} documents, {', '.join(str(y) for y in sorted(mine['year'].dropna().unique()))}; "
    f"{int(mine['n_chars'].sum()):,} characters. *Distinctive* terms are compared with the other "
    f"{len(docs) - len(mine)} filtered documents (log-likelihood G²; above 3.84 is p < 0.05, above 10.83 p < 0.001)."
)

st.subheader("Documents")
shown = mine[["doc_id", "year", "date", "title", "source", "doc_type", "n_chars"]]
st.dataframe(shown, hide_index=True, key="district_docs")
download(shown, "district-documents", filters, district, key="dl_district_docs")

left, right = st.columns(2)
with left:
    st.subheader("Top keywords")
    own = replace(filters, districts=(district,))
    top = cache.term_table(corpus.key, own, 2, "all", (), (), 20)
    st.dataframe(top, hide_index=True, key="district_top")
    download(top, "district-keywords", filters, district, key="dl_district_top")
with right:
    st.subheader("Distinctive keywords")
    key_terms = cache.keyness(corpus.key, filters, target, (), 20)
    if key_terms.empty:
        st.info("Nothing to compare with: the filters leave no other district's documents.")
    st.dataframe(key_terms, hide_index=True, key="district_keyness")
    download(key_terms, "district-keyness", filters, district, key="dl_district_keyness")

st.subheader("Theme profile")
lexicon_csv = st.session_state.get("themes_csv") or default_lexicon().to_csv(index=False)
tables = cache.theme_tables(corpus.key, filters, lexicon_csv)
per_doc = tables["doc_themes"]
profile = (
    per_doc.assign(group=per_doc["doc_id"].isin(target).map({True: district, False: "other districts"}))
    .merge(docs[["doc_id", "n_chars"]], on="doc_id")
    .groupby(["group", "theme"], as_index=False)
    .agg(mentions=("mentions", "sum"), n_chars=("n_chars", "sum"))
)
profile["per_10k_chars"] = (profile["mentions"] * 10_000 / profile["n_chars"].clip(lower=1)).round(2)
chart = (
    alt.Chart(profile)
    .mark_bar()
    .encode(
        y=alt.Y("theme:N", title=None, sort="-x", axis=alt.Axis(labelFontSize=13, labelLimit=220)),
        x=alt.X("per_10k_chars:Q", title="Mentions per 10,000 characters"),
        color=alt.Color(
            "group:N", title=None, scale=alt.Scale(domain=[district, "other districts"], range=["#d95f02", "#b0b0b0"])
        ),
        yOffset="group:N",
        tooltip=["group", "theme", "mentions", "per_10k_chars"],
    )
    .properties(height=36 * profile["theme"].nunique())
)
st.altair_chart(chart, width="stretch")
profile_table = profile[["group", "theme", "mentions", "per_10k_chars"]]
download(profile_table, "district-themes", filters, district, key="dl_district_themes")

st.subheader("Reform items")
# Items of this district's documents only: reading every filtered document's items first
# took most of this page's first run on a large corpus.
district_items = cache.items_table(corpus.key, replace(filters, districts=(district,)), lexicon_csv)
if district_items.empty:
    st.info("No numbered reform items in this district's documents.")
else:
    st.caption(
        f"{int((district_items['level'] == 'project').sum())} projects and "
        f"{int((district_items['level'] == 'measure').sum())} measures. The Reform items page filters and reads them."
    )
    item_columns = ["year", "level", "tier", "number", "title", "lead", "group", "theme"]
    st.dataframe(
        district_items[item_columns],
        hide_index=True,
        key="district_items",
        column_config={
            "title": st.column_config.TextColumn(width="large"),
            "year": st.column_config.NumberColumn(format="%d"),
        },
    )
    download(district_items, "district-items", filters, district, key="dl_district_items")

st.subheader("Most representative sentences")
st.caption("Sentences richest in the district's distinctive terms. *Open* reads the passage in Side by side.")
sentences = cache.representative(corpus.key, filters, target)
if sentences.empty:
    st.info("No distinctive terms to rank sentences by.")
else:
    sentences = sentences.assign(
        open=[compare_link(d, p) for d, p in zip(sentences["doc_id"], sentences["para_no"], strict=True)]
    )
    st.dataframe(
        sentences,
        hide_index=True,
        key="district_sentences",
        column_config={
            "sentence": st.column_config.TextColumn(width="large"),
            "open": st.column_config.LinkColumn("open", display_text="¶ open"),
        },
    )
    download(
        pd.DataFrame(sentences.drop(columns=["open"])),
        "district-sentences",
        filters,
        district,
        key="dl_district_sentences",
    )
