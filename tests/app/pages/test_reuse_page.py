"""The Text reuse page on a corpus where one district repeats another's paragraph."""

from __future__ import annotations

import shutil

import pytest

from tests.app.pages.conftest import open_page
from tests.conftest import SEEDS

COPIED = (
    "坚持以人民为中心的发展思想,深化放管服改革,持续优化营商环境,推动政务服务事项全流程网上办理,"
    "加快建设数字政府,让企业和群众办事更加便捷高效。"
)


@pytest.fixture()
def reuse_corpus(tmp_path, monkeypatch):
    root = tmp_path / "reuse"
    shutil.copytree(SEEDS, root)
    (root / "a.txt").write_text(f"宝安区2019年改革工作要点\n{COPIED}\n", encoding="utf-8")
    (root / "b.txt").write_text(f"南山区2021年改革工作要点\n{COPIED.replace('加快', '全面')}\n", encoding="utf-8")
    monkeypatch.setenv("EXPLORE_CORPUS", str(root))
    return root


def test_the_reuse_page_lists_the_pair_and_the_districts(reuse_corpus):
    at = open_page("reuse")
    tables = [df.value for df in at.dataframe]
    pairs = next(t for t in tables if "similarity" in t.columns)
    assert len(pairs) == 1
    row = pairs.iloc[0]
    assert {row.left_district, row.right_district} == {"宝安区", "南山区"}
    assert row.kind == "across districts" and row.similarity > 0.9
    assert row.direction == ("left first" if row.left_district == "宝安区" else "right first")
    assert any(c.value.startswith("python -m explore export reuse --corpus") and "--min-similarity 0.6" in c.value
               for c in at.code)  # fmt: skip
    at.multiselect(key="reuse_kind").set_value(["same district"]).run()
    assert not at.exception
    assert any("No two documents share" in i.value for i in at.info)


def test_the_cli_gives_the_pages_rows(reuse_corpus):
    import io
    import subprocess
    import sys

    import pandas as pd

    from tests.conftest import ROOT

    out = subprocess.run(
        [sys.executable, "-m", "explore", "export", "reuse", "--corpus", str(reuse_corpus), "--min-similarity", "0.6"],
        cwd=ROOT, capture_output=True, check=True, timeout=300,
    )  # fmt: skip
    table = pd.read_csv(io.BytesIO(out.stdout), encoding="utf-8-sig", dtype=str, keep_default_na=False)
    page = next(df.value for df in open_page("reuse").dataframe if "similarity" in df.value.columns)
    assert table["left_doc"].tolist() == page["left_doc"].tolist()
    assert table["shared_chars"].astype(int).tolist() == page["shared_chars"].tolist()


STOCK = "现在，我代表{}人民政府，向大会报告工作，请予审议，并请各位政协委员和其他列席人员提出意见。"


@pytest.fixture()
def stock_corpus(tmp_path, monkeypatch):
    """Four work reports that open with the genre's stock sentence; two share a real paragraph."""
    root = tmp_path / "stock"
    root.mkdir()
    for n, place in enumerate(["宝安区", "南山区", "福田区", "龙岗区"]):
        body = COPIED if n < 2 else f"{place}第{n}项工作。"
        (root / f"r{n}.txt").write_text(
            f"{place}{2019 + n}年政府工作报告\n{STOCK.format(place)}\n{body}\n", encoding="utf-8"
        )
    monkeypatch.setenv("EXPLORE_CORPUS", str(root))
    return root


def test_formula_is_left_out_of_reuse_unless_asked_and_listed_on_the_overview(stock_corpus):
    at = open_page("reuse")
    pairs = next(df.value for df in at.dataframe if "similarity" in df.value.columns)
    assert len(pairs) == 1 and "营商环境" in pairs["shared_text"].iloc[0]
    assert any("export reuse" in c.value for c in at.code)
    assert not any("--formula" in c.value for c in at.code)  # the default
    at.toggle(key="formula").set_value(True).run()
    pairs = next(df.value for df in at.dataframe if "similarity" in df.value.columns)
    assert len(pairs) > 1 and pairs["shared_text"].str.contains("请予审议").any()
    assert any("export reuse" in c.value and "--formula keep" in c.value for c in at.code)
    overview = open_page("overview")
    formula = next(df.value for df in overview.dataframe if "shape" in df.value.columns)
    assert formula["documents"].tolist() == [4] and "请予审议" in formula["example"].iloc[0]


def test_keywords_count_no_formula_unless_it_is_included(stock_corpus):
    at = open_page("keywords")
    terms = next(df.value for df in at.dataframe if "term" in df.value.columns)["term"].tolist()
    assert "营商环境" in terms and "审议" not in terms and "政协委员" not in terms
    at.toggle(key="formula").set_value(True).run()
    terms = next(df.value for df in at.dataframe if "term" in df.value.columns)["term"].tolist()
    assert "审议" in terms


def test_the_sql_page_reads_the_reuse_pairs_and_its_command_writes_the_same_rows(reuse_corpus):
    import io
    import shlex
    import subprocess
    import sys

    import pandas as pd

    from tests.conftest import ROOT

    query = "SELECT left_district, right_district, kind, round(similarity, 3) AS similarity FROM reuse_pairs"
    at = open_page("sql", sql=query)
    assert not at.exception and not at.error
    page = next(df.value for df in at.dataframe if "kind" in df.value.columns)
    assert page[["left_district", "right_district", "kind"]].to_numpy().tolist() == [
        ["宝安区", "南山区", "across districts"]
    ]
    listed = next(m.value for m in at.markdown if m.value.startswith("**reuse_pairs**"))
    assert "`shared_text`" in listed and any(m.value.startswith("**theme_mentions**") for m in at.markdown)
    command = next(c.value for c in at.code if c.value.startswith("python -m explore sql"))
    assert shlex.split(command)[5:7] == ["--corpus", str(reuse_corpus)]
    out = subprocess.run([sys.executable, *shlex.split(command)[1:]], cwd=ROOT, capture_output=True, check=True,
                         timeout=300)  # fmt: skip
    table = pd.read_csv(io.BytesIO(out.stdout), encoding="utf-8-sig", keep_default_na=False)
    pd.testing.assert_frame_equal(table, page, check_dtype=False)
