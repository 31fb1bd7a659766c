"""Cached analyses for the pages: small keys in (the corpus key, filter tuples, options), small
frames out, never DataFrames as keys (Streamlit would hash samples of large frames). The corpus
key is a content hash, so equal keys mean equal content, and sharing these results between
sessions never shows one visitor another's documents. The corpus itself is ``explore.app.cache``'s.
"""

from __future__ import annotations

import pandas as pd
import streamlit as st

from explore.analysis import compare, filters, kwic, summary, themes
from explore.analysis.filters import Filters, select_docs
from explore.analysis.stats import per_10k
from explore.app.cache import corpus_for
from explore.app.shared import shared
from explore.ingest.lexicon import parse_lexicon
from explore.ingest.pinyin import sort_key


@st.cache_resource(max_entries=16, show_spinner=False)  # shared: read, never changed
def place_groups(key: str) -> pd.Series:
    """Each document's group (``filters.place_groups``) by doc_id: once per corpus, not on every
    rerun (about 40 ms at 20,000 documents, and the sidebar, the pickers and each chart ask)."""
    docs = corpus_for(key).docs
    return pd.Series(filters.place_groups(docs).to_numpy(), index=docs["doc_id"].to_numpy())


@st.cache_resource(max_entries=64, show_spinner=False)  # shared: read, never changed
def filter_options(key: str, provinces: tuple[str, ...], cities: tuple[str, ...]) -> dict:
    """The sidebar's choices for a corpus, the city and district lists narrowed to ``provinces``
    and ``cities`` when chosen: provinces, cities, districts (groups, in pinyin order), doc_types,
    genres ((none) last), doc_ids (a frozenset, to check a link's) and years (lowest, highest).
    Made once, not on every rerun of every page (0.1 s at 20,000 documents)."""
    docs = corpus_for(key).docs
    in_scope = docs[docs["province"].isin(provinces)] if provinces else docs
    cities_found = sorted(c for c in set(in_scope["city"]) if c)
    in_scope = in_scope[in_scope["city"].isin(cities)] if cities else in_scope
    found = set(docs["genre"].replace("", filters.NO_GENRE))
    years = docs["year"].dropna()
    return {
        "provinces": sorted(p for p in set(docs["province"]) if p),
        "cities": cities_found,
        "districts": sorted(set(place_groups(key)[in_scope["doc_id"]]), key=sort_key),
        "doc_types": sorted(set(docs["doc_type"])),
        "genres": sorted(found - {filters.NO_GENRE}, key=sort_key)
        + ([filters.NO_GENRE] if filters.NO_GENRE in found else []),
        "doc_ids": frozenset(docs["doc_id"]),
        "years": (int(years.min()), int(years.max())) if len(years) else (2000, 2030),
    }


@st.cache_resource(max_entries=16, show_spinner=False)  # shared: read, never changed
def doc_labels(key: str) -> pd.Series:
    """Each document's label for the pickers ('罗湖区 2017 · title'), by doc_id: once per corpus
    (a loop over 20,000 documents took 0.2 s of every run)."""
    docs = corpus_for(key).docs
    groups = place_groups(key).reindex(docs["doc_id"]).to_numpy()
    years = docs["year"].astype("Int64").astype("string").fillna("")
    labels = (
        pd.Series(groups, dtype="string")
        + " "
        + years.to_numpy()
        + " · "
        + docs["title"].astype("string").str[:28].to_numpy()
    )
    return pd.Series(labels.to_numpy(dtype=object), index=docs["doc_id"].to_numpy())


@shared()
def filtered_docs(key: str, filters: Filters) -> pd.DataFrame:
    """The documents that pass ``filters``: shared, not copied (every page asks, some twice a
    run; unpickling 20,000 documents' rows took 0.1 s a time). Pages derive, never change."""
    return select_docs(corpus_for(key).docs, filters)


@st.cache_data(max_entries=256, show_spinner=False)
def term_table(
    key: str,
    filters: Filters,
    min_len: int,
    pos: str,
    stopwords: tuple[str, ...],
    extra_terms: tuple[str, ...],
    top_n: int,
) -> pd.DataFrame:
    from explore.store.tables import keyword_table

    c = corpus_for(key)
    return keyword_table(c, select_docs(c.docs, filters), min_len=min_len, pos=pos, stopwords=stopwords,
                         extra_terms=extra_terms, top_n=top_n)  # fmt: skip


def _district_docs(docs: pd.DataFrame, district: str) -> tuple[str, ...]:
    """The doc_ids of ``district``'s documents among ``docs``: the cached calls of the District
    summary take the district's name, not its documents (hashing a thousand ids for every cached
    call cost its rerun 0.13 s at 20,000 documents)."""
    return tuple(docs.loc[docs["district"] == district, "doc_id"])


