"""A session's corpus: shared rows untouched, uploads appended, edits applied to copies."""

from __future__ import annotations

import pandas as pd
import pytest

from explore.app.uploads import read_uploads
from explore.store.combine import SessionUploads, process_uploads, with_uploads
from explore.store.load import segmenter_for
from tests.conftest import GBK_TEXT


@pytest.fixture(scope="module")
def uploads() -> SessionUploads:
    batch = read_uploads([("南山.txt", GBK_TEXT.replace("罗湖", "南山").encode("gbk")), ("x.pdf", b"%PDF")])
    done, failed = process_uploads(batch.docs, segmenter_for(None))
    return SessionUploads().add(done, batch.refused + failed, batch.sizes)


def _snapshot(corpus) -> dict[str, int]:
    return {name: int(pd.util.hash_pandas_object(corpus.table(name)).sum()) for name in ("docs", "paragraphs", "terms")}


def test_no_uploads_is_the_shared_corpus_itself(seeds_corpus):
    assert with_uploads(seeds_corpus, SessionUploads()) is seeds_corpus


def test_uploads_are_appended_and_the_shared_corpus_is_untouched(seeds_corpus, uploads):
    before = _snapshot(seeds_corpus)
    mine = with_uploads(seeds_corpus, uploads)
    assert _snapshot(seeds_corpus) == before
    assert len(mine.docs) == len(seeds_corpus.docs) + 1
    row = mine.docs.iloc[-1]
    assert (row["doc_id"], row["file"], row["district"], row["year"]) == (
        "uploads/南山",
        "uploads/南山.txt",
        "南山区",
        2019,
    )
    assert mine.docs["year"].dtype == seeds_corpus.docs["year"].dtype
    assert set(mine.paragraphs["doc_id"]) == set(seeds_corpus.paragraphs["doc_id"]) | {"uploads/南山"}
    assert mine.skipped.to_dict("records")[-1]["file"] == "uploads/x.pdf"
    assert mine.key.startswith(seeds_corpus.key + "+") and mine.key != seeds_corpus.key
    assert uploads.n_bytes == len(GBK_TEXT.replace("罗湖", "南山").encode("gbk"))


def test_edits_change_the_session_copy_only(seeds_corpus, uploads):
    edited = uploads.edit("uploads/南山.txt", {"district": "宝安区", "year": "2020", "title": "我的标题"})
    mine = with_uploads(seeds_corpus, edited)
    row = mine.docs.iloc[-1]
    assert (row["district"], row["year"], row["title"]) == ("宝安区", 2020, "我的标题")
    assert edited.key() != uploads.key()
    # The processed document is shared by both versions and must not have been changed.
    assert with_uploads(seeds_corpus, uploads).docs.iloc[-1]["district"] == "南山区"
    assert uploads.docs[0].meta.district == "南山区"


@pytest.mark.parametrize(
    ("values", "message"),
    [
        ({"year": "19"}, "year must be four digits"),
        ({"date": "soon"}, "date must be like"),
        ({"source": "x"}, "only district, year, date, title can be edited"),
    ],
)
def test_bad_edits_raise_a_clear_error(uploads, values, message):
    with pytest.raises(ValueError, match=message):
        uploads.edit("uploads/南山.txt", values)


def test_editing_a_document_you_do_not_have_is_an_error(uploads):
    with pytest.raises(ValueError, match="not one of your uploaded documents"):
        uploads.edit("000_373ae69c3ea13910.txt", {"district": "x"})


def test_remove_forgets_documents_edits_and_bytes(seeds_corpus, uploads):
    edited = uploads.edit("uploads/南山.txt", {"district": "宝安区"})
    gone = edited.remove({"uploads/南山.txt"})
    assert gone.docs == () and gone.edits == () and gone.n_bytes == 0
    assert len(with_uploads(seeds_corpus, gone).docs) == len(seeds_corpus.docs)


def test_an_upload_with_a_shared_documents_id_is_renamed(seeds_corpus):
    first = seeds_corpus.docs.iloc[0]
    batch = read_uploads([("x.txt", GBK_TEXT.encode())])
    done, _ = process_uploads(batch.docs, segmenter_for(None))
    done[0].file = first["file"].rsplit(".", 1)[0] + ".md"  # same id as a shared document
    mine = with_uploads(seeds_corpus, SessionUploads().add(done, [], {}))
    assert mine.docs["doc_id"].is_unique
    assert mine.docs.iloc[-1]["doc_id"] == f"{first['doc_id']}~upload"
