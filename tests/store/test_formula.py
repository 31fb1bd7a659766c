"""Formula by recurrence: furniture and stock sentences found by how often they recur."""

from pathlib import Path

import pandas as pd
import pytest

from explore.store.analysed import analysed
from explore.store.formula import formula_lines, formula_paragraphs, leave_out, min_documents
from explore.store.load import load_corpus
from explore.store.query import Tables
from explore.store.tables import analysed_corpus, reuse_table

FOOTER = "版权所有：某某市人民政府办公室 主办单位：某某市政务服务数据管理局 网站标识码4401000001 粤ICP备12345678号"
HEADER = "来源URL：http://www.example.gov.cn/zwgk/{n}.html 取法：自动采集 采集时间：2024-0{n}-01"
STOCK = "现在，我代表{place}人民政府，向大会报告工作，请予审议，并请各位政协委员和其他列席人员提出意见。"
SHARED = "推进工程建设项目审批制度改革，全面推行区域评估、告知承诺和容缺受理，审批时限压缩至八十个工作日以内。"
PLACES = ["罗湖区", "福田区", "南山区", "宝安区", "龙岗区", "盐田区"]
BODIES = [
    "棚户区改造签约率达到百分之九十五，首批回迁居民领到新房钥匙，社区配套学校同步开工建设。",
    "智慧停车平台接入路内泊位一万二千个，市民可在手机上查询空位并在线缴费，高峰时段排队明显减少。",
    "海洋生态修复工程完成红树林种植四十公顷，近岸海域水质稳定保持一类标准，候鸟数量逐年增加。",
    "跨境电商综合试验区新增备案企业三百家，保税仓储面积扩大一倍，进出口货值创历史新高。",
    "基层卫生院全部接入远程会诊系统，乡村医生培训覆盖每个行政村，慢病随访实现电子化管理。",
    "老旧工业园区腾退低效用地八百亩，引入新材料与生物医药项目，亩均税收较改造前提高三倍。",
]


def _tables(rows):
    paras = pd.DataFrame(rows, columns=["doc_id", "para_no", "text"])
    empty = pd.DataFrame({"doc_id": pd.Series([], dtype=str)})
    return Tables(frames={"paragraphs": paras, "terms": empty, "para_terms": empty, "tokens": empty})


def test_a_shape_ignores_links_numbers_and_the_place_before_an_organ():
    rows = [(f"d{n}", 1, HEADER.format(n=n)) for n in range(1, 4)]
    rows += [(f"d{n}", 2, STOCK.format(place=p)) for n, p in enumerate(PLACES[:3], 1)]
    rows += [("d1", 3, "只在一篇里的一段话。")]
    got = formula_lines(_tables(rows), n_docs=3)
    assert got["documents"].tolist() == [3, 3] and len(got) == 2
    assert set(formula_paragraphs(_tables(rows), n_docs=3)["para_no"]) == {1, 2}


def test_what_recurs_in_too_few_documents_or_is_long_stays_text():
    rows = [(f"d{n}", 1, HEADER.format(n=n)) for n in range(1, 3)]  # two documents only
    rows += [(f"d{n}", 2, SHARED * 4) for n in range(1, 5)]  # a long paragraph four districts copy
    assert formula_lines(_tables(rows), n_docs=4).empty


def test_the_threshold_grows_with_the_corpus():
    assert [min_documents(n) for n in (5, 100, 150, 20_000)] == [3, 3, 3, 400]


def test_leave_out_drops_exactly_the_marked_paragraphs():
    paras = pd.DataFrame({"doc_id": ["a", "a", "b"], "para_no": [1, 2, 1], "text": ["x", "y", "z"]})
    marked = pd.DataFrame({"doc_id": ["a"], "para_no": [2]})
    assert leave_out(paras, marked)["text"].tolist() == ["x", "z"]
    assert leave_out(paras, marked.iloc[:0]).equals(paras)


