"""Plan → follow-through (pure): for each item a plan lists, the later documents of the same
place that report on it, found by the wording they share, with what they say of it.

A plan is a document with reform items in its plan part (``analysis.items``: section ``plan``).
A later document is one of the same place (``analysis.filters.place_groups``: the district, or
the group of a document without one; a plan placed nowhere has none) dated after the plan: a later year, or the same year and a
later stated date. An item is compared with every paragraph of the later documents by the terms
they share: TF-IDF (1 + ln count, idf over the plan's and the later documents' paragraphs, the
smoothed form scikit-learn uses) and cosine similarity, the item being the terms of its own
paragraphs (its title and text; a project's with its measures'). Each later document's most similar paragraph is a mention when
its similarity reaches ``min_similarity``. A later document's own parts count: a paragraph under a
heading that opens a plan part (二、2019年工作安排) plans again and reports nothing, so it is never a
mention; one under a heading that opens a review (一、2018年工作回顾) is there to report, so
``REVIEW_SHARE`` of ``min_similarity`` suffices (a review's paragraph sums up several items and
resembles each less). The status words of ``data/status_words.txt`` in the passage say whether it
reads done or under way.
"""

from __future__ import annotations

import functools
from pathlib import Path

import numpy as np
import pandas as pd
from scipy import sparse

from explore.analysis.filters import UNPLACED, place_groups
from explore.analysis.items import section_of, task_leads
from explore.ingest.sections import read_sections

STATUS_WORDS = Path(__file__).parents[1] / "data" / "status_words.txt"
SIMILARITY = 0.2  # the least similarity of a mention, by default: read on the seeds' and eval's plans
# the share of it a paragraph of a review part needs: the lowest whose false links stay within the
# page's target (20%) on eval/dev/followthrough's pairs. At 0.55, 30 of 33 reported items found and 5
# of 35 links false; at 0.5, 31 and 8 of 39 (21%); at 0.6, 28 and 4 of 32; at 0.7, 24 and 2 of 26
REVIEW_SHARE = 0.55
HEADING_LENGTH = 40  # characters: a longer paragraph is no heading that opens a part
MATCH_COLUMNS = ["plan_doc_id", "item_id", "item", "later_doc_id", "para_no", "similarity"]
MENTION_COLUMNS = [
    "plan_doc_id", "district", "plan_year", "item_id", "item", "later_doc_id", "later_year", "later_date",
    "later_title", "para_no", "similarity", "stage", "status", "passage",
]  # fmt: skip
ITEM_COLUMNS = [
    "plan_doc_id", "district", "plan_year", "item_id", "item", "mentions", "first_year", "within_1_year",
    "within_2_years", "done",
]  # fmt: skip
PLAN_COLUMNS = [
    "plan_doc_id", "district", "plan_year", "title", "items", "later_documents", "within_1_year",
    "share_within_1_year", "within_2_years", "share_within_2_years", "mentioned", "never",
]  # fmt: skip


@functools.cache
def status_words() -> dict[str, list[str]]:
    """The status words by stage (``done``, ``under way``) and the words that only look like one
    (``not status``), in file order."""
    sections = read_sections(STATUS_WORDS)
    missing = {"done", "under way"} - set(sections)
    if missing:
        raise ValueError(f"{STATUS_WORDS.name} needs the sections [done] and [under way]; missing {sorted(missing)}")
    return {"done": sections["done"], "under way": sections["under way"], "not status": sections.get("not status", [])}


def status_of(text: str) -> tuple[str, str]:
    """(stage, the status words ``text`` holds joined by '、'): ``done`` when it holds a done word,
    ``under way`` when only an under-way word, '' when none."""
    words = status_words()
    for phrase in words["not status"]:
        text = text.replace(phrase, "\u3000")
    done = [w for w in words["done"] if w in text]
    going = [w for w in words["under way"] if w in text]
    stage = "done" if done else "under way" if going else ""
    return stage, "、".join(done + going)


