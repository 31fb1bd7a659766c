"""``python -m explore eval``: the scored evaluation, printed, and checked against the ratchet.

Prints per-field accuracy on the ``tune`` and ``report`` halves, the repair figures, every
miss, and fails (exit 1) when a figure falls below ``eval/scores.json``. ``--record`` raises
the recorded floor to today's figures (never lowers it); the floor belongs to one labelled set
(a hash of every file of labels, the development set's too), and ``--record --new-set`` starts the floor of a changed set.
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

import pandas as pd

from explore.evaluation.dev import dev_scores
from explore.evaluation.doc_numbers import doc_number_scores
from explore.evaluation.figures import figure_status
from explore.evaluation.followthrough import followthrough_scores
from explore.evaluation.repair import RepairScore, score_repair
from explore.evaluation.scores import (
    FIELDS,
    OPTIONAL_FIELDS,
    Report,
    load_ratchet,
    ratchet_failures,
    read_labels,
    score,
    wordlist_coverage,
)
from explore.ingest.dictionaries import DEFAULT_USERDICT, read_userdict
from explore.ingest.lexicon import default_lexicon

# Figures the issue asks of the report half; printed beside the measured ones.
TARGETS = {
    "district": 0.95, "year": 0.95, "date": 0.90, "doc_type": 0.90, "title": 0.90, "title_not_wrong": 0.97,
    "level": 0.95, "leads": 0.85, "lead_precision": 0.90,
}  # fmt: skip


def _table(reports: dict[str, Report]) -> pd.DataFrame:
    rows = []
    for name in (*FIELDS, "title_not_wrong", *OPTIONAL_FIELDS, "leads", "lead_precision"):
        row: dict[str, object] = {"field": name}
        for half in ("tune", "report", "all"):
            right, total = reports[half].scores.get(name, (0, 0))
            row[half] = f"{right}/{total} ({right / total:.0%})" if total else "-"
        row["target (report)"] = f"{TARGETS[name]:.0%}" if name in TARGETS else ""
        rows.append(row)
    return pd.DataFrame(rows)


def figures(reports: dict[str, Report], repair: RepairScore) -> dict[str, float]:
    """The figures the ratchet keeps: shares per field and half, and the repair's honesty."""
    out: dict[str, float] = {}
    for half in ("tune", "report"):
        for name in (*FIELDS, "title_not_wrong", *OPTIONAL_FIELDS, "leads", "lead_precision"):
            share = reports[half].share(name)
            if share is not None:
                out[f"{half}.{name}"] = round(share, 4)
    if repair.marked + repair.wrong:
        # of the characters the damage changed, the share the repair marks rather than gets wrong
        # (it never restores a lost character silently, so an exact restoration is no figure to keep)
        out["repair.marked_share"] = round(repair.marked / (repair.marked + repair.wrong), 4)
    # 'no wrong characters' and 'no clean paragraph changed' as figures that only go up
    out["repair.no_wrong"] = 1.0 if repair.wrong == 0 else 0.0
    out["repair.clean_unchanged"] = 1.0 if repair.clean_changed == 0 else 0.0
    return out


