"""Collocates, n-grams, the co-occurrence network and topics of a corpus's chosen documents:
the queries that fetch their rows (DuckDB over the tables) joined to the pure functions of
``explore.analysis``. The app's cached calls and ``python -m explore export`` both come here,
so a page and its command give the same rows."""

from __future__ import annotations

import functools
import json
import os
import shutil
import threading
from collections.abc import Callable
from pathlib import Path
from typing import Literal

import pandas as pd
from pyarrow import ArrowException

from explore.analysis import collocates as colloc
from explore.analysis import network as net
from explore.analysis import ngrams as ng
from explore.analysis import topics as tp
from explore.ingest.text import term_rule
from explore.store.corpus import Corpus
from explore.store.load import segmenter_for


def term_test(corpus: Corpus) -> Callable[[str], bool]:
    """The corpus segmenter's rule for a term (no stopword, number or punctuation), remembered
    per token: a corpus has far fewer distinct tokens than tokens. Its word lists only: the
    tokens were cut in the build, and jieba's dictionary is not loaded to judge them."""
    return functools.lru_cache(maxsize=200_000)(term_rule(corpus.root))


def node_tokens(corpus: Corpus, term: str) -> list[str]:
    """``term`` cut as the corpus cuts its text (营商环境 may be 营商 环境): one token when the
    build cut it as one somewhere (the segmenter is then not loaded), else as the segmenter cuts it."""
    term = term.strip()
    if not term:
        raise ValueError("give a term to look for")
    if corpus.tables.known_terms([term]):
        return [term]
    node = segmenter_for(corpus.root).tokens(term)
    if not node:
        raise ValueError("give a term to look for")
    return node


def collocates(
    corpus: Corpus,
    docs: pd.DataFrame,
    term: str,
    *,
    window: int = 5,
    min_freq: int = 2,
    sort_by: colloc.SortBy = "log_likelihood",
) -> pd.DataFrame:
    node = node_tokens(corpus, term)
    is_term = term_test(corpus)
    lines = corpus.tables.token_lines(docs["doc_id"], node)
    # positions are terms: the node's own tokens stay even where one alone is no term (的)
    keep = set(node)
    paragraphs = ([t for t in line.split(" ") if t in keep or is_term(t)] for line in lines["tokens"])
    ids = list(docs["doc_id"])
    total = int(docs["n_tokens"].sum())
    return colloc.collocates(
        paragraphs, node, lambda terms: corpus.tables.term_frequency(ids, terms), total,
        window=window, min_freq=min_freq, sort_by=sort_by, weights=lines["docs"].map(len),
    )  # fmt: skip


def ngrams(corpus: Corpus, docs: pd.DataFrame, *, n: int = 3, contains: str = "", min_freq: int = 2) -> pd.DataFrame:
    node = node_tokens(corpus, contains) if contains.strip() else []
    lines = corpus.tables.token_lines(docs["doc_id"], node)
    return ng.ngrams(lines, docs, n=n, contains=contains.strip(), is_term=term_test(corpus), min_freq=min_freq)


def network(
    corpus: Corpus,
    docs: pd.DataFrame,
    *,
    nodes: int = 60,
    measure: net.Measure = "jaccard",
    top_edges: int = 120,
    min_len: int = 2,
    places: Literal["keep", "leave"] = "keep",
    seed: int = 1,
) -> dict[str, pd.DataFrame]:
    """{"nodes": …, "edges": …} of the chosen documents' co-occurrence network; ``places="leave"``
    leaves out place names (罗湖区, 深圳 …), which tie a district's terms together and say nothing."""
    from explore.ingest.gazetteer import place_names

    if places not in ("keep", "leave"):
        raise ValueError(f"places must be keep or leave, got {places!r}")
    leave_out = sorted(place_names()) if places == "leave" else []
    ids = list(docs["doc_id"])
    top = corpus.tables.top_paragraph_terms(ids, top=nodes, min_len=min_len, leave_out=leave_out)
    pairs = corpus.tables.cooccurrences(ids, top["term"])
    edges = net.edge_table(top, pairs, paragraphs=int(docs["n_paragraphs"].sum()), measure=measure, top_edges=top_edges)
    return {"nodes": net.node_table(top, edges, seed=seed), "edges": edges}


Fit = Literal["corpus", "selection"]


