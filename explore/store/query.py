"""DuckDB over a corpus's tables: the Parquet files of a built corpus, or the frames of one made
in memory (a session's uploads). Pages ask for the rows they need (two documents' paragraphs,
the paragraphs holding a term, the counts of a few terms) instead of holding the large tables.
This module reads rows; ``store.term_query`` counts terms; ``store.map_query`` asks the tables
the build's map computes per document (items, figures, coded paragraphs).

Every value goes in as a bound parameter, never into the SQL text.
"""

from __future__ import annotations

import atexit
import contextlib
import functools
import shutil
import tempfile
import threading
from collections.abc import Iterable, Iterator
from pathlib import Path

import duckdb
import pandas as pd

from explore.store.map_query import MapQueries
from explore.store.term_query import TOTALS, TermQueries

LARGE = ("paragraphs", "terms", "para_terms", "tokens", "items", "figures", "coded")
# Each connection's working memory, past which DuckDB spills to disk rather than grow: a server
# answers many pages, and its peak is what the shared demo pays for (aggregating 20,000
# documents' terms took 500 MB above the table's result unbounded).
MEMORY_LIMIT = "512MB"
# DuckDB's allocator gives back what a query freed once more than 16 MB is outstanding, rather
# than keeping up to 128 MB for the next (its default): across the 18 pages at 20,000 documents
# the server's peak fell from 1,246 to 1,155 MB, and no page grew slower.
LIMITS = {"memory_limit": MEMORY_LIMIT, "threads": "2", "allocator_flush_threshold": "16MB",
           "allocator_background_threads": True}  # fmt: skip


@functools.cache
def _spill_folder() -> str:
    """This process's own folder for DuckDB's spills (mode 0700, never a visitor's SQL's),
    removed when the process ends."""
    folder = tempfile.mkdtemp(prefix="explore-tables-spill-")
    atexit.register(shutil.rmtree, folder, ignore_errors=True)
    return folder


def quoted(path: Path) -> str:
    """A file's path inside an SQL string literal ('…'): its quotes doubled. Paths are the
    cache's own, never a visitor's text, but a folder may be named with a quote."""
    return str(path).replace("'", "''")


def attach_large(
    con: duckdb.DuckDBPyConnection, *, folder: Path | None, frames: dict[str, pd.DataFrame] | None
) -> None:
    """Make the large tables ``LARGE`` names on ``con``: views over the folder's Parquet files,
    or the frames of a corpus held in memory."""
    for name in LARGE:
        if frames is not None:
            if name in frames:  # a caller that needs only the text may leave out items and figures
                con.register(name, frames[name])
        else:
            path = quoted(folder / f"{name}.parquet")
            con.execute(f"CREATE VIEW {name} AS SELECT * FROM read_parquet('{path}')")


def batches(con: duckdb.DuckDBPyConnection, query: str, params: list | None = None, *, rows: int = 50_000):
    """The query's rows on ``con`` a frame of at most ``rows`` at a time (a whole-corpus result
    never held at once)."""
    for batch in con.sql(query, params=params or None).to_arrow_reader(rows):
        yield batch.to_pandas()


