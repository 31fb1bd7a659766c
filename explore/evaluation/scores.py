"""Scored evaluation of the loading layer on labelled documents outside the seeds (pure).

``eval/docs/`` holds real public documents, ``eval/labels.csv`` what a reader wrote down for
each (see ``eval/LABELLING.md``). Each document falls in one of two halves by a stable hash of
its file name: rules may be tuned while looking at the ``tune`` half; the ``report`` half gives
the honest figure. ``eval/scores.json`` records the lowest figures CI accepts (a ratchet: raise
it when a change improves a score, never lower it).
"""

from __future__ import annotations

import hashlib
import json
import re
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal

import pandas as pd

from explore.ingest.clean import BULLETS
from explore.ingest.script import to_simplified

Half = Literal["tune", "report"]
FIELDS = ("district", "city", "province", "year", "date", "published", "doc_type", "title")
LABEL_COLUMNS = ("file", "source", *FIELDS, "script", "n_items", "leads", "notes")
# Scored when labels.csv has the column (labelled later than the rest).
OPTIONAL_FIELDS = ("level", "issuer")


def half_of(file: str) -> Half:
    """The half a document belongs to, from its name alone (stable across machines)."""
    return "tune" if hashlib.sha1(file.encode("utf-8")).digest()[0] % 2 == 0 else "report"


def read_labels(path: Path) -> pd.DataFrame:
    """``labels.csv`` as strings, with a ``half`` column. Raises ``ValueError`` when a column
    is missing."""
    table = pd.read_csv(path, dtype=str, keep_default_na=False, encoding="utf-8-sig")
    missing = [c for c in LABEL_COLUMNS if c not in table.columns]
    if missing:
        raise ValueError(f"{path} lacks columns {missing}")
    table["half"] = table["file"].map(half_of)
    return table


_GLOSS = re.compile(r"[(（][a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü]{1,7}[)）]")  # a mirror's pinyin reading: 報(bào)
_GLOSS_TAIL = re.compile(r"^[a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü]{0,6}[)）]")


def _norm_unit(text: str) -> str:
    # Compared in Simplified, without a mirror's pinyin readings (報(bào)) or spaces (县交通 运输局).
    return re.sub(r"[\s\u3000]", "", _GLOSS.sub("", to_simplified(str(text))))


def norm_title(title: str) -> str:
    """A title as labels compare it: as ``_norm_unit``, and without quotes of either width, title
    marks (《》 and the nested 〈〉) or final stops."""
    return re.sub(r"[\"“”《》〈〉「」『』'‘’。]", "", _norm_unit(title))


def _norm_year(value: object) -> str:
    text = "" if value is None or pd.isna(value) else str(value)
    return text[:4]


def field_equal(name: str, expected: str, got: object) -> bool:
    """Whether an inferred value matches the label for ``name`` (labels '' mean 'none')."""
    got_text = "" if got is None or (not isinstance(got, str) and pd.isna(got)) else str(got)
    if name == "year":
        return _norm_year(expected) == _norm_year(got_text)
    if name == "title":
        return norm_title(expected) == norm_title(got_text)
    if name in ("district", "city", "province"):
        return to_simplified(expected.strip()) == to_simplified(got_text.strip())
    if name == "issuer":
        return _same_bodies(expected, got_text)
    if name == "doc_number":
        return _norm_number(expected) == _norm_number(got_text)
    if name == "genre":  # a kind of document, whatever the script it was written in (報告 is 报告)
        return to_simplified(expected.strip()) == to_simplified(got_text.strip())
    return expected.strip() == got_text.strip()


def _norm_number(text: str) -> str:
    # one 发文字号 whatever its script, width, spacing or brackets: 滬府發〔2017〕92號 = 沪府发[2017]92号
    folded = to_simplified(unicodedata.normalize("NFKC", text))
    return re.sub(r"\s", "", folded.translate(str.maketrans("[(（【〈〖<)）】]〉〗>", "〔〔〔〔〔〔〔〕〕〕〕〕〕〕")))


def _same_bodies(expected: str, got: str) -> bool:
    # Each labelled issuer found and nothing else; a body with its city before it is the same
    # body (深圳市宝安区人民政府 = 宝安区人民政府), as is 政府 for 人民政府.
    def bodies(text: str) -> list[str]:
        return [_norm_unit(x).replace("人民政府", "政府") for x in text.split("|") if x.strip()]

    def same(a: str, b: str) -> bool:
        return a.endswith(b) or b.endswith(a)

    want, have = bodies(expected), bodies(got)
    return all(any(same(w, h) for h in have) for w in want) and all(any(same(w, h) for w in want) for h in have)


