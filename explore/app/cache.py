"""The loading layer's cache: the corpus, loaded once and cleared on demand, and a session's uploads.

The corpus is loaded once per corpus folder and shared read-only across sessions
(``st.cache_resource``: no pickled copy per hit; never mutate it). A session with uploads
gets its own corpus (shared rows + its documents, ``combine.with_uploads``), kept in that
session's state only. ``corpus_for(key)`` finds either by its key; the cached analyses over
it are in ``explore.app.computed``.
"""

from __future__ import annotations

import argparse
import gc
import multiprocessing
import os
import stat
import sys
import threading
import time
import weakref
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from pathlib import Path

import pyarrow as pa
import streamlit as st

from explore.app.uploads import PREFIX, UploadLimits, read_elsewhere
from explore.ingest.read import Skipped
from explore.store.combine import SessionUploads, process_with_dictionaries, session_key, with_uploads
from explore.store.corpus import Corpus
from explore.store.load import load_corpus

UPLOADS = "uploads"  # session_state: this visitor's SessionUploads
_SESSION_CORPUS = "_session_corpus"  # session_state: shared corpus + this visitor's uploads
_SESSION_ANALYSED = "_session_analysed"  # session_state: that corpus without its formula

# The server's Arrow memory (pandas' strings, DuckDB's results) from the C library's allocator:
# mimalloc, Arrow's default, keeps what pages free, and across the 18 pages at 20,000 documents
# the server's peak was 76 MB higher with it (1,317 against 1,241 MB).
pa.set_memory_pool(pa.system_memory_pool())


def _return_freed_memory() -> None:
    """glibc's allocator, told to give large blocks back when they are freed (a page's frames of
    a few MB each) and to keep two arenas rather than one a thread (every session's script runs
    on its own thread, and memory freed in one arena never serves another): after the 18 pages
    at 20,000 documents the server held 1,251 MB instead of 1,457 before the Codes page. Elsewhere
    (macOS, musl) nothing is set."""
    import ctypes

    try:
        libc = ctypes.CDLL("libc.so.6")
        libc.mallopt(-3, 256 * 1024)  # M_MMAP_THRESHOLD: fixed, so freeing never raises it
        libc.mallopt(-8, 2)  # M_ARENA_MAX
    except (OSError, AttributeError):
        pass


_return_freed_memory()


def corpus_path() -> Path:
    """``-- --corpus DIR`` after ``streamlit run app.py``, else $EXPLORE_CORPUS, else seeds/."""
    parser = argparse.ArgumentParser(add_help=False)
    parser.add_argument("--corpus", default=None)
    args, _ = parser.parse_known_args(sys.argv[1:])
    return Path(args.corpus or os.environ.get("EXPLORE_CORPUS") or Path(__file__).resolve().parents[2] / "seeds")


@st.cache_resource(show_spinner="Loading the corpus…", max_entries=4)
def _load(path: str, change_key: str) -> Corpus:
    corpus = load_corpus(path)
    # The word cloud's font and drawing library take a second or so to find and load, and the
    # Keywords page would wait on its first visit: made ready while the visitor reads the first
    # page instead. The segmenter is not: pages read the tokens the build cut, and only a term
    # the corpus never has as one token is cut at page time (jieba's dictionary holds 130 MB).
    threading.Thread(target=_get_ready, name="get-ready", daemon=True).start()
    return corpus


READY = threading.Event()  # set once the background warm-up is done (benchmarks wait for it)


def _get_ready() -> None:
    from explore.app.cloud import warm_up
    from explore.ingest.gazetteer import place_names
    from explore.ingest.pinyin import readings
    from explore.ingest.text import part_of_speech

    warm_up()
    part_of_speech(())  # the dictionary's parts of speech, which Keywords' noun and verb choice reads (0.4 s)
    place_names()  # the national gazetteer, which keyness without place names reads (0.2 s)
    readings()  # the characters' readings, by which every page's district list sorts (0.4 s)
    # What is alive now lives as long as the server (the dictionary, the gazetteer, the corpus):
    # moved out of the collector's sight, so that the full pass a page's first visit ends with
    # (``memory.release``) reads only what pages made since, not millions of objects again
    gc.collect()
    gc.freeze()
    READY.set()


# Cached functions below look a corpus up by its small key. Weak references: a session's
# corpus disappears with the session, the shared one lives as long as its cache entry.
_CORPORA: weakref.WeakValueDictionary[str, Corpus] = weakref.WeakValueDictionary()


CHANGE_CHECK_SECONDS = 5.0  # how often the folder is looked at again for edits, at most
LOOK_SHARE = 0.04  # and at most this share of the server's time spent looking (0.4 s a look: every 10 s)
_CHECKED: dict[Path, tuple[float, str]] = {}
_LOOK_TOOK: dict[Path, float] = {}
_LOOKING: set[Path] = set()  # folders being looked at in the background now
_LOOK_LOCK = threading.Lock()


def _change_key(path: Path) -> str:
    # Cheap change detector so an edited folder is reloaded; load_corpus itself keys by content.
    # A stat of every file costs ~10 ms a thousand files (0.4 s at 20,000): after the first look
    # it is taken in the background every few seconds, and a page uses the last key found, so
    # an edit shows on the first run after that look.
    now = time.monotonic()
    last = _CHECKED.get(path)
    if last is None:
        return _look(path)
    if now - last[0] >= max(CHANGE_CHECK_SECONDS, _LOOK_TOOK.get(path, 0.0) / LOOK_SHARE):
        with _LOOK_LOCK:
            if path not in _LOOKING:
                _LOOKING.add(path)
                threading.Thread(target=_look_again, args=(path,), name="folder-check", daemon=True).start()
    return last[1]


