"""Plans carried out against a reading: 罗湖区's 2017 plan and its 2020 reforms (the seeds),
whose 80 items a reader marked as reported in 2020 or not (``eval/followthrough_labels.csv``:
18 reported). The default similarity's precision and recall may only rise (0.67 and 0.33 when
the labels were made, the threshold chosen before them; 0.73 and 0.44 once a project is read
with its measures)."""

from __future__ import annotations

import pandas as pd

from explore.analysis.followthrough import SIMILARITY
from explore.store.load import load_corpus
from explore.store.research_tables import followthrough_tables
from tests.conftest import ROOT

PLAN = "001_3c0b11c1ebd16181"


def test_the_default_similarity_finds_reported_items_as_a_reader_does():
    labels = pd.read_csv(ROOT / "eval" / "followthrough_labels.csv", dtype=str, keep_default_na=False)
    reported = {f"{PLAN}/{r.item}" for r in labels.itertuples() if r.reported == "1"}
    assert len(labels) == 80 and len(reported) == 18
    corpus = load_corpus(ROOT / "seeds")
    found = set(followthrough_tables(corpus, corpus.docs, plan=PLAN, min_similarity=SIMILARITY)["mentions"]["item_id"])
    hits = len(found & reported)
    assert hits / len(found) >= 0.72, (hits, len(found))
    assert hits / len(reported) >= 0.44, (hits, len(reported))
