"""The loading layer: a corpus folder → the DataFrames every page and command uses (pure).

Data contract (every frame is built here and nowhere else):

``docs`` — one row a readable document
    doc_id (str, the file's path without extension), file (path relative to the corpus, '/'),
    district, city, province (str, '' when unknown), year (Int64, <NA> when unknown),
    date (str ISO yyyy-mm-dd, '' when the document states none), title, source (str),
    doc_type ('official document' | 'news report' | 'other'),
    script ('simplified' | 'traditional' | 'mixed' | 'none'), encoding (str),
    n_chars (characters of analysis text), n_paragraphs, n_tokens (terms counted),
    repaired_spans (misdecoded runs read again), damaged_spans (places left lost or unreadable),
    sha1 (of the file's bytes)
``paragraphs`` — one row a paragraph
    doc_id, para_no (1-based), text (Simplified; damaged characters are U+FFFD),
    text_original (as written: Traditional stays Traditional; damaged runs visible), n_chars
``terms`` — doc_id, term, count (terms of a document, summed over its paragraphs)
``para_terms`` — doc_id, para_no, term, count (so every count traces back to a passage)
``skipped`` — file, reason (every file that is not a document, and why)

Caching. ``load_corpus`` keys everything by the bytes of every file, ``metadata.csv``, the
dictionaries and ``PIPELINE_VERSION``. Per-document results are kept under
``<cache>/docs/`` so that a changed corpus only re-segments changed files; the assembled
tables are kept as Parquet under ``<cache>/corpus-<key>/`` so a warm start only reads them.
The cache folder is ``$EXPLORE_CACHE_DIR`` or ``~/.cache/explore``.
"""

from __future__ import annotations

import hashlib
import os
import pickle
import shutil
import time
from array import array
from collections.abc import Callable
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field, replace
from pathlib import Path

import numpy as np
import pandas as pd

from explore.ingest.meta import apply_override, read_overrides
from explore.ingest.read import Skipped, content_hash, list_files, read_file

PIPELINE_VERSION = "11"
TABLES = ("docs", "paragraphs", "terms", "para_terms", "skipped")
DOCS_COLUMNS = [
    "doc_id", "file", "district", "city", "province", "year", "date", "published", "title", "source", "doc_type",
    "script", "encoding", "n_chars", "n_paragraphs", "n_tokens", "repaired_spans", "damaged_spans", "guessed_chars", "sha1",
]  # fmt: skip
PARAGRAPHS_COLUMNS = ["doc_id", "para_no", "text", "text_original", "n_chars", "guessed_chars"]
TERMS_COLUMNS = ["doc_id", "term", "count"]
PARA_TERMS_COLUMNS = ["doc_id", "para_no", "term", "count"]
SKIPPED_COLUMNS = ["file", "reason"]

# Below this many characters a process pool costs more (a jieba dictionary per worker) than it saves.
PARALLEL_MIN_CHARS = 2_000_000


@dataclass
class Corpus:
    """The loaded tables; treat them as read-only (they are shared between sessions)."""

    root: Path
    docs: pd.DataFrame
    paragraphs: pd.DataFrame
    terms: pd.DataFrame
    para_terms: pd.DataFrame
    skipped: pd.DataFrame
    key: str = ""
    stats: dict[str, float] = field(default_factory=dict)

    def table(self, name: str) -> pd.DataFrame:
        if name not in TABLES:
            raise ValueError(f"unknown table {name!r}; choose one of {', '.join(TABLES)}")
        return getattr(self, name)


def cache_dir() -> Path:
    return Path(os.environ.get("EXPLORE_CACHE_DIR") or Path.home() / ".cache" / "explore")


def _fingerprint(corpus: Path) -> str:
    from explore.ingest.dictionaries import dictionary_fingerprint

    h = hashlib.sha1(PIPELINE_VERSION.encode())
    h.update(dictionary_fingerprint(corpus).encode())
    if segmenter_backend() != "jieba":  # another segmenter's tokens are another cache
        h.update(segmenter_backend().encode())
    data = Path(__file__).parents[1] / "data"
    for path in sorted(data.iterdir()):
        if path.is_file():
            h.update(path.name.encode() + path.read_bytes())
    return h.hexdigest()[:16]