def task_units(items: pd.DataFrame, paragraphs: pd.DataFrame) -> pd.DataFrame:
    """The plan items as follow-through reads them. An item without measures of its own whose
    text runs on over paragraphs that open on a short lead sentence (a work report's plan:
    （一）在打好三大攻坚战上聚焦发力 / 打好防范化解重大风险攻坚战。严格控制… / 打好精准脱贫攻坚战。…)
    is those tasks, one a paragraph (a paragraph without a lead sentence goes with the task
    before it), titled by its lead sentence (``analysis.items.task_leads``); items
    ``{item_id}/{n}``, the item their parent. Other items stay as they are: those whose ``tasks``
    (``analysis.items.task_count``, stored with them) is 1. ``paragraphs``: doc_id, para_no, text
    of the items' spans."""
    if items.empty:
        return items
    text: dict[str, dict[int, str]] = {}
    for d, p, t in zip(paragraphs["doc_id"], paragraphs["para_no"], paragraphs["text"], strict=True):
        text.setdefault(d, {})[int(p)] = t
    rows = []
    for row in items.to_dict("records"):
        if int(row["tasks"]) < 2:
            rows.append(row)
            continue
        end = int(row["para_end"]) if pd.notna(row.get("para_end")) else int(row["para_no"])
        leads = task_leads(text.get(row["doc_id"], {}), int(row["para_no"]), end)
        for n, ((para, lead), (below, _)) in enumerate(zip(leads, [*leads[1:], (end + 1, "")], strict=True), 1):
            rows.append({**row, "item_id": f"{row['item_id']}/{n}", "title": lead, "para_no": para,
                         "para_end": below - 1, "parent_id": row["item_id"], "tasks": 1})  # fmt: skip
    return pd.DataFrame(rows, columns=items.columns).reset_index(drop=True)


def plan_list(counts: pd.Series, docs: pd.DataFrame) -> pd.DataFrame:
    """The plans of ``counts`` (each document's plan items, by doc_id), in ``docs``' order:
    plan_doc_id, district (its place), plan_year, title, items, later_documents (of ``docs``,
    the whole corpus)."""
    groups = place_groups(docs).to_numpy(dtype=object)
    # a set's membership: pandas' isin on Arrow strings converts every value (0.1 s at 20,000)
    listed = set(counts.index)
    ids = docs["doc_id"].tolist()
    mine = np.fromiter((doc_id in listed for doc_id in ids), dtype=bool, count=len(ids))
    plans = docs[mine]
    return pd.DataFrame({
        "plan_doc_id": plans["doc_id"].to_numpy(), "district": groups[mine],
        "plan_year": plans["year"].astype("Int64").to_numpy(), "title": plans["title"].fillna("").to_numpy(),
        "items": plans["doc_id"].map(counts).to_numpy(), "later_documents": _later_counts(groups, *_dated(docs), mine),
    })  # fmt: skip


def later_docs(docs: pd.DataFrame, plan_doc_id: str, *, groups: pd.Series | None = None) -> pd.DataFrame:
    """The documents of ``docs`` of the plan's place dated after it (a later year; the same year
    with a later stated date); none when the plan has no year or no place (documents placed
    nowhere are no one place). ``groups``: ``place_groups(docs)``, when made already."""
    groups = place_groups(docs) if groups is None else groups
    at = docs.index[docs["doc_id"] == plan_doc_id]
    if len(at) != 1:
        raise ValueError(f"no document {plan_doc_id!r}")
    group = groups[at[0]]
    if group == UNPLACED:
        return docs.iloc[:0]
    place = docs[groups == group]
    plan = docs.loc[at[0]]
    years, dates = _dated(place)
    return place[_later(years, dates, plan["year"], plan["date"] if isinstance(plan["date"], str) else "")]


def _dated(docs: pd.DataFrame) -> tuple[np.ndarray, np.ndarray]:
    """Each document's year (NaN when none) and stated date ('' when none), as arrays."""
    return docs["year"].astype("float64").to_numpy(), docs["date"].fillna("").to_numpy(dtype=object)


