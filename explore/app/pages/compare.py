"""Side by side: two documents read as pairs of similar paragraphs, or whole, next to each other."""

import pandas as pd
import streamlit as st

from explore.analysis.compare import shared_spans
from explore.analysis.filters import Filters
from explore.analysis.kwic import parse_query
from explore.app import computed
from explore.app.pages.common import IN_URL, doc_labels, download, load, show_command, write_param
from explore.app.render import highlight_markdown
from explore.ingest.lexicon import default_lexicon, parse_lexicon
from explore.ingest.marks import guessed_positions
from explore.ingest.script import to_simplified

WINDOW = 40  # rows drawn at once: a long plan has hundreds of paragraphs

st.title("Side by side")
corpus, filters, docs = load()
if len(docs) < 1:
    st.info("No document matches the filters.")
    st.stop()
labels = doc_labels(corpus, docs)
ids = list(labels)


def _default(param: str, fallback: int) -> int:
    wanted = st.query_params.get(param)
    return ids.index(wanted) if wanted in ids else min(fallback, len(ids) - 1)


for param, key in (("left", "cmp_left"), ("right", "cmp_right")):
    # A link followed (the address names another document than this page last wrote) wins over
    # the document kept from earlier in the session.
    wanted = st.query_params.get(param)
    if wanted in ids and wanted != st.session_state.get(f"{key}_written") and key in st.session_state:
        st.session_state[key] = wanted

c1, c2 = st.columns(2)
left_id = c1.selectbox("Left document", ids, index=_default("left", 0), format_func=labels.get, key="cmp_left")
right_id = c2.selectbox("Right document", ids, index=_default("right", 1), format_func=labels.get, key="cmp_right")
# The documents travel as ids (left=, right=; links from other pages use them), not as labels.
write_param("left", left_id)
write_param("right", right_id)
st.session_state["cmp_left_written"], st.session_state["cmp_right_written"] = left_id, right_id

c3, c4, c5, c6 = st.columns([2, 2, 2, 2])
mode = c3.radio("Mode", ["Aligned", "Whole documents"], horizontal=True, key="cmp_mode", **IN_URL)
script = c4.radio("Text", ["Simplified", "As written"], horizontal=True, key="cmp_script", **IN_URL)
highlight = c5.text_input("Highlight terms", key="cmp_terms", placeholder="e.g. 改革 营商环境", **IN_URL)
lexicon = parse_lexicon(st.session_state["themes_csv"]) if "themes_csv" in st.session_state else default_lexicon()
theme = c6.selectbox("…or a theme's terms", ["(none)", *lexicon["theme"]], key="cmp_theme", **IN_URL)
terms = parse_query(highlight)
if theme != "(none)":
    terms += [t for t in lexicon.set_index("theme").loc[theme, "terms"].split("|") if t]
# A term typed in Traditional also marks its Simplified form, and the other way round.
terms = sorted({*terms, *(to_simplified(t) for t in terms)})

column = "text" if script == "Simplified" else "text_original"
# the two documents' paragraphs, picked out once: a rerun never indexes the whole corpus
paragraphs = corpus.tables.paragraphs_of([left_id, right_id])
# "shown" is a copy, so that "As written" (column = text_original) does not name a column twice
texts = paragraphs.set_index(["doc_id", "para_no"]).assign(shown=lambda d: d[column])[["shown", "text_original"]]
focus = st.query_params.get("para")


def _body(doc_id: str, no: int, shared: list[int] | None = None, side: str = "") -> str:
    text, original = texts.loc[(doc_id, no)]
    # characters the repair guessed: shown as � as written, marked violet in Simplified
    guessed = guessed_positions(text, original) if script == "Simplified" else []
    marker = "▶ " if focus and str(no) == focus and doc_id == left_id else ""
    # the side is named: at a phone's width the two panes stack
    return f"{marker}**{side}¶{no}** " + highlight_markdown(text, terms, guessed=guessed, shared=shared or [])


