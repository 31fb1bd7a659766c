"""What depends on one document alone, computed once in the build (pure): its reform items
(``analysis.items``, themed with the shipped lexicon) and its figures (``analysis.figures``).

The build's map (``load._process_one``, in a worker process or on a Dask worker) reads them
with the rest of a document's work; the batch (``assemble.batch_tables``) gives them their
document's id and final metadata, and reads them again only for a document whose metadata a
``metadata.csv`` row changed (a figure's status may depend on the year or the title). Pages and
``export`` then filter the stored ``items`` and ``figures`` tables instead of reading every
paragraph again.
"""

from __future__ import annotations

import functools

import pandas as pd

from explore.analysis.figures import FIGURE_COLUMNS, figures
from explore.analysis.items import ITEM_COLUMNS, extract_items
from explore.ingest.lexicon import default_lexicon

_ID = "\x00"  # the document's id until its batch gives it one


def analyse(texts: list[str], meta) -> tuple[pd.DataFrame, pd.DataFrame]:
    """(items, figures) of one document's analysis paragraphs under its metadata ``meta``."""
    paras = pd.DataFrame({"doc_id": _ID, "para_no": range(1, len(texts) + 1), "text": texts})
    year = pd.array([meta.year], dtype="Int64")
    docs = pd.DataFrame(
        {"doc_id": [_ID], "district": [meta.district], "year": year, "title": [meta.title], "doc_type": [meta.doc_type]}
    )
    return extract_items(paras, docs, lexicon=_lexicon()), figures(paras, docs)


@functools.cache
def _lexicon() -> pd.DataFrame:
    # parsed once a process, not once a document (never changed: extract_items only reads it)
    return default_lexicon()


def with_analysis(doc):
    """``doc`` (a ``ProcessedDoc``) with its items and figures."""
    from dataclasses import replace

    found_items, found_figures = analyse([text for text, _ in doc.paragraphs], doc.meta)
    return replace(doc, items=found_items, figures=found_figures)


def placed(batch: list[tuple[object, str, object]]) -> tuple[pd.DataFrame, pd.DataFrame]:
    """The items and figures of a batch of (document, its id, its final metadata), each under
    its id and metadata: taken as the map read them, or read again for a document whose metadata
    a row changed or that comes without them (an upload, an old cache entry). Placed for the
    whole batch at once: column operations on one frame, not on a small frame a document."""
    item_frames, figure_frames, item_owner, figure_owner = [], [], [], []
    meta_of = {}
    for doc, doc_id, meta in batch:
        meta_of[doc_id] = meta
        if meta != doc.meta or doc.items is None or doc.figures is None:
            found_items, found_figures = analyse([text for text, _ in doc.paragraphs], meta)
        else:
            found_items, found_figures = doc.items, doc.figures
        item_frames.append(found_items)
        figure_frames.append(found_figures)
        item_owner += [doc_id] * len(found_items)
        figure_owner += [doc_id] * len(found_figures)
    found_items = concat_items([f for f in item_frames if len(f)])
    found_figures = concat_figures([f for f in figure_frames if len(f)])
    if len(found_items):
        owner = pd.Series(item_owner, dtype="object")
        found_items["doc_id"] = owner
        found_items["item_id"] = owner + found_items["item_id"].str.slice(len(_ID))
        has_parent = found_items["parent_id"] != ""
        found_items["parent_id"] = (owner + found_items["parent_id"].str.slice(len(_ID))).where(has_parent, "")
        found_items["district"] = owner.map({k: m.district for k, m in meta_of.items()})
        found_items["year"] = owner.map({k: m.year for k, m in meta_of.items()}).astype("Int64")
    if len(found_figures):
        owner = pd.Series(figure_owner, dtype="object")
        found_figures["doc_id"] = owner
        found_figures["district"] = owner.map({k: m.district for k, m in meta_of.items()})
        found_figures["year"] = owner.map({k: m.year for k, m in meta_of.items()}).astype("Int64")
        found_figures["title"] = owner.map({k: m.title for k, m in meta_of.items()})
    return _typed_items(found_items[ITEM_COLUMNS]), _typed_figures(found_figures[FIGURE_COLUMNS])


def empty_items() -> pd.DataFrame:
    return _typed_items(pd.DataFrame(columns=ITEM_COLUMNS))


def empty_figures() -> pd.DataFrame:
    return _typed_figures(pd.DataFrame(columns=FIGURE_COLUMNS))


def concat_items(frames: list[pd.DataFrame]) -> pd.DataFrame:
    return _typed_items(pd.concat(frames, ignore_index=True)) if frames else empty_items()


def concat_figures(frames: list[pd.DataFrame]) -> pd.DataFrame:
    return _typed_figures(pd.concat(frames, ignore_index=True)) if frames else empty_figures()


def _typed_items(frame: pd.DataFrame) -> pd.DataFrame:
    # one type a column in every batch: the Parquet file is written a batch at a time
    frame = frame.astype({"position": "int64", "para_no": "int64", "para_end": "int64", "year": "Int64"})
    text = [c for c in ITEM_COLUMNS if c not in ("position", "para_no", "para_end", "year")]
    return frame.astype(dict.fromkeys(text, "object")).reset_index(drop=True)


def _typed_figures(frame: pd.DataFrame) -> pd.DataFrame:
    frame = frame.astype({"value": "float64", "para_no": "int64", "year": "Int64"})
    text = [c for c in FIGURE_COLUMNS if c not in ("value", "para_no", "year")]
    return frame.astype(dict.fromkeys(text, "object")).reset_index(drop=True)
