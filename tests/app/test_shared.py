"""The server's budget for shared results: least recently used out first, the newest kept,
one computation for sessions asking at once."""

from __future__ import annotations

import sys
import threading
import time

import pandas as pd
import pytest

from explore.app import shared
from explore.app.shared import Budget, size_of


def _frame(n: int) -> pd.DataFrame:
    return pd.DataFrame({"x": range(n)}, dtype="int64")  # 8 bytes a row, and the index's


def test_size_of_counts_strings_whole_and_sums_containers():
    short, long = pd.DataFrame({"s": ["a"] * 100}), pd.DataFrame({"s": ["改革" * 50] * 100})
    assert size_of(long) > size_of(short) + 100 * 100
    keys = sys.getsizeof("a") + sys.getsizeof("b")
    assert size_of({"a": _frame(100), "b": [_frame(100), _frame(100)]}) == 3 * size_of(_frame(100)) + keys
    # a picker's labels and what they name: every key and value counted whole
    labels = {f"2017 · 罗湖区 · 改革计划{i}": f"d{i}" for i in range(3)}
    assert size_of(labels) == sum(sys.getsizeof(k) + sys.getsizeof(v) for k, v in labels.items())
    assert size_of(_frame(100)["x"]) == size_of(_frame(100))


def test_the_least_recently_used_go_first_once_the_budget_is_passed():
    one = size_of(_frame(1000))
    budget = Budget(int(2.5 * one))
    for key in "abc":
        budget.get_or_compute(key, lambda: _frame(1000))
    assert budget.keys() == ["b", "c"] and budget.used() == 2 * one
    budget.get_or_compute("b", lambda: pytest.fail("b is kept: no second computation"))
    budget.get_or_compute("d", lambda: _frame(1000))
    assert budget.keys() == ["b", "d"]  # c was used longest ago


def test_the_newest_is_kept_even_over_the_budget():
    budget = Budget(100)
    budget.get_or_compute("small", lambda: _frame(1))
    big = budget.get_or_compute("big", lambda: _frame(10_000))
    assert budget.keys() == ["big"] and budget.get_or_compute("big", lambda: pytest.fail("kept")) is big


def test_sessions_asking_at_once_compute_once():
    budget, calls = Budget(2**20), []

    def slow() -> pd.DataFrame:
        calls.append(1)
        time.sleep(0.2)
        return _frame(10)

    got = []
    threads = [threading.Thread(target=lambda: got.append(budget.get_or_compute("k", slow))) for _ in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert len(calls) == 1 and len(got) == 4 and all(g is got[0] for g in got)


def test_a_failed_computation_is_not_kept_and_can_be_tried_again():
    budget = Budget(2**20)
    with pytest.raises(RuntimeError):
        budget.get_or_compute("k", lambda: (_ for _ in ()).throw(RuntimeError("no")))
    assert budget.keys() == [] and budget.get_or_compute("k", lambda: 3) == 3


def test_a_budget_of_nothing_is_refused():
    with pytest.raises(ValueError, match="more than 0 bytes"):
        Budget(0)


def test_shared_keys_by_arguments_clears_by_function_and_refuses_frames(monkeypatch):
    monkeypatch.setattr(shared, "BUDGET", Budget(2**20))
    calls = []

    @shared.shared()
    def twice(x: int, *, by: str = "") -> int:
        calls.append(x)
        return 2 * x

    assert (twice(2), twice(2), twice(3), twice(2, by="a")) == (4, 4, 6, 4)
    assert calls == [2, 3, 2]
    twice.clear()
    assert twice(2) == 4 and calls == [2, 3, 2, 2]
    with pytest.raises(TypeError):
        twice(_frame(1))
