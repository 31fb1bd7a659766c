"""Coding with rules, in the spirit of KH Coder's coding rules (pure).

A codebook is a plain file: ``*name`` starts a code, the lines under it are its rule (several
lines are ORed), ``#`` starts a comment. A rule combines terms with ``|`` (or), ``&`` (and),
``!`` (not), ``NEAR/n`` (both terms, at most n characters between them) and brackets; ``OR``,
``AND`` and ``NOT`` may be written as words. A term matches when the paragraph's Simplified text
contains it. Agreement between two coders is Cohen's kappa (scikit-learn) and Krippendorff's
alpha (the ``krippendorff`` package, nominal) per code; where one is undefined (every paragraph
given the same mark, so no disagreement is expected by chance) it is NaN and a note says why.
"""

from __future__ import annotations

import bisect
import functools
import itertools
import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from explore.ingest.alternation import any_of

STARTER_CODEBOOK = Path(__file__).parents[1] / "data" / "codebook.txt"
INSTRUMENTS_CODEBOOK = Path(__file__).parents[1] / "data" / "instruments.txt"
# The codebooks the project ships, by the name ``--rules`` and the Codes page know them by:
# their codes are found once a document in the build (their names never clash).
SHIPPED = {"starter": STARTER_CODEBOOK, "instruments": INSTRUMENTS_CODEBOOK}
_TOKEN = re.compile(r"\s*(NEAR/\d+|\(|\)|\||&|!|\bOR\b|\bAND\b|\bNOT\b|[^\s()|&!]+)")


@dataclass(frozen=True)
class Rule:
    op: str  # "term", "or", "and", "not", "near"
    args: tuple = ()
    term: str = ""
    distance: int = 0

    def matches(self, text: str) -> bool:
        if self.op == "term":
            return self.term in text
        if self.op == "or":
            return self._holds_term(text) or any(a.matches(text) for a in self._others)
        if self.op == "and":
            return all(a.matches(text) for a in self.args)
        if self.op == "not":
            return not self.args[0].matches(text)
        return _near(text, self.args[0].term, self.args[1].term, self.distance)

    def may_match_within(self, text: str) -> bool:
        """False only when no part of ``text`` (a paragraph of a document joined whole) can
        match: one test a document spares testing a code on each of its paragraphs."""
        if self.op == "not":  # a part may lack what the whole has
            return True
        if self.op == "or":
            return self._holds_term(text) or any(a.may_match_within(text) for a in self._others)
        if self.op == "and":
            return all(a.may_match_within(text) for a in self.args)
        return self.matches(text)

    def _holds_term(self, text: str) -> bool:
        """Whether ``text`` holds one of an "or"'s bare terms."""
        return self._terms is not None and self._terms.search(text) is not None

    @functools.cached_property
    def _terms(self) -> re.Pattern[str] | None:
        """The bare terms of an "or" as one pattern: a codebook's codes are mostly long lists
        of terms, tried on every paragraph of the build (one search instead of a scan a term)."""
        terms = [a.term for a in self.args if a.op == "term"] if self.op == "or" else []
        return re.compile(any_of(terms)) if terms else None

    @functools.cached_property
    def _others(self) -> tuple[Rule, ...]:
        return tuple(a for a in self.args if a.op != "term")


def matching_paragraphs(rule: Rule, texts: list[str]) -> list[int]:
    """The numbers (from 1) of the paragraphs of one document that ``rule`` matches. The bare
    terms of an "or" are one search over the document joined whole (no term holds a line
    break, so each match falls in one paragraph); other parts are tried on each paragraph, and
    only when the whole document may hold a match."""
    whole = "\n".join(texts)
    starts = list(itertools.accumulate((len(t) + 1 for t in texts[:-1]), initial=0))
    return sorted(_matching(rule, texts, whole, starts))


def _matching(rule: Rule, texts: list[str], whole: str, starts: list[int]) -> set[int]:
    if rule.op != "or":  # an "or" needs no test first: its terms are one search, its parts test themselves
        return {no for no, text in enumerate(texts, 1) if rule.matches(text)} if rule.may_match_within(whole) else set()
    found = set()
    if rule._terms is not None:
        found = {bisect.bisect_right(starts, m.start()) for m in rule._terms.finditer(whole)}
    for part in rule._others:
        found |= _matching(part, texts, whole, starts)
    return found


