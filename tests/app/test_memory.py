"""A page run's leftovers given back: a full collection once the process has grown, none on a
rerun that grew nothing."""

from __future__ import annotations

import gc
import weakref

from explore.app import memory


class _Held:
    """Stands for a page's namespace: it points at itself, as a page's functions point at theirs."""


def test_a_cycle_a_page_left_is_freed_once_the_process_has_grown():
    gc.collect()
    gc.disable()  # only release() may collect here
    try:
        held = _Held()
        held.me = held
        gone = weakref.ref(held)
        del held
        assert not memory.release(growth_mib=1e9)  # grown by less than that: no pass
        assert gone() is not None
        assert memory.release(growth_mib=0)
        assert gone() is None
    finally:
        gc.enable()


def test_the_resident_size_is_read_in_mib():
    size = memory.resident_mib()
    assert size is None or 10 < size < 100_000
