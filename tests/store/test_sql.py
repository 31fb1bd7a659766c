"""The SQL page's engine: one read-only SELECT over the corpus tables, nothing else."""

from __future__ import annotations

import os
from pathlib import Path

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


def test_a_missing_value_is_null_not_an_empty_string(corpus):
    # the seeds' items: 罗湖区's plan names leads, 龙岗区's and 坪山区's reports none
    got = run_sql(corpus, "SELECT district, count(*) AS n, count(lead) AS led, count(*) FILTER (WHERE lead = '') "
                          "AS blank FROM items GROUP BY district ORDER BY district").rows  # fmt: skip
    assert got.set_index("district").loc["龙岗区", ["led", "blank"]].tolist() == [0, 0]
    assert (got["blank"] == 0).all() and got["led"].sum() > 0
    assert (
        run_sql(corpus, "SELECT count(*) AS n FROM docs WHERE date IS NULL").rows["n"].iloc[0]
        == (corpus.docs["date"].fillna("") == "").sum()
    )


@pytest.fixture(scope="module")
def borrowing(tmp_path_factory):
    """The seeds and two districts' documents that share a paragraph: a corpus with text reuse."""
    import shutil

    root = tmp_path_factory.mktemp("sql") / "borrowing"
    shutil.copytree(SEEDS, root)
    shared = ("坚持以人民为中心的发展思想,深化放管服改革,持续优化营商环境,推动政务服务事项全流程网上办理,"
              "加快建设数字政府,让企业和群众办事更加便捷高效。")  # fmt: skip
    (root / "a.txt").write_text(f"宝安区2019年改革工作要点\n{shared}\n", encoding="utf-8")
    (root / "b.txt").write_text(f"南山区2021年改革工作要点\n{shared.replace('加快', '全面')}\n", encoding="utf-8")
    return load_corpus(root)


@pytest.mark.parametrize("name", sorted(EXAMPLES))
def test_every_example_runs(borrowing, name):
    assert not run_sql(borrowing, EXAMPLES[name]).rows.empty


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


# --- the cage (issue 22): each probe of the shared demo, reproduced -------------------------


@pytest.mark.parametrize(
    "query, reason",
    [
        ("SELECT * FROM read_blob('.tmp/*')", "read_blob"),  # another query's spill files
        ("SELECT current_setting('temp_directory')", "current_setting"),
        ("SELECT * FROM duckdb_settings()", "duckdb_settings"),
        ("SELECT sql FROM duckdb_views()", "duckdb_views"),  # a view's SQL names the cache folder
        ("SELECT * FROM information_schema.views", "not a table here"),
        ("SELECT * FROM sqlite_master", "not a table here"),
        ("SELECT getenv('HOME')", "getenv"),
        ("SHOW TABLES", "SHOW"),
        ("SELECT * FROM query('SELECT 1')", "query"),  # SQL in a string escapes the check
        ("SELECT * FROM 'docs.parquet'", "not a table here"),
        ("FROM memory.main.docs", "not a table here"),
        ("SELECT * FROM pragma_database_list()", "pragma_database_list"),
    ],
)
def test_paths_settings_and_the_catalog_are_out_of_reach(corpus, query, reason):
    with pytest.raises(ValueError, match=rf"{reason}.*only the corpus tables"):
        run_sql(corpus, query)


@pytest.mark.parametrize(
    "query",
    [
        "WITH a AS (SELECT 1 AS x) SELECT * FROM a",
        "DESCRIBE docs",
        "SUMMARIZE SELECT n_chars FROM docs",
        "SELECT * FROM range(3) r, (VALUES (1), (2)) v(x)",
        "SELECT d.doc_id FROM docs d JOIN (SELECT doc_id FROM paragraphs) p USING (doc_id) LIMIT 1",
    ],
)
def test_ordinary_queries_still_run(corpus, query):
    assert not run_sql(corpus, query).rows.empty


