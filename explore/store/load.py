"""The loading layer: a corpus folder → the DataFrames every page and command uses (pure).

Data contract (every frame is built here and nowhere else):

``docs`` — one row a readable document
    doc_id (str, the file's path without extension), file (path relative to the corpus, '/'),
    district, city, province (str, '' when unknown), year (Int64, <NA> when unknown),
    date (str ISO yyyy-mm-dd, '' when the document states none), title, source (str),
    doc_type ('official document' | 'report' | 'resolution' | 'news report' | 'other'),
    level ('national' | 'province' | 'city' | 'county' | '': the issuing body's level),
    issuer (the issuing bodies as written, joined by ' | '; '' when none is named),
    doc_number (its own 发文字号 as written, '' when it states none), number_org, number_year,
    number_serial (its parts: 罗办发, 2017, 1; '', <NA>, <NA> without one), genre (文种: 通知,
    意见, 方案 … the genre word the title ends with, ``data/genres.txt``; '' when none),
    script ('simplified' | 'traditional' | 'mixed' | 'none'), encoding (str),
    n_chars (characters of analysis text), n_paragraphs, n_tokens (terms counted),
    repaired_spans (misdecoded runs read again), damaged_spans (places left lost or unreadable),
    sha1 (of the file's bytes)
``paragraphs`` — one row a paragraph
    doc_id, para_no (1-based), text (Simplified; damaged characters are U+FFFD),
    text_original (as written: Traditional stays Traditional; damaged runs visible), n_chars
``terms`` — doc_id, term, count (terms of a document, summed over its paragraphs)
``para_terms`` — doc_id, para_no, term, count (so every count traces back to a passage)
``tokens`` — doc_id, para_no, tokens (the paragraph's tokens in order, joined by single spaces;
    punctuation kept, whitespace dropped: collocates and n-grams need the order)
``items`` — one row a reform item (``analysis.items.ITEM_COLUMNS``), read once a document in
    the build and themed with the shipped lexicon
``figures`` — one row a figure (``analysis.figures.FIGURE_COLUMNS``), read once a document
``coded`` — doc_id, para_no, code: each code the shipped codebooks (``data/codebook.txt``, the
    starter; ``data/instruments.txt``, Rothwell & Zegveld's policy instruments) give a
    paragraph, found once a document
``skipped`` — file, reason (every file that is not a document, and why)
``term_totals`` — term, count, n_docs: ``terms`` summed over every document (``store.term_query.TOTALS``),
    the most frequent first; ``analysed/term_totals`` the same of the analysed terms
``analysed/`` — the corpus as the analyses count it (``store.analysed``): paragraphs, terms,
    para_terms and tokens as above without the formula paragraphs and item notes, coded without
    the formula paragraphs, items and figures (the same files), ``formula`` (doc_id, para_no of each formula paragraph),
    ``formula_lines`` (``store.formula.FORMULA_COLUMNS``: the shapes that recur) and ``notes``
    (doc_id, para_no, tokens: a noted paragraph's tokens outside its notes) and ``reuse_text``
    (doc_id, para_no, text: the paragraphs as text reuse reads them, without stock sentences) and
    ``theme_mentions`` (doc_id, para_no, theme, mentions: the shipped lexicon's theme mentions,
    ``store.theme_counts``), ``doc_theme_mentions`` (doc_id, theme, mentions: the same summed a
    document) and ``reuse_pairs`` (``analysis.reuse.REUSE_COLUMNS``: the text reuse
    pairs of every document at the Text reuse page's first similarity, without stock passages)

Caching. ``load_corpus`` keys everything by the bytes of every file, ``metadata.csv``, the
dictionaries and ``PIPELINE_VERSION``. Per-document results are kept under
``<cache>/docs/`` so that a changed corpus only re-segments changed files; the assembled
tables are kept as Parquet under ``<cache>/corpus-<key>/`` so a warm start only reads them,
after checking them against the folder's manifest (``store.integrity``): a damaged folder is rebuilt.
The cache folder is ``$EXPLORE_CACHE_DIR`` or ``~/.cache/explore``.
"""

from __future__ import annotations

import functools
import hashlib
import logging
import os
import pickle
import shutil
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from explore.ingest.folder import Entry, read_file, scan
from explore.ingest.read import Skipped
from explore.store import integrity
from explore.store.assemble import (  # noqa: F401  (the column lists are the data contract's; callers import them here)
    DOCS_COLUMNS,
    PARA_TERMS_COLUMNS,
    PARAGRAPHS_COLUMNS,
    SKIPPED_COLUMNS,
    TERMS_COLUMNS,
    TOKENS_COLUMNS,
    assemble,
)
from explore.store.corpus import TABLES, Corpus
from explore.store.hashes import ContentHashes
from explore.store.query import LARGE

