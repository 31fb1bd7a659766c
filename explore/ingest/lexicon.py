"""The theme lexicon file (``data/themes.csv``: theme, label, terms separated by ``|``): the one
parser of it, used by the segmenter (a theme term is one token) and by the theme counts."""

from __future__ import annotations

import io
from pathlib import Path

import pandas as pd

THEMES_FILE = Path(__file__).parents[1] / "data" / "themes.csv"
LEXICON_COLUMNS = ["theme", "label", "terms"]


def default_lexicon() -> pd.DataFrame:
    return parse_lexicon(THEMES_FILE.read_text(encoding="utf-8"))


def parse_lexicon(csv_text: str) -> pd.DataFrame:
    """A lexicon from CSV text; ``ValueError`` with a clear message when it is unusable."""
    try:
        table = pd.read_csv(io.StringIO(csv_text), dtype=str, keep_default_na=False)
    except (pd.errors.ParserError, pd.errors.EmptyDataError) as err:
        raise ValueError(f"the theme lexicon is not valid CSV: {err}") from None
    missing = [c for c in ("theme", "terms") if c not in table.columns]
    if missing:
        raise ValueError(f"the theme lexicon needs columns theme and terms; missing {missing}")
    if "label" not in table.columns:
        table["label"] = table["theme"]
    table = table[table["theme"].str.strip() != ""]
    return table[LEXICON_COLUMNS].reset_index(drop=True)


def split_terms(cell: str) -> list[str]:
    """The terms of one lexicon cell: split on '|', spaces stripped, empties dropped (the one
    place the lexicon's term lists are parsed)."""
    return [t.strip() for t in str(cell).split("|") if t.strip()]


def lexicon_terms(lexicon: pd.DataFrame) -> list[str]:
    return sorted({t for terms in lexicon["terms"] for t in split_terms(terms)})
