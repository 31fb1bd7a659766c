"""Keyword in context (pure): every occurrence of one or more terms, with its surroundings.

Searches the Simplified analysis text by default (so a Simplified query finds Traditional
documents too) or the text as written. In the Simplified text, characters the repair guessed
(shown as � in the text as written) are listed in the ``guessed`` column of the lines that show
them, so a reader never takes a guess for the document's text.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Literal, get_args

import pandas as pd

from explore.ingest.alternation import any_of
from explore.ingest.marks import guessed_positions
from explore.ingest.pinyin import sort_key

TextColumn = Literal["text", "text_original"]
_WORD = re.compile(r"\w")
SortKey = Literal["document", "date", "L1", "L2", "R1", "R2"]
# offset: where the match starts in its paragraph (characters), by which its neighbours are found
KWIC_COLUMNS = ["doc_id", "district", "year", "date", "para_no", "offset", "left", "match", "right", "title", "guessed"]
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
    pattern = re.compile(any_of(terms))
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
            rows.append((doc_id, para_no, m.start(), left, m.group(), right, shown))
            if limit and len(rows) >= limit:
                break
        if limit and len(rows) >= limit:
            break
    out = pd.DataFrame(rows, columns=["doc_id", "para_no", "offset", "left", "match", "right", "guessed"])
    dated = docs if "date" in docs else docs.assign(date="")
    out = out.merge(dated[["doc_id", "district", "year", "date", "title"]], on="doc_id", how="left")
    return out[KWIC_COLUMNS]


def with_neighbours(lines: pd.DataFrame, paragraphs: pd.DataFrame) -> pd.DataFrame:
    """``lines`` with the words next to the match: L1 and L2 (the first and second word to its
    left), R1 and R2 (to its right), as the build cut the paragraph (``paragraphs``: doc_id,
    para_no, text, tokens space-separated), so a concordance sorts by the corpus's own words
    and no segmenter is loaded to cut contexts again. A word the match begins or ends inside
    gives its rest as the neighbour (改革 in 深化改革开放: R1 开放 … or 放 for 改革开); a line
    whose paragraph was read in another length (Traditional text converted phrase by phrase) has none."""
    out = lines.copy()
    originals = paragraphs["text_original"] if "text_original" in paragraphs else paragraphs["text"]
    spans = {
        (doc_id, int(para_no)): (text, original, _token_spans(text, tokens))
        for doc_id, para_no, text, original, tokens in zip(
            paragraphs["doc_id"],
            paragraphs["para_no"],
            paragraphs["text"],
            originals,
            paragraphs["tokens"],
            strict=True,
        )
    }
    near = []
    for doc_id, para_no, offset, match in zip(out["doc_id"], out["para_no"], out["offset"], out["match"], strict=True):
        text, original, words = spans.get((doc_id, int(para_no)), ("", "", []))
        start, end = int(offset), int(offset) + len(match)
        # the match stands there in the text the words were cut from, or in the text as written
        # where that has the same length (a Traditional paragraph converted character by character)
        if text[start:end] != match and (len(original) != len(text) or original[start:end] != match):
            near.append(([], []))
            continue
        # words only: a sign (，“) is no neighbour to sort by
        before = [text[a : min(b, start)] for a, b in words if a < start]
        after = [text[max(a, end) : b] for a, b in words if b > end]
        near.append(([w for w in before if _WORD.search(w)], [w for w in after if _WORD.search(w)]))
    out["L1"] = [b[-1] if b else "" for b, _ in near]
    out["L2"] = [b[-2] if len(b) > 1 else "" for b, _ in near]
    out["R1"] = [a[0] if a else "" for _, a in near]
    out["R2"] = [a[1] if len(a) > 1 else "" for _, a in near]
    return out


def _token_spans(text: str, tokens: str) -> list[tuple[int, int]]:
    """Where each of a paragraph's stored tokens stands in its text (whitespace, and a lead
    note's tokens left out of the analysed tables, are skipped over)."""
    spans, at = [], 0
    for token in tokens.split(" ") if isinstance(tokens, str) else []:
        found = text.find(token, at) if token else -1
        if found >= 0:
            spans.append((found, found + len(token)))
            at = found + len(token)
    return spans


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
