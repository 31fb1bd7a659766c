"""The build: a map over the documents (here, in a process pool, or on a Dask cluster) and a sum
written a batch at a time (``store.parts``), so it holds one batch's rows, not the corpus's. A
worker (a local process or a Dask worker) processes and assembles a piece of a batch; the
building process only names, joins and writes what comes back.
``load.load_corpus`` calls it when the cache has no tables for a corpus state."""

from __future__ import annotations

import itertools
import multiprocessing
import os
import pickle
import threading
from collections import deque
from concurrent.futures import ProcessPoolExecutor
from dataclasses import replace
from pathlib import Path

import pandas as pd

from explore.ingest.document import ProcessedDoc
from explore.ingest.meta import read_overrides
from explore.ingest.read import Skipped
from explore.store.analysed import NOTE_TABLES, write_analysed
from explore.store.assemble import (
    PARA_TERMS_COLUMNS,
    PARAGRAPHS_COLUMNS,
    TOKENS_COLUMNS,
    DocIds,
    batch_tables,
    docs_frame,
    override_rows,
    skipped_table,
    terms_of,
    unknown_overrides,
)
from explore.store.corpus import TABLES
from explore.store.load import Manifest, cache_dir, init_worker, process_one, segmenter_backend
from explore.store.parts import TableWriters
from explore.store.per_doc import CODED_COLUMNS, NOTE_TERMS_COLUMNS, NOTE_TOKENS_COLUMNS, empty_figures, empty_items
from explore.store.query import LARGE

# Below this many characters a process pool costs more (a jieba dictionary per worker) than it saves.
PARALLEL_MIN_CHARS = 2_000_000


def build_tables(
    root: Path, manifest: Manifest, folder: Path, *, use_cache, workers, scheduler, progress, batch
) -> dict:
    """Process every document (from the per-document cache where it can) and write the tables
    into ``folder``, one batch after another, in the folder's file order."""
    overrides_problem = None
    try:
        overrides = read_overrides(root)
    except ValueError as err:
        overrides, overrides_problem = pd.DataFrame(columns=["file"]), Skipped("metadata.csv", str(err))
    rows = override_rows(overrides)
    doc_root = cache_dir() / "docs" / manifest.fingerprint
    todo_chars = 0
    jobs = []  # (rel, cached pickle path, the job's arguments)
    for entry, sha in manifest.files:
        cached = doc_root / f"{sha}.pkl"
        jobs.append((entry.name, cached, (entry, root, cached, segmenter_backend())))
        if not (use_cache and cached.exists()):
            todo_chars += entry.path.stat().st_size
    n_workers = (
        workers if workers is not None else (min(2, os.cpu_count() or 1) if todo_chars >= PARALLEL_MIN_CHARS else 1)
    )
    (folder / "analysed").mkdir(parents=True, exist_ok=True)
    writers = TableWriters(folder, ("docs", *LARGE, *NOTE_TABLES))
    ids, problems, known = DocIds(), list(manifest.unread), set()
    done, segmented = 0, 0
    chunks = [jobs[start : start + batch] for start in range(0, len(jobs), batch)]
    if scheduler is not None:
        assembled = _batches_on_dask(scheduler, chunks, rows, use_cache=use_cache)
    else:
        assembled = _batches_here(root, n_workers, chunks, rows, use_cache=use_cache)
    for chunk, pieces in zip(chunks, assembled, strict=True):
        parts = []
        for files, tables, found, fresh in pieces:
            # each piece's documents were named as if no earlier piece had taken their ids: the
            # few an earlier one took (a.txt, then a.html) are renamed here
            renamed = {a: b for a, b in zip(DocIds()(files), ids(files), strict=True) if a != b}
            parts.append({name: _renamed(frame, renamed) for name, frame in tables.items()} if renamed else tables)
            problems += found
            known.update(files)
            segmented += fresh
        tables = _joined(parts)
        writers.write({**tables, **{name: tables[name.rsplit("/", 1)[1]] for name in NOTE_TABLES}})
        done += len(chunk)
        if progress:
            progress(done, len(manifest.files))
    problems += unknown_overrides(rows, known, "metadata.csv")
    if overrides_problem:
        problems.append(overrides_problem)
    problems.sort(key=lambda s: s.file)
    skipped_table(problems).to_parquet(folder / "skipped.parquet", index=False)
    writers.close({name: _EMPTY[name]() for name in (*TABLES, *NOTE_TABLES)})
    write_analysed(folder)  # the formula, known once every document is in, and the counts without it
    return {"cached": 0, "segmented": segmented}


def assemble_batch(results: list, rows: dict[str, dict]) -> tuple[list[str], dict[str, pd.DataFrame], list, int]:
    """One batch's tables from its documents' results (``ProcessedDoc`` or ``Skipped``), each
    document named as ``DocIds`` names it within the batch: (the processed files, the tables,
    the problems, how many documents were processed rather than read from the cache). A worker
    assembles its piece; the building process only names, joins and writes the pieces."""
    processed = [r for r, _ in results if not isinstance(r, Skipped)]
    problems = [r for r, _ in results if isinstance(r, Skipped)]
    files = [p.file for p in processed]
    tables = batch_tables(processed, rows, ids=DocIds()(files), problems=problems, overrides_source="metadata.csv")
    return files, tables, problems, sum(fresh for _, fresh in results)


def _renamed(frame: pd.DataFrame, renamed: dict[str, str]) -> pd.DataFrame:
    if "doc_id" not in frame.columns:
        return frame
    return frame.assign(doc_id=[renamed.get(d, d) for d in frame["doc_id"]])


