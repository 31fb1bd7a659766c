"""The corpus as the analyses count it: the same documents, without their formula paragraphs
(``store.formula``: furniture and stock sentences that recur across the corpus) and without the
item metadata inside paragraphs (``analysis.notes.note_spans``: 牵头单位：… and （X、Y等负责）
notes, whose 单位, 牵头 and unit names would otherwise top keyness).

``paragraphs`` loses the formula paragraphs; ``tokens`` and ``para_terms`` lose those and the
tokens that stand inside a note; ``terms`` is summed again from what is left. The paragraph
text itself is never changed: readers and figures see every word.

A built corpus has it on disk: the build's map finds each document's notes (``store.per_doc``),
and once every batch is written ``write_analysed`` marks the formula and writes the tables under
``analysed/`` with DuckDB (streamed, within a memory limit), so no page waits for it. A corpus
held in memory (a session's uploads) is analysed when first asked, in pandas.
"""

from __future__ import annotations

import os
import shutil
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import duckdb
import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq

from explore.analysis.notes import is_note_only
from explore.store.assemble import terms_of
from explore.store.corpus import Corpus
from explore.store.formula import (
    SENTENCE_ROWS,
    formula_lines,
    formula_paragraphs,
    leave_out,
    pairs_without_stock,
    sentence_query,
)
from explore.store.per_doc import MAY_HOLD_NOTE, in_notes
from explore.store.query import LIMITS, Tables, batches, quoted
from explore.store.term_query import TOTALS, TOTALS_QUERY
from explore.store.theme_counts import write_theme_mentions

FOLDER = "analysed"  # its tables are listed in ``load.ON_DISK``
NOTE_TABLES = (f"{FOLDER}/note_tokens", f"{FOLDER}/note_terms")  # the map's, read by write_analysed, then gone


def _leave_notes_out(paragraphs: pd.DataFrame, tokens: pd.DataFrame, para_terms: pd.DataFrame):
    texts = paragraphs.set_index(["doc_id", "para_no"])["text"]
    # only the paragraphs that may hold a note are joined to their tokens
    candidates = tokens.merge(texts[texts.str.contains(MAY_HOLD_NOTE)].reset_index(), on=["doc_id", "para_no"])
    new_tokens, rows = {}, []
    for doc_id, para_no, text, toks in zip(
        candidates["doc_id"], candidates["para_no"], candidates["text"], candidates["tokens"], strict=True
    ):
        kept, removed = in_notes(text, toks)
        if removed:
            new_tokens[(doc_id, para_no)] = kept
            rows += [(doc_id, para_no, term, n) for term, n in removed.items()]
    if not rows:
        return tokens, para_terms, 0
    keys = pd.MultiIndex.from_frame(tokens[["doc_id", "para_no"]])
    tokens = tokens.copy()
    changed = keys.isin(list(new_tokens))
    tokens.loc[changed, "tokens"] = [new_tokens[k] for k in keys[changed]]
    cut = pd.DataFrame(rows, columns=["doc_id", "para_no", "term", "cut"])
    merged = para_terms.merge(cut, on=["doc_id", "para_no", "term"], how="left")
    merged["count"] = merged["count"] - merged["cut"].fillna(0).astype(merged["count"].dtype)
    para_terms = merged.loc[merged["count"] > 0, list(para_terms.columns)].reset_index(drop=True)
    return tokens, para_terms, len(new_tokens)


def analysed(corpus: Corpus) -> Corpus:
    """``corpus`` as the analyses count it (see the module docstring); the corpus itself when
    it has neither formula nor notes. Its key is the corpus's + ``~analysed``."""
    if corpus.folder is not None and (corpus.folder / FOLDER).is_dir():
        return _stored(corpus)
    marked = formula_paragraphs(corpus.tables, n_docs=len(corpus.docs))
    paragraphs = leave_out(corpus.paragraphs, marked)
    tokens, para_terms, n_notes = _leave_notes_out(
        paragraphs, leave_out(corpus.tokens, marked), leave_out(corpus.para_terms, marked)
    )
    if marked.empty and not n_notes:
        return corpus
    return Corpus(
        corpus.root,
        corpus.docs,
        paragraphs=paragraphs,
        terms=terms_of(para_terms, corpus.docs["doc_id"].tolist()).astype(corpus.terms.dtypes.to_dict()),
        para_terms=para_terms,
        tokens=tokens,
        items=corpus.items,
        figures=corpus.figures,
        coded=leave_out(corpus.coded, marked),
        skipped=corpus.skipped,
        key=f"{corpus.key}~analysed",
        stats={**corpus.stats, "formula_paragraphs": len(marked), "paragraphs_with_notes": n_notes},
    )


