"""Analysis modules on small hand-made frames: exact values, empty input included."""

import pandas as pd
import pytest

from explore.analysis.compare import term_overlap
from explore.analysis.keywords import frequency_table, log_likelihood
from explore.analysis.kwic import kwic, parse_query
from explore.analysis.summary import representative_sentences
from explore.analysis.themes import doc_themes, paragraph_mentions, timeline
from explore.app.render import escape_markdown, highlight_markdown
from explore.ingest.lexicon import parse_lexicon
from tests.conftest import keyness_of, sides_of

DOCS = pd.DataFrame(
    {
        "doc_id": ["a", "b"],
        "district": ["罗湖区", "福田区"],
        "year": pd.array([2017, 2020], dtype="Int64"),
        "n_chars": [100, 200],
        "title": ["A", "B"],
    }
)
TERMS = pd.DataFrame(
    {"doc_id": ["a", "a", "b", "b"], "term": ["改革", "放管服", "改革", "医疗"], "count": [5, 3, 5, 4]}
)
PARAS = pd.DataFrame(
    {
        "doc_id": ["a", "a", "b"],
        "para_no": [1, 2, 1],
        "text": ["深化放管服改革,推进放管服。", "改革", "推进医疗改革,医疗更好。"],
        "text_original": ["深化放管服改革,推進放管服。", "改革", "推進醫療改革,醫療更好。"],
    }
)
PARA_TERMS = pd.DataFrame(
    {
        "doc_id": ["a", "a", "a", "b", "b"],
        "para_no": [1, 1, 2, 1, 1],
        "term": ["放管服", "改革", "改革", "医疗", "改革"],
        "count": [2, 1, 1, 2, 1],
    }
)


def test_frequency_table_exact():
    counts = pd.DataFrame({"term": ["放管服", "改革", "医疗", "改进"], "count": [3, 10, 4, 4], "n_docs": [1, 2, 1, 1]})
    table = frequency_table(counts, n_chars=300, top_n=None)
    assert table[["term", "count", "n_docs"]].values.tolist() == [
        ["改革", 10, 2], ["医疗", 4, 1], ["改进", 4, 1], ["放管服", 3, 1]
    ]  # fmt: skip
    assert table["per_10k_chars"].tolist() == [333.33, 133.33, 133.33, 100.0]
    assert frequency_table(counts, n_chars=300, top_n=2)["term"].tolist() == ["改革", "医疗"]
    assert frequency_table(counts.iloc[:0], n_chars=0).empty
    with pytest.raises(ValueError, match="top_n"):
        frequency_table(counts, n_chars=300, top_n=0)


def test_log_likelihood_sign_and_zero():
    import numpy as np

    g = log_likelihood(np.array([10, 0, 5]), np.array([0, 10, 5]), 100.0, 100.0)
    assert g[0] > 0 and g[1] < 0 and g[2] == 0


def test_keyness():
    table = keyness_of(TERMS, DOCS, ["a"], min_count=1)
    assert table["term"].iloc[0] == "放管服" and (table["log_likelihood"] > 0).all()
    assert keyness_of(TERMS, DOCS.iloc[:1], ["a"]).empty  # nothing to compare against


@pytest.mark.parametrize(
    ("query", "terms"), [("营商环境, 放管服 城市更新", ["营商环境", "放管服", "城市更新"]), ("", []), ("  、 ", [])]
)
def test_parse_query(query, terms):
    assert parse_query(query) == terms


def test_kwic_exact():
    lines = kwic(PARAS, DOCS, ["放管服"], width=2)
    assert lines[["doc_id", "para_no", "left", "match", "right"]].values.tolist() == [
        ["a", 1, "深化", "放管服", "改革"],
        ["a", 1, "推进", "放管服", "。"],
    ]
    assert kwic(PARAS, DOCS, []).empty
    assert kwic(PARAS, DOCS, ["推進"], column="text_original")["doc_id"].tolist() == ["a", "b"]


def test_kwic_lists_the_guessed_characters_each_line_shows():
    paras = pd.DataFrame(
        {
            "doc_id": ["a"],
            "para_no": [1],
            "text": ["专家跳伞样改革,推进改革。"],
            "text_original": ["专家\ufffd伞样改革,推进改革。"],
        }
    )
    lines = kwic(paras, DOCS, ["改革"], width=3)
    assert lines[["left", "match", "right", "guessed"]].values.tolist() == [
        ["跳伞样", "改革", ",推进", "跳"],
        [",推进", "改革", "。", ""],
    ]
    assert kwic(paras, DOCS, ["改革"], width=3, column="text_original")["guessed"].tolist() == ["", ""]


