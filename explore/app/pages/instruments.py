"""Policy instruments: Rothwell & Zegveld's supply-, environment- and demand-side instruments
crossed with a second dimension (theme, year, level, place, 文种, kind of document), counts and
shares, and the paragraphs behind each cell one pick away."""

import altair as alt
import streamlit as st

from explore.analysis.instruments import ACROSS
from explore.app import computed_instruments as computed
from explore.app.pages.common import IN_URL, analysed_key, download, load, long_table, plural, show_command

NAMES = {"year": "year", "theme": "theme", "level": "level of government", "place": "place",
         "genre": "文种 (genre)", "doc_type": "kind of document"}  # fmt: skip

st.title("Policy instruments")
corpus, filters, docs = load()
akey, formula = analysed_key(corpus)
st.markdown(
    "Each paragraph is a policy fragment, coded with every instrument whose words it uses (the shipped "
    "codebook, `explore/data/instruments.txt`, after Rothwell & Zegveld and 黄萃 et al. 2011): **供给型** "
    "supply-side, **环境型** environment-side, **需求型** demand-side. A paragraph using two instruments counts "
    "for each. Check the rules on your documents with the Codes page's two-coder sheet (choose this codebook there)."
)
c1, c2 = st.columns(2)
across = c1.selectbox("Second dimension", ACROSS, key="in_across", **IN_URL,
                      help="; ".join(f"{a}: {name}" for a, name in NAMES.items()))  # fmt: skip
colour_by = c2.radio("Colour by", ["fragments", "share of the column"], horizontal=True, key="in_colour", **IN_URL)
colour = "fragments" if colour_by == "fragments" else "share_within"
tables = computed.instrument_tables(akey, filters, across)
table, types = tables["table"], tables["types"]
coded = int(table["fragments"].sum())
st.caption(f"{plural(coded, 'coded fragment')} in {plural(len(docs), 'document')}.")
if coded == 0:
    st.info("No paragraph of these documents uses an instrument's words: widen the filters in the sidebar.")
    st.stop()

columns = [str(v) for v in table[across].astype("string").fillna("(none)").drop_duplicates()]
shown = table.assign(value=table[across].astype("string").fillna("(none)"))
axis = alt.Axis(labelAngle=-40, labelLimit=140, labelOverlap=False)
heat = alt.Chart(shown).encode(
    x=alt.X("value:N", title=NAMES[across], sort=columns, axis=axis),
    y=alt.Y("code:N", title=None, sort=list(dict.fromkeys(table["code"])), axis=alt.Axis(labelLimit=220)),
    tooltip=["type", "instrument", alt.Tooltip("value:N", title=NAMES[across]), "fragments", "share", "share_within"],
)
cells = heat.mark_rect().encode(color=alt.Color(f"{colour}:Q", title="fragments" if colour == "fragments" else "share",
                                                scale=alt.Scale(scheme="blues")))  # fmt: skip
labels = heat.mark_text(fontSize=11).encode(
    text=alt.Text("fragments:Q"),
    color=alt.condition(alt.datum[colour] > float(shown[colour].max()) / 2, alt.value("white"), alt.value("black")),
)
st.altair_chart((cells + labels).properties(height=alt.Step(22), title="Fragments by instrument"), width="stretch")

bars = alt.Chart(types.assign(value=types[across].astype("string").fillna("(none)"))).mark_bar().encode(
    x=alt.X("value:N", title=NAMES[across], sort=columns, axis=axis),
    y=alt.Y("fragments:Q", title="Share of the column's fragments", stack="normalize"),
    color=alt.Color("type:N", title="Type"),
    tooltip=["type", alt.Tooltip("value:N", title=NAMES[across]), "fragments", "share_within"],
)  # fmt: skip
st.altair_chart(bars.properties(height=240, title="Supply, environment and demand side"), width="stretch")

st.subheader("The two-dimension table")
st.dataframe(table, hide_index=True, key="in_table")
download(table, "instruments", filters, across, key="dl_instruments")
show_command("instruments", filters, formula=formula, across=across)
st.dataframe(types, hide_index=True, key="in_types")
download(types, "instrument-types", filters, across, key="dl_instrument_types")
show_command("instrument_types", filters, formula=formula, across=across)

st.subheader("The fragments behind a cell")
p1, p2 = st.columns(2)
code = p1.selectbox("Instrument", list(dict.fromkeys(table["code"])), key="in_code", **IN_URL)
value = p2.selectbox(NAMES[across].capitalize(), columns, key="in_value", **IN_URL)
behind = computed.instrument_fragments(akey, filters, across, code, value)
st.caption(f"{plural(len(behind), 'fragment')} coded {code} with {NAMES[across]} {value}.")
long_table(
    behind, hide_index=True, key="in_fragments", column_config={"text": st.column_config.TextColumn(width="large")}
)
download(behind, "instrument-fragments", filters, code, value, key="dl_instrument_fragments")
show_command("instrument_fragments", filters, formula=formula, across=across, code=code, value=value)
