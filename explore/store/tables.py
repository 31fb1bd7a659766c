"""Each table defined once (pure): the pages and ``python -m explore export`` (``cli.tables``)
call the same function with the same options, so the command a page shows writes its table."""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Sequence
from typing import Literal

import pandas as pd

from explore.analysis import coding, items, keywords, kwic, reuse, themes
from explore.analysis.figures import check_choices
from explore.analysis.filters import is_in
from explore.analysis.notes import is_note_only
from explore.ingest.lexicon import default_lexicon, lexicon_terms
from explore.store import formula as _formula
from explore.store.analysed import REUSE_SIMILARITY, analysed, formula_of, reuse_text
from explore.store.analysed import reuse_pairs as stored_reuse_pairs
from explore.store.theme_counts import stored_doc_mentions, stored_mentions


def analysed_corpus(corpus, formula: Literal["leave", "keep"] = "leave"):
    """The corpus as the analyses read it: without its formula and item notes (the default,
    ``store.analysed``), or as it is."""
    if formula not in ("leave", "keep"):
        raise ValueError(f"formula must be 'leave' or 'keep', got {formula!r}")
    return analysed(corpus) if formula == "leave" else corpus


def items_table(
    corpus,
    docs: pd.DataFrame,
    *,
    lexicon: pd.DataFrame | None = None,
    text: bool = True,
    levels: Sequence[Literal["project", "measure"]] = (),
    tiers: Sequence[str] = (),
    themes: Sequence[str] = (),
    lead: str = "",
    sections: Sequence[Literal["plan", "review", "other"]] = (),
    limit: int | None = None,
) -> pd.DataFrame:
    """The reform items of ``docs``, read once a document in the build (``store.per_doc``) and
    themed with the shipped lexicon, or again with ``lexicon`` when it is another; kept by the
    choices of ``analysis.items.filter_items``; without the items' ``text`` unless asked (a page
    lists titles: the texts of 200,000 items are 300 MB); the first ``limit`` when given. The
    Reform items page and ``export items`` both read it."""
    choice = {"levels": levels, "tiers": tiers, "themes": themes, "lead": lead, "sections": sections}
    if _shipped(lexicon):
        return corpus.tables.items_of(docs["doc_id"], text=text, limit=limit, **choice)
    # the theme reads the text: every item is read and themed again, then kept
    found = items.filter_items(items.themed(corpus.tables.items_of(docs["doc_id"]), lexicon), **choice)
    found = found if limit is None else found.head(limit)
    return found if text else found.drop(columns="text")


def item_counts(corpus, docs: pd.DataFrame, *, lexicon: pd.DataFrame | None = None, **choice) -> pd.DataFrame:
    """(doc_id, theme, level, items): how many of ``items_table``'s items (the same ``choice``)
    each document holds of each theme and level; counted by DuckDB under the shipped lexicon."""
    if _shipped(lexicon):
        return corpus.tables.item_counts(docs["doc_id"], **choice)
    found = items_table(corpus, docs, lexicon=lexicon, text=False, **choice)
    return found.groupby(["doc_id", "theme", "level"], as_index=False).size().rename(columns={"size": "items"})


def _shipped(lexicon: pd.DataFrame | None) -> bool:
    """The items were themed in the build with this lexicon (none given: the shipped one)."""
    return lexicon is None or lexicon.equals(default_lexicon())


def figures_table(
    corpus,
    docs: pd.DataFrame,
    *,
    formula: Literal["leave", "keep"] = "leave",
    kinds: Sequence[str] = (),
    statuses: Sequence[str] = (),
    words: str = "",
    sentences: bool = True,
    limit: int | None = None,
) -> pd.DataFrame:
    """The figures of ``docs`` (``analysis.figures``), read with every heading of the corpus as it
    is (a recurring heading such as 一、2017年工作回顾 still says what the figures under it are);
    with ``formula='leave'`` the figures that stand inside formula paragraphs are left out; of
    ``kinds`` and ``statuses``, in sentences holding ``words``; the first ``limit`` only when
    given, without their sentences unless asked (a page shows a few; at 20,000 documents the
    sentences of every figure are 150 MB)."""
    check_choices(kinds, statuses)
    # read once a document in the build, chosen by DuckDB
    return corpus.tables.figures_of(
        docs["doc_id"], outside=_outside(corpus, formula), kinds=kinds, statuses=statuses, words=words,
        sentences=sentences, limit=limit,
    )  # fmt: skip