st.caption(
    ":green-background[Green]: wording both paragraphs share. :orange-background[Orange]: your terms. "
    ":violet-background[Violet]: characters the repair guessed (shown as � as written)."
)

if mode == "Aligned":
    g1, g2 = st.columns(2)
    min_score = g1.slider(
        "Pair paragraphs at similarity of at least",
        0.05,
        0.9,
        0.15,
        step=0.05,
        key="cmp_min",
        **IN_URL,
        help="TF-IDF cosine of the two paragraphs' words. Lower pairs more loosely related paragraphs.",
    )
    rows = computed.pairs(corpus.key, left_id, right_id, min_score)
    paired = rows["left_para"].notna() & rows["right_para"].notna()
    st.markdown(
        f"{int(paired.sum())} paragraphs paired by similarity, {int(rows['right_para'].isna().sum())} only on the "
        f"left, {int(rows['left_para'].isna().sum())} only on the right. Pairs keep both documents' order; the "
        "similarity under a pair is the TF-IDF cosine of its words (1 = the same words)."
    )
    n_left = int(rows["left_para"].max()) if rows["left_para"].notna().any() else 1
    default_start = int(focus) if focus and focus.isdigit() else 1
    start = g2.number_input(
        "Go to left paragraph", 1, max(n_left, 1), min(default_start, max(n_left, 1)), key="cmp_from", **IN_URL
    )
    first = rows.index[rows["left_para"].fillna(0) >= start]
    at = int(first[0]) if len(first) else 0
    at = max(0, at - 2) if focus else at  # a passage opened from a link shows what comes before it
    shown = rows.iloc[at : at + WINDOW]
    st.caption(f"Rows {at + 1}–{at + len(shown)} of {len(rows)}.")
    for row in shown.itertuples():
        left_no = None if pd.isna(row.left_para) else int(row.left_para)
        right_no = None if pd.isna(row.right_para) else int(row.right_para)
        mine = theirs = None
        if left_no is not None and right_no is not None:
            mine, theirs = shared_spans(
                texts.loc[(left_id, left_no)]["shown"], texts.loc[(right_id, right_no)]["shown"]
            )
        with st.container(border=True):
            # a one-sided row needs no gap between its panes; without one, stacked panes on a phone leave none
            cl, cr = st.columns(2, gap="small" if mine is not None else None)
            if left_no is not None:
                cl.markdown(_body(left_id, left_no, mine, side="Left "))
            if right_no is not None:
                cr.markdown(_body(right_id, right_no, theirs, side="Right "))
            if row.score:
                st.caption(f"similarity {row.score:.2f}")
    table = rows.assign(
        left_text=[texts.loc[(left_id, int(n))]["shown"] if pd.notna(n) else "" for n in rows["left_para"]],
        right_text=[texts.loc[(right_id, int(n))]["shown"] if pd.notna(n) else "" for n in rows["right_para"]],
    )
    download(table, "aligned", filters, left_id, right_id, key="dl_aligned")
    show_command(
        "paragraphs", Filters(doc_ids=(left_id, right_id)), label="The two documents' paragraphs, from a shell:"
    )
else:
    left_col, right_col = st.columns(2)
    for col, doc_id in ((left_col, left_id), (right_col, right_id)):
        with col.container(height=640, border=True):
            for no in paragraphs.loc[paragraphs["doc_id"] == doc_id, "para_no"]:
                st.markdown(_body(doc_id, int(no)))
    table = paragraphs[["doc_id", "para_no", "text_original", "text"]]
    download(table, "side-by-side", filters, left_id, right_id, key="dl_side")

with st.expander("Words the two documents share, and each one's own"):
    overlap = computed.overlap(corpus.key, left_id, right_id)
    o1, o2, o3 = st.columns(3)
    o1.markdown("**Shared terms**  \n" + highlight_markdown("、".join(overlap["shared"]) or "–", []))
    o2.markdown("**Only left**  \n" + highlight_markdown("、".join(overlap["left_only"]) or "–", []))
    o3.markdown("**Only right**  \n" + highlight_markdown("、".join(overlap["right_only"]) or "–", []))