PIPELINE_VERSION = "85"
log = logging.getLogger(__name__)
# and the corpus as the analyses count it (``store.analysed.write_analysed``), kept under analysed/
ON_DISK = (*TABLES, "term_totals", *(f"analysed/{name}" for name in
                      ("paragraphs", "terms", "para_terms", "tokens", "items", "figures", "coded", "formula", "formula_lines", "notes", "reuse_text",
                       "theme_mentions", "doc_theme_mentions", "reuse_pairs", "term_totals")))  # fmt: skip


def cache_dir() -> Path:
    return Path(os.environ.get("EXPLORE_CACHE_DIR") or Path.home() / ".cache" / "explore")


@functools.cache
def _rules_fingerprint() -> str:
    """Changes whenever the code or a data file that reads a document changes: a document's
    cached items and figures are then read again (a rule tuned without a PIPELINE_VERSION bump
    must not leave old answers in the cache)."""
    package = Path(__file__).resolve().parents[1]
    h = hashlib.sha1()
    for path in sorted([*(package / "ingest").glob("*.py"), *(package / "analysis").glob("*.py"),
                        *(package / "data").glob("*.*")]):  # fmt: skip
        h.update(path.name.encode() + b"\0" + path.read_bytes())
    return h.hexdigest()[:16]


def _fingerprint(corpus: Path) -> str:
    from explore.ingest.dictionaries import dictionary_fingerprint

    h = hashlib.sha1(PIPELINE_VERSION.encode())
    h.update(dictionary_fingerprint(corpus).encode())
    h.update(_rules_fingerprint().encode())
    if segmenter_backend() != "jieba":  # another segmenter's tokens are another cache
        h.update(segmenter_backend().encode())
    data = Path(__file__).parents[1] / "data"
    for path in sorted(data.iterdir()):
        if path.is_file():
            h.update(path.name.encode() + path.read_bytes())
    return h.hexdigest()[:16]


@dataclass(frozen=True)
class Manifest:
    files: list[tuple[Entry, str]]  # (document file, sha1 of its bytes)
    unread: list[Skipped]
    key: str
    fingerprint: str


def _manifest(corpus: Path, *, remember: bool = True) -> Manifest:
    """The folder's documents with their content hashes (``store.hashes``: remembered by the
    files' stat unless ``remember`` is False) and the key of the corpus they make."""
    entries, unsupported = scan(corpus)
    fingerprint = _fingerprint(corpus)
    h = hashlib.sha1(fingerprint.encode())
    files, unread = [], list(unsupported)
    hashes = ContentHashes(corpus, cache_dir(), remember=remember)
    for entry in entries:
        try:
            sha = hashes.of(entry)
        except OSError as err:
            unread.append(Skipped(entry.name, f"cannot be opened: {err.strerror or err}"))
            continue
        files.append((entry, sha))
        h.update(f"{entry.name}\0{sha}\n".encode())
    hashes.save()
    for s in unsupported:
        h.update(f"{s.file}\0{s.reason}\n".encode())
    meta_csv = corpus / "metadata.csv"
    if meta_csv.exists():
        h.update(meta_csv.read_bytes())
    return Manifest(files, unread, h.hexdigest()[:20], fingerprint)


# --- per-document work (runs in worker processes too) ---------------------------------------

_SEGMENTERS: dict[str, object] = {}
_SEGMENTER_LOCK = threading.Lock()


def segmenter_backend() -> str:
    """rjieba (jieba-rs, the default: about ten times faster cutting, so that a cold build costs
    no more than bare jieba) or jieba (the reference: ``EXPLORE_SEGMENTER=jieba`` cuts exactly as
    jieba does; on the seeds three near-ties differ, 风正劲, 步道, 相互关系), from
    ``$EXPLORE_SEGMENTER``."""
    return os.environ.get("EXPLORE_SEGMENTER") or "rjieba"


def _segmenter(corpus: Path | None, backend: str | None = None):
    """One segmenter per process, set of dictionaries and backend: building one costs about a second."""
    from explore.ingest.dictionaries import dictionary_fingerprint
    from explore.ingest.text import Segmenter

    backend = backend or segmenter_backend()
    key = f"{dictionary_fingerprint(corpus)}-{backend}"
    with _SEGMENTER_LOCK:  # a page asking while the app builds it in the background waits for that one
        if key not in _SEGMENTERS:
            _SEGMENTERS[key] = Segmenter.for_corpus(corpus, backend=backend)
        return _SEGMENTERS[key]


def segmenter_for(corpus: Path | None):
    """The segmenter a corpus folder's documents are cut with (its own dictionaries included)."""
    return _segmenter(corpus)