def figure_counts(
    corpus, docs: pd.DataFrame, *, formula: Literal["leave", "keep"] = "leave", kinds=(), statuses=(), words: str = ""
) -> tuple[int, int, pd.DataFrame]:
    """How many of ``figures_table``'s rows, in how many documents, and how many of each unit have
    a year (``store.query.Tables.figure_counts``), with the same options."""
    check_choices(kinds, statuses)
    return corpus.tables.figure_counts(
        docs["doc_id"], outside=_outside(corpus, formula), kinds=kinds, statuses=statuses, words=words
    )


def figure_points(
    corpus, docs: pd.DataFrame, *, formula: Literal["leave", "keep"] = "leave", kinds=(), statuses=(), words="",
    unit: str, points: int,
) -> pd.DataFrame:  # fmt: skip
    """``figures_table``'s rows of ``unit`` that have a year, at most ``points`` of them picked all
    over the table (the same ones every time): the dots of a chart."""
    check_choices(kinds, statuses)
    return corpus.tables.figures_of(
        docs["doc_id"], outside=_outside(corpus, formula), kinds=kinds, statuses=statuses, words=words, unit=unit,
        limit=points, spread=True,
    )  # fmt: skip


def _outside(corpus, formula: str) -> pd.DataFrame | None:
    """The paragraphs figures must stand outside: the formula's, or none."""
    if formula not in ("leave", "keep"):
        raise ValueError(f"formula must be 'leave' or 'keep', got {formula!r}")
    return formula_of(corpus) if formula == "leave" else None


def reuse_table(
    corpus,
    docs: pd.DataFrame,
    *,
    min_similarity: float = REUSE_SIMILARITY,
    formula: Literal["leave", "keep"] = "leave",
    kinds=(),
) -> pd.DataFrame:
    """Text reuse among ``docs`` (``analysis.reuse``); give it ``analysed_corpus(…)`` so that
    furniture and stock sentences, which are no borrowing, are left out: with ``formula='leave'``
    the stock sentences inside longer paragraphs go as well, so do paragraphs that are only item
    notes, and pairs on a short passage near-duplicated across many documents (``stock_pairs``)."""
    reuse.check_kinds(kinds)  # a kind that is none says so before the work
    if formula == "keep":
        pairs = reuse.reuse(corpus.tables.paragraphs_of(docs["doc_id"]), docs, min_similarity=min_similarity)
        return reuse.of_kinds(pairs, kinds)
    n_docs = len(corpus.docs)
    stored = stored_reuse_pairs(corpus, docs["doc_id"].tolist(), min_similarity)  # the first view, from the build
    if stored is not None:
        return reuse.of_kinds(stored, kinds)
    paragraphs = reuse_text(corpus, docs["doc_id"].tolist())  # found in the build, or:
    if paragraphs is None:
        paragraphs = _formula.without_formula_sentences(corpus.tables, docs["doc_id"].tolist(), n_docs=n_docs)
        paragraphs = paragraphs[
            ~paragraphs["text"].map(is_note_only).astype(bool)
        ]  # 牵头单位：… lines are item metadata
    pairs = _formula.pairs_without_stock(paragraphs, docs, min_similarity=min_similarity, n_docs=n_docs)
    return reuse.of_kinds(pairs, kinds)


# what people read first (title, place, date); the id, used in links and the CLI, last
DOC_COLUMNS = ["title", "district", "city", "province", "level", "issuer", "doc_number", "genre", "year", "date", "published", "source",
               "doc_type", "script", "n_chars", "n_paragraphs", "repaired_spans", "damaged_spans", "guessed_chars",
               "file", "doc_id"]  # fmt: skip


