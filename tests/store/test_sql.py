"""The SQL page's engine: one read-only SELECT over the corpus tables, nothing else."""

from __future__ import annotations

import pytest

from explore.store.load import load_corpus
from explore.store.sql import EXAMPLES, check, facets, run_sql
from tests.conftest import SEEDS


@pytest.fixture(scope="module")
def corpus():
    load_corpus(SEEDS)
    return load_corpus(SEEDS)  # the tables as Parquet files


def test_a_select_gives_rows_and_says_when_it_was_cut(corpus):
    got = run_sql(corpus, "SELECT doc_id, district FROM docs ORDER BY doc_id")
    assert got.rows["doc_id"].tolist() == sorted(corpus.docs["doc_id"]) and not got.truncated
    cut = run_sql(corpus, "SELECT * FROM paragraphs ORDER BY doc_id, para_no;", row_limit=3)
    assert len(cut.rows) == 3 and cut.truncated
    assert cut.rows["para_no"].tolist() == [1, 2, 3]  # the query's order survives the limit


@pytest.mark.parametrize("name", sorted(EXAMPLES))
def test_every_example_runs(corpus, name):
    assert not run_sql(corpus, EXAMPLES[name]).rows.empty


@pytest.mark.parametrize(
    "query, reason",
    [
        ("COPY docs TO '/tmp/out.csv'", "only SELECT"),
        ("ATTACH '/tmp/other.duckdb'", "only SELECT"),
        ("INSTALL httpfs", "only SELECT"),
        ("LOAD httpfs", "only SELECT"),
        ("SET enable_external_access = true", "only SELECT"),
        ("PRAGMA database_list", "only SELECT"),
        ("CREATE TABLE x AS SELECT 1", "only SELECT"),
        ("INSERT INTO docs SELECT * FROM docs", "only SELECT"),
        ("UPDATE docs SET title = ''", "only SELECT"),
        ("DELETE FROM docs", "only SELECT"),
        ("DROP VIEW paragraphs", "only SELECT"),
        ("SELECT 1; SELECT 2", "exactly one statement"),
        ("SELECT * FROM read_csv('/etc/passwd')", "only the corpus tables"),
        ("SELECT * FROM read_text('/etc/hostname')", "only the corpus tables"),
        ("SELECT * FROM read_blob('/etc/hostname')", "only the corpus tables"),
        ("SELECT * FROM glob('/*')", "only the corpus tables"),
        ("SELECT * FROM read_parquet('/tmp/*.parquet')", "only the corpus tables"),
        ("SELEC oops", "does not parse"),
    ],
)
def test_refused(corpus, query, reason):
    with pytest.raises(ValueError, match=reason):
        run_sql(corpus, query)


def test_a_table_of_another_corpus_in_the_cache_cannot_be_read(corpus):
    other = corpus.folder.parent / "corpus-other"
    other.mkdir(exist_ok=True)
    (other / "docs.parquet").write_bytes((corpus.folder / "docs.parquet").read_bytes())
    for path in (other / "docs.parquet", corpus.folder / ".." / "corpus-other" / "docs.parquet"):
        with pytest.raises(ValueError, match="only the corpus tables"):
            run_sql(corpus, f"SELECT * FROM read_parquet('{path}')")


def test_a_long_query_is_stopped(corpus):
    with pytest.raises(ValueError, match=r"stopped after 0\.5 s"):
        run_sql(corpus, "SELECT sum(hash(a.range * b.range)) FROM range(100000) a, range(100000) b", time_limit=0.5)


def test_bad_limits_and_facets(corpus):
    with pytest.raises(ValueError, match="row_limit"):
        run_sql(corpus, "SELECT 1", row_limit=0)
    assert check(" SELECT 1 ; ") == "SELECT 1"
    rows = run_sql(corpus, "SELECT doc_id, count(*) AS n FROM para_terms WHERE term = '改革' GROUP BY doc_id").rows
    got = facets(rows, corpus.docs)
    assert set(got) == {"district", "year", "doc_type"}
    assert got["district"]["rows"].sum() == len(rows)
    assert facets(run_sql(corpus, "SELECT 1 AS x").rows, corpus.docs) == {}
