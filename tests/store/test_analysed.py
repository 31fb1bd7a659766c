"""The analysed corpus: item notes leave the counts, the text stays whole."""

from __future__ import annotations

from explore.analysis.roles import note_spans
from explore.store.analysed import _in_notes, analysed
from explore.store.load import load_corpus

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
    kept, removed = _in_notes("加强 外贸。（商务部、海关总署负责）", "加强 外贸 。 （ 商务部 、 海关总署 负责 ）")
    assert kept == "加强 外贸 。"
    assert removed == {"（": 1, "商务部": 1, "、": 1, "海关总署": 1, "负责": 1, "）": 1}
    assert _in_notes("没有备注。", "没有 备注 。") == ("没有 备注 。", {})


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
    assert _in_notes("加强外贸。（商务部负责）", "加强 外贸 。") == ("加强 外贸 。", {})