def docs_table(docs: pd.DataFrame) -> pd.DataFrame:
    """The Overview's table of documents and ``export docs``'s: the metadata a reader reads
    first, then the rest (encoding, checksum …)."""
    return docs[[*DOC_COLUMNS, *(c for c in docs.columns if c not in DOC_COLUMNS)]]


def keyword_table(
    corpus, docs: pd.DataFrame, *, min_len: int = 2, pos: str = "all", stopwords=(), extra_terms=(), top_n: int = 50
) -> pd.DataFrame:
    """The Keywords page's table and ``export keywords``'s: term frequencies over ``docs``
    (``analysis.keywords.frequency_table``), summed by DuckDB, a page of the most frequent at a
    time until ``top_n`` of part of speech ``pos`` are found; with ``extra_terms`` that are no
    token of the corpus counted as exact substrings of the text, and ``stopwords`` left out."""
    if min_len < 1:
        raise ValueError(f"min_len must be at least 1, got {min_len}")
    ids, stop = docs["doc_id"].tolist(), set(stopwords)
    n_chars = int(docs["n_chars"].sum())
    extra = _extra_counts(corpus, ids, [w for w in extra_terms if len(w) >= min_len and w not in stop])
    step, seen = (None if top_n is None else max(4 * top_n, 200)), []
    while True:
        page = corpus.tables.term_counts(ids, min_len=min_len, stopwords=stop, limit=step, offset=sum(map(len, seen)))
        seen.append(page)
        counts = pd.concat([*seen, extra] if len(extra) else seen, ignore_index=True)
        more = step is not None and len(page) == step  # rows beyond this page may outrank an extra term
        if more:
            last = (-int(page["count"].iloc[-1]), page["term"].iloc[-1])
            counts = counts[[(-c, t) <= last for c, t in zip(counts["count"], counts["term"], strict=True)]]
        table = keywords.frequency_table(counts, n_chars=n_chars, pos=pos, top_n=top_n)  # type: ignore[arg-type]
        if not more or len(table) >= top_n:
            return table
        step *= 4


def _extra_counts(corpus, doc_ids: list[str], words: list[str]) -> pd.DataFrame:
    """term, count, n_docs of user-typed phrases that are no token of the corpus, as exact
    substrings of these documents' text (a phrase that is a token is counted once, as the token)."""
    known = corpus.tables.known_terms(words) if words else set()
    new = [w for w in dict.fromkeys(words) if w and w not in known]
    found = keywords.substring_counts(corpus.tables.paragraphs_with(doc_ids, new, "text"), new) if new else None
    if found is None or found.empty:
        return pd.DataFrame({"term": [], "count": [], "n_docs": []})
    return found.groupby("term", sort=False).agg(count=("count", "sum"), n_docs=("doc_id", "nunique")).reset_index()


# The last few corpora's counts by side: the District summary asks for the same two sides' counts
# three times (its keyness table, the term pair, the representative sentences' key terms).
_SIDES: OrderedDict[tuple, pd.DataFrame] = OrderedDict()
_SIDES_KEPT = 8


def _sides(corpus, docs: pd.DataFrame, target, *, stopwords=(), no_places: bool = False):
    from explore.ingest.gazetteer import place_names

    target = set(target)
    memo = (corpus.key, tuple(docs["doc_id"]), frozenset(target), tuple(stopwords))
    if (sides := _SIDES.get(memo)) is None:
        sides = corpus.tables.counts_by_side(docs["doc_id"], target, stopwords=tuple(stopwords))
        _SIDES[memo] = sides
        while len(_SIDES) > _SIDES_KEPT:
            _SIDES.popitem(last=False)
    if no_places:  # place names set any district apart without saying anything
        sides = sides[~is_in(sides["term"], place_names())].reset_index(drop=True)
    in_target = is_in(docs["doc_id"], target)
    chars = {"chars_target": int(docs.loc[in_target, "n_chars"].sum()),
             "chars_reference": int(docs.loc[~in_target, "n_chars"].sum())}  # fmt: skip
    return sides, chars


