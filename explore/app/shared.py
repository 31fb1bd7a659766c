"""Large results shared between sessions under one memory budget.

A page derives its tables from a few large frames of a selection: its reform items, figures,
coded paragraphs, theme tables, reuse pairs. They are shared, never copied (pages never change
them), as ``st.cache_resource`` shares; but ``st.cache_resource`` bounds each function's number of
entries, not their bytes, so the server grew with every page and every selection a visitor
opened: at 20,000 documents 1,561 MB after the 18 pages and one filter change on each, against
915 MB when nothing was kept (``bench/pages.py``). Here every such result counts against one
budget, ``BUDGET_MB``, and the least recently used go first; the newest is always kept, so a
page's reruns never compute it again.
"""

from __future__ import annotations

import contextlib
import functools
import sys
import threading
from collections import OrderedDict
from collections.abc import Callable
from typing import ParamSpec, TypeVar

import pandas as pd
import streamlit as st

BUDGET_MB = 256

P = ParamSpec("P")
R = TypeVar("R")


def size_of(value: object) -> int:
    """Bytes a result holds: a frame's columns (strings counted whole), a dict's keys and values
    or a list's items summed; ``sys.getsizeof`` for anything else."""
    if isinstance(value, pd.DataFrame):
        return int(value.memory_usage(deep=True).sum())
    if isinstance(value, pd.Series):
        return int(value.memory_usage(deep=True))
    if isinstance(value, dict):
        return size_of(list(value)) + size_of(list(value.values()))
    if isinstance(value, list | tuple):
        if all(isinstance(v, str) for v in value):  # 20,000 labels: no call a label
            return sum(map(sys.getsizeof, value))
        return sum(size_of(v) for v in value)
    return sys.getsizeof(value)


class Budget:
    """Results by key, least recently used first, whose sizes together stay under ``limit`` bytes
    (but for the newest). Thread-safe: sessions run on their own threads, and one that finds a
    result being computed waits for it rather than computing it again."""

    def __init__(self, limit: int) -> None:
        if limit <= 0:
            raise ValueError(f"a budget must be more than 0 bytes, got {limit}")
        self.limit = limit
        self._entries: OrderedDict[object, tuple[object, int]] = OrderedDict()
        self._lock = threading.Lock()
        self._computing: dict[object, threading.Lock] = {}

    def used(self) -> int:
        with self._lock:
            return sum(size for _, size in self._entries.values())

    def keys(self) -> list[object]:
        with self._lock:
            return list(self._entries)

    def get_or_compute(self, key: object, compute: Callable[[], R]) -> R:
        found = self._get(key)
        if found is not None:
            return found[0]  # type: ignore[return-value]
        with self._lock:
            one = self._computing.setdefault(key, threading.Lock())
        try:
            with one:  # another session computing the same result: wait for it
                found = self._get(key)
                if found is not None:
                    return found[0]  # type: ignore[return-value]
                value = compute()
                self._put(key, value, size_of(value))
                return value
        finally:
            with self._lock:
                self._computing.pop(key, None)

    def _get(self, key: object) -> tuple[object] | None:
        with self._lock:
            if key not in self._entries:
                return None
            self._entries.move_to_end(key)
            return (self._entries[key][0],)

    def _put(self, key: object, value: object, size: int) -> None:
        with self._lock:
            self._entries[key] = (value, size)
            self._entries.move_to_end(key)
            total = sum(s for _, s in self._entries.values())
            while total > self.limit and len(self._entries) > 1:
                _, (_, gone) = self._entries.popitem(last=False)
                total -= gone

    def clear(self, prefix: tuple = ()) -> None:
        """Forget every result, or those whose key starts with ``prefix``."""
        with self._lock:
            for key in [k for k in self._entries if k[: len(prefix)] == prefix]:  # type: ignore[index]
                del self._entries[key]


BUDGET = Budget(BUDGET_MB * 2**20)


def shared(*, spinner: str = "") -> Callable[[Callable[P, R]], Callable[P, R]]:
    """A function's results kept in ``BUDGET`` by its arguments (hashable: the corpus key,
    ``Filters``, strings and tuples; a frame is refused by ``hash``), with ``spinner`` shown
    while one is computed. ``f.clear()`` forgets that function's results."""

    def decorate(fn: Callable[P, R]) -> Callable[P, R]:
        name = (fn.__module__, fn.__qualname__)

        @functools.wraps(fn)
        def wrapper(*args: P.args, **kwargs: P.kwargs) -> R:
            key = (*name, args, tuple(sorted(kwargs.items())))
            hash(key)  # TypeError now, naming the unhashable type, not deep inside the budget

            def compute() -> R:
                with st.spinner(spinner) if spinner else contextlib.nullcontext():
                    return fn(*args, **kwargs)

            return BUDGET.get_or_compute(key, compute)

        wrapper.clear = lambda: BUDGET.clear(name)  # type: ignore[attr-defined]
        return wrapper

    return decorate
