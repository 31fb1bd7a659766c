"""Who said it first: the first document per district, ties within a year said, undated apart."""

from __future__ import annotations

import io
import subprocess
import sys

import pandas as pd
import pytest

from explore.analysis.diffusion import adopters, diffusion_table, first_uses, uses
from tests.conftest import ROOT


def test_export_diffusion_on_the_seeds_matches_a_hand_count():
    # By hand (grep of the five seeds): 营商环境 appears once in 龙岗区 2018 (000), nine times in
    # 罗湖区's 2020 plan (004, published 2020-04-17), three times in 福田区 2021 (002,
    # 2021-09-27); the 罗湖区 2017 plan (001) and 坪山区 2017 (003) do not use it.
    out = subprocess.run(
        [sys.executable, "-m", "explore", "export", "diffusion", "--term", "营商环境"],
        cwd=ROOT, capture_output=True, check=True, timeout=300,
    )  # fmt: skip
    table = pd.read_csv(io.BytesIO(out.stdout), encoding="utf-8-sig", dtype=str, keep_default_na=False)
    got = list(
        zip(table["district"], table["doc_id"], table["when"], table["lag_years"], table["mentions"], strict=True)
    )
    assert got == [
        ("龙岗区", "000_373ae69c3ea13910", "2018", "0", "1"),
        ("罗湖区", "004_dfc0eb8523fa337d", "2020-04-17", "2", "9"),
        ("福田区", "002_bc0693a77c45025f", "2021-09-27", "3", "3"),
    ]


DOCS = pd.DataFrame(
    {
        "doc_id": ["a", "b", "c", "d", "e"],
        "district": ["甲区", "乙区", "甲区", "丙区", ""],
        "city": ["", "", "", "", "丁市"],
        "year": pd.array([2019, 2019, 2017, None, 2021], dtype="Int64"),
        "date": ["2019-05-01", "", "", "", ""],
        "published": ["", "", "2017-02-01", "", ""],
        "title": ["A", "B", "C", "D", "E"],
    }
)
PARAS = pd.DataFrame(
    {
        "doc_id": ["a", "b", "c", "d", "e", "e"],
        "para_no": [1, 1, 1, 1, 1, 2],
        "text": ["河长制河长制", "推行河长制", "全面推行河长制", "河长制", "湖长制", "河长制"],
    }
)


def test_first_use_per_district_with_ties_and_undated_apart():
    first, undated = first_uses(uses(PARAS, DOCS, ["河长制"]), DOCS)
    assert first[["district", "doc_id", "when", "lag_years", "tie"]].values.tolist() == [
        ["甲区", "c", "2017-02-01", 0, ""],  # its earlier document, dated by publication
        ["乙区", "b", "2019", 2, ""],
        ["丁市 · city level", "e", "2021", 4, ""],  # a city's own document is a group of its own
    ]
    assert undated["doc_id"].tolist() == ["d"]  # no year: listed, never guessed into the timeline
    assert adopters(first).values.tolist() == [[2017, 1, 1], [2018, 0, 1], [2019, 1, 2], [2020, 0, 2], [2021, 1, 3]]
    table = diffusion_table(PARAS, DOCS, ["河长制", "湖长制"])
    assert table["when"].tolist()[-1] == "undated" and table.loc[2, "mentions"] == 2  # 湖长制 + 河长制 in e


def test_a_tie_within_a_year_is_said():
    docs = DOCS.assign(published="", year=pd.array([2019, 2019, 2020, None, 2021], dtype="Int64"))
    first, _ = first_uses(uses(PARAS, docs, ["河长制"]), docs)
    assert first.loc[first["district"].isin(["甲区", "乙区"]), "tie"].tolist() == ["order within 2019 unknown"] * 2


def test_no_term_is_refused():
    with pytest.raises(ValueError, match="at least one term"):
        uses(PARAS, DOCS, ["", ""])
