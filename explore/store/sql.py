"""Read-only SQL over a corpus's tables (DuckDB), safe to offer on the shared demo.

A query runs on a connection of its own that can see the corpus tables and nothing else:

- exactly one statement, and it must be a SELECT (so no COPY, ATTACH, INSTALL, LOAD, SET,
  PRAGMA, CREATE, INSERT, UPDATE or DELETE);
- file access is off (``enable_external_access = false``) except for the folder holding this
  corpus's Parquet tables, so read_csv('/etc/passwd'), glob() and friends fail, and the
  configuration is locked so the query cannot turn it back on;
- at most ``row_limit`` rows come back, and the query is interrupted after ``time_limit`` seconds.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass

import duckdb
import pandas as pd

from explore.store.load import Corpus
from explore.store.query import LARGE, attach_large

EXAMPLES = {
    "Documents by district and year": (
        "SELECT district, year, count(*) AS documents, sum(n_chars) AS characters\n"
        "FROM docs GROUP BY district, year ORDER BY district, year"
    ),
    "Most frequent terms": "SELECT term, sum(count) AS n FROM terms GROUP BY term ORDER BY n DESC LIMIT 50",
    "Paragraphs that name a term": (
        "SELECT d.district, d.year, d.title, p.para_no, p.text\n"
        "FROM paragraphs p JOIN docs d USING (doc_id)\n"
        "WHERE p.text LIKE '%营商环境%' ORDER BY d.year"
    ),
    "A term's documents per year": (
        "SELECT d.year, count(DISTINCT t.doc_id) AS documents\n"
        "FROM terms t JOIN docs d USING (doc_id)\n"
        "WHERE t.term = '改革' GROUP BY d.year ORDER BY d.year"
    ),
}
FACETS = ("district", "year", "doc_type")


@dataclass(frozen=True)
class Result:
    rows: pd.DataFrame
    truncated: bool  # more rows than the limit were found


def check(query: str) -> str:
    """The one SELECT statement of ``query``, or ValueError saying what is refused."""
    try:
        statements = duckdb.extract_statements(query)
    except duckdb.Error as err:
        raise ValueError(f"the query does not parse: {err}") from None
    if len(statements) != 1:
        raise ValueError(f"give exactly one statement, found {len(statements)}")
    kind = statements[0].type
    if kind != duckdb.StatementType.SELECT:
        raise ValueError(f"only SELECT queries are run here (read-only); this statement is {kind.name}")
    return statements[0].query.strip().rstrip(";").strip()


def _connection(corpus: Corpus) -> duckdb.DuckDBPyConnection:
    con = duckdb.connect()
    con.register("docs", corpus.docs)
    con.register("skipped", corpus.skipped)
    folder = corpus.folder
    # a corpus held in memory (a session's uploads) has frames and no folder
    frames = {name: corpus.table(name) for name in LARGE} if folder is None else None
    attach_large(con, folder=folder, frames=frames)
    if folder is not None:
        con.execute("SET allowed_directories = ?", [[str(folder) + "/"]])
    con.execute("SET enable_external_access = false")
    con.execute("SET memory_limit = '1GB'")
    con.execute("SET threads = 2")
    con.execute("SET lock_configuration = true")
    return con


def run_sql(corpus: Corpus, query: str, *, row_limit: int = 1000, time_limit: float = 10.0) -> Result:
    """Run one read-only SELECT over the corpus tables (see the module's rules)."""
    if row_limit < 1:
        raise ValueError(f"row_limit must be at least 1, got {row_limit}")
    if time_limit <= 0:
        raise ValueError(f"time_limit must be positive, got {time_limit}")
    select = check(query)
    con = _connection(corpus)
    timer = threading.Timer(time_limit, con.interrupt)
    timer.start()
    try:
        rows = con.sql(select).limit(row_limit + 1).df()
    except duckdb.InterruptException:
        raise ValueError(f"the query was stopped after {time_limit:g} s; narrow it or add a LIMIT") from None
    except duckdb.PermissionException:
        raise ValueError("the query tried to reach files or settings: only the corpus tables can be read") from None
    except duckdb.Error as err:
        raise ValueError(str(err).split("\n")[0]) from None
    finally:
        timer.cancel()
        con.close()
    return Result(rows.head(row_limit), len(rows) > row_limit)


def facets(rows: pd.DataFrame, docs: pd.DataFrame) -> dict[str, pd.DataFrame]:
    """Counts of district, year and doc_type over a result's rows, as Datasette shows beside a
    table: from the result's own columns, or through its doc_id when it has one."""
    out = {}
    for name in FACETS:
        if name in rows.columns:
            values = rows[name]
        elif "doc_id" in rows.columns and name in docs.columns:
            values = rows["doc_id"].map(docs.set_index("doc_id")[name])
        else:
            continue
        counts = values.astype("string").fillna("(none)").replace("", "(none)").value_counts()
        out[name] = counts.rename_axis(name).reset_index(name="rows")
    return out