@dataclass
class Report:
    """Per-field hits and misses for one half."""

    half: str
    scores: dict[str, tuple[int, int]] = field(default_factory=dict)  # field -> (right, scored)
    misses: list[tuple[str, str, str, str]] = field(default_factory=list)  # file, field, expected, got

    def share(self, name: str) -> float | None:
        right, total = self.scores.get(name, (0, 0))
        return right / total if total else None


def _lead_key(text: str) -> str:
    # Units listed with spaces or 、 are the same list (县教体局 各相关乡镇政府).
    return re.sub(r"[、，,]", "", _norm_unit(text))


def lead_hits(expected: str, leads: list[str]) -> tuple[int, int, list[str]]:
    wanted = [x.strip() for x in expected.split("|") if x.strip()]
    joined = [_lead_key(x) for x in leads]
    found = [w for w in wanted if any(_lead_key(w) in got or (got and got in _lead_key(w)) for got in joined)]
    return len(found), len(wanted), [w for w in wanted if w not in found]


def own_leads(items: pd.DataFrame) -> list[str]:
    """The leads items read from their own text, in order: a heading's lead gathered from its
    measures ("its measures") repeats theirs, which are judged themselves."""
    if not len(items):
        return []
    return [x for x, rule in zip(items["lead"], items["lead_rule"], strict=True) if x and rule != "its measures"]


def lead_precision(expected: str, leads: list[str]) -> tuple[int, int]:
    # Of the units the first items' leads name (as many items as leads were labelled), those
    # the labels name too: a lead that is no unit (a sentence, a leader) counts against.
    def units(cells: list[str]) -> list[str]:
        return [_norm_unit(u) for c in cells for u in re.split(r"[、，,]", c) if u.strip()]

    labelled = [x for x in expected.split("|") if x.strip()]
    wanted, got = units(labelled), units(leads[: len(labelled)])
    return sum(any(g in w or w in g for w in wanted) for g in got), len(got)


def score(labels: pd.DataFrame, docs: pd.DataFrame, items: pd.DataFrame | None = None) -> dict[str, Report]:
    """Compare inferred ``docs`` (and ``items``) with ``labels``, per half.

    ``date`` is scored only where the label states one (a document's own date); every other
    field on every labelled document, an empty label meaning 'none'. Item leads are scored on
    labelled plan documents: the share of the first five leads found among the items' leads
    (``leads``), and of the units the first items' leads name, the share the labels name
    (``lead_precision``). ``title_not_wrong`` counts a title right or left empty.
    """
    by_file = docs.set_index("file")
    reports = {h: Report(h) for h in ("tune", "report", "all")}
    for row in labels.to_dict("records"):
        targets = [reports[row["half"]], reports["all"]]
        if row["file"] not in by_file.index:
            for rep in targets:
                rep.misses.append((row["file"], "loaded", "yes", "not loaded"))
            continue
        got = by_file.loc[row["file"]]
        for name in (*FIELDS, *(f for f in OPTIONAL_FIELDS if f in row)):
            if name == "date" and not row["date"].strip():
                continue
            ok = field_equal(name, row[name], got.get(name))
            for rep in targets:
                right, total = rep.scores.get(name, (0, 0))
                rep.scores[name] = (right + ok, total + 1)
                if not ok:
                    rep.misses.append((row["file"], name, row[name], str(got.get(name))))
                if name == "title":
                    fine = ok or not str(got.get(name) or "").strip()
                    right, total = rep.scores.get("title_not_wrong", (0, 0))
                    rep.scores["title_not_wrong"] = (right + fine, total + 1)
        if row["leads"].strip() and items is not None:
            doc_items = items[items["doc_id"] == got["doc_id"]] if len(items) else items
            leads = [x for x in doc_items["lead"].tolist() if x] if len(doc_items) else []
            hit, n, lost = lead_hits(row["leads"], leads)
            sure, named = lead_precision(row["leads"], own_leads(doc_items))
            for rep in targets:
                right, total = rep.scores.get("leads", (0, 0))
                rep.scores["leads"] = (right + hit, total + n)
                right, total = rep.scores.get("lead_precision", (0, 0))
                rep.scores["lead_precision"] = (right + sure, total + named)
                rep.misses.extend((row["file"], "leads", w, "not found") for w in lost)
    return reports