def _joined(parts: list[dict[str, pd.DataFrame]]) -> dict[str, pd.DataFrame]:
    """One batch's tables from its pieces' tables, in order (a piece without rows adds none)."""
    if len(parts) == 1:
        return parts[0]
    joined = {}
    for name in parts[0]:
        frames = [part[name] for part in parts if not part[name].empty]
        joined[name] = pd.concat(frames, ignore_index=True) if frames else parts[0][name]
    return joined


def _batches_here(root: Path, n_workers: int, chunks: list, rows: dict, *, use_cache: bool):
    """Each chunk's pieces, each piece's ``assemble_batch``: here, or in a local process pool
    whose workers process and assemble pieces of a few dozen documents, as Dask's do, so that
    they never wait while this process writes, and none is left with a long piece at the end."""
    if n_workers <= 1:
        for chunk in chunks:
            yield [_batch_on_worker(chunk, rows, use_cache)]
        return
    size = max(1, -(-max(map(len, chunks), default=1) // (4 * n_workers)))
    pieces = [[chunk[at : at + size] for at in range(0, len(chunk), size)] for chunk in chunks]
    waiting = (piece for chunk_pieces in pieces for piece in chunk_pieces)
    context = multiprocessing.get_context(_start_method())
    pool = ProcessPoolExecutor(n_workers, mp_context=context, initializer=init_worker, initargs=(root, os.getpid()))
    try:
        pending = deque(
            pool.submit(_batch_on_worker, piece, rows, use_cache) for piece in itertools.islice(waiting, 4 * n_workers)
        )
        _import_for_the_sum()
        for chunk_pieces in pieces:
            results = []
            for _ in chunk_pieces:
                results.append(pending.popleft().result())
                if (piece := next(waiting, None)) is not None:
                    pending.append(pool.submit(_batch_on_worker, piece, rows, use_cache))
            yield results
    finally:
        pool.shutdown(cancel_futures=True)


def _import_for_the_sum() -> None:
    """Import what ``write_analysed`` needs once every document is in (text reuse's datasketch
    takes half a second), while the workers are busy and this process would only wait."""
    import explore.analysis.reuse  # noqa: F401


def _batch_on_worker(chunk: list, rows: dict, use_cache: bool):
    """``assemble_batch`` of one piece on a worker (a local process or Dask's): its documents
    read from the cache the workers share, or processed here."""
    results = []
    for rel, cached, args in chunk:
        doc = _cached(cached, rel) if use_cache else None
        results.append((doc, False) if doc is not None else (process_one(args), True))
    return assemble_batch(results, rows)


def _batches_on_dask(scheduler: str | object, chunks: list, rows: dict, *, use_cache: bool):
    """Each chunk's ``assemble_batch`` (a list of one piece), in order, a chunk a task on a Dask
    cluster's workers: they process and assemble, the client only writes. Twice as many chunks as the cluster has
    threads are in flight (the workers never wait for the client; their memory holds that many
    batches at most); a task whose worker is lost is run again elsewhere."""
    from distributed import Client

    client = scheduler if isinstance(scheduler, Client) else Client(scheduler)
    try:
        ahead = max(2, 2 * sum(client.nthreads().values()))
        pending = deque()
        waiting = iter(chunks)
        for chunk in itertools.islice(waiting, ahead):
            pending.append(client.submit(_batch_on_worker, chunk, rows, use_cache, pure=False))
        _import_for_the_sum()
        while pending:
            future = pending.popleft()
            result = future.result()
            future.release()  # a written batch leaves the cluster's memory
            if (chunk := next(waiting, None)) is not None:
                pending.append(client.submit(_batch_on_worker, chunk, rows, use_cache, pure=False))
            yield [result]
    finally:
        if client is not scheduler:
            client.close()


def _cached(path: Path, name: str):
    """A processed document from the per-document cache under the file ``name`` it has now, or
    None (a damaged entry is rebuilt)."""
    if not path.exists():
        return None
    try:
        doc = pickle.loads(path.read_bytes())
    except Exception:
        return None
    return replace(doc, file=name) if isinstance(doc, ProcessedDoc) else None


def _start_method() -> str:
    """How the pool's workers start: forked (quick, and a script without a ``__main__`` guard
    works) from a process with one thread; spawned from one with more (the app's server, a topic
    model fitting in the background), where a fork can crash the child."""
    return "fork" if threading.active_count() == 1 and "fork" in multiprocessing.get_all_start_methods() else "spawn"


_EMPTY = {
    "docs": lambda: docs_frame([]),
    "paragraphs": lambda: pd.DataFrame(columns=PARAGRAPHS_COLUMNS),
    "terms": lambda: terms_of(pd.DataFrame(columns=PARA_TERMS_COLUMNS), []),
    "para_terms": lambda: pd.DataFrame(columns=PARA_TERMS_COLUMNS),
    "tokens": lambda: pd.DataFrame(columns=TOKENS_COLUMNS),
    "items": empty_items,
    "figures": empty_figures,
    "coded": lambda: pd.DataFrame(columns=CODED_COLUMNS).astype(
        {"doc_id": "string", "para_no": "int64", "code": "string"}
    ),
    "skipped": lambda: skipped_table([]),
    # typed, so that DuckDB joins them when no document holds a note
    "analysed/note_tokens": lambda: pd.DataFrame(columns=NOTE_TOKENS_COLUMNS).astype(
        {"doc_id": "string", "para_no": "int32", "tokens": "string"}
    ),
    "analysed/note_terms": lambda: pd.DataFrame(columns=NOTE_TERMS_COLUMNS).astype(
        {"doc_id": "string", "para_no": "int32", "term": "string", "count": "int32"}
    ),
}
