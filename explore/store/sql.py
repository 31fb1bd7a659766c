"""Read-only SQL over a corpus's tables (DuckDB), safe to offer on the shared demo.

What a visitor's query can reach, and what it cannot:

- exactly one statement, a SELECT of at most ``MAX_QUERY_CHARS`` characters (so no COPY,
  ATTACH, INSTALL, LOAD, SET, PRAGMA, CREATE, INSERT, UPDATE or DELETE);
- the corpus tables by name (``SQL_TABLES``: the loaded tables and what the analyses derive from
  them, text reuse pairs and theme mentions) and nothing else: no file functions (read_csv, glob, read_blob …),
  no catalog or settings functions (duckdb_settings(), current_setting(), getenv(),
  information_schema), which would show the server's paths; checked on the parsed query;
- the query runs in a child process (``store.sql_child``) with a hard memory cap, DuckDB's
  file access off but for this corpus's tables, spilling off (no temp files another query
  could read) and its configuration locked; it is stopped after ``time_limit`` seconds;
- at most ``row_limit`` rows and ``result_bytes`` bytes come back, fetched as Arrow batches in
  the child: a result that is too large is cut there, never built in the app's process.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

import duckdb
import pandas as pd
import pyarrow as pa

from explore.store import sql_child
from explore.store.corpus import TABLES, Corpus

# What the analyses derive, read from the build's analysed/ folder (found when first asked for a
# corpus held in memory): the text reuse pairs the Text reuse page opens on, furniture and stock
# passages left out, and each paragraph's mentions of the shipped lexicon's themes.
DERIVED = {"reuse_pairs": "analysed/reuse_pairs", "theme_mentions": "analysed/theme_mentions"}
SQL_TABLES = (*TABLES, *DERIVED)

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
    "Theme mentions by district and year": (
        "SELECT d.district, d.year, m.theme, sum(m.mentions) AS mentions\n"
        "FROM theme_mentions m JOIN docs d USING (doc_id)\n"
        "GROUP BY ALL ORDER BY d.district, d.year, mentions DESC"
    ),
    "Text reuse between districts": (
        "SELECT kind, left_district, right_district, count(*) AS pairs, max(similarity) AS most_similar\n"
        "FROM reuse_pairs GROUP BY ALL ORDER BY pairs DESC"
    ),
}
FACETS = ("district", "year", "doc_type")


MAX_QUERY_CHARS = 20_000  # a long query is slow to parse and plan before any limit applies
RESULT_BYTES = 64 * 2**20  # the most result a query brings back (the command line's budget)
PAGE_RESULT_BYTES = 8 * 2**20  # the page's: every result is kept a while for reruns and sent to a browser
MEMORY_BYTES = 1536 * 2**20  # the child's heap (RLIMIT_DATA); DuckDB gets half of it
# Table functions that read no file and no catalog.
TABLE_FUNCTIONS = frozenset({"range", "generate_series", "unnest"})
# Scalar functions that would tell the server's settings, environment or paths.
REFUSED_FUNCTIONS = frozenset({"current_setting", "getenv", "current_schemas", "current_database"})
_REFUSED_PREFIXES = ("duckdb_", "pragma_")
# Table references that are not a table or function by themselves (their children are checked).
_STRUCTURE = frozenset({"JOIN", "SUBQUERY", "EXPRESSION_LIST", "EMPTY", "EMPTY_FROM", "PIVOT"})
_REACH = "only the corpus tables can be read"


@dataclass(frozen=True)
class Result:
    rows: pd.DataFrame
    truncated: bool  # more rows than the limit were found, or the byte budget cut them
    cut_by_size: bool = False  # the byte budget cut the result (rows are fewer than the limit)


def check(query: str) -> str:
    """The one SELECT statement of ``query``, or ValueError saying what is refused."""
    return _checked(query)[0]


def _checked(query: str) -> tuple[str, set[str]]:
    """``check``'s statement and the corpus tables it names."""
    if len(query) > MAX_QUERY_CHARS:
        raise ValueError(f"the query is {len(query):,} characters long; at most {MAX_QUERY_CHARS:,} are run")
    try:
        statements = duckdb.extract_statements(query)
    except duckdb.Error as err:
        raise ValueError(f"the query does not parse: {err}") from None
    if len(statements) != 1:
        raise ValueError(f"give exactly one statement, found {len(statements)}")
    kind = statements[0].type
    if kind != duckdb.StatementType.SELECT:
        raise ValueError(f"only SELECT queries are run here (read-only); this statement is {kind.name}")
    select = statements[0].query.strip().rstrip(";").strip()
    return select, _check_reach(select)