def test_a_very_long_query_is_refused_before_it_is_parsed(corpus):
    query = "SELECT 1 WHERE " + " OR ".join(["1 = 1"] * 60_000)  # 1.2 MB ran 64–73 s on main
    with pytest.raises(ValueError, match="at most 20,000"):
        run_sql(corpus, query)


_CHILD_PEAK = """
import resource, sys
from explore.store.load import load_corpus
from explore.store.sql import run_sql
for query in ("SELECT repeat('x', 10000000) AS x FROM range(300)", "SELECT repeat('x', 100000) AS x FROM range(30000)"):
    try:
        run_sql(load_corpus(sys.argv[1]), query, row_limit=10_000)
    except ValueError:
        pass
print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)
"""


def test_a_3_gb_result_is_refused_or_cut_and_the_app_stays_small(corpus):
    import resource
    import subprocess
    import sys

    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    # 3 GB of text (12.3 GB peak on main, in the Streamlit process)
    for query in (
        "SELECT repeat('x', 10000000) AS x FROM range(300)",
        "SELECT repeat('x', 100000) AS x FROM range(30000)",
    ):
        try:
            got = run_sql(corpus, query, row_limit=10_000)
        except ValueError as err:
            assert "more than the 768 MB" in str(err)
        else:
            assert got.cut_by_size and got.truncated and 0 < len(got.rows) < 30_000
            assert got.rows["x"].str.len().sum() <= 64 * 2**20
    grown = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - before  # KiB on Linux
    assert grown < 200 * 1024
    # the query's own process, measured from a process that started no other (this one's
    # children include every worker earlier tests started)
    out = subprocess.run([sys.executable, "-c", _CHILD_PEAK, str(SEEDS)], capture_output=True, text=True, timeout=300,
                         env={**os.environ, "PYTHONPATH": str(Path(__file__).parents[2])})  # fmt: skip
    assert out.returncode == 0, out.stderr[-2000:]
    assert int(out.stdout.split()[-1]) < 1.5 * 2**20


def test_the_byte_budget_cuts_and_says_so(corpus):
    got = run_sql(corpus, "SELECT repeat('x', 1000) AS x FROM range(100)", result_bytes=20_000)
    assert got.cut_by_size and got.truncated and 0 < len(got.rows) < 20
    whole = run_sql(corpus, "SELECT repeat('x', 1000) AS x FROM range(100)")
    assert len(whole.rows) == 100 and not whole.truncated and not whole.cut_by_size


def test_the_child_leaves_no_temp_files_and_no_process(corpus, tmp_path, monkeypatch):
    from pathlib import Path

    monkeypatch.chdir(tmp_path)
    run_sql(corpus, "SELECT * FROM paragraphs ORDER BY random()")
    assert list(tmp_path.iterdir()) == []  # no .tmp spill folder where the app runs
    commands = []
    for cmdline in Path("/proc").glob("[0-9]*/cmdline"):
        try:
            commands.append(cmdline.read_bytes())
        except OSError:  # a process that ended meanwhile
            continue
    assert not any(b"explore.store.sql_child" in c for c in commands)


def test_a_corpus_held_in_memory_is_queried_the_same(corpus):
    from explore.store.corpus import Corpus
    from explore.store.query import LARGE

    in_memory = Corpus(corpus.root, corpus.docs, **{n: corpus.table(n) for n in LARGE}, skipped=corpus.skipped)
    query = "SELECT doc_id, count(*) AS n FROM paragraphs GROUP BY doc_id ORDER BY doc_id"
    assert run_sql(in_memory, query).rows.equals(run_sql(corpus, query).rows)


def test_a_year_facet_reads_as_years_beside_a_missing_one():
    import pandas as pd

    rows = pd.DataFrame({"year": [2023.0, None, 2023.0]})
    assert facets(rows, pd.DataFrame({"doc_id": []}))["year"].to_dict("records") == [
        {"year": "2023", "rows": 2}, {"year": "(none)", "rows": 1},
    ]  # fmt: skip


