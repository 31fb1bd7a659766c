"""``any_of``: one pattern for "any of these words"."""

import re

from hypothesis import given
from hypothesis import strategies as st

from explore.ingest.alternation import any_of


def test_the_longest_word_wins_where_several_start():
    assert re.findall(any_of(["改革", "改革开放", "开放"]), "深化改革开放，扩大开放") == ["改革开放", "开放"]


def test_words_are_literal_and_said_once():
    assert any_of(["a.b", "(x)", "a.b", ""]) == r"a\.b|\(x\)"
    assert re.findall(any_of(["a.b"]), "aXb a.b") == ["a.b"]


def test_no_words_match_nothing():
    assert re.findall(any_of([]), "任何文本") == []
    assert re.findall(any_of(["", ""]), "") == []


@given(st.lists(st.text(min_size=1, max_size=4), max_size=6), st.text(max_size=30))
def test_every_match_is_one_of_the_words_and_none_is_cut_short(words, text):
    for m in re.finditer(any_of(words), text):
        assert m.group() in words
        # no longer word starts at the same place
        assert not any(len(w) > len(m.group()) and text.startswith(w, m.start()) for w in words)
