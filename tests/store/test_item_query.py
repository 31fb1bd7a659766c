"""The reform items a page shows are chosen, counted and limited by DuckDB: the same rows and
counts as the whole table kept by ``analysis.items.filter_items`` in pandas, from a built corpus
and from one held in memory, under the shipped lexicon and under a session's own."""

import pandas as pd
import pytest

from explore.analysis.items import filter_items, lead_units
from explore.ingest.lexicon import default_lexicon
from explore.store.query import LARGE
from explore.store.tables import item_counts, items_table


@pytest.fixture(scope="module")
def both(seeds_corpus):
    held = seeds_corpus.__class__(seeds_corpus.root, seeds_corpus.docs, *(seeds_corpus.table(n) for n in LARGE))
    return {"built": seeds_corpus, "held": held}


CHOICES = [
    {},
    {"levels": ["measure"]},
    {"sections": ["plan"], "lead": "区财政局"},
    {"levels": ["project"], "sections": ["plan", "review"]},
]


def _counted(frame: pd.DataFrame) -> pd.DataFrame:
    found = frame.groupby(["doc_id", "theme", "level"], as_index=False).size().rename(columns={"size": "items"})
    return found.sort_values(["doc_id", "theme", "level"]).reset_index(drop=True)


@pytest.mark.parametrize("where", ["built", "held"])
@pytest.mark.parametrize("choice", CHOICES)
def test_chosen_counted_and_limited_as_the_whole_table_kept_in_pandas(both, where, choice):
    corpus = both[where]
    expected = filter_items(items_table(corpus, corpus.docs), **choice)
    assert len(expected) > 0
    pd.testing.assert_frame_equal(items_table(corpus, corpus.docs, **choice), expected, check_dtype=False)
    first = items_table(corpus, corpus.docs, text=False, limit=5, **choice)
    pd.testing.assert_frame_equal(first, expected.drop(columns="text").head(5), check_dtype=False)
    got = item_counts(corpus, corpus.docs, **choice).sort_values(["doc_id", "theme", "level"]).reset_index(drop=True)
    pd.testing.assert_frame_equal(got, _counted(expected), check_dtype=False)


@pytest.mark.parametrize("where", ["built", "held"])
def test_a_sessions_lexicon_themes_the_items_again_before_they_are_kept(both, where):
    corpus = both[where]
    shipped = default_lexicon()
    dropped = items_table(corpus, corpus.docs)["theme"].mode().iloc[0]  # the items' commonest theme
    lexicon = shipped[shipped["theme"] != dropped].reset_index(drop=True)
    whole = items_table(corpus, corpus.docs, lexicon=lexicon)
    assert dropped not in set(whole["theme"])
    chosen = items_table(corpus, corpus.docs, lexicon=lexicon, levels=["measure"], text=False, limit=4)
    pd.testing.assert_frame_equal(chosen, filter_items(whole, levels=["measure"]).drop(columns="text").head(4))
    got = item_counts(corpus, corpus.docs, lexicon=lexicon).sort_values(["doc_id", "theme", "level"])
    pd.testing.assert_frame_equal(got.reset_index(drop=True), _counted(whole), check_dtype=False)


@pytest.mark.parametrize("where", ["built", "held"])
def test_pickers_and_a_projects_measures_read_only_what_they_need(both, where):
    corpus = both[where]
    whole = items_table(corpus, corpus.docs)
    values = corpus.tables.item_values(corpus.docs["doc_id"], ["lead", "leaders"])
    assert lead_units(values) == lead_units(whole)
    with pytest.raises(ValueError, match="no column"):
        corpus.tables.item_values(corpus.docs["doc_id"], ["nothing"])
    project = whole[(whole["level"] == "project") & whole["item_id"].isin(whole["parent_id"])].iloc[0]
    children = corpus.tables.item_children(project["doc_id"], project["item_id"])
    expected = whole[(whole["doc_id"] == project["doc_id"]) & (whole["parent_id"] == project["item_id"])]
    assert children["item_id"].tolist() == expected["item_id"].tolist() and len(children) > 0
    with pytest.raises(ValueError, match="level must be"):
        items_table(corpus, corpus.docs, levels=["task"])  # type: ignore[list-item]
