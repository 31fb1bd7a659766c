"""The command line's face of ``store.tables``: the table names ``export`` knows, its options and
the table an ``export`` command writes (``build_table``); ``store.command`` writes the command
a page shows, the inverse of ``filters_from_args``."""

from __future__ import annotations

import argparse

import pandas as pd

from explore.analysis import coding, diffusion, issuing
from explore.analysis.filters import Filters, filter_by_docs, select_docs
from explore.analysis.followthrough import SIMILARITY
from explore.analysis.instruments import ACROSS
from explore.ingest.lexicon import default_lexicon, split_terms
from explore.store.analysed import REUSE_SIMILARITY, formula_lines_of
from explore.store.research_tables import followthrough_tables, plans_table
from explore.store.tables import (
    analysed_corpus,
    coding_sheet,
    coding_tables,
    docs_table,
    figures_table,
    items_table,
    keyness_table,
    keyword_table,
    kwic_table,
    reuse_table,
    theme_tables,
)

INSTRUMENT_TABLES = ("instruments", "instrument_types", "instrument_fragments")
FOLLOWTHROUGH_TABLES = ("followthrough", "followthrough_items", "followthrough_plans", "plans")
TABLE_NAMES = (
    "docs",
    "paragraphs",
    "terms",
    "para_terms",
    "skipped",
    "themes",
    "timeline",
    "heatmap",
    "kwic",
    "keyness",
    "items",
    "reuse",
    "diffusion",
    "figures",
    "codes",
    "coded",
    "coding_sheet",
    "keywords",
    "collocates",
    "ngrams",
    "network",
    "network_nodes",
    "topics",
    "topic_shares",
    "tokens",
    "formula",
    "issuers",
    "coissuing",
    *INSTRUMENT_TABLES,
    *FOLLOWTHROUGH_TABLES,
)
TEXTSTATS = ("collocates", "ngrams", "network", "network_nodes", "topics", "topic_shares")
# Tables that count or compare text: by default they read the corpus without its formula
# and item notes (``store.analysed``); the others show documents and their text as they are.
ANALYSED = (
    "themes",
    "timeline",
    "heatmap",
    "keyness",
    "keywords",
    "codes",
    "coded",
    "coding_sheet",
    *INSTRUMENT_TABLES,
    *FOLLOWTHROUGH_TABLES,
    "reuse",
    *TEXTSTATS,
)