def _stored_table(corpus: Corpus, name: str) -> pd.DataFrame | None:
    folder = corpus.folder
    if folder is None or not (folder / FOLDER).is_dir():
        return None
    return pd.read_parquet(folder / FOLDER / f"{name}.parquet")


def formula_of(corpus: Corpus) -> pd.DataFrame:
    """doc_id and para_no of the corpus's formula paragraphs (``store.formula.formula_paragraphs``):
    read from the build's ``analysed/`` when it has one."""
    stored = _stored_table(corpus, "formula")
    return stored if stored is not None else formula_paragraphs(corpus.tables, n_docs=len(corpus.docs))


def formula_lines_of(corpus: Corpus) -> pd.DataFrame:
    """The corpus's formula shapes (``store.formula.formula_lines``): read from the build's
    ``analysed/`` when it has one."""
    stored = _stored_table(corpus, "formula_lines")
    return stored if stored is not None else formula_lines(corpus.tables, n_docs=len(corpus.docs))


def _stored(corpus: Corpus) -> Corpus:
    folder = corpus.folder / FOLDER
    n_formula, n_notes = (pq.ParquetFile(folder / f"{name}.parquet").metadata.num_rows for name in ("formula", "notes"))
    if not n_formula and not n_notes:
        return corpus
    stats = {**corpus.stats, "formula_paragraphs": n_formula, "paragraphs_with_notes": n_notes}
    return Corpus(corpus.root, corpus.docs, skipped=corpus.skipped, key=f"{corpus.key}~analysed", stats=stats,
                  folder=folder)  # fmt: skip


def write_analysed(folder: Path) -> None:
    """Write ``analysed/`` of a built corpus's ``folder`` (every other table written): the four
    counted tables and the coded paragraphs in the order of the build's, items and figures (linked), the formula paragraphs
    (doc_id, para_no), the formula's shapes (``formula_lines``) and the noted paragraphs' tokens
    outside their notes (``notes``)."""
    out = folder / FOLDER
    for name in ("items", "figures"):  # the same rows: linked, not copied
        _link(folder / f"{name}.parquet", out / f"{name}.parquet")
    n_docs = pq.ParquetFile(folder / "docs.parquet").metadata.num_rows
    built = Tables(folder=folder)
    marked = formula_paragraphs(built, n_docs=n_docs) if n_docs else None
    con = duckdb.connect(config=LIMITS)  # as the pages': bounded, and what a query freed given back
    spill = out / ".spill"
    # every paragraph's sentences and their shapes, split once for the formula and for text reuse
    sentences = spill / "sentences.parquet"
    try:
        con.execute("SET temp_directory = ?", [str(spill)])  # spilled into the build's own folder
        con.execute("SET preserve_insertion_order = true")
        _views(con, folder, marked)
        spill.mkdir(exist_ok=True)
        con.execute(f"COPY ({SENTENCE_ROWS}) TO '{quoted(sentences)}' (FORMAT parquet)")
        stored = f"read_parquet('{quoted(sentences)}')"
        formula_lines(built, n_docs=n_docs, sentences=stored).to_parquet(out / "formula_lines.parquet", index=False)
        (first, query), *rest = _QUERIES.items()  # the formula paragraphs first: text reuse reads them
        con.execute(f"COPY ({query}) TO '{quoted(out / f'{first}.parquet')}' (FORMAT parquet)")
        # the analysed paragraphs' sentences: those outside the formula paragraphs
        formula = f"read_parquet('{quoted(out / 'formula.parquet')}')"
        outside = f"(SELECT s.* FROM {stored} s ANTI JOIN {formula} f ON f.doc_id = s.doc_id AND f.para_no = s.para_no)"
        # Text reuse, Python but for its one query, in a thread beside the counts, which DuckDB makes
        # with the GIL let go (the tail of a build of 1,000 documents 1.9 -> 1.45 s); its query on a
        # cursor of this database, so that one memory limit bounds both. Only for a corpus of up to
        # ``SIDE_BY_SIDE_DOCS``: at 20,000 documents the pairs' index beside DuckDB's buffers took
        # the build to 1.2 GB, so there the text is read after the counts and the pairs found once
        # DuckDB has let its memory go (920 MiB).
        beside = n_docs <= SIDE_BY_SIDE_DOCS
        with ThreadPoolExecutor(1) as pool:
            reuse = pool.submit(_write_reuse, folder, n_docs, outside, con.cursor()) if beside else None
            for name, query in rest:
                con.execute(f"COPY ({query}) TO '{quoted(out / f'{name}.parquet')}' (FORMAT parquet)")
            for name in NOTE_TABLES:
                (folder / f"{name}.parquet").unlink()
            write_theme_mentions(con, out)
            for where in (folder, out):  # the whole corpus's term counts, summed once (``store.term_query.TOTALS``)
                totals = TOTALS_QUERY.format(path=quoted(where / "terms.parquet"))
                con.execute(f"COPY ({totals}) TO '{quoted(where / f'{TOTALS}.parquet')}' (FORMAT parquet)")
            if reuse is not None:
                reuse.result()
            else:
                _write_reuse_text(out, n_docs, outside, con.cursor())
    finally:
        con.close()
        shutil.rmtree(spill, ignore_errors=True)
    if not beside:
        _write_reuse_pairs(folder, out, n_docs)


