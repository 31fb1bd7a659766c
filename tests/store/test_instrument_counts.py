"""The shipped instruments codebook's paragraph counts on two documents of ``eval/`` equal a
count by hand (``eval/instrument_counts.csv``: a reader applied each code's rule to each
paragraph by reading, without running it)."""

from __future__ import annotations

import shutil

import pandas as pd

from explore.store.load import load_corpus
from tests.conftest import ROOT


def test_the_builds_instrument_codes_equal_the_hand_count(tmp_path, monkeypatch):
    monkeypatch.setenv("EXPLORE_CACHE_DIR", str(tmp_path / "cache"))
    hand = pd.read_csv(ROOT / "eval" / "instrument_counts.csv", dtype=str, keep_default_na=False)
    folder = tmp_path / "corpus" / "docs"
    folder.mkdir(parents=True)
    for doc in hand["doc"].unique():
        shutil.copy(ROOT / "eval" / f"{doc}.txt", folder)
    corpus = load_corpus(tmp_path / "corpus")
    coded = corpus.coded
    for row in hand.itertuples():
        read = {int(n) for n in row.paragraphs_read.split()}
        mine = coded[(coded["doc_id"] == row.doc) & (coded["code"] == row.code)]
        found = sorted(n for n in mine["para_no"] if n in read)
        assert found == sorted(int(n) for n in row.para_nos.split()), (row.doc, row.code)
        assert len(found) == int(row.paragraphs)
    assert hand["paragraphs"].astype(int).sum() == 20  # a count that could fail, not only agree


def test_duckdbs_counts_of_the_stored_codes_equal_codes_found_again(tmp_path, monkeypatch):
    """The page counts the build's codes in DuckDB; the same codebook as a copy of the text (no
    longer the shipped one) is coded again in pandas: the tables are the same, across every
    dimension."""
    import pytest

    from explore.analysis.coding import shipped_text
    from explore.analysis.instruments import ACROSS
    from explore.store.research_tables import instrument_tables
    from explore.store.tables import analysed_corpus

    monkeypatch.setenv("EXPLORE_CACHE_DIR", str(tmp_path / "cache"))
    corpus = analysed_corpus(load_corpus(ROOT / "seeds"))
    copy = shipped_text("instruments") + "\n# a copy\n"
    for across in ACROSS:
        stored = instrument_tables(corpus, corpus.docs, across=across)
        again = instrument_tables(corpus, corpus.docs, across=across, codebook=copy)
        assert stored["table"]["fragments"].sum() > 100, across
        pd.testing.assert_frame_equal(stored["table"], again["table"], obj=across)
        pd.testing.assert_frame_equal(stored["types"], again["types"], obj=across)
    with pytest.raises(ValueError, match="across must be one of"):
        instrument_tables(corpus, corpus.docs, across="colour")  # type: ignore[arg-type]
