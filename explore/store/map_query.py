"""The queries of ``store.query.Tables`` (a mixin) over the tables the build's map computes one
document at a time: reform items, figures and the paragraphs the shipped codebooks code. The pages
and ``export`` filter and count these rows in DuckDB rather than holding them in pandas.

Every value goes in as a bound parameter, never into the SQL text.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

import pandas as pd

from explore.analysis.items import ITEM_COLUMNS, check_item_choices


class MapQueries:
    """Item, figure and code queries for ``Tables``, whose ``sql``, ``_in_order``, ``_registered``
    and ``_restore`` they run through."""

    def items_of(
        self,
        doc_ids: Iterable[str],
        *,
        text: bool = True,
        levels: Sequence[str] = (),
        tiers: Sequence[str] = (),
        themes: Sequence[str] = (),
        lead: str = "",
        sections: Sequence[str] = (),
        limit: int | None = None,
    ) -> pd.DataFrame:
        """The reform items of these documents (``analysis.items``), in reading order, kept as
        ``analysis.items.filter_items`` keeps them (by DuckDB: 200,000 items are 120 MB in
        pandas); without their ``text`` when not asked for; the first ``limit`` when given."""
        where, params = _items_where(doc_ids, levels, tiers, themes, lead, sections)
        return self._in_order("items", where, params, leave_out=() if text else ("text",), limit=limit)

    def item_counts(
        self,
        doc_ids: Iterable[str],
        *,
        levels: Sequence[str] = (),
        tiers: Sequence[str] = (),
        themes: Sequence[str] = (),
        lead: str = "",
        sections: Sequence[str] = (),
    ) -> pd.DataFrame:
        """(doc_id, theme, level, items): how many of ``items_of``'s items each document holds of
        each theme and level, counted by DuckDB."""
        where, params = _items_where(doc_ids, levels, tiers, themes, lead, sections)
        found = self.sql(
            "SELECT doc_id, coalesce(theme, '') AS theme, level, count(*)::BIGINT AS items FROM items AS t "
            f"WHERE {where} GROUP BY ALL ORDER BY doc_id, theme, level",
            params,
        )
        return found.astype({"doc_id": object, "theme": object, "level": object}) if found.empty else found

    def item_values(self, doc_ids: Iterable[str], columns: Sequence[str]) -> pd.DataFrame:
        """Only these ``columns`` (tier, theme, lead, leaders …) of these documents' items, in
        reading order: what a page's pickers offer."""
        unknown = [c for c in columns if c not in ITEM_COLUMNS]
        if unknown:
            raise ValueError(f"items have no column {unknown[0]!r}")
        leave_out = tuple(c for c in ITEM_COLUMNS if c not in columns and c != "doc_id")
        found = self._in_order("items", "doc_id IN (SELECT unnest(?::VARCHAR[]))", [list(doc_ids)], leave_out=leave_out)
        return found[list(columns)]

    def item_children(self, doc_id: str, item_id: str) -> pd.DataFrame:
        """The measures under one project (its ``parent_id``), in reading order, without their text."""
        return self._in_order("items", "doc_id = ? AND parent_id = ?", [doc_id, item_id], leave_out=("text",))

    def item_text(self, doc_id: str, item_id: str) -> str:
        """One item's text ('' when there is no such item)."""
        found = self.sql("SELECT text FROM items WHERE doc_id = ? AND item_id = ?", [doc_id, item_id])
        return str(found["text"].iloc[0]) if len(found) else ""

    def figures_of(
        self,
        doc_ids: Iterable[str],
        *,
        outside: pd.DataFrame | None = None,
        kinds: Sequence[str] = (),
        statuses: Sequence[str] = (),
        words: str = "",
        unit: str | None = None,
        sentences: bool = True,
        limit: int | None = None,
        spread: bool = False,
    ) -> pd.DataFrame:
        """The figures of these documents (``analysis.figures``), in reading order; with
        ``outside`` (doc_id, para_no), only those standing in none of its paragraphs (the formula),
        left out by DuckDB rather than by a copy of every figure in memory; of ``kinds`` and
        ``statuses`` (any when empty), in sentences holding ``words``, of ``unit`` with a year when
        given; without their sentences unless asked; ``limit`` and ``spread`` as ``_in_order``."""
        where, params = _figures_where(doc_ids, outside, kinds, statuses, words, unit)
        leave_out = () if sentences else ("sentence",)
        with self._registered("_outside", _keys(outside)):
            return self._in_order("figures", where, params, leave_out=leave_out, limit=limit, spread=spread)

    def figure_counts(
        self,
        doc_ids: Iterable[str],
        *,
        outside: pd.DataFrame | None = None,
        kinds: Sequence[str] = (),
        statuses: Sequence[str] = (),
        words: str = "",
    ) -> tuple[int, int, pd.DataFrame]:
        """How many of ``figures_of``'s figures, in how many documents, and (unit, dated: those
        with a year) of each unit, counted by DuckDB: at 20,000 documents the figures with their
        sentences, read into pandas to be counted, cost the server 150 MB."""
        where, params = _figures_where(doc_ids, outside, kinds, statuses, words, None)
        with self._registered("_outside", _keys(outside)):
            counted = self.sql(
                f"SELECT count(*)::BIGINT AS n, count(DISTINCT doc_id)::BIGINT AS docs FROM figures AS t WHERE {where}",
                params,
            )
            units = self.sql(
                f"SELECT unit, count(year)::BIGINT AS dated FROM figures AS t WHERE {where} GROUP BY unit ORDER BY unit",
                params,
            )
        return int(counted["n"].iloc[0]), int(counted["docs"].iloc[0]), units

    def coded_of(
        self, doc_ids: Iterable[str], *, codes: Iterable[str] | None = None, text: bool = True
    ) -> pd.DataFrame:
        """doc_id, para_no, code and (with ``text``) the text of these documents' paragraphs the
        shipped codebooks code (``coded``, found in the build), of ``codes`` only when given, in no
        particular order."""
        only = "" if codes is None else " AND c.code IN (SELECT unnest(?::VARCHAR[]))"
        params = [list(doc_ids)] + ([] if codes is None else [list(codes)])
        if not text:
            query = (
                f"SELECT c.doc_id, c.para_no, c.code FROM coded c WHERE c.doc_id IN (SELECT unnest(?::VARCHAR[])){only}"
            )
        else:
            query = (
                "SELECT c.doc_id, c.para_no, c.code, p.text FROM coded c JOIN paragraphs p "
                f"ON p.doc_id = c.doc_id AND p.para_no = c.para_no WHERE c.doc_id IN (SELECT unnest(?::VARCHAR[])){only}"
            )
        return self._restore(self.sql(query, params))

    def coded_counts(self, doc_ids: Iterable[str], codes: Iterable[str]) -> tuple[pd.DataFrame, int]:
        """(doc_id, code, coded: paragraphs of the document a shipped codebook's code codes; how
        many paragraphs any of ``codes`` codes) of these documents and codes, counted by DuckDB:
        at 20,000 documents the coded rows themselves, read into pandas to be counted, cost the
        server 200 MB."""
        params = [list(doc_ids), list(codes)]
        where = "WHERE doc_id IN (SELECT unnest(?::VARCHAR[])) AND code IN (SELECT unnest(?::VARCHAR[]))"
        per_doc = self.sql(
            f"SELECT doc_id, code, count(*)::BIGINT AS coded FROM coded {where} GROUP BY doc_id, code ORDER BY doc_id, code",
            params,
        )
        paragraphs = self.sql(
            f"SELECT count(*)::BIGINT AS n FROM (SELECT DISTINCT doc_id, para_no FROM coded {where})", params
        )
        return self._restore(per_doc), int(paragraphs["n"].iloc[0])


