"""Processed documents → the corpus tables (the data contract is in ``explore.store.load``).

A batch at a time: ``batch_tables`` turns a batch of processed documents into rows of docs,
paragraphs, terms and para_terms, so a large build writes each batch out (``store.parts``) and
forgets it. ``assemble`` does the whole of a small set at once (uploads, tests).
"""

from __future__ import annotations

from array import array
from dataclasses import replace

import numpy as np
import pandas as pd

from explore.ingest.doc_number_forms import parse_number
from explore.ingest.meta import apply_override
from explore.ingest.read import Skipped
from explore.store.per_doc import coded_table, note_tables, placed

DOCS_COLUMNS = [
    "doc_id", "file", "district", "city", "province", "year", "date", "published", "title", "source", "doc_type",
    "level", "issuer", "doc_number", "number_org", "number_year", "number_serial", "genre", "script", "encoding", "n_chars", "n_paragraphs", "n_tokens", "repaired_spans", "damaged_spans", "guessed_chars", "sha1",
]  # fmt: skip
PARAGRAPHS_COLUMNS = ["doc_id", "para_no", "text", "text_original", "n_chars", "guessed_chars"]
TERMS_COLUMNS = ["doc_id", "term", "count"]
PARA_TERMS_COLUMNS = ["doc_id", "para_no", "term", "count"]
TOKENS_COLUMNS = ["doc_id", "para_no", "tokens"]
SKIPPED_COLUMNS = ["file", "reason"]


class DocIds:
    """A document's id is its file name without the extension, unless an earlier document took
    that id (a.txt and a.html): then the whole file name. Kept across batches."""

    def __init__(self) -> None:
        self._seen: set[str] = set()

    def __call__(self, files: list[str]) -> list[str]:
        ids = []
        for f in files:
            base = f.rsplit(".", 1)[0]
            doc_id = base if base not in self._seen else f
            self._seen.add(doc_id)
            ids.append(doc_id)
        return ids


def override_rows(overrides: pd.DataFrame) -> dict[str, dict]:
    return {row["file"]: row for row in overrides.to_dict("records")}


def unknown_overrides(rows: dict[str, dict], known: set[str], source: str) -> list[Skipped]:
    """An override row that names no loaded document is reported, never silently dropped."""
    return [Skipped(source, f"names {name!r}, which is not a loaded document") for name in rows if name not in known]


def assemble(
    processed: list, skipped: list[Skipped], overrides: pd.DataFrame, *, overrides_source: str = "metadata.csv"
) -> dict[str, pd.DataFrame]:
    """All the tables of a set of processed documents at once (see the data contract).

    ``overrides`` (``file`` plus fields to replace) never changes the processed documents:
    they may be shared, so each override is applied to a copy of the inferred metadata."""
    rows = override_rows(overrides)
    problems = list(skipped)
    tables = batch_tables(processed, rows, ids=DocIds()([p.file for p in processed]), problems=problems,
                          overrides_source=overrides_source)  # fmt: skip
    problems += unknown_overrides(rows, {p.file for p in processed}, overrides_source)
    tables["skipped"] = skipped_table(problems)
    return tables


def skipped_table(skipped: list[Skipped]) -> pd.DataFrame:
    return pd.DataFrame([(s.file, s.reason) for s in skipped], columns=SKIPPED_COLUMNS)


