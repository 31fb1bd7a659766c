import os
import re

import pandas as pd
import pytest

from explore.store.load import DOCS_COLUMNS, PARA_TERMS_COLUMNS, PARAGRAPHS_COLUMNS, TERMS_COLUMNS, load_corpus
from tests.conftest import SEEDS

# (district, year, date, published): none of the seeds states its own date; three pages say
# when they put the text out.
SEED_TRUTH = {
    "000_373ae69c3ea13910": ("龙岗区", 2018, "", ""),
    "001_3c0b11c1ebd16181": ("罗湖区", 2017, "", "2017-03-28"),
    "002_bc0693a77c45025f": ("福田区", 2021, "", "2021-09-27"),
    "003_f8cf5c05e3781792": ("坪山区", 2017, "", ""),
    "004_dfc0eb8523fa337d": ("罗湖区", 2020, "", "2020-04-17"),
}


def test_seed_metadata(seeds_corpus):
    docs = seeds_corpus.docs.set_index("doc_id")
    got = {i: (r.district, r.year, r.date, r.published) for i, r in docs.iterrows()}
    assert got == SEED_TRUTH
    assert set(docs["city"]) == {"深圳市"}
    assert docs.loc["001_3c0b11c1ebd16181", "doc_type"] == "official document"
    assert docs.loc["001_3c0b11c1ebd16181", "script"] == "traditional"
    assert docs.loc["002_bc0693a77c45025f", "source"] == "深圳特区报"


def test_columns_follow_the_contract(seeds_corpus):
    assert list(seeds_corpus.docs.columns) == DOCS_COLUMNS
    assert list(seeds_corpus.paragraphs.columns) == PARAGRAPHS_COLUMNS
    assert list(seeds_corpus.terms.columns) == TERMS_COLUMNS
    assert list(seeds_corpus.para_terms.columns) == PARA_TERMS_COLUMNS
    assert seeds_corpus.skipped.empty


def test_luohu_2017_is_repaired(seeds_corpus):
    paras = seeds_corpus.paragraphs[seeds_corpus.paragraphs.doc_id == "001_3c0b11c1ebd16181"]
    text = "\n".join(paras["text"])
    assert "以问题和需求为导向" in text
    assert "以党政一把手亲自抓" in text
    assert not re.search(r"\([a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü]+\)", text), "pinyin left"
    assert not re.search(r"[\u2500-\u257f\u3100-\u312f]", text), "box drawing or bopomofo left"
    assert not re.search(r"\?[\u4e00-\u9fff]|[\u4e00-\u9fff]\?", text), "'?' glued to Han"
    original = "\n".join(paras["text_original"])
    assert "以問題和需求為導向" in original  # reading text stays Traditional
    doc = seeds_corpus.docs.set_index("doc_id").loc["001_3c0b11c1ebd16181"]
    assert doc.repaired_spans > 10 and doc.damaged_spans > 0


def test_terms_trace_back_to_paragraphs(seeds_corpus):
    pt = seeds_corpus.para_terms
    summed = pt.groupby(["doc_id", "term"])["count"].sum()
    terms = seeds_corpus.terms.set_index(["doc_id", "term"])["count"]
    pd.testing.assert_series_equal(summed.sort_index(), terms.sort_index(), check_dtype=False)
    assert not seeds_corpus.terms["term"].str.contains("\ufffd").any()
    assert seeds_corpus.docs.set_index("doc_id")["n_tokens"].sum() == terms.sum()


