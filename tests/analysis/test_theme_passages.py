"""The passages of a theme: the keys of those shown first, then only their text."""

import pandas as pd

from explore.analysis.themes import passage_keys, passages

DOCS = pd.DataFrame({"doc_id": ["a", "b", "c"], "district": ["罗湖区", "福田区", "罗湖区"], "year": [2020, 2020, 2021],
                     "title": ["甲", "乙", "丙"]})  # fmt: skip
MENTIONS = pd.DataFrame({"doc_id": ["a", "a", "b", "c"], "para_no": [1, 2, 1, 3], "theme": ["教育"] * 3 + ["人才"],
                         "mentions": [1, 3, 2, 5]})  # fmt: skip
PARAS = pd.DataFrame({"doc_id": ["a", "a", "b", "c"], "para_no": [1, 2, 1, 3], "text": ["一", "二", "三", "四"]})


def test_keys_are_the_passages_without_their_text_most_mentions_first():
    keys = passage_keys(MENTIONS, DOCS, theme="教育")
    assert list(zip(keys["doc_id"], keys["para_no"], keys["mentions"], strict=True)) == [
        ("a", 2, 3),
        ("b", 1, 2),
        ("a", 1, 1),
    ]
    assert "text" not in keys
    assert list(passage_keys(MENTIONS, DOCS, theme="教育", district="福田区")["doc_id"]) == ["b"]
    assert passage_keys(MENTIONS, DOCS, theme="教育", year=2021).empty


def test_passages_need_only_the_paragraphs_of_their_keys():
    keys = passage_keys(MENTIONS, DOCS, theme="教育", district="罗湖区")
    wanted = PARAS.merge(keys[["doc_id", "para_no"]])
    got = passages(keys, wanted)
    assert list(got["text"]) == ["二", "一"] and list(got.columns)[-1] == "text"
    pd.testing.assert_frame_equal(got, passages(keys, PARAS))
