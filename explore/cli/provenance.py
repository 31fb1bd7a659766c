"""Where an exported table came from: a small JSON sidecar written beside each CSV the command
line exports, so a table found in a folder months later says what made it (pure but for the
clock)."""

from __future__ import annotations

import argparse
import hashlib
import json
import shlex
import sys
from datetime import UTC, datetime
from importlib import metadata
from pathlib import Path

from explore.ingest.dictionaries import dictionary_files


def _file(path: Path) -> dict[str, str]:
    return {"path": str(path), "sha1": hashlib.sha1(path.read_bytes()).hexdigest()}


def provenance(table: str, args: argparse.Namespace, *, corpus_key: str, rows: int) -> dict:
    """version, corpus and its fingerprint, dictionaries and stopwords in use, filters and options, command."""
    from explore.cli.tables import filters_from_args
    from explore.store.load import PIPELINE_VERSION, segmenter_backend

    try:
        version = metadata.version("explore")
    except metadata.PackageNotFoundError:
        version = "not installed"
    userdicts, stopwords = dictionary_files(Path(args.corpus))
    filters = filters_from_args(args)
    skip = {
        "func",
        "command",
        "table",
        "output",
        "corpus",
        "province",
        "city",
        "district",
        "year_from",
        "year_to",
        "doc_type",
        "doc",
    }  # the filters are given above, as filters
    options = {k: v for k, v in vars(args).items() if k not in skip}
    return {
        "table": table,
        "rows": rows,
        "written_at": datetime.now(UTC).isoformat(timespec="seconds"),
        "explore_version": version,
        "pipeline_version": PIPELINE_VERSION,
        "segmenter": segmenter_backend(),
        "corpus": str(Path(args.corpus).resolve()),
        "corpus_fingerprint": corpus_key,
        "dictionaries": [_file(p) for p in userdicts],
        "stopwords": [_file(p) for p in stopwords],
        "filters": {k: list(v) if isinstance(v, tuple) else v for k, v in vars(filters).items()},
        "options": {k: (str(v) if isinstance(v, Path) else v) for k, v in options.items()},
        "command": shlex.join(["python", "-m", "explore", *sys.argv[1:]]),
    }


def write_sidecar(csv_path: Path, record: dict) -> Path:
    """``<name>.json`` beside ``<name>.csv``."""
    target = csv_path.with_suffix(".json") if csv_path.suffix else csv_path.with_name(csv_path.name + ".json")
    target.write_text(json.dumps(record, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    return target