def test_bad_inputs_load_or_are_reported(bad_corpus):
    corpus = load_corpus(bad_corpus)
    docs = corpus.docs.set_index("file")
    assert docs.loc["gbk.txt", "encoding"] == "gb18030" and docs.loc["gbk.txt", "district"] == "罗湖区"
    assert docs.loc["big5.txt", "encoding"] == "big5" and docs.loc["big5.txt", "district"] == "福田区"
    assert docs.loc["big5.txt", "script"] == "traditional"
    assert docs.loc["utf16.txt", "district"] == "南山区"
    assert docs.loc["bom.txt", "district"] == "盐田区"
    assert docs.loc["crlf.md", "district"] == "宝安区"
    assert docs.loc["sub/page.html", "district"] == "龙华区" and docs.loc["sub/page.html", "year"] == 2021
    assert docs.loc["nowhere.txt", "district"] == "" and docs.loc["nowhere.txt", "city"] == ""
    assert docs.loc["gbk.txt", "year"] == 2019
    skipped = dict(zip(corpus.skipped["file"], corpus.skipped["reason"], strict=True))
    assert set(skipped) == {"empty.txt", "blank.txt", "binary.txt", "image.png"}
    assert "binary" in skipped["binary.txt"] and "unsupported" in skipped["image.png"]
    assert not corpus.paragraphs["text"].str.contains("alert").any()


def test_cache_is_warm_and_notices_changes(seeds_copy, tmp_path, monkeypatch):
    monkeypatch.setenv("EXPLORE_CACHE_DIR", str(tmp_path / "cache"))  # the session cache knows these bytes
    first = load_corpus(seeds_copy)
    assert first.stats["cached"] == 0
    again = load_corpus(seeds_copy)
    assert again.stats["cached"] == 1
    pd.testing.assert_frame_equal(first.docs, again.docs)
    (seeds_copy / "000_373ae69c3ea13910.txt").write_text("盐田区推进改革,盐田区深化改革。", encoding="utf-8")
    changed = load_corpus(seeds_copy)
    assert changed.stats["cached"] == 0 and changed.stats["segmented"] == 1
    assert changed.docs.set_index("doc_id").loc["000_373ae69c3ea13910", "district"] == "盐田区"
    (seeds_copy / "dictionary.txt").write_text("高质量发展 nz\n", encoding="utf-8")
    redone = load_corpus(seeds_copy)
    assert redone.stats["segmented"] == 5
    assert "高质量发展" in set(redone.terms["term"])


def test_metadata_csv_overrides(seeds_copy):
    (seeds_copy / "metadata.csv").write_text(
        "file,district,year,title\n003_f8cf5c05e3781792.txt,大鹏新区,2016,改过的标题\nmissing.txt,南山区,,\n",
        encoding="utf-8",
    )
    corpus = load_corpus(seeds_copy)
    row = corpus.docs.set_index("file").loc["003_f8cf5c05e3781792.txt"]
    assert (row.district, row.year, row.title) == ("大鹏新区", 2016, "改过的标题")
    assert "missing.txt" in corpus.skipped.set_index("file").loc["metadata.csv", "reason"]


def test_missing_corpus(tmp_path):
    with pytest.raises(FileNotFoundError):
        load_corpus(tmp_path / "nope")


def test_empty_corpus(tmp_path):
    corpus = load_corpus(tmp_path)
    assert corpus.docs.empty and corpus.terms.empty and list(corpus.terms.columns) == TERMS_COLUMNS


def test_jieba_is_a_cache_of_its_own_and_differs_only_in_three_near_ties(monkeypatch):
    monkeypatch.setenv("EXPLORE_SEGMENTER", "rjieba")  # the default
    fast = load_corpus(SEEDS, use_cache=False, workers=1)
    monkeypatch.setenv("EXPLORE_SEGMENTER", "jieba")  # the reference, exactly as jieba cuts
    reference = load_corpus(SEEDS, use_cache=False, workers=1)
    assert fast.key != reference.key
    assert fast.docs["doc_id"].tolist() == reference.docs["doc_id"].tolist()
    # every seed count a near-tie moves: jieba-rs keeps 风正劲 whole and cuts 步道, 相互关系
    moved = fast.terms.groupby("term")["count"].sum().sub(reference.terms.groupby("term")["count"].sum(), fill_value=0)
    assert moved[moved != 0].to_dict() == {
        "关系": 1, "劲": -1, "步": 1, "步道": -1, "相互": 1, "相互关系": -1, "道": 1, "风正": -1, "风正劲": 1,
    }  # fmt: skip