def test_themes_count_tokens_and_new_phrases():
    lexicon = parse_lexicon("theme,label,terms\n营商,Business,放管服|更好\n医疗,Health,医疗\n")
    mentions = paragraph_mentions(PARA_TERMS, PARAS, lexicon)
    assert mentions.values.tolist() == [["a", 1, "营商", 2], ["b", 1, "医疗", 2], ["b", 1, "营商", 1]]
    per_doc = doc_themes(mentions, DOCS, lexicon)
    assert per_doc.set_index(["doc_id", "theme"])["mentions"].to_dict() == {
        ("a", "营商"): 2,
        ("a", "医疗"): 0,
        ("b", "营商"): 1,
        ("b", "医疗"): 2,
    }
    assert len(timeline(per_doc, DOCS)) == 4
    with pytest.raises(ValueError, match="needs columns"):
        parse_lexicon("name\nx\n")


def test_representative_sentences():
    key = pd.DataFrame({"term": ["放管服"], "log_likelihood": [9.0]})
    long = PARAS.assign(text=["深化放管服改革,推进放管服,让企业办事更方便更快捷更省心。", "改革", "医疗"])
    out = representative_sentences(long, DOCS, key)
    assert out["doc_id"].tolist() == ["a"] and out["para_no"].tolist() == [1]
    assert representative_sentences(PARAS, DOCS, key.iloc[:0]).empty
    # a sentence repeated in later paragraphs and documents is shown once, where it stands first
    same = "深化放管服改革,推进放管服,让企业办事更方便更快捷。"
    repeated = pd.DataFrame({"doc_id": ["b", "a", "a"], "para_no": [1, 2, 1], "text": [same, same, "其他。" + same]})
    out = representative_sentences(repeated, pd.DataFrame({"doc_id": ["a", "b"], "title": ["A", "B"]}), key)
    assert out[["doc_id", "para_no", "sentence"]].values.tolist() == [["a", 1, same]]


@pytest.mark.parametrize(
    "text",
    [
        '<iframe srcdoc="<script>alert(1)</script>">',
        "<img src=x onerror=alert(1)>",
        "$x^2$ **bold** :red[red] [link](http://x)",
        "",
    ],
)
def test_markdown_escaping_shows_everything_literally(text):
    escaped = escape_markdown(text)
    assert "<" not in escaped.replace("\\<", "")
    assert ":red[" not in escaped and "$x" not in escaped.replace("\\$x", "")


def test_highlight_escapes_first():
    out = highlight_markdown("改革<b>改革", ["改革"])
    assert out == ":orange-background[改革]\\<b\\>:orange-background[改革]"


PAIR_TERMS = pd.DataFrame(
    {
        "doc_id": ["a", "a", "a", "a", "b", "b", "b", "b"],
        "para_no": [1, 1, 2, 3, 1, 1, 2, 3],
        "term": ["改革", "计划", "医疗", "交通", "改革", "计划", "教育", "交通"],
        "count": [1, 1, 1, 1, 1, 1, 1, 1],
    }
)
PAIR_PARAS = pd.DataFrame({"doc_id": ["a"] * 3 + ["b"] * 3, "para_no": [1, 2, 3, 1, 2, 3], "text": ["x"] * 6})


def test_paired_rows_keep_order_and_put_the_unmatched_on_rows_of_their_own():
    from explore.analysis.compare import paired_rows

    rows = paired_rows(PAIR_TERMS, PAIR_PARAS, "a", "b")
    got = [
        (None if pd.isna(a) else int(a), None if pd.isna(b) else int(b))
        for a, b in zip(rows["left_para"], rows["right_para"], strict=True)
    ]
    assert got == [(1, 1), (2, None), (None, 2), (3, 3)]
    assert rows["score"].tolist()[0] > 0.9 and rows["score"].tolist()[1:3] == [0.0, 0.0]
    assert paired_rows(PAIR_TERMS, PAIR_PARAS, "a", "missing")["right_para"].isna().all()
    with pytest.raises(ValueError, match="min_score"):
        paired_rows(PAIR_TERMS, PAIR_PARAS, "a", "b", min_score=2)


