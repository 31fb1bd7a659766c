"""The Figures page on the seeds: filters narrow the table, the chart takes a unit."""


def test_figures_page_filters(page):
    at = page("figures")
    table = next(df.value for df in at.dataframe if "status" in df.value.columns)
    assert len(table) > 50 and {"amount", "count", "share"} <= set(table["kind"])
    at.multiselect(key="fig_status").set_value(["target"]).run()
    at.text_input(key="fig_words").input("投资").run()
    assert not at.exception
    table = next(df.value for df in at.dataframe if "status" in df.value.columns)
    assert set(table["status"]) == {"target"} and table["sentence"].str.contains("投资").all()
    assert "96.2亿元" in set(table["figure"])
    at.selectbox(key="fig_unit").set_value("元").run()
    assert not at.exception
