"""One file's journey: raw text → repaired, cleaned paragraphs → metadata and term counts (pure).

``process`` is what a build does per document, and what the disk cache stores per document;
it must stay a pure function of the file's bytes and the dictionaries.
"""

from __future__ import annotations

import itertools
import re
from array import array
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass

from explore.ingest.clean import split_paragraphs
from explore.ingest.marks import GUESS
from explore.ingest.meta import Meta, infer_meta
from explore.ingest.read import RawDoc
from explore.ingest.repair import DAMAGE_CLOSE, DAMAGE_OPEN, LOST, repair_text
from explore.ingest.script import detect_script
from explore.ingest.text import Segmenter

_DAMAGED_RUN = re.compile(f"{DAMAGE_OPEN}([^{DAMAGE_CLOSE}]*){DAMAGE_CLOSE}")
_GUESSED = re.compile(f".{GUESS}")


@dataclass
class ProcessedDoc:
    """Everything the tables need from one document."""

    file: str
    sha1: str
    encoding: str
    meta: Meta
    script: str
    paragraphs: list[tuple[str, str]]  # (Simplified text for analysis, text as written)
    # guessed characters per paragraph (kept in the analysis text, LOST in the text as written)
    guessed: list[int]
    # Term counts as three flat columns, one row a term a paragraph: (para_no from 1, term,
    # count). A Counter a paragraph would take several times the memory on a large corpus.
    term_rows: tuple[array, list[str], array]
    # each paragraph's tokens in order, joined by single spaces (punctuation kept, whitespace
    # dropped): collocates and n-grams need the order that the counts forget
    tokens: list[str]
    repaired_spans: int
    damaged_spans: int
    guessed_chars: int = 0  # characters written that the bytes did not decide
    # its reform items, figures and item notes (plain rows), added by the build's map (``store.per_doc``)
    items: object = None
    figures: object = None
    notes: object = None
    coded: object = None  # (para_no, code) of each paragraph the starter codebook codes


def original_text(paragraph: str) -> str:
    """Reading text: what the bytes say. Each character of a damaged run, and each character
    the repair guessed, is shown as LOST: neither is the document's own text."""
    return _GUESSED.sub(LOST, _DAMAGED_RUN.sub(lambda m: LOST * len(m.group(1)), paragraph))


def analysis_text(paragraph: str) -> str:
    """Analysis text: each character of a damaged run becomes LOST, so no term is counted
    there; guessed characters are kept (and counted in ``guessed_chars``)."""
    return _DAMAGED_RUN.sub(lambda m: LOST * len(m.group(1)), paragraph).replace(GUESS, "")


def guessed_count(paragraph: str) -> int:
    return paragraph.count(GUESS)


def flat_term_rows(counters: Iterable[Counter[str]]) -> tuple[array, list[str], array]:
    """Per-paragraph term counts as (para_no, term, count) columns; a term repeated in several
    paragraphs is one string object (pickled once when the document leaves a worker)."""
    paras, terms, counts = array("i"), [], array("i")
    same: dict[str, str] = {}
    for para_no, counter in enumerate(counters, 1):
        paras.extend(itertools.repeat(para_no, len(counter)))
        terms.extend(map(same.setdefault, counter, counter))
        counts.extend(counter.values())
    return paras, terms, counts


def process(raw: RawDoc, segmenter: Segmenter) -> ProcessedDoc:
    # A dictionary's guess for a lost character is often a wrong word (科学家展馆 for 科学发展观
    # on eval/): guesses are kept for analysis only, counted, and shown as LOST when read.
    repaired, stats = repair_text(raw.text, lookup=segmenter.word_lookup())
    script = detect_script(repaired)
    clean = split_paragraphs(repaired, simplify=script in ("traditional", "mixed"))
    originals = [original_text(p) for p in clean.paragraphs]
    simplified = [analysis_text(p) for p in clean.simplified]
    guessed = [guessed_count(p) for p in clean.paragraphs]
    meta = infer_meta(clean, simplified)
    tokens = [segmenter.tokens(p) for p in simplified]  # cut once: the counts and the order both come from it
    return ProcessedDoc(
        file=raw.file,
        sha1=raw.sha1,
        encoding=raw.encoding,
        meta=meta,
        script=script,
        paragraphs=list(zip(simplified, originals, strict=True)),
        guessed=guessed,
        term_rows=flat_term_rows(Counter(segmenter.terms_of(toks)) for toks in tokens),
        tokens=[" ".join(toks) for toks in tokens],
        repaired_spans=stats.repaired,
        damaged_spans=stats.damaged,
        guessed_chars=stats.guessed - stats.filled + sum(guessed),
    )
