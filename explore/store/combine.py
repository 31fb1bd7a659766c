"""A visitor's corpus: the shared corpus plus the documents they uploaded (pure).

The shared corpus is never changed: a session with uploads gets new tables made of the
shared rows followed by the upload rows, under a key derived from the shared key, the uploads'
bytes and the visitor's metadata edits. Because the key is a content hash, cached results
can be shared between sessions without ever showing one visitor another's documents.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, replace
from pathlib import Path

import pandas as pd

from explore.ingest.document import ProcessedDoc
from explore.ingest.meta import apply_override
from explore.ingest.read import RawDoc, Skipped
from explore.store.assemble import assemble
from explore.store.corpus import Corpus
from explore.store.query import LARGE

# Fields a visitor may correct for their own documents.
EDITABLE = ("district", "year", "date", "title")


@dataclass(frozen=True)
class SessionUploads:
    """What one session has uploaded: processed documents, refusals, metadata edits, bytes used."""

    docs: tuple[ProcessedDoc, ...] = ()
    refused: tuple[Skipped, ...] = ()
    edits: tuple[tuple[str, str, str], ...] = ()  # (file, field, value), later edits win
    sizes: tuple[tuple[str, int], ...] = ()  # (file, bytes uploaded), counted against the session's limit

    @property
    def n_bytes(self) -> int:
        kept = set(self.files)
        return sum(n for file, n in self.sizes if file in kept)

    @property
    def files(self) -> list[str]:
        return [d.file for d in self.docs]

    def key(self) -> str:
        h = hashlib.sha1()
        for doc in self.docs:
            h.update(f"{doc.file}\0{doc.sha1}\n".encode())
        for edit in self.edits:
            h.update(("\0".join(edit) + "\n").encode())
        return h.hexdigest()[:12]

    def add(self, docs: list[ProcessedDoc], refused: list[Skipped], sizes: dict[str, int]) -> SessionUploads:
        return replace(
            self,
            docs=self.docs + tuple(docs),
            refused=self.refused + tuple(refused),
            sizes=self.sizes + tuple(sizes.items()),
        )

    def remove(self, files: set[str]) -> SessionUploads:
        return SessionUploads(
            docs=tuple(d for d in self.docs if d.file not in files),
            refused=tuple(r for r in self.refused if r.file not in files),
            edits=tuple(e for e in self.edits if e[0] not in files),
            sizes=tuple(s for s in self.sizes if s[0] not in files),
        )

    def edit(self, file: str, values: dict[str, str]) -> SessionUploads:
        """Record corrections for one uploaded document; ``ValueError`` names a bad value."""
        if file not in self.files:
            raise ValueError(f"{file!r} is not one of your uploaded documents")
        unknown = set(values) - set(EDITABLE)
        if unknown:
            raise ValueError(f"only {', '.join(EDITABLE)} can be edited, not {', '.join(sorted(unknown))}")
        doc = next(d for d in self.docs if d.file == file)
        apply_override(replace(doc.meta), values)  # raises on a bad year or date
        return replace(self, edits=self.edits + tuple((file, k, v.strip()) for k, v in values.items()))

    def overrides(self) -> pd.DataFrame:
        rows: dict[str, dict[str, str]] = {}
        for file, key, value in self.edits:
            rows.setdefault(file, {"file": file, **dict.fromkeys(EDITABLE, "")})[key] = value
        return pd.DataFrame(list(rows.values()), columns=["file", *EDITABLE], dtype=str)


def process_uploads(raws: list[RawDoc], segmenter) -> tuple[list[ProcessedDoc], list[Skipped]]:
    """Repair, clean, segment uploaded documents; one that fails is reported, not raised."""
    from explore.ingest.document import process

    done, failed = [], []
    for raw in raws:
        try:
            done.append(process(raw, segmenter))
        except Exception as err:  # one broken upload must never break the session
            failed.append(Skipped(raw.file, f"could not be processed: {type(err).__name__}: {err}"))
    return done, failed


def process_with_dictionaries(raws: list[RawDoc], corpus_root: str | None) -> tuple[list, list]:
    """``process_uploads`` with the corpus folder's segmenter; picklable, for a worker process."""
    from explore.store.load import segmenter_for

    return process_uploads(raws, segmenter_for(Path(corpus_root) if corpus_root else None))


def session_key(base: Corpus, uploads: SessionUploads) -> str:
    """The key of the corpus ``with_uploads`` makes: known without making it."""
    return f"{base.key}+{uploads.key()}"


def with_uploads(base: Corpus, uploads: SessionUploads) -> Corpus:
    """The shared corpus plus a session's uploads, as a new Corpus (``base`` is not changed)."""
    if not uploads.docs and not uploads.refused:
        return base
    tables = assemble(list(uploads.docs), list(uploads.refused), uploads.overrides(), overrides_source="your edits")
    docs = tables["docs"]
    clash = docs["doc_id"].isin(set(base.docs["doc_id"]))
    if clash.any():  # an uploaded id equal to a shared one would merge their rows in every table
        renamed = {old: f"{old}~upload" for old in docs.loc[clash, "doc_id"]}
        for name in ("docs", *LARGE):
            tables[name]["doc_id"] = tables[name]["doc_id"].replace(renamed)
    combined = {name: _concat(base.table(name), tables[name]) for name in ("docs", *LARGE, "skipped")}
    return Corpus(
        base.root,
        **combined,
        key=session_key(base, uploads),
        stats={**base.stats, "uploads": len(uploads.docs)},
    )


def _concat(shared: pd.DataFrame, mine: pd.DataFrame) -> pd.DataFrame:
    if not len(mine):
        return shared
    return pd.concat([shared, mine.astype(shared.dtypes.to_dict())], ignore_index=True)
