"""DuckDB over the tables gives the rows pandas would, from the Parquet files or from frames."""

from __future__ import annotations

import pandas as pd
import pytest

from explore.analysis.themes import paragraph_mentions
from explore.ingest.lexicon import default_lexicon, lexicon_terms
from explore.store import term_query
from explore.store.load import load_corpus
from explore.store.query import LARGE, Tables
from tests.conftest import SEEDS


@pytest.fixture(scope="module")
def corpus():
    load_corpus(SEEDS)
    return load_corpus(SEEDS)  # from the cache: the large tables are Parquet files


@pytest.fixture(scope="module")
def in_memory(corpus):
    return Tables(frames={name: corpus.table(name) for name in LARGE})


def _same(a: pd.DataFrame, b: pd.DataFrame) -> None:
    pd.testing.assert_frame_equal(a.reset_index(drop=True), b.reset_index(drop=True), check_dtype=False)


@pytest.mark.parametrize("source", ["parquet", "frames"])
def test_paragraphs_holding_a_term(corpus, in_memory, source):
    tables = corpus.tables if source == "parquet" else in_memory
    ids = corpus.docs["doc_id"].tolist()[1:4]
    got = tables.paragraphs_with(ids, ["营商环境", "放管服"], "text")
    p = corpus.paragraphs
    want = p[p["doc_id"].isin(ids) & (p["text"].str.contains("营商环境") | p["text"].str.contains("放管服"))]
    assert len(got) > 3
    _same(got, want)
    assert tables.paragraphs_with(ids, [], "text").empty
    with pytest.raises(ValueError, match="column must be"):
        tables.paragraphs_with(ids, ["x"], "text; DROP TABLE paragraphs")


@pytest.mark.parametrize("source", ["parquet", "frames"])
def test_paragraphs_at_their_keys(corpus, in_memory, source):
    tables = corpus.tables if source == "parquet" else in_memory
    p = corpus.paragraphs
    keys = p.iloc[[40, 3, 17, 3]][["doc_id", "para_no"]]  # out of order, one twice
    _same(tables.paragraphs_at(keys), p.iloc[[3, 17, 40]])
    assert tables.paragraphs_at(keys.iloc[:0]).empty


def test_a_quote_in_a_term_is_a_value_not_sql(corpus):
    assert corpus.tables.paragraphs_with(corpus.docs["doc_id"], ["'); SELECT 1; --"], "text").empty


def test_two_documents_rows(corpus):
    two = corpus.docs["doc_id"].tolist()[:2]
    _same(corpus.tables.para_terms_of(two), corpus.para_terms[corpus.para_terms["doc_id"].isin(two)])
    _same(corpus.tables.terms_of(two), corpus.terms[corpus.terms["doc_id"].isin(two)])


@pytest.mark.parametrize("source", ["parquet", "frames"])
def test_coded_terms_are_the_same_rows_with_each_term_one_number(corpus, in_memory, source):
    tables = corpus.tables if source == "parquet" else in_memory
    ids = corpus.docs["doc_id"].tolist()[2:0:-1]  # not in the table's order
    coded = tables.para_terms_of([*ids, ids[0]], coded=True)  # a document named twice is read once
    plain = corpus.para_terms[corpus.para_terms["doc_id"].isin(ids)]
    assert coded["doc_id"].dtype == "category" and list(coded["doc_id"].cat.categories) == ids
    key = ["doc_id", "para_no", "count"]
    both = coded.astype({"doc_id": str}).sort_values([*key, "term"]).reset_index(drop=True)
    assert len(both) == len(plain) > 100
    # each term one number, different terms different numbers
    pairs = plain.astype({"doc_id": str}).merge(coded.astype({"doc_id": str}), on=["doc_id", "para_no", "count"])
    pairs = pairs.groupby(["doc_id", "para_no", "count"]).filter(lambda g: len(g) == 1)  # rows matched one to one
    assert len(pairs) > 50
    assert pairs.groupby("term_x")["term_y"].nunique().max() == 1
    assert pairs.groupby("term_y")["term_x"].nunique().max() == 1
    _same(both[key].sort_values(key), plain.astype({"doc_id": str})[key].sort_values(key))
    assert tables.para_terms_of([], coded=True).empty


def test_theme_mentions_from_the_queried_rows_equal_those_from_the_whole_tables(corpus):
    lexicon = default_lexicon()
    ids = corpus.docs["doc_id"].tolist()[1:]
    whole = paragraph_mentions(corpus.para_terms, corpus.paragraphs[corpus.paragraphs["doc_id"].isin(ids)], lexicon)
    wanted = lexicon_terms(lexicon)
    pt = corpus.tables.para_terms_among(wanted)
    paras = corpus.tables.paragraphs_with(ids, sorted(set(wanted) - set(pt["term"])), "text")
    queried = paragraph_mentions(pt, paras, lexicon, doc_ids=ids)
    assert len(whole) > 20
    key = ["doc_id", "para_no", "theme"]
    _same(queried.sort_values(key), whole.sort_values(key))


def test_tables_need_one_source():
    with pytest.raises(ValueError, match="either the folder"):
        Tables()