def test_shared_spans_mark_common_wording_of_two_characters_or_more():
    from explore.analysis.compare import shared_spans

    left, right = "深化放管服改革,推进营商环境", "推进放管服改革和营商环境优化"
    mine, theirs = shared_spans(left, right)
    assert "".join(left[i] for i in mine) == "放管服改革营商环境"
    assert "".join(right[i] for i in theirs) == "放管服改革营商环境"
    assert shared_spans("", "改革") == ([], [])
    assert shared_spans("甲乙", "乙丙", min_len=2) == ([], [])  # one character in common is not shared wording
    assert shared_spans("取得重要进展", "取得显著成效") == ([], [])  # nor is a two-character word
    assert shared_spans("在2015年", "在2015年") == (list(range(6)), list(range(6)))
    assert shared_spans("编号12345", "代码12345") == ([], [])  # digits alone are a coincidence
    assert highlight_markdown("改革计划", [], shared=[0, 1]) == ":green-background[:green[改革]]计划"
    assert (
        highlight_markdown("改革计划", ["革计"], shared=[0, 1])
        == ":green-background[:green[改]]:orange-background[革计]划"
    )


def test_term_overlap():
    assert term_overlap(TERMS, "a", "b") == {"shared": ["改革"], "left_only": ["放管服"], "right_only": ["医疗"]}


def test_kwic_neighbours_are_the_paragraphs_tokens_beyond_the_shown_context():
    from explore.analysis.kwic import with_neighbours

    paras = pd.DataFrame(
        {
            "doc_id": ["a", "b", "c"],
            "para_no": [1, 1, 1],
            "text": ["坚持深化改革开放不动摇", "全面深化改革", "推进发展改革"],
            # b's Traditional text has the Simplified one's length; c's was read in another length
            "text_original": ["坚持深化改革开放不动摇", "全面深化改革", "推進發展改革的"],
            "tokens": ["坚持 深化 改革开放 不 动摇", "全面 深化改革", "推进 发展 改革"],
        }
    )
    docs = pd.DataFrame({"doc_id": ["a", "b", "c"], "district": "", "year": 2020, "date": "", "title": ""})
    lines = with_neighbours(kwic(paras, docs, ["改革"], width=1), paras)
    # a window of one character shows 化改革开, yet the neighbours are whole words of the paragraph;
    # a match inside a word leaves the word's rest (开放) as its neighbour
    assert lines[["doc_id", "L2", "L1", "R1", "R2"]].values.tolist() == [
        ["a", "坚持", "深化", "开放", "不"],
        ["b", "全面", "深化", "", ""],
        ["c", "推进", "发展", "", ""],
    ]
    shown = kwic(paras, docs, ["發展"], column="text_original")
    assert with_neighbours(shown, paras)[["L1", "R1"]].values.tolist() == [["", ""]]  # c: lengths differ


def test_kwic_neighbours_sorting_and_dispersion():
    from explore.analysis.kwic import dispersion, sort_lines, with_neighbours

    paras = pd.DataFrame(
        {
            "doc_id": ["a", "a", "a", "b"],
            "para_no": [1, 2, 3, 1],
            "text": ["深化 改革 创新", "推进 改革,优化", "序言", "全面 改革 开放"],
            "text_original": ["", "", "", ""],
        }
    )
    docs = DOCS.assign(date=["2017-03-01", ""])
    # the words are the build's tokens of the paragraph, not cut again; a sign is no neighbour
    tokens = paras.assign(tokens=["深化 改革 创新", "推进 改革 , 优化", "序言", "全面 改革 开放"])
    lines = with_neighbours(kwic(paras, docs, ["改革"], width=6), tokens)
    assert lines[["L1", "R1", "R2"]].values.tolist() == [
        ["深化", "创新", ""],
        ["推进", "优化", ""],
        ["全面", "开放", ""],
    ]
    # pinyin order, as a Chinese dictionary has it: quan2 mian4, shen1 hua4, tui1 jin4
    assert sort_lines(lines, "L1")["L1"].tolist() == ["全面", "深化", "推进"]
    assert sort_lines(lines, "date")["doc_id"].tolist() == ["a", "a", "b"]
    assert sort_lines(lines, "document")["L1"].tolist() == ["深化", "推进", "全面"]
    with pytest.raises(ValueError, match="by must be"):
        sort_lines(lines, "middle")
    spans = pd.DataFrame({"doc_id": ["a", "b"], "first": [1, 1], "last": [3, 1]})
    spread = dispersion(lines, spans)
    assert spread["position"].tolist() == [0.0, 0.5, 0.0]
    assert dispersion(lines.iloc[0:0], spans).empty


