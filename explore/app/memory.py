"""Giving back what a page run leaves behind.

Streamlit runs a page as a fresh ``__main__`` module, and a function the script defines (``app.py``'s
``page``, a page's helpers) points back at the module's namespace: the namespace, and every table
the page held in it, is garbage in a reference cycle, which only the collector's full pass frees.
CPython makes that pass rarely once the heap is large (the segmenter's dictionary, the
gazetteer: millions of objects), so each page's tables stayed until then. At 20,000 documents, the
21 pages run in one process: peak 1,046–1,146 MiB left to CPython, 869–881 MiB with a full pass
after every run (``bench/pages.py``). The pass takes 0.1–0.2 s on that heap, so it runs only once
the process has grown by ``GROWTH_MIB`` since the last: a first visit that built tables pays it, a
rerun does not."""

from __future__ import annotations

import gc
import os

GROWTH_MIB = 48
_LEAST = [0.0]  # the process's least resident memory (MiB) since the last pass


def resident_mib() -> float | None:
    """This process's resident memory now (MiB), or None where /proc is not there."""
    try:
        with open("/proc/self/statm") as f:
            return int(f.read().split()[1]) * os.sysconf("SC_PAGE_SIZE") / 2**20
    except (OSError, ValueError, IndexError):
        return None


def release(*, growth_mib: float = GROWTH_MIB) -> bool:
    """A full collection when the process has grown by ``growth_mib`` over its least size since
    the last (always where its size cannot be read); True when one ran."""
    now = resident_mib()
    if now is not None:
        _LEAST[0] = min(_LEAST[0], now)  # tables freed by their last reference lower the mark
        if now - _LEAST[0] < growth_mib:
            return False
    gc.collect()
    _LEAST[0] = resident_mib() or 0.0
    return True
