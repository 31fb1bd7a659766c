"""The analysed corpus: item notes leave the counts, the text stays whole."""

from __future__ import annotations

import pandas as pd
import pytest

from explore.analysis.notes import note_spans
from explore.ingest.lexicon import default_lexicon
from explore.store.analysed import analysed, formula_lines_of, formula_of
from explore.store.corpus import Corpus
from explore.store.load import load_corpus
from explore.store.per_doc import in_notes
from explore.store.query import LARGE

# 浙江省 2020 key tasks (eval: cp_06) and a State Council note (国办发〔2018〕117号)
LABELLED = "加快推进杭州城西科创大走廊建设。牵头单位:杭州市政府、省科技厅"
CLOSING = "对促进外贸稳定增长成效明显的省，在外贸转型升级基地培育中给予优先支持。（商务部、海关总署负责）"


def test_note_spans_are_item_metadata_only():
    assert [LABELLED[a:b] for a, b in note_spans(LABELLED)] == ["牵头单位:杭州市政府、省科技厅"]
    assert [CLOSING[a:b] for a, b in note_spans(CLOSING)] == ["（商务部、海关总署负责）"]
    both = "推进改革。（牵头单位：区发展改革局；配合单位：区财政局、区司法局）"
    assert [both[a:b] for a, b in note_spans(both)] == ["（牵头单位：区发展改革局；配合单位：区财政局、区司法局）"]
    for prose in ("全面落实主体责任，各单位要负责到底。", "（此件公开发布）", "时间：2020年3月", ""):
        assert note_spans(prose) == [], prose


def test_tokens_inside_a_note_are_cut_and_counted():
    kept, removed = in_notes("加强 外贸。（商务部、海关总署负责）", "加强 外贸 。 （ 商务部 、 海关总署 负责 ）")
    assert kept == "加强 外贸 。"
    assert removed == {"（": 1, "商务部": 1, "、": 1, "海关总署": 1, "负责": 1, "）": 1}
    assert in_notes("没有备注。", "没有 备注 。") == ("没有 备注 。", {})


def test_the_analysed_corpus_counts_no_note(tmp_path):
    root = tmp_path / "plan"
    root.mkdir()
    for n, place in enumerate(["甲区", "乙区", "丙区"]):
        (root / f"p{n}.txt").write_text(
            f"{place}2021年改革要点\n一、深化营商环境改革，推进审批提速。（牵头单位：{place}发展改革局；配合单位：{place}财政局）\n"
            f"二、{place}完善基层治理体系，建设智慧社区{n + 1}个。\n",
            encoding="utf-8",
        )
    corpus = load_corpus(root)
    counted = analysed(corpus)
    assert {"牵头", "单位"} <= set(corpus.terms["term"])
    assert not {"牵头", "单位", "配合"} & set(counted.terms["term"])
    assert "营商环境" in set(counted.terms["term"])
    # the text stays whole; the tokens lose the note
    assert counted.paragraphs["text"].equals(corpus.paragraphs["text"])
    assert not counted.tokens["tokens"].str.contains("牵头").any()
    assert counted.stats["paragraphs_with_notes"] == 3


def test_tokens_that_do_not_line_up_with_the_text_are_left_whole():
    assert in_notes("加强外贸。（商务部负责）", "加强 外贸 。") == ("加强 外贸 。", {})


def _in_memory(corpus: Corpus) -> Corpus:
    frames = {name: getattr(corpus, name) for name in LARGE}
    return Corpus(corpus.root, corpus.docs, **frames, skipped=corpus.skipped, key=corpus.key)


