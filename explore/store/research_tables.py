"""The tables of a policy study's recipe, each defined once as ``store.tables``' are (the pages
and ``export`` call them alike): policy instruments crossed with a second dimension and the
fragments behind a cell, and plans carried out (a plan's items and the later documents that
mention them).
"""

from __future__ import annotations

import pandas as pd

from explore.analysis import coding, followthrough, instruments
from explore.analysis.filters import place_groups
from explore.ingest.lexicon import default_lexicon
from explore.store.tables import coding_tables, theme_mentions
from explore.store.theme_counts import coded_by_theme


def _instrument_codebook(codebook: str | None) -> tuple[str, list[str]]:
    """(the codebook's text, its codes): Rothwell & Zegveld's shipped one unless another is given."""
    text = codebook if codebook is not None else coding.shipped_text("instruments")
    return text, list(coding.parse_codebook(text))


def instrument_tables(
    corpus, docs: pd.DataFrame, *, across: instruments.Across = "year", codebook: str | None = None
) -> dict[str, pd.DataFrame]:
    """The Policy instruments page's tables and ``export instruments``'s: each instrument of a
    codebook (Rothwell & Zegveld's, ``data/instruments.txt``, unless ``codebook`` is another's
    text) × each value of ``across`` (``analysis.instruments.instrument_table``), and the same by
    type. A shipped codebook's paragraphs were coded in the build and are counted by DuckDB;
    another's are coded now."""
    codebook, codes = _instrument_codebook(codebook)
    found = _stored_instrument_counts(corpus, docs, codes, across) if coding.shipped_name(codebook) else None
    if found is None:  # another codebook: its paragraphs coded now
        coded = coding_tables(corpus, docs, codebook=codebook, text=False, counted=False)["coded"]
        themes_of = theme_mentions(corpus, docs, default_lexicon()) if across == "theme" else None
        values = instruments.values_of(docs, across, themes=themes_of)
        found = instruments.count_fragments(instruments.fragments_across(coded, values, across), across), values[across]
    table = instruments.instrument_table(*found, codes, across)
    return {"table": table, "types": instruments.type_totals(table, across)}


def _stored_instrument_counts(corpus, docs: pd.DataFrame, codes: list[str], across: str):
    """(counts, the values seen) of a shipped codebook's codes from the build's ``coded`` table:
    per document, or per paragraph and theme (``store.theme_counts.coded_by_theme``); None where
    the themes are not stored."""
    if across == "theme":
        return coded_by_theme(corpus, docs["doc_id"], codes)
    per_doc, _ = corpus.tables.coded_counts(docs["doc_id"], codes)
    values = instruments.values_of(docs, across)  # type: ignore[arg-type]
    return instruments.counts_from_documents(per_doc, values, across), values[across]  # type: ignore[arg-type]


def instrument_fragments(
    corpus, docs: pd.DataFrame, *, across: instruments.Across = "year", code: str, value: str,
    codebook: str | None = None,
) -> pd.DataFrame:  # fmt: skip
    """The fragments behind one cell of ``instrument_tables``: the paragraphs ``code`` codes whose
    value of ``across`` is ``value`` (as written: a year's digits, ``(none)``), with their text,
    in reading order; ``export instrument_fragments``'s table. Only the cell's documents and
    code are read, and only the cell's paragraphs' text (all of a code's run to a million at
    20,000 documents)."""
    codebook, codes = _instrument_codebook(codebook)
    if code not in codes:
        raise ValueError(f"no code {code!r} in the codebook; its codes are {', '.join(codes)}")
    if across == "theme":
        values = instruments.values_of(docs, "theme", themes=theme_mentions(corpus, docs, default_lexicon()))
        if value != instruments.NONE:  # only the documents whose paragraphs mention the theme
            docs = docs[docs["doc_id"].isin(values.loc[values["theme"] == value, "doc_id"])]
    else:
        values = instruments.values_of(docs, across)  # type: ignore[arg-type]
        docs = docs[docs["doc_id"].isin(instruments.in_cell(values, across, value)["doc_id"])]  # type: ignore[arg-type]
    coded = coding_tables(corpus, docs, codebook=codebook, shown=[code], text=False, counted=False)["coded"]
    cell = instruments.in_cell(instruments.fragments_across(coded, values, across), across, value)  # type: ignore[arg-type]
    cell["text"] = corpus.tables.texts_at(cell).to_numpy() if len(cell) else []
    first = ["doc_id", "para_no", "district", "year", *([across] if across not in ("year", "district") else [])]
    return cell[[*first, "code", "text"]]


