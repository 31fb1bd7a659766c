"""Overview: the corpus at a glance — documents, where and when they come from, what was skipped."""

from pathlib import Path

import altair as alt
import streamlit as st

from explore.analysis.filters import Filters, place_groups
from explore.app import cache, computed
from explore.app.pages.common import district_color, download, load, plural, show_command
from explore.app.render import escape_markdown
from explore.store.tables import docs_table

SEEDS = Path(__file__).resolve().parents[3] / "seeds"  # the sample that comes with the app

st.title("Overview")
corpus, filters, docs = load()
st.markdown(
    "**explore** reads a folder of Chinese local-government reform documents (plans, work reports, task "
    "divisions, news, in any encoding and script), repairs scraped text and infers where and when each comes "
    "from. It lets policy researchers, journalists and reform-office staff see what each district pushed, how "
    "themes rise and fall, where a term is used and who leads each reform, every table a CSV."
)
folder = Path(corpus.root).resolve()
sample = folder == SEEDS.resolve()
st.markdown(
    f"Loaded: **{escape_markdown(folder.name)}**, {plural(len(corpus.docs), 'document')}"
    + (" — the Shenzhen sample that comes with the app; start it with `--corpus DIR` "
       "(or set `EXPLORE_CORPUS`) to explore your own folder, or add files under *Your documents*." if sample else ".")
)  # fmt: skip
st.caption("Six research tasks to start with:")
t = st.columns(3)
t[0].page_link("explore/app/pages/compare.py", label="A plan beside a later report", icon=":material/menu_book:")
t[1].page_link("explore/app/pages/kwic.py", label="Every use of a term", icon=":material/search:")
t[2].page_link("explore/app/pages/district.py", label="What sets one district apart", icon=":material/location_city:")
t[0].page_link("explore/app/pages/themes.py", label="A theme over the years", icon=":material/timeline:")
t[1].page_link("explore/app/pages/items.py", label="The measures one unit leads", icon=":material/checklist:")
t[2].page_link("explore/app/pages/sql.py", label="Your own question in SQL", icon=":material/database:")
st.markdown(
    "Below, every document with the metadata inferred from it and how much repair its text needed. Use the "
    "sidebar to narrow the view; every page follows the same filters, and the address keeps them."
)
if st.button("Reload corpus", key="reload", help="Read the folder again (after adding or editing files)"):
    cache.clear()
    st.rerun()

c1, c2, c3, c4, c5 = st.columns(5)
c1.metric("Documents", len(docs))
c2.metric("Districts", docs["district"].replace("", None).nunique())
years = docs["year"].dropna()
c3.metric("Years", f"{years.min()}–{years.max()}" if len(years) else "–")
c4.metric("Characters", f"{int(docs['n_chars'].sum()):,}")
c5.metric("Skipped files", len(corpus.skipped))

st.subheader("Documents")
shown = docs_table(docs)
st.dataframe(
    shown, hide_index=True, key="overview_docs", column_config={"title": st.column_config.TextColumn(width="large")}
)
download(shown, "documents", filters, key="dl_docs")
show_command("docs", filters)

st.subheader("Documents by district and year")
if len(docs):
    counts = docs.assign(district=place_groups(docs)).groupby(["year", "district"]).size().reset_index(name="documents")
    chart = (
        alt.Chart(counts)
        .mark_bar()
        .encode(
            x=alt.X("year:O", title="Year", axis=alt.Axis(labelAngle=0)),
            y=alt.Y("documents:Q", title="Documents", axis=alt.Axis(tickMinStep=1)),
            color=district_color(corpus, counts["district"]),
            tooltip=["year", "district", "documents"],
        )
        .properties(height=260)
    )
    st.altair_chart(chart, width="stretch")
    st.dataframe(counts, hide_index=True, key="overview_counts")
    download(counts, "documents-by-district-year", filters, key="dl_counts")
else:
    st.info("No document matches the filters.")

st.subheader("Skipped files")
if corpus.skipped.empty:
    st.success("Every file in the folder was read.")
else:
    st.dataframe(corpus.skipped, hide_index=True, key="overview_skipped")
    download(corpus.skipped, "skipped", filters, key="dl_skipped")

st.subheader("Formula")
formula = computed.formula_lines(corpus.key)
if formula.empty:
    st.caption("No passage recurs across enough documents to count as formula.")
else:
    st.caption(
        f"{plural(len(formula), 'passage')} {'recurs' if len(formula) == 1 else 'recur'} across the corpus: site furniture, collectors' header lines, a "
        "genre's stock sentences. Text reuse leaves them out unless asked; the shape shows digits and links as #, "
        "a place before its organ as □. From a shell: `python -m explore export formula`."
    )
    st.dataframe(formula, hide_index=True, key="overview_formula")
    download(formula, "formula", Filters(), key="dl_formula")