@st.cache_data(max_entries=128, show_spinner=False)
def keyness(
    key: str,
    filters: Filters,
    district: str,
    stopwords: tuple[str, ...],
    top_n: int,
    *,
    no_places: bool = False,
    min_g2: float = 0.0,
) -> pd.DataFrame:
    """Keyness of ``district``'s documents against the other filtered documents
    (``store.tables.keyness_table``, as ``export keyness --target DISTRICT``)."""
    from explore.store.tables import keyness_table

    c = corpus_for(key)
    docs = select_docs(c.docs, filters)
    return keyness_table(
        c, docs, _district_docs(docs, district), stopwords=stopwords, top_n=top_n, no_places=no_places, min_g2=min_g2
    )


@st.cache_data(max_entries=32, show_spinner=False)
def term_pair(key: str, filters: Filters, district: str, no_places: bool) -> pd.DataFrame:
    from explore.store.tables import term_pair_table

    c = corpus_for(key)
    docs = select_docs(c.docs, filters)
    return term_pair_table(c, docs, _district_docs(docs, district), no_places=no_places)


@st.cache_data(max_entries=128, show_spinner=False)
def kwic_lines(
    key: str, filters: Filters, terms: tuple[str, ...], width: int, column: str, neighbours: bool = True
) -> pd.DataFrame:
    """``store.tables.kwic_lines``: with the neighbours the Keyword in context page sorts by; the
    Keywords page's lines without them (reading up to 5,000 lines' tokens cost its first answer after a
    filter change 0.4 s at 5,000 documents)."""
    from explore.store.tables import kwic_lines as lines

    c = corpus_for(key)
    return lines(c, select_docs(c.docs, filters), terms, width=width, column=column, neighbours=neighbours)


@st.cache_data(max_entries=32, show_spinner=False)
def dispersion(key: str, filters: Filters, terms: tuple[str, ...], width: int, column: str) -> pd.DataFrame:
    lines = kwic_lines(key, filters, terms, width, column)
    return kwic.dispersion(lines, corpus_for(key).tables.paragraph_spans(lines["doc_id"].unique()))


@st.cache_data(max_entries=32, show_spinner=False)
def kwic_table(
    key: str, filters: Filters, terms: tuple[str, ...], width: int, column: str, also: str, by: str
) -> pd.DataFrame:
    """The page's concordance (``store.tables.kwic_table``, as ``export kwic`` writes it), from
    the lines the dispersion chart reads too (cached once)."""
    from explore.store.tables import kwic_table as table

    c = corpus_for(key)
    found = kwic_lines(key, filters, terms, width, column)
    return table(c, select_docs(c.docs, filters), terms, width=width, column=column, also=also, by=by, lines=found)


@shared()
def theme_tables(key: str, filters: Filters, lexicon_csv: str) -> dict[str, pd.DataFrame]:
    """``store.tables.theme_tables`` under a session's lexicon (as ``export themes`` reads the
    shipped one): shared, not copied on each rerun."""
    from explore.store.tables import theme_tables as tables

    c = corpus_for(key)
    return tables(c, select_docs(c.docs, filters), parse_lexicon(lexicon_csv))


@shared()
def doc_themes(key: str, filters: Filters, lexicon_csv: str) -> pd.DataFrame:
    """``store.tables.doc_theme_table`` under a session's lexicon: what the District summary needs
    of the theme tables, without the timeline and heatmap. Shared, not copied."""
    from explore.store.tables import doc_theme_table

    c = corpus_for(key)
    return doc_theme_table(c, select_docs(c.docs, filters), parse_lexicon(lexicon_csv))


@st.cache_data(max_entries=64, show_spinner=False)
def district_themes(
    key: str, filters: Filters, district: str, versus: str, lexicon_csv: str
) -> dict[str, pd.DataFrame]:
    """The District summary's themes: ``profile`` (each theme's mentions per 10,000 characters in
    ``district``'s documents and in the rest of ``filters``', named ``versus``) and ``by_year``
    (the district's by year, only its documents' rows grouped). Once a choice: worked out on every
    rerun from 20,000 documents' counts they took 0.3-0.5 s of it."""
    per_doc = doc_themes(key, filters, lexicon_csv)
    docs = filtered_docs(key, filters)
    mine = docs[docs["district"] == district]
    target = per_doc["doc_id"].isin(set(mine["doc_id"]))
    profile = (
        per_doc.assign(group=target.map({True: district, False: versus}))
        .merge(docs[["doc_id", "n_chars"]], on="doc_id")
        .groupby(["group", "theme"], as_index=False)
        .agg(mentions=("mentions", "sum"), n_chars=("n_chars", "sum"))
    )
    profile["per_10k_chars"] = per_10k(profile["mentions"], profile["n_chars"])
    return {"profile": profile, "by_year": themes.timeline(per_doc[target], mine)}


PASSAGES_SHOWN = 1_000  # a theme's passages whose text the page reads; its CSV has them all


@st.cache_data(max_entries=64, show_spinner=False)
def theme_passage_keys(
    key: str, filters: Filters, lexicon_csv: str, theme: str, district: str | None, year: int | None
) -> pd.DataFrame:
    """The paragraphs that mention ``theme`` in the district and year chosen, most mentions first,
    without their text (``analysis.themes.passage_keys``)."""
    from explore.store.tables import theme_mentions

    c = corpus_for(key)
    docs = select_docs(c.docs, filters)
    mentions = theme_mentions(c, docs, parse_lexicon(lexicon_csv), theme=theme)
    return themes.passage_keys(mentions, docs, theme=theme, district=district, year=year)


