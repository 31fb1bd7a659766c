"""Coding rules (AND, OR, NOT, NEAR) against a hand count, and agreement between two coders."""

from __future__ import annotations

import io
import re
import subprocess
import sys

import krippendorff
import numpy as np
import pandas as pd
import pytest
from sklearn.metrics import cohen_kappa_score

from explore.analysis.coding import STARTER_CODEBOOK, agreement, parse_codebook, parse_rule
from tests.conftest import ROOT, SEEDS

RULES = """# a test codebook
*reform
改革
*reform projects
改革 AND 项目
*land
土地整备 | 征地拆迁
*reform, not projects
改革 & !项目
*investment
固定资产 NEAR/3 投资
*people, not reform
(干部 | 人才) & NOT 改革
"""
DOC = "000_373ae69c3ea13910"  # 龙岗区 2018: its paragraphs are its lines, as written


def _by_hand() -> dict[str, int]:
    lines = [line.strip() for line in (SEEDS / f"{DOC}.txt").read_text(encoding="utf-8").splitlines() if line.strip()]
    return {
        "reform": sum("改革" in x for x in lines),
        "reform projects": sum("改革" in x and "项目" in x for x in lines),
        "land": sum("土地整备" in x or "征地拆迁" in x for x in lines),
        "reform, not projects": sum("改革" in x and "项目" not in x for x in lines),
        "investment": sum(bool(re.search("固定资产.{0,3}投资|投资.{0,3}固定资产", x)) for x in lines),
        "people, not reform": sum(("干部" in x or "人才" in x) and "改革" not in x for x in lines),
    }


def test_export_codes_gives_the_hand_count(tmp_path):
    rules = tmp_path / "rules.txt"
    rules.write_text(RULES, encoding="utf-8")
    out = subprocess.run([sys.executable, "-m", "explore", "export", "codes", "--rules", str(rules), "--doc", DOC],
                         cwd=ROOT, capture_output=True, check=True, timeout=300)  # fmt: skip
    counts = pd.read_csv(io.BytesIO(out.stdout), encoding="utf-8-sig")
    expected = _by_hand()
    assert all(v > 0 for v in expected.values())
    assert dict(zip(counts["code"], counts["coded"], strict=True)) == expected


@pytest.mark.parametrize(
    ("rule", "text", "hit"),
    [
        ("a NEAR/2 b", "a12b", True),
        ("a NEAR/2 b", "a123b", False),
        ("a NEAR/2 b", "b12a", True),  # either order
        ("!(a | b) & c", "c", True),
        ("!(a | b) & c", "ac", False),
        ("a OR b AND c", "a", True),  # AND binds tighter than OR
        ("a OR b AND c", "b", False),
    ],
)
def test_rules_by_hand(rule, text, hit):
    assert parse_rule(rule).matches(text) is hit


@pytest.mark.parametrize(
    ("codebook", "message"),
    [("改革", "before any"), ("*a\n(改革", "never closed"), ("*a\n改革 |", "term was expected"), ("*a\n", "no rule"),
     ("", "no '\\*code'"), ("*a\n(x NEAR/2 y) NEAR/3 z", "NEAR joins two terms")],
)  # fmt: skip
def test_a_bad_codebook_says_what_is_wrong(codebook, message):
    with pytest.raises(ValueError, match=message):
        parse_codebook(codebook)


def test_the_starter_codebook_parses():
    assert list(parse_codebook(STARTER_CODEBOOK.read_text(encoding="utf-8"))) == [
        "regulation", "spending and tax", "information", "organisation and process",
    ]  # fmt: skip


def test_agreement_equals_the_packages_on_a_test_sheet():
    base = pd.DataFrame({"doc_id": list("abcdefgh"), "para_no": 1, "text": "…"})
    first = base.assign(x=["1", "1", "0", "0", "1", "0", "1", ""], y=["1", "0", "1", "0", "1", "1", "0", "1"])
    second = base.assign(x=["1", "0", "0", "0", "1", "0", "1", "1"], y=["1", "0", "0", "0", "1", "1", "1", "1"])
    table, differ = agreement(first, second)
    row = table.set_index("code").loc["x"]
    a, b = [1, 1, 0, 0, 1, 0, 1, np.nan], [1, 0, 0, 0, 1, 0, 1, 1]
    assert row["paragraphs"] == 7  # the blank cell is left out
    assert row["krippendorff_alpha"] == pytest.approx(krippendorff.alpha(reliability_data=[a, b],
                                                                        level_of_measurement="nominal"), abs=1e-4)  # fmt: skip
    assert row["cohen_kappa"] == pytest.approx(cohen_kappa_score(a[:7], b[:7]), abs=1e-4)
    assert differ[["doc_id", "code", "first", "second"]].values.tolist() == [
        ["b", "x", 1, 0], ["c", "y", 1, 0], ["g", "y", 0, 1],
    ]  # fmt: skip
    with pytest.raises(ValueError, match="cells must be 1, 0 or empty"):
        agreement(first.assign(x="yes"), second)