def test_tables_do_not_depend_on_the_batch_size(tmp_path):
    corpus = tmp_path / "c"
    corpus.mkdir()
    for name, text in [("b.txt", "罗湖区推进营商环境改革。"), ("a.html", "<p>龙岗区深化放管服改革</p>"),
                       ("a.txt", "坪山区2017年改革计划"), ("c.txt", "")]:  # fmt: skip
        (corpus / name).write_text(text, encoding="utf-8")
    (corpus / "metadata.csv").write_text("file,district\nb.txt,福田区\nmissing.txt,南山区\n", encoding="utf-8")
    whole = load_corpus(corpus, use_cache=False, workers=1)
    one_by_one = load_corpus(corpus, use_cache=False, workers=1, batch=1)
    # two processes assemble a document a piece: a.html and a.txt are named in different pieces
    in_pieces = load_corpus(corpus, use_cache=False, workers=2)
    for name in ("docs", "paragraphs", "terms", "para_terms", "tokens", "items", "figures", "coded", "skipped"):
        pd.testing.assert_frame_equal(getattr(one_by_one, name), getattr(whole, name))
        pd.testing.assert_frame_equal(getattr(in_pieces, name), getattr(whole, name))
    # a.html came first, so a.txt keeps its whole name; the override row for a missing file is reported
    assert whole.docs["doc_id"].tolist() == ["a", "a.txt", "b"]
    assert whole.docs.set_index("doc_id").loc["b", "district"] == "福田区"
    assert any("missing.txt" in r for r in whole.skipped["reason"])
    with pytest.raises(ValueError, match="batch must be at least 1"):
        load_corpus(corpus, batch=0)


def test_a_cached_corpus_reads_its_large_tables_only_when_asked():
    load_corpus(SEEDS)  # built and cached
    corpus = load_corpus(SEEDS)
    assert corpus.stats["cached"] == 1 and corpus.in_memory() == []
    two = corpus.docs["doc_id"].tolist()[:2]
    part = corpus.tables.paragraphs_of(two)
    assert corpus.in_memory() == []  # a query reads the Parquet file, not the whole table
    whole = corpus.paragraphs
    assert corpus.in_memory() == ["paragraphs"]
    pd.testing.assert_frame_equal(part, whole[whole["doc_id"].isin(two)].reset_index(drop=True), check_dtype=False)


def test_two_threads_asking_for_the_segmenter_build_it_once(monkeypatch, tmp_path):
    import threading
    import time

    from explore.ingest.text import Segmenter
    from explore.store import load

    built = []

    def slow(corpus, **kwargs):
        built.append(corpus)
        time.sleep(0.3)
        return object()

    monkeypatch.setattr(load, "_SEGMENTERS", {})
    monkeypatch.setattr(Segmenter, "for_corpus", slow)
    got = []
    threads = [threading.Thread(target=lambda: got.append(load.segmenter_for(tmp_path))) for _ in range(2)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert len(built) == 1 and got[0] is got[1]


def test_the_pool_forks_from_one_thread_and_spawns_from_more():
    import threading

    from explore.store.build import _start_method

    assert _start_method() == ("fork" if threading.active_count() == 1 else "spawn")
    stop = threading.Event()
    other = threading.Thread(target=stop.wait)
    other.start()
    try:
        assert _start_method() == "spawn"  # a fork beside a running thread can crash the child
    finally:
        stop.set()
        other.join()


def test_a_script_without_a_main_guard_builds_with_two_workers(tmp_path):
    import subprocess
    import sys

    from tests.conftest import ROOT

    script = tmp_path / "build.py"
    script.write_text(
        f"from explore.store.load import load_corpus\nprint(len(load_corpus({str(SEEDS)!r}, workers=2, use_cache=False).docs))\n",
        encoding="utf-8",
    )
    out = subprocess.run([sys.executable, str(script)], capture_output=True, text=True, timeout=300,
                         env={**os.environ, "PYTHONPATH": str(ROOT)})  # fmt: skip
    assert out.returncode == 0 and out.stdout.split() == ["5"], out.stderr[-2000:]
