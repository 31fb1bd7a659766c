"""N-gram counts against a hand count."""

from __future__ import annotations

import pandas as pd
import pytest

from explore.analysis.ngrams import lines_of, ngrams, paragraph_ngrams, runs

STOP = {"的", "和"}


def _is_term(t: str) -> bool:
    return t not in STOP


def test_runs_break_at_punctuation():
    assert runs(["深化", "改革", "，", "深化", "改革", "开放", "。", "的", "改革"]) == [
        ["深化", "改革"],
        ["深化", "改革", "开放"],
        ["的", "改革"],
    ]


def test_bigrams_by_hand():
    tokens = ["深化", "改革", "，", "深化", "改革", "开放", "。", "的", "改革"]
    assert paragraph_ngrams(tokens, 2) == ["深化 改革", "深化 改革", "改革 开放", "的 改革"]
    # a cluster must begin and end with a term: 的 改革 is not one
    assert paragraph_ngrams(tokens, 2, is_term=_is_term) == ["深化 改革", "深化 改革", "改革 开放"]
    # a function word inside is kept
    assert paragraph_ngrams(["营商", "的", "环境"], 3, is_term=_is_term) == ["营商 的 环境"]
    with pytest.raises(ValueError, match="from 2 to 5"):
        paragraph_ngrams(tokens, 6)


def test_frequency_documents_and_districts_by_hand():
    paragraphs = pd.DataFrame(
        {
            "doc_id": ["d1", "d1", "d2", "d3", "d4", "d2"],
            "tokens": ["深化 改革 开放", "深化 改革 ， 深化 改革", "全面 深化 改革", "", "深化 改革", "深化 改革 开放"],
        }
    )
    docs = pd.DataFrame({"doc_id": ["d1", "d2", "d3"], "district": ["甲区", "乙区", ""]})  # d4 filtered out
    lines = lines_of(paragraphs)
    assert len(lines) == 5  # 深化 改革 开放 in d1 and d2: one line read once, counted twice
    table = ngrams(lines, docs, n=2, is_term=_is_term, min_freq=1).set_index("ngram")
    assert table.loc["深化 改革"].tolist() == [2, 5, 2, 2]  # n, frequency, documents, districts
    assert table.loc["改革 开放"].tolist() == [2, 2, 2, 2]
    assert table.loc["全面 深化"].tolist() == [2, 1, 1, 1]
    assert len(table) == 3
    held = ngrams(lines, docs, n=2, contains="开放", min_freq=1)
    assert held["ngram"].tolist() == ["改革 开放"]
    assert ngrams(lines, docs, n=2, min_freq=6).empty
