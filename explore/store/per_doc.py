"""What depends on one document alone, computed once in the build (pure): its reform items
(``analysis.items``, themed with the shipped lexicon), its figures (``analysis.figures``) and its
item notes (``analysis.notes.note_spans``: the tokens that stand inside 牵头单位：… and （X、Y负责）
notes, which the analysed corpus, ``store.analysed``, does not count) and the codes the shipped
codebooks give its paragraphs (``analysis.coding.SHIPPED``).

The build's map (``load.process_one``, in a worker process or on a Dask worker) reads them
with the rest of a document's work; the batch (``assemble.batch_tables``) gives them their
document's id and final metadata, and reads them again only for a document whose metadata a
``metadata.csv`` row changed (a figure's status may depend on the year or the title). Pages and
``export`` then filter the stored ``items`` and ``figures`` tables instead of reading every
paragraph again.
"""

from __future__ import annotations

import functools
import re
from collections import Counter

import pandas as pd

from explore.analysis.coding import SHIPPED, matching_paragraphs, parse_codebook, shipped_text
from explore.analysis.figures import FIGURE_COLUMNS, FigureRow, doc_figures, figure_table
from explore.analysis.items import ITEM_COLUMNS, ITEM_INTEGERS, doc_item_rows, item_table, theme_terms
from explore.analysis.notes import note_spans
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


MAY_HOLD_NOTE = re.compile(r"[:：]|负责|牵头")  # a cheap test before the spans are looked for
NOTE_TOKENS_COLUMNS = ["doc_id", "para_no", "tokens"]
NOTE_TERMS_COLUMNS = ["doc_id", "para_no", "term", "count"]


def in_notes(text: str, tokens: str) -> tuple[str, Counter[str]]:
    """The paragraph's tokens without those inside its notes, and the removed ones counted.
    Tokens are the text without whitespace, cut: offsets line up once whitespace is dropped."""
    if not MAY_HOLD_NOTE.search(text):
        return tokens, Counter()
    bare = "".join(text.split())
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


def doc_notes(texts: list[str], tokens: list[str]) -> list[tuple[int, str, dict[str, int]]]:
    """(para_no, its tokens outside notes, the tokens inside counted) of each paragraph of one
    document that holds an item note."""
    found = []
    for para_no, (text, toks) in enumerate(zip(texts, tokens, strict=True), 1):
        kept, removed = in_notes(text, toks)
        if removed:
            found.append((para_no, kept, dict(removed)))
    return found


CODED_COLUMNS = ["doc_id", "para_no", "code"]


@functools.cache
def _shipped_codes():
    codes = {}
    for name in SHIPPED:
        found = parse_codebook(shipped_text(name))
        if clash := set(found) & set(codes):  # a name two codebooks share would count both
            raise ValueError(f"the shipped codebooks share the code name {sorted(clash)[0]!r}")
        codes |= found
    return codes


def doc_codes(texts: list[str]) -> list[tuple[int, str]]:
    """(para_no, code) of each code the shipped codebooks (``analysis.coding.SHIPPED``) give each
    paragraph of one document, in reading order and the codebooks' order."""
    codes = _shipped_codes()
    found = {(para_no, at) for at, rule in enumerate(codes.values()) for para_no in matching_paragraphs(rule, texts)}
    names = list(codes)
    return [(para_no, names[at]) for para_no, at in sorted(found)]


def with_analysis(doc):
    """``doc`` (a ``ProcessedDoc``) with its items, figures, notes and codes."""
    from dataclasses import replace

    texts = [text for text, _ in doc.paragraphs]
    found_items, found_figures = analyse(texts, doc.meta)
    return replace(doc, items=found_items, figures=found_figures, notes=doc_notes(texts, doc.tokens),
                   coded=doc_codes(texts))  # fmt: skip


def coded_table(batch: list[tuple[object, str]]) -> pd.DataFrame:
    """``coded`` (CODED_COLUMNS) of a batch of (document, its id)."""
    rows = []
    for doc, doc_id in batch:
        coded = doc.coded if isinstance(doc.coded, list) else doc_codes([t for t, _ in doc.paragraphs])
        rows += [(doc_id, para_no, code) for para_no, code in coded]
    return pd.DataFrame(rows, columns=CODED_COLUMNS).astype({"doc_id": object, "para_no": "int64", "code": object})


def note_tables(batch: list[tuple[object, str]]) -> tuple[pd.DataFrame, pd.DataFrame]:
    """``note_tokens`` (a noted paragraph's tokens outside its notes) and ``note_terms`` (the
    tokens inside, counted) of a batch of (document, its id)."""
    token_rows, term_rows = [], []
    for doc, doc_id in batch:
        notes = doc.notes if isinstance(doc.notes, list) else doc_notes([t for t, _ in doc.paragraphs], doc.tokens)
        for para_no, kept, removed in notes:
            token_rows.append((doc_id, para_no, kept))
            term_rows += [(doc_id, para_no, term, n) for term, n in removed.items()]
    tokens = pd.DataFrame(token_rows, columns=NOTE_TOKENS_COLUMNS).astype({"para_no": "int32"})
    terms = pd.DataFrame(term_rows, columns=NOTE_TERMS_COLUMNS).astype({"para_no": "int32", "count": "int32"})
    return tokens, terms


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
    frame = frame.astype({**dict.fromkeys(ITEM_INTEGERS, "int64"), "year": "Int64"})
    text = [c for c in ITEM_COLUMNS if c not in (*ITEM_INTEGERS, "year")]
    return frame.astype(dict.fromkeys(text, "object")).reset_index(drop=True)


def _typed_figures(frame: pd.DataFrame) -> pd.DataFrame:
    frame = frame.astype({"value": "float64", "para_no": "int64", "year": "Int64"})
    text = [c for c in FIGURE_COLUMNS if c not in ("value", "para_no", "year")]
    return frame.astype(dict.fromkeys(text, "object")).reset_index(drop=True)
