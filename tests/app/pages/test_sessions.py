"""Your documents page and per-session state: one visitor's uploads, stopwords and themes never reach another.

AppTest cannot drive a file-upload control, so uploads are put in the session the way the page
does after reading them (the browser tests drive the real control).
"""

from __future__ import annotations

import pandas as pd
from streamlit.testing.v1 import AppTest

from explore.app.cache import UPLOADS
from explore.app.uploads import read_uploads
from explore.store.combine import SessionUploads, process_uploads
from explore.store.load import segmenter_for
from tests.conftest import GBK_TEXT, ROOT


def _session_with_upload() -> SessionUploads:
    text = GBK_TEXT.replace("罗湖", "南山") + "南山区推进独角兽改革。\n"
    batch = read_uploads([("我的 文件.txt", text.encode("gbk")), ("bad.pdf", b"%PDF")])
    done, failed = process_uploads(batch.docs, segmenter_for(ROOT / "seeds"))
    return SessionUploads().add(done, batch.refused + failed, batch.sizes)


def _app(page: str | None = None, uploads: SessionUploads | None = None) -> AppTest:
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=90)
    if uploads is not None:
        at.session_state[UPLOADS] = uploads
    at.run()
    if page:
        at.switch_page(f"explore/app/pages/{page}.py")
        at.run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def _table(at, *columns: str) -> pd.DataFrame:
    for df in at.dataframe:
        if all(c in df.value.columns for c in columns):
            return df.value
    raise AssertionError(f"no table with {columns}")


def test_uploads_page_without_uploads_says_so():
    at = _app("uploads")
    assert any("not added any documents" in i.value for i in at.info)
    limits = next(c.value for c in at.caption if c.value.startswith("Limits"))
    assert "100,000 tags a web page, 10 s to read a document and 60 s an upload" in limits


def test_uploads_page_lists_edits_and_removes_my_documents():
    at = _app("uploads", _session_with_upload())
    mine = _table(at, "file", "encoding", "damaged_spans")
    assert mine["file"].tolist() == ["uploads/我的 文件.txt"]
    assert mine["district"].tolist() == ["南山区"]
    assert at.text_input(key="up_district").value == "南山区"
    at.text_input(key="up_district").input("宝安区")
    at.text_input(key="up_year").input("2021")
    at.button(key="up_save").click().run()
    assert not at.exception
    assert _table(at, "file", "encoding")[["district", "year"]].values.tolist() == [["宝安区", 2021]]
    # The correction is what every page now sees for this session.
    at.switch_page("explore/app/pages/overview.py").run()
    docs = _table(at, "doc_id", "n_paragraphs", "repaired_spans")
    assert len(docs) == 6 and "宝安区" in docs["district"].tolist()
    assert "uploads/bad.pdf" in _table(at, "file", "reason")["file"].tolist()
    at.switch_page("explore/app/pages/uploads.py").run()
    at.text_input(key="up_year").input("twenty")
    at.button(key="up_save").click().run()
    assert any("year must be four digits" in e.value for e in at.error)
    at.button(key="up_remove_all").click().run()
    assert any("not added any documents" in i.value for i in at.info)


def test_two_sessions_share_the_corpus_but_not_their_state():
    alice = _app(uploads=_session_with_upload())
    alice.session_state["themes_csv"] = "theme,terms\n独角兽,独角兽\n"
    alice.switch_page("explore/app/pages/keywords.py").run()
    alice.text_input(key="kw_stop").input("改革 推进").run()
    assert not alice.exception
    assert "改革" not in alice.dataframe[0].value["term"].tolist()
    alice.switch_page("explore/app/pages/themes.py").run()
    assert alice.selectbox(key="theme_pick").options == ["独角兽"]

    bob = _app()
    assert len(_table(bob, "doc_id", "n_paragraphs", "repaired_spans")) == 5
    assert not any("uploads/" in f for f in _table(bob, "doc_id", "n_paragraphs")["file"])
    bob.switch_page("explore/app/pages/keywords.py").run()
    assert bob.text_input(key="kw_stop").value == ""
    assert "改革" in bob.dataframe[0].value["term"].tolist()
    bob.switch_page("explore/app/pages/themes.py").run()
    assert "独角兽" not in bob.selectbox(key="theme_pick").options
    bob.switch_page("explore/app/pages/kwic.py").run()
    bob.text_input(key="kwic_query").input("独角兽").run()
    assert any("0 occurrences" in c.value for c in bob.caption)

    # Alice still has everything, after Bob's session ran.
    alice.switch_page("explore/app/pages/kwic.py").run()
    alice.text_input(key="kwic_query").input("独角兽").run()
    assert any("1 occurrence in 1 document " in c.value for c in alice.caption)


def test_status_page_names_the_corpus_and_counts_documents():
    at = _app("status")
    assert [(m.label, m.value) for m in at.metric] == [
        ("Status", "ok"), ("Corpus", "seeds"), ("Documents", "5"), ("Skipped files", "0")
    ]  # fmt: skip


def test_filters_survive_a_page_without_them():
    # Streamlit drops a widget's value after a run that does not draw it (the Status page).
    at = _app()
    at.multiselect(key="f_district").set_value(["罗湖区"]).run()
    at.switch_page("explore/app/pages/status.py").run()
    at.switch_page("explore/app/pages/kwic.py").run()
    assert not at.exception, [e.value for e in at.exception]
    assert at.multiselect(key="f_district").value == ["罗湖区"]
    assert isinstance(at.slider(key="f_years").value, tuple)


def test_a_missing_corpus_folder_is_explained_on_the_first_page(monkeypatch):
    monkeypatch.setenv("EXPLORE_CORPUS", "/nonexistent-explore-folder")
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=90).run()
    assert not at.exception
    assert any("nonexistent" in e.value and "EXPLORE_CORPUS" in e.value for e in at.error)  # the path, escaped
