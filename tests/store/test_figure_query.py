"""The figures a page shows are chosen, counted and sampled by DuckDB: the same rows, counts and
dots as the whole table filtered in pandas, from a built corpus and from one held in memory."""

import pandas as pd
import pytest

from explore.store.query import LARGE
from explore.store.tables import figure_counts, figure_points, figures_table


@pytest.fixture(scope="module")
def both(seeds_corpus):
    held = seeds_corpus.__class__(seeds_corpus.root, seeds_corpus.docs, *(seeds_corpus.table(n) for n in LARGE))
    return {"built": seeds_corpus, "held": held}


CHOICES = [{}, {"kinds": ["count"]}, {"statuses": ["target"], "words": "投资"}, {"kinds": ["share", "amount"]}]


def _by_hand(corpus, kinds=(), statuses=(), words=""):
    whole = figures_table(corpus, corpus.docs)
    keep = pd.Series(True, index=whole.index)
    keep &= whole["kind"].isin(kinds) if kinds else True
    keep &= whole["status"].isin(statuses) if statuses else True
    keep &= whole["sentence"].str.contains(words, regex=False) if words else True
    return whole[keep].reset_index(drop=True)


@pytest.mark.parametrize("where", ["built", "held"])
@pytest.mark.parametrize("choice", CHOICES)
def test_chosen_counted_and_limited_as_the_whole_table_filtered(both, where, choice):
    corpus = both[where]
    expected = _by_hand(corpus, **choice)
    assert len(expected) > 0
    got = figures_table(corpus, corpus.docs, **choice)
    pd.testing.assert_frame_equal(got, expected, check_dtype=False)
    n, docs, units = figure_counts(corpus, corpus.docs, **choice)
    assert (n, docs) == (len(expected), expected["doc_id"].nunique())
    dated = expected.dropna(subset=["year"]).groupby("unit").size()
    assert units.set_index("unit")["dated"][lambda s: s > 0].to_dict() == dated.to_dict()
    assert set(units["unit"]) == set(expected["unit"])
    first = figures_table(corpus, corpus.docs, limit=3, sentences=False, **choice)
    pd.testing.assert_frame_equal(first, expected.drop(columns="sentence").head(3), check_dtype=False)


@pytest.mark.parametrize("where", ["built", "held"])
def test_a_charts_dots_are_spread_over_the_table_and_the_same_every_time(both, where):
    corpus = both[where]
    of_unit = _by_hand(corpus).query("unit == '个'").dropna(subset=["year"]).reset_index(drop=True)
    assert len(of_unit) > 10
    dots = figure_points(corpus, corpus.docs, unit="个", points=5)
    assert len(dots) == 5
    assert dots.equals(figure_points(corpus, corpus.docs, unit="个", points=5))
    # a subset of the unit's rows, in the table's order, not only its first rows
    at = [of_unit.index[(of_unit["doc_id"] == d) & (of_unit["para_no"] == p) & (of_unit["figure"] == f)][0]
          for d, p, f in dots[["doc_id", "para_no", "figure"]].itertuples(index=False)]  # fmt: skip
    assert at == sorted(at) and at != list(range(5))
    every = figure_points(corpus, corpus.docs, unit="个", points=len(of_unit) + 5)
    pd.testing.assert_frame_equal(every, of_unit, check_dtype=False)


def test_a_kind_or_status_that_is_none_is_refused(seeds_corpus):
    with pytest.raises(ValueError, match="no kind or status 'counts'"):
        figure_counts(seeds_corpus, seeds_corpus.docs, kinds=["counts"])
    with pytest.raises(ValueError, match="formula must be"):
        figures_table(seeds_corpus, seeds_corpus.docs, formula="drop")
