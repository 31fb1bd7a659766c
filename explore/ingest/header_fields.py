"""The labels of a page's header fields (发布机构, 文号, 成文日期 …), read once from
``explore/data/header_fields.txt`` for every reader of the header: cleaning (which lines are
header), titles (where a title's line runs on into the next field), dates, issuers and places
(pure)."""

from __future__ import annotations

import functools
import re
from pathlib import Path

from explore.ingest.sections import read_sections

_DATA = Path(__file__).resolve().parents[1] / "data" / "header_fields.txt"


@functools.cache
def fields(path: Path = _DATA) -> dict[str, tuple[str, ...]]:
    """``header_fields.txt``'s sections: each kind's labels, longest first."""
    return {kind: tuple(sorted(words, key=len, reverse=True)) for kind, words in read_sections(path).items()}


def label_pattern(*kinds: str, spaced: bool = True) -> str:
    """An alternation of the labels of these kinds (all kinds when none is named), longest first;
    ``spaced``: a label's characters may stand apart (索 引 号)."""
    found = fields()
    words = sorted({w for kind in kinds or tuple(found) for w in found[kind]}, key=len, reverse=True)
    return "|".join(r"\s*".join(map(re.escape, w)) if spaced else re.escape(w) for w in words)
