"""Text reuse: paragraphs of one document that another repeats, whole or lightly edited (pure).

Candidates come from MinHash LSH over character shingles (``datasketch``): only paragraphs
whose shingle sets are likely to overlap by about ``threshold`` (Jaccard) are ever compared,
so the work grows with the corpus, not with its square. Each candidate pair is then scored and
aligned with ``rapidfuzz`` (normalised Indel similarity; the equal runs of its alignment are
the shared text). A pair is labelled *same district* (a district repeating itself, usually
another year; without districts, one city's or province's body repeating itself) or *across
districts*, and gets a direction where both documents are dated:
the earlier one is the source.

The MinHash is fixed, not left to the installed datasketch (whose 2.0 changed the default
permutations, and with them the candidates): each shingle is hashed with CRC-32 (``zlib``),
then permuted by the ``"affine32"`` scheme (MurmurHash3's 32-bit finaliser, then
a·h + b mod 2³²) with NUM_PERM permutations drawn from SEED. datasketch older than 2.0 has no
such scheme and is refused.
"""

from __future__ import annotations

import inspect
import zlib
from collections.abc import Sequence
from typing import Literal, get_args

import numpy as np
import pandas as pd
from datasketch import MinHash, MinHashLSH
from rapidfuzz.distance import Indel

from explore.analysis.filters import UNPLACED, place_groups

REUSE_COLUMNS = [
    "similarity", "shared_chars", "kind", "direction",
    "left_doc", "left_para", "left_district", "left_date", "left_title",
    "right_doc", "right_para", "right_district", "right_date", "right_title",
    "shared_text",
]  # fmt: skip
Kind = Literal["same district", "across districts"]
NUM_PERM = 64
SEED = 1  # draws the permutations: the same seed, the same signatures
SCHEME = "affine32"  # datasketch's permutation scheme, named rather than left to its default
SHINGLE = 4  # characters: short enough for light edits to leave most shingles whole
MAX_PARTNERS = 20  # earlier paragraphs a paragraph is paired with, at most
_SIGNED_AT_ONCE = 2048  # paragraphs shingled and signed together (``candidate_pairs``)


def _hash(shingle: bytes) -> int:
    return zlib.crc32(shingle)  # a fast 32-bit hash; datasketch's default (sha1) is ten times slower


def signatures(shingle_sets: list[list[bytes]]) -> list[MinHash]:
    """The MinHash of each set of shingles, by the fixed hash, scheme and seed above."""
    if "scheme" not in inspect.signature(MinHash).parameters:
        raise ImportError("text reuse needs datasketch 2.0 or later (its MinHash permutation scheme is named)")
    return MinHash.bulk(shingle_sets, num_perm=NUM_PERM, seed=SEED, scheme=SCHEME, hashfunc=_hash)


def shingles(text: str, k: int = SHINGLE) -> set[bytes]:
    """The text's character k-grams, whitespace removed (a scrape's line breaks are no edit)."""
    flat = "".join(text.split())
    return {flat[i : i + k].encode("utf-8") for i in range(max(len(flat) - k + 1, 1))} if flat else set()


def candidate_pairs(
    texts: list[str], *, threshold: float = 0.5, max_partners: int = MAX_PARTNERS
) -> set[tuple[int, int]]:
    """Index pairs (i < j) of texts whose MinHash signatures collide in the LSH bands.

    A text repeated word for word is paired with its first occurrence only, and a text is paired
    with at most ``max_partners`` earlier ones (the earliest): stock paragraphs that a whole
    province repeats would otherwise make pairs by the million."""
    if not 0 < threshold < 1:
        raise ValueError(f"threshold must be between 0 and 1, got {threshold}")
    first: dict[str, int] = {}
    unique = []
    pairs: set[tuple[int, int]] = set()
    for i, text in enumerate(texts):
        if text in first:
            pairs.add((first[text], i))
        else:
            first[text] = i
            unique.append(i)
    lsh = MinHashLSH(threshold=threshold, num_perm=NUM_PERM)
    # signed a slice at a time: the index keeps only band keys, so a corpus's shingles and
    # signatures are never all held at once (a million paragraphs' shingles are gigabytes)
    for start in range(0, len(unique), _SIGNED_AT_ONCE):
        piece = unique[start : start + _SIGNED_AT_ONCE]
        for i, signature in zip(piece, signatures([list(shingles(texts[i])) for i in piece]), strict=True):
            partners = lsh.query(signature)
            for j in sorted(partners)[:max_partners]:
                pairs.add((j, i))
            lsh.insert(i, signature, check_duplication=False)
    return pairs


def alignment(left: str, right: str, *, min_run: int = 4) -> tuple[float, int, str]:
    """(similarity 0–1, characters in shared runs, the longest shared run) of two paragraphs."""
    runs = [
        left[op.src_start : op.src_end]
        for op in Indel.opcodes(left, right)
        if op.tag == "equal" and op.src_end - op.src_start >= min_run
    ]
    return Indel.normalized_similarity(left, right), sum(map(len, runs)), max(runs, key=len, default="")


