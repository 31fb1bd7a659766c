"""The corpus as the analyses count it (pure): the same documents, without their formula
paragraphs (``store.formula``: furniture and stock sentences that recur across the corpus) and
without the item metadata inside paragraphs (``analysis.roles.note_spans``: 牵头单位：… and
（X、Y等负责） notes, whose 单位, 牵头 and unit names would otherwise top keyness).

``paragraphs`` loses the formula paragraphs; ``tokens`` and ``para_terms`` lose those and the
tokens that stand inside a note; ``terms`` is summed again from what is left. The paragraph
text itself is never changed: readers and figures see every word.
"""

from __future__ import annotations

import re
from collections import Counter

import pandas as pd

from explore.analysis.roles import note_spans
from explore.store.assemble import terms_of
from explore.store.formula import formula_paragraphs, leave_out
from explore.store.load import Corpus

_MAY_HOLD_NOTE = re.compile(r"[:：]|负责|牵头")  # a cheap test before the spans are looked for


def _in_notes(text: str, tokens: str) -> tuple[str, Counter[str]]:
    """The paragraph's tokens without those inside its notes, and the removed ones counted.
    Tokens are the text without whitespace, cut: offsets line up once whitespace is dropped."""
    bare = re.sub(r"\s+", "", text)
    spans = note_spans(bare)
    if not spans or tokens.replace(" ", "") != bare:
        return tokens, Counter()  # no note, or tokens that do not line up with the text: left whole
    kept, removed, at, i = [], Counter(), 0, 0
    for tok in tokens.split(" ") if tokens else []:
        start, end = at, at + len(tok)
        at = end
        while i < len(spans) and spans[i][1] <= start:
            i += 1
        if i < len(spans) and spans[i][0] < end and start < spans[i][1]:
            removed[tok] += 1
        else:
            kept.append(tok)
    return " ".join(kept), removed


def _leave_notes_out(paragraphs: pd.DataFrame, tokens: pd.DataFrame, para_terms: pd.DataFrame):
    texts = paragraphs.set_index(["doc_id", "para_no"])["text"]
    candidates = tokens.merge(texts[texts.str.contains(_MAY_HOLD_NOTE)].reset_index(), on=["doc_id", "para_no"])
    new_tokens, rows = {}, []
    for doc_id, para_no, text, toks in zip(
        candidates["doc_id"], candidates["para_no"], candidates["text"], candidates["tokens"], strict=True
    ):
        kept, removed = _in_notes(text, toks)
        if removed:
            new_tokens[(doc_id, para_no)] = kept
            rows += [(doc_id, para_no, term, n) for term, n in removed.items()]
    if not rows:
        return tokens, para_terms, 0
    keys = pd.MultiIndex.from_frame(tokens[["doc_id", "para_no"]])
    tokens = tokens.copy()
    changed = keys.isin(list(new_tokens))
    tokens.loc[changed, "tokens"] = [new_tokens[k] for k in keys[changed]]
    cut = pd.DataFrame(rows, columns=["doc_id", "para_no", "term", "cut"])
    merged = para_terms.merge(cut, on=["doc_id", "para_no", "term"], how="left")
    merged["count"] = merged["count"] - merged["cut"].fillna(0).astype(merged["count"].dtype)
    para_terms = merged.loc[merged["count"] > 0, list(para_terms.columns)].reset_index(drop=True)
    return tokens, para_terms, len(new_tokens)


def analysed(corpus: Corpus) -> Corpus:
    """``corpus`` as the analyses count it (see the module docstring); the corpus itself when
    it has neither formula nor notes. Held in memory; its key is the corpus's + ``~analysed``."""
    marked = formula_paragraphs(corpus.tables, n_docs=len(corpus.docs))
    paragraphs = leave_out(corpus.paragraphs, marked)
    tokens, para_terms, n_notes = _leave_notes_out(
        paragraphs, leave_out(corpus.tokens, marked), leave_out(corpus.para_terms, marked)
    )
    if marked.empty and not n_notes:
        return corpus
    return Corpus(
        corpus.root,
        corpus.docs,
        paragraphs=paragraphs,
        terms=terms_of(para_terms, corpus.docs["doc_id"].tolist()).astype(corpus.terms.dtypes.to_dict()),
        para_terms=para_terms,
        tokens=tokens,
        items=corpus.items,
        figures=corpus.figures,
        skipped=corpus.skipped,
        key=f"{corpus.key}~analysed",
        stats={**corpus.stats, "formula_paragraphs": len(marked), "paragraphs_with_notes": n_notes},
    )
