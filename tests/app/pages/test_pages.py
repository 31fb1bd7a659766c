"""Every page, driven by widget key: filters change, no exception, table contents asserted."""

from __future__ import annotations

import pytest

from explore.ingest.pinyin import sort_key
from tests.app.pages.conftest import open_page
from tests.conftest import SEEDS

# AppTest does not expose a dataframe's key, so tables are found by the columns they must have.
TABLES = {
    "overview_docs": ("doc_id", "n_paragraphs", "repaired_spans"),
    "district_docs": ("doc_id", "title", "n_chars"),
    "district_keyness": ("term", "log_likelihood", "log_ratio"),
    "district_sentences": ("sentence", "score"),
    "kw_table": ("term", "per_10k_chars", "pos"),
    "kw_kwic": ("left", "match", "right"),
    "theme_timeline": ("district", "year", "theme", "n_chars"),
    "theme_passages": ("text", "mentions"),
    "kwic_table": ("left", "match", "right"),
    "items_table": ("level", "tier", "number", "title", "lead", "item_id"),
    "district_items": ("level", "tier", "number", "title", "lead", "theme"),
}


def _by_key(at, key: str):
    for df in at.dataframe:
        if all(col in df.value.columns for col in TABLES[key]):
            return df.value
    raise AssertionError(f"no table {key!r} on the page")


def test_overview_lists_the_seeds(page):
    at = page("overview")
    docs = _by_key(at, "overview_docs")
    assert len(docs) == 5
    assert at.metric[0].value == "5"
    at.multiselect(key="f_district").set_value(["罗湖区"]).run()
    assert not at.exception
    assert _by_key(at, "overview_docs")["year"].tolist() == [2017, 2020]
    assert at.query_params["district"] in ("罗湖区", ["罗湖区"])


def test_filters_come_from_the_url(page):
    at = page("overview", district="福田区")
    assert _by_key(at, "overview_docs")["doc_id"].tolist() == ["002_bc0693a77c45025f"]


def test_genre_filter_from_the_sidebar_and_the_url(page):
    at = page("overview")
    assert at.multiselect(key="f_genres").options == ["通知", "(none)"]  # the seeds' one notice, and the rest
    at.multiselect(key="f_genres").set_value(["通知"]).run()
    shown = _by_key(at, "overview_docs")
    assert shown[["doc_number", "genre"]].values.tolist() == [["罗办发〔2017〕1号", "通知"]]
    assert at.query_params["genre"] in ("通知", ["通知"])
    assert len(_by_key(page("overview", genre="(none)"), "overview_docs")) == 4


def test_year_filter(page):
    at = page("overview")
    at.slider(key="f_years").set_value((2020, 2021)).run()
    assert sorted(_by_key(at, "overview_docs")["year"]) == [2020, 2021]
    assert at.query_params["from"] in ("2020", ["2020"])


def test_district_summary(page):
    at = page("district")
    at.selectbox(key="district_pick").set_value("罗湖区").run()
    assert not at.exception
    assert len(_by_key(at, "district_docs")) == 2
    keyness = _by_key(at, "district_keyness")
    assert len(keyness) > 0 and (keyness["log_likelihood"] >= 3.84).all() and (keyness["log_ratio"] > 0).all()
    assert not {"罗湖", "罗湖区", "深圳"} & set(keyness["term"])  # place names left out by default
    sentences = _by_key(at, "district_sentences")
    assert set(sentences["doc_id"]) <= {"001_3c0b11c1ebd16181", "004_dfc0eb8523fa337d"}
    at.toggle(key="district_no_places").set_value(False).run()
    assert {"罗湖", "罗湖区"} & set(_by_key(at, "district_keyness")["term"])
    # Luohu against Longgang only
    at.selectbox(key="district_vs").set_value("龙岗区").run()
    assert not at.exception and len(_by_key(at, "district_keyness")) > 0


def test_district_summary_works_whatever_the_sidebar_district(page):
    at = page("district", district="罗湖区")
    assert not at.exception
    assert len(_by_key(at, "district_keyness")) > 0  # the other districts are still there to compare with
    assert any("do not apply on this page" in c.value for c in at.caption)


def test_keywords_controls(page):
    at = page("keywords")
    table = _by_key(at, "kw_table")
    assert table.iloc[0]["term"] == "改革"
    at.text_input(key="kw_stop").input("改革").run()
    assert "改革" not in set(_by_key(at, "kw_table")["term"])
    at.radio(key="kw_pos").set_value("verbs").run()
    assert not at.exception
    at.slider(key="kw_minlen").set_value(4).run()
    assert (_by_key(at, "kw_table")["term"].str.len() >= 4).all()
    at.text_input(key="kw_terms").input("先行示范").run()
    at.slider(key="kw_minlen").set_value(2).run()
    at.selectbox(key="kw_pick").set_value(_by_key(at, "kw_table")["term"].iloc[0]).run()
    assert len(_by_key(at, "kw_kwic")) > 0


def test_themes_page(page):
    at = page("themes")
    at.selectbox(key="theme_pick").set_value("营商环境").run()
    timeline = _by_key(at, "theme_timeline")
    assert set(timeline["theme"]) == {"营商环境"} and len(timeline) == 5
    at.selectbox(key="theme_district").set_value("罗湖区").run()
    passages = _by_key(at, "theme_passages")
    assert len(passages) > 0 and set(passages["district"]) == {"罗湖区"}


