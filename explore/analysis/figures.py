"""The figures in the text: amounts, counts, areas and shares with their units (930亿元, 28个项目,
增长6.5%, 1.94万个), Chinese numerals included, each with its sentence, its value in one unit, and
whether it states a result or a target (pure).

A figure is a number directly followed by a unit; a bare number (a year, a date, an outline
number) is none. Magnitudes multiply (万 10⁴, 亿 10⁸): amounts are given in 元, counts in their
unit. A figure is a *target* when its clause (between commas and stops) speaks of one (力争, 确保,
目标, 计划, 到2025年 …), else a *result*: reports mostly state what was done.
"""

from __future__ import annotations

import re
from typing import Literal

import pandas as pd

from explore.analysis.summary import split_sentences
from explore.ingest.numerals import cn_number

FIGURE_COLUMNS = ["district", "year", "kind", "status", "value", "unit", "figure", "sentence", "title", "doc_id",
                  "para_no"]  # fmt: skip
Kind = Literal["amount", "count", "area or length", "share"]

_UNITS: dict[str, Kind] = {
    "元": "amount", "美元": "amount",
    "平方公里": "area or length", "平方米": "area or length", "公顷": "area or length", "亩": "area or length",
    "公里": "area or length", "千米": "area or length", "吨": "area or length",
    "个百分点": "share", "%": "share", "％": "share", "倍": "share",
    "个": "count", "项": "count", "家": "count", "人": "count", "名": "count", "户": "count", "件": "count",
    "条": "count", "所": "count", "座": "count", "套": "count", "次": "count", "批": "count", "宗": "count",
    "栋": "count", "间": "count", "台": "count", "辆": "count",
}  # fmt: skip
_MAGNITUDE = {"": 1, "十": 10, "百": 100, "千": 1_000, "万": 10_000, "亿": 100_000_000}
_CN = "零〇一二三四五六七八九十百千两"
_FIGURE = re.compile(
    rf"(?<![\d.{_CN}第])(?P<number>\d+(?:\.\d+)?|[{_CN}]{{2,}}|[二三四五六七八九两])(?P<more>多|余)?"
    rf"(?P<magnitude>万亿|[十百千万亿])?"
    r"(?P<unit>" + "|".join(sorted(map(re.escape, _UNITS), key=len, reverse=True)) + r")(?!月|年|季度|小时)"
)
_TARGET = re.compile(r"力争|确保|目标|预期|计划|争取|任务|拟|将|要|到20\d\d年|至20\d\d年|到“十[四五六]五”")
_CLAUSE = re.compile(r"[,，;；:：。!?！？]")


def figures_in(text: str) -> list[tuple[str, float, str, Kind, str]]:
    """(figure as written, value in one unit, unit, kind, status) for each figure of a sentence."""
    out = []
    for m in _FIGURE.finditer(text):
        number = m["number"]
        if not number[0].isdigit() and text[max(m.start() - 1, 0) : m.start()] in '“‘"「『' and m.start() > 0:
            continue  # “三个代表”, “两个维护”: a numbered slogan in quotes, not a count
        value = float(number) if number[0].isdigit() else cn_number(number)
        if value is None:
            continue
        magnitude = m["magnitude"] or ""
        value *= 10**12 if magnitude == "万亿" else _MAGNITUDE[magnitude]
        unit = m["unit"].replace("％", "%")
        start = max((c.end() for c in _CLAUSE.finditer(text, 0, m.start())), default=0)
        end = next((c.start() for c in _CLAUSE.finditer(text, m.end())), len(text))
        status = "target" if _TARGET.search(text[start:end]) else "result"
        out.append((m.group(), round(value, 4), unit, _UNITS[m["unit"]], status))
    return out


def figures(paragraphs: pd.DataFrame, docs: pd.DataFrame) -> pd.DataFrame:
    """Every figure of the documents' paragraphs (FIGURE_COLUMNS), in reading order."""
    info = docs.set_index("doc_id")
    paras = paragraphs[paragraphs["doc_id"].isin(docs["doc_id"])]
    rows = []
    for doc_id, para_no, text in zip(paras["doc_id"], paras["para_no"], paras["text"], strict=True):
        for sentence in split_sentences(text, min_len=1):
            for figure, value, unit, kind, status in figures_in(sentence):
                rows.append((doc_id, para_no, sentence, figure, value, unit, kind, status))
    out = pd.DataFrame(rows, columns=["doc_id", "para_no", "sentence", "figure", "value", "unit", "kind", "status"])
    out["district"] = out["doc_id"].map(info["district"]).fillna("")
    out["year"] = out["doc_id"].map(info["year"]).astype("Int64")
    out["title"] = out["doc_id"].map(info["title"]).fillna("")
    return out[FIGURE_COLUMNS]
