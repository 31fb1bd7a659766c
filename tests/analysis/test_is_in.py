"""``filters.is_in``: pandas' ``isin`` answer, on Arrow-backed strings as on any other column."""

from __future__ import annotations

import pandas as pd
from hypothesis import given
from hypothesis import strategies as st

from explore.analysis.filters import is_in

_WORDS = st.lists(st.sampled_from(["罗湖区", "福田区", "区教育局", "", "a"]) | st.none(), max_size=8)


@given(values=_WORDS, members=_WORDS)
def test_is_in_answers_as_isin_does(values, members):
    for dtype in ("str", object):
        column = pd.Series(values, dtype=dtype, index=range(3, 3 + len(values)), name="doc_id")
        got = is_in(column, set(members))
        expected = column.isin([m for m in members if m is not None] if dtype == "str" else members)
        assert got.tolist() == expected.tolist()
        assert got.index.equals(column.index) and got.name == "doc_id"


def test_members_may_be_a_column_or_a_set():
    column = pd.Series(["罗湖区", "福田区", None], dtype="str")
    assert is_in(column, pd.Series(["福田区"], dtype="str")).tolist() == [False, True, False]
    assert is_in(column, frozenset()).tolist() == [False, False, False]
    assert is_in(pd.Series([], dtype="str"), {"罗湖区"}).empty
