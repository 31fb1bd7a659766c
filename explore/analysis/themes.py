"""Themes: a lexicon of terms per theme, and how often each document speaks of each (pure).

The lexicon is ``data/themes.csv`` (theme, label, terms separated by ``|``); a user may edit a
copy for a session. A mention is a term occurrence: terms that are segmentation tokens anywhere in the corpus
are read from the cached ``para_terms`` counts (as words: 环境 inside 营商环境 is not an
environment mention); any other term (a user's new phrase) is counted as a substring of the
paragraph text, so an edited lexicon works without re-segmenting. The rule is decided once per
corpus, so filtering never changes a document's counts.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

import pandas as pd

from explore.analysis.filters import groups_of
from explore.analysis.stats import per_10k
from explore.ingest.lexicon import split_terms

MENTION_COLUMNS = ["doc_id", "para_no", "theme", "mentions"]
DOC_THEME_COLUMNS = ["doc_id", "district", "year", "theme", "mentions", "per_10k_chars"]
TIMELINE_COLUMNS = ["district", "year", "theme", "mentions", "n_chars", "per_10k_chars"]


def theme_of_terms(lexicon: pd.DataFrame) -> pd.DataFrame:
    """Long form: one row per (theme, term)."""
    rows = [(r.theme, t) for r in lexicon.itertuples() for t in split_terms(r.terms)]
    return pd.DataFrame(rows, columns=["theme", "term"]).drop_duplicates()


def paragraph_mentions(
    para_terms: pd.DataFrame, paragraphs: pd.DataFrame, lexicon: pd.DataFrame, *, doc_ids: Iterable[str] | None = None
) -> pd.DataFrame:
    """Theme mentions per paragraph (MENTION_COLUMNS), for the documents ``doc_ids`` (default:
    those in ``paragraphs``). ``para_terms`` must hold every document's rows for the lexicon's
    terms; ``paragraphs`` need only hold those where a term that is no token may occur."""
    long = theme_of_terms(lexicon)
    ids = list(paragraphs["doc_id"].unique()) if doc_ids is None else list(doc_ids)
    if long.empty or not ids:
        return pd.DataFrame(columns=MENTION_COLUMNS)
    pt = para_terms[para_terms["doc_id"].isin(ids)]
    # Word or substring is decided once for the whole corpus (every document in ``para_terms``),
    # never from the documents in view: a document's counts must not depend on the filter.
    vocab = set(para_terms.loc[para_terms["term"].isin(set(long["term"])), "term"].unique())
    token_terms = long[long["term"].isin(vocab)]
    parts = [pt.merge(token_terms, on="term")[["doc_id", "para_no", "theme", "count"]]]
    for row in long[~long["term"].isin(vocab)].itertuples():
        hits = paragraphs["text"].str.count(re.escape(row.term))
        hits = hits[hits > 0]
        if len(hits):
            sel = paragraphs.loc[hits.index, ["doc_id", "para_no"]].assign(theme=row.theme, count=hits.to_numpy())
            parts.append(sel)
    out = pd.concat(parts, ignore_index=True)
    if out.empty:
        return pd.DataFrame(columns=MENTION_COLUMNS)
    out = out.groupby(["doc_id", "para_no", "theme"], as_index=False)["count"].sum()
    out = out.astype({"para_no": "int64", "count": "int64"})  # one type, whichever way a term was counted
    return out.rename(columns={"count": "mentions"})[MENTION_COLUMNS]


def doc_themes(mentions: pd.DataFrame, docs: pd.DataFrame, lexicon: pd.DataFrame) -> pd.DataFrame:
    """Mentions per document and theme, with zeros (DOC_THEME_COLUMNS)."""
    grid = docs[["doc_id", "district", "year", "n_chars"]].merge(pd.DataFrame({"theme": lexicon["theme"]}), how="cross")
    per = mentions.groupby(["doc_id", "theme"], as_index=False)["mentions"].sum()
    out = grid.merge(per, on=["doc_id", "theme"], how="left").fillna({"mentions": 0})
    out["mentions"] = out["mentions"].astype("int64")
    out["per_10k_chars"] = per_10k(out["mentions"], out["n_chars"])
    return out[DOC_THEME_COLUMNS]


def timeline(doc_theme: pd.DataFrame, docs: pd.DataFrame) -> pd.DataFrame:
    """Mentions per 10,000 characters by district, year and theme (TIMELINE_COLUMNS)."""
    if doc_theme.empty:
        return pd.DataFrame(columns=TIMELINE_COLUMNS)
    d = doc_theme.merge(docs[["doc_id", "n_chars"]], on="doc_id")
    d["district"] = groups_of(d, docs)
    out = d.groupby(["district", "year", "theme"], as_index=False).agg(
        mentions=("mentions", "sum"), n_chars=("n_chars", "sum")
    )
    out["per_10k_chars"] = per_10k(out["mentions"], out["n_chars"])
    return out[TIMELINE_COLUMNS].sort_values(["theme", "district", "year"]).reset_index(drop=True)


def heatmap(doc_theme: pd.DataFrame, docs: pd.DataFrame) -> pd.DataFrame:
    """District × theme: mentions per 10,000 characters (columns district, theme, per_10k_chars, mentions)."""
    if doc_theme.empty:
        return pd.DataFrame(columns=["district", "theme", "mentions", "per_10k_chars"])
    d = doc_theme.merge(docs[["doc_id", "n_chars"]], on="doc_id")
    d["district"] = groups_of(d, docs)
    out = d.groupby(["district", "theme"], as_index=False).agg(mentions=("mentions", "sum"), n_chars=("n_chars", "sum"))
    out["per_10k_chars"] = per_10k(out["mentions"], out["n_chars"])
    return out[["district", "theme", "mentions", "per_10k_chars"]]


def passage_keys(
    mentions: pd.DataFrame, docs: pd.DataFrame, *, theme: str, district: str | None = None, year: int | None = None
) -> pd.DataFrame:
    """The paragraphs that mention ``theme`` (optionally in one district / year) without their
    text: doc_id, district, year, para_no, mentions, title; most mentions first."""
    m = mentions[mentions["theme"] == theme].merge(docs[["doc_id", "district", "year", "title"]], on="doc_id")
    if district is not None:
        m = m[groups_of(m, docs) == district]
    if year is not None:
        m = m[m["year"] == year]
    cols = ["doc_id", "district", "year", "para_no", "mentions", "title"]
    return m.sort_values(["mentions", "doc_id", "para_no"], ascending=[False, True, True])[cols].reset_index(drop=True)


def passages(keys: pd.DataFrame, paragraphs: pd.DataFrame) -> pd.DataFrame:
    """The passages of ``passage_keys`` with their text, in the keys' order (``paragraphs`` need
    hold only theirs)."""
    m = keys.merge(paragraphs[["doc_id", "para_no", "text"]], on=["doc_id", "para_no"], how="inner", sort=False)
    return m[["doc_id", "district", "year", "para_no", "mentions", "title", "text"]].reset_index(drop=True)