def _keys(outside: pd.DataFrame | None) -> pd.DataFrame:
    """The (doc_id, para_no) of the paragraphs a figure must stand outside, none when not given."""
    if outside is None:
        return pd.DataFrame({"doc_id": pd.Series(dtype=str), "para_no": pd.Series(dtype="int64")})
    return outside[["doc_id", "para_no"]]


def _among(doc_ids: Iterable[str], **chosen: Sequence[str]) -> tuple[list[str], list]:
    """The conditions and parameters for rows of these documents whose columns hold one of the
    values ``chosen`` for them (a column given no values is not asked)."""
    where, params = ["doc_id IN (SELECT unnest(?::VARCHAR[]))"], [list(doc_ids)]
    for column, values in chosen.items():
        if values:
            where.append(f"{column} IN (SELECT unnest(?::VARCHAR[]))")
            params.append(list(values))
    return where, params


def _items_where(
    doc_ids: Iterable[str],
    levels: Sequence[str],
    tiers: Sequence[str],
    themes: Sequence[str],
    lead: str,
    sections: Sequence[str],
) -> tuple[str, list]:
    """The condition and parameters of ``Tables.items_of``: ``analysis.items.filter_items``'s
    choices (a lead matches a unit or leader as a substring of lead or leaders)."""
    check_item_choices(levels, sections)
    where, params = _among(doc_ids, level=levels, tier=tiers, theme=themes, section=sections)
    if lead.strip():
        where.append("contains(coalesce(lead, '') || '；' || coalesce(leaders, ''), ?)")
        params.append(lead.strip())
    return " AND ".join(where), params


def _figures_where(
    doc_ids: Iterable[str],
    outside: pd.DataFrame | None,
    kinds: Sequence[str],
    statuses: Sequence[str],
    words: str,
    unit: str | None,
) -> tuple[str, list]:
    """The condition and parameters of ``Tables.figures_of`` (``_outside`` registered)."""
    where, params = _among(doc_ids, kind=kinds, status=statuses)
    if outside is not None and not outside.empty:
        where.append("NOT EXISTS (SELECT 1 FROM _outside AS o WHERE o.doc_id = t.doc_id AND o.para_no = t.para_no)")
    if words.strip():
        where.append("contains(sentence, ?)")
        params.append(words.strip())
    if unit is not None:
        where.append("unit = ? AND year IS NOT NULL")
        params.append(unit)
    return " AND ".join(where), params
