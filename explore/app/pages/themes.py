"""Theme timelines: how often each theme is spoken of, by year and district, and where."""

import altair as alt
import streamlit as st

from explore.app import computed
from explore.app.pages.common import (
    IN_URL,
    MAX_SIDE_LEGEND,
    analysed_key,
    district_color,
    download,
    legend_height,
    load,
    plural,
    show_command,
)
from explore.app.render import escape_markdown
from explore.ingest.lexicon import default_lexicon, parse_lexicon
from explore.ingest.pinyin import sort_key

st.title("Theme timelines")
corpus, filters, docs = load()
akey, formula = analysed_key(corpus)
# every district of the corpus, so a district keeps its colour whatever the filters
st.markdown(
    "A theme is a list of terms; its weight in a document is the number of mentions per 10,000 "
    "characters. Edit the lexicon below for this session (add a row, change terms separated by `|`)."
)

with st.expander("Theme lexicon (editable for this session)"):
    base = parse_lexicon(st.session_state["themes_csv"]) if "themes_csv" in st.session_state else default_lexicon()
    edited = st.data_editor(base, num_rows="dynamic", hide_index=True, key="theme_editor", width="stretch")
    edited = edited.fillna("")
    try:
        lexicon_csv = parse_lexicon(edited.to_csv(index=False)).to_csv(index=False)
        st.session_state["themes_csv"] = lexicon_csv
    except ValueError as err:
        st.error(str(err))
        lexicon_csv = default_lexicon().to_csv(index=False)
    download(parse_lexicon(lexicon_csv), "theme-lexicon", filters, key="dl_lexicon")

tables = computed.theme_tables(akey, filters, lexicon_csv)
timeline, heat = tables["timeline"], tables["heatmap"]
if timeline.empty:
    st.info("No document matches the filters.")
    st.stop()

themes = parse_lexicon(lexicon_csv)["theme"].tolist()
theme = st.selectbox("Theme", themes, key="theme_pick", **IN_URL)
line_data = timeline[timeline["theme"] == theme]
# Years on a time axis (2013 → 2016 is three steps); a line joins only consecutive years, so no
# line is drawn across years in which a district has no document.
runs = line_data.sort_values(["district", "year"]).assign(
    run=lambda d: d.groupby("district")["year"].transform(lambda y: (y.diff() != 1).cumsum())
)
select = alt.selection_point(name="point", fields=["district", "year"], on="click")
chart = (
    alt.Chart(runs)
    .mark_line(point=alt.OverlayMarkDef(size=90, filled=True))
    .encode(
        x=alt.X(
            "year:Q",
            title="Year",
            scale=alt.Scale(zero=False, nice=False, padding=20),
            axis=alt.Axis(labelAngle=0, format="d", tickMinStep=1, labelOverlap=False),
        ),
        detail="run:N",
        y=alt.Y("per_10k_chars:Q", title="Mentions per 10,000 characters"),
        color=district_color(corpus, runs["district"]),
        tooltip=["district", "year", "mentions", "per_10k_chars"],
    )
    .add_params(select)
    .properties(
        height=320 + legend_height(runs["district"].nunique()), title=f"{theme}: mentions per 10,000 characters"
    )
)
event = st.altair_chart(chart, width="stretch", on_select="rerun", key="theme_chart", selection_mode="point")
st.dataframe(line_data, hide_index=True, key="theme_timeline")
download(line_data, "theme-timeline", filters, theme, key="dl_timeline")
edited = lexicon_csv != default_lexicon().to_csv(index=False)
show_command("timeline", filters, formula=formula, theme=[theme])
if edited:
    st.caption("The command counts the shipped lexicon's themes, not this session's edits.")

st.subheader("District × theme")
places = sorted(heat["district"].unique(), key=sort_key)
# a dozen districts stand as columns with a figure in each cell; more stand as rows, each labelled
wide = len(places) > MAX_SIDE_LEGEND
place_axis = alt.Axis(labelFontSize=12, labelLimit=260, labelOverlap=False)
theme_axis = alt.Axis(labelFontSize=13, labelLimit=220, labelAngle=-40 if wide else 0)
heat_chart = (
    alt.Chart(heat)
    .mark_rect()
    .encode(
        x=alt.X("theme:N", title=None, axis=theme_axis) if wide else alt.X("district:N", title=None, sort=places,
                                                                          axis=alt.Axis(labelAngle=0, labelFontSize=13)),
        y=alt.Y("district:N", title=None, sort=places, axis=place_axis) if wide else alt.Y("theme:N", title=None,
                                                                                          axis=theme_axis),
        color=alt.Color("per_10k_chars:Q", title="per 10k chars", scale=alt.Scale(scheme="oranges")),
        tooltip=["district", "theme", "mentions", "per_10k_chars"],
    )
    .properties(height=(20 * len(places)) if wide else 30 * heat["theme"].nunique())
)  # fmt: skip
labels = heat_chart.mark_text(fontSize=12).encode(
    text=alt.Text("per_10k_chars:Q", format=".1f"), color=alt.value("black")
)
st.altair_chart(heat_chart if wide else heat_chart + labels, width="stretch")
if wide:
    st.caption("A row a district; each cell's figure shows when you point at it, and the table downloads below.")
download(heat, "theme-heatmap", filters, key="dl_heatmap")
show_command("heatmap", filters, formula=formula)

st.subheader("Passages")
points = (event or {}).get("selection", {}).get("point", []) if isinstance(event, dict) or hasattr(event, "get") else []
c1, c2 = st.columns(2)
district_options = ["(all)", *sorted(line_data["district"].unique(), key=sort_key)]
year_options = ["(all)", *sorted(int(y) for y in line_data["year"].dropna().unique())]
if points:  # a clicked point chooses district and year
    st.session_state["theme_district"] = points[0].get("district", "(all)")
    st.session_state["theme_year"] = points[0].get("year", "(all)")
district = c1.selectbox("District", district_options, key="theme_district", **IN_URL)
year = c2.selectbox("Year", year_options, key="theme_year", **IN_URL)
chosen = (akey, filters, lexicon_csv, theme, None if district == "(all)" else district,
          None if year == "(all)" else int(year))  # fmt: skip
keys = computed.theme_passage_keys(*chosen)
st.caption(
    f"{plural(len(keys), 'paragraph')} mention {escape_markdown(theme)}, most mentions first. Click a point on "
    "the chart or choose above."
)
if len(keys) > computed.PASSAGES_SHOWN:
    st.caption(f"The first {computed.PASSAGES_SHOWN:,} are shown; the CSV download has all {len(keys):,}.")
st.dataframe(
    computed.theme_passages(*chosen),
    hide_index=True,
    key="theme_passages",
    column_config={"text": st.column_config.TextColumn(width="large")},
)
download(keys, "theme-passages", filters, theme, district, year, key="dl_passages",
         full=lambda: computed.all_theme_passages(*chosen))  # fmt: skip