def test_the_build_writes_what_the_pages_would_compute(tmp_path):
    # formula (a footer in every document) and notes: the stored analysed tables equal those a
    # corpus held in memory gets when first asked, row for row and type for type
    root = tmp_path / "plan"
    root.mkdir()
    for n, place in enumerate(["甲区", "乙区", "丙区", "丁区"]):
        (root / f"p{n}.txt").write_text(
            f"{place}2021年改革要点\n一、深化营商环境改革，推进审批提速。（牵头单位：{place}发展改革局；配合单位：{place}财政局）\n"
            f"二、{place}完善基层治理体系，建设智慧社区{n + 1}个。\n主办单位：本网站 版权所有 联系我们\n",
            encoding="utf-8",
        )
    corpus = load_corpus(root)
    stored, computed = analysed(corpus), analysed(_in_memory(corpus))
    assert stored.folder == corpus.folder / "analysed" and computed.folder is None
    assert stored.key == computed.key == f"{corpus.key}~analysed"
    assert stored.stats["formula_paragraphs"] == computed.stats["formula_paragraphs"] == 4
    assert stored.stats["paragraphs_with_notes"] == computed.stats["paragraphs_with_notes"] == 4
    for name in LARGE:
        pd.testing.assert_frame_equal(getattr(stored, name), getattr(computed, name), obj=name)
    assert "版权所有" not in " ".join(stored.tokens["tokens"])
    for found in (formula_of, formula_lines_of):  # read from analysed/, or found in memory
        pd.testing.assert_frame_equal(found(corpus), found(_in_memory(corpus)))
    assert "主办单位：本网站 版权所有 联系我们" in formula_lines_of(corpus)["example"].tolist()
    assert not (corpus.folder / "analysed" / "note_tokens.parquet").exists()  # the map's notes, read and gone
    # what the build summed (every document's terms, each document's theme mentions) equals
    # summing what it stored, for the whole corpus and for a selection
    from explore.ingest.lexicon import default_lexicon
    from explore.store.tables import doc_theme_table, keyword_table

    lexicon, ids = default_lexicon(), stored.docs["doc_id"].tolist()
    for docs in (stored.docs, stored.docs.head(2)):
        pd.testing.assert_frame_equal(doc_theme_table(stored, docs, lexicon), doc_theme_table(computed, docs, lexicon))
        pd.testing.assert_frame_equal(keyword_table(stored, docs, top_n=20), keyword_table(computed, docs, top_n=20))
    assert stored.tables._whole(ids) and not computed.tables._whole(ids)


def test_a_corpus_without_formula_or_notes_is_its_own_analysed_corpus(tmp_path):
    root = tmp_path / "plain"
    root.mkdir()
    (root / "a.txt").write_text("甲区2021年工作报告\n今年完善基层治理体系。\n", encoding="utf-8")
    corpus = load_corpus(root)
    assert analysed(corpus) is corpus


@pytest.mark.parametrize("beside", [True, False], ids=["beside the counts", "after them"])
def test_text_reuse_reads_what_the_build_set_aside(tmp_path, monkeypatch, beside):
    from explore.store import analysed as module
    from explore.store.analysed import reuse_pairs, reuse_text
    from explore.store.tables import reuse_table

    # a small corpus's text reuse is written beside the counts, a large one's after them: the same rows
    monkeypatch.setattr(module, "SIDE_BY_SIDE_DOCS", 5_000 if beside else 0)

    root = tmp_path / "reports"
    root.mkdir()
    stock = "现在，我代表区人民政府，向大会报告工作，请予审议，并请各位政协委员和列席人员提出意见。"
    for n, place in enumerate(["甲区", "乙区", "丙区", "丁区"]):
        (root / f"r{n}.txt").write_text(
            f"{place}2021年政府工作报告\n各位代表：{stock}{place}今年完成{n + 3}项改革任务，新建学校{n + 1}所。\n"
            "牵头单位：区发展改革局；配合单位：区财政局\n"
            + (
                "深化营商环境改革，推进审批提速，建立企业开办一网通办平台，实现全程网上办理和当日办结。\n"
                if n < 2
                else ""
            ),
            encoding="utf-8",
        )  # the last paragraph in two reports only: borrowed text, not formula
    corpus = analysed(load_corpus(root))
    stored = reuse_text(corpus, corpus.docs["doc_id"].tolist())
    assert stored is not None and not stored["text"].str.contains("请予审议").any()  # the stock sentence
    assert not stored["text"].str.startswith("牵头单位").any()  # a paragraph that is only a note
    computed = reuse_table(_in_memory(corpus), corpus.docs)  # the same pairs read at page time
    assert reuse_pairs(corpus, corpus.docs["doc_id"].tolist(), 0.6) is not None  # the first view, found in the build
    pd.testing.assert_frame_equal(reuse_table(corpus, corpus.docs), computed)
    assert len(computed) == 1 and "一网通办" in computed["shared_text"].iloc[0]
    for docs, similarity in ((corpus.docs.iloc[::-1], 0.6), (corpus.docs.iloc[:3], 0.6), (corpus.docs, 0.5)):
        found = reuse_table(corpus, docs, min_similarity=similarity)  # other views: found at page time, alike
        pd.testing.assert_frame_equal(found, reuse_table(_in_memory(corpus), docs, min_similarity=similarity))