def batch_tables(
    processed: list, rows: dict[str, dict], *, ids: list[str], problems: list[Skipped], overrides_source: str
) -> dict[str, pd.DataFrame]:
    """docs, paragraphs, terms, para_terms, tokens, items, figures, coded, note_tokens and
    note_terms of one batch; override problems go to ``problems``."""
    docs_rows, para_rows, token_rows, pt_doc, pt_term = [], [], [], [], []
    analysed: list[tuple] = []  # (document, its id, its final metadata): items and figures placed once a batch
    pt_para, pt_count = array("i"), array("i")
    vocab: dict[str, str] = {}
    for doc_id, doc in zip(ids, processed, strict=True):
        meta = doc.meta
        if doc.file in rows:
            try:
                meta = apply_override(replace(meta), rows[doc.file])
            except ValueError as err:
                problems.append(Skipped(overrides_source, f"row for {doc.file}: {err} (inferred value kept)"))
        analysed.append((doc, doc_id, meta))
        n_chars = 0
        for para_no, ((text, original), guessed) in enumerate(zip(doc.paragraphs, doc.guessed, strict=True), 1):
            para_rows.append((doc_id, para_no, text, original, len(text), guessed))
            n_chars += len(text)
        token_rows.extend((doc_id, para_no, toks) for para_no, toks in enumerate(doc.tokens, 1))
        paras, terms, counts = doc.term_rows
        pt_doc.extend([doc_id] * len(terms))
        pt_para.extend(paras)
        # One string object per distinct term: documents come back from worker processes
        # with their own copies, millions of them on a large corpus.
        pt_term.extend([vocab.setdefault(t, t) for t in terms])
        pt_count.extend(counts)
        docs_rows.append(_doc_row(doc_id, doc, meta, n_chars, sum(counts)))
    para_terms = pd.DataFrame(
        {
            "doc_id": pt_doc,
            "para_no": np.array(pt_para, dtype=np.int32),
            "term": pt_term,
            "count": np.array(pt_count, dtype=np.int32),
        },
        columns=PARA_TERMS_COLUMNS,
    )
    items, figures = placed(analysed)
    note_tokens, note_terms = note_tables([(doc, doc_id) for doc, doc_id, _ in analysed])
    coded = coded_table([(doc, doc_id) for doc, doc_id, _ in analysed])
    return {
        "docs": docs_frame(docs_rows),
        "paragraphs": pd.DataFrame(para_rows, columns=PARAGRAPHS_COLUMNS),
        "terms": terms_of(para_terms, ids),
        "para_terms": para_terms,
        "tokens": pd.DataFrame(token_rows, columns=TOKENS_COLUMNS),
        "items": items,
        "figures": figures,
        "coded": coded,
        "note_tokens": note_tokens,
        "note_terms": note_terms,
    }


def _doc_row(doc_id: str, doc, meta, n_chars: int, n_tokens: int) -> dict:
    return {
        "doc_id": doc_id,
        "file": doc.file,
        **meta.as_dict(),
        "script": doc.script,
        "encoding": doc.encoding,
        "n_chars": n_chars,
        "n_paragraphs": len(doc.paragraphs),
        "n_tokens": n_tokens,
        "repaired_spans": doc.repaired_spans,
        "damaged_spans": doc.damaged_spans,
        "guessed_chars": doc.guessed_chars,
        "sha1": doc.sha1,
    }


def docs_frame(rows: list[dict]) -> pd.DataFrame:
    docs = pd.DataFrame(rows, columns=DOCS_COLUMNS)
    docs["year"] = docs["year"].astype("Int64")
    # a 发文字号's parts from the number itself, so that a corrected number (overrides.csv) brings its own
    parts = [parse_number(n) if isinstance(n, str) and n else None for n in docs["doc_number"]]
    docs["number_org"] = [p.org if p else "" for p in parts]
    docs["number_year"] = pd.array([p.year if p else None for p in parts], dtype="Int64")
    docs["number_serial"] = pd.array([p.serial if p else None for p in parts], dtype="Int64")
    for col in ("n_chars", "n_paragraphs", "n_tokens", "repaired_spans", "damaged_spans", "guessed_chars"):
        docs[col] = docs[col].astype("int64")
    return docs


def terms_of(para_terms: pd.DataFrame, ids: list[str]) -> pd.DataFrame:
    """A document's terms: its paragraphs' counts summed; documents in the docs table's order,
    within one the most frequent first (so batches written one after another stay in order)."""
    if not len(para_terms):
        return pd.DataFrame({"doc_id": [], "term": [], "count": np.array([], dtype="int64")}, columns=TERMS_COLUMNS)
    terms = para_terms.groupby(["doc_id", "term"], sort=False, observed=True)["count"].sum().reset_index()
    position = pd.Series(range(len(ids)), index=ids)
    terms = (
        terms.assign(_at=terms["doc_id"].map(position))
        .sort_values(["_at", "count", "term"], ascending=[True, False, True], kind="stable")
        .drop(columns="_at")
        .reset_index(drop=True)
    )
    terms["count"] = terms["count"].astype("int64")
    return terms
