"""Command line: ``python -m explore build|export|sql|agree|bench|health|eval``.

Errors a user can fix (a missing folder, an unknown table) exit with status 2 and one line
on stderr, never a traceback.
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from pathlib import Path

# Like the app: $EXPLORE_CORPUS when set, else seeds/.
DEFAULT_CORPUS = Path(os.environ.get("EXPLORE_CORPUS") or "seeds")


def _progress_bar(enabled: bool):
    if not enabled:
        return None, lambda: None
    from tqdm import tqdm

    bar = tqdm(total=0, unit="doc", file=sys.stderr, leave=False)

    def update(done: int, total: int) -> None:
        bar.total = total
        bar.n = done
        bar.refresh()

    return update, bar.close


def cmd_build(args: argparse.Namespace) -> int:
    from explore.store.load import load_corpus

    t0 = time.perf_counter()
    update, close = _progress_bar(sys.stderr.isatty())
    corpus = load_corpus(args.corpus, workers=args.workers, scheduler=args.scheduler, progress=update)
    close()
    print(
        f"{len(corpus.docs)} documents, {len(corpus.skipped)} skipped, "
        f"{int(corpus.docs['n_chars'].sum()):,} characters, {time.perf_counter() - t0:.2f} s"
        f"{' (from cache)' if corpus.stats.get('cached') else ''}"
    )
    if corpus.stats.get("rebuilt"):
        print(f"the cached tables were damaged and have been rebuilt: {corpus.stats['rebuilt']}", file=sys.stderr)
    for row in corpus.skipped.itertuples():
        print(f"  skipped {row.file}: {row.reason}", file=sys.stderr)
    from explore.store.load import cache_dir

    print(
        f"tables: {cache_dir() / f'corpus-{corpus.key}'}/{{docs,paragraphs,terms,para_terms,tokens,items,figures,skipped}}.parquet"
    )
    return 0


def cmd_export(args: argparse.Namespace) -> int:
    from explore.cli.tables import TABLE_NAMES, build_table
    from explore.store.export import to_csv_bytes

    if args.table not in TABLE_NAMES:
        raise ValueError(f"unknown table {args.table!r}; choose one of {', '.join(TABLE_NAMES)}")
    frame = build_table(args.table, args)
    data = to_csv_bytes(frame)
    if args.output in (None, "-"):
        sys.stdout.buffer.write(data)
        sys.stdout.flush()
    else:
        from explore.cli.provenance import provenance, write_sidecar
        from explore.store.load import load_corpus

        Path(args.output).write_bytes(data)
        record = provenance(args.table, args, corpus_key=load_corpus(args.corpus).key, rows=len(frame))
        sidecar = write_sidecar(Path(args.output), record)
        print(f"wrote {len(frame)} rows to {args.output} (and where they came from to {sidecar})", file=sys.stderr)
    return 0


def cmd_sql(args: argparse.Namespace) -> int:
    """One read-only SELECT over the corpus tables, as CSV (the SQL page's rules and limits)."""
    from explore.store.export import to_csv_bytes
    from explore.store.load import load_corpus
    from explore.store.sql import run_sql

    result = run_sql(load_corpus(args.corpus), args.query, row_limit=args.limit, time_limit=args.time_limit)
    sys.stdout.buffer.write(to_csv_bytes(result.rows))
    sys.stdout.flush()
    if result.cut_by_size:
        print(f"stopped at {len(result.rows)} rows, the result's size limit; select fewer columns", file=sys.stderr)
    elif result.truncated:
        print(f"stopped at {args.limit} rows; raise --limit for more", file=sys.stderr)
    return 0


def cmd_agree(args: argparse.Namespace) -> int:
    """Agreement of two filled coding sheets, per code, and their disagreements."""
    import pandas as pd

    from explore.analysis.coding import agreement
    from explore.store.export import to_csv_bytes

    sheets = [pd.read_csv(p, encoding="utf-8-sig", dtype=str, keep_default_na=False) for p in (args.first, args.second)]
    table, differ = agreement(*sheets)
    sys.stdout.buffer.write(to_csv_bytes(table))
    sys.stdout.flush()
    if args.disagreements:
        Path(args.disagreements).write_bytes(to_csv_bytes(differ))
        print(f"wrote {len(differ)} disagreements to {args.disagreements}", file=sys.stderr)
    return 0


def cmd_health(args: argparse.Namespace) -> int:
    """JSON with the corpus name and document count; exit 1 when no document loaded."""
    import json

    from explore.store.health import corpus_health
    from explore.store.load import load_corpus

    if not args.corpus.is_dir():
        # the same JSON shape and the exit status the README states: 1, nothing loaded
        what = "is not a folder" if args.corpus.exists() else "does not exist"
        print(json.dumps({"status": "error", "corpus": str(args.corpus), "documents": 0,
                          "reason": f"the corpus folder {args.corpus} {what}; pass --corpus DIR or set EXPLORE_CORPUS"},
                         ensure_ascii=False))  # fmt: skip
        return 1
    health = corpus_health(load_corpus(args.corpus))
    print(json.dumps(health, ensure_ascii=False))
    return 0 if health["status"] == "ok" else 1


def cmd_bench(args: argparse.Namespace) -> int:
    from explore.evaluation.bench import run_bench

    run_bench(args.corpus)
    return 0


def cmd_eval(args: argparse.Namespace) -> int:
    from explore.evaluation.run import run_eval

    return run_eval(args.root, record=args.record, new_set=args.new_set, show_misses=not args.quiet,
                    report_misses=args.report_misses)  # fmt: skip


_CORPUS_HELP = "folder of documents (default: $EXPLORE_CORPUS, else seeds/)"


def parser() -> argparse.ArgumentParser:
    from explore.cli.tables import add_filter_arguments

    p = argparse.ArgumentParser(prog="python -m explore", description="Explore Chinese reform documents.")
    sub = p.add_subparsers(dest="command", required=True)
    b = sub.add_parser("build", help="build or refresh the cache and print a summary")
    b.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS, help=_CORPUS_HELP)
    b.add_argument("--workers", type=int, default=None, help="processes for segmentation (default: automatic)")
    b.add_argument(
        "--scheduler",
        default=None,
        help="a running Dask scheduler's address (tcp://host:8786): process the documents on its workers, "
        "which must see the corpus and $EXPLORE_CACHE_DIR at the same paths",
    )
    b.set_defaults(func=cmd_build)
    from explore.cli.tables import TABLE_NAMES

    e = sub.add_parser("export", help="write a table as CSV (UTF-8 with BOM)")
    e.add_argument("table", metavar="table", help="one of: " + ", ".join(TABLE_NAMES))
    e.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS, help=_CORPUS_HELP)
    e.add_argument("-o", "--output", default=None, help="file to write (default: standard output)")
    add_filter_arguments(e)
    e.set_defaults(func=cmd_export)
    q = sub.add_parser("sql", help="run one read-only SELECT over the corpus tables and print CSV")
    q.add_argument("query", help="a SELECT over docs, paragraphs, terms, para_terms, tokens, skipped")
    q.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS, help=_CORPUS_HELP)
    q.add_argument("--limit", type=int, default=1000, help="most rows returned (default 1000)")
    q.add_argument("--time-limit", type=float, default=10.0, help="seconds before the query is stopped")
    q.set_defaults(func=cmd_sql)
    a = sub.add_parser("agree", help="agreement of two filled coding sheets (Cohen's kappa, Krippendorff's alpha)")
    a.add_argument("first", type=Path)
    a.add_argument("second", type=Path)
    a.add_argument("--disagreements", default=None, help="write the paragraphs the coders disagree on to this CSV")
    a.set_defaults(func=cmd_agree)
    h = sub.add_parser("health", help="print which corpus is loaded and how many documents, as JSON")
    h.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS, help=_CORPUS_HELP)
    h.set_defaults(func=cmd_health)
    n = sub.add_parser("bench", help="time a cold and a warm build against bare jieba")
    n.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS, help=_CORPUS_HELP)
    n.set_defaults(func=cmd_bench)
    v = sub.add_parser("eval", help="score metadata, items and repair on the labelled evaluation set")
    v.add_argument("--root", type=Path, default=Path("eval"), help="folder with docs/, labels.csv, scores.json")
    v.add_argument("--record", action="store_true", help="raise the recorded floor to today's figures")
    v.add_argument("--new-set", action="store_true", help="with --record: start the floor of a changed labelled set")
    v.add_argument("--quiet", action="store_true", help="leave out the list of misses")
    v.add_argument(
        "--report-misses", action="store_true",
        help="list the report half's misses too (they are measured, not read, while rules are tuned)",
    )  # fmt: skip
    v.set_defaults(func=cmd_eval)
    return p


def main(argv: list[str] | None = None) -> int:
    from explore.store.integrity import CacheNotWritable

    args = parser().parse_args(argv)
    try:
        return args.func(args)
    except (FileNotFoundError, NotADirectoryError, ValueError, CacheNotWritable) as err:
        print(f"error: {err}", file=sys.stderr)
        return 2