def _near(text: str, a: str, b: str, distance: int) -> bool:
    """Some occurrence of ``a`` and of ``b`` with at most ``distance`` characters between them."""
    if a not in text or b not in text:  # most paragraphs hold neither: no search for where
        return False
    starts_a = [m.start() for m in re.finditer(re.escape(a), text)]
    starts_b = [m.start() for m in re.finditer(re.escape(b), text)]
    return any(
        (sb - (sa + len(a)) if sb >= sa else sa - (sb + len(b))) <= distance for sa in starts_a for sb in starts_b
    )


def parse_rule(text: str) -> Rule:
    """A rule from its text; ``ValueError`` saying where it went wrong."""
    tokens = [t.strip() for t in _TOKEN.findall(text) if t.strip()]
    tokens = [{"OR": "|", "AND": "&", "NOT": "!"}.get(t, t) for t in tokens]
    if not tokens:
        raise ValueError("an empty rule")
    rule, rest = _or(tokens)
    if rest:
        raise ValueError(f"unexpected {rest[0]!r} in rule {text!r}")
    return rule


def _or(tokens: list[str]) -> tuple[Rule, list[str]]:
    parts = []
    rule, tokens = _and(tokens)
    parts.append(rule)
    while tokens and tokens[0] == "|":
        rule, tokens = _and(tokens[1:])
        parts.append(rule)
    return (parts[0] if len(parts) == 1 else Rule("or", tuple(parts))), tokens


def _and(tokens: list[str]) -> tuple[Rule, list[str]]:
    parts = []
    rule, tokens = _not(tokens)
    parts.append(rule)
    while tokens and tokens[0] == "&":
        rule, tokens = _not(tokens[1:])
        parts.append(rule)
    return (parts[0] if len(parts) == 1 else Rule("and", tuple(parts))), tokens


def _not(tokens: list[str]) -> tuple[Rule, list[str]]:
    if tokens and tokens[0] == "!":
        rule, tokens = _not(tokens[1:])
        return Rule("not", (rule,)), tokens
    return _near_rule(tokens)


def _near_rule(tokens: list[str]) -> tuple[Rule, list[str]]:
    left, tokens = _atom(tokens)
    if tokens and tokens[0].startswith("NEAR/"):
        right, rest = _atom(tokens[1:])
        if left.op != "term" or right.op != "term":
            raise ValueError("NEAR joins two terms")
        return Rule("near", (left, right), distance=int(tokens[0][5:])), rest
    return left, tokens


def _atom(tokens: list[str]) -> tuple[Rule, list[str]]:
    if not tokens:
        raise ValueError("a rule ends where a term was expected")
    head, rest = tokens[0], tokens[1:]
    if head == "(":
        rule, rest = _or(rest)
        if not rest or rest[0] != ")":
            raise ValueError("a '(' is never closed")
        return rule, rest[1:]
    if head in (")", "|", "&") or head.startswith("NEAR/"):
        raise ValueError(f"unexpected {head!r} where a term was expected")
    return Rule("term", term=head), rest


def parse_codebook(text: str) -> dict[str, Rule]:
    """Codes and their rules from a codebook's text (see the module docstring)."""
    codes: dict[str, list[str]] = {}
    current = None
    for number, raw in enumerate(text.splitlines(), 1):
        line = raw.split("#", 1)[0].strip()
        if not line:
            continue
        if line.startswith("*"):
            current = line[1:].strip()
            if not current:
                raise ValueError(f"line {number}: a code needs a name after '*'")
            codes[current] = []
        elif current is None:
            raise ValueError(f"line {number}: a rule before any '*code' line")
        else:
            codes[current].append(line)
    if not codes:
        raise ValueError("the codebook has no '*code' line")
    out = {}
    for name, lines in codes.items():
        if not lines:
            raise ValueError(f"code {name!r} has no rule")
        try:
            out[name] = parse_rule(" | ".join(f"({line})" for line in lines))
        except ValueError as err:
            raise ValueError(f"code {name!r}: {err}") from None
    return out


@functools.cache  # read once: the Codes page asks on every rerun whether its text is a shipped one
def shipped_text(name: str) -> str:
    """The text of a shipped codebook (``SHIPPED``); ValueError naming them for another name."""
    if name not in SHIPPED:
        raise ValueError(f"no shipped codebook {name!r}; they are {', '.join(SHIPPED)}")
    return SHIPPED[name].read_text(encoding="utf-8")


