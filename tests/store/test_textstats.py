"""Collocates, n-grams, the network and topics of a built corpus: the tokens table agrees with
the counts, the queries give what pandas over the whole tables gives, and the command line
gives the page's rows."""

from __future__ import annotations

import io
from collections import Counter
from contextlib import redirect_stdout

import pandas as pd
import pytest

from explore.cli.main import main
from explore.store import textstats
from explore.store.load import load_corpus, segmenter_for
from tests.conftest import SEEDS

DOCS = {
    "海淀区/2019-营商环境.txt": "海淀区关于优化营商环境的实施意见\n\n持续优化营商环境，深化放管服改革。\n\n"
    "深化放管服改革，推进政务服务一网通办。\n\n优化营商环境是一项系统工程。",
    "武侯区/2020-政务服务.txt": "武侯区政务服务改革工作方案\n\n推进政务服务一网通办，深化放管服改革。\n\n"
    "优化营商环境，打造一流政务服务。",
    "德清县/2021-河长制.txt": "德清县全面推行河长制工作方案\n\n全面推行河长制，加强河道治理。\n\n"
    "加强河道治理，推进水污染防治。",
}


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    root = tmp_path_factory.mktemp("textstats")
    for name, text in DOCS.items():
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        (root / name).write_text(text, encoding="utf-8")
    load_corpus(root)
    return load_corpus(root)


@pytest.mark.parametrize("source", ["small", "seeds"])
def test_the_tokens_table_holds_the_counted_terms_in_order(corpus, source):
    c = corpus if source == "small" else load_corpus(SEEDS)
    is_term = segmenter_for(c.root).is_term
    tokens = c.tokens.set_index(["doc_id", "para_no"])["tokens"]
    for (doc_id, para_no), group in c.para_terms.groupby(["doc_id", "para_no"]):
        want = dict(zip(group["term"], group["count"], strict=True))
        assert Counter(t for t in tokens[(doc_id, para_no)].split(" ") if is_term(t)) == want
    assert len(tokens) == len(c.paragraphs)


def test_collocates_from_the_queried_rows(corpus):
    table = textstats.collocates(corpus, corpus.docs, "放管服", window=2, min_freq=1).set_index("collocate")
    # 放管服 stands three times, each time as 深化 放管服 改革: the whole window both sides
    assert table.loc["深化", ["frequency", "left", "right"]].tolist() == [3, 3, 0]
    assert table.loc["改革", ["frequency", "left", "right"]].tolist() == [3, 0, 3]
    assert table.loc["深化", "corpus_frequency"] == 3
    with pytest.raises(ValueError, match="give a term"):
        textstats.collocates(corpus, corpus.docs, "  ")


def test_ngrams_and_the_network_by_hand(corpus):
    grams = textstats.ngrams(corpus, corpus.docs, n=2, min_freq=2).set_index("ngram")
    assert grams.loc["优化 营商环境", ["frequency", "documents", "districts"]].tolist() == [4, 2, 2]
    held = textstats.ngrams(corpus, corpus.docs, n=2, contains="河道", min_freq=1)
    assert set(held["ngram"]) == {"河道 治理"} or all("河道" in g for g in held["ngram"])
    graph = textstats.network(corpus, corpus.docs, nodes=20, top_edges=500)
    pt = corpus.para_terms
    pairs = pt.merge(pt, on=["doc_id", "para_no"]).query("term_x < term_y")
    want = pairs.groupby(["term_x", "term_y"]).size()
    for row in graph["edges"].itertuples():
        assert row.both == want[(row.source, row.target)]


def test_topic_shares_sum_to_one_per_document(corpus):
    model = textstats.topics(corpus, corpus.docs, unit="paragraphs", n_topics=2)
    assert model.shares.groupby("doc_id")["share"].sum().round(9).eq(1).all()


@pytest.mark.parametrize(
    "table, options, page",
    [
        (
            "collocates",
            ["--term", "营商环境", "--min-freq", "1"],
            lambda c: textstats.collocates(c, c.docs, "营商环境", min_freq=1),
        ),
        ("ngrams", ["--n", "2"], lambda c: textstats.ngrams(c, c.docs, n=2)),
        ("network", [], lambda c: textstats.network(c, c.docs)["edges"]),
        (
            "topics",
            ["--topics", "2", "--unit", "paragraphs"],
            lambda c: textstats.topics(c, c.docs, unit="paragraphs", n_topics=2).topics,
        ),
    ],
)
def test_the_command_gives_the_same_rows(corpus, table, options, page):
    out = io.StringIO()
    with redirect_stdout(io.TextIOWrapper(io.BytesIO(), encoding="utf-8")) as wrapper:
        assert main(["export", table, "--corpus", str(corpus.root), *options]) == 0
        wrapper.flush()
        data = wrapper.buffer.getvalue()
    del out
    got = pd.read_csv(io.BytesIO(data), encoding="utf-8-sig", keep_default_na=False)
    want = page(corpus)
    assert got.columns.tolist() == want.columns.tolist()
    assert got.astype(str).values.tolist() == want.astype(str).values.tolist()


def test_the_corpus_topic_model_is_fitted_once_and_kept(tmp_path, monkeypatch):
    import shutil

    from explore.analysis import topics as tp

    root = tmp_path / "seeds"
    shutil.copytree(SEEDS, root)
    corpus = load_corpus(root)
    whole = textstats.corpus_topics(corpus, unit="paragraphs", n_topics=3)
    assert textstats.has_topics(corpus, unit="paragraphs", n_topics=3, seed=1)
    fits = []
    monkeypatch.setattr(tp, "fit_topics", lambda *a, **k: fits.append(1))
    again = textstats.corpus_topics(corpus, unit="paragraphs", n_topics=3)  # read from disk, not fitted
    assert fits == [] and again.topics.equals(whole.topics) and again.shares.equals(whole.shares)
    # a selection shows its documents' shares in the corpus's model, the topics' terms unchanged
    one = corpus.docs.iloc[:1]
    mine = textstats.topics(corpus, one, unit="paragraphs", n_topics=3)
    assert set(mine.shares["doc_id"]) == set(one["doc_id"]) and mine.topics["top_terms"].equals(
        whole.topics["top_terms"]
    )
    assert mine.topics["share"].sum() == pytest.approx(1.0, abs=1e-3)
    # a damaged copy is fitted again, never trusted
    folder = textstats.model_folder(corpus, unit="paragraphs", n_topics=3, seed=1)
    (folder / "shares.parquet").write_bytes(b"not parquet")
    monkeypatch.undo()
    assert textstats.corpus_topics(corpus, unit="paragraphs", n_topics=3).shares.equals(whole.shares)
    with pytest.raises(ValueError, match="fit must be"):
        textstats.topics(corpus, one, fit="sample")  # type: ignore[arg-type]
