"""The development set, ``eval/dev``: real public documents outside the evaluation set, read by
hand (leads of the first items, figures' status, each document's level), on which the rules for
leads, figure status and level were tuned. It is no held-out half — ``eval/``'s report half stays
the honest figure — but its scores enter the ratchet, so that a rule that breaks a layout once
read right fails CI. Labels: ``leads.csv`` (file, source, kind, n_items_visible, leads, as in
``labels.csv``), ``figure_labels.csv`` (file, para_excerpt, figure, status), ``levels.csv``
(file, level), ``meta.csv`` (file, doc_type, title, notes) and ``doc_numbers.csv`` (file, doc_number, genre, evidence).
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from explore.evaluation.doc_numbers import doc_number_scores
from explore.evaluation.figures import figure_status
from explore.evaluation.scores import field_equal, lead_hits, lead_precision, own_leads


def _read(path: Path) -> pd.DataFrame:
    return pd.read_csv(path, dtype=str, keep_default_na=False, encoding="utf-8-sig")


def dev_scores(root: Path, *, show_misses: bool) -> dict[str, float]:
    """Print the development set's scores and return them for the ratchet (``dev.leads``,
    ``dev.lead_precision``, ``dev.level``, ``dev.figure_status``); {} without ``root/dev``."""
    from explore.analysis.items import extract_items
    from explore.store.load import load_corpus

    path = root / "dev"
    if not (path / "docs").is_dir():
        return {}
    corpus = load_corpus(path / "docs", use_cache=False)
    items = extract_items(corpus.paragraphs, corpus.docs)
    doc_of = dict(zip(corpus.docs["file"], corpus.docs["doc_id"], strict=True))
    hit = total = right = named = 0
    misses = []
    for file, expected in zip(*_read(path / "leads.csv")[["file", "leads"]].T.values, strict=True):
        doc_items = items[items["doc_id"] == doc_of.get(file)]
        found = [x for x in doc_items["lead"] if x]
        h, n, lost = lead_hits(expected, found)
        own = own_leads(doc_items)
        p, m = lead_precision(expected, own)
        hit, total, right, named = hit + h, total + n, right + p, named + m
        misses += [(file, "leads", x, "not found") for x in lost]
        if p < m:  # a unit named that the labels do not name: the first items' leads, to read
            misses.append((file, "lead units", expected, " | ".join(own[: expected.count("|") + 1])))
    meta = _read(path / "meta.csv").merge(corpus.docs[["file", "doc_type", "title"]], on="file", suffixes=("", "_got"))
    kinds = [field_equal("doc_type", a, b) for a, b in zip(meta["doc_type"], meta["doc_type_got"], strict=True)]
    titles = [field_equal("title", a, b) for a, b in zip(meta["title"], meta["title_got"], strict=True)]
    not_wrong = [ok or not got for ok, got in zip(titles, meta["title_got"], strict=True)]
    for name in ("doc_type", "title"):
        misses += [(f, name, a, b) for f, a, b in zip(meta["file"], meta[name], meta[f"{name}_got"], strict=True)
                   if not field_equal(name, a, b)]  # fmt: skip
    levels = _read(path / "levels.csv")
    level_of = dict(zip(corpus.docs["file"], corpus.docs["level"].fillna(""), strict=True))
    level_right = sum(level_of.get(f) == lv for f, lv in zip(levels["file"], levels["level"], strict=True))
    misses += [(f, "level", lv, level_of.get(f, "")) for f, lv in zip(levels["file"], levels["level"], strict=True)
               if level_of.get(f) != lv]  # fmt: skip
    print(
        f"\ndevelopment set (eval/dev: {len(corpus.docs)} documents outside the evaluation set, tuned on; "
        f"its scores only guard against regressions): leads {hit}/{total} ({hit / max(total, 1):.0%}), "
        f"lead precision {right}/{named} ({right / max(named, 1):.0%}), "
        f"level {level_right}/{len(levels)} ({level_right / max(len(levels), 1):.0%}), "
        f"doc_type {sum(kinds)}/{len(meta)}, title {sum(titles)}/{len(meta)} (not wrong {sum(not_wrong)})"
    )
    for file, name, expected, got in misses if show_misses else []:
        print(f"  [dev] {file} | {name} | {expected!r} | {got!r}")
    scores = {
        "dev.leads": round(hit / max(total, 1), 4),
        "dev.lead_precision": round(right / max(named, 1), 4),
        "dev.level": round(level_right / max(len(levels), 1), 4),
        "dev.doc_type": round(sum(kinds) / max(len(meta), 1), 4),
        "dev.title": round(sum(titles) / max(len(meta), 1), 4),
        "dev.title_not_wrong": round(sum(not_wrong) / max(len(meta), 1), 4),
    }
    return (
        scores
        | figure_status(path, corpus, show_misses, half="dev")
        | doc_number_scores(path, corpus.docs, show_misses, half="dev")
    )