def test_keyness_effect_size_and_significance():
    import math

    terms = pd.DataFrame(
        {
            "doc_id": ["a", "a", "b", "b"],
            "term": ["改革", "营商", "改革", "医疗"],
            "count": [30, 10, 10, 50],
        }
    )
    table = keyness_of(terms, DOCS, ["a"], min_count=1, top_n=None)
    row = table.set_index("term").loc["营商"]
    # 营商: 10 of 40 target tokens, 0 (taken as 0.5) of 60 reference tokens
    assert row["log_ratio"] == round(math.log2((10 / 40) / (0.5 / 60)), 2)
    assert table.set_index("term").loc["改革", "log_ratio"] == round(math.log2((30 / 40) / (10 / 60)), 2)
    assert set(keyness_of(terms, DOCS, ["a"], min_count=1, top_n=None, min_g2=1000)["term"]) == set()
    with pytest.raises(ValueError, match="min_g2"):
        keyness_of(terms, DOCS, ["a"], min_g2=-1)


def test_place_names_cover_full_and_short_forms():
    from explore.ingest.gazetteer import place_names

    names = place_names()
    assert {"罗湖区", "罗湖", "深圳市", "深圳", "广东省", "嘉鱼县", "嘉鱼"} <= names
    assert "改革" not in names


def test_term_pair_counts_by_hand():
    from explore.analysis.keywords import term_pair

    terms = pd.DataFrame(
        {"doc_id": ["a", "a", "b", "b"], "term": ["改革", "营商", "改革", "医疗"], "count": [3, 1, 2, 5]}
    )
    sides, chars = sides_of(terms, DOCS, ["a"])
    table = term_pair(sides, **chars, min_count=2).set_index("term")
    assert list(table.index) == ["医疗", "改革"]  # both used 5 times; 营商 (1 use) is below min_count
    assert table.loc["改革", "per_10k_target"] == 300.0 and table.loc["改革", "per_10k_reference"] == 100.0
    assert term_pair(sides.iloc[0:0], **chars).empty


def test_filters_by_province_and_city():
    from explore.analysis.filters import Filters, select_docs

    docs = DOCS.assign(province=["广东省", "河北省"], city=["深圳市", "石家庄市"], doc_type="report", date="")
    assert select_docs(docs, Filters(provinces=("河北省",)))["doc_id"].tolist() == ["b"]
    assert select_docs(docs, Filters(cities=("深圳市",)))["doc_id"].tolist() == ["a"]
    assert select_docs(docs, Filters(provinces=("广东省",), cities=("石家庄市",))).empty
    assert Filters(provinces=("河北省",), cities=("石家庄市",)).describe() == ["河北省", "石家庄市"]


def test_filters_by_genre_and_by_no_genre():
    from explore.analysis.filters import NO_GENRE, Filters, select_docs

    docs = DOCS.assign(province="", city="", doc_type="report", date="", genre=["通知", ""])
    assert select_docs(docs, Filters(genres=("通知",)))["doc_id"].tolist() == ["a"]
    assert select_docs(docs, Filters(genres=(NO_GENRE,)))["doc_id"].tolist() == ["b"]
    assert select_docs(docs, Filters(genres=("通知", NO_GENRE)))["doc_id"].tolist() == ["a", "b"]
    assert select_docs(docs, Filters(genres=("意见",))).empty
    assert Filters(districts=("罗湖区",), genres=("通知",)).describe() == ["罗湖区", "通知"]


def test_scatter_labels_name_the_most_frequent_and_never_overlap():
    from explore.analysis.keywords import scatter_labels

    table = pd.DataFrame(
        {
            "term": ["甲", "乙", "丙", "丁"],
            "a": [10.0, 10.1, 0.0, 5.0],
            "b": [10.0, 10.0, 0.0, 0.5],
            "total": [9, 8, 7, 1],
        }
    )
    named = scatter_labels(table, x="a", y="b", rank_by="total", n=3)
    # 乙 sits on 甲, so the next free place goes to 丙 and then 丁
    assert named["term"].tolist() == ["甲", "丙", "丁"]
    assert scatter_labels(table, x="a", y="b", rank_by="total", n=1)["term"].tolist() == ["甲"]
    assert scatter_labels(table.iloc[:0], x="a", y="b", rank_by="total").empty