def _site(root: Path) -> Path:
    """Six pages of one site: each its own news, the same footer and a collector's header line;
    two of them really share a paragraph."""
    root.mkdir(parents=True)
    for n, place in enumerate(PLACES, 1):
        body = BODIES[n - 1]
        text = [f"{place}新闻{n}", HEADER.format(n=n), body, STOCK.format(place=place), FOOTER]
        if n in (2, 5):
            text.insert(3, SHARED)
        (root / f"p{n}.txt").write_text("\n\n".join(text) + "\n", encoding="utf-8")
    return root


def test_no_reuse_pair_rests_on_furniture(tmp_path):
    corpus = load_corpus(_site(tmp_path / "site"))
    assert not corpus.paragraphs["text"].str.contains("版权所有").any()  # the footer is page furniture, cut
    formula = formula_lines(corpus.tables, n_docs=len(corpus.docs))
    assert formula["documents"].tolist() == [6, 6]
    assert formula["example"].str.startswith("来源URL").any() and formula["example"].str.contains("请予审议").any()
    pairs = reuse_table(analysed_corpus(corpus), corpus.docs)
    assert pairs[["left_doc", "right_doc"]].values.tolist() == [["p2", "p5"]]  # the one real borrowing
    assert pairs["shared_text"].iloc[0] in SHARED
    kept = reuse_table(analysed_corpus(corpus, "keep"), corpus.docs, formula="keep")
    assert len(kept) > 1 and kept["shared_text"].str.contains("请予审议").any()


def test_export_formula_and_reuse_from_a_shell(tmp_path, capfdbinary):
    import io

    from explore.cli.main import main

    root = _site(tmp_path / "site")
    assert main(["export", "formula", "--corpus", str(root)]) == 0
    table = pd.read_csv(io.BytesIO(capfdbinary.readouterr().out), encoding="utf-8-sig")
    assert list(table.columns) == ["shape", "documents", "paragraphs", "example"] and len(table) == 2
    assert main(["export", "reuse", "--corpus", str(root), "--formula", "keep"]) == 0
    assert len(pd.read_csv(io.BytesIO(capfdbinary.readouterr().out), encoding="utf-8-sig")) > 1
    assert main(["export", "reuse", "--corpus", str(root), "--formula", "drop"]) == 2


def test_the_analysed_corpus_counts_no_formula(tmp_path):
    corpus = load_corpus(_site(tmp_path / "site"))
    counted = analysed(corpus)
    assert counted.key == corpus.key + "~analysed" and counted.docs is corpus.docs
    # what is left: each page's headline, its own news and the shared paragraph
    assert len(counted.paragraphs) == len(corpus.paragraphs) - 12
    assert not counted.paragraphs["text"].str.contains("请予审议|来源URL").any()
    for name in ("para_terms", "tokens"):
        kept = counted.table(name)[["doc_id", "para_no"]].drop_duplicates()
        assert set(map(tuple, kept.values)) <= set(map(tuple, counted.paragraphs[["doc_id", "para_no"]].values))
    # terms are summed again from the paragraphs left: 审议 only ever stood in the stock sentence
    assert "审议" in set(corpus.terms["term"]) and "审议" not in set(counted.terms["term"])
    summed = counted.para_terms.groupby(["doc_id", "term"])["count"].sum()
    assert counted.terms.dtypes.equals(corpus.terms.dtypes)
    assert (
        counted.terms.set_index(["doc_id", "term"])["count"]
        .sort_index()
        .astype("int64")
        .equals(summed.sort_index().astype("int64"))
    )
    # a corpus with no formula is its own analysed corpus
    plain = load_corpus(_site_without_formula(tmp_path / "plain"))
    assert analysed(plain) is plain
    with pytest.raises(ValueError, match="formula must be 'leave' or 'keep'"):
        analysed_corpus(corpus, "drop")  # type: ignore[arg-type]


def _site_without_formula(root: Path) -> Path:
    root.mkdir(parents=True)
    for n, body in enumerate(BODIES[:3]):
        (root / f"q{n}.txt").write_text(body + "\n", encoding="utf-8")
    return root


