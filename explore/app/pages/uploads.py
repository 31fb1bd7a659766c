"""Your documents: upload files for this session only, see what was refused and why, fix metadata."""

import pandas as pd
import streamlit as st

from explore.app import cache
from explore.app.pages.common import download, load
from explore.app.uploads import MB, UploadLimits, size_text
from explore.store.combine import EDITABLE

LIMITS = UploadLimits()

st.title("Your documents")
st.markdown(
    "Add your own reform documents to explore them next to the corpus. They are kept **for this "
    "browser session only**: other visitors never see them, nothing is saved on the server, and they "
    "are gone when you close the tab.  \n"
    "Accepted: `.txt`, `.md`, `.html` in any common Chinese encoding, and `.zip` archives of them."
)
st.caption(
    f"Limits, all enforced here: {size_text(LIMITS.max_file_bytes)} a document, {size_text(LIMITS.max_total_bytes)} "
    f"and {LIMITS.max_files} documents a session (so no file, archive or not, over "
    f"{size_text(LIMITS.max_total_bytes)}), {LIMITS.max_zip_entries:,} files an archive, "
    f"{LIMITS.max_html_tags:,} tags a web page, {LIMITS.max_read_seconds:g} s to read a document and "
    f"{LIMITS.max_batch_seconds:g} s an upload. A file that cannot be read, or a damaged file in an archive, "
    "is listed with the reason; the others are still added."
)

# A new key after each upload empties the control, so the files are read exactly once.
generation = st.session_state.get("up_gen", 0)
files = st.file_uploader(
    "Documents or .zip archives",
    type=["txt", "md", "html", "htm", "zip"],
    accept_multiple_files=True,
    key=f"up_files_{generation}",
    # the control states and refuses the same largest file the session can take
    max_upload_size=LIMITS.max_total_bytes // MB,
)
if files:
    with st.spinner("Reading and segmenting your documents…"):
        added, refused = cache.add_uploads([(f.name, f.getvalue()) for f in files], limits=LIMITS)
    st.session_state["up_last"] = (len(added), [(r.file, r.reason) for r in refused])
    st.session_state["up_gen"] = generation + 1
    st.rerun()

if "up_last" in st.session_state:
    n_read, refused = st.session_state["up_last"]
    if n_read:
        st.success(f"{n_read} document{'s' if n_read != 1 else ''} added.")
    if refused:
        st.warning(f"{len(refused)} file{'s' if len(refused) != 1 else ''} could not be added:")
        st.dataframe(pd.DataFrame(refused, columns=["file", "reason"]), hide_index=True, key="up_refused")

corpus, filters, _ = load()
uploads = st.session_state.get(cache.UPLOADS)
if uploads is None or not uploads.docs:
    st.info("You have not added any documents in this session.")
    st.stop()

mine = corpus.docs[corpus.docs["file"].isin(uploads.files)]
st.subheader(f"{len(mine)} of your documents ({size_text(uploads.n_bytes)})")
shown = mine[["doc_id", "file", "district", "year", "date", "title", "doc_type", "script", "encoding", "n_chars",
              "repaired_spans", "damaged_spans"]]  # fmt: skip
st.dataframe(shown, hide_index=True, key="up_docs", column_config={"title": st.column_config.TextColumn(width="large")})
download(shown, "your-documents", filters, key="dl_up_docs")

st.subheader("Correct the metadata")
st.caption("What you enter replaces what was inferred, for your session; leave a field empty to keep it.")
labels = dict(zip(mine["file"], mine["title"].str.slice(0, 40), strict=True))


def _prefill() -> None:
    # Show the chosen document's current values in the form.
    row = mine[mine["file"] == st.session_state["up_edit_doc"]].iloc[0]
    for name in EDITABLE:
        value = row[name]
        st.session_state[f"up_{name}"] = "" if pd.isna(value) else str(value)


if st.session_state.get("up_edit_doc") not in labels:
    st.session_state["up_edit_doc"] = next(iter(labels))
    _prefill()
st.selectbox(
    "Document", list(labels), format_func=lambda f: f"{f} · {labels[f]}", key="up_edit_doc", on_change=_prefill
)
with st.form("up_form"):
    c1, c2, c3 = st.columns(3)
    c1.text_input("District", key="up_district", placeholder="e.g. 南山区")
    c2.text_input("Year", key="up_year", placeholder="e.g. 2019")
    c3.text_input("Date", key="up_date", placeholder="e.g. 2019-03-28")
    st.text_input("Title", key="up_title")
    saved = st.form_submit_button("Save", key="up_save")
if saved:
    try:
        cache.edit_upload(st.session_state["up_edit_doc"], {n: st.session_state[f"up_{n}"] for n in EDITABLE})
    except ValueError as err:
        st.error(str(err))
    else:
        st.rerun()

st.subheader("Remove")
gone = st.multiselect("Documents to remove", list(labels), format_func=labels.get, key="up_remove")
c1, c2 = st.columns(2)
if c1.button("Remove selected", key="up_remove_some", disabled=not gone):
    cache.remove_uploads(set(gone))
    st.rerun()
if c2.button("Remove all my documents", key="up_remove_all"):
    cache.remove_uploads()
    st.session_state.pop("up_last", None)
    st.rerun()