def add_filter_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("--province", action="append", default=[], help="keep this province (repeatable)")
    p.add_argument("--city", action="append", default=[], help="keep this city (repeatable)")
    p.add_argument("--district", action="append", default=[], help="keep this district (repeatable)")
    p.add_argument("--year-from", type=int, default=None)
    p.add_argument("--year-to", type=int, default=None)
    p.add_argument(
        "--doc-type", action="append", default=[], help="official document | report | resolution | news report | other"
    )
    p.add_argument(
        "--genre",
        action="append",
        default=[],
        help="keep this 文种 (通知, 意见 …; (none) for no genre word; repeatable)",
    )
    p.add_argument("--doc", action="append", default=[], help="keep this doc_id (repeatable)")
    p.add_argument("--term", action="append", default=[], help="kwic, diffusion: a term to find (repeatable)")
    p.add_argument("--width", type=int, default=25, help="kwic: characters of context on each side")
    p.add_argument("--also", default="", help="kwic: keep the lines whose context holds this word too")
    p.add_argument("--by", default="document", help="kwic: sort by document | L1 | L2 | R1 | R2 | date")
    p.add_argument("--target", default=None, help="keyness: the district compared with the other documents")
    p.add_argument("--top", type=int, default=50, help="keyness: how many terms")
    p.add_argument("--level", action="append", default=[], help="items: project | measure (repeatable)")
    p.add_argument("--tier", action="append", default=[], help="items: keep this tier heading (repeatable)")
    p.add_argument(
        "--theme", action="append", default=[], help="items: keep this theme; diffusion: follow its terms (repeatable)"
    )
    p.add_argument("--lead", default="", help="items: lead unit or leader (substring)")
    p.add_argument(
        "--section", action="append", default=[], help="items: plan | review | other (repeatable; default: all)"
    )
    p.add_argument(
        "--rules",
        default=None,
        help="codes, coded, coding_sheet, instruments: a codebook file, or a shipped one by name: starter "
        "(Hood's NATO, the default of codes) | instruments (Rothwell & Zegveld, the default of instruments)",
    )
    p.add_argument(
        "--across",
        default="year",
        help="instruments: the second dimension: year | theme | level | place | genre | doc_type",
    )
    p.add_argument("--value", default=None, help="instrument_fragments: the value of --across (a year, a theme …)")
    p.add_argument("--min-len", type=int, default=2, help="keywords: shortest term, in characters")
    p.add_argument("--pos", default="all", help="keywords: all | nouns | verbs")
    p.add_argument("--stopword", action="append", default=[], help="keywords: leave this term out (repeatable)")
    p.add_argument(
        "--extra", action="append", default=[], help="keywords: count this term too, as exact substrings (repeatable)"
    )
    p.add_argument("--sample", type=int, default=100, help="coding_sheet: paragraphs to sample")
    p.add_argument("--code", action="append", default=[], help="coded: only this code's paragraphs (repeatable)")
    p.add_argument(
        "--min-similarity",
        type=float,
        default=REUSE_SIMILARITY,
        help="reuse: least similarity of a pair of paragraphs (0-1)",
    )
    p.add_argument(
        "--kind", action="append", default=[],
        help="figures: amount | count | area or length | share | score; reuse: same district | across districts (repeatable)",
    )  # fmt: skip
    p.add_argument("--status", action="append", default=[], help="figures: result | target (repeatable)")
    p.add_argument("--words", default="", help="figures: keep those whose sentence holds this")
    p.add_argument(
        "--formula",
        default="leave",
        help="themes, keyness, keywords, figures, codes, reuse, collocates, ngrams, network, topics: leave | keep "
        "the paragraphs that recur across the corpus (formula: site furniture, stock sentences)",
    )
    p.add_argument("--window", type=int, default=5, help="collocates: tokens on each side of the term")
    p.add_argument("--min-freq", type=int, default=2, help="collocates, ngrams: fewest occurrences shown")
    p.add_argument("--sort", default="log_likelihood", help="collocates: log_likelihood | mi | t_score | frequency")
    p.add_argument("--n", type=int, default=3, help="ngrams: tokens in a row (2-5); --term keeps those holding it")
    p.add_argument("--nodes", type=int, default=60, help="network: terms drawn (those in the most paragraphs)")
    p.add_argument("--edges", type=int, default=120, help="network: strongest edges kept")
    p.add_argument("--measure", default="jaccard", help="network: jaccard | dice | log_likelihood")
    p.add_argument("--places", default="keep", help="keyness, network: keep | leave (leave out place names)")
    p.add_argument("--min-g2", type=float, default=0.0, help="keyness: the smallest G² shown (3.84: p < 0.05)")
    p.add_argument("--topics", type=int, default=10, help="topics, topic_shares: number of topics")
    p.add_argument(
        "--unit", default=None, help="topics, topic_shares: documents | paragraphs (default: by corpus size)"
    )
    p.add_argument(
        "--fit",
        default="corpus",
        help="topics, topic_shares: corpus (the whole corpus's model, the documents' "
        "shares in it) | selection (a model of the chosen documents alone)",
    )
    p.add_argument(
        "--plan",
        default=None,
        help="followthrough: the doc_id of one plan (default: every plan of the filtered documents)",
    )
    p.add_argument(
        "--similarity",
        type=float,
        default=SIMILARITY,
        help="followthrough: least similarity of an item and a later passage (0-1)",
    )
    p.add_argument("--period", default="all", help="coissuing: all | year (a line a year)")
    p.add_argument("--min-documents", type=int, default=1, help="coissuing: fewest documents issued together")
    p.add_argument("--seed", type=int, default=1, help="network, topics: the random seed (same seed, same result)")


def filters_from_args(args: argparse.Namespace) -> Filters:
    return Filters(
        provinces=tuple(args.province),
        cities=tuple(args.city),
        districts=tuple(args.district),
        year_from=args.year_from,
        year_to=args.year_to,
        doc_types=tuple(args.doc_type),
        genres=tuple(args.genre),
        doc_ids=tuple(args.doc),
    )


