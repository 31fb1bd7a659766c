"""The shell command that writes a table as a page shows it (pure): the page's filters and
options as ``python -m explore export`` takes them, the inverse of ``cli.tables``' parsing."""

from __future__ import annotations

import shlex

from explore.analysis.filters import Filters


def cli_command(table: str, filters: Filters, *, corpus: str = "", **options: object) -> str:
    """The shell command that writes ``table`` of the folder ``corpus`` under ``filters`` (the
    inverse of ``filters_from_args``); options are ``--name value``, a list or tuple repeating it."""
    parts = ["python", "-m", "explore", "export", table, *(["--corpus", corpus] if corpus else [])]
    pairs = [("province", filters.provinces), ("city", filters.cities), ("district", filters.districts),
             ("year-from", filters.year_from), ("year-to", filters.year_to), ("doc-type", filters.doc_types),
             ("genre", filters.genres),
             ("doc", filters.doc_ids), *((k.replace("_", "-"), v) for k, v in options.items())]  # fmt: skip
    for name, value in pairs:
        for one in value if isinstance(value, list | tuple) else [value]:
            if one is not None and one != "":
                parts += [f"--{name}", str(one)]
    return shlex.join(parts)
