"""The child process a visitor's query runs in (``store.sql``): a hard memory cap, DuckDB with
file access, spilling and settings locked, and a result fetched as Arrow batches within a byte
budget, so that no query can take the memory, the files or the time of the process that asked.

Runs as ``python -m explore.store.sql_child``: a fresh interpreter that shares nothing with the
app's process. The job comes as JSON on standard input; the reply is one JSON line on standard
output, followed by the rows as an Arrow IPC stream when the query ran.
"""

from __future__ import annotations

import json
import resource
import sys
import threading
from dataclasses import asdict, dataclass


@dataclass(frozen=True)
class Limits:
    rows: int  # rows returned (one more is fetched to tell whether the result was cut)
    seconds: float  # DuckDB is interrupted after this long (the parent kills a little later)
    result_bytes: int  # Arrow bytes fetched before the result is cut
    memory_bytes: int  # the child's heap and anonymous memory (RLIMIT_DATA); DuckDB gets half


def job(select: str, sources: dict[str, str], allowed: str | None, limits: Limits) -> bytes:
    """The standard input of a child that runs ``select`` over views of ``sources`` (table name →
    Parquet path), reading files only under ``allowed``."""
    return json.dumps({"select": select, "sources": sources, "allowed": allowed, "limits": asdict(limits)}).encode()


def main() -> None:
    task = json.loads(sys.stdin.buffer.read())
    limits = Limits(**task["limits"])
    resource.setrlimit(resource.RLIMIT_DATA, (limits.memory_bytes, limits.memory_bytes))
    out = sys.stdout.buffer
    try:
        data, cut_rows, cut_bytes = _fetch(task["select"], task["sources"], task["allowed"], limits)
    except MemoryError:
        out.write(json.dumps({"error": "memory", "message": ""}).encode() + b"\n")
    except Exception as err:  # every failure goes back as a message; the parent words it
        out.write(json.dumps({"error": type(err).__name__, "message": str(err).split("\n")[0]}).encode() + b"\n")
    else:
        out.write(json.dumps({"error": None, "cut_rows": cut_rows, "cut_bytes": cut_bytes}).encode() + b"\n")
        out.write(data)
    out.flush()


def _quoted(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def _connection(sources: dict[str, str], allowed: str | None, limits: Limits):
    import duckdb

    con = duckdb.connect(
        config={
            "memory_limit": f"{limits.memory_bytes // 2 // 2**20}MB",
            "threads": "2",
            "temp_directory": "",  # no spilling: no file of this query for another to read
            "python_enable_replacements": "false",  # a query cannot reach this process's variables
        }
    )
    for name, path in sources.items():
        source = f"read_parquet('{path.replace(chr(39), chr(39) * 2)}')"
        # a value the tables keep as '' (no district, no lead, no date) is missing: NULL in SQL
        text = [c for c, kind, *_ in con.execute(f"DESCRIBE SELECT * FROM {source}").fetchall() if kind == "VARCHAR"]
        blank = ", ".join(f"NULLIF({_quoted(c)}, '') AS {_quoted(c)}" for c in text)
        con.execute(f"CREATE VIEW {name} AS SELECT * {f'REPLACE ({blank})' if blank else ''} FROM {source}")
    if allowed is not None:
        con.execute("SET allowed_directories = ?", [[allowed]])
    con.execute("SET enable_external_access = false")
    con.execute("SET lock_configuration = true")
    return con


def _fetch(select: str, sources: dict[str, str], allowed: str | None, limits: Limits):
    """The rows as Arrow IPC bytes, whether the row limit cut them, whether the byte budget did."""
    import duckdb
    import pyarrow as pa

    con = _connection(sources, allowed, limits)
    timer = threading.Timer(limits.seconds, con.interrupt)
    timer.start()
    sink, rows, cut_rows, cut_bytes = pa.BufferOutputStream(), 0, False, False
    try:
        reader = con.sql(select).to_arrow_reader(256)  # streamed: a LIMIT here would gather its rows first
        with pa.ipc.new_stream(sink, reader.schema) as writer:
            for batch in reader:
                if rows + batch.num_rows > limits.rows:
                    batch, cut_rows = batch.slice(0, limits.rows - rows), True
                while batch.num_rows and sink.tell() + batch.nbytes > limits.result_bytes:
                    batch, cut_bytes = batch.slice(0, batch.num_rows // 2), True
                writer.write_batch(batch)
                rows += batch.num_rows
                if cut_rows or cut_bytes:
                    break
    except duckdb.InterruptException:
        raise TimeoutError from None
    finally:
        timer.cancel()
    return sink.getvalue().to_pybytes(), cut_rows, cut_bytes


if __name__ == "__main__":
    main()
