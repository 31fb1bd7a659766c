"""Counts that do not move: a document's figures are the same whatever else is in view."""

import pandas as pd

from explore.analysis import keywords, themes
from explore.ingest.lexicon import default_lexicon
from explore.ingest.text import part_of_speech


def test_theme_counts_of_a_document_do_not_depend_on_the_filter(seeds_corpus):
    c = seeds_corpus
    lexicon = default_lexicon()
    whole = themes.paragraph_mentions(c.para_terms, c.paragraphs, lexicon)
    whole = whole.groupby(["doc_id", "theme"])["mentions"].sum()
    for doc_id in c.docs["doc_id"]:
        alone = themes.paragraph_mentions(c.para_terms, c.paragraphs[c.paragraphs["doc_id"] == doc_id], lexicon)
        alone = alone.groupby(["doc_id", "theme"])["mentions"].sum()
        assert alone.to_dict() == whole[whole.index.get_level_values(0) == doc_id].to_dict(), doc_id


def test_an_extra_term_that_is_a_token_is_counted_once(seeds_corpus):
    c = seeds_corpus
    plain = keywords.term_table(c.terms, c.docs, top_n=None).set_index("term")["count"]
    extra = keywords.with_extra_terms(c.terms, c.paragraphs, c.docs, ["改革", "改革项目库"])
    table = keywords.term_table(extra, c.docs, top_n=None).set_index("term")["count"]
    assert table["改革"] == plain["改革"]
    assert "改革项目库" not in plain.index or table["改革项目库"] == plain["改革项目库"]


def test_substring_counts_count_a_phrase_the_segmenter_splits():
    paras = pd.DataFrame({"doc_id": ["a", "a"], "para_no": [1, 2], "text": ["微改革微创新", "微改革"]})
    docs = pd.DataFrame({"doc_id": ["a"], "n_chars": [9]})
    terms = pd.DataFrame({"doc_id": ["a"], "term": ["改革"], "count": [2]})
    out = keywords.with_extra_terms(terms, paras, docs, ["微改革", "改革"])
    assert sorted(zip(out["term"], out["count"], strict=True)) == [("微改革", 2), ("改革", 2)]


def test_policy_terms_keep_their_part_of_speech():
    tags = part_of_speech(["营商环境", "放管服"])
    assert tags == {"营商环境": "nz", "放管服": "nz"}
    docs = pd.DataFrame({"doc_id": ["a"], "n_chars": [100]})
    terms = pd.DataFrame({"doc_id": ["a"] * 2, "term": ["营商环境", "放管服"], "count": [3, 2]})
    assert keywords.term_table(terms, docs, pos="nouns")["term"].tolist() == ["营商环境", "放管服"]
