"""CSV bytes for people: UTF-8 with BOM, spreadsheet formulas neutralised (pure).

Excel only reads UTF-8 Chinese correctly with a BOM, and a cell beginning with ``=``, ``+``,
``-``, ``@``, tab or carriage return is run as a formula by spreadsheet programs (OWASP "CSV
injection"); such a cell gets a leading apostrophe. Numbers stay numbers: only text cells
are touched, so ``-1`` in a count column is untouched while the text ``-1+1`` is not.
"""

from __future__ import annotations

import re

import pandas as pd

_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def neutralise(value: object) -> object:
    if isinstance(value, str) and value.startswith(_FORMULA_START):
        return "'" + value
    return value


def safe_frame(frame: pd.DataFrame) -> pd.DataFrame:
    """A copy whose text cells cannot start a formula; the input is not changed."""
    out = frame.copy()
    for col in out.columns:
        if not (pd.api.types.is_numeric_dtype(out[col]) or pd.api.types.is_bool_dtype(out[col])):
            out[col] = out[col].map(neutralise, na_action="ignore")
    out.columns = [neutralise(str(c)) for c in out.columns]
    return out


def to_csv_bytes(frame: pd.DataFrame) -> bytes:
    """The frame as CSV: UTF-8 with BOM, formulas neutralised, no index, '\\n' line ends."""
    return safe_frame(frame).to_csv(index=False, lineterminator="\n").encode("utf-8-sig")


def csv_filename(*parts: object) -> str:
    """A file name that says what the table is: 'keywords_district-罗湖区_2017-2020.csv'."""
    words = [re.sub(r"[\\/:*?\"<>|\s]+", "-", str(p)).strip("-") for p in parts if p not in (None, "", [])]
    name = "_".join(w for w in words if w)[:150] or "table"
    return f"{name}.csv"