def reuse(
    paragraphs: pd.DataFrame,
    docs: pd.DataFrame,
    *,
    min_similarity: float = 0.6,
    min_chars: int = 30,
    threshold: float = 0.5,
) -> pd.DataFrame:
    """Pairs of paragraphs in different documents that share text (REUSE_COLUMNS), most similar
    first. ``paragraphs`` needs doc_id, para_no, text; ``docs`` doc_id, district, date, year,
    title. Paragraphs shorter than ``min_chars`` are left out (headings and boilerplate lines
    match everywhere)."""
    if not 0 <= min_similarity <= 1:
        raise ValueError(f"min_similarity must be between 0 and 1, got {min_similarity}")
    if min_chars < 1:
        raise ValueError(f"min_chars must be at least 1, got {min_chars}")
    paras = paragraphs.loc[paragraphs["text"].str.len() >= min_chars, ["doc_id", "para_no", "text"]]
    paras = paras[paras["doc_id"].isin(docs["doc_id"])].reset_index(drop=True)
    texts = paras["text"].tolist()
    ids, nos = paras["doc_id"].to_numpy(), paras["para_no"].to_numpy()
    rows = []
    for i, j in sorted(candidate_pairs(texts, threshold=threshold)):
        if ids[i] == ids[j]:
            continue  # a document repeating itself is not reuse
        # the same text twice needs no alignment
        similarity, shared, longest = (
            (1.0, len(texts[i]), texts[i]) if texts[i] == texts[j] else alignment(texts[i], texts[j])
        )
        if similarity >= min_similarity:
            rows.append((ids[i], int(nos[i]), ids[j], int(nos[j]), round(similarity, 3), shared, longest))
    pairs = pd.DataFrame(
        rows, columns=["left_doc", "left_para", "right_doc", "right_para", "similarity", "shared_chars", "shared_text"]
    )
    return _described(pairs, docs)


def _described(pairs: pd.DataFrame, docs: pd.DataFrame) -> pd.DataFrame:
    """District, date and title of each side; the kind of reuse and its direction."""
    info = docs.set_index("doc_id")
    when = _dates(docs)
    for side in ("left", "right"):
        ids = pairs[f"{side}_doc"]
        pairs[f"{side}_district"] = ids.map(info["district"]).fillna("")
        pairs[f"{side}_date"] = ids.map(when).fillna("")
        pairs[f"{side}_title"] = ids.map(info["title"]).fillna("")
    # the same place: one district, or (neither having one) one city's or province's own body
    group = dict(zip(docs["doc_id"], place_groups(docs), strict=True))
    left, right = pairs["left_doc"].map(group), pairs["right_doc"].map(group)
    same = left.ne(UNPLACED) & (left == right)
    pairs["kind"] = np.where(same, "same district", "across districts")
    pairs["direction"] = [_direction(a, b) for a, b in zip(pairs["left_date"], pairs["right_date"], strict=True)]
    return pairs.sort_values(["similarity", "shared_chars"], ascending=False, kind="stable")[REUSE_COLUMNS].reset_index(
        drop=True
    )


def _dates(docs: pd.DataFrame) -> pd.Series:
    """A document's date as it can be compared: the full date, else its year, else ''."""
    year = docs["year"].astype("string").fillna("")
    date = docs["date"] if "date" in docs else pd.Series("", index=docs.index)
    return pd.Series(np.where(date.fillna("") != "", date, year), index=docs["doc_id"])


def _direction(left: str, right: str) -> str:
    """Which came first, where both are dated and they differ (a year only against a full date
    of the same year says nothing)."""
    if not left or not right or (left[:4] == right[:4] and (len(left) == 4 or len(right) == 4)):
        return ""
    if left == right:
        return ""
    return "left first" if left < right else "right first"


def district_matrix(pairs: pd.DataFrame, *, groups: pd.Series | None = None) -> pd.DataFrame:
    """Characters of shared text between each two districts (both directions summed): long form
    district_a, district_b, shared_chars, pairs. ``groups`` (doc_id → its group,
    ``filters.place_groups``) names the documents without a district by the body above them;
    without it they are "unplaced"."""
    if pairs.empty:
        return pd.DataFrame(columns=["district_a", "district_b", "shared_chars", "pairs"])
    if groups is not None:
        a, b = pairs["left_doc"].map(groups).fillna(UNPLACED), pairs["right_doc"].map(groups).fillna(UNPLACED)
    else:
        a, b = pairs["left_district"].replace("", UNPLACED), pairs["right_district"].replace("", UNPLACED)
    lo, hi = np.minimum(a, b), np.maximum(a, b)
    long = pd.DataFrame({"district_a": lo, "district_b": hi, "shared_chars": pairs["shared_chars"]})
    out = long.groupby(["district_a", "district_b"], as_index=False).agg(
        shared_chars=("shared_chars", "sum"), pairs=("shared_chars", "size")
    )
    return out.sort_values("shared_chars", ascending=False).reset_index(drop=True)


def check_kinds(kinds: Sequence[str]) -> None:
    """ValueError naming a kind of pair that is none."""
    bad = [k for k in kinds if k not in get_args(Kind)]
    if bad:
        raise ValueError(f"no kind {bad[0]!r}: the kinds are {', '.join(get_args(Kind))}")


def of_kinds(pairs: pd.DataFrame, kinds: Sequence[Kind] = ()) -> pd.DataFrame:
    """The pairs of ``kinds`` (same district, across districts; empty: both)."""
    check_kinds(kinds)
    return pairs[pairs["kind"].isin(kinds)].reset_index(drop=True) if kinds else pairs
