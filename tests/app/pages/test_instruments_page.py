"""Policy instruments on the seeds: the two-dimension table, its cells' fragments and the
columns of a second dimension."""


def _frame(at, column):
    return next(df.value for df in at.dataframe if column in df.value.columns)


def test_each_column_of_shares_sums_to_one_and_the_cell_lists_its_fragments(page):
    at = page("instruments", in_across="year", in_code="需求型/示范工程", in_value="2017")
    assert not at.exception
    table = _frame(at, "share_within")
    assert set(table["type"]) == {"供给型", "环境型", "需求型"}
    sums = table[table["type"] != ""].groupby("year")["share_within"].sum()
    assert all(abs(s - 1) < 0.01 for s in sums)  # every year of the seeds has coded fragments
    behind = _frame(at, "text")
    cell = table[(table["code"] == "需求型/示范工程") & (table["year"] == 2017)]["fragments"].iloc[0]
    assert len(behind) == cell > 0
    assert all(("示范" in t or "试点" in t or "先行" in t or "样板" in t or "标杆" in t) for t in behind["text"])


def test_theme_columns_and_a_cell_without_fragments(page):
    at = page("instruments", in_across="level", in_code="需求型/政府采购")
    assert not at.exception
    table = _frame(at, "share_within")
    assert "level" in table.columns and "county" in set(table["level"])
    assert len(at.get("vega_lite_chart")) + len(at.get("arrow_vega_lite_chart")) >= 2
