"""Plans carried out, read by hand, against what the tool finds: each folder of
``eval/followthrough/`` holds a plan and a later document of the same place (``docs/``) and
``items.csv`` (item, title, reported, evidence, note: which of the plan's items a reader found
reported in the later document). The rules were tuned on the seeds' pair (罗湖区 2017 → 2020,
``followthrough_labels.csv``) and on ``eval/dev/followthrough/`` (the development set's pairs,
tuned on); the evaluation set's pairs are only measured.

A labelled item is the tool's plan item whose title holds it or is held by it, else the most
alike by wording (at least ``SAME_ITEM``); a labelled item the tool did not read as an item is
never found. Recall: the reported items the tool links to the later document; false links: the
tool's links to items the reader found not reported, or to items the reader did not list."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Literal

import pandas as pd
from rapidfuzz import fuzz

from explore.evaluation.scores import norm_title
from explore.ingest.numbering import OUTLINE_START

SAME_ITEM = 80  # rapidfuzz's ratio (0-100) from which two titles are taken for the same item


def _plain(title: str) -> str:
    # without its outline number (一、 （二） 3.), punctuation or spaces, in Simplified
    return re.sub(r"[\s,，、;；:：。（）()“”\"]", "", norm_title(OUTLINE_START.sub("", str(title).strip())))


def match_labels(labelled: list[str], titles: list[str]) -> list[int | None]:
    """For each labelled title, the index of the tool's item it is (``titles``), or None."""
    plain = [_plain(t) for t in titles]
    out: list[int | None] = []
    for label in map(_plain, labelled):
        held = [i for i, t in enumerate(plain) if label and t and (label in t or t in label)]
        if held:
            out.append(min(held, key=lambda i: abs(len(plain[i]) - len(label))))
            continue
        scores = [fuzz.ratio(label, t) for t in plain]
        best = max(range(len(scores)), key=scores.__getitem__, default=None)
        out.append(best if best is not None and scores[best] >= SAME_ITEM else None)
    return out


def score_pair(folder: Path) -> dict[str, int]:
    """One pair's counts: labelled, reported, read_as_items, found (reported and linked),
    links, false_links (links to items not reported or not listed)."""
    from explore.store.load import load_corpus
    from explore.store.research_tables import followthrough_tables

    labels = pd.read_csv(folder / "items.csv", dtype=str, keep_default_na=False, encoding="utf-8-sig")
    corpus = load_corpus(folder / "docs", use_cache=False)
    plan = corpus.docs.loc[corpus.docs["file"].str.startswith("plan"), "doc_id"]
    tables = followthrough_tables(corpus, corpus.docs, plan=str(plan.iat[0])) if len(plan) else None
    items = tables["items"].reset_index(drop=True) if tables is not None else pd.DataFrame(columns=["item", "mentions"])
    linked = set(items.loc[items["mentions"] > 0, "item"].index) if len(items) else set()
    which = match_labels(labels["title"].tolist(), items["item"].tolist())
    reported = labels["reported"].eq("1").tolist()
    # the tool's items a reported label is: a link to any other item is false
    reported_items = {i for i, r in zip(which, reported, strict=True) if r and i is not None}
    return {
        "labelled": len(labels),
        "reported": sum(reported),
        "read_as_items": len({i for i in which if i is not None}),
        "found": sum(1 for i, r in zip(which, reported, strict=True) if r and i in linked),
        "links": len(linked),
        "false_links": len(linked - reported_items),
    }


def followthrough_scores(root: Path, *, half: Literal["report", "dev"] = "report") -> dict[str, float]:
    """Print each pair's and all pairs' recall and false links; the ratchet's
    ``<half>.followthrough_recall`` and ``<half>.followthrough_precision``. {} without pairs."""
    folder = root / "followthrough"
    pairs = sorted(p for p in folder.iterdir() if (p / "items.csv").is_file()) if folder.is_dir() else []
    if not pairs:
        return {}
    counts = {pair.name: score_pair(pair) for pair in pairs}
    total = {k: sum(c[k] for c in counts.values()) for k in next(iter(counts.values()))}
    print(
        "\nplans carried out (items a reader found reported in a later document; target: 80% found, ≤ 20% false links)"
        + (":" if half == "report" else ", development pairs (tuned on; they only guard against regressions):")
    )
    for name, c in [*counts.items(), ("all pairs", total)]:
        print(
            f"  {name}: {c['found']}/{c['reported']} reported items found; {c['false_links']} of {c['links']} links"
            f" false; {c['read_as_items']} of {c['labelled']} labelled items read as items"
        )
    recall = total["found"] / total["reported"] if total["reported"] else 0.0
    precision = 1 - total["false_links"] / total["links"] if total["links"] else 0.0
    return {f"{half}.followthrough_recall": round(recall, 4), f"{half}.followthrough_precision": round(precision, 4)}