def _look(path: Path) -> str:
    """The folder's key now, kept with the time of the look and how long it took."""
    began = time.monotonic()
    key = _stat_key(path)
    _LOOK_TOOK[path] = time.monotonic() - began
    _CHECKED[path] = (time.monotonic(), key)
    return key


def _look_again(path: Path) -> None:
    try:
        _look(path)
    finally:
        with _LOOK_LOCK:
            _LOOKING.discard(path)


def _stat_key(path: Path) -> str:
    if not path.is_dir():
        return "missing"
    stats = []
    for p in sorted(path.rglob("*")):
        try:
            s = p.stat()
        except OSError:
            continue  # removed while the folder was read: the next look sees it gone
        if stat.S_ISREG(s.st_mode):
            stats.append((str(p), s.st_mtime_ns, s.st_size))
    return str(hash(tuple(stats)))


def shared_corpus() -> Corpus:
    """The corpus folder's tables, loaded once for every session."""
    path = corpus_path().resolve()
    corpus = _load(str(path), _change_key(path))
    _CORPORA[corpus.key] = corpus
    return corpus


def get_corpus() -> Corpus:
    """This session's corpus: the shared one, plus the visitor's uploads if there are any."""
    base = shared_corpus()
    uploads: SessionUploads | None = st.session_state.get(UPLOADS)
    if uploads is None or not (uploads.docs or uploads.refused):
        return base
    mine: Corpus | None = st.session_state.get(_SESSION_CORPUS)
    if mine is None or mine.key != session_key(base, uploads):
        mine = with_uploads(base, uploads)
        st.session_state[_SESSION_CORPUS] = mine
    _CORPORA[mine.key] = mine
    return mine


@st.cache_resource(show_spinner="Setting aside what recurs across the corpus…", max_entries=4)
def _analysed_shared(key: str) -> Corpus:
    from explore.store.analysed import analysed as as_analysed

    return as_analysed(_CORPORA[key])


def analysed(corpus: Corpus) -> Corpus:
    """``corpus`` as the analyses read it by default, without its formula paragraphs and item
    notes (``store.analysed``): once per corpus, shared, or kept in the session for a corpus
    with the visitor's uploads. Registered so cached analyses find it by its key."""
    from explore.store.analysed import analysed as as_analysed

    if corpus.stats.get("uploads"):
        mine: Corpus | None = st.session_state.get(_SESSION_ANALYSED)
        if mine is None or not mine.key.startswith(corpus.key):
            mine = st.session_state[_SESSION_ANALYSED] = as_analysed(corpus)
        derived = mine
    else:
        derived = _analysed_shared(corpus.key)
    _CORPORA[derived.key] = derived
    return derived


@st.cache_resource
def _upload_pool() -> ProcessPoolExecutor:
    """One worker process for all sessions' uploads (its segmenter loads once, on first use)."""
    return ProcessPoolExecutor(max_workers=1, mp_context=multiprocessing.get_context("spawn"))


@st.cache_resource
def _read_pool() -> ProcessPoolExecutor:
    """Worker processes that unzip, decode and reduce uploads (no segmenter: each read is short,
    and a worker that hangs is stopped without taking a loaded segmenter with it)."""
    return ProcessPoolExecutor(max_workers=2, mp_context=multiprocessing.get_context("spawn"))


def add_uploads(
    files: list[tuple[str, bytes]], *, limits: UploadLimits | None = None
) -> tuple[list[str], list[Skipped]]:
    """Read, check and process uploaded files into this session's documents; returns the files
    added and those refused (with reasons). Nothing is written to disk or shared."""
    base = shared_corpus()
    current: SessionUploads = st.session_state.get(UPLOADS) or SessionUploads()
    # Reading and segmenting run in worker processes: parsing HTML or segmenting megabytes holds
    # the GIL, which would stall every other session, and parsing HTML takes much memory.
    batch, healthy = read_elsewhere(
        _read_pool(),
        files,
        limits=limits,
        used_bytes=current.n_bytes,
        used_files=len(current.docs),
        taken={d.removeprefix(PREFIX) for d in current.files},
    )
    if not healthy:
        _read_pool.clear()  # a new pool next time
    done, failed = [], []
    try:
        if batch.docs:
            done, failed = _upload_pool().submit(process_with_dictionaries, batch.docs, str(base.root)).result()
    except BrokenProcessPool:  # the worker died (out of memory?): report, and start a new one next time
        _upload_pool.clear()
        done, failed = (
            [],
            [Skipped(d.file, "could not be processed: the worker stopped; try again") for d in batch.docs],
        )
    batch.refused.extend(failed)
    st.session_state[UPLOADS] = current.add(done, batch.refused, batch.sizes)
    return [d.file for d in done], batch.refused


def edit_upload(file: str, values: dict[str, str]) -> None:
    """Correct an uploaded document's metadata for this session (``ValueError`` on a bad value)."""
    current: SessionUploads = st.session_state.get(UPLOADS) or SessionUploads()
    st.session_state[UPLOADS] = current.edit(file, values)


def remove_uploads(files: set[str] | None = None) -> None:
    """Forget some (or, with None, all) of this session's uploads."""
    current: SessionUploads = st.session_state.get(UPLOADS) or SessionUploads()
    st.session_state[UPLOADS] = SessionUploads() if files is None else current.remove(files)


def corpus_for(key: str) -> Corpus:
    """The corpus (shared, or a session's with its uploads) that has this key."""
    return _CORPORA[key]


def clear() -> None:
    """Read the corpus folder again (the Overview page's 'Reload' button).

    Analysis results stay: they are keyed by the corpus's content hash, so a changed folder
    can never be served old results, and one visitor's click does not make every other
    visitor's pages recompute."""
    _load.clear()
