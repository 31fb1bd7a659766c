"""The Codes page: counts and coded paragraphs from the starter codebook; a bad codebook is
reported, not raised."""


def test_codes_page(page):
    at = page("codes")
    counts = next(df.value for df in at.dataframe if "share" in df.value.columns)
    assert set(counts["code"]) == {"regulation", "spending and tax", "information", "organisation and process"}
    at.selectbox(key="codes_pick").set_value("information").run()
    coded = next(df.value for df in at.dataframe if "code" in df.value.columns and "text" in df.value.columns)
    assert set(coded["code"]) == {"information"} and len(coded) > 5
    at.text_area(key="codebook_edit").input("*x\n(改革").run()
    assert not at.exception
    assert any("cannot be read" in e.value for e in at.error)


def test_the_coded_paragraphs_show_their_first_rows_text_and_download_every_row(monkeypatch, downloads):
    import pandas as pd

    from explore.app.pages import common
    from tests.app.pages.conftest import open_page

    monkeypatch.setattr(common, "SHOWN_ROWS", 3)
    at = open_page("codes", codes_pick="regulation")
    shown = next(df.value for df in at.dataframe if "text" in df.value.columns)
    everything = downloads["dl_coded"]
    assert len(shown) == 3 and len(everything) > 3 and set(everything["code"]) == {"regulation"}
    pd.testing.assert_frame_equal(shown.reset_index(drop=True), everything.head(3).reset_index(drop=True))
    assert everything["text"].str.len().min() > 0