def keyness_table(
    corpus, docs: pd.DataFrame, target, *, stopwords=(), top_n: int = 30, no_places: bool = False, min_g2: float = 0.0
) -> pd.DataFrame:
    """Keyness of the documents ``target`` against the other ``docs`` (``analysis.keywords.keyness``,
    counts summed by DuckDB); ``no_places`` leaves out place names (罗湖区, 罗湖, 深圳 …), which
    set any district apart without saying anything. The District summary's table and ``export keyness``'s."""
    sides, chars = _sides(corpus, docs, target, stopwords=stopwords, no_places=no_places)
    return keywords.keyness(sides, **chars, top_n=top_n, min_g2=min_g2)


def term_pair_table(corpus, docs: pd.DataFrame, target, *, no_places: bool = False) -> pd.DataFrame:
    """Each term's rate in ``target`` and in the other ``docs`` (``analysis.keywords.term_pair``)."""
    sides, chars = _sides(corpus, docs, target, no_places=no_places)
    return keywords.term_pair(sides, **chars)


def coding_tables(
    corpus,
    docs: pd.DataFrame,
    *,
    codebook: str | None = None,
    shown: Sequence[str] | None = None,
    text: bool = True,
    counted: bool = True,
) -> dict[str, pd.DataFrame]:
    """The Codes page's tables and ``export coded``/``codes``'s: each paragraph of ``docs`` a
    codebook's rules code (``analysis.coding``; of the codes ``shown`` only, when given), the
    counts by code, district and year (of every code), and ``summary``: how many paragraphs any
    code codes. A shipped codebook's codes (``analysis.coding.SHIPPED``) were found in the build
    (``coded``), and only the shown codes' paragraphs are read; another codebook (``codebook``, its text) reads the
    documents' paragraphs again. Without ``text``, the coded paragraphs come without their text
    (a page reads the text of those it shows: one code's 300,000 paragraphs at 20,000 documents).
    Without ``counted``, only ``coded``: the counts are not made."""
    text_of = codebook if codebook is not None else coding.shipped_text("starter")
    rules = coding.parse_codebook(text_of)
    codes, ids, stored = list(rules), docs["doc_id"], coding.shipped_name(text_of) is not None
    if stored:  # counted by DuckDB: only the shown codes' rows are read
        coded = coding.in_reading_order(corpus.tables.coded_of(ids, codes=shown or codes, text=text), docs, codes)
    else:  # the paragraphs come in the table's order, the documents' own may differ: ordered alike
        found = coding.coded_paragraphs(corpus.tables.paragraphs_of(ids), docs, rules)
        keys = coding.in_reading_order(found[["doc_id", "para_no", "code", "text"]], docs, codes)
        coded = keys if shown is None else keys[keys["code"].isin(shown)].reset_index(drop=True)
        coded = coded if text else coded.drop(columns="text")
    if not counted:
        return {"coded": coded}
    if stored:
        per_doc, n_coded = corpus.tables.coded_counts(ids, codes)
    else:
        per_doc, n_coded = coding.per_document(keys), len(keys[["doc_id", "para_no"]].drop_duplicates())
    counts = coding.code_counts(per_doc, corpus.tables.paragraph_counts(ids), docs, codes)
    return {"coded": coded, "counts": counts, "summary": pd.DataFrame({"coded_paragraphs": [n_coded]})}


def coding_sheet(corpus, docs: pd.DataFrame, codes: list[str], *, sample: int = 100) -> pd.DataFrame:
    """The Codes page's sheet for two coders and ``export coding_sheet``'s (``analysis.coding.coding_sheet``):
    the sample is drawn from the paragraphs' keys, and only the sampled paragraphs' text is read."""
    return coding.coding_sheet(corpus.tables.paragraph_keys(docs["doc_id"]), docs, codes, sample=sample,
                               texts=corpus.tables.texts_at)  # fmt: skip