def process_one(args: tuple[Entry, Path, Path, str]):
    entry, corpus, doc_cache, backend = args  # the backend travels along: a Dask worker has its own environment
    from explore.ingest.document import process
    from explore.store.per_doc import with_analysis

    raw = read_file(entry)
    if isinstance(raw, Skipped):
        return raw
    try:
        result = with_analysis(process(raw, _segmenter(corpus, backend)))
    except Exception as err:  # one broken document must never stop the build
        return Skipped(raw.file, f"could not be processed: {type(err).__name__}: {err}")
    _write_pickle(doc_cache, result)
    return result


def _write_pickle(path: Path, obj: object) -> None:
    integrity.write_whole(
        path, pickle.dumps(obj, protocol=pickle.HIGHEST_PROTOCOL)
    )  # concurrent builds never see half a file


def init_worker(corpus: Path, parent: int) -> None:
    _die_with(parent)
    _segmenter(corpus)


def _die_with(parent: int) -> None:
    """A pool worker ends when the build that started it is killed (Linux: the parent-death
    signal), so a killed build leaves no process behind."""
    try:
        import ctypes
        import signal

        ctypes.CDLL(None, use_errno=True).prctl(1, signal.SIGKILL)  # 1 = PR_SET_PDEATHSIG
    except (OSError, AttributeError):  # not Linux: the pool's own shutdown has to do
        return
    if os.getppid() != parent:  # the parent died before the signal was set
        os._exit(1)


# --- the build: a map over documents, written out a batch at a time -------------------------

BATCH = 128  # documents a batch: the most rows a build holds at once (256 held ~100 MiB more, no faster)


def load_corpus(
    corpus: str | Path,
    *,
    use_cache: bool = True,
    workers: int | None = None,
    scheduler: str | object | None = None,
    progress: Callable[[int, int], None] | None = None,
    batch: int = BATCH,
) -> Corpus:
    """Load (or build and cache) a corpus folder's tables.

    ``workers``: processes for segmenting uncached documents (default: both cores when there
    is enough text to pay for them). ``scheduler``: a Dask scheduler's address
    (``tcp://host:8786``) or a ``distributed.Client``; the documents are then processed on its
    workers, which must see the corpus folder and the cache folder at the same paths (a
    shared file system). ``progress(done, total)`` is called as documents finish. The tables
    are written ``batch`` documents at a time, so a build holds one batch's rows, not the
    corpus's; a cached corpus reads its large tables only when asked (``Corpus``).
    Raises ``FileNotFoundError`` for a missing folder; a bad file never raises, it is skipped.
    """
    if batch < 1:
        raise ValueError(f"batch must be at least 1, got {batch}")
    t0 = time.perf_counter()
    root = Path(corpus).resolve()
    manifest = _manifest(root, remember=use_cache)
    cache = cache_dir()
    store = cache / f"corpus-{manifest.key}"
    stats: dict[str, float | str] = {"cached": 1}
    integrity.sweep(cache)  # what killed builds left
    damaged = integrity.problem(store, ON_DISK, pipeline=PIPELINE_VERSION) if use_cache and store.exists() else None
    if damaged:  # never trusted: rebuilt into a fresh folder, and said so
        log.warning("the cached tables in %s were not used and are rebuilt: %s", store, damaged)
        integrity.remove(store)
    if not (use_cache and store.exists()):
        integrity.writable(cache)
        folder = store.with_name(store.name + f".tmp{os.getpid()}")
        from explore.store.build import build_tables

        stats = build_tables(root, manifest, folder, use_cache=use_cache, workers=workers, scheduler=scheduler,
                       progress=progress, batch=batch)  # fmt: skip
        integrity.write(folder, ON_DISK, pipeline=PIPELINE_VERSION)  # last: a folder without it is unfinished
        if use_cache:
            _publish(folder, store)
        else:
            store = folder
    if damaged:
        stats["rebuilt"] = damaged
    docs, skipped = (pd.read_parquet(store / f"{name}.parquet") for name in ("docs", "skipped"))
    large = {name: pd.read_parquet(store / f"{name}.parquet") for name in LARGE} if not use_cache else {}
    if not use_cache:
        shutil.rmtree(store, ignore_errors=True)
    return Corpus(root, docs, skipped=skipped, **large, key=manifest.key,
                  stats={"seconds": time.perf_counter() - t0, **stats}, folder=store if use_cache else None)  # fmt: skip


def _publish(folder: Path, store: Path) -> None:
    if store.exists():
        shutil.rmtree(folder, ignore_errors=True)  # another process won the race; its copy is identical
        return
    try:
        folder.replace(store)
    except OSError:
        shutil.rmtree(folder, ignore_errors=True)