SIDE_BY_SIDE_DOCS = 5_000


def _write_reuse(folder: Path, n_docs: int, sentences: str, cursor: duckdb.DuckDBPyConnection) -> None:
    """``reuse_text``, read with ``cursor``, then the ``reuse_pairs`` found in it."""
    _write_reuse_text(folder / FOLDER, n_docs, sentences, cursor)
    _write_reuse_pairs(folder, folder / FOLDER, n_docs)


REUSE_TEXT_COLUMNS = ["doc_id", "para_no", "text"]


def _write_reuse_text(out: Path, n_docs: int, sentences: str, cursor: duckdb.DuckDBPyConnection) -> None:
    """``reuse_text``: the analysed paragraphs as text reuse reads them, without the corpus's stock
    sentences and without the paragraphs that are only item notes (``store.tables.reuse_table``).
    Streamed a batch at a time, in the order doc_id, para_no; ``sentences``: the analysed
    paragraphs' ``SENTENCE_ROWS``; ``cursor``: a cursor of the build's database, closed here."""
    query, params = sentence_query(None, n_docs=n_docs, sentences=sentences)
    schema = pa.schema([("doc_id", pa.string()), ("para_no", pa.int64()), ("text", pa.string())])
    with cursor, pq.ParquetWriter(out / "reuse_text.parquet", schema) as writer:
        for frame in batches(cursor, query, params):
            kept = frame[~frame["text"].map(is_note_only).astype(bool)].astype({"para_no": "int64"})
            writer.write_table(pa.Table.from_pandas(kept[REUSE_TEXT_COLUMNS], schema=schema, preserve_index=False))


REUSE_SIMILARITY = 0.6  # the least similarity of the view the Text reuse page opens on


def _write_reuse_pairs(folder: Path, out: Path, n_docs: int) -> None:
    """``reuse_pairs``: the text reuse pairs of every document at ``REUSE_SIMILARITY``, without
    stock passages (``store.tables.reuse_table``'s rows before a kind is chosen), so that the
    Text reuse page's first view is read, not computed (4-5 s at 20,000 documents)."""
    docs = pd.read_parquet(folder / "docs.parquet")
    paragraphs = pd.read_parquet(out / "reuse_text.parquet")
    pairs = pairs_without_stock(paragraphs, docs, min_similarity=REUSE_SIMILARITY, n_docs=n_docs)
    pairs.to_parquet(out / "reuse_pairs.parquet", index=False)


def reuse_pairs(corpus: Corpus, doc_ids: list[str], min_similarity: float) -> pd.DataFrame | None:
    """The stored ``reuse_pairs`` when ``corpus`` is a built analysed corpus and the view is the
    one they were found for (every document, ``REUSE_SIMILARITY``); else None."""
    path = corpus.folder / "reuse_pairs.parquet" if corpus.folder is not None else None
    if path is None or not path.exists() or min_similarity != REUSE_SIMILARITY:
        return None
    if len(doc_ids) != len(corpus.docs) or not corpus.docs["doc_id"].isin(doc_ids).all():
        return None
    return pd.read_parquet(path)


