"""The shipped theme lexicon's mentions per paragraph, counted once in the build and stored as
``analysed/theme_mentions`` (doc_id, para_no, theme, mentions), exactly as
``analysis.themes.paragraph_mentions`` counts them, and summed a document as
``analysed/doc_theme_mentions`` (doc_id, theme, mentions): a term that is a token anywhere in the
corpus is read from ``para_terms``, any other as a substring of the paragraph text. The pages
and ``export`` then read the rows of the documents in view; a lexicon a user edited is counted
at page time, as before.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

import duckdb
import pandas as pd

from explore.analysis.themes import MENTION_COLUMNS, theme_of_terms
from explore.ingest.lexicon import default_lexicon
from explore.store.query import quoted

TABLE = "theme_mentions"
# the same summed a document (doc_id, theme, mentions): the pages' per-document counts read, not
# summed from 20,000 documents' paragraphs each time (200 MiB and a second)
DOC_TABLE = "doc_theme_mentions"

# A substring is counted as str.count counts it (non-overlapping, from the left): what replace
# removes, in characters, over the term's length.
_QUERY = """
WITH vocab AS (SELECT DISTINCT term FROM {para_terms} WHERE term IN (SELECT term FROM lexicon)),
-- the terms read as substrings, chosen before the join: filtered after it, DuckDB tried every
-- paragraph against every term (a second at 1,000 documents; a quarter of it so)
substrings AS (SELECT * FROM lexicon WHERE term NOT IN (SELECT term FROM vocab)),
hits AS (
    SELECT p.doc_id, p.para_no, l.theme, p.count::BIGINT AS n
    FROM {para_terms} p JOIN lexicon l ON l.term = p.term
    UNION ALL
    SELECT p.doc_id, p.para_no, l.theme,
           ((length(p.text) - length(replace(p.text, l.term, ''))) // length(l.term))::BIGINT AS n
    FROM {paragraphs} p JOIN substrings l ON contains(p.text, l.term)
)
SELECT doc_id, para_no, theme, sum(n)::BIGINT AS mentions
FROM hits GROUP BY doc_id, para_no, theme ORDER BY doc_id, para_no, theme
"""


def _parquet(path: Path) -> str:
    return f"read_parquet('{quoted(path)}')"


def write_theme_mentions(con: duckdb.DuckDBPyConnection, folder: Path, *, lexicon: pd.DataFrame | None = None) -> None:
    """Write ``folder/theme_mentions.parquet`` from the analysed ``paragraphs`` and
    ``para_terms`` already in ``folder``, with ``lexicon`` (default: the shipped one)."""
    con.register("lexicon", theme_of_terms(default_lexicon() if lexicon is None else lexicon))
    query = _QUERY.format(para_terms=_parquet(folder / "para_terms.parquet"),
                          paragraphs=_parquet(folder / "paragraphs.parquet"))  # fmt: skip
    target = quoted(folder / f"{TABLE}.parquet")
    con.execute(f"COPY ({query}) TO '{target}' (FORMAT parquet)")
    con.unregister("lexicon")
    summed = (
        f"SELECT doc_id, theme, sum(mentions)::BIGINT AS mentions FROM read_parquet('{target}') "
        "GROUP BY doc_id, theme ORDER BY doc_id, theme"
    )
    con.execute(f"COPY ({summed}) TO '{quoted(folder / f'{DOC_TABLE}.parquet')}' (FORMAT parquet)")


def _stored(corpus, lexicon: pd.DataFrame) -> Path | None:
    folder = getattr(corpus, "folder", None)
    path = folder / f"{TABLE}.parquet" if folder is not None else None
    if path is None or not path.exists() or not lexicon.equals(default_lexicon()):
        return None
    return path


def stored_mentions(
    corpus, doc_ids: Iterable[str], lexicon: pd.DataFrame, *, theme: str | None = None
) -> pd.DataFrame | None:
    """The stored mentions of these documents (MENTION_COLUMNS, ordered by doc_id, para_no and
    theme; of ``theme`` only when given) when ``corpus`` is a built analysed corpus and
    ``lexicon`` the shipped one; else None."""
    path = _stored(corpus, lexicon)
    if path is None:
        return None
    only = "" if theme is None else " AND theme = ?"
    found = corpus.tables.sql(
        f"SELECT * FROM {_parquet(path)} WHERE doc_id IN (SELECT unnest(?::VARCHAR[])){only} "
        "ORDER BY doc_id, para_no, theme",
        [list(doc_ids)] + ([] if theme is None else [theme]),
    )
    return found.astype({"para_no": "int64", "mentions": "int64"})[MENTION_COLUMNS]


def stored_doc_mentions(corpus, doc_ids: Iterable[str], lexicon: pd.DataFrame) -> pd.DataFrame | None:
    """doc_id, theme and mentions: the stored mentions summed a document (a row a document and
    theme it mentions, not a paragraph), or None as for ``stored_mentions``."""
    path = _stored(corpus, lexicon)
    if path is None:
        return None
    found = corpus.tables.sql(
        f"SELECT doc_id, theme, mentions FROM {_parquet(path.with_name(f'{DOC_TABLE}.parquet'))} "
        "WHERE doc_id IN (SELECT unnest(?::VARCHAR[])) ORDER BY doc_id, theme",
        [list(doc_ids)],
    )
    return found.astype({"mentions": "int64"})


def coded_by_theme(corpus, doc_ids: Iterable[str], codes: Iterable[str]) -> tuple[pd.DataFrame, pd.Series] | None:
    """(code, theme, fragments: the paragraphs of these documents a shipped code codes, by each
    theme of the shipped lexicon they mention, '(none)' for those mentioning none; the themes the
    documents mention) counted by DuckDB from the stored tables, or None as for
    ``stored_mentions``: the Policy instruments page across themes without reading every coded
    paragraph and every paragraph's themes into pandas."""
    from explore.analysis.instruments import NONE

    path = _stored(corpus, default_lexicon())
    if path is None:
        return None
    ids = list(doc_ids)
    counts = corpus.tables.sql(
        f"SELECT c.code, coalesce(t.theme, ?) AS theme, count(*)::BIGINT AS fragments FROM coded c "
        f"LEFT JOIN (SELECT DISTINCT doc_id, para_no, theme FROM {_parquet(path)}) t USING (doc_id, para_no) "
        "WHERE c.doc_id IN (SELECT unnest(?::VARCHAR[])) AND c.code IN (SELECT unnest(?::VARCHAR[])) "
        "GROUP BY ALL ORDER BY ALL",
        [NONE, ids, list(codes)],
    )
    seen = corpus.tables.sql(
        f"SELECT DISTINCT theme FROM {_parquet(path)} WHERE doc_id IN (SELECT unnest(?::VARCHAR[])) ORDER BY theme",
        [ids],
    )
    return counts.astype({"fragments": "int64"}), seen["theme"]
