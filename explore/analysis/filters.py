"""The shared filters every page and export honours: province, city, district, years, type,
documents (pure)."""

from __future__ import annotations

from dataclasses import dataclass, field

import pandas as pd


@dataclass(frozen=True)
class Filters:
    """Which documents are in view. Empty tuples and None mean 'no restriction'."""

    districts: tuple[str, ...] = ()
    year_from: int | None = None
    year_to: int | None = None
    doc_types: tuple[str, ...] = ()
    doc_ids: tuple[str, ...] = field(default=())
    provinces: tuple[str, ...] = ()
    cities: tuple[str, ...] = ()

    def __post_init__(self) -> None:
        if self.year_from is not None and self.year_to is not None and self.year_from > self.year_to:
            raise ValueError(f"year_from ({self.year_from}) is after year_to ({self.year_to})")

    def describe(self) -> list[str]:
        """Short words for file names: ['罗湖区', '2017-2020']."""
        parts = list(self.provinces) + list(self.cities) + list(self.districts) + list(self.doc_types)
        if self.year_from is not None or self.year_to is not None:
            parts.append(f"{self.year_from or ''}-{self.year_to or ''}")
        if self.doc_ids:
            parts.append(f"{len(self.doc_ids)}docs")
        return parts


NO_DISTRICT = "city or province level"  # documents without a district, as a group one can choose


def select_docs(docs: pd.DataFrame, filters: Filters) -> pd.DataFrame:
    """The rows of ``docs`` that pass the filters (a view for reading, never to be mutated)."""
    mask = pd.Series(True, index=docs.index)
    if filters.provinces:
        mask &= docs["province"].isin(filters.provinces)
    if filters.cities:
        mask &= docs["city"].isin(filters.cities)
    if filters.districts:
        district = docs["district"].replace("", NO_DISTRICT)
        mask &= district.isin(filters.districts)
    if filters.year_from is not None:
        mask &= docs["year"].fillna(-1) >= filters.year_from
    if filters.year_to is not None:
        mask &= docs["year"].fillna(10**6) <= filters.year_to
    if filters.doc_types:
        mask &= docs["doc_type"].isin(filters.doc_types)
    if filters.doc_ids:
        mask &= docs["doc_id"].isin(filters.doc_ids)
    return docs[mask.astype(bool)]


def filter_by_docs(frame: pd.DataFrame, doc_ids: pd.Series | list[str]) -> pd.DataFrame:
    return frame[frame["doc_id"].isin(list(doc_ids))]
