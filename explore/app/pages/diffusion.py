"""Who said it first: for a term or a theme, each district's first document that uses it, on a
timeline; which district was first and how far the others lagged; the adopters over time."""

import altair as alt
import pandas as pd
import streamlit as st

from explore.analysis.kwic import parse_query
from explore.app import computed
from explore.app.pages.common import IN_URL, district_color, download, load, plural, show_command
from explore.app.render import escape_markdown
from explore.ingest.lexicon import default_lexicon, parse_lexicon, split_terms

st.title("Who said it first")
corpus, filters, docs = load()
st.markdown(
    "A document uses a term when its text (Simplified) contains it, as in the concordance. Its time is the "
    "date it states, else the date its page was published, else its year; documents with no year are "
    "listed apart, never guessed into the timeline."
)
lexicon = parse_lexicon(st.session_state["themes_csv"]) if "themes_csv" in st.session_state else default_lexicon()
c1, c2 = st.columns(2)
query = c1.text_input("Terms", value="营商环境", key="diff_terms", **IN_URL)
theme = c2.selectbox("…or a theme's terms", ["(none)", *lexicon["theme"]], key="diff_theme", **IN_URL)
terms = parse_query(query)
if theme != "(none)":
    terms += split_terms(lexicon.set_index("theme").loc[theme, "terms"])
if not terms:
    st.info("Type a term, or choose a theme.")
    st.stop()
found = computed.diffusion(corpus.key, filters, tuple(sorted(set(terms))))
first, undated, curve = found["first"], found["undated"], found["curve"]
show_command("diffusion", filters, term=parse_query(query), theme=theme if theme != "(none)" else "")
if first.empty:
    st.info("No dated document under the current filters uses these terms.")
else:
    lead = first.iloc[0]
    st.markdown(
        f"**{plural(len(first), 'district')}** {'uses' if len(first) == 1 else 'use'} the terms; the first was "
        f"**{escape_markdown(lead['district'])}** "
        f"({escape_markdown(lead['when'])}). "
        + (
            "Some first uses share a year with another district and cannot be ordered within it."
            if first["tie"].ne("").any()
            else ""
        )
    )
    # plain columns for the chart (its own small frame; the table below shows everything)
    points = pd.DataFrame({"district": first["district"].astype(object), "year": first["year"].astype(int),
                           "when": first["when"].astype(object), "lag_years": first["lag_years"].astype(int),
                           "mentions": first["mentions"].astype(int)})  # fmt: skip
    timeline = (
        alt.Chart(points)
        .mark_circle(size=160, opacity=0.9)
        .encode(
            x=alt.X("year:Q", title="Year of first use", axis=alt.Axis(format="d", tickMinStep=1),
                    scale=alt.Scale(zero=False, nice=False, padding=20)),
            y=alt.Y("district:N", title=None, sort=first["district"].tolist(), axis=alt.Axis(labelLimit=200)),
            color=district_color(corpus, points["district"]),
            tooltip=["district", "when", "lag_years", "mentions"],
        )
        .properties(height=alt.Step(32), title="Each district's first use")
    )  # fmt: skip
    st.altair_chart(timeline, width="stretch")
    event = st.dataframe(first, hide_index=True, key="diff_first", on_select="rerun", selection_mode="single-row")
    if event.selection.rows:
        st.switch_page(
            "explore/app/pages/compare.py", query_params={"left": first.iloc[event.selection.rows[0]]["doc_id"]}
        )
    download(first, "first-use", filters, *terms, key="dl_diff_first")
    steps = (
        alt.Chart(curve)
        .mark_line(interpolate="step-after", point=True)
        .encode(
            x=alt.X("year:Q", title="Year", axis=alt.Axis(format="d", tickMinStep=1), scale=alt.Scale(zero=False)),
            y=alt.Y("districts:Q", title="Districts using the terms", axis=alt.Axis(tickMinStep=1)),
            tooltip=["year", "new_districts", "districts"],
        )
        .properties(height=220)
    )
    st.subheader("Adopters over time")
    st.altair_chart(steps, width="stretch")
    download(curve, "adopters", filters, *terms, key="dl_diff_curve")
if len(undated):
    st.subheader("Undated documents that use the terms")
    st.dataframe(undated, hide_index=True, key="diff_undated")
    download(undated, "first-use-undated", filters, *terms, key="dl_diff_undated")