def followthrough_tables(
    corpus, docs: pd.DataFrame, *, plan: str | None = None, min_similarity: float = followthrough.SIMILARITY
) -> dict[str, pd.DataFrame]:
    """The Plans carried out page's tables and ``export followthrough``/``followthrough_items``/
    ``followthrough_plans``'s: for each plan among ``docs`` (or the document ``plan`` alone), its
    plan items and the later documents of its place in the whole corpus that mention them
    (``analysis.followthrough``): ``mentions``, ``items`` and ``plans``. Read from the stored
    items and each paragraph's terms; only the matched passages' text is read."""
    found = corpus.tables.items_of(docs["doc_id"] if plan is None else [plan], text=False)
    found = found[found["section"] == "plan"]
    split = found[found["tasks"] >= 2]  # only an item of tasks has its paragraphs read, for its tasks' titles
    spans = [(d, p) for d, a, b in zip(split["doc_id"], split["para_no"], split["para_end"].fillna(split["para_no"]),
                                       strict=True) for p in range(int(a), int(b) + 1)]  # fmt: skip
    keys = pd.DataFrame(spans, columns=["doc_id", "para_no"])
    found = followthrough.task_units(found, corpus.tables.paragraphs_at(keys) if len(keys) else keys.assign(text=""))
    matches, later_counts = [], {}
    groups = place_groups(corpus.docs)  # made once for every plan and table
    for plan_id, its in found.groupby("doc_id", sort=False):
        later = followthrough.later_docs(corpus.docs, str(plan_id), groups=groups)
        later_counts[plan_id] = len(later)
        terms = corpus.tables.para_terms_of([plan_id, *later["doc_id"]], coded=True)
        marks = followthrough.part_marks(corpus.tables.short_paragraphs(later["doc_id"], followthrough.HEADING_LENGTH))
        matches.append(followthrough.match_items(its, terms, later, min_similarity=min_similarity, marks=marks))
    matched = pd.concat(matches, ignore_index=True) if matches else pd.DataFrame(columns=followthrough.MATCH_COLUMNS)
    keys = matched.rename(columns={"later_doc_id": "doc_id"})[["doc_id", "para_no"]]
    texts = corpus.tables.texts_at(keys) if len(keys) else pd.Series([], dtype=object)
    mentions = followthrough.mention_table(matched, corpus.docs, texts, groups=groups)
    items_found = followthrough.item_table(found, mentions, corpus.docs, groups=groups)
    plans = followthrough.plan_table(items_found, pd.Series(later_counts, dtype="int64"), corpus.docs)
    return {"mentions": mentions, "items": items_found, "plans": plans}


def plans_table(corpus, docs: pd.DataFrame) -> pd.DataFrame:
    """The plans among ``docs`` and the later documents of each one's place in the whole corpus
    (``analysis.followthrough.plan_list``): the Plans carried out page's list and ``export plans``."""
    # each item's tasks were counted with its document in the build (``analysis.items.task_count``)
    counts = corpus.tables.sql(
        "SELECT doc_id, sum(tasks)::BIGINT AS n FROM items WHERE section = 'plan' "
        "AND doc_id IN (SELECT unnest(?::VARCHAR[])) GROUP BY doc_id",
        [docs["doc_id"].tolist()],
    )
    return followthrough.plan_list(pd.Series(counts["n"].to_numpy(), index=counts["doc_id"].to_numpy()), corpus.docs)
