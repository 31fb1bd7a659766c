"""The only place that uses Streamlit's caches.

The corpus is loaded once per corpus key and shared read-only across sessions
(``st.cache_resource``: no pickled copy per hit). Cached functions take small keys (a path and
the manifest key), never DataFrames.
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

import streamlit as st

from explore.load import Corpus, load_corpus


def corpus_path() -> Path:
    """``-- --corpus DIR`` after ``streamlit run app.py``, else $EXPLORE_CORPUS, else seeds/."""
    parser = argparse.ArgumentParser(add_help=False)
    parser.add_argument("--corpus", default=None)
    args, _ = parser.parse_known_args(sys.argv[1:])
    return Path(args.corpus or os.environ.get("EXPLORE_CORPUS") or Path(__file__).resolve().parents[1] / "seeds")


@st.cache_resource(show_spinner="Loading the corpus…", max_entries=4)
def _load(path: str, mtime_key: str) -> Corpus:
    return load_corpus(path)


def _mtime_key(path: Path) -> str:
    # Cheap change detector so an edited corpus is reloaded; load_corpus itself keys by content.
    try:
        stats = [(p.name, p.stat().st_mtime_ns, p.stat().st_size) for p in sorted(path.rglob("*")) if p.is_file()]
    except OSError:
        return "missing"
    return str(hash(tuple(stats)))


def get_corpus() -> Corpus:
    path = corpus_path()
    return _load(str(path.resolve()), _mtime_key(path))


def clear() -> None:
    _load.clear()
