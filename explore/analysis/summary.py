"""Extractive summaries: the sentences that best carry a set of key terms (pure)."""

from __future__ import annotations

import math
import re

import pandas as pd

from explore.analysis.filters import is_in
from explore.ingest.alternation import any_of

SENTENCE_COLUMNS = ["doc_id", "para_no", "score", "sentence", "title"]
_SENTENCE_END = re.compile(r"(?<=[。！？!?；;])")


def split_sentences(text: str, *, min_len: int = 20) -> list[str]:
    """Sentences of at least ``min_len`` characters (shorter ones are headings or fragments)."""
    return [s.strip() for s in _SENTENCE_END.split(text) if len(s.strip()) >= min_len]


def representative_sentences(
    paragraphs: pd.DataFrame, docs: pd.DataFrame, key_terms: pd.DataFrame, *, top_n: int = 5, max_len: int = 160
) -> pd.DataFrame:
    """Sentences of ``docs`` ranked by the keyness of the key terms they contain.

    ``key_terms`` has columns term and log_likelihood (from ``keywords.keyness``). A sentence
    scores the sum of its distinct key terms' G², damped by the square root of its length so
    that long sentences do not win by size alone.
    """
    if key_terms.empty or paragraphs.empty:
        return pd.DataFrame(columns=SENTENCE_COLUMNS)
    weights = dict(zip(key_terms["term"], key_terms["log_likelihood"], strict=True))
    pattern = re.compile(any_of(weights))
    paras = paragraphs[is_in(paragraphs["doc_id"], docs["doc_id"])]
    # a paragraph repeated word for word (stock sentences, reposts) is read once, where it first
    # stands: a sentence is kept at its first place anyway
    paras = paras.sort_values(["doc_id", "para_no"], kind="stable").drop_duplicates("text")
    rows, seen = [], set()
    for doc_id, para_no, text in zip(paras["doc_id"], paras["para_no"], paras["text"], strict=True):
        for sentence in split_sentences(text):
            if len(sentence) > max_len or sentence in seen:
                continue  # too long to show: not searched; or scored where it stood first
            seen.add(sentence)
            found = set(pattern.findall(sentence))
            if found:
                score = sum(weights[t] for t in found) / math.sqrt(len(sentence))
                rows.append((doc_id, para_no, round(score, 2), sentence))
    out = pd.DataFrame(rows, columns=["doc_id", "para_no", "score", "sentence"])
    out = out.drop_duplicates("sentence").sort_values(["score", "doc_id", "para_no"], ascending=[False, True, True])
    out = out.head(top_n).merge(docs[["doc_id", "title"]], on="doc_id", how="left")
    return out[SENTENCE_COLUMNS].reset_index(drop=True)
