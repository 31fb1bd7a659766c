"""Coding: codes defined as rules over terms (AND, OR, NOT, NEAR), counted by district and year,
with the coded paragraphs; two coders' sheets compared (Cohen's kappa, Krippendorff's alpha)."""

import altair as alt
import pandas as pd
import streamlit as st

from explore.analysis.coding import SHIPPED, agreement, parse_codebook, shipped_name, shipped_text
from explore.app import computed_codes as computed
from explore.app.pages.common import IN_URL, analysed_key, download, load, long_table, plural, show_command
from explore.app.render import escape_markdown

st.title("Codes")
corpus, filters, docs = load()
akey, formula = analysed_key(corpus)
st.markdown(
    "A code is a rule over terms, as in KH Coder: `|` or, `&` and, `!` not, `a NEAR/10 b` (at most 10 "
    "characters between), brackets. Two codebooks are shipped: the starter sorts policy instruments after "
    "Hood (nodality, authority, treasure, organisation); *instruments* is Rothwell & Zegveld's supply-, "
    "environment- and demand-side instruments (the Policy instruments page crosses it with a second "
    "dimension). Edit one below for this session, or write your own file and pass it to the command line "
    "with `--rules`."
)
book = st.radio("Codebook", list(SHIPPED), horizontal=True, key="codes_book", **IN_URL)
with st.expander("Codebook (editable for this session)", expanded=False):
    kept = f"codebook_text_{book}"  # the session's edit of each codebook, kept across pages
    codebook = st.text_area(
        "Codebook", value=st.session_state.get(kept) or shipped_text(book), height=320,
        key="codebook_edit" if book == "starter" else f"codebook_edit_{book}",
    )  # fmt: skip
    st.session_state[kept] = codebook
try:
    codes = list(parse_codebook(codebook))
except ValueError as err:
    st.error(f"The codebook cannot be read: {escape_markdown(str(err))}")
    st.stop()
counts_view = st.container()  # above the code picker, filled once the tables for its code are read
code = st.selectbox("Paragraphs of code", codes, key="codes_pick", **IN_URL)
tables = computed.coding_tables(akey, filters, codebook, code)
counts, mine = tables["counts"], tables["coded"]
with counts_view:
    st.caption(
        f"{plural(int(tables['summary']['coded_paragraphs'].iloc[0]), 'paragraph')} coded in "
        f"{plural(len(docs), 'document')}; from a shell, with your own codebook: "
        "`python -m explore export codes --rules FILE` (and `export coded`; `--rules instruments` for the "
        "shipped instruments codebook)."
    )
    chart = (
        alt.Chart(counts.dropna(subset=["year"]))
        .mark_line(point=True)
        .encode(
            x=alt.X("year:Q", title="Year", axis=alt.Axis(format="d", tickMinStep=1), scale=alt.Scale(zero=False)),
            y=alt.Y("sum(coded):Q", title="Coded paragraphs"),
            color=alt.Color("code:N", title="Code"),
            tooltip=["code", "year", "sum(coded)"],
        )
        .properties(height=260, title="Coded paragraphs by year")
    )
    st.altair_chart(chart, width="stretch")
    st.dataframe(counts, hide_index=True, key="codes_counts")
    download(counts, "code-counts", filters, key="dl_code_counts")
# the paragraphs' text is read for those shown (every paragraph of a code runs to 300,000 at
# 20,000 documents), and for every paragraph only when the CSV is asked for
long_table(mine, hide_index=True, key="codes_coded", column_config={"text": st.column_config.TextColumn(width="large")},
           shape=lambda top: computed.coded_shown(akey, filters, codebook, code).head(len(top)))  # fmt: skip
download(mine, "coded-paragraphs", filters, code, key="dl_coded",
         full=lambda: computed.all_coded(akey, filters, codebook, code))  # fmt: skip
if shipped_name(codebook):  # an edited codebook is this session's text, no file
    show_command("coded", filters, formula=formula, rules=None if book == "starter" else book, code=[code])

st.subheader("Two coders")
st.markdown(
    "Download a sheet of sampled paragraphs, have two people fill each code's column with 1 or 0, and "
    "load both sheets back: agreement per code, and the paragraphs they disagree on."
)
sample = st.number_input("Paragraphs in the sheet", 10, 1000, 100, step=10, key="codes_sample", **IN_URL)
sheet = computed.coding_sheet(akey, filters, tuple(codes), int(sample))
download(sheet, "coding-sheet", filters, key="dl_coding_sheet")
u1, u2 = st.columns(2)
first = u1.file_uploader("First coder's sheet (CSV)", type="csv", key="codes_first")
second = u2.file_uploader("Second coder's sheet (CSV)", type="csv", key="codes_second")
if first and second:
    try:
        sheets = [pd.read_csv(f, encoding="utf-8-sig", dtype=str, keep_default_na=False) for f in (first, second)]
        table, differ = agreement(*sheets)
    except (ValueError, KeyError, pd.errors.ParserError) as err:
        st.error(f"The sheets cannot be compared: {escape_markdown(str(err))}")
    else:
        st.dataframe(table, hide_index=True, key="codes_agreement")
        download(table, "agreement", filters, key="dl_agreement")
        st.dataframe(differ, hide_index=True, key="codes_differ")
        download(differ, "disagreements", filters, key="dl_disagreements")