def test_kwic_page(page):
    at = page("kwic")
    at.text_input(key="kwic_query").input("强区放权").run()
    lines = _by_key(at, "kwic_table")
    assert len(lines) > 0 and set(lines["match"]) == {"强区放权"}
    assert "001_3c0b11c1ebd16181" in set(lines["doc_id"])  # found in the Traditional document
    at.radio(key="kwic_where").set_value("As written").run()
    assert set(_by_key(at, "kwic_table")["match"]) <= {"强区放权", "強區放權"}
    # sorted by the first word to the right, AntConc's R1
    at.text_input(key="kwic_query").input("营商环境").run()
    at.radio(key="kwic_where").set_value("Simplified").run()
    at.selectbox(key="kwic_sort").set_value("R1").run()
    r1 = _by_key(at, "kwic_table")["R1"].tolist()
    assert len(r1) > 5 and r1 == sorted(r1, key=sort_key) != sorted(r1)  # pinyin order, not code points
    assert not at.exception


@pytest.mark.parametrize("mode", ["Whole documents", "Aligned"])
def test_compare_page(page, mode):
    at = page("compare")
    at.selectbox(key="cmp_left").set_value("001_3c0b11c1ebd16181")
    at.selectbox(key="cmp_right").set_value("004_dfc0eb8523fa337d")
    at.text_input(key="cmp_terms").input("改革")
    at.radio(key="cmp_mode").set_value(mode).run()
    assert not at.exception
    shown = [m.value for m in at.markdown]
    assert any(":orange-background[改革]" in m for m in shown)
    assert not any("None" in m for m in shown)  # an unmatched side is blank
    if mode == "Aligned":
        # the two Luohu plans share wording: pairs show it green, with a quiet similarity
        assert any(":green-background[" in m for m in shown)
        assert any(c.value.startswith("similarity ") for c in at.caption)
        at.number_input(key="cmp_from").set_value(30).run()
        assert not at.exception
        assert any("**Left ¶30**" in m.value for m in at.markdown)
    # the text as written (its own column, not the Simplified one) shows in either mode
    at.radio(key="cmp_script").set_value("As written").run()
    assert not at.exception
    assert any(":orange-background[改革]" in m.value for m in at.markdown)


def test_reform_items_page(page):
    at = page("items")
    table = _by_key(at, "items_table")
    assert len(table) == 13 + 67 + 9 + 13 + 11
    at.multiselect(key="items_tier").set_value(["前期探索改革项目"]).run()
    at.multiselect(key="items_level").set_value(["project"]).run()
    assert not at.exception
    assert _by_key(at, "items_table")["title"].tolist() == [
        "政府投资项目运行机制改革",
        "区属国有企业改革",
        "生态文明管理体制机制改革",
    ]
    at.selectbox(key="items_pick").set_value(_by_key(at, "items_table")["item_id"].iloc[1]).run()
    assert not at.exception
    assert any("区属国有企业改革" in m.value for m in at.markdown)
    # the item's own text, which the table leaves out, is read when the item is opened
    from explore.store.load import load_corpus

    items = load_corpus(SEEDS).items
    last_line = items.loc[items["title"] == "区属国有企业改革", "text"].iloc[0].split("\n")[-1]
    assert any(last_line[:12] in m.value for m in at.markdown), last_line
    assert "text" not in _by_key(at, "items_table").columns
    children = [df.value for df in at.dataframe if list(df.value.columns) == ["number", "title", "lead"]]
    assert len(children) == 1 and len(children[0]) == 5


def test_reform_items_lead_filter(page):
    at = page("items", district="坪山区")
    at.selectbox(key="items_lead").set_value("区长陶永欣").run()
    assert _by_key(at, "items_table")["title"].tolist() == ["民生诉求渠道流程优化改革"]


def test_district_page_shows_its_items(page):
    at = page("district")
    at.selectbox(key="district_pick").set_value("坪山区").run()
    assert len(_by_key(at, "district_items")) == 9


def test_an_empty_result_names_its_filters_and_clears_them(page):
    at = page("overview")
    at.multiselect(key="f_district").set_value(["罗湖区"]).run()
    at.multiselect(key="f_types").set_value(["news report"]).run()
    at.slider(key="f_years").set_value((2017, 2018)).run()
    assert any("district 罗湖区" in w.value and "years 2017–2018" in w.value for w in at.warning)
    at.button(key="clear_filters").click().run()
    assert not at.exception
    assert at.multiselect(key="f_district").value == [] and at.multiselect(key="f_types").value == []
    assert len(_by_key(at, "overview_docs")) == 5


def test_pages_show_the_command_that_writes_their_table(page):
    at = page("kwic")
    assert any(c.value.startswith("python -m explore export kwic") and "营商环境" in c.value for c in at.code)
    at = page("items")
    assert any(c.value.startswith("python -m explore export items") for c in at.code)


def test_a_long_table_shows_its_first_rows_and_says_so(page, monkeypatch):
    from explore.app.pages import common

    monkeypatch.setattr(common, "SHOWN_ROWS", 5)
    at = page("items")
    n = 13 + 67 + 9 + 13 + 11  # the seeds' plan items, as test_reform_items_page counts them
    assert len(_by_key(at, "items_table")) == 5
    assert any(f"The first 5 of {n} rows are shown" in c.value for c in at.caption), [c.value for c in at.caption]
    assert any(f"Download CSV ({n} rows)" in b.label for b in at.get("download_button"))  # every row


def test_a_theme_s_passages_show_their_first_and_download_them_all(monkeypatch, downloads):
    from explore.app import computed

    monkeypatch.setattr(computed, "PASSAGES_SHOWN", 2)
    computed.theme_passages.clear()  # cached with the page's own number
    at = open_page("themes", theme_pick="营商环境")
    computed.theme_passages.clear()
    shown, everything = _by_key(at, "theme_passages"), downloads["dl_passages"]
    assert len(shown) == 2 and len(everything) > 2
    assert shown["text"].tolist() == everything["text"].head(2).tolist()
    assert everything["mentions"].is_monotonic_decreasing and everything["text"].str.len().min() > 0