class Tables(MapQueries, TermQueries):
    """Read-only queries over ``paragraphs``, ``terms`` and ``para_terms``."""

    def __init__(
        self, *, folder: Path | None = None, frames: dict[str, pd.DataFrame] | None = None, n_docs: int | None = None
    ) -> None:
        if (folder is None) == (frames is None):
            raise ValueError("give either the folder of Parquet tables or the frames, not both")
        self._folder, self._frames = folder, frames
        # the build's sums of every document's terms (``TOTALS``), which answer for the whole corpus
        # (``n_docs`` documents) without grouping its terms again
        self._totals = folder is not None and n_docs is not None and (folder / f"{TOTALS}.parquet").is_file()
        self._n_docs = n_docs
        self._database: duckdb.DuckDBPyConnection | None = None
        self._opening = threading.Lock()
        self._local = threading.local()  # a DuckDB connection is not shared between threads

    def _db(self) -> duckdb.DuckDBPyConnection:
        """One DuckDB database for these tables, opened once: its memory limit bounds every
        thread's queries together (a database per thread would each take up to the limit)."""
        with self._opening:
            if self._database is None:
                db = duckdb.connect(config=LIMITS)
                db.execute("SET temp_directory = ?", [_spill_folder()])
                if self._folder is not None:  # views over the Parquet files, seen by every cursor
                    attach_large(db, folder=self._folder, frames=None)
                    if self._totals:
                        path = quoted(self._folder / f"{TOTALS}.parquet")
                        db.execute(f"CREATE VIEW {TOTALS} AS SELECT * FROM read_parquet('{path}')")
                self._database = db
        return self._database

    def _con(self) -> duckdb.DuckDBPyConnection:
        """This thread's cursor on the one database (DuckDB's way to query from many threads)."""
        con = getattr(self._local, "con", None)
        if con is None:
            con = self._local.con = self._db().cursor()
            if self._frames is not None:  # a frame registered is seen by its own cursor only
                attach_large(con, folder=None, frames=self._frames)
        return con

    def sql(self, query: str, params: list | None = None, *, categories: tuple[str, ...] = ()) -> pd.DataFrame:
        """The query's rows; the columns named in ``categories`` as pandas categories (each
        distinct string once, where a column of strings holds a Python string for every row)."""
        # through Arrow: DuckDB's own conversion to pandas (.df()) took 2.5 s for 195,000 items
        # with their text, Arrow's 0.5 s, and gives the same frame
        table = self._con().sql(query, params=params or None).to_arrow_table()
        for name in categories:
            table = table.set_column(table.schema.get_field_index(name), name, table[name].dictionary_encode())
        return table.to_pandas()

    def _rows_of(self, table: str, doc_ids: Iterable[str]) -> pd.DataFrame:
        """The rows of one of ``LARGE`` (a name of this module's, never a user's) for these documents,
        in the table's order."""
        if table not in LARGE:
            raise ValueError(f"unknown table {table!r}; choose one of {', '.join(LARGE)}")
        return self._in_order(table, "doc_id IN (SELECT unnest(?::VARCHAR[]))", [list(doc_ids)])

    def _in_order(
        self,
        table: str,
        where: str,
        params: list,
        *,
        leave_out: tuple[str, ...] = (),
        limit: int | None = None,
        spread: bool = False,
    ) -> pd.DataFrame:
        """The rows of ``table`` that meet ``where``, in the table's order, without the columns
        ``leave_out`` (never read from a file); the first ``limit`` of them when given, or with
        ``spread`` ``limit`` rows picked all over them (by a hash of their place: the same rows
        every time). A semi-join (``IN``) hands rows back in whatever order its threads finish:
        the file's row numbers put them back."""
        if self._frames is not None:  # a corpus held in memory: its frame's own order
            found = self.sql(
                f"SELECT _row FROM (SELECT row_number() OVER () - 1 AS _row, * FROM {table}) AS t WHERE {where}"
                + _pick("_row", limit, spread),
                params,
            )
            rows = self._frames[table].iloc[sorted(found["_row"])].reset_index(drop=True)
            return rows.drop(columns=list(leave_out))
        return self._restore(self.sql(self._ordered(table, where, leave_out, limit=limit, spread=spread), params))

    def _ordered(
        self, table: str, where: str, leave_out: tuple[str, ...] = (), *, limit: int | None = None, spread: bool = False
    ) -> str:
        """The query of ``_in_order`` over the table's Parquet file."""
        path = quoted(self._folder / f"{table}.parquet")
        columns = ", ".join(f'"{c}"' for c in ("file_row_number", *leave_out))  # quoted: an item's "group"
        rows = f"SELECT * FROM read_parquet('{path}', file_row_number = true) AS t WHERE {where}"
        rows += _pick("file_row_number", limit, spread)
        return f"SELECT * EXCLUDE ({columns}) FROM ({rows}) ORDER BY file_row_number"

    @staticmethod
    def _holding(doc_ids: Iterable[str], terms: list[str], column: str) -> tuple[str, list]:
        """The condition and parameters for these documents' paragraphs whose ``column`` holds
        any of ``terms`` (none empty)."""
        _check_column(column)
        holds = " OR ".join(f"contains({column}, ?)" for _ in terms)
        return f"doc_id IN (SELECT unnest(?::VARCHAR[])) AND ({holds})", [list(doc_ids), *terms]

    def paragraphs_of(self, doc_ids: Iterable[str]) -> pd.DataFrame:
        """The paragraphs of these documents, in the table's order."""
        return self._rows_of("paragraphs", doc_ids)

    def paragraphs_at(self, keys: pd.DataFrame) -> pd.DataFrame:
        """The paragraphs at these (doc_id, para_no) ``keys``, in the table's order: only their
        text is read (the passages of one theme, not every paragraph of the documents)."""
        return self._at("paragraphs", keys)

    def tokens_at(self, keys: pd.DataFrame) -> pd.DataFrame:
        """The tokens (as the build cut them, space-separated) of the paragraphs at these
        (doc_id, para_no) ``keys``, in the table's order."""
        return self._at("tokens", keys)

    def _at(self, table: str, keys: pd.DataFrame) -> pd.DataFrame:
        """The rows of ``table`` (paragraphs or tokens) at these (doc_id, para_no) ``keys``."""
        keys = keys[["doc_id", "para_no"]].drop_duplicates().astype({"doc_id": object, "para_no": "int64"})
        if self._frames is not None:
            frame = self._frames[table]
            wanted = pd.MultiIndex.from_frame(keys)
            return frame[pd.MultiIndex.from_frame(frame[["doc_id", "para_no"]]).isin(wanted)].reset_index(drop=True)
        path = quoted(self._folder / f"{table}.parquet")
        with self._registered("_wanted_keys", keys):
            return self._restore(
                self.sql(
                    f"SELECT p.* EXCLUDE (file_row_number) FROM read_parquet('{path}', file_row_number = true) p "
                    "SEMI JOIN _wanted_keys k ON p.doc_id = k.doc_id AND p.para_no = k.para_no "
                    "ORDER BY p.file_row_number"
                )
            )

    @contextlib.contextmanager
    def _registered(self, name: str, frame: pd.DataFrame) -> Iterator[None]:
        """``frame`` as the table ``name`` of this thread's cursor while the block runs (a frame
        registered is seen by its own cursor only): a join's keys handed over whole, not passed
        as lists of parameters (a large corpus's formula runs to 330,000 paragraphs)."""
        con = self._con()
        con.register(name, frame)
        try:
            yield
        finally:
            con.unregister(name)

    def paragraphs_with(
        self, doc_ids: Iterable[str], terms: Iterable[str], column: str, *, limit: int | None = None
    ) -> pd.DataFrame:
        """The paragraphs of these documents whose ``column`` holds any of ``terms`` (as written),
        in the table's order; the first ``limit`` of them when given (DuckDB keeps only those while
        it reads: a common word's paragraphs are most of a large corpus, 470 MB of text at 20,000
        documents)."""
        terms = [t for t in terms if t]
        if not terms:
            _check_column(column)  # a column that is none is refused whatever the terms
            return self.paragraphs_of([])
        where, params = self._holding(doc_ids, terms, column)
        if limit is None:
            return self._in_order("paragraphs", where, params)
        if self._frames is not None:
            return self._in_order("paragraphs", where, params).head(limit)
        return self._restore(self.sql(self._ordered("paragraphs", where) + " LIMIT ?", [*params, limit]))

    def short_paragraphs(self, doc_ids: Iterable[str], longest: int) -> pd.DataFrame:
        """(doc_id, para_no, text) of these documents' paragraphs of at most ``longest`` characters
        (headings), chosen by their stored length: no long paragraph's text is read."""
        return self.sql(
            "SELECT doc_id, para_no, text FROM paragraphs WHERE n_chars <= ? AND doc_id IN (SELECT unnest(?::VARCHAR[]))",
            [longest, [str(d) for d in doc_ids]],
        )

    def paragraph_keys(self, doc_ids: Iterable[str]) -> pd.DataFrame:
        """doc_id and para_no of these documents' paragraphs, in the table's order (no text read)."""
        if self._frames is not None:
            return self._in_order("paragraphs", "doc_id IN (SELECT unnest(?::VARCHAR[]))", [list(doc_ids)])[
                ["doc_id", "para_no"]
            ]
        path = quoted(self._folder / "paragraphs.parquet")
        return self._restore(
            self.sql(
                f"SELECT doc_id, para_no FROM read_parquet('{path}', file_row_number = true) "
                "WHERE doc_id IN (SELECT unnest(?::VARCHAR[])) ORDER BY file_row_number",
                [list(doc_ids)],
            )
        )

    def texts_at(self, keys: pd.DataFrame) -> pd.Series:
        """The text of each paragraph of ``keys`` (doc_id, para_no), in their order."""
        found = self.sql(
            "WITH k AS (SELECT unnest(?::VARCHAR[]) AS doc_id, unnest(?::BIGINT[]) AS para_no, "
            "unnest(range(?)) AS i) SELECT k.i, p.text FROM k JOIN paragraphs p USING (doc_id, para_no) ORDER BY k.i",
            [keys["doc_id"].tolist(), [int(n) for n in keys["para_no"]], len(keys)],
        )
        return pd.Series(found["text"].to_numpy(), index=found["i"].to_numpy()).reindex(range(len(keys)))

    def paragraph_spans(self, doc_ids: Iterable[str]) -> pd.DataFrame:
        """doc_id, first and last para_no of these documents (a term's dispersion across them:
        reading every paragraph of the documents holding a common term read most of the corpus)."""
        return self.sql(
            "SELECT doc_id, min(para_no) AS first, max(para_no) AS last FROM paragraphs "
            "WHERE doc_id IN (SELECT unnest(?::VARCHAR[])) GROUP BY doc_id ORDER BY doc_id",
            [list(doc_ids)],
        )

    def paragraph_counts(self, doc_ids: Iterable[str]) -> pd.Series:
        """How many paragraphs each of these documents has (in this table: the analysed corpus
        has no formula paragraphs), by doc_id; a document with none is left out."""
        rows = self.sql(
            "SELECT doc_id, count(*)::BIGINT AS n FROM paragraphs WHERE doc_id IN (SELECT unnest(?::VARCHAR[])) "
            "GROUP BY doc_id",
            [list(doc_ids)],
        )
        return pd.Series(rows["n"].to_numpy(), index=rows["doc_id"].to_numpy(), dtype="int64")

    def terms_of(self, doc_ids: Iterable[str]) -> pd.DataFrame:
        return self._rows_of("terms", doc_ids)

    def para_terms_of(self, doc_ids: Iterable[str], *, coded: bool = False) -> pd.DataFrame:
        """The terms of these documents' paragraphs (doc_id, para_no, term, count), in the
        table's order; ``coded``, for a caller that only numbers them, in no particular order,
        doc_id as a category and each term as a number (its 64-bit hash): a district's later
        documents run to millions of rows, whose strings cost 230 MB to hand over at 20,000
        documents."""
        if not coded:
            return self._rows_of("para_terms", doc_ids)
        ids = list(dict.fromkeys(doc_ids))
        found = self.sql(
            "WITH ids AS (SELECT unnest(?::VARCHAR[]) AS doc_id, unnest(range(?::BIGINT))::INTEGER AS doc_no) "
            "SELECT i.doc_no, t.para_no, hash(t.term) AS term, t.count FROM para_terms AS t JOIN ids AS i USING (doc_id)",
            [ids, len(ids)],
        )
        doc_id = pd.Categorical.from_codes(found.pop("doc_no").to_numpy(), categories=pd.Index(ids, dtype=object))
        return found.assign(doc_id=doc_id)[["doc_id", "para_no", "term", "count"]]


def _pick(row: str, limit: int | None, spread: bool) -> str:
    """The clause of ``Tables._in_order`` that keeps ``limit`` rows, the first by ``row`` (a row's
    place in its table) or, with ``spread``, those a hash of it puts first; none without a limit."""
    if limit is None:
        return ""
    return f" ORDER BY {f'hash({row})' if spread else row} LIMIT {int(limit)}"


def _check_column(column: str) -> None:
    if column not in ("text", "text_original"):
        raise ValueError(f"column must be 'text' or 'text_original', got {column!r}")
