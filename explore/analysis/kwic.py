"""Keyword in context (pure): every occurrence of one or more terms, with its surroundings.

Searches the Simplified analysis text by default (so a Simplified query finds Traditional
documents too) or the text as written. In the Simplified text, characters the repair guessed
(shown as � in the text as written) are listed in the ``guessed`` column of the lines that show
them, so a reader never takes a guess for the document's text.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from typing import Literal, get_args

import pandas as pd

from explore.ingest.marks import guessed_positions
from explore.ingest.pinyin import sort_key

TextColumn = Literal["text", "text_original"]
_WORD = re.compile(r"\w")
SortKey = Literal["document", "date", "L1", "L2", "R1", "R2"]
KWIC_COLUMNS = ["doc_id", "district", "year", "date", "para_no", "left", "match", "right", "title", "guessed"]
LIMIT = 5000  # occurrences a concordance lists, in reading order (the first ones of a common word)


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
    limit: int | None = LIMIT,
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
    dated = docs if "date" in docs else docs.assign(date="")
    out = out.merge(dated[["doc_id", "district", "year", "date", "title"]], on="doc_id", how="left")
    return out[KWIC_COLUMNS]


def with_neighbours(lines: pd.DataFrame, tokens: Callable[[str], list[str]]) -> pd.DataFrame:
    """``lines`` with the words next to the match: L1 and L2 (the first and second word to its
    left), R1 and R2 (to its right), cut with ``tokens`` (the corpus segmenter). A context cut
    in the middle of a word gives that fragment as the far neighbour, as AntConc's do."""
    out = lines.copy()
    # words only: a sign (，“) is no neighbour to sort by
    lefts = [[t for t in tokens(text) if _WORD.search(t)] for text in out["left"]]
    rights = [[t for t in tokens(text) if _WORD.search(t)] for text in out["right"]]
    out["L1"] = [t[-1] if t else "" for t in lefts]
    out["L2"] = [t[-2] if len(t) > 1 else "" for t in lefts]
    out["R1"] = [t[0] if t else "" for t in rights]
    out["R2"] = [t[1] if len(t) > 1 else "" for t in rights]
    return out


def sort_lines(lines: pd.DataFrame, by: SortKey = "document") -> pd.DataFrame:
    """Concordance lines sorted by a neighbouring word (L1, L2, R1, R2, in pinyin order; then by
    the next one out, as AntConc sorts), by date (undated last) or in document order; ties keep document
    order."""
    if by not in get_args(SortKey):
        raise ValueError(f"by must be one of {', '.join(get_args(SortKey))}, got {by!r}")
    if by == "document" or lines.empty:
        return lines.reset_index(drop=True)
    if by == "date":
        undated = lines["date"].fillna("").astype(str).eq("")
        order = lines.assign(_undated=undated).sort_values(["_undated", "date"], kind="stable")
        return order.drop(columns="_undated").reset_index(drop=True)
    then = {"L1": ["L1", "L2"], "L2": ["L2", "L1"], "R1": ["R1", "R2"], "R2": ["R2", "R1"]}[by]
    # by pinyin, as a Chinese dictionary orders words (AntConc's code-point order scatters them)
    return lines.sort_values(then, kind="stable", key=lambda words: words.map(sort_key)).reset_index(drop=True)


def dispersion(lines: pd.DataFrame, spans: pd.DataFrame) -> pd.DataFrame:
    """Where in each document the lines fall: ``position`` from 0 (first paragraph) to 1 (last),
    one row per line, with the document's title, district and year for the plot's rows.
    ``spans``: each document's first and last para_no (doc_id, first, last)."""
    if lines.empty:
        return pd.DataFrame(columns=["doc_id", "title", "district", "year", "para_no", "position"])
    span = spans.set_index("doc_id")
    out = lines[["doc_id", "title", "district", "year", "para_no"]].copy()
    lo = out["doc_id"].map(span["first"])
    width = (out["doc_id"].map(span["last"]) - lo).replace(0, 1)
    out["position"] = ((out["para_no"] - lo) / width).round(3)
    return out


def lines_holding(lines: pd.DataFrame, word: str) -> pd.DataFrame:
    """The lines whose context, left or right of the term, holds ``word`` too (a collocate's lines)."""
    word = word.strip()
    if not word or lines.empty:
        return lines
    return lines[(lines["left"] + "\x00" + lines["right"]).str.contains(word, regex=False)]