def topics(
    corpus: Corpus,
    docs: pd.DataFrame,
    *,
    unit: tp.Unit = "documents",
    n_topics: int = 10,
    seed: int = 1,
    fit: Fit = "corpus",
) -> tp.TopicModel:
    """The topics of ``docs``: those of the model of the whole corpus as these documents carry
    them (``fit='corpus'``, fitted once and kept on disk: ``corpus_topics``), or a model fitted
    on these documents alone (``fit='selection'``)."""
    if fit not in ("corpus", "selection"):
        raise ValueError(f"fit must be 'corpus' or 'selection', got {fit!r}")
    if fit == "corpus":
        return tp.of_documents(corpus_topics(corpus, unit=unit, n_topics=n_topics, seed=seed), docs["doc_id"])
    return _fitted(corpus, list(docs["doc_id"]), unit=unit, n_topics=n_topics, seed=seed)


def _fitted(corpus: Corpus, ids: list[str], *, unit: tp.Unit, n_topics: int, seed: int) -> tp.TopicModel:
    counts = corpus.tables.terms_of(ids) if unit == "documents" else corpus.tables.para_terms_of(ids)
    return tp.fit_topics(counts, unit=unit, n_topics=n_topics, seed=seed)


def model_folder(corpus: Corpus, *, unit: str, n_topics: int, seed: int) -> Path | None:
    """Where the whole corpus's model is kept (beside its tables), or None for a corpus held in memory."""
    if corpus.folder is None:
        return None
    return corpus.folder / "models" / f"topics-{unit}-k{n_topics}-seed{seed}"


def has_topics(corpus: Corpus, *, unit: str, n_topics: int, seed: int) -> bool:
    """Whether the whole corpus's model is on disk already."""
    folder = model_folder(corpus, unit=unit, n_topics=n_topics, seed=seed)
    return folder is not None and (folder / "sizes.json").exists()


def corpus_topics(corpus: Corpus, *, unit: tp.Unit = "documents", n_topics: int = 10, seed: int = 1) -> tp.TopicModel:
    """The topic model of every document of ``corpus``, read from disk, or fitted and kept there
    (a damaged copy is fitted again). The same corpus state, unit, number and seed: the same model."""
    folder = model_folder(corpus, unit=unit, n_topics=n_topics, seed=seed)
    if folder is not None and (folder / "sizes.json").exists():
        try:
            sizes = json.loads((folder / "sizes.json").read_text(encoding="utf-8"))
            return tp.TopicModel(pd.read_parquet(folder / "topics.parquet"), pd.read_parquet(folder / "shares.parquet"),
                                 int(sizes["units"]), int(sizes["vocabulary"]))  # fmt: skip
        except (OSError, ValueError, KeyError, TypeError, ArrowException):
            pass
    model = _fitted(corpus, list(corpus.docs["doc_id"]), unit=unit, n_topics=n_topics, seed=seed)
    if folder is not None:
        _keep(model, folder)
    return model


def keep_corpus_topics(
    root: Path, folder: Path, docs: pd.DataFrame, *, key: str, unit: tp.Unit, n_topics: int, seed: int
) -> None:
    """Fit and keep on disk the model ``corpus_topics`` gives for the built corpus in ``folder``
    (with its ``docs`` and ``key``): what a worker process is sent instead of the corpus itself."""
    corpus_topics(Corpus(root, docs, folder=folder, key=key), unit=unit, n_topics=n_topics, seed=seed)


def _keep(model: tp.TopicModel, folder: Path) -> None:
    tmp = folder.with_name(f"{folder.name}.tmp{os.getpid()}-{threading.get_ident()}")
    try:
        tmp.mkdir(parents=True, exist_ok=True)
        model.topics.to_parquet(tmp / "topics.parquet", index=False)
        model.shares.to_parquet(tmp / "shares.parquet", index=False)
        sizes = {"units": model.units, "vocabulary": model.vocabulary}
        (tmp / "sizes.json").write_text(json.dumps(sizes), encoding="utf-8")  # last: a folder without it is unfinished
        shutil.rmtree(folder, ignore_errors=True)
        tmp.replace(folder)
    except OSError:  # a cache that cannot be written: the model is fitted again next time
        shutil.rmtree(tmp, ignore_errors=True)