# --- what the analyses derive (issue 24): text reuse pairs and theme mentions -------------------


def _in_memory(corpus):
    from explore.store.corpus import Corpus
    from explore.store.query import LARGE

    return Corpus(corpus.root, corpus.docs, **{n: corpus.table(n) for n in LARGE}, skipped=corpus.skipped,
                  key=corpus.key)  # fmt: skip


def test_reuse_pairs_are_the_text_reuse_pages_first_view(borrowing):
    from explore.store.tables import analysed_corpus, reuse_table

    page = reuse_table(analysed_corpus(borrowing), borrowing.docs)
    got = run_sql(borrowing, "SELECT * FROM reuse_pairs ORDER BY similarity DESC, left_doc, left_para, right_doc, "
                          "right_para", row_limit=10_000).rows  # fmt: skip
    assert len(got) == len(page) > 0
    keys = ["left_doc", "left_para", "right_doc", "right_para"]
    assert sorted(map(tuple, got[keys].to_numpy().tolist())) == sorted(map(tuple, page[keys].to_numpy().tolist()))
    assert got[["kind", "left_district", "right_district"]].to_numpy().tolist() == [
        ["across districts", "宝安区", "南山区"]
    ]


def test_theme_mentions_sum_to_the_theme_pages_counts(corpus):
    from explore.ingest.lexicon import default_lexicon
    from explore.store.tables import analysed_corpus, theme_mentions

    page = theme_mentions(analysed_corpus(corpus), corpus.docs, default_lexicon())
    got = run_sql(corpus, "SELECT theme, sum(mentions) AS n FROM theme_mentions GROUP BY theme ORDER BY theme").rows
    assert got.set_index("theme")["n"].to_dict() == page.groupby("theme")["mentions"].sum().to_dict()
    assert len(got) > 3


@pytest.mark.parametrize("name", ["reuse_pairs", "theme_mentions", "items", "docs"])
def test_the_listed_columns_are_the_tables_in_both_kinds_of_corpus(corpus, name):
    from explore.store.sql import columns

    for held in (corpus, _in_memory(corpus)):
        got = run_sql(held, f"SELECT * FROM {name} LIMIT 1").rows
        assert list(got.columns) == columns(held, name)
    with pytest.raises(ValueError, match="unknown table 'nope'"):
        columns(corpus, "nope")


def test_a_corpus_held_in_memory_derives_the_same_tables(borrowing):
    corpus, held = borrowing, _in_memory(borrowing)
    for query in (
        "SELECT left_doc, left_para, right_doc, right_para, kind FROM reuse_pairs ORDER BY ALL",
        "SELECT * FROM theme_mentions ORDER BY ALL",
    ):
        mine, built = run_sql(held, query, row_limit=10_000).rows, run_sql(corpus, query, row_limit=10_000).rows
        assert not built.empty
        assert mine.astype(str).equals(built.astype(str))


def test_a_query_finds_only_the_tables_it_names(corpus, monkeypatch):
    from explore.store import tables

    def refuse(*args, **kwargs):
        raise AssertionError("text reuse was found for a query that does not read it")

    monkeypatch.setattr(tables, "reuse_table", refuse)
    assert run_sql(_in_memory(corpus), "SELECT count(*) AS n FROM docs").rows["n"].iloc[0] == len(corpus.docs)
    with pytest.raises(AssertionError, match="text reuse was found"):
        run_sql(_in_memory(corpus), "WITH r AS (SELECT * FROM reuse_pairs) SELECT count(*) FROM r")


def test_the_derived_tables_may_be_named_as_other_tables_are(corpus):
    assert check("SELECT * FROM Reuse_Pairs") == "SELECT * FROM Reuse_Pairs"
    with pytest.raises(ValueError, match="not a table here"):
        run_sql(corpus, "SELECT * FROM analysed.reuse_pairs")
    with pytest.raises(ValueError, match="not a table here"):
        run_sql(corpus, "SELECT * FROM reuse_text")  # the build's working table is not offered
