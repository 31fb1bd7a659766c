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


def _shape(column: str) -> str:
    return rf"""
regexp_replace(
  regexp_replace(regexp_replace({column}, '\s+', '', 'g'), '[A-Za-z0-9０-９:/._\-?=&%#@]+', '#', 'g'),
  '[\x{{4e00}}-\x{{9fff}}]{{1,6}}?(省|市|区|县|旗)(人民政府|政府|委员会|人大常委会|人大|政协|人民代表大会)', '□\2', 'g')
"""


_SHAPE = _shape("text")


def min_documents(n_docs: int) -> int:
    """How many documents a shape must recur in to be formula, in a corpus of ``n_docs``."""
    return max(MIN_DOCS, math.ceil(SHARE * n_docs))


# The formula shapes of the corpus: short paragraphs' shapes found in enough documents.
_FORMULA = (
    f"WITH p AS (SELECT doc_id, para_no, text, {_SHAPE} AS shape FROM paragraphs WHERE length(text) <= ?), "
    "f AS (SELECT shape FROM p GROUP BY shape HAVING count(DISTINCT doc_id) >= ? AND length(shape) >= 4) "
)


def formula_lines(tables: Tables, *, n_docs: int, sentences: str | None = None) -> pd.DataFrame:
    """The corpus's formula shapes (FORMULA_COLUMNS), the most widespread first: in how many
    documents and paragraphs each recurs, and one paragraph (or stock sentence) as written.
    ``sentences``: a relation of the paragraphs' ``SENTENCE_ROWS`` where the build stored them."""
    whole = tables.sql(
        _FORMULA + "SELECT shape, count(DISTINCT doc_id)::BIGINT AS documents, count(*)::BIGINT AS paragraphs, "
        "min(text) AS example FROM p SEMI JOIN f USING (shape) GROUP BY shape",
        [MAX_CHARS, min_documents(n_docs)],
    )
    inside = tables.sql(
        _sentences(sentences) + "SELECT shape, count(DISTINCT doc_id)::BIGINT AS documents, "
        "count(DISTINCT (doc_id, para_no))::BIGINT AS paragraphs, min(sentence) AS example "
        "FROM t SEMI JOIN f USING (shape) GROUP BY shape",
        [MIN_SENTENCE, MAX_CHARS, min_documents(n_docs)],
    )
    both = pd.concat([whole, inside[~inside["shape"].isin(whole["shape"])]], ignore_index=True)
    both = both.sort_values(["documents", "paragraphs", "shape"], ascending=[False, False, True], ignore_index=True)
    return both[FORMULA_COLUMNS]


def formula_paragraphs(tables: Tables, *, n_docs: int) -> pd.DataFrame:
    """doc_id and para_no of every paragraph whose shape is formula."""
    return tables.sql(
        _FORMULA + "SELECT doc_id, para_no FROM p SEMI JOIN f USING (shape) ORDER BY doc_id, para_no",
        [MAX_CHARS, min_documents(n_docs)],
    )


def outside(rows: pd.DataFrame, formula: pd.DataFrame) -> pd.Series:
    """Which of ``rows`` (with doc_id and para_no) stand outside the formula paragraphs."""
    if formula.empty or rows.empty:
        return pd.Series(True, index=rows.index)
    marked = pd.MultiIndex.from_frame(formula[["doc_id", "para_no"]].astype({"para_no": "int64"}))
    keys = pd.MultiIndex.from_frame(rows[["doc_id", "para_no"]].astype({"para_no": "int64"}))
    return pd.Series(~keys.isin(marked), index=rows.index)


def leave_out(paragraphs: pd.DataFrame, formula: pd.DataFrame) -> pd.DataFrame:
    """``paragraphs`` without the formula ones (``formula_paragraphs``)."""
    if formula.empty or paragraphs.empty:
        return paragraphs
    return paragraphs[outside(paragraphs, formula)].reset_index(drop=True)


# A sentence is the text up to and with its 。！？ (or the paragraph's end): each sentence of the
# ``paragraphs`` relation with its number i of n in its paragraph, its shape and its paragraph's
# text as a hash (two paragraphs that differ are told apart, without a copy of each a sentence).
SENTENCE_ROWS = (
    f"SELECT doc_id, para_no, i, n, sentence, text_hash, {_shape('sentence')} AS shape FROM ("
    "SELECT doc_id, para_no, unnest(sentences) AS sentence, generate_subscripts(sentences, 1) AS i, "
    "len(sentences) AS n, hash(text) AS text_hash "
    "FROM (SELECT doc_id, para_no, text, regexp_extract_all(text, '[^。！？!?]+[。！？!?]*') AS sentences FROM paragraphs))"
)