def shipped_name(text: str) -> str | None:
    """The name of the shipped codebook whose text ``text`` is, None for any other text."""
    return next((name for name in SHIPPED if shipped_text(name) == text), None)


def coded_paragraphs(paragraphs: pd.DataFrame, docs: pd.DataFrame, codes: dict[str, Rule]) -> pd.DataFrame:
    """One row per (paragraph, code) it gets: doc_id, para_no, code, district, year, text."""
    paras = paragraphs[paragraphs["doc_id"].isin(docs["doc_id"])]
    rows = [
        (doc_id, para_no, name, text)
        for doc_id, para_no, text in zip(paras["doc_id"], paras["para_no"], paras["text"], strict=True)
        for name, rule in codes.items()
        if rule.matches(text)
    ]
    return _placed(pd.DataFrame(rows, columns=["doc_id", "para_no", "code", "text"]), docs)


def in_reading_order(coded: pd.DataFrame, docs: pd.DataFrame, codes: list[str]) -> pd.DataFrame:
    """``coded`` rows found elsewhere (doc_id, para_no, code and text when it has it: the build's
    ``coded`` table) as ``coded_paragraphs`` gives them: documents in ``docs``' order,
    paragraphs in reading order, codes in the codebook's."""
    position = pd.Series(range(len(docs)), index=docs["doc_id"].to_numpy())
    rank = {name: i for i, name in enumerate(codes)}
    ordered = (
        coded[coded["doc_id"].isin(docs["doc_id"])]
        .astype({"para_no": "int64"})
        .assign(_doc=lambda f: f["doc_id"].map(position), _code=lambda f: f["code"].map(rank))
        .sort_values(["_doc", "para_no", "_code"], kind="stable")
    )
    columns = ["doc_id", "para_no", "code", "text"] if "text" in coded else ["doc_id", "para_no", "code"]
    return _placed(ordered[columns].reset_index(drop=True), docs)


def per_document(coded: pd.DataFrame) -> pd.DataFrame:
    """doc_id, code and how many paragraphs of that document the code codes (``coded``), of
    coded rows (doc_id, para_no, code …): what ``code_counts`` counts."""
    return coded.groupby(["doc_id", "code"], as_index=False).size().rename(columns={"size": "coded"})


def _placed(out: pd.DataFrame, docs: pd.DataFrame) -> pd.DataFrame:
    info = docs.set_index("doc_id")
    out.insert(3, "district", out["doc_id"].map(info["district"]).fillna(""))
    out.insert(4, "year", out["doc_id"].map(info["year"]).astype("Int64"))
    return out


def code_counts(per_doc: pd.DataFrame, paragraphs: pd.Series, docs: pd.DataFrame, codes: list[str]) -> pd.DataFrame:
    """Coded paragraphs per code, district and year, and their share of that district-year's
    paragraphs: ``per_doc`` (doc_id, code, coded: ``per_document``'s, or the build's counted by
    DuckDB) summed over ``docs``; ``paragraphs``: how many each document has, by doc_id."""
    n = docs["doc_id"].map(paragraphs).fillna(0).astype("int64")
    base = docs.assign(paragraphs=n)[n > 0]
    totals = base.groupby(["district", "year"], dropna=False)["paragraphs"].sum()
    info = docs.set_index("doc_id")
    mine = per_doc[per_doc["doc_id"].isin(docs["doc_id"])]
    counts = (
        mine.assign(
            district=mine["doc_id"].map(info["district"]).fillna(""),
            year=mine["doc_id"].map(info["year"]).astype("Int64"),
        )
        .groupby(["district", "year", "code"], dropna=False)["coded"]
        .sum()
        .reset_index()
    )
    grid = totals.reset_index().merge(pd.DataFrame({"code": codes}), how="cross")
    out = grid.merge(counts, on=["district", "year", "code"], how="left").fillna({"coded": 0})
    out["coded"] = out["coded"].astype(int)
    out["share"] = (out["coded"] / out["paragraphs"]).round(4)
    return out[["district", "year", "code", "coded", "paragraphs", "share"]]


