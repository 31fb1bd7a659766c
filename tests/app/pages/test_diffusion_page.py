"""The Who said it first page on the seeds: the same first uses as the hand count."""


def test_first_uses_of_a_term_and_of_a_theme(page):
    at = page("diffusion")
    first = next(df.value for df in at.dataframe if "lag_years" in df.value.columns)
    assert first["district"].tolist() == ["龙岗区", "罗湖区", "福田区"]
    assert any("export diffusion --corpus seeds --term" in c.value and "营商环境" in c.value for c in at.code)
    at.text_input(key="diff_terms").input("").run()
    at.selectbox(key="diff_theme").set_value("人才").run()
    assert not at.exception
    first = next(df.value for df in at.dataframe if "lag_years" in df.value.columns)
    assert first["district"].tolist()[:2] == ["罗湖区", "坪山区"]
    assert set(first["tie"].iloc[:2]) == {"order within 2017 unknown"}


def test_a_term_nobody_uses(page):
    at = page("diffusion")
    at.text_input(key="diff_terms").input("不存在的词语").run()
    assert not at.exception
    assert any("No dated document" in i.value for i in at.info)
