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