@pytest.mark.parametrize("source", ["parquet", "frames"])
def test_a_concordance_reads_no_more_paragraphs_than_its_limit(corpus, in_memory, source, monkeypatch):
    from explore.analysis import kwic
    from explore.store.tables import kwic_lines

    tables = corpus.tables if source == "parquet" else in_memory
    ids = corpus.docs["doc_id"].tolist()
    everything = kwic.kwic(corpus.paragraphs, corpus.docs, ["改革"], width=10, limit=None)
    read = []
    given = tables.paragraphs_with

    def counted(*args, **kwargs):
        frame = given(*args, **kwargs)
        read.append(len(frame))
        return frame

    monkeypatch.setattr(tables, "paragraphs_with", counted)
    monkeypatch.setattr(kwic, "LIMIT", 12)
    holder = type("C", (), {"tables": tables})()
    lines = kwic_lines(holder, corpus.docs, ["改革"], width=10)
    # the first twelve in reading order, as one pass gives them, with the words next to each
    _same(lines[kwic.KWIC_COLUMNS], everything.head(12))
    assert lines[["L1", "R1"]].ne("").any(axis=None)
    assert read == [12] < [len(given(ids, ["改革"], "text"))]  # and no more was read
    _same(given(ids, ["改革"], "text", limit=5), given(ids, ["改革"], "text").head(5))


@pytest.mark.parametrize("source", ["parquet", "frames"])
def test_items_without_their_text_and_one_items_text(corpus, in_memory, source):
    tables = corpus.tables if source == "parquet" else in_memory
    ids = corpus.docs["doc_id"].tolist()
    whole = tables.items_of(ids)
    _same(tables.items_of(ids, text=False), whole.drop(columns="text"))
    row = whole.iloc[7]
    assert tables.item_text(row["doc_id"], row["item_id"]) == row["text"]
    assert tables.item_text(row["doc_id"], "no such item") == ""


def test_an_edited_lexicon_themes_items_from_their_text_and_may_leave_it_out(corpus):
    from explore.ingest.lexicon import parse_lexicon
    from explore.store.tables import items_table

    lexicon = parse_lexicon("theme,terms\n甲,改革\n")
    with_text = items_table(corpus, corpus.docs, lexicon=lexicon)
    assert set(with_text["theme"]) <= {"甲", ""} and (with_text["theme"] == "甲").any()
    _same(items_table(corpus, corpus.docs, lexicon=lexicon, text=False), with_text.drop(columns="text"))


@pytest.mark.parametrize(("top", "block"), [(40, 50_000), (150, 50_000), (150, 7)])
def test_cooccurrences_count_the_paragraphs_holding_both_terms(seeds_corpus, monkeypatch, top, block):
    # the product over the paragraphs' term sets against a self-join of the rows, on the seeds:
    # one word of bits and three (150 terms), the sets in one block and in blocks of 7
    monkeypatch.setattr(term_query, "_SETS_AT_ONCE", block)
    tables = seeds_corpus.tables
    ids = list(seeds_corpus.docs["doc_id"])
    terms = list(tables.top_paragraph_terms(ids, top=top, min_len=2, leave_out=[])["term"])
    expected = tables.sql(
        "WITH p AS (SELECT DISTINCT doc_id, para_no, term FROM para_terms "
        "  WHERE doc_id IN (SELECT unnest(?::VARCHAR[])) AND term IN (SELECT unnest(?::VARCHAR[]))) "
        "SELECT a.term AS source, b.term AS target, count(*)::BIGINT AS both FROM p a "
        "JOIN p b ON a.doc_id = b.doc_id AND a.para_no = b.para_no AND a.term < b.term GROUP BY 1, 2 ORDER BY 1, 2",
        [ids, terms],
    )
    found = tables.cooccurrences(ids, terms)
    assert len(found) > 100
    pd.testing.assert_frame_equal(found, expected, check_dtype=False)
    assert tables.cooccurrences(ids, terms[:1]).empty and tables.cooccurrences([], terms).empty


@pytest.mark.parametrize("source", ["folder", "frames"])
def test_threads_query_one_database_under_one_memory_limit(corpus, in_memory, source):
    import threading

    tables = corpus.tables if source == "folder" else in_memory
    answers: dict[str, object] = {}

    def ask(name: str) -> None:
        answers[name] = (
            tables.sql("SELECT count(*) AS n FROM paragraphs")["n"].iloc[0],
            tables.sql("SELECT current_setting('memory_limit') AS m")["m"].iloc[0],
        )

    threads = [threading.Thread(target=ask, args=(str(i),)) for i in range(3)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    ask("main")
    assert len(set(answers.values())) == 1  # the same rows and the same limit from every thread
    assert tables._db() is tables._db()  # one database, a cursor a thread


def test_the_whole_corpus_is_answered_from_the_builds_totals_as_by_summing(corpus):
    from explore.store.term_query import TOTALS

    tables, ids = corpus.tables, corpus.docs["doc_id"].tolist()
    assert tables._whole(ids) and (corpus.folder / f"{TOTALS}.parquet").is_file()
    summed = Tables(folder=corpus.folder)  # no document count given: sums the terms again
    assert not summed._whole(ids)
    _same(
        tables.term_counts(ids, min_len=2, stopwords=["推进"]), summed.term_counts(ids, min_len=2, stopwords=["推进"])
    )
    _same(
        tables.term_counts(ids, min_len=1, stopwords=[], limit=30, offset=10),
        summed.term_counts(ids, min_len=1, stopwords=[], limit=30, offset=10),
    )
    target = ids[:2]
    _same(tables.counts_by_side(ids, target, min_len=2), summed.counts_by_side(ids, target, min_len=2))
    assert not tables._whole(ids[:-1])  # a selection is summed


def test_paragraph_spans_are_each_documents_first_and_last_paragraph(seeds_corpus):
    ids = list(seeds_corpus.docs["doc_id"])
    spans = seeds_corpus.tables.paragraph_spans(ids[:3]).set_index("doc_id")
    paras = seeds_corpus.paragraphs
    for doc_id in ids[:3]:
        mine = paras.loc[paras["doc_id"] == doc_id, "para_no"]
        assert (spans.loc[doc_id, "first"], spans.loc[doc_id, "last"]) == (mine.min(), mine.max())
    assert len(spans) == 3 and seeds_corpus.tables.paragraph_spans([]).empty