def _check_reach(select: str) -> set[str]:
    """The corpus tables the query names; ValueError unless every table it names is a corpus
    table (or its own CTE) and no function reads files, the catalog or the settings."""
    with duckdb.connect() as con:
        tree = json.loads(con.execute("SELECT json_serialize_sql(?)", [select]).fetchone()[0])
    if tree.get("error"):
        raise ValueError(f"the query does not parse: {tree.get('error_message', '')}")
    ctes: set[str] = set()
    nodes = list(_nodes(tree))
    for node in nodes:
        ctes.update(entry["key"].lower() for entry in node.get("cte_map", {}).get("map", []))
    for node in nodes:
        problem = _problem(node, ctes)
        if problem:
            raise ValueError(f"{problem}: {_REACH}")
    named = {node["table_name"].lower() for node in nodes if "class" not in node and node.get("type") == "BASE_TABLE"}
    return named & set(SQL_TABLES)


def _nodes(tree):
    stack = [tree]
    while stack:
        item = stack.pop()
        if isinstance(item, dict):
            yield item
            stack.extend(item.values())
        elif isinstance(item, list):
            stack.extend(item)


def _problem(node: dict, ctes: set[str]) -> str | None:
    """What is refused in one node of the parsed query, or None."""
    if node.get("class") == "FUNCTION":
        name = node.get("function_name", "").lower()
        return f"{name}() is not available" if name in REFUSED_FUNCTIONS or name.startswith(_REFUSED_PREFIXES) else None
    if "class" in node or "alias" not in node:
        return None  # an expression, a query node or a modifier: what they hold is checked on its own
    kind = node.get("type", "")  # a table reference
    if kind == "BASE_TABLE":
        name, where = node["table_name"].lower(), node.get("schema_name") or node.get("catalog_name")
        return (
            None
            if not where and (name in SQL_TABLES or name in ctes)
            else f"{node['table_name']!r} is not a table here"
        )
    if kind == "TABLE_FUNCTION":
        name = node.get("function", {}).get("function_name", "").lower()
        return None if name in TABLE_FUNCTIONS else f"{name}() is not available"
    if kind == "SHOW_REF":  # DESCRIBE and SUMMARIZE of a query are fine; SHOW TABLES or a setting is not
        return None if not node.get("table_name") else f"SHOW {node['table_name']} is not available"
    return None if kind in _STRUCTURE else f"{kind.lower()} is not available"


def run_sql(
    corpus: Corpus,
    query: str,
    *,
    row_limit: int = 1000,
    time_limit: float = 10.0,
    result_bytes: int = RESULT_BYTES,
    memory_bytes: int = MEMORY_BYTES,
) -> Result:
    """Run one read-only SELECT over the corpus tables in a child process (the module's rules)."""
    if row_limit < 1:
        raise ValueError(f"row_limit must be at least 1, got {row_limit}")
    if time_limit <= 0:
        raise ValueError(f"time_limit must be positive, got {time_limit}")
    select, named = _checked(query)
    limits = sql_child.Limits(rows=row_limit, seconds=time_limit, result_bytes=result_bytes, memory_bytes=memory_bytes)
    names = tuple(name for name in SQL_TABLES if name in named)  # a view only of what the query reads
    scratch = None
    try:
        if corpus.folder is None:  # a corpus held in memory (a session's uploads): its tables as files
            scratch = Path(tempfile.mkdtemp(prefix="explore-sql-"))
            for name in names:
                table(corpus, name).to_parquet(scratch / f"{name}.parquet", index=False)
        folder = scratch or corpus.folder
        files = {name: name if scratch else DERIVED.get(name, name) for name in names}
        sources = {name: str(folder / f"{file}.parquet") for name, file in files.items()}
        reply = _in_child(select, sources, str(folder) + "/", limits)
    finally:
        if scratch is not None:
            shutil.rmtree(scratch, ignore_errors=True)
    return _result(reply, limits)