def _later(years: np.ndarray, dates: np.ndarray, year, date: str) -> np.ndarray:
    """Which of the documents (``_dated``) are dated after ``year`` and ``date``: a later year, or
    the same year and a later stated date; none after a plan without a year."""
    if pd.isna(year):
        return np.zeros(len(years), dtype=bool)
    same = (years == year) & (dates != "") & (dates > date) if date else np.zeros(len(years), dtype=bool)
    return (years > year) | same


def _later_counts(groups: np.ndarray, years: np.ndarray, dates: np.ndarray, plans: np.ndarray) -> np.ndarray:
    """For each plan (the documents ``plans`` marks), how many documents of its place group
    ``_later`` finds after it: by sorted search over (group, year) and (group, year, date) keys
    of all documents at once, rather than a pass over them a plan (20,000 plans took 0.4 s so) or
    a group. A plan placed nowhere (``UNPLACED``) or without a year has none."""
    codes = pd.factorize(groups)[0].astype("float64")
    known = ~np.isnan(years)
    # years are far below 10,000: group * 10,000 + year orders by group, then year
    by_year = np.sort(codes[known] * 10_000 + years[known])
    mine_codes, mine_years = codes[plans], years[plans]
    later_year = np.searchsorted(by_year, mine_codes * 10_000 + 9_999, side="right") - np.searchsorted(
        by_year, mine_codes * 10_000 + mine_years, side="right"
    )
    # the same year and a later stated date: "group|YYYY|date" keys of the dated documents, in order
    stamped = known & (dates != "")
    keys = np.sort(np.array([f"{int(c)}|{int(y):04d}|{d}" for c, y, d in
                             zip(codes[stamped], years[stamped], dates[stamped], strict=True)], dtype=str))  # fmt: skip
    same = np.zeros(int(plans.sum()), dtype=np.int64)
    for i, (code, year, date) in enumerate(zip(mine_codes, mine_years, dates[plans], strict=True)):
        if date and not np.isnan(year):
            prefix = f"{int(code)}|{int(year):04d}|"
            same[i] = np.searchsorted(keys, prefix + "\uffff") - np.searchsorted(keys, prefix + date, side="right")
    placed = groups[plans] != UNPLACED
    return np.where(np.isnan(mine_years) | ~placed, 0, later_year + same).astype("int64")


def part_marks(short: pd.DataFrame) -> pd.DataFrame:
    """(doc_id, para_no, part) for each heading among ``short`` (doc_id, para_no, text: paragraphs
    of at most ``HEADING_LENGTH`` characters) that opens a review or a plan part (一、2018年工作回顾,
    二、2019年工作安排: ``analysis.items.section_of``)."""
    parts = [section_of(t) for t in short["text"]]
    keep = [p in ("review", "plan") for p in parts]
    return pd.DataFrame({
        "doc_id": short["doc_id"].to_numpy()[keep], "para_no": short["para_no"].to_numpy()[keep],
        "part": np.asarray(parts, dtype=object)[keep],
    })  # fmt: skip


def _parts(keys: pd.DataFrame, marks: pd.DataFrame | None) -> np.ndarray:
    """The part (review, plan or '') each later paragraph of ``keys`` stands in: the last mark at
    or above it in its document."""
    if marks is None or marks.empty:
        return np.full(len(keys), "", dtype=object)
    at = keys.assign(doc_id=keys["doc_id"].astype(str), _row=np.arange(len(keys))).sort_values("para_no")
    marks = marks.assign(doc_id=marks["doc_id"].astype(str)).sort_values("para_no")
    joined = pd.merge_asof(at, marks, on="para_no", by="doc_id", direction="backward")
    return joined.sort_values("_row")["part"].fillna("").to_numpy(dtype=object)