@dataclass(frozen=True)
class _Manifest:
    files: list[tuple[Path, str, str]]  # (path, relative name, sha1 of bytes)
    unread: list[Skipped]
    key: str
    fingerprint: str


def _manifest(corpus: Path) -> _Manifest:
    paths, unsupported = list_files(corpus)
    fingerprint = _fingerprint(corpus)
    h = hashlib.sha1(fingerprint.encode())
    files, unread = [], list(unsupported)
    for path in paths:
        rel = path.relative_to(corpus).as_posix()
        try:
            sha = content_hash(path.read_bytes())
        except OSError as err:
            unread.append(Skipped(rel, f"cannot be opened: {err.strerror or err}"))
            continue
        files.append((path, rel, sha))
        h.update(f"{rel}\0{sha}\n".encode())
    for s in unsupported:
        h.update(f"{s.file}\0skip\n".encode())
    meta_csv = corpus / "metadata.csv"
    if meta_csv.exists():
        h.update(meta_csv.read_bytes())
    return _Manifest(files, unread, h.hexdigest()[:20], fingerprint)


# --- per-document work (runs in worker processes too) ---------------------------------------

_SEGMENTERS: dict[str, object] = {}


def segmenter_backend() -> str:
    """jieba (the reference, the default) or rjieba (jieba-rs: about ten times faster cutting;
    on the seeds 3 of about 25,000 tokens differ), from ``$EXPLORE_SEGMENTER``."""
    return os.environ.get("EXPLORE_SEGMENTER") or "jieba"


def _segmenter(corpus: Path | None, backend: str | None = None):
    """One segmenter per process, set of dictionaries and backend: building one costs about a second."""
    from explore.ingest.dictionaries import dictionary_fingerprint
    from explore.ingest.text import Segmenter

    backend = backend or segmenter_backend()
    key = f"{dictionary_fingerprint(corpus)}-{backend}"
    if key not in _SEGMENTERS:
        _SEGMENTERS[key] = Segmenter.for_corpus(corpus, backend=backend)
    return _SEGMENTERS[key]


def segmenter_for(corpus: Path | None):
    """The segmenter a corpus folder's documents are cut with (its own dictionaries included)."""
    return _segmenter(corpus)


def _process_one(args: tuple[Path, Path, Path, str]):
    path, corpus, doc_cache, backend = args  # the backend travels along: a Dask worker has its own environment
    from explore.ingest.document import process

    raw = read_file(path, corpus)
    if isinstance(raw, Skipped):
        return raw
    try:
        result = process(raw, _segmenter(corpus, backend))
    except Exception as err:  # one broken document must never stop the build
        return Skipped(raw.file, f"could not be processed: {type(err).__name__}: {err}")
    _write_pickle(doc_cache, result)
    return result


def _write_pickle(path: Path, obj: object) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_suffix(f".tmp{os.getpid()}")
    tmp.write_bytes(pickle.dumps(obj, protocol=pickle.HIGHEST_PROTOCOL))
    tmp.replace(path)  # atomic: concurrent builds never see half a file


def _init_worker(corpus: Path) -> None:
    _segmenter(corpus)


# --- assembling the tables --------------------------------------------------------------------


def _doc_ids(files: list[str]) -> list[str]:
    ids, seen = [], set()
    for f in files:
        base = f.rsplit(".", 1)[0]
        doc_id = base if base not in seen else f
        seen.add(doc_id)
        ids.append(doc_id)
    return ids