def test_an_empty_folder_has_no_reuse_and_says_nothing_wrong(tmp_path):
    from explore.analysis.reuse import REUSE_COLUMNS
    from explore.store.tables import reuse_table

    corpus = load_corpus(tmp_path)
    assert reuse_table(analysed(corpus), corpus.docs).columns.tolist() == REUSE_COLUMNS


def test_theme_mentions_are_counted_in_the_build_as_a_page_counts_them(tmp_path):
    import duckdb

    from explore.analysis.themes import paragraph_mentions
    from explore.ingest.lexicon import parse_lexicon
    from explore.store.tables import theme_mentions, theme_tables
    from explore.store.theme_counts import write_theme_mentions

    root = tmp_path / "reports"
    root.mkdir()
    for n, place in enumerate(["甲区", "乙区", "丙区"]):
        (root / f"r{n}.txt").write_text(
            f"{place}2021年工作报告\n优化营商环境，推进数字政府建设和一网通办。\n"
            f"{place}新建学校{n + 1}所，推进老旧小区改造和乡村振兴。营商环境再优化，环境更美。\n",
            encoding="utf-8",
        )
    corpus = analysed(load_corpus(root))
    assert (corpus.folder / "theme_mentions.parquet").exists()
    docs = corpus.docs.iloc[:2]
    for name, table in theme_tables(corpus, docs, default_lexicon()).items():
        pd.testing.assert_frame_equal(table, theme_tables(_in_memory(corpus), docs, default_lexicon())[name], obj=name)
    for theme in (None, "营商环境", "教育"):  # a paragraph's mentions, of every theme or of one
        stored_rows = theme_mentions(corpus, docs, default_lexicon(), theme=theme)
        pd.testing.assert_frame_equal(
            stored_rows, theme_mentions(_in_memory(corpus), docs, default_lexicon(), theme=theme)
        )
        assert len(stored_rows) and (theme is None or set(stored_rows["theme"]) == {theme})
    # a term no document has as a token (境再优, 环境更) is counted as a substring, as a page counts it
    lexicon = parse_lexicon("theme,terms\n甲,营商环境|境再优\n乙,环境更|学校\n")
    with duckdb.connect() as con:
        write_theme_mentions(con, corpus.folder, lexicon=lexicon)
    stored = pd.read_parquet(corpus.folder / "theme_mentions.parquet")
    expected = paragraph_mentions(corpus.para_terms, corpus.paragraphs, lexicon)
    pd.testing.assert_frame_equal(stored, expected.astype(stored.dtypes.to_dict()))
    # each document's second paragraph only: the first, the same in all three, is formula
    assert stored["para_no"].unique().tolist() == [3] and stored["mentions"].tolist() == [2] * 6