def coding_sheet(
    paragraphs: pd.DataFrame,
    docs: pd.DataFrame,
    codes: list[str],
    *,
    sample: int = 100,
    seed: int = 0,
    texts: Callable[[pd.DataFrame], pd.Series] | None = None,
) -> pd.DataFrame:
    """Paragraphs for coders to code by hand: a random sample (the same for a given seed), one
    empty column per code to fill with 1 (applies) or 0 (does not). ``paragraphs`` needs doc_id
    and para_no, and text unless ``texts`` gives the text of the sampled rows (so that only those
    are read)."""
    if sample < 1:
        raise ValueError(f"sample must be at least 1, got {sample}")
    paras = paragraphs[paragraphs["doc_id"].isin(docs["doc_id"])]
    picked = paras.sample(n=min(sample, len(paras)), random_state=seed).sort_index()
    sheet = picked[["doc_id", "para_no"]].reset_index(drop=True)
    sheet["text"] = (texts(sheet) if texts is not None else picked["text"]).to_numpy()
    for code in codes:
        sheet[code] = ""
    return sheet


def _codes_of(sheet: pd.DataFrame) -> list[str]:
    return [c for c in sheet.columns if c not in ("doc_id", "para_no", "text")]


def _marks(column: pd.Series) -> pd.Series:
    """1, 0, or missing (a blank cell: the coder did not code it)."""
    values = column.astype(str).str.strip().replace({"": None, "nan": None, "1.0": "1", "0.0": "0"})
    bad = values.dropna()[~values.dropna().isin(["0", "1"])]
    if len(bad):
        raise ValueError(f"code {column.name!r}: cells must be 1, 0 or empty, found {bad.iloc[0]!r}")
    return values.map({"1": 1, "0": 0})


AGREEMENT_COLUMNS = ["code", "paragraphs", "agreement", "cohen_kappa", "krippendorff_alpha", "note"]


def _code_agreement(a: pd.Series, b: pd.Series) -> tuple[int, float, float, float, str]:
    """(paragraphs both coded, share agreed, Cohen's kappa, Krippendorff's alpha, note) of one
    code; a statistic that is undefined is NaN and the note says why."""
    import krippendorff
    import numpy as np
    from sklearn.metrics import cohen_kappa_score

    paired = a.notna() & b.notna()
    x, y = a[paired].astype(int), b[paired].astype(int)
    n = int(paired.sum())
    nan = float("nan")
    if n == 0:
        return 0, nan, nan, nan, "no paragraph coded by both: agreement is undefined"
    share = float((x == y).mean())
    if len({*x, *y}) == 1:
        # expected disagreement is 0: kappa and alpha are 0 / 0
        return n, share, nan, nan, f"every paragraph coded {x.iat[0]} by both: kappa and alpha are undefined"
    kappa = float(cohen_kappa_score(x, y))
    if n == 1:
        return n, share, kappa, nan, "one paragraph coded by both: alpha needs two"
    data = np.array([a.to_numpy(dtype=float), b.to_numpy(dtype=float)])
    alpha = float(krippendorff.alpha(reliability_data=data, level_of_measurement="nominal"))
    return n, share, kappa, alpha, ""


def agreement(first: pd.DataFrame, second: pd.DataFrame) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Per code (AGREEMENT_COLUMNS): paragraphs both coded, the share they agree on, Cohen's kappa
    and Krippendorff's alpha (nominal), NaN with a note where one is undefined (every paragraph
    coded the same, or too few coded by both); and every disagreement (doc_id, para_no, code,
    first, second, text). The sheets are matched on doc_id and para_no."""
    import numpy as np

    codes = _codes_of(first)
    if codes != _codes_of(second):
        raise ValueError(f"the two sheets code different things: {codes} and {_codes_of(second)}")
    both = first.merge(second, on=["doc_id", "para_no"], suffixes=("_1", "_2"))
    rows, differ = [], []
    for code in codes:
        a, b = _marks(both[f"{code}_1"].rename(code)), _marks(both[f"{code}_2"].rename(code))
        rows.append((code, *_code_agreement(a, b)))
        for i in np.flatnonzero(a.notna() & b.notna() & (a != b)):
            differ.append(
                (
                    both["doc_id"].iat[i],
                    both["para_no"].iat[i],
                    code,
                    int(a.iat[i]),
                    int(b.iat[i]),
                    both["text_1"].iat[i],
                )
            )
    table = pd.DataFrame(rows, columns=AGREEMENT_COLUMNS)
    return table.round(4), pd.DataFrame(differ, columns=["doc_id", "para_no", "code", "first", "second", "text"])