def assemble(
    processed: list, skipped: list[Skipped], overrides: pd.DataFrame, *, overrides_source: str = "metadata.csv"
) -> dict[str, pd.DataFrame]:
    """Tables from processed documents (see the data contract in the module docstring).

    ``overrides`` (``file`` plus fields to replace) never changes the processed documents:
    they may be shared, so each override is applied to a copy of the inferred metadata."""
    override_rows = {row["file"]: row for row in overrides.to_dict("records")}
    skipped = list(skipped)
    docs_rows, para_rows, pt_doc, pt_term = [], [], [], []
    pt_para, pt_count = array("i"), array("i")
    vocab: dict[str, str] = {}
    ids = _doc_ids([p.file for p in processed])
    for doc_id, doc in zip(ids, processed, strict=True):
        meta = doc.meta
        if doc.file in override_rows:
            try:
                meta = apply_override(replace(meta), override_rows[doc.file])
            except ValueError as err:
                skipped.append(Skipped(overrides_source, f"row for {doc.file}: {err} (inferred value kept)"))
        n_chars = 0
        for para_no, ((text, original), guessed) in enumerate(zip(doc.paragraphs, doc.guessed, strict=True), 1):
            para_rows.append((doc_id, para_no, text, original, len(text), guessed))
            n_chars += len(text)
        paras, terms, counts = doc.term_rows
        pt_doc.extend([doc_id] * len(terms))
        pt_para.extend(paras)
        # One string object per distinct term: documents come back from worker processes
        # with their own copies, millions of them on a large corpus.
        pt_term.extend([vocab.setdefault(t, t) for t in terms])
        pt_count.extend(counts)
        n_tokens = sum(counts)
        docs_rows.append(
            {
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
        )
    known = {p.file for p in processed}
    for name in override_rows:
        if name not in known:
            skipped.append(Skipped(overrides_source, f"names {name!r}, which is not a loaded document"))
    docs = pd.DataFrame(docs_rows, columns=DOCS_COLUMNS)
    docs["year"] = docs["year"].astype("Int64")
    for col in ("n_chars", "n_paragraphs", "n_tokens", "repaired_spans", "damaged_spans", "guessed_chars"):
        docs[col] = docs[col].astype("int64")
    paragraphs = pd.DataFrame(para_rows, columns=PARAGRAPHS_COLUMNS)
    para_terms = pd.DataFrame(
        {
            "doc_id": pt_doc,
            "para_no": np.array(pt_para, dtype=np.int32),
            "term": pt_term,
            "count": np.array(pt_count, dtype=np.int32),
        },
        columns=PARA_TERMS_COLUMNS,
    )
    terms = (
        para_terms.groupby(["doc_id", "term"], sort=False, observed=True)["count"].sum().reset_index()
        if len(para_terms)
        else pd.DataFrame(columns=TERMS_COLUMNS)
    )
    terms = terms.sort_values(["doc_id", "count", "term"], ascending=[True, False, True], kind="stable").reset_index(
        drop=True
    )
    terms["count"] = terms["count"].astype("int64")
    skipped_df = pd.DataFrame([(s.file, s.reason) for s in skipped], columns=SKIPPED_COLUMNS)
    return {"docs": docs, "paragraphs": paragraphs, "terms": terms, "para_terms": para_terms, "skipped": skipped_df}


def load_corpus(
    corpus: str | Path,
    *,
    use_cache: bool = True,
    workers: int | None = None,
    scheduler: str | object | None = None,
    progress: Callable[[int, int], None] | None = None,
) -> Corpus:
    """Load (or build and cache) a corpus folder's tables.

    ``workers``: processes for segmenting uncached documents (default: both cores when there
    is enough text to pay for them). ``scheduler``: a Dask scheduler's address
    (``tcp://host:8786``) or a ``distributed.Client``; the documents are then processed on its
    workers, which must see the corpus folder and the cache folder at the same paths (a
    shared file system). ``progress(done, total)`` is called as documents finish. Raises
    ``FileNotFoundError`` for a missing folder; a bad file never raises, it is skipped.
    """
    t0 = time.perf_counter()
    root = Path(corpus).resolve()
    manifest = _manifest(root)
    overrides_problem = None
    try:
        overrides = read_overrides(root)
    except ValueError as err:
        overrides, overrides_problem = pd.DataFrame(columns=["file"]), Skipped("metadata.csv", str(err))
    store = cache_dir() / f"corpus-{manifest.key}"
    if use_cache and all((store / f"{name}.parquet").exists() for name in TABLES):
        tables = {name: pd.read_parquet(store / f"{name}.parquet") for name in TABLES}
        return Corpus(root, **tables, key=manifest.key, stats={"seconds": time.perf_counter() - t0, "cached": 1})
    doc_root = cache_dir() / "docs" / manifest.fingerprint
    processed, skipped, todo = [], list(manifest.unread), []
    results: dict[str, object] = {}
    for path, rel, sha in manifest.files:
        cached = doc_root / f"{sha}.pkl"
        if use_cache and cached.exists():
            try:
                results[rel] = pickle.loads(cached.read_bytes())
                results[rel].file = rel  # same bytes may live under another name
                continue
            except Exception:
                pass  # a damaged cache entry is rebuilt, never trusted
        todo.append((path, root, cached, segmenter_backend()))
    total_chars = sum(args[0].stat().st_size for args in todo)
    n_workers = (
        workers if workers is not None else (min(2, os.cpu_count() or 1) if total_chars >= PARALLEL_MIN_CHARS else 1)
    )
    done = len(results)
    if progress:
        progress(done, len(manifest.files))
    if scheduler is not None and todo:
        for rel, result in _map_on_dask(scheduler, todo, root):
            results[rel] = result
            done += 1
            if progress:
                progress(done, len(manifest.files))
    elif n_workers > 1 and len(todo) > 1:
        with ProcessPoolExecutor(n_workers, initializer=_init_worker, initargs=(root,)) as pool:
            for (path, *_), result in zip(todo, pool.map(_process_one, todo, chunksize=8), strict=True):
                results[path.relative_to(root).as_posix()] = result
                done += 1
                if progress:
                    progress(done, len(manifest.files))
    else:
        for args in todo:
            results[args[0].relative_to(root).as_posix()] = _process_one(args)
            done += 1
            if progress:
                progress(done, len(manifest.files))
    for _, rel, _ in manifest.files:
        result = results[rel]
        (skipped if isinstance(result, Skipped) else processed).append(result)
    if overrides_problem:
        skipped.append(overrides_problem)
    skipped.sort(key=lambda s: s.file)
    tables = assemble(processed, skipped, overrides)
    if use_cache:
        _write_tables(store, tables)
    return Corpus(
        root,
        **tables,
        key=manifest.key,
        stats={"seconds": time.perf_counter() - t0, "cached": 0, "segmented": len(todo)},
    )


def _map_on_dask(scheduler: str | object, todo: list[tuple[Path, Path, Path, str]], root: Path):
    """(file, result) for each document, processed on a Dask cluster's workers as they finish.

    The same ``_process_one`` as the local pool, so the tables are the same whichever ran it."""
    from distributed import Client, as_completed

    client = scheduler if isinstance(scheduler, Client) else Client(scheduler)
    try:
        futures = client.map(_process_one, todo, pure=False)
        rel_of = {f.key: args[0].relative_to(root).as_posix() for f, args in zip(futures, todo, strict=True)}
        for future in as_completed(futures):
            yield rel_of[future.key], future.result()
            future.release()  # a finished document's result leaves the cluster's memory
    finally:
        if client is not scheduler:
            client.close()


def _write_tables(store: Path, tables: dict[str, pd.DataFrame]) -> None:
    tmp = store.with_name(store.name + f".tmp{os.getpid()}")
    tmp.mkdir(parents=True, exist_ok=True)
    for name, frame in tables.items():
        frame.to_parquet(tmp / f"{name}.parquet", index=False)
    if store.exists():
        shutil.rmtree(tmp, ignore_errors=True)  # another process won the race; its copy is identical
    else:
        try:
            tmp.replace(store)
        except OSError:
            shutil.rmtree(tmp, ignore_errors=True)
