"""Keyword in context (pure): every occurrence of one or more terms, with its surroundings.

Searches the Simplified analysis text by default (so a Simplified query finds Traditional
documents too) or the text as written. In the Simplified text, characters the repair guessed
(shown as � in the text as written) are listed in the ``guessed`` column of the lines that show
them, so a reader never takes a guess for the document's text.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Literal

import pandas as pd

from explore.render import guessed_positions

TextColumn = Literal["text", "text_original"]
KWIC_COLUMNS = ["doc_id", "district", "year", "para_no", "left", "match", "right", "title", "guessed"]


def parse_query(query: str) -> list[str]:
    """'营商环境, 放管服 城市更新' → ['营商环境', '放管服', '城市更新'] (commas, spaces, 、 or ；)."""
    return [t for t in re.split(r"[\s,，、;；]+", query.strip()) if t]


def kwic(
    paragraphs: pd.DataFrame,
    docs: pd.DataFrame,
    terms: Iterable[str],
    *,
    width: int = 20,
    column: TextColumn = "text",
    limit: int | None = 5000,
) -> pd.DataFrame:
    """Occurrences of ``terms`` in ``paragraphs`` of ``docs``: KWIC_COLUMNS, in document order."""
    if width < 0:
        raise ValueError(f"width must be zero or more, got {width}")
    if column not in ("text", "text_original"):
        raise ValueError(f"column must be 'text' or 'text_original', got {column!r}")
    terms = [t for t in terms if t]
    if not terms or paragraphs.empty:
        return pd.DataFrame(columns=KWIC_COLUMNS)
    pattern = re.compile("|".join(re.escape(t) for t in sorted(set(terms), key=len, reverse=True)))
    paras = paragraphs[paragraphs["doc_id"].isin(docs["doc_id"])]
    paras = paras[paras[column].str.contains(pattern, regex=True)]
    rows = []
    originals = paras["text_original"] if column == "text" and "text_original" in paras else [""] * len(paras)
    for doc_id, para_no, text, original in zip(
        paras["doc_id"], paras["para_no"], paras[column], originals, strict=True
    ):
        guessed = guessed_positions(text, original) if original else []
        for m in pattern.finditer(text):
            start, end = max(0, m.start() - width), m.end() + width
            left, right = text[start : m.start()], text[m.end() : end]
            shown = "".join(text[i] for i in guessed if start <= i < end)
            rows.append((doc_id, para_no, left, m.group(), right, shown))
            if limit and len(rows) >= limit:
                break
        if limit and len(rows) >= limit:
            break
    out = pd.DataFrame(rows, columns=["doc_id", "para_no", "left", "match", "right", "guessed"])
    out = out.merge(docs[["doc_id", "district", "year", "title"]], on="doc_id", how="left")
    return out[KWIC_COLUMNS]
