"""District summary: one district's documents, vocabulary, distinctive terms, themes and key sentences."""

from dataclasses import replace

import altair as alt
import pandas as pd
import streamlit as st

from explore.analysis.keywords import scatter_labels
from explore.app import computed, computed_items
from explore.app.pages.common import (
    IN_URL,
    analysed_key,
    cached_chart,
    compare_link,
    download,
    load,
    plural,
    show_command,
)
from explore.app.render import escape_markdown
from explore.ingest.lexicon import default_lexicon
from explore.ingest.pinyin import sort_key

st.title("District summary")
corpus, filters, _ = load()
akey, formula = analysed_key(corpus)
# This page compares districts: the sidebar's district and document choices would leave nothing
# to compare with, so only its years and document types apply here.
base = replace(filters, districts=(), doc_ids=())
docs = computed.filtered_docs(corpus.key, base)
districts = sorted((d for d in docs["district"].unique() if d), key=sort_key)
applied = [f"years {base.year_from}–{base.year_to}"] if base.year_from is not None else []
applied += [f"types: {', '.join(base.doc_types)}"] if base.doc_types else []
st.caption(
    "Filtered to " + ("; ".join(applied) if applied else "all years and types")
    + ". The sidebar's district and document choices do not apply on this page: it compares districts."
)  # fmt: skip
if not districts:
    st.info("No document with a district matches the years and types chosen in the sidebar.")
    st.stop()
c1, c2 = st.columns(2)
district = c1.selectbox("District", districts, key="district_pick", **IN_URL)
others = [d for d in districts if d != district]
versus = c2.selectbox("Compared with", ["all other districts", *others], key="district_vs", **IN_URL)
mine = docs[docs["district"] == district]
scope = base if versus == "all other districts" else replace(base, districts=(district, versus))
# the other documents of the scope: every other district's, or the one compared with
reference = docs[docs["district"] != district] if versus == "all other districts" else docs[docs["district"] == versus]
st.markdown(
    f"**{escape_markdown(district)}**: {plural(len(mine), 'document')}, "
    f"{', '.join(str(y) for y in sorted(mine['year'].dropna().unique()))}; {int(mine['n_chars'].sum()):,} characters; "
    f"compared with {escape_markdown(versus)} ({plural(len(reference), 'document')})."
)
shown = mine[["title", "year", "date", "doc_type", "source", "n_chars", "doc_id"]]
st.dataframe(shown, hide_index=True, key="district_docs")
download(shown, "district-documents", base, district, key="dl_district_docs")

st.subheader("Distinctive keywords")
t1, t2 = st.columns(2)
no_places = t1.toggle("Leave out place names", value=True, key="district_no_places", **IN_URL)
significant = t2.toggle("Only significant terms (G² ≥ 3.84, p < 0.05)", value=True, key="district_sig", **IN_URL)
st.caption(
    "G² (the two-term log-likelihood of Rayson and Garside 2000, as UCREL's calculator gives it) says how sure "
    "the difference is; log ratio how big it is (1 = twice as frequent "
    f"in {escape_markdown(district)} as in {escape_markdown(versus)}, 2 = four times)."
)
key_terms = computed.keyness(akey, scope, district, (), 30, no_places=no_places, min_g2=3.84 if significant else 0.0)
if key_terms.empty:
    st.info("No term sets this district apart at this level: turn off 'Only significant terms' or compare with more.")
st.dataframe(key_terms, hide_index=True, key="district_keyness")
download(key_terms, "district-keyness", scope, district, versus, key="dl_district_keyness")
show_command("keyness", scope, formula=formula, target=district, top=30, places="leave" if no_places else "keep",
             min_g2=3.84 if significant else None)  # fmt: skip