def match_items(
    items: pd.DataFrame,
    terms: pd.DataFrame,
    later: pd.DataFrame,
    *,
    min_similarity: float = SIMILARITY,
    marks: pd.DataFrame | None = None,
) -> pd.DataFrame:
    """MATCH_COLUMNS: for each item of one plan (``items``: doc_id, item_id, title, para_no,
    para_end) and each document of ``later``, the later paragraph most similar to the item when
    it reaches ``min_similarity`` (``REVIEW_SHARE`` of it in a review part, never in a plan part:
    ``marks``, ``part_marks``' of the later documents); ``terms`` (doc_id, para_no, term, count)
    holds the plan's and the later documents' paragraphs. Items in their order, later documents
    by date."""
    if not 0 < min_similarity <= 1:
        raise ValueError(f"min_similarity must be above 0 and at most 1, got {min_similarity}")
    if items.empty or later.empty:
        return pd.DataFrame(columns=MATCH_COLUMNS)
    plan_id = items["doc_id"].iat[0]
    wanted = terms["doc_id"].isin(later["doc_id"]) | (terms["doc_id"] == plan_id)
    domain = terms if wanted.all() else terms[wanted]  # a copy of millions of rows only when needed
    # paragraphs and terms numbered once (a district's later documents hold millions of rows):
    # a paragraph's key is its document's number × (the largest para_no + 1) + its para_no
    doc_code, doc_names = pd.factorize(domain["doc_id"])
    para = domain["para_no"].to_numpy(dtype=np.int64)
    size = int(para.max()) + 1 if len(para) else 1
    key_id, keys_found = pd.factorize(doc_code.astype(np.int64) * size + para)
    term_id, vocab = pd.factorize(domain["term"])
    counts = domain["count"].to_numpy(dtype=float)
    # a paragraph holds a term once in ``para_terms``: its document frequency is its row count
    idf = np.log((1 + len(keys_found)) / (1 + np.bincount(term_id, minlength=len(vocab)))) + 1
    key_docs = np.asarray(doc_names)[keys_found // size]
    later_keys = np.flatnonzero(key_docs != plan_id)
    if not len(later_keys):
        return pd.DataFrame(columns=MATCH_COLUMNS)
    keys = pd.DataFrame({"doc_id": key_docs[later_keys], "para_no": keys_found[later_keys] % size})
    at = np.flatnonzero(np.asarray(doc_names) == plan_id)  # the plan's number, when it has terms
    mine = np.flatnonzero(doc_code == at[0]) if len(at) else np.array([], dtype=np.int64)
    rows, cols, values = [], [], []
    for i, (a, b) in enumerate(_spans(items)):
        inside = mine[(para[mine] >= a) & (para[mine] <= b)]
        rows.append(np.full(len(inside), i)), cols.append(term_id[inside]), values.append(counts[inside])
    left = _tfidf(sparse.csr_matrix((np.concatenate(values), (np.concatenate(rows), np.concatenate(cols))),
                                    shape=(len(items), len(vocab))), idf)  # fmt: skip
    right = _later_vectors(key_id, term_id, counts, idf, later_keys, np.unique(np.concatenate(cols)))
    scores = (left @ right.T).toarray()  # items × later paragraphs: small
    part = _parts(keys, marks)
    least = np.where(part == "review", min_similarity * REVIEW_SHARE, min_similarity)
    item_at, para_at = np.nonzero((scores >= least) & (part != "plan"))
    if not len(item_at):
        return pd.DataFrame(columns=MATCH_COLUMNS)
    dates = later.set_index("doc_id")
    found = pd.DataFrame({
        "item": item_at, "doc_id": keys["doc_id"].to_numpy()[para_at], "para_no": keys["para_no"].to_numpy()[para_at],
        "similarity": scores[item_at, para_at],
    })  # fmt: skip
    # each later document's best paragraph for an item (the first in reading order on a tie);
    # items in their order, later documents by year and date
    found = found.sort_values(["item", "doc_id", "similarity", "para_no"], ascending=[True, True, False, True])
    best = found.drop_duplicates(["item", "doc_id"]).assign(
        _year=lambda f: f["doc_id"].map(dates["year"]), _date=lambda f: f["doc_id"].map(dates["date"]).fillna("")
    )
    best = best.sort_values(["item", "_year", "_date", "doc_id"], kind="stable")
    return pd.DataFrame({
        "plan_doc_id": plan_id, "item_id": items["item_id"].to_numpy()[best["item"]],
        "item": items["title"].to_numpy()[best["item"]], "later_doc_id": best["doc_id"].to_numpy(),
        "para_no": best["para_no"].astype("int64").to_numpy(), "similarity": best["similarity"].round(3).to_numpy(),
    }, columns=MATCH_COLUMNS)  # fmt: skip


def _spans(items: pd.DataFrame) -> list[tuple[int, int]]:
    """Each item's paragraphs (first, last): its own, and a project's reach to the end of its
    measures (``parent_id``): a project is reported when its measures are."""
    ends = [int(b) if pd.notna(b) else int(a) for a, b in zip(items["para_no"], items["para_end"], strict=True)]
    if "parent_id" in items:
        last = dict(zip(items["item_id"], ends, strict=True))
        for item_id, parent in zip(items["item_id"][::-1], items["parent_id"][::-1], strict=True):
            if parent in last:  # measures after their project: the last first, so nesting adds up
                last[parent] = max(last[parent], last[item_id])
        ends = [last[i] for i in items["item_id"]]
    return [(int(a), b) for a, b in zip(items["para_no"], ends, strict=True)]


def _later_vectors(
    key_id: np.ndarray,
    term_id: np.ndarray,
    counts: np.ndarray,
    idf: np.ndarray,
    later_keys: np.ndarray,
    item_terms: np.ndarray,
) -> sparse.csr_matrix:
    """The later paragraphs' (``later_keys``) L2-normalised TF-IDF vectors as ``_tfidf`` makes
    them, with only the columns of ``item_terms`` kept: no other term adds to a cosine with an
    item, and a district's later paragraphs hold millions of (paragraph, term) rows. Each
    paragraph's norm is still taken over all its terms (a row per term: none to sum)."""
    weights = (1 + np.log(counts)) * idf[term_id]
    norms = np.sqrt(np.bincount(key_id, weights * weights, minlength=int(key_id.max(initial=-1)) + 1))
    row_of = np.full(len(norms), -1)
    row_of[later_keys] = np.arange(len(later_keys))
    kept = np.flatnonzero((row_of[key_id] >= 0) & np.isin(term_id, item_terms))
    scaled = np.divide(weights[kept], norms[key_id[kept]], out=np.zeros(len(kept)), where=norms[key_id[kept]] > 0)
    return sparse.csr_matrix((scaled, (row_of[key_id[kept]], term_id[kept])), shape=(len(later_keys), len(idf)))


def _tfidf(counts: sparse.csr_matrix, idf: np.ndarray) -> sparse.csr_matrix:
    """Rows of term counts (duplicates summed) as L2-normalised TF-IDF vectors: 1 + ln count, times
    the term's idf; sparse, as a district's later paragraphs run to tens of thousands."""
    counts = counts.tocsr()
    counts.sum_duplicates()
    counts.data = 1 + np.log(counts.data)
    weighted = counts @ sparse.diags(idf)
    norm = np.sqrt(np.asarray(weighted.multiply(weighted).sum(axis=1)).ravel())
    return (sparse.diags(np.divide(1.0, norm, out=np.zeros_like(norm), where=norm > 0)) @ weighted).tocsr()


def _places(docs: pd.DataFrame, groups: pd.Series | None) -> pd.Series:
    """Each document's place (``place_groups``, or ``groups`` made already) by doc_id."""
    return pd.Series((place_groups(docs) if groups is None else groups).to_numpy(), index=docs["doc_id"].to_numpy())


def mention_table(
    matches: pd.DataFrame, docs: pd.DataFrame, texts: pd.Series, *, groups: pd.Series | None = None
) -> pd.DataFrame:
    """MENTION_COLUMNS: ``matches`` with the plan's place and year, the later document's year, date
    and title, the passage (``texts``, aligned with ``matches``) and its stage and status words."""
    info = docs.set_index("doc_id")
    groups = _places(docs, groups)
    stages = [status_of(t) for t in texts]
    out = matches.assign(
        district=matches["plan_doc_id"].map(groups),
        plan_year=matches["plan_doc_id"].map(info["year"]).astype("Int64"),
        later_year=matches["later_doc_id"].map(info["year"]).astype("Int64"),
        later_date=matches["later_doc_id"].map(info["date"]).fillna(""),
        later_title=matches["later_doc_id"].map(info["title"]).fillna(""),
        stage=[s for s, _ in stages],
        status=[w for _, w in stages],
        passage=list(texts),
    )
    return out[MENTION_COLUMNS].reset_index(drop=True)


def item_table(
    items: pd.DataFrame, mentions: pd.DataFrame, docs: pd.DataFrame, *, groups: pd.Series | None = None
) -> pd.DataFrame:
    """ITEM_COLUMNS, one row an item of the plans in ``items``: how many later documents mention
    it, the first year one does, whether one does within one and within two years of the plan's
    year, and whether a mention reads done."""
    info = docs.set_index("doc_id")
    groups = _places(docs, groups)
    base = pd.DataFrame({
        "plan_doc_id": items["doc_id"].to_numpy(), "item_id": items["item_id"].to_numpy(),
        "item": items["title"].to_numpy(),
    })  # fmt: skip
    base.insert(1, "district", base["plan_doc_id"].map(groups))
    base.insert(2, "plan_year", base["plan_doc_id"].map(info["year"]).astype("Int64"))
    lag = mentions["later_year"] - mentions["plan_year"]
    per = mentions.assign(lag=lag, is_done=mentions["stage"].eq("done")).groupby("item_id")
    found = pd.DataFrame({
        "mentions": per.size(), "first_year": per["later_year"].min(),
        "within_1_year": per["lag"].min() <= 1, "within_2_years": per["lag"].min() <= 2, "done": per["is_done"].any(),
    })  # fmt: skip
    out = base.join(found, on="item_id")
    out["mentions"] = out["mentions"].fillna(0).astype("int64")
    out["first_year"] = out["first_year"].astype("Int64")
    for column in ("within_1_year", "within_2_years", "done"):
        out[column] = out[column].astype("boolean").fillna(False).astype(bool)
    return out[ITEM_COLUMNS]


def plan_table(items: pd.DataFrame, later_counts: pd.Series, docs: pd.DataFrame) -> pd.DataFrame:
    """PLAN_COLUMNS, one row a plan of ``items`` (``item_table``'s): its items, the later documents
    read (``later_counts`` by plan), how many items are mentioned within one and two years and
    their shares, how many at all and how many never."""
    if items.empty:
        return pd.DataFrame(columns=PLAN_COLUMNS)
    per = items.groupby("plan_doc_id", sort=False)
    out = per.agg(district=("district", "first"), plan_year=("plan_year", "first"), items=("item_id", "size"),
                  within_1_year=("within_1_year", "sum"), within_2_years=("within_2_years", "sum"),
                  mentioned=("mentions", lambda m: int((m > 0).sum()))).reset_index()  # fmt: skip
    out["title"] = out["plan_doc_id"].map(docs.set_index("doc_id")["title"]).fillna("")
    out["later_documents"] = out["plan_doc_id"].map(later_counts).fillna(0).astype("int64")
    out["share_within_1_year"] = (out["within_1_year"] / out["items"]).round(4)
    out["share_within_2_years"] = (out["within_2_years"] / out["items"]).round(4)
    out["never"] = out["items"] - out["mentioned"]
    return out[PLAN_COLUMNS]