def build_table(name: str, args: argparse.Namespace) -> pd.DataFrame:
    from explore.store.load import load_corpus

    corpus = load_corpus(args.corpus)
    if name in ANALYSED:
        corpus = analysed_corpus(corpus, args.formula)
    filters = filters_from_args(args)
    docs = select_docs(corpus.docs, filters)
    if name == "docs":
        return docs_table(docs)
    if name in TEXTSTATS:
        return _textstats(name, corpus, docs, args)
    if name == "skipped":
        return corpus.skipped
    if name in ("themes", "timeline", "heatmap"):
        found = theme_tables(corpus, docs, default_lexicon())["doc_themes" if name == "themes" else name]
        return found[found["theme"].isin(args.theme)].reset_index(drop=True) if args.theme else found
    if name == "items":
        return items_table(
            corpus, docs, levels=args.level, tiers=args.tier, themes=args.theme, lead=args.lead, sections=args.section
        )
    if name == "kwic":
        if not args.term:
            raise ValueError("kwic needs at least one --term")
        return kwic_table(corpus, docs, args.term, width=args.width, also=args.also, by=args.by)
    if name == "keyness":
        if not args.target:
            raise ValueError("keyness needs --target DISTRICT (compared with the other filtered documents)")
        target = docs.loc[docs["district"] == args.target, "doc_id"]
        if target.empty:
            raise ValueError(f"no filtered document has district {args.target!r}")
        return keyness_table(corpus, docs, target, top_n=args.top, no_places=args.places == "leave", min_g2=args.min_g2)
    if name == "diffusion":
        lexicon = default_lexicon().set_index("theme")
        unknown = [t for t in args.theme if t not in lexicon.index]
        if unknown:
            raise ValueError(f"no theme {unknown[0]!r}; the themes are {', '.join(lexicon.index)}")
        words = [*args.term, *(w for t in args.theme for w in split_terms(lexicon.loc[t, "terms"]))]
        if not words:
            raise ValueError("diffusion needs at least one --term or --theme")
        return diffusion.diffusion_table(corpus.tables.paragraphs_of(docs["doc_id"]), docs, words)
    if name == "plans":
        return plans_table(corpus, docs)
    if name in FOLLOWTHROUGH_TABLES:
        found = followthrough_tables(corpus, docs, plan=args.plan, min_similarity=args.similarity)
        return found[{"followthrough": "mentions", "followthrough_items": "items"}.get(name, "plans")]
    if name in INSTRUMENT_TABLES:
        return _instruments(name, corpus, docs, args)
    if name in ("codes", "coded", "coding_sheet"):
        codebook = codebook_text(args.rules)
        if name == "coding_sheet":
            codes = coding.parse_codebook(codebook or coding.shipped_text("starter"))
            return coding_sheet(corpus, docs, list(codes), sample=args.sample)
        shown = args.code or None  # every code's paragraphs unless codes are named
        return coding_tables(corpus, docs, codebook=codebook, shown=shown)["coded" if name == "coded" else "counts"]
    if name == "keywords":
        return keyword_table(corpus, docs, min_len=args.min_len, pos=args.pos, stopwords=args.stopword,
                             extra_terms=args.extra, top_n=args.top)  # fmt: skip
    if name == "figures":
        return figures_table(
            corpus, docs, formula=args.formula, kinds=args.kind, statuses=args.status, words=args.words
        )
    if name == "reuse":
        return reuse_table(corpus, docs, min_similarity=args.min_similarity, formula=args.formula, kinds=args.kind)
    if name == "formula":
        return formula_lines_of(corpus)
    if name == "issuers":
        return issuing.issuer_rows(docs)
    if name == "coissuing":
        return issuing.coissuing_edges(docs, period=args.period, min_documents=args.min_documents)
    return filter_by_docs(corpus.table(name), docs["doc_id"])


def codebook_text(rules: str | None) -> str | None:
    """The text of ``--rules``: a shipped codebook by name (``analysis.coding.SHIPPED``), else a
    file; None without one."""
    from pathlib import Path

    if rules is None:
        return None
    return coding.shipped_text(rules) if rules in coding.SHIPPED else Path(rules).read_text(encoding="utf-8")


def _instruments(name: str, corpus, docs: pd.DataFrame, args: argparse.Namespace) -> pd.DataFrame:
    from explore.store.research_tables import instrument_fragments, instrument_tables

    if args.across not in ACROSS:
        raise ValueError(f"--across must be one of {', '.join(ACROSS)}, got {args.across!r}")
    codebook = codebook_text(args.rules)
    if name != "instrument_fragments":
        found = instrument_tables(corpus, docs, across=args.across, codebook=codebook)
        return found["table" if name == "instruments" else "types"]
    if len(args.code) != 1 or args.value is None:
        raise ValueError("instrument_fragments needs one --code and --value (a cell of the instruments table)")
    return instrument_fragments(corpus, docs, across=args.across, code=args.code[0], value=args.value,
                                codebook=codebook)  # fmt: skip


def _textstats(name: str, corpus, docs: pd.DataFrame, args: argparse.Namespace) -> pd.DataFrame:
    from explore.analysis.topics import default_unit
    from explore.store import textstats

    if name == "collocates":
        if len(args.term) != 1:
            raise ValueError("collocates needs one --term")
        return textstats.collocates(corpus, docs, args.term[0], window=args.window, min_freq=args.min_freq,
                                    sort_by=args.sort)  # fmt: skip
    if name == "ngrams":
        contains = args.term[0] if args.term else ""
        return textstats.ngrams(corpus, docs, n=args.n, contains=contains, min_freq=args.min_freq)
    if name in ("network", "network_nodes"):
        graph = textstats.network(corpus, docs, nodes=args.nodes, measure=args.measure, top_edges=args.edges,
                                  places=args.places, seed=args.seed)  # fmt: skip
        return graph["edges" if name == "network" else "nodes"]
    model = textstats.topics(corpus, docs, unit=args.unit or default_unit(len(docs)), n_topics=args.topics,
                             seed=args.seed, fit=args.fit)  # fmt: skip
    return model.topics if name == "topics" else model.shares