def test_the_agree_command(tmp_path):
    base = pd.DataFrame({"doc_id": list("abcd"), "para_no": 1, "text": "…"})
    base.assign(x=["1", "0", "1", "0"]).to_csv(tmp_path / "one.csv", index=False)
    base.assign(x=["1", "0", "0", "0"]).to_csv(tmp_path / "two.csv", index=False)
    out = subprocess.run([sys.executable, "-m", "explore", "agree", str(tmp_path / "one.csv"), str(tmp_path / "two.csv"),
                          "--disagreements", str(tmp_path / "d.csv")], cwd=ROOT, capture_output=True, check=True)  # fmt: skip
    table = pd.read_csv(io.BytesIO(out.stdout), encoding="utf-8-sig")
    assert table.loc[0, "paragraphs"] == 4 and table.loc[0, "agreement"] == 0.75
    assert pd.read_csv(tmp_path / "d.csv", encoding="utf-8-sig")["doc_id"].tolist() == ["c"]


def _sheets(first: dict[str, list[str]], second: dict[str, list[str]]) -> tuple[pd.DataFrame, pd.DataFrame]:
    n = len(next(iter(first.values())))
    base = pd.DataFrame({"doc_id": [f"d{i}" for i in range(n)], "para_no": 1, "text": "…"})
    return base.assign(**first), base.assign(**second)


def test_a_code_with_one_value_is_nan_with_a_note_and_the_others_are_computed():
    first, second = _sheets(
        {"same": ["1", "1", "1", "1"], "x": ["1", "0", "1", "0"], "none": ["", "", "1", ""], "one": ["1", "", "", ""]},
        {"same": ["1", "1", "1", "1"], "x": ["1", "0", "0", "0"], "none": ["1", "", "", ""], "one": ["0", "", "", ""]},
    )
    table = agreement(first, second)[0].set_index("code")
    assert list(table.columns) == ["paragraphs", "agreement", "cohen_kappa", "krippendorff_alpha", "note"]
    same = table.loc["same"]
    assert same["paragraphs"] == 4 and same["agreement"] == 1.0
    assert np.isnan(same["cohen_kappa"]) and np.isnan(same["krippendorff_alpha"])
    assert "undefined" in same["note"] and "every paragraph coded 1" in same["note"]
    x = table.loc["x"]  # computed beside it
    assert x["note"] == "" and x["cohen_kappa"] == pytest.approx(
        cohen_kappa_score([1, 0, 1, 0], [1, 0, 0, 0]), abs=1e-4
    )
    assert x["krippendorff_alpha"] == pytest.approx(
        krippendorff.alpha(reliability_data=[[1, 0, 1, 0], [1, 0, 0, 0]], level_of_measurement="nominal"), abs=1e-4
    )
    assert table.loc["none", "paragraphs"] == 0 and "no paragraph coded by both" in table.loc["none", "note"]
    one = table.loc["one"]  # one paragraph, coded differently: kappa is 0, alpha needs two
    assert one["cohen_kappa"] == 0 and np.isnan(one["krippendorff_alpha"]) and "alpha needs two" in one["note"]


def test_code_counts_sum_each_documents_counts_by_district_and_year():
    from explore.analysis.coding import code_counts, in_reading_order, per_document

    docs = pd.DataFrame({"doc_id": ["b", "a", "d"], "district": ["乙区", "甲区", "甲区"], "year": [2021, 2020, 2020]})
    coded = pd.DataFrame({"doc_id": ["a", "b", "a", "c", "d"], "para_no": [3, 1, 1, 2, 1],
                          "code": ["land", "reform", "reform", "reform", "reform"]})  # fmt: skip
    paragraphs = pd.Series({"a": 4, "b": 2, "d": 6})
    per_doc = per_document(coded)
    assert per_doc.to_dict("list") == {"doc_id": ["a", "a", "b", "c", "d"], "code": ["land", "reform", "reform", "reform", "reform"],
                                       "coded": [1, 1, 1, 1, 1]}  # fmt: skip
    counts = code_counts(per_doc, paragraphs, docs, ["reform", "land"]).set_index(["district", "year", "code"])
    # 甲区 2020: a and d, 10 paragraphs, reform in a's 1 and d's 1; c is no chosen document
    assert counts.loc[("甲区", 2020, "reform")].to_dict() == {"coded": 2, "paragraphs": 10, "share": 0.2}
    assert counts.loc[("甲区", 2020, "land")].to_dict() == {"coded": 1, "paragraphs": 10, "share": 0.1}
    assert counts.loc[("乙区", 2021, "land")]["coded"] == 0 and len(counts) == 4
    ordered = in_reading_order(coded, docs, ["reform", "land"])  # the same counts from rows in reading order
    pd.testing.assert_frame_equal(
        code_counts(per_document(ordered), paragraphs, docs, ["reform", "land"]),
        code_counts(per_doc, paragraphs, docs, ["reform", "land"]),
    )


@pytest.mark.parametrize(
    ("rule", "text", "expected"),
    [
        ("1.5倍 | C++ | 放管服", "增长1.5倍", True),
        ("1.5倍 | C++ | 放管服", "增长125倍", False),  # the dot is a character, not any character
        ("1.5倍 | C++ | 放管服", "用C++写", True),
        ("(a|b) | 营商 NEAR/2 环境", "营商的好环境", True),  # an "or" that is not only terms
        ("(a|b) | 营商 NEAR/2 环境", "营商的很好的环境", False),
    ],
)
def test_an_or_of_terms_matches_as_its_terms_do(rule, text, expected):
    assert parse_rule(rule).matches(text) is expected
