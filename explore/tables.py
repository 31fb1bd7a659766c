"""Named tables for export: the command line and the app build them the same way (pure)."""

from __future__ import annotations

import argparse

import pandas as pd

from explore.filters import Filters, filter_by_docs, select_docs

TABLE_NAMES = ("docs", "paragraphs", "terms", "para_terms", "skipped")


def add_filter_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("--district", action="append", default=[], help="keep this district (repeatable)")
    p.add_argument("--year-from", type=int, default=None)
    p.add_argument("--year-to", type=int, default=None)
    p.add_argument("--doc-type", action="append", default=[], help="official document | news report | other")
    p.add_argument("--doc", action="append", default=[], help="keep this doc_id (repeatable)")


def filters_from_args(args: argparse.Namespace) -> Filters:
    return Filters(
        districts=tuple(args.district),
        year_from=args.year_from,
        year_to=args.year_to,
        doc_types=tuple(args.doc_type),
        doc_ids=tuple(args.doc),
    )


def build_table(name: str, args: argparse.Namespace) -> pd.DataFrame:
    from explore.load import load_corpus

    corpus = load_corpus(args.corpus)
    filters = filters_from_args(args)
    docs = select_docs(corpus.docs, filters)
    if name == "docs":
        return docs
    if name == "skipped":
        return corpus.skipped
    return filter_by_docs(corpus.table(name), docs["doc_id"])
