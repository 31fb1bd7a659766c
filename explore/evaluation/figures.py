"""Figure status (target, result or not a figure) of the figures read by hand, against those the
tool finds: per half of the evaluation set, or for the development set."""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from explore.evaluation.scores import half_of, score_figure_status


def figure_status(
    root: Path, corpus, show_misses: bool, *, half: str | None = None, report_misses: bool = False
) -> dict[str, float]:
    """``figure_labels.csv`` (figures read by hand) against the figures found: printed per half
    (or as the one ``half`` given, for the development set), and the ratchet's ``<half>.figure_status``.
    The report half's misses are listed only with ``report_misses``: rules are tuned on the other."""
    from explore.analysis.figures import figures as find_figures

    path = root / "figure_labels.csv"
    if not path.exists():
        return {}
    labels = pd.read_csv(path, dtype=str, keep_default_na=False, encoding="utf-8-sig")
    labels["half"] = half or labels["file"].map(half_of)
    found = find_figures(corpus.paragraphs, corpus.docs).merge(
        corpus.paragraphs[["doc_id", "para_no", "text"]].rename(columns={"text": "para_text"}), on=["doc_id", "para_no"]
    )
    found["file"] = found["doc_id"].map(corpus.docs.set_index("doc_id")["file"])
    status = score_figure_status(labels, found)
    shown = ", ".join(f"{h} {r}/{t} ({r / t:.0%})" for h, (r, t, _) in sorted(status.items(), reverse=True) if t)
    print(f"\nfigure status (target, result or not a figure, of {len(labels)} read by hand): {shown}")
    for half, (_, _, misses) in sorted(status.items(), reverse=True):
        for row in misses if show_misses and (half != "report" or report_misses) else []:
            print(f"  [{half}] " + " | ".join(row))
    return {f"{h}.figure_status": round(r / t, 4) for h, (r, t, _) in status.items() if t}
