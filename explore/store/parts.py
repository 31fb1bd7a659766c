"""Tables written a batch of documents at a time: one Parquet file per table, one row group per
batch, so a build never holds more than one batch's rows (pyarrow's ``ParquetWriter``).

The files are the same plain Parquet as before (``docs.parquet`` …): pandas, DuckDB and Polars
read them whole, and the pandas types (``Int64`` years) come back as written.
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq


class TableWriters:
    """One ``ParquetWriter`` per table, opened by the first batch that has rows for it."""

    def __init__(self, folder: Path, names: tuple[str, ...]) -> None:
        self.folder = folder
        self.names = names
        self._writers: dict[str, pq.ParquetWriter] = {}
        self._schemas: dict[str, pa.Schema] = {}
        self.rows = dict.fromkeys(names, 0)

    def write(self, tables: dict[str, pd.DataFrame]) -> None:
        for name in self.names:
            frame = tables[name]
            if frame.empty:  # an empty frame's columns have no types to open a file with
                continue
            if name not in self._writers:
                schema = _settled(pa.Schema.from_pandas(frame, preserve_index=False))
                self._schemas[name] = schema
                self._writers[name] = pq.ParquetWriter(self.folder / f"{name}.parquet", schema)
            table = pa.Table.from_pandas(frame, schema=self._schemas[name], preserve_index=False)
            self._writers[name].write_table(table)
            self.rows[name] += len(frame)

    def close(self, empty: dict[str, pd.DataFrame]) -> None:
        """Close every file; a table no batch wrote is written from ``empty`` (its columns)."""
        for writer in self._writers.values():
            writer.close()
        for name in self.names:
            if name not in self._writers:
                empty[name].to_parquet(self.folder / f"{name}.parquet", index=False)


def _settled(schema: pa.Schema) -> pa.Schema:
    """A first batch whose column is all missing says nothing of its type: take it as text."""
    fields = [f.with_type(pa.string()) if pa.types.is_null(f.type) else f for f in schema]
    return pa.schema(fields, metadata=schema.metadata)
