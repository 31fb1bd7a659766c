import io
import subprocess
import sys

import pandas as pd

from tests.conftest import ROOT


def run(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "explore", *args], cwd=ROOT, capture_output=True, check=False)


def test_export_docs_to_stdout():
    out = run("export", "docs")
    assert out.returncode == 0
    assert out.stdout.startswith(b"\xef\xbb\xbf")
    docs = pd.read_csv(io.BytesIO(out.stdout), encoding="utf-8-sig", dtype=str, keep_default_na=False)
    assert list(zip(docs.district, docs.year, docs.published, strict=True)) == [
        ("龙岗区", "2018", ""),
        ("罗湖区", "2017", "2017-03-28"),
        ("福田区", "2021", "2021-09-27"),
        ("坪山区", "2017", ""),
        ("罗湖区", "2020", "2020-04-17"),
    ]


def test_export_with_filters_to_file(tmp_path):
    target = tmp_path / "terms.csv"
    out = run("export", "terms", "--district", "罗湖区", "--year-from", "2020", "-o", str(target))
    assert out.returncode == 0, out.stderr
    terms = pd.read_csv(target, encoding="utf-8-sig")
    assert set(terms.doc_id) == {"004_dfc0eb8523fa337d"}


def test_build_prints_a_summary():
    out = run("build")
    assert out.returncode == 0
    assert b"5 documents, 0 skipped" in out.stdout


def test_errors_are_one_line_and_nonzero(tmp_path):
    for args in (("export", "nope"), ("build", "--corpus", str(tmp_path / "missing"))):
        out = run(*args)
        assert out.returncode == 2
        assert out.stderr.decode().count("\n") == 1 and out.stderr.startswith(b"error: ")


def test_export_analysis_tables(tmp_path):
    out = run("export", "kwic", "--term", "强区放权", "--width", "5")
    kw = pd.read_csv(io.BytesIO(out.stdout), encoding="utf-8-sig")
    assert out.returncode == 0 and set(kw["match"]) == {"强区放权"} and kw["left"].str.len().max() <= 5
    out = run("export", "keyness", "--target", "罗湖区")
    key = pd.read_csv(io.BytesIO(out.stdout), encoding="utf-8-sig")
    assert out.returncode == 0 and (key["log_likelihood"] > 0).all()
    out = run("export", "themes", "--year-from", "2020")
    th = pd.read_csv(io.BytesIO(out.stdout), encoding="utf-8-sig")
    assert set(th["year"]) == {2020, 2021} and th["theme"].nunique() == 17
    assert run("export", "kwic").returncode == 2


def test_export_items_with_filters(tmp_path):
    target = tmp_path / "items.csv"
    out = run("export", "items", "--district", "罗湖区", "--year-to", "2017", "--level", "measure", "-o", str(target))
    assert out.returncode == 0, out.stderr
    items = pd.read_csv(target, encoding="utf-8-sig", dtype=str, keep_default_na=False)
    assert len(items) == 67
    assert set(items["level"]) == {"measure"} and set(items["year"]) == {"2017"}
    assert items["title"].iloc[0] == "强区放权“大职能”"
    lead = run("export", "items", "--lead", "区委书记吕玉印")
    led = pd.read_csv(io.BytesIO(lead.stdout), encoding="utf-8-sig", dtype=str, keep_default_na=False)
    assert led["title"].tolist() == ["深化基层治理体制改革"]
    bad = run("export", "items", "--level", "task")
    assert bad.returncode == 2 and b"level must be" in bad.stderr


def test_health_on_a_missing_folder_says_so_and_exits_1(capsys):
    import json

    from explore.cli.main import main

    assert main(["health", "--corpus", "/nonexistent-explore-folder"]) == 1
    out = json.loads(capsys.readouterr().out)
    assert out["status"] == "error" and out["documents"] == 0 and "EXPLORE_CORPUS" in out["reason"]
