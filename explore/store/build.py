"""The build: a map over the documents (here, in a process pool, or on a Dask cluster) and a sum
written a batch at a time (``store.parts``), so it holds one batch's rows, not the corpus's.
``load.load_corpus`` calls it when the cache has no tables for a corpus state."""

from __future__ import annotations

import multiprocessing
import os
import pickle
import threading
from concurrent.futures import ProcessPoolExecutor
from dataclasses import replace
from pathlib import Path

import pandas as pd

from explore.ingest.document import ProcessedDoc
from explore.ingest.folder import Entry
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
    with _Mapper(root, n_workers, scheduler) as mapper:
        for start in range(0, len(jobs), batch):
            chunk = jobs[start : start + batch]
            # the cache is keyed by content: a renamed or copied file takes its name from this scan
            results = {rel: _cached(cached, rel) if use_cache else None for rel, cached, _ in chunk}
            todo = [args for rel, _, args in chunk if results[rel] is None]
            for rel, result in mapper.map(todo):
                results[rel] = result
            segmented += len(todo)
            processed = [r for r in (results[rel] for rel, _, _ in chunk) if not isinstance(r, Skipped)]
            problems += [r for r in results.values() if isinstance(r, Skipped)]
            known.update(p.file for p in processed)
            tables = batch_tables(processed, rows, ids=ids([p.file for p in processed]), problems=problems,
                                  overrides_source="metadata.csv")  # fmt: skip
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


class _Mapper:
    """Runs ``process_one`` over a batch's documents: here, in a local process pool, or on a
    Dask cluster; yields (file, result) pairs."""

    def __init__(self, root: Path, n_workers: int, scheduler) -> None:
        self.root, self.n_workers, self.scheduler = root, n_workers, scheduler
        self._pool = None

    def __enter__(self) -> _Mapper:
        if self.scheduler is None and self.n_workers > 1:
            self._pool = ProcessPoolExecutor(
                self.n_workers, mp_context=multiprocessing.get_context(_start_method()), initializer=init_worker,
                initargs=(self.root, os.getpid()),
            )  # fmt: skip
        return self

    def __exit__(self, *_: object) -> None:
        if self._pool is not None:
            self._pool.shutdown()

    def map(self, todo: list):
        rel = [args[0].name for args in todo]
        if not todo:
            return []
        if self.scheduler is not None:
            return _map_on_dask(self.scheduler, todo, self.root)
        if self._pool is not None and len(todo) > 1:
            return zip(rel, self._pool.map(process_one, todo, chunksize=8), strict=True)
        return ((r, process_one(args)) for r, args in zip(rel, todo, strict=True))


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


def _map_on_dask(scheduler: str | object, todo: list[tuple[Entry, Path, Path, str]], root: Path):
    """(file, result) for each document, processed on a Dask cluster's workers as they finish.

    The same ``process_one`` as the local pool, so the tables are the same whichever ran it."""
    from distributed import Client, as_completed

    client = scheduler if isinstance(scheduler, Client) else Client(scheduler)
    try:
        futures = client.map(process_one, todo, pure=False)
        rel_of = {f.key: args[0].name for f, args in zip(futures, todo, strict=True)}
        for future in as_completed(futures):
            yield rel_of[future.key], future.result()
            future.release()  # a finished document's result leaves the cluster's memory
    finally:
        if client is not scheduler:
            client.close()