st.subheader(f"Term frequencies: {district} against {versus}")
freq = computed.term_pair(akey, scope, district, no_places)
if not freq.empty:

    def term_pair_chart() -> alt.LayerChart:
        top = scatter_labels(freq, x="per_10k_reference", y="per_10k_target", rank_by="total")
        scale = alt.Scale(type="symlog")
        points = (
            alt.Chart(freq)
            .mark_circle(size=30, opacity=0.35, color="#888")
            .encode(
                x=alt.X("per_10k_reference:Q", title=f"per 10,000 characters in {versus}", scale=scale),
                y=alt.Y("per_10k_target:Q", title=f"per 10,000 characters in {district}", scale=scale),
                tooltip=["term", "per_10k_target", "per_10k_reference"],
            )
        )
        orange = "datum.per_10k_target > datum.per_10k_reference"
        labels = alt.Chart(top).mark_text(fontSize=13, dy=-8, font="Noto Sans CJK SC").encode(
            x="per_10k_reference:Q", y="per_10k_target:Q", text="term:N",
            color=alt.condition(orange, alt.value("#d95f02"), alt.value("#1b9e77")),
        )  # fmt: skip
        layered = (points + labels).properties(height=460)
        return layered.configure_axis(grid=False, labelFontSize=12, titleFontSize=13)

    st.caption(
        "Each dot is a term (log scales); the most frequent are named where their names do not overlap. Above the "
        f"diagonal: more frequent in {escape_markdown(district)} (orange); below: in {escape_markdown(versus)} (green)."
    )
    cached_chart(("term-pair", akey, scope, district, versus, no_places), term_pair_chart)
    download(freq, "district-term-pair", scope, district, versus, key="dl_district_pair")

st.subheader("Theme profile")
lexicon_csv = st.session_state.get("themes_csv") or default_lexicon().to_csv(index=False)
themed = computed.district_themes(akey, scope, district, versus, lexicon_csv)
profile, by_year = themed["profile"], themed["by_year"]
cached_chart(
    ("theme-profile", akey, scope, district, versus, lexicon_csv),
    lambda: (
        alt.Chart(profile)
        .mark_bar()
        .encode(
            y=alt.Y("theme:N", title=None, sort="-x", axis=alt.Axis(labelFontSize=13, labelLimit=220)),
            x=alt.X("per_10k_chars:Q", title="Mentions per 10,000 characters"),
            color=alt.Color(
                "group:N", title=None, scale=alt.Scale(domain=[district, versus], range=["#d95f02", "#b0b0b0"])
            ),
            yOffset="group:N",
            tooltip=["group", "theme", "mentions", "per_10k_chars"],
        )
        .properties(height=36 * profile["theme"].nunique())
    ),
)
profile_table = profile[["group", "theme", "mentions", "per_10k_chars"]]
download(profile_table, "district-themes", scope, district, versus, key="dl_district_themes")

st.subheader(f"Themes over the years in {district}")
if by_year.empty:
    st.info("No theme mentions in this district's documents.")
else:
    grid = (
        alt.Chart(by_year)
        .mark_rect()
        .encode(
            x=alt.X("year:O", title="Year", axis=alt.Axis(labelAngle=0)),
            y=alt.Y("theme:N", title=None, axis=alt.Axis(labelFontSize=13, labelLimit=220)),
            color=alt.Color("per_10k_chars:Q", title="per 10k chars", scale=alt.Scale(scheme="oranges")),
            tooltip=["year", "theme", "mentions", "per_10k_chars"],
        )
        .properties(height=28 * by_year["theme"].nunique())
    )
    st.caption("Mentions per 10,000 characters, only in the years with a document from this district.")
    cached_chart(
        ("theme-years", akey, scope, district, lexicon_csv),
        lambda: grid + grid.mark_text(fontSize=11).encode(text=alt.Text("per_10k_chars:Q", format=".0f"), color=alt.value("black")),
    )  # fmt: skip
    download(by_year, "district-themes-by-year", scope, district, key="dl_district_years")

st.subheader("Reform items")
# Items of this district's documents only: reading every filtered document's items first
# took most of this page's first run on a large corpus.
district_items = computed_items.items_table(corpus.key, replace(base, districts=(district,)), lexicon_csv)
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
    download(district_items, "district-items", base, district, key="dl_district_items",
             full=lambda: computed_items.items_with_text(corpus.key, replace(base, districts=(district,)), lexicon_csv))  # fmt: skip

st.subheader("Most representative sentences")
st.caption("Sentences richest in the district's distinctive terms. *Open* reads the passage in Side by side.")
sentences = computed.representative(akey, scope, district)
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
        scope,
        district,
        key="dl_district_sentences",
    )
