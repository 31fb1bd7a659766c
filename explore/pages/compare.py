"""Side by side: two documents in two columns, or each paragraph aligned with its closest match."""

import streamlit as st

from explore import cache
from explore.kwic import parse_query
from explore.pages.common import IN_URL, doc_labels, download, load
from explore.render import escape_markdown, guessed_positions, highlight_markdown
from explore.script import to_simplified
from explore.themes import default_lexicon, parse_lexicon

st.title("Side by side")
corpus, filters, docs = load()
if len(docs) < 1:
    st.info("No document matches the filters.")
    st.stop()
labels = doc_labels(docs)
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
st.query_params["left"], st.query_params["right"] = left_id, right_id
st.session_state["cmp_left_written"], st.session_state["cmp_right_written"] = left_id, right_id
left_script = c1.radio("Left text", ["As written", "Simplified"], horizontal=True, key="cmp_left_script", **IN_URL)
right_script = c2.radio("Right text", ["As written", "Simplified"], horizontal=True, key="cmp_right_script", **IN_URL)

c3, c4, c5 = st.columns([2, 2, 2])
highlight = c3.text_input("Highlight terms", key="cmp_terms", **IN_URL, placeholder="e.g. 改革 营商环境")
lexicon = parse_lexicon(st.session_state["themes_csv"]) if "themes_csv" in st.session_state else default_lexicon()
theme = c4.selectbox("…or a theme's terms", ["(none)", *lexicon["theme"]], key="cmp_theme", **IN_URL)
mode = c5.radio("Mode", ["Side by side", "Aligned"], horizontal=True, key="cmp_mode", **IN_URL)
terms = parse_query(highlight)
if theme != "(none)":
    terms += [t for t in lexicon.set_index("theme").loc[theme, "terms"].split("|") if t]

column = {"As written": "text_original", "Simplified": "text"}
paragraphs = corpus.paragraphs
focus = st.query_params.get("para")

if mode == "Side by side":
    st.caption(
        "Characters the repair could not read show as � as written; where the Simplified view fills "
        "one in from the word list (a guess, counted in guessed_chars), it is marked in violet."
    )
    for col, doc_id, script in ((c1, left_id, left_script), (c2, right_id, right_script)):
        paras = paragraphs[paragraphs["doc_id"] == doc_id]
        # Highlight in the text shown; a term typed in Traditional also marks its Simplified form.
        shown_terms = terms if script == "Simplified" else sorted({*terms, *(to_simplified(t) for t in terms)})
        with col.container(height=640, border=True):
            for no, text, original in zip(paras["para_no"], paras[column[script]], paras["text_original"], strict=True):
                marker = "▶ " if focus and str(no) == focus and doc_id == st.query_params.get("left") else ""
                # characters the repair guessed: shown as � as written, marked in Simplified
                guessed = guessed_positions(text, original) if script == "Simplified" else []
                body = (
                    highlight_markdown(text, shown_terms, guessed=guessed)
                    if terms or guessed
                    else escape_markdown(text)
                )
                st.markdown(f"{marker}**¶{no}** {body}")
    table = paragraphs[paragraphs["doc_id"].isin([left_id, right_id])][["doc_id", "para_no", "text_original", "text"]]
    download(table, "side-by-side", filters, left_id, right_id, key="dl_side")
else:
    st.markdown(
        "Each paragraph on the left paired with the most similar paragraph on the right "
        "(TF-IDF cosine over jieba terms; 1 = same vocabulary, 0 = nothing shared)."
    )
    aligned = cache.alignment(corpus.key, left_id, right_id, "text")
    overlap = cache.overlap(corpus.key, left_id, right_id)
    o1, o2, o3 = st.columns(3)
    o1.markdown("**Shared terms**  \n" + escape_markdown("、".join(overlap["shared"]) or "–"))
    o2.markdown("**Only left**  \n" + escape_markdown("、".join(overlap["left_only"]) or "–"))
    o3.markdown("**Only right**  \n" + escape_markdown("、".join(overlap["right_only"]) or "–"))
    st.dataframe(
        aligned,
        hide_index=True,
        key="cmp_aligned",
        column_config={
            "score": st.column_config.ProgressColumn("score", min_value=0.0, max_value=1.0, format="%.2f"),
            "left_text": st.column_config.TextColumn(width="large"),
            "right_text": st.column_config.TextColumn(width="large"),
        },
    )
    download(aligned, "aligned", filters, left_id, right_id, key="dl_aligned")
