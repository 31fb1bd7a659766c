"""Reform items: the plans' numbered projects and measures as one filterable table."""

import altair as alt
import pandas as pd
import streamlit as st

from explore.app import computed, computed_items
from explore.app.pages.common import (
    IN_URL,
    compare_link,
    district_color,
    download,
    load,
    long_table,
    plural,
    show_command,
)
from explore.app.render import escape_markdown
from explore.ingest.lexicon import default_lexicon

st.title("Reform items")
corpus, filters, docs = load()
# every district of the corpus, so a district keeps its colour whatever the filters
st.markdown(
    "Projects and measures read from the documents' numbering (`一、` `（一）` `1.` `一是`), from "
    "lists announced by a count (`13项改革`) and from task tables (`序号 / 任务 / 牵头单位`). *Lead* is "
    "the responsible unit as written (牵头单位, 责任单位, 牵头部门 …; a project without its own lists its "
    "measures' leads), *partners* the supporting units, *leaders* the named leaders; *lead rule* says how "
    "the lead was read (a label, a note under the document's first-unit convention, every unit of a note, a "
    "table's column, a flattened row's unit cell, a numbered table's cells of nothing but units, its measures, "
    "a heading such as （一）省编办牵头的工作 over its tasks, a sentence such as 4项目标的责任单位均为X after "
    "the tasks it names). *Theme* is the theme lexicon's best match. Each "
    "document's items are read once, when the corpus is built."
)
lexicon_csv = st.session_state.get("themes_csv") or default_lexicon().to_csv(index=False)
if not computed_items.item_summary(corpus.key, filters, lexicon_csv)["total"]:
    st.info("No numbered reform items in the filtered documents.")
    st.stop()

c1, c2, c3, c4 = st.columns([1, 2, 2, 2])
levels = c1.multiselect("Level", ["project", "measure"], key="items_level", **IN_URL, placeholder="Both")
choices = computed_items.item_choices(corpus.key, filters, lexicon_csv)
tiers = c2.multiselect("Tier / section", choices["tier"], key="items_tier", **IN_URL, placeholder="All")
themes = c3.multiselect("Theme", choices["theme"], key="items_theme", **IN_URL, placeholder="All")
lead = c4.selectbox(
    "Lead unit or leader",
    ["", *computed_items.item_leads(corpus.key, filters, lexicon_csv)],
    key="items_lead",
    **IN_URL,
    format_func=lambda u: u or "Any",
)
sections = st.multiselect(
    "Section",
    ["plan", "review", "other"],
    default=["plan"],
    key="items_section",
    **IN_URL,
    help="plan: what a document sets out to do; review: a work report's account of past years; "
    "other: a budget report's accounts. Only plans are reform items, unless you ask for more.",
)
chosen = (tuple(levels), tuple(tiers), tuple(themes), lead, tuple(sections))  # the page's own filters
summary = computed_items.item_summary(corpus.key, filters, lexicon_csv, *chosen)
shown = computed_items.items_shown(corpus.key, filters, lexicon_csv, *chosen)
st.caption(
    f"{summary['rows']:,} of {plural(summary['total'], 'item')}: {plural(summary['projects'], 'project')}, "
    f"{plural(summary['measures'], 'measure')}, in {plural(summary['docs'], 'document')}."
)
# the place a row is from: its district, else its city's or province's group (东莞市 · city level)
columns = ["place", "year", "number", "title", "lead", "lead_rule", "partners", "leaders", "level", "tier", "group",
           "section", "theme", "item_id", "parent_id"]  # fmt: skip


def with_place(rows: pd.DataFrame) -> pd.DataFrame:
    """The place a row is from: its district, else its city's or province's group (东莞市 · city level)."""
    places = rows["district"].where(rows["district"] != "", rows["doc_id"].map(computed.place_groups(corpus.key)))
    return rows.assign(place=places)[columns]


long_table(
    shown,
    total=summary["rows"],
    shape=with_place,
    hide_index=True,
    key="items_table",
    column_config={
        "title": st.column_config.TextColumn(width="large"),
        "lead": st.column_config.TextColumn(width="medium"),
        "year": st.column_config.NumberColumn(format="%d"),
    },
)
options = {"levels": levels, "tiers": tiers, "themes": themes, "lead": lead, "sections": sections}
download(None, "reform-items", filters, *levels, *tiers, *themes, *sections, lead, key="dl_items", rows=summary["rows"],
         full=lambda: computed_items.items_with_text(corpus.key, filters, lexicon_csv, **options))  # fmt: skip
show_command("items", filters, level=levels, tier=tiers, theme=themes, lead=lead, section=sections)

st.subheader("Counts by district and theme")
counts = summary["by_theme"]
if not counts.empty:
    chart = (
        alt.Chart(counts)
        .mark_bar()
        .encode(
            y=alt.Y("theme:N", title=None, sort="-x", axis=alt.Axis(labelFontSize=13, labelLimit=220)),
            x=alt.X("sum(items):Q", title="Items"),
            color=district_color(corpus, counts["district"]),
            tooltip=["district", "theme", "items"],
        )
        .properties(height=max(120, 28 * counts["theme"].nunique()))
    )
    st.altair_chart(chart, width="stretch")
wide = counts.pivot_table(index="theme", columns="district", values="items", fill_value=0, aggfunc="sum")
st.dataframe(wide, key="items_counts")
download(counts, "reform-item-counts", filters, key="dl_item_counts")

st.subheader("Read an item")
PICKABLE = 1000  # a select box of tens of thousands of options would slow every rerun
if len(shown) > PICKABLE:
    st.caption(f"The first {PICKABLE:,} of {len(shown):,} items can be picked; narrow the filters to reach the others.")
pickable = shown.head(PICKABLE)
groups = pickable["doc_id"].map(computed.place_groups(corpus.key))
labels = {
    r.item_id: f"{g} {'' if pd.isna(r.year) else r.year} · {r.number} {r.title}"[:80]
    for r, g in zip(pickable.itertuples(), groups, strict=True)
    if r.item_id
}
picked = st.selectbox("Item", list(labels), format_func=labels.get, key="items_pick", **IN_URL)
if picked:
    row = shown[shown["item_id"] == picked].iloc[0]
    facts = [f"**{row['level']}** in *{escape_markdown(row['tier'] or '–')}*"]
    if row["lead"]:
        facts.append(f"lead: {escape_markdown(row['lead'])} ({escape_markdown(row['lead_rule'] or 'read')})")
    if row["partners"]:
        facts.append(f"with: {escape_markdown(row['partners'])}")
    if row["group"]:
        facts.append(f"group: {escape_markdown(row['group'])}")
    st.markdown(" · ".join(facts))
    st.markdown(f"#### {escape_markdown(row['number'])} {escape_markdown(row['title'])}")
    for paragraph in computed_items.item_text(corpus.key, row["doc_id"], picked).split("\n"):
        st.markdown(escape_markdown(paragraph))
    children = computed_items.item_children(corpus.key, row["doc_id"], picked)
    if not children.empty:
        st.markdown("**Measures under this project**")
        st.dataframe(children[["number", "title", "lead"]], hide_index=True, key="items_children")
    st.link_button("Read in context", compare_link(row["doc_id"], int(row["para_no"])))