def run_eval(
    root: Path, *, record: bool = False, new_set: bool = False, show_misses: bool = True, report_misses: bool = False
) -> int:
    """Score the evaluation set (and ``root/dev``), print it, and hold the ratchet. The misses
    listed are the tune half's and the development set's; the report half's only with
    ``report_misses`` (it is measured, not read, while rules are tuned)."""
    from explore.analysis.items import extract_items
    from explore.store.load import load_corpus, segmenter_for

    labels = read_labels(root / "labels.csv")
    corpus = load_corpus(root / "docs", use_cache=False)  # rules change between runs; the set is small
    items = extract_items(corpus.paragraphs, corpus.docs)
    reports = score(labels, corpus.docs, items)
    clean_docs = corpus.docs.loc[corpus.docs["repaired_spans"] == 0, "doc_id"]
    paras = corpus.paragraphs[corpus.paragraphs["doc_id"].isin(clean_docs)]["text_original"].tolist()
    repair = score_repair(paras, lookup=segmenter_for(None).word_lookup())  # as the build repairs
    halves = labels["half"].value_counts()
    print(f"evaluation set: {len(labels)} documents ({halves.get('tune', 0)} tune, {halves.get('report', 0)} report)")
    print(_table(reports).to_string(index=False))
    r = repair
    print(
        f"\nrepair on {r.damaged} damaged paragraphs: restored exactly {r.restored}, "
        f"marked � {r.marked}, guessed {r.guessed}, wrong and unmarked {r.wrong} (must be 0); "
        f"clean paragraphs changed {r.clean_changed} of {r.clean} (must be 0)"
    )
    words = wordlist_coverage(corpus.paragraphs, default_lexicon(), [w for w, _, _ in read_userdict(DEFAULT_USERDICT)])
    print(
        f"\nword lists: {words['themes_share']:.0%} of theme entries and {words['policy_share']:.0%} of policy "
        f"terms occur in the evaluation documents (target 60%); documents each theme fires in "
        f"(of {words['n_docs']}): " + ", ".join(f"{k} {v}" for k, v in words["fired"].items())  # type: ignore[union-attr]
    )
    if not corpus.skipped.empty:
        print("\nskipped files:")
        print(corpus.skipped.to_string(index=False))
    if show_misses:
        print("\nmisses (file, field, label, inferred):")
        for half in ("tune", "report") if report_misses else ("tune",):
            for file, name, expected, got in reports[half].misses:
                print(f"  [{half}] {file} | {name} | {expected!r} | {got!r}")
    now = (
        figures(reports, repair)
        | figure_status(root, corpus, show_misses, report_misses=report_misses)
        | doc_number_scores(root, corpus.docs, show_misses, report_misses=report_misses)
        | followthrough_scores(root)
        | dev_scores(root, show_misses=show_misses)
        | followthrough_scores(root / "dev", half="dev")
    )
    labels_sha = _labels_sha(root)
    now["wordlists.themes_share"] = round(float(words["themes_share"]), 4)  # type: ignore[arg-type]
    now["wordlists.policy_share"] = round(float(words["policy_share"]), 4)  # type: ignore[arg-type]
    path = root / "scores.json"
    stored = load_ratchet(path)
    floor = {k: v for k, v in stored.get("floor", {}).items()}
    same_set = stored.get("labels_sha") == labels_sha
    failures = (
        ratchet_failures(now, floor)
        if same_set
        else ["the labels changed since the floor was recorded: run `python -m explore eval --record --new-set`"]
    )
    if record and (same_set or new_set):
        # On the same labelled set a floor only rises; a new set (documents added or labels
        # corrected by a second reading) starts its own floor.
        base = floor if same_set else {}
        raised = {k: max(v, base.get(k, 0.0)) for k, v in now.items()}
        path.write_text(
            json.dumps({"labels_sha": labels_sha, "floor": raised}, indent=2, sort_keys=True) + "\n", encoding="utf-8"
        )
        print(f"\nrecorded {len(raised)} figures in {path}")
        failures = []
    if failures:
        print("\nBELOW THE RECORDED FLOOR:\n  " + "\n  ".join(failures))
        return 1
    print("\nno figure below the recorded floor")
    return 0


_LABEL_FILES = ("labels.csv", "figure_labels.csv", "dev/leads.csv", "dev/figure_labels.csv", "dev/levels.csv",
                "dev/meta.csv", "doc_numbers.csv", "dev/doc_numbers.csv")  # fmt: skip


def _labels_sha(root: Path) -> str:
    """The labelled set's identity: every file of labels, the development set's too (a document
    added there changes what its scores mean as much as one added to ``labels.csv``)."""
    digest = hashlib.sha1()
    for name in _LABEL_FILES:
        path = root / name
        digest.update(name.encode() + b"\0" + (path.read_bytes() if path.exists() else b"") + b"\0")
    return digest.hexdigest()[:12]
