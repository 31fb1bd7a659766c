"""Formula: paragraphs that recur across many documents of a corpus — site furniture, a
collector's header lines, a genre's stock sentences ("…请予审议，并请各位政协委员…提出意见") — found
by how often they recur, not from a word list (DuckDB over the paragraphs table).

Two paragraphs are the same formula when they have the same *shape*: the text without spaces,
each run of Latin letters, digits and URL punctuation as ``#`` (so 来源URL：http://a/1 and
来源URL：http://b/2 agree), and a place's body named before its organ as ``□`` (我代表罗湖区人民政府
and 我代表福田区人民政府 agree). A shape is formula when it recurs in at least
``max(MIN_DOCS, SHARE × documents)`` documents of the whole corpus and is at most ``MAX_CHARS``
long: a paragraph of substance that a few districts copy stays text reuse.
"""

from __future__ import annotations

import math

import pandas as pd

from explore.store.query import Tables

MIN_DOCS = 3
SHARE = 0.02
MAX_CHARS = 150
FORMULA_COLUMNS = ["shape", "documents", "paragraphs", "example"]

_SHAPE = r"""
regexp_replace(
  regexp_replace(regexp_replace(text, '\s+', '', 'g'), '[A-Za-z0-9０-９:/._\-?=&%#@]+', '#', 'g'),
  '[\x{4e00}-\x{9fff}]{1,6}?(省|市|区|县|旗)(人民政府|政府|委员会|人大常委会|人大|政协|人民代表大会)', '□\2', 'g')
"""


def min_documents(n_docs: int) -> int:
    """How many documents a shape must recur in to be formula, in a corpus of ``n_docs``."""
    return max(MIN_DOCS, math.ceil(SHARE * n_docs))


# The formula shapes of the corpus: short paragraphs' shapes found in enough documents.
_FORMULA = (
    f"WITH p AS (SELECT doc_id, para_no, text, {_SHAPE} AS shape FROM paragraphs WHERE length(text) <= ?), "
    "f AS (SELECT shape FROM p GROUP BY shape HAVING count(DISTINCT doc_id) >= ? AND length(shape) >= 4) "
)


def formula_lines(tables: Tables, *, n_docs: int) -> pd.DataFrame:
    """The corpus's formula shapes (FORMULA_COLUMNS), the most widespread first: in how many
    documents and paragraphs each recurs, and one paragraph as written."""
    return tables.sql(
        _FORMULA + "SELECT shape, count(DISTINCT doc_id)::BIGINT AS documents, count(*)::BIGINT AS paragraphs, "
        "min(text) AS example FROM p SEMI JOIN f USING (shape) "
        "GROUP BY shape ORDER BY documents DESC, paragraphs DESC, shape",
        [MAX_CHARS, min_documents(n_docs)],
    )[FORMULA_COLUMNS]


def formula_paragraphs(tables: Tables, *, n_docs: int) -> pd.DataFrame:
    """doc_id and para_no of every paragraph whose shape is formula."""
    return tables.sql(
        _FORMULA + "SELECT doc_id, para_no FROM p SEMI JOIN f USING (shape) ORDER BY doc_id, para_no",
        [MAX_CHARS, min_documents(n_docs)],
    )


def leave_out(paragraphs: pd.DataFrame, formula: pd.DataFrame) -> pd.DataFrame:
    """``paragraphs`` without the formula ones (``formula_paragraphs``)."""
    if formula.empty or paragraphs.empty:
        return paragraphs
    marked = pd.MultiIndex.from_frame(formula[["doc_id", "para_no"]].astype({"para_no": "int64"}))
    keys = pd.MultiIndex.from_frame(paragraphs[["doc_id", "para_no"]].astype({"para_no": "int64"}))
    return paragraphs[~keys.isin(marked)].reset_index(drop=True)
