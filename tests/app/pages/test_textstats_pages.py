"""Collocates, N-gram clusters, Co-occurrence network, Topics and SQL on the seeds: each opens,
its controls change its table, its table equals the command line's, and clicks lead on."""

from __future__ import annotations

import math

import pytest

from explore.store import textstats
from explore.store.load import load_corpus
from tests.conftest import SEEDS


def _table(at, column: str):
    return next(df.value for df in at.dataframe if column in df.value.columns)


def test_collocates_page_and_a_click_to_the_concordance(page):
    at = page("collocates")
    table = _table(at, "collocate")
    corpus = load_corpus(SEEDS)
    want = textstats.collocates(corpus, corpus.docs, "改革")
    assert table.values.tolist() == want.values.tolist()
    at.slider(key="col_window").set_value(2).run()
    at.selectbox(key="col_sort").set_value("mi").run()
    table = _table(at, "collocate")
    assert table["mi"].is_monotonic_decreasing and not at.exception


def test_collocates_click_opens_the_lines_holding_both(page):
    at = page("kwic", kwic_query="改革", kwic_with="深化", kwic_width="40")
    lines = _table(at, "match")
    assert len(lines) > 5
    assert (lines["left"] + lines["right"]).str.contains("深化").all()


def test_ngrams_page(page):
    at = page("ngrams")
    table = _table(at, "ngram")
    assert (table["n"] == 3).all() and table["frequency"].is_monotonic_decreasing
    at.slider(key="ng_n").set_value(2).run()
    at.text_input(key="ng_term").input("营商环境").run()
    table = _table(at, "ngram")
    assert len(table) and table["ngram"].str.replace(" ", "").str.contains("营商环境").all()


def test_network_page(page):
    at = page("network")
    edges = _table(at, "weight")
    assert 0 < len(edges) <= 120 and edges["weight"].is_monotonic_decreasing
    corpus = load_corpus(SEEDS)
    want = textstats.network(corpus, corpus.docs, places="leave")["edges"]
    assert edges.values.tolist() == want.values.tolist()
    at.selectbox(key="net_measure").set_value("log_likelihood").run()
    assert not at.exception
    assert len(at.get("vega_lite_chart")) + len(at.get("arrow_vega_lite_chart")) >= 1


def test_topics_page(page):
    at = page("topics", tp_k="4")
    topics = _table(at, "coherence")
    # Mimno's UMass summed over 45 pairs of top terms, each pair at most log(1 + 1/2): terms are in 2 units or more
    assert topics["topic"].tolist() == [1, 2, 3, 4] and (topics["coherence"] <= 45 * math.log(1.5)).all()
    at.selectbox(key="tp_topic").set_value(2).run()
    docs = _table(at, "title")
    assert not at.exception and len(docs) == 5 and docs["share"].is_monotonic_decreasing


@pytest.mark.parametrize(
    "query, ok",
    [("SELECT district, count(*) AS n FROM docs GROUP BY district", True), ("COPY docs TO '/tmp/x.csv'", False)],
)
def test_sql_page(page, query, ok):
    at = page("sql", sql=query)
    if ok:
        rows = _table(at, "n")
        assert rows["n"].sum() == len(load_corpus(SEEDS).docs)
        assert any("Facet" in c.value for c in at.caption)
    else:
        assert any("only SELECT" in e.value for e in at.error)


def test_sql_page_says_what_is_out_of_reach_and_what_was_cut(page):
    at = page("sql", sql="SELECT * FROM duckdb_settings()")
    assert any("duckdb_settings() is not available" in e.value for e in at.error)
    at = page("sql", sql="SELECT repeat('改', 100000) AS x FROM range(100)")  # 30 MB of text
    assert any("cut at 8 MB" in c.value for c in at.caption) and not at.exception


def test_sql_page_loads_an_example(page):
    at = page("sql")
    at.selectbox(key="sql_example").set_value("Most frequent terms").run()
    assert "sum(count)" in at.text_area(key="sql_query").value
    assert "term" in _table(at, "n").columns


def test_a_large_corpus_fits_its_topics_in_the_background(page, monkeypatch):
    import time

    from explore.app import computed_textstats as computed

    monkeypatch.setattr(computed, "INLINE_DOCS", 0)  # the seeds as if they were many
    at = page("topics", tp_k="3", tp_seed="7")
    for _ in range(120):  # the page says it is fitting, then shows the model when the worker is done
        if any("coherence" in df.value.columns for df in at.dataframe):
            break
        assert any("Fitting 3 topics" in i.value for i in at.info), [i.value for i in at.info]
        time.sleep(0.5)
        at.run()
    topics = _table(at, "coherence")
    assert topics["topic"].tolist() == [1, 2, 3] and not at.exception
    from explore.store.analysed import analysed

    base = load_corpus(SEEDS)  # the page counts the seeds as they are or without their notes: kept beside either
    assert any(textstats.has_topics(c, unit="paragraphs", n_topics=3, seed=7) for c in (base, analysed(base)))