def test_keyness_and_figures_from_a_shell_leave_formula_out(tmp_path, capfdbinary):
    import io

    from explore.cli.main import main

    root = _site(tmp_path / "site")
    assert main(["export", "keywords", "--corpus", str(root), "--top", "500"]) == 0
    terms = pd.read_csv(io.BytesIO(capfdbinary.readouterr().out), encoding="utf-8-sig")["term"].tolist()
    assert "审议" not in terms and "红树林" in terms
    assert main(["export", "keywords", "--corpus", str(root), "--top", "500", "--formula", "keep"]) == 0
    assert "审议" in pd.read_csv(io.BytesIO(capfdbinary.readouterr().out), encoding="utf-8-sig")["term"].tolist()


def test_a_stock_sentence_inside_longer_paragraphs_is_formula_and_no_reuse(tmp_path):
    # a work report's opening sentence before each district's own words, in one paragraph
    root = tmp_path / "reports"
    root.mkdir()
    for n, (place, body) in enumerate(zip(PLACES, BODIES, strict=True), 1):
        text = [f"{place}政府工作报告", "各位代表：" + STOCK.format(place=place) + f"201{n}年是关键之年。", body]
        (root / f"r{n}.txt").write_text("\n\n".join(text) + "\n", encoding="utf-8")
    corpus = load_corpus(root)
    lines = formula_lines(corpus.tables, n_docs=len(corpus.docs))
    assert lines["example"].str.contains("请予审议").any() and lines["documents"].max() == 6
    assert reuse_table(analysed_corpus(corpus), corpus.docs).empty  # the sentence is no borrowing
    kept = reuse_table(analysed_corpus(corpus, "keep"), corpus.docs, formula="keep")
    assert kept["shared_text"].str.contains("请予审议").any()


def test_a_recurring_heading_still_speaks_for_the_figures_under_it(tmp_path):
    from explore.store.tables import figures_table

    # every report opens its review with the same heading: formula, yet it makes 计划 a result
    root = tmp_path / "reviews"
    root.mkdir()
    for n, place in enumerate(PLACES[:4], 1):
        text = [f"{place}政府工作报告", "一、2017年工作回顾", f"{BODIES[n][:12]},全年计划完成投资{n}2亿元。"]
        (root / f"r{n}.txt").write_text("\n\n".join(text) + "\n", encoding="utf-8")
    corpus = load_corpus(root)
    assert formula_lines(corpus.tables, n_docs=4)["example"].str.contains("工作回顾").any()
    found = figures_table(corpus, corpus.docs)
    assert len(found) == 4 and set(found["status"]) == {"result"}
    with pytest.raises(ValueError, match="leave"):
        figures_table(corpus, corpus.docs, formula="drop")


def test_near_duplicates_of_a_stock_sentence_across_many_documents_are_no_reuse(tmp_path):
    # the opening of a work report, worded a little differently in each: no one shape recurs
    openings = [
        "现在，我代表{p}人民政府向大会报告工作，请予审议，并请各位政协委员和其他列席人员提出意见。",
        "现在，我代表{p}人民政府，向大会报告政府工作，请予审议，并请各位政协委员和其他列席人员提出意见。",
        "现在，我代表{p}人民政府向大会作政府工作报告，请予审议，并请各位政协委员和其他列席人员提出意见。",
        "现在，我代表{p}人民政府向大会报告工作，请予审议，并请各位政协委员和列席人员提出意见。",
    ]
    root = tmp_path / "openings"
    root.mkdir()
    for n, (place, opening) in enumerate(zip(PLACES, openings, strict=False), 1):
        text = [
            f"{place}政府工作报告",
            opening.format(p=place),
            BODIES[n],
            f"thumbnail: 'https://img.example.cn/{n % 2}.png'",
        ]
        (root / f"o{n}.txt").write_text("\n\n".join(text) + "\n", encoding="utf-8")
    corpus = load_corpus(root)
    assert not formula_lines(corpus.tables, n_docs=4)["example"].str.contains("请予审议").any()  # no shape recurs
    assert reuse_table(analysed_corpus(corpus), corpus.docs).empty
    kept = reuse_table(corpus, corpus.docs, formula="keep")
    assert kept["shared_text"].str.contains("请予审议").any() and kept["shared_text"].str.contains("png").any()
