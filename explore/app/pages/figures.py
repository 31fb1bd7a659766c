"""The figures in the text: amounts, counts, areas and shares with their units, each with its
sentence, as a result or a target; a chosen quantity over the years and districts."""

from typing import get_args

import altair as alt
import streamlit as st

from explore.analysis.figure_forms import Kind
from explore.app import computed, computed_figures
from explore.app.pages.common import (
    IN_URL,
    district_color,
    download,
    formula_choice,
    load,
    long_table,
    plural,
    show_command,
)

st.title("Figures in the text")
corpus, filters, docs = load()
formula = formula_choice(corpus)  # the figures read the corpus as it is; only the choice is needed
st.markdown(
    "Every number followed by a unit (930亿元, 28个项目, 增长6.5%, 1.94万个, 两批, 近8成; a score's points, 满意度91.02分), Chinese numerals "
    "included, and a number alone in a table's cell under a column that says target or result (完成情况 | 4385: in "
    "the unit the column or the table names, 单位：万元). *value* is in one unit (amounts in 元, 万 and 亿 multiplied "
    "out). A figure is a **target** "
    "or a **result** by what stands over it and around it: its own clause first (力争, 确保, 到2025年 say "
    "target; 已, 同比, 截至 say result), then the heading, table column or lead-in above it (主要预期目标, "
    "任务 columns say target; 工作回顾, 进展情况 columns say result), then an official document's title "
    "(…民生实事项目 plans, …完成情况 reviews) or a news headline that announces a plan (…十件民生实事出炉, "
    "…今年工作重点); where nothing speaks, a result."
)
c1, c2, c3 = st.columns([2, 2, 3])
kinds = c1.multiselect("Kind", list(get_args(Kind)), key="fig_kind", placeholder="All", **IN_URL)
statuses = c2.multiselect("Result or target", ["result", "target"], key="fig_status", placeholder="Both", **IN_URL)
words = c3.text_input("Sentence contains", key="fig_words", placeholder="e.g. 固定资产投资", **IN_URL)
# counted and chosen by DuckDB: only the rows shown and the chart's dots are read
chosen = (corpus.key, filters, formula, tuple(kinds), tuple(statuses), words.strip())
summary = computed_figures.figure_summary(*chosen)
st.caption(f"{plural(summary['rows'], 'figure')} of {summary['total']:,} in {plural(summary['docs'], 'document')}.")
# the place a row is from: its district, else its city's or province's group (东莞市 · city level)
group_of = computed.place_groups(corpus.key)  # every document's, made once a corpus
long_table(
    computed_figures.figure_rows(*chosen),
    total=summary["rows"],
    shape=lambda rows: rows.assign(
        district=rows["district"].where(rows["district"] != "", rows["doc_id"].map(group_of))
    ).rename(columns={"district": "place"}),
    hide_index=True,
    key="fig_table",
    column_config={"sentence": st.column_config.TextColumn(width="large")},
)
download(None, "figures", filters, *kinds, *statuses, words.strip(), key="dl_figures", rows=summary["rows"],
         full=lambda: computed_figures.all_figures(*chosen))  # fmt: skip
show_command("figures", filters, formula=formula, kind=kinds, status=statuses, words=words.strip())

st.subheader("One quantity over the years")
dated = summary["units"].set_index("unit")["dated"]
units = sorted(dated.index)
if not units:
    st.info("No figure matches: clear a control above, or widen the filters in the sidebar.")
    st.stop()
unit = st.selectbox("Unit", units, index=units.index("元") if "元" in units else 0, key="fig_unit", **IN_URL,
                    format_func=lambda u: u or "(none: 30万, 2亿)")  # fmt: skip
# at most POINTS dots: tens of thousands of figures of one unit cost the server hundreds of
# megabytes to draw and say nothing more; DuckDB picks them, spread over the table, always the same
POINTS = 5_000
of_unit = int(dated[unit])
points = computed_figures.figure_points(*chosen, unit, POINTS)[
    ["doc_id", "year", "value", "figure", "status", "sentence"]
]
points = points.assign(district=points["doc_id"].map(group_of))
st.caption(
    "Each dot is one figure, by its document's year; narrow with *Sentence contains* to follow one quantity "
    "(固定资产投资, 地区生产总值 …). Hover for the sentence."
    + (
        f" A sample of {POINTS:,} of the {of_unit:,} figures is drawn; the table has them all."
        if of_unit > POINTS
        else ""
    )
)
chart = (
    alt.Chart(points)
    .mark_point(size=90, filled=True)
    .encode(
        x=alt.X(
            "year:Q", title="Year", axis=alt.Axis(format="d", tickMinStep=1), scale=alt.Scale(zero=False, padding=20)
        ),
        y=alt.Y("value:Q", title=f"value ({unit or 'count'})", scale=alt.Scale(type="symlog")),
        color=district_color(corpus, points["district"]),
        shape=alt.Shape("status:N", title="Result or target"),
        tooltip=["district", "year", "figure", "status", "sentence"],
    )
    .properties(height=320)
)
st.altair_chart(chart, width="stretch")