def _sentences(source: str | None) -> str:
    """The sentences t (of ``source``, a relation of ``SENTENCE_ROWS`` the build stored, or
    computed from ``paragraphs``) and the stock sentences' shapes f."""
    return (
        f"WITH t AS ({SENTENCE_ROWS if source is None else f'SELECT * FROM {source}'}), "
        # a stock sentence stands inside longer paragraphs that differ (a paragraph of one sentence is
        # formula as a paragraph or not at all; one paragraph copied whole by several districts is reuse)
        "f AS (SELECT shape FROM t WHERE n > 1 AND length(shape) >= ? AND length(sentence) <= ? "
        "GROUP BY shape HAVING count(DISTINCT doc_id) >= ? AND count(DISTINCT text_hash) >= 2) "
    )


MIN_SENTENCE = 8  # characters: shorter sentences (特此通知。) are harmless and too common to tell


def without_formula_sentences(tables: Tables, doc_ids: list[str] | None, *, n_docs: int) -> pd.DataFrame:
    """doc_id, para_no and text of these documents' paragraphs (every document's for ``None``)
    without the sentences whose shape recurs in enough documents (a genre's stock sentence inside
    a longer paragraph: "…现在，我代表区人民政府，向大会报告工作，请予审议…"); a paragraph that is
    nothing else is left out."""
    query, params = sentence_query(doc_ids, n_docs=n_docs)
    return tables.sql(query, params)


def sentence_query(doc_ids: list[str] | None, *, n_docs: int, sentences: str | None = None) -> tuple[str, list]:
    """The query (and its parameters) of ``without_formula_sentences``; ``sentences`` as for
    ``formula_lines``."""
    chosen = "doc_id IN (SELECT unnest(?::VARCHAR[])) AND " if doc_ids is not None else ""
    query = (
        _sentences(sentences) + f"SELECT doc_id, para_no, string_agg(sentence, '' ORDER BY i) AS text FROM t "
        f"WHERE {chosen}shape NOT IN (SELECT shape FROM f) GROUP BY doc_id, para_no ORDER BY doc_id, para_no"
    )
    params = [MIN_SENTENCE, MAX_CHARS, min_documents(n_docs)]
    return query, [*params, list(doc_ids)] if doc_ids is not None else params


MIN_HAN = 10  # Chinese characters a pair must share to be text reuse (a shared image link is none)


def pairs_without_stock(
    paragraphs: pd.DataFrame, docs: pd.DataFrame, *, min_similarity: float, n_docs: int
) -> pd.DataFrame:
    """Text reuse pairs among ``docs`` (``analysis.reuse``) but those that rest on a stock passage
    (``stock_pairs``): what the Text reuse page and ``export reuse`` show, formula left out."""
    from explore.analysis.reuse import reuse

    pairs = reuse(paragraphs, docs, min_similarity=min_similarity)
    return pairs[~stock_pairs(pairs, n_docs=n_docs)].reset_index(drop=True)


def stock_pairs(pairs: pd.DataFrame, *, n_docs: int) -> pd.Series:
    """Which reuse ``pairs`` rest on no text or on a stock passage: fewer than ``MIN_HAN`` Chinese
    characters shared, or a short passage (at most ``MAX_CHARS`` Chinese characters shared)
    that near-duplicates link across at least ``min_documents(n_docs)`` documents, worded a little
    differently each time (…向大会报告工作，请予审议… ; a dump's "insert into … values (" line), so
    that no one shape recurs for ``formula_paragraphs`` to find."""
    from scipy.sparse import coo_matrix
    from scipy.sparse.csgraph import connected_components

    han = pairs["shared_text"].fillna("").str.count(r"[\u4e00-\u9fff]")
    short = han <= MAX_CHARS  # counted in Chinese characters: a dump's SQL header is long, yet no text
    ends = pd.concat([
        pairs.loc[short, ["left_doc", "left_para"]].set_axis(["doc", "para"], axis=1),
        pairs.loc[short, ["right_doc", "right_para"]].set_axis(["doc", "para"], axis=1),
    ]).astype({"para": "int64"})  # fmt: skip
    # the paragraphs as nodes, the short pairs as edges: a group is stock when it spans enough documents
    node, paragraphs = pd.factorize(pd.MultiIndex.from_frame(ends))
    edges = len(node) // 2
    graph = coo_matrix(([1] * edges, (node[:edges], node[edges:])), shape=(len(paragraphs), len(paragraphs)))
    group = connected_components(graph, directed=False)[1]
    nodes = pd.DataFrame({"doc": paragraphs.get_level_values(0), "group": group})
    wide = nodes.groupby("group")["doc"].nunique() >= min_documents(n_docs)
    stock = set(paragraphs[wide.reindex(group).to_numpy()])
    left = [(a, int(b)) in stock for a, b in zip(pairs["left_doc"], pairs["left_para"], strict=True)]
    return (pd.Series(left, index=pairs.index, dtype=bool) & short) | (han < MIN_HAN)
