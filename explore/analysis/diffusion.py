"""Who said it first: for a term or a theme, the first document in each district that uses it,
which district was first, how many years the others lagged, and how the adopters add up (pure).

A document "uses" the term when its Simplified text contains it (the concordance's rule, so the
two pages agree). A document's time is its stated date, else the date its page was published,
else its year; documents with no year at all are listed apart and never guessed into the
timeline. Within one year, a document known only by its year cannot be ordered against a dated
one: such ties are said, not hidden.
"""

from __future__ import annotations

from collections.abc import Iterable

import pandas as pd

from explore.analysis.filters import groups_of
from explore.ingest.alternation import any_of

FIRST_COLUMNS = ["rank", "district", "year", "when", "lag_years", "tie", "mentions", "title", "doc_id"]
UNDATED_COLUMNS = ["district", "mentions", "title", "doc_id"]
CURVE_COLUMNS = ["year", "new_districts", "districts"]


def uses(paragraphs: pd.DataFrame, docs: pd.DataFrame, terms: Iterable[str]) -> pd.DataFrame:
    """Mentions of any of ``terms`` per document (doc_id, mentions), documents that use none left out."""
    terms = [t for t in terms if t]
    if not terms:
        raise ValueError("give at least one term")
    paras = paragraphs[paragraphs["doc_id"].isin(docs["doc_id"])]
    counts = paras["text"].str.count(any_of(terms))  # longest first: no double count
    per_doc = paras.assign(mentions=counts).groupby("doc_id", as_index=False)["mentions"].sum()
    return per_doc[per_doc["mentions"] > 0].reset_index(drop=True)


def first_uses(used: pd.DataFrame, docs: pd.DataFrame) -> tuple[pd.DataFrame, pd.DataFrame]:
    """(first document per district, FIRST_COLUMNS; undated documents that use it, UNDATED_COLUMNS)."""
    table = used.merge(docs, on="doc_id")
    table["district"] = groups_of(table, docs)
    undated = table[table["year"].isna()][UNDATED_COLUMNS].reset_index(drop=True)
    dated = table[table["year"].notna()].copy()
    if dated.empty:
        return pd.DataFrame(columns=FIRST_COLUMNS), undated
    dated["when"] = [_when(r) for r in dated.itertuples()]
    # the year first; within it a full date before a bare year is only a guess, so ties are marked below
    dated["_order"] = [w if len(w) > 4 else f"{w}-99" for w in dated["when"]]
    first = dated.sort_values(["_order", "doc_id"]).groupby("district", as_index=False, sort=False).head(1)
    first = first.sort_values(["_order", "district"]).reset_index(drop=True)
    earliest = int(first["year"].min())
    first["lag_years"] = first["year"].astype(int) - earliest
    first["rank"] = range(1, len(first) + 1)
    first["tie"] = _ties(first)
    first["year"] = first["year"].astype(int)
    return first[FIRST_COLUMNS], undated


def _when(row) -> str:
    for value in (getattr(row, "date", ""), getattr(row, "published", "")):
        if isinstance(value, str) and value[:4] == str(int(row.year)):
            return value
    return str(int(row.year))


def _ties(first: pd.DataFrame) -> list[str]:
    """'order within YEAR unknown' where a district's first use shares its year with another's
    and one of the two is known only by its year."""
    out = []
    for row in first.itertuples():
        same = first[(first["year"] == row.year) & (first["district"] != row.district)]
        vague = len(row.when) == 4 or (same["when"].str.len() == 4).any()
        out.append(f"order within {int(row.year)} unknown" if len(same) and vague else "")
    return out


def adopters(first: pd.DataFrame) -> pd.DataFrame:
    """Districts using the term by each year (CURVE_COLUMNS): new ones that year and all so far."""
    if first.empty:
        return pd.DataFrame(columns=CURVE_COLUMNS)
    new = first.groupby("year").size()
    years = range(int(new.index.min()), int(new.index.max()) + 1)
    new = new.reindex(years, fill_value=0)
    return pd.DataFrame({"year": list(years), "new_districts": new.to_list(), "districts": new.cumsum().to_list()})


def diffusion_table(paragraphs: pd.DataFrame, docs: pd.DataFrame, terms: Iterable[str]) -> pd.DataFrame:
    """The first use per district, then the undated documents that use the terms (rank and year
    empty, when 'undated'): the one table the command line writes."""
    first, undated = first_uses(uses(paragraphs, docs, terms), docs)
    rest = undated.assign(rank=pd.NA, year=pd.NA, when="undated", lag_years=pd.NA, tie="")
    return pd.concat([first, rest[FIRST_COLUMNS]], ignore_index=True) if len(rest) else first
