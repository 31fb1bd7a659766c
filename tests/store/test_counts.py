"""Counts that do not move: a document's figures are the same whatever else is in view."""

from types import SimpleNamespace

import pandas as pd
import pytest

from explore.analysis import keywords, themes
from explore.ingest.lexicon import default_lexicon
from explore.ingest.text import part_of_speech
from explore.store.query import Tables
from explore.store.tables import keyword_table

DOCS = pd.DataFrame({"doc_id": ["a", "b"], "n_chars": [100, 200]})
TERMS = pd.DataFrame(
    {"doc_id": ["a", "a", "b", "b"], "term": ["改革", "放管服", "改革", "医疗"], "count": [5, 3, 5, 4]}
)
PARAS = pd.DataFrame({"doc_id": ["a", "b"], "para_no": [1, 1], "text": ["微改革放管服", "医疗微改革"]})


def _corpus(terms=TERMS, paragraphs=PARAS):
    return SimpleNamespace(tables=Tables(frames={"terms": terms, "paragraphs": paragraphs}))


def test_keyword_table_exact():
    table = keyword_table(_corpus(), DOCS, top_n=None)
    assert table[["term", "count", "n_docs"]].values.tolist() == [["改革", 10, 2], ["医疗", 4, 1], ["放管服", 3, 1]]
    assert table["per_10k_chars"].tolist() == [333.33, 133.33, 100.0]
    assert keyword_table(_corpus(), DOCS.iloc[:1], top_n=None)["term"].tolist() == ["改革", "放管服"]
    assert keyword_table(_corpus(), DOCS.iloc[:0]).empty
    assert keyword_table(_corpus(), DOCS, min_len=3, top_n=None)["term"].tolist() == ["放管服"]
    assert keyword_table(_corpus(), DOCS, stopwords=("改革",), top_n=1)["term"].tolist() == ["医疗"]
    with pytest.raises(ValueError, match="min_len"):
        keyword_table(_corpus(), DOCS, min_len=0)


def test_an_extra_term_takes_its_place_among_the_counted_ones():
    got = keyword_table(_corpus(), DOCS, extra_terms=("微改革",), top_n=None)
    assert got[["term", "count", "n_docs"]].values.tolist() == [
        ["改革", 10, 2], ["医疗", 4, 1], ["放管服", 3, 1], ["微改革", 2, 2]
    ]  # fmt: skip
    # found past the first page of counted terms: 300 terms counted 5, then the phrase (2), then 300 counted 1
    many = pd.DataFrame({"doc_id": "a", "term": [f"词{i:03d}" for i in range(600)], "count": [5] * 300 + [1] * 300})
    top = keyword_table(_corpus(many), DOCS, extra_terms=("微改革",), top_n=301)
    assert top["term"].tolist()[-2:] == ["词299", "微改革"]
    assert keyword_table(_corpus(many), DOCS, extra_terms=("微改革",), top_n=302)["term"].iloc[-1] == "词300"


def test_a_part_of_speech_past_the_first_page_is_found():
    # 500 verbs counted before the nouns: the table pages on until it has its nouns
    verbs = [f"推进{i:03d}" for i in range(500)]
    terms = pd.DataFrame({"doc_id": "a", "term": [*verbs, "营商环境", "放管服"], "count": [9] * 500 + [3, 2]})
    assert keyword_table(_corpus(terms), DOCS, pos="nouns", top_n=2)["term"].tolist() == ["营商环境", "放管服"]


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
    plain = keyword_table(c, c.docs, top_n=None).set_index("term")["count"]
    table = keyword_table(c, c.docs, extra_terms=("改革", "改革项目库"), top_n=None).set_index("term")["count"]
    assert table["改革"] == plain["改革"]
    assert "改革项目库" not in plain.index or table["改革项目库"] == plain["改革项目库"]


def test_substring_counts_count_a_phrase_the_segmenter_splits():
    paras = pd.DataFrame({"doc_id": ["a", "a"], "para_no": [1, 2], "text": ["微改革微创新", "微改革"]})
    out = keywords.substring_counts(paras, ["微改革", "微创"])
    assert sorted(zip(out["term"], out["count"], strict=True)) == [("微创", 1), ("微改革", 2)]


def test_policy_terms_keep_their_part_of_speech():
    tags = part_of_speech(["营商环境", "放管服"])
    assert tags == {"营商环境": "nz", "放管服": "nz"}
    terms = pd.DataFrame({"doc_id": ["a"] * 2, "term": ["营商环境", "放管服"], "count": [3, 2]})
    assert keyword_table(_corpus(terms), DOCS, pos="nouns")["term"].tolist() == ["营商环境", "放管服"]


def test_keyness_without_places_equals_counting_without_them(tmp_path):
    # the two sides' counts are read once and place names left out after: the same table as
    # leaving them out of the count
    from explore.ingest.gazetteer import place_names
    from explore.store import tables
    from explore.store.load import load_corpus
    from tests.conftest import ROOT

    corpus = load_corpus(ROOT / "seeds")
    target = corpus.docs.loc[corpus.docs["district"] == "罗湖区", "doc_id"]
    kept = tables.keyness_table(corpus, corpus.docs, target, top_n=200)
    left = tables.keyness_table(corpus, corpus.docs, target, top_n=200, no_places=True)
    assert set(left["term"]) & place_names() == set() and set(kept["term"]) & place_names()
    sides = corpus.tables.counts_by_side(corpus.docs["doc_id"], set(target), stopwords=tuple(place_names()))
    assert len(tables._sides(corpus, corpus.docs, target, no_places=True)[0]) == len(sides)
