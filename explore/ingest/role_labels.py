"""The labels a document puts before the units of an item (pure): ``explore/data/roles.txt``'s
lead, responsible, partner and leader labels (牵头单位, 责任单位, 配合单位, 责任领导 …), read
here once for every reader of items, tables, titles and document kinds."""

from __future__ import annotations

import functools
from pathlib import Path

from explore.ingest.alternation import any_of
from explore.ingest.sections import read_sections

_DATA = Path(__file__).resolve().parents[1] / "data" / "roles.txt"


@functools.cache
def labels(path: Path = _DATA) -> dict[str, tuple[str, ...]]:
    """``roles.txt``'s sections: lead, responsible, partner and leader labels (longest first)."""
    sections = read_sections(path)
    return {k.removesuffix(" labels"): tuple(sorted(v, key=len, reverse=True)) for k, v in sections.items()}


def label_pattern(*kinds: str) -> str:
    """An alternation of the labels of these kinds (for the item readers' patterns)."""
    return any_of(w for kind in kinds for w in labels()[kind])
