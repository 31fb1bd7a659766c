"""Policy instruments crossed with a second dimension (pure): the two-dimension table of Chinese
policy-text studies (Rothwell & Zegveld's supply-, environment- and demand-side instruments ×
a policy's theme, year, level, place, 文种 or kind of document), counted over fragments.

A fragment is a paragraph, the unit every other count of the project uses; a paragraph that
uses two instruments is a fragment of each (the studies count coded instances so). A code named
``TYPE/INSTRUMENT`` (``data/instruments.txt``) belongs to its type; any codebook works, a code
without ``/`` being its own type.
"""

from __future__ import annotations

from typing import Literal

import pandas as pd

from explore.analysis.filters import place_groups
from explore.ingest.pinyin import sort_key

Across = Literal["year", "theme", "level", "place", "genre", "doc_type"]
ACROSS: tuple[str, ...] = Across.__args__  # type: ignore[attr-defined]
NONE = "(none)"  # the column of fragments without a value: no theme, no genre word, no level


def type_of(code: str) -> tuple[str, str]:
    """(type, instrument) of a code's name: 供给型/人才培养 → (供给型, 人才培养); a name without
    ``/`` is its own type."""
    kind, _, name = code.partition("/")
    return (kind, name) if name else (code, code)


def values_of(docs: pd.DataFrame, across: Across, *, themes: pd.DataFrame | None = None) -> pd.DataFrame:
    """Each fragment's value of the second dimension: doc_id and ``across`` (one row a document),
    or for ``theme`` doc_id, para_no and theme from ``themes`` (doc_id, para_no, theme: a
    paragraph's themes, one a row). Empty values read ``NONE``."""
    if across not in ACROSS:
        raise ValueError(f"across must be one of {', '.join(ACROSS)}, got {across!r}")
    if across == "theme":
        if themes is None:
            raise ValueError("across='theme' needs each paragraph's themes")
        return themes[["doc_id", "para_no", "theme"]].drop_duplicates()
    column = place_groups(docs) if across == "place" else docs[across]
    values = column if across == "year" else column.fillna("").replace("", NONE)
    return pd.DataFrame({"doc_id": docs["doc_id"].to_numpy(), across: values.reset_index(drop=True)})


def fragments_across(coded: pd.DataFrame, values: pd.DataFrame, across: Across) -> pd.DataFrame:
    """``coded`` (doc_id, para_no, code …) with each row's value of ``across`` (``values_of``):
    a fragment of several themes is a row for each, one of none a row of ``NONE``."""
    keys = ["doc_id", "para_no"] if "para_no" in values else ["doc_id"]
    out = coded.drop(columns=[across], errors="ignore").merge(values, on=keys, how="left")
    if across == "theme":
        out["theme"] = out["theme"].fillna(NONE)
    return out


def count_fragments(rows: pd.DataFrame, across: Across) -> pd.DataFrame:
    """code, the value of ``across`` and the fragments there, of ``fragments_across``' rows."""
    return rows.groupby(["code", across], dropna=False).size().rename("fragments").reset_index()


def counts_from_documents(per_doc: pd.DataFrame, values: pd.DataFrame, across: Across) -> pd.DataFrame:
    """``count_fragments``' counts from each document's (``per_doc``: doc_id, code, coded) and
    each document's value (``values_of``, one row a document)."""
    placed = per_doc.merge(values, on="doc_id")
    return placed.groupby(["code", across], dropna=False)["coded"].sum().rename("fragments").reset_index()


def instrument_table(counts: pd.DataFrame, seen: pd.Series, codes: list[str], across: Across) -> pd.DataFrame:
    """Each code × value of ``across``: its type and instrument (``type_of``), the fragments it
    codes there (``counts``: code, the value, fragments), their ``share`` of every coded fragment
    of the table and ``share_within`` the value's (a column of the two-dimension table sums to
    1). Every code of ``codes`` has a row for each value of ``seen`` or ``counts`` (zero where it
    codes none); values in order (years up, names in pinyin, ``NONE`` last)."""
    counts = counts[counts["code"].isin(codes)]
    order = pd.Series(_ordered(pd.concat([seen, counts[across]]).drop_duplicates(), across),
                      dtype="Int64" if across == "year" else object)  # fmt: skip
    grid = pd.DataFrame({"code": codes}).merge(pd.DataFrame({across: order}), how="cross")
    if across == "year":
        counts = counts.astype({"year": "Int64"})
    out = grid.merge(counts, on=["code", across], how="left").fillna({"fragments": 0})
    out["fragments"] = out["fragments"].astype("int64")
    out = _with_shares(out, across)
    kinds = out["code"].map(type_of)
    out.insert(0, "instrument", kinds.str[1])
    out.insert(0, "type", kinds.str[0])
    return out[["type", "instrument", "code", across, "fragments", "share", "share_within"]]


def type_totals(table: pd.DataFrame, across: Across) -> pd.DataFrame:
    """``instrument_table`` summed by type: type, the value, fragments and their shares."""
    return _with_shares(
        table.groupby(["type", across], sort=False, dropna=False)[["fragments"]].sum().reset_index(), across
    )


def _with_shares(out: pd.DataFrame, across: str) -> pd.DataFrame:
    """``out`` with each row's ``share`` of all its fragments and ``share_within`` its value's."""
    total = out["fragments"].sum()
    within = out.groupby(across, dropna=False)["fragments"].transform("sum")
    out["share"] = (out["fragments"] / total).round(4) if total else 0.0
    out["share_within"] = (out["fragments"] / within.where(within > 0)).round(4).fillna(0.0)
    return out


def in_cell(rows: pd.DataFrame, across: Across, value: str) -> pd.DataFrame:
    """The rows of ``fragments_across`` whose value of ``across`` is ``value`` as written (a
    year as its digits; ``NONE`` for none)."""
    column = rows[across]
    written = column.astype("string").fillna(NONE) if across == "year" else column
    return rows[written == value].reset_index(drop=True)


def _ordered(values: pd.Series, across: str) -> list:
    if across == "year":
        known = sorted(int(v) for v in values.dropna())
        return known + ([pd.NA] if values.isna().any() else [])
    named = sorted((v for v in values if v != NONE), key=sort_key)
    return named + ([NONE] if (values == NONE).any() else [])