def table(corpus: Corpus, name: str) -> pd.DataFrame:
    """One of ``SQL_TABLES`` as a frame: a loaded table, or one the analyses derive, read from
    the build or found now for a corpus held in memory."""
    if name not in DERIVED:
        return corpus.table(name)
    if corpus.folder is not None:
        return pd.read_parquet(corpus.folder / f"{DERIVED[name]}.parquet")
    from explore.ingest.lexicon import default_lexicon
    from explore.store import tables

    analysed = tables.analysed_corpus(corpus)
    if name == "reuse_pairs":
        return tables.reuse_table(analysed, corpus.docs)
    return tables.theme_mentions(analysed, corpus.docs, default_lexicon())


def columns(corpus: Corpus, name: str) -> list[str]:
    """The columns of one of ``SQL_TABLES``, without reading it."""
    if name not in SQL_TABLES:
        raise ValueError(f"unknown table {name!r}; choose one of {', '.join(SQL_TABLES)}")
    if name not in DERIVED:
        return corpus.columns(name)
    from explore.analysis.reuse import REUSE_COLUMNS
    from explore.analysis.themes import MENTION_COLUMNS

    return list(REUSE_COLUMNS if name == "reuse_pairs" else MENTION_COLUMNS)


_STARTUP_SECONDS = 5.0  # the child's start, on top of the query's own time


def _in_child(select: str, sources: dict[str, str], allowed: str, limits: sql_child.Limits) -> tuple[dict, bytes]:
    """The child's reply header and the Arrow bytes that follow it; the child is killed when
    it overruns the time limit."""
    child = subprocess.Popen(
        [sys.executable, "-m", "explore.store.sql_child"],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        cwd=tempfile.gettempdir(),  # not the server's folder: nothing of it is near
        env={**_child_env(), "PYTHONPATH": str(Path(__file__).parents[2])},
        start_new_session=True,
    )
    try:
        out, _ = child.communicate(sql_child.job(select, sources, allowed, limits), limits.seconds + _STARTUP_SECONDS)
    except subprocess.TimeoutExpired:
        child.kill()
        child.communicate()
        return {"error": "TimeoutError", "message": ""}, b""
    header, _, data = out.partition(b"\n")
    if child.returncode != 0 or not header:  # killed without a word: the memory cap, most likely
        return {"error": "memory", "message": ""}, b""
    return json.loads(header), data


def _child_env() -> dict[str, str]:
    """The child's environment: enough to run Python, nothing that names the server's folders."""
    keep = ("PATH", "LANG", "LC_ALL", "TMPDIR", "SYSTEMROOT")
    return {name: os.environ[name] for name in keep if name in os.environ}


def _result(reply: tuple[dict, bytes], limits: sql_child.Limits) -> Result:
    header, data = reply
    if header["error"] is None:
        rows = pa.ipc.open_stream(data).read_all().to_pandas()
        return Result(rows, header["cut_rows"] or header["cut_bytes"], header["cut_bytes"])
    kind, message = header["error"], header["message"]
    if kind in ("TimeoutError", "InterruptException"):
        raise ValueError(f"the query was stopped after {limits.seconds:g} s; narrow it or add a LIMIT")
    if kind in ("memory", "OutOfMemoryException", "MemoryError") or message.startswith("Out of Memory"):
        raise ValueError(
            f"the query needed more than the {limits.memory_bytes // 2 // 2**20:,} MB it may use; "
            "narrow it, aggregate, or add a LIMIT"
        )
    if kind == "PermissionException":
        raise ValueError(f"the query tried to reach files or settings: {_REACH}")
    raise ValueError(message or kind)


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
        if pd.api.types.is_float_dtype(values) and (values.dropna() % 1 == 0).all():
            values = values.astype("Int64")  # a year beside a missing one is 2023, not 2023.0
        counts = values.astype("string").fillna("(none)").replace("", "(none)").value_counts()
        out[name] = counts.rename_axis(name).reset_index(name="rows")
    return out
