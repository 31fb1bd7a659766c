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