def load_ratchet(path: Path) -> dict:
    """``{"labels_sha": …, "floor": {figure: lowest accepted}}``, or {} before the first record."""
    return json.loads(path.read_text(encoding="utf-8")) if path.exists() else {}


def ratchet_failures(figures: dict[str, float], floor: dict[str, float]) -> list[str]:
    """Figures that fell below the recorded floor (a tolerance of 1e-9 for float noise), and the
    repair's two promises, which no floor can lower: no wrong unmarked character, no clean text
    changed."""
    promises = [
        f"{name}: the repair broke a promise (must be 1)"
        for name in ("repair.no_wrong", "repair.clean_unchanged")
        if name in figures and figures[name] < 1.0
    ]
    return promises + [
        f"{name}: {figures.get(name, 0.0):.3f} < recorded {low:.3f}"
        for name, low in sorted(floor.items())
        if figures.get(name, 0.0) + 1e-9 < low
    ]


def wordlist_coverage(paragraphs: pd.DataFrame, lexicon: pd.DataFrame, policy_terms: list[str]) -> dict[str, object]:
    """How far the word lists reach beyond the seeds: the share of theme and policy-term entries
    found in the evaluation documents' analysis text, and per theme the documents it fires in."""
    from explore.ingest.lexicon import split_terms

    per_doc = paragraphs.groupby("doc_id")["text"].apply("\n".join)
    text = "\n".join(per_doc)
    entries = [t for cell in lexicon["terms"] for t in split_terms(cell)]
    fired = {
        str(r.theme): int(sum(any(t in doc for t in split_terms(r.terms)) for doc in per_doc))
        for r in lexicon.itertuples()
    }
    return {
        "themes_share": sum(t in text for t in entries) / max(len(entries), 1),
        "policy_share": sum(t in text for t in policy_terms) / max(len(policy_terms), 1),
        "fired": fired,
        "n_docs": len(per_doc),
    }


FigureStatus = dict[str, tuple[int, int, list[tuple[str, str, str, str, str]]]]


def _plain(text: object) -> str:
    # Figures are located in simplified, NFKC-folded text without spaces (，→, ％→% …).
    # (and without a mirror's pinyin readings, which the stored text has lost too).
    text = _GLOSS.sub("", to_simplified(unicodedata.normalize("NFKC", str(text))))
    # an excerpt copied from a mirror may begin inside a reading: èi)生產 → 生產; a line's bullet
    # (■ 7个项目…) is one the cleaned text has lost
    return re.sub(rf"[\s{BULLETS}]", "", _GLOSS_TAIL.sub("", text))


def score_figure_status(labels: pd.DataFrame, found: pd.DataFrame) -> FigureStatus:
    """Per half, (right, labelled, misses) of the figures read by hand in ``figure_labels.csv``
    (file, para_excerpt, figure, status ∈ target / result / not a figure, half) against ``found``
    (file, para_text, sentence, figure, status: the figures table with each row's paragraph).

    A labelled figure is the place just after ``para_excerpt + figure``'s excerpt in its paragraph;
    it is right when a found figure stands there with the same status, or, labelled 'not a
    figure', when none does. A misses row is (file, excerpt, figure, expected, got)."""
    at: dict[tuple[str, str, int], str] = {}  # (file, paragraph, offset) -> found status
    paras: dict[str, dict[str, None]] = {}  # in document order: a set's order changes with the hash seed
    for file, para, sentence, figure, status in zip(
        found["file"], found["para_text"], found["sentence"], found["figure"], found["status"], strict=True
    ):
        p, s, f = _plain(para), _plain(sentence), _plain(figure)
        paras.setdefault(file, {})[p] = None
        start, i = p.find(s), s.find(f)
        while start >= 0 and i >= 0:
            at.setdefault((file, p, start + i), status)
            i = s.find(f, i + 1)
    out: FigureStatus = {}
    for row in labels.to_dict("records"):
        excerpt, figure = _plain(row["para_excerpt"]), _plain(row["figure"])
        got = "not a figure"
        for p in paras.get(row["file"], ()):
            i = p.find(excerpt + figure)
            if i >= 0:
                got = at.get((row["file"], p, i + len(excerpt)), "not a figure")
                break
        right, total, misses = out.get(row["half"], (0, 0, []))
        if got != row["status"]:
            misses.append((row["file"], row["para_excerpt"], row["figure"], row["status"], got))
        out[row["half"]] = (right + (got == row["status"]), total + 1, misses)
    return out