@st.cache_data(max_entries=64, show_spinner=False)
def theme_passages(
    key: str, filters: Filters, lexicon_csv: str, theme: str, district: str | None, year: int | None
) -> pd.DataFrame:
    """The first ``PASSAGES_SHOWN`` of ``theme_passage_keys`` with their text: only the paragraphs
    shown are read (every district's passages of a theme at 20,000 documents took 212 MB)."""
    keys = theme_passage_keys(key, filters, lexicon_csv, theme, district, year).head(PASSAGES_SHOWN)
    return _with_text(key, keys)


def all_theme_passages(
    key: str, filters: Filters, lexicon_csv: str, theme: str, district: str | None, year: int | None
) -> pd.DataFrame:
    """Every passage of ``theme_passage_keys`` with its text, for the CSV: read when asked, never kept."""
    return _with_text(key, theme_passage_keys(key, filters, lexicon_csv, theme, district, year))


def _with_text(key: str, keys: pd.DataFrame) -> pd.DataFrame:
    """Passages' ``keys`` with the text of their paragraphs, and only theirs, read."""
    return themes.passages(keys, corpus_for(key).tables.paragraphs_at(keys))


@st.cache_data(max_entries=64, show_spinner=False)
def representative(key: str, filters: Filters, district: str) -> pd.DataFrame:
    from explore.store.tables import keyness_table

    c = corpus_for(key)
    docs = select_docs(c.docs, filters)
    target = _district_docs(docs, district)
    key_terms = keyness_table(c, docs, target, top_n=50)
    # only the paragraphs holding a key term can hold a sentence that scores
    paragraphs = c.tables.paragraphs_with(target, key_terms["term"].tolist(), "text")
    # the paragraphs are the district's already: the filtered documents give their titles
    return summary.representative_sentences(paragraphs, docs, key_terms)


@st.cache_data(max_entries=64, show_spinner=False)
def pairs(key: str, left: str, right: str, min_score: float) -> pd.DataFrame:
    tables = corpus_for(key).tables  # the two documents' rows only
    both = [left, right]
    return compare.paired_rows(tables.para_terms_of(both), tables.paragraphs_of(both), left, right, min_score=min_score)


@st.cache_data(max_entries=64, show_spinner=False)
def overlap(key: str, left: str, right: str) -> dict[str, list[str]]:
    return compare.term_overlap(corpus_for(key).tables.terms_of([left, right]), left, right)


@st.cache_data(max_entries=64, show_spinner="Drawing the word cloud…")
def cloud_png(
    key: str,
    filters: Filters,
    min_len: int,
    pos: str,
    stopwords: tuple[str, ...],
    extra_terms: tuple[str, ...],
    top_n: int,
) -> bytes | None:
    """The word cloud of ``term_table`` with the same arguments, as PNG bytes."""
    import io

    from explore.app.cloud import word_cloud

    image = word_cloud(term_table(key, filters, min_len, pos, stopwords, extra_terms, top_n))
    if image is None:
        return None
    buf = io.BytesIO()
    image.save(buf, format="PNG")
    return buf.getvalue()


@shared(spinner="Finding shared text…")
def reuse_pairs(key: str, filters: Filters, min_similarity: float, formula: str = "leave") -> pd.DataFrame:
    """Pairs of paragraphs in different filtered documents that share text (``key``: the
    analysed corpus, formula left out or kept; ``store.tables.reuse_table``, as ``export reuse``).
    Shared, not copied (``app.shared``; pages never change it): at 20,000 documents the
    80,000 pairs' pickled copy held 57 MB, and every rerun unpickled another."""
    from explore.store.tables import reuse_table

    c = corpus_for(key)
    return reuse_table(c, select_docs(c.docs, filters), min_similarity=min_similarity, formula=formula)  # type: ignore[arg-type]


@st.cache_data(max_entries=16, show_spinner="Finding what recurs across the corpus…")
def formula_lines(key: str) -> pd.DataFrame:
    """The corpus's formula: paragraphs that recur across many documents (``store.formula``),
    found in the build."""
    from explore.store.analysed import formula_lines_of

    return formula_lines_of(corpus_for(key))


@st.cache_data(max_entries=64, show_spinner=False)
def diffusion(key: str, filters: Filters, terms: tuple[str, ...]) -> dict[str, pd.DataFrame]:
    """First use per district, undated uses and the adopters curve (``analysis.diffusion``)."""
    from explore.analysis import diffusion as spread

    c = corpus_for(key)
    docs = select_docs(c.docs, filters)
    # only the paragraphs holding a term are read; a document's mentions are all in them
    used = spread.uses(c.tables.paragraphs_with(docs["doc_id"], terms, "text"), docs, terms)
    first, undated = spread.first_uses(used, docs)
    return {"first": first, "undated": undated, "curve": spread.adopters(first)}


SHOWN_ROWS = 10_000  # rows a long table shows (``pages.common.long_table``); its CSV download has them all