def theme_mentions(corpus, docs: pd.DataFrame, lexicon: pd.DataFrame, *, theme: str | None = None) -> pd.DataFrame:
    """Each paragraph of ``docs``' mentions of ``lexicon``'s themes (of ``theme`` only, when
    given): the shipped lexicon's from the build (``store.theme_counts``); another's counted now,
    from every document's counts of its terms and the paragraphs where a term that is no token
    anywhere can occur (DuckDB), not the whole tables."""
    mentions = stored_mentions(corpus, docs["doc_id"], lexicon, theme=theme)
    if mentions is None:
        wanted = lexicon_terms(lexicon)
        pt = corpus.tables.para_terms_among(wanted)
        substrings = sorted(set(wanted) - set(pt["term"]))
        paras = corpus.tables.paragraphs_with(docs["doc_id"], substrings, "text")
        mentions = themes.paragraph_mentions(pt, paras, lexicon, doc_ids=docs["doc_id"])
        if theme is not None:
            mentions = mentions[mentions["theme"] == theme].reset_index(drop=True)
    return mentions


def doc_theme_table(corpus, docs: pd.DataFrame, lexicon: pd.DataFrame) -> pd.DataFrame:
    """Each document's mentions of each of ``lexicon``'s themes (``analysis.themes.doc_themes``):
    the shipped lexicon's summed a document in DuckDB, another's from ``theme_mentions``."""
    per_doc = stored_doc_mentions(corpus, docs["doc_id"], lexicon)
    if per_doc is None:
        per_doc = theme_mentions(corpus, docs, lexicon)
    return themes.doc_themes(per_doc, docs, lexicon)


def theme_tables(corpus, docs: pd.DataFrame, lexicon: pd.DataFrame) -> dict[str, pd.DataFrame]:
    """The Theme timelines page's tables and ``export themes``/``timeline``/``heatmap``'s: each
    document's mentions of ``lexicon``'s themes, by district and year, and by district. The
    shipped lexicon's are summed a document in DuckDB; another's from ``theme_mentions``."""
    doc_themes = doc_theme_table(corpus, docs, lexicon)
    return {
        "doc_themes": doc_themes,
        "timeline": themes.timeline(doc_themes, docs),
        "heatmap": themes.heatmap(doc_themes, docs),
    }


def kwic_lines(
    corpus, docs: pd.DataFrame, terms, *, width: int = 25, column: str = "text", neighbours: bool = True
) -> pd.DataFrame:
    """Every occurrence of ``terms`` in ``docs`` with its context and, with ``neighbours``, the
    words next to it (L1, L2, R1, R2, as the build cut the paragraph), up to ``kwic.LIMIT`` in
    reading order: only the first ``kwic.LIMIT`` paragraphs holding a term are read (each holds
    one occurrence at least), and their tokens, by DuckDB over the Parquet tables."""
    paras = corpus.tables.paragraphs_with(docs["doc_id"], list(terms), column, limit=kwic.LIMIT)
    lines = kwic.kwic(paras, docs, list(terms), width=width, column=column, limit=kwic.LIMIT)  # type: ignore[arg-type]
    if not neighbours:
        return lines
    if lines.empty:
        return kwic.with_neighbours(lines, pd.DataFrame(columns=["doc_id", "para_no", "text", "tokens"]))
    tokens = corpus.tables.tokens_at(lines[["doc_id", "para_no"]])
    return kwic.with_neighbours(lines, paras.merge(tokens, on=["doc_id", "para_no"]))


def kwic_table(
    corpus,
    docs: pd.DataFrame,
    terms,
    *,
    width: int = 25,
    column: str = "text",
    also: str = "",
    by: str = "document",
    lines: pd.DataFrame | None = None,
) -> pd.DataFrame:
    """The Keyword in context page's table and ``export kwic``'s: ``kwic_lines`` (or ``lines``,
    read already), those whose context also holds ``also``, sorted ``by`` a neighbouring word,
    the date or in reading order."""
    if lines is None:
        lines = kwic_lines(corpus, docs, terms, width=width, column=column)
    return kwic.sort_lines(kwic.lines_holding(lines, also), by)  # type: ignore[arg-type]