def reuse_text(corpus: Corpus, doc_ids: list[str]) -> pd.DataFrame | None:
    """These documents' rows of ``reuse_text`` when ``corpus`` is a built analysed corpus (its
    folder holds it), else None."""
    path = corpus.folder / "reuse_text.parquet" if corpus.folder is not None else None
    if path is None or not path.exists():
        return None
    return corpus.tables.sql(
        f"SELECT * FROM read_parquet('{quoted(path)}') WHERE doc_id IN (SELECT unnest(?::VARCHAR[])) "
        "ORDER BY doc_id, para_no",
        [doc_ids],
    )


def _views(con: duckdb.DuckDBPyConnection, folder: Path, marked: pd.DataFrame | None) -> None:
    # file_row_number keeps each table's order: the analysed tables list rows as the build wrote them
    for name in ("docs", "paragraphs", "para_terms", "tokens", "coded", *NOTE_TABLES):
        path = quoted(folder / f"{name}.parquet")
        con.execute(
            f"CREATE VIEW {name.rsplit('/', 1)[-1]} AS SELECT * FROM read_parquet('{path}', file_row_number = true)"
        )
    if marked is None or marked.empty:
        marked = pd.DataFrame({"doc_id": pd.Series([], dtype=object), "para_no": pd.Series([], dtype="int64")})
    con.register("marked", marked.astype({"doc_id": object, "para_no": "int64"}))
    con.execute("CREATE TEMP TABLE formula AS SELECT doc_id::VARCHAR AS doc_id, para_no::BIGINT AS para_no FROM marked")


_KEEP = "ANTI JOIN formula f ON f.doc_id = {t}.doc_id AND f.para_no = {t}.para_no"
_QUERIES = {
    "formula": "SELECT doc_id, para_no FROM formula ORDER BY doc_id, para_no",
    "notes": f"SELECT n.doc_id, n.para_no, n.tokens FROM note_tokens n {_KEEP.format(t='n')} ORDER BY n.file_row_number",
    "paragraphs": f"SELECT p.* EXCLUDE (file_row_number) FROM paragraphs p {_KEEP.format(t='p')} ORDER BY p.file_row_number",
    "coded": f"SELECT c.* EXCLUDE (file_row_number) FROM coded c {_KEEP.format(t='c')} ORDER BY c.file_row_number",
    "tokens": "SELECT t.doc_id, t.para_no, coalesce(n.tokens, t.tokens) AS tokens FROM tokens t "
    f"{_KEEP.format(t='t')} LEFT JOIN note_tokens n ON n.doc_id = t.doc_id AND n.para_no = t.para_no "
    "ORDER BY t.file_row_number",
    "para_terms": "SELECT p.doc_id, p.para_no, p.term, (p.count - coalesce(c.count, 0))::INTEGER AS count "
    f"FROM para_terms p {_KEEP.format(t='p')} LEFT JOIN note_terms c "
    "ON c.doc_id = p.doc_id AND c.para_no = p.para_no AND c.term = p.term "
    "WHERE p.count > coalesce(c.count, 0) ORDER BY p.file_row_number",
    # as store.assemble.terms_of sums them: documents in the docs table's order, the most frequent first
    "terms": "SELECT s.doc_id, s.term, s.count FROM (SELECT p.doc_id, p.term, sum(p.count - coalesce(c.count, 0))::BIGINT AS count "
    f"FROM para_terms p {_KEEP.format(t='p')} LEFT JOIN note_terms c "
    "ON c.doc_id = p.doc_id AND c.para_no = p.para_no AND c.term = p.term "
    "WHERE p.count > coalesce(c.count, 0) GROUP BY p.doc_id, p.term) s JOIN docs d ON d.doc_id = s.doc_id "
    "ORDER BY d.file_row_number, s.count DESC, s.term",
}


def _link(source: Path, target: Path) -> None:
    target.parent.mkdir(parents=True, exist_ok=True)
    try:
        os.link(source, target)
    except OSError:  # a file system without hard links
        shutil.copy2(source, target)
