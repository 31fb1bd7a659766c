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

from explore.analysis.figures import FIGURE_COLUMNS, FigureRow, doc_figures, figure_table
from explore.analysis.items import ITEM_COLUMNS, doc_item_rows, item_table, theme_terms
from explore.ingest.lexicon import default_lexicon


def analyse(texts: list[str], meta) -> tuple[list[dict[str, object]], list[FigureRow]]:
    """(item rows, figure rows) of one document's analysis paragraphs under its metadata
    ``meta``: plain rows, numbered within the document (a frame a document would cost more than
    the reading)."""
    paras = list(enumerate(texts, 1))
    year = None if meta.year is None or pd.isna(meta.year) else int(meta.year)
    found_items = doc_item_rows(paras, terms=_terms())
    found_figures = doc_figures(paras, year=year, title=str(meta.title or ""), doc_type=str(meta.doc_type or ""))
    return found_items, found_figures


@functools.cache
def _terms() -> list[tuple[str, list[str]]]:
    # the shipped lexicon's themes, parsed once a process, not once a document
    return theme_terms(default_lexicon())


def with_analysis(doc):
    """``doc`` (a ``ProcessedDoc``) with its items and figures."""
    from dataclasses import replace

    found_items, found_figures = analyse([text for text, _ in doc.paragraphs], doc.meta)
    return replace(doc, items=found_items, figures=found_figures)


def placed(batch: list[tuple[object, str, object]]) -> tuple[pd.DataFrame, pd.DataFrame]:
    """The items and figures of a batch of (document, its id, its final metadata), each under
    its id and metadata: taken as the map read them, or read again for a document whose metadata
    a row changed or that comes without them (an upload, an old cache entry). One frame a table
    for the whole batch, not a small frame a document."""
    item_rows: list[dict[str, object]] = []
    figure_rows: list[tuple] = []
    info = {}
    for doc, doc_id, meta in batch:
        info[doc_id] = (meta.district, meta.year, meta.title)
        found_items, found_figures = doc.items, doc.figures
        if meta != doc.meta or not isinstance(found_items, list) or not isinstance(found_figures, list):
            found_items, found_figures = analyse([text for text, _ in doc.paragraphs], meta)
        item_rows += [{**row, "doc_id": doc_id, "district": meta.district, "year": meta.year} for row in found_items]
        figure_rows += [(doc_id, *row) for row in found_figures]
    frame = pd.DataFrame.from_dict(info, orient="index", columns=["district", "year", "title"])
    found_items = item_table(item_rows) if item_rows else empty_items()
    found_figures = figure_table(figure_rows, frame) if figure_rows else empty_figures()
    return _typed_items(found_items[ITEM_COLUMNS]), _typed_figures(found_figures[FIGURE_COLUMNS])


def empty_items() -> pd.DataFrame:
    return _typed_items(pd.DataFrame(columns=ITEM_COLUMNS))


def empty_figures() -> pd.DataFrame:
    return _typed_figures(pd.DataFrame(columns=FIGURE_COLUMNS))


def _typed_items(frame: pd.DataFrame) -> pd.DataFrame:
    # one type a column in every batch: the Parquet file is written a batch at a time
    frame = frame.astype({"position": "int64", "para_no": "int64", "para_end": "int64", "year": "Int64"})
    text = [c for c in ITEM_COLUMNS if c not in ("position", "para_no", "para_end", "year")]
    return frame.astype(dict.fromkeys(text, "object")).reset_index(drop=True)


def _typed_figures(frame: pd.DataFrame) -> pd.DataFrame:
    frame = frame.astype({"value": "float64", "para_no": "int64", "year": "Int64"})
    text = [c for c in FIGURE_COLUMNS if c not in ("value", "para_no", "year")]
    return frame.astype(dict.fromkeys(text, "object")).reset_index(drop=True)
