"""The loaded corpus (``Corpus``): its small tables in memory, its large ones in their Parquet
files until something asks for the whole of one, and DuckDB's queries over them (``tables``).
``store.load`` builds it; the data contract is that module's."""

from __future__ import annotations

import threading
from pathlib import Path

import pandas as pd
import pyarrow.parquet as pq

from explore.store.assemble import skipped_table
from explore.store.query import LARGE, Tables

TABLES = ("docs", "paragraphs", "terms", "para_terms", "tokens", "items", "figures", "coded", "skipped")


class Corpus:
    """The loaded tables; treat them as read-only (they are shared between sessions).

    ``docs`` and ``skipped`` are always in memory. ``paragraphs``, ``terms`` and ``para_terms``
    of a built corpus stay in their Parquet files until something asks for the whole table;
    ``tables`` answers the queries that need only part of one (``store.query``)."""

    def __init__(
        self,
        root: Path,
        docs: pd.DataFrame,
        paragraphs: pd.DataFrame | None = None,
        terms: pd.DataFrame | None = None,
        para_terms: pd.DataFrame | None = None,
        tokens: pd.DataFrame | None = None,
        items: pd.DataFrame | None = None,
        figures: pd.DataFrame | None = None,
        coded: pd.DataFrame | None = None,
        skipped: pd.DataFrame | None = None,
        *,
        key: str = "",
        stats: dict[str, float] | None = None,
        folder: Path | None = None,
    ) -> None:
        self.root, self.docs, self.key, self.stats = root, docs, key, dict(stats or {})
        self.skipped = skipped if skipped is not None else skipped_table([])
        self._folder = folder
        self._frames = {"paragraphs": paragraphs, "terms": terms, "para_terms": para_terms, "tokens": tokens,
                        "items": items, "figures": figures, "coded": coded}  # fmt: skip
        if folder is None and any(f is None for f in self._frames.values()):
            raise ValueError("a corpus without a folder of tables needs all of its frames")
        self._lock = threading.Lock()
        self._tables: Tables | None = None

    def _large(self, name: str) -> pd.DataFrame:
        frame = self._frames[name]
        if frame is None:
            with self._lock:  # two sessions asking at once read the file once
                frame = self._frames[name]
                if frame is None:
                    frame = self._frames[name] = pd.read_parquet(self._folder / f"{name}.parquet")
        return frame

    def count(self, name: str) -> int:
        """The rows of one of the large tables, from its Parquet file's footer when it is not
        loaded: a count never reads the table (892,000 paragraphs are 850 MB in memory)."""
        frame = self._frames[name]
        if frame is not None or self._folder is None:
            return len(self._large(name))
        return pq.ParquetFile(self._folder / f"{name}.parquet").metadata.num_rows

    @property
    def paragraphs(self) -> pd.DataFrame:
        return self._large("paragraphs")

    @property
    def terms(self) -> pd.DataFrame:
        return self._large("terms")

    @property
    def para_terms(self) -> pd.DataFrame:
        return self._large("para_terms")

    @property
    def folder(self) -> Path | None:
        """The folder of the built corpus's Parquet tables; None for a corpus held in memory."""
        return self._folder

    @property
    def tokens(self) -> pd.DataFrame:
        return self._large("tokens")

    @property
    def items(self) -> pd.DataFrame:
        """Every document's reform items, read once in the build (``store.per_doc``)."""
        return self._large("items")

    @property
    def figures(self) -> pd.DataFrame:
        """Every document's figures, read once in the build (``store.per_doc``)."""
        return self._large("figures")

    @property
    def coded(self) -> pd.DataFrame:
        """The paragraphs the starter codebook codes (doc_id, para_no, code), found once in the build."""
        return self._large("coded")

    @property
    def tables(self) -> Tables:
        """DuckDB over the large tables: the Parquet files, or the frames when held in memory."""
        if self._tables is None:
            in_memory = self._folder is None
            self._tables = (
                Tables(frames={n: self._large(n) for n in LARGE})
                if in_memory
                else Tables(folder=self._folder, n_docs=len(self.docs))
            )
        return self._tables

    def in_memory(self) -> list[str]:
        """Which of the large tables have been read into memory."""
        return [name for name, frame in self._frames.items() if frame is not None]

    def columns(self, name: str) -> list[str]:
        """The columns of one of ``TABLES``, read from the file's schema: the table stays on disk."""
        if name not in TABLES:
            raise ValueError(f"unknown table {name!r}; choose one of {', '.join(TABLES)}")
        frame = self._frames.get(name) if name in self._frames else getattr(self, name)
        if frame is not None:
            return list(frame.columns)
        import pyarrow.parquet as pq

        return [n for n in pq.read_schema(self._folder / f"{name}.parquet").names if not n.startswith("__")]

    def table(self, name: str) -> pd.DataFrame:
        if name not in TABLES:
            raise ValueError(f"unknown table {name!r}; choose one of {', '.join(TABLES)}")
        return getattr(self, name)
