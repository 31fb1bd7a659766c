"""发文字号 and 文种 read by hand (``doc_numbers.csv``: file, doc_number, genre, evidence) against
those the tool infers, per half of the evaluation set: right of the documents that state one, and
how many documents were given one they do not state."""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from explore.evaluation.scores import field_equal, half_of


def doc_number_scores(
    root: Path, docs: pd.DataFrame, show_misses: bool, *, half: str | None = None, report_misses: bool = False
) -> dict[str, float]:
    """Print the scores of ``doc_numbers.csv`` against ``docs`` and return the ratchet's
    ``<half>.doc_number`` and ``<half>.genre`` (right of those stated) and
    ``<half>.doc_number_not_false`` / ``<half>.genre_not_false`` (of those not stated, none given);
    per half of the evaluation set, or as the one ``half`` given (the development set). {} without the file."""
    path = root / "doc_numbers.csv"
    if not path.exists():
        return {}
    labels = pd.read_csv(path, dtype=str, keep_default_na=False, encoding="utf-8-sig")
    got = labels.merge(docs[["file", "doc_number", "genre"]], on="file", how="left", suffixes=("", "_got"))
    got["half"] = half or got["file"].map(half_of)
    halves = (half,) if half else ("tune", "report")
    out: dict[str, float] = {}
    lines = []
    for name in ("doc_number", "genre"):
        stated = got[name] != ""
        right = [field_equal(name, a, b) for a, b in zip(got[name], got[f"{name}_got"].fillna(""), strict=True)]
        got[f"{name}_right"] = right
        parts = []
        for one in halves:
            mine = got[got["half"] == one]
            s, n = mine[f"{name}_right"][stated[mine.index]].sum(), int(stated[mine.index].sum())
            unstated = mine[~stated[mine.index]]
            false = int((unstated[f"{name}_got"].fillna("") != "").sum())
            parts.append(f"{one} {s}/{n}, {false} of {len(unstated)} unstated given one")
            if n:
                out[f"{one}.{name}"] = round(s / n, 4)
            if len(unstated):
                out[f"{one}.{name}_not_false"] = round(1 - false / len(unstated), 4)
        lines.append(f"{name}: " + "; ".join(parts))
    print("\n发文字号 and 文种 (read by hand in doc_numbers.csv; target 95% of those stated):\n  " + "\n  ".join(lines))
    for one in [h for h in halves if h != "report" or report_misses]:
        for row in got[(got["half"] == one)].itertuples() if show_misses else ():
            for name in ("doc_number", "genre"):
                if not getattr(row, f"{name}_right"):
                    print(f"  [{one}] {row.file} | {name} | {getattr(row, name)!r} | {getattr(row, name + '_got')!r}")
    return out
