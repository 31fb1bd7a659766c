"""Plans carried out on the seeds: 罗湖区's 2017 plan read against its 2020 reforms."""


def _frame(at, column):
    return next(df.value for df in at.dataframe if column in df.value.columns)


def test_luohus_plan_opens_first_with_its_later_mentions(page):
    at = page("followthrough")
    assert not at.exception
    items = _frame(at, "within_2_years")
    assert len(items) == 80 and set(items["plan_doc_id"]) == {"001_3c0b11c1ebd16181"}
    mentions = _frame(at, "passage")
    assert len(mentions) == int((items["mentions"] > 0).sum()) > 0  # one later document: a mention an item
    assert set(mentions["later_year"]) == {2020} and mentions["similarity"].ge(0.2).all()
    assert any("家庭医生" in p for p in mentions["passage"])  # 创新家庭医生推广机制, reported in 2020
    assert at.metric[0].value == "80"
    plans = _frame(at, "later_documents")
    assert plans.set_index("plan_doc_id").loc["001_3c0b11c1ebd16181", "later_documents"] == 1


def test_a_higher_similarity_keeps_fewer_mentions(page):
    low = _frame(page("followthrough"), "passage")
    high = _frame(page("followthrough", ft_min="0.3"), "passage")
    assert len(high) < len(low) and high["similarity"].ge(0.3).all()


def test_no_plan_among_the_filtered_documents_is_said(page):
    at = page("followthrough", district="福田区")
    assert any("No filtered document lists plan items" in i.value for i in at.info)


def test_each_plan_is_offered_by_its_year_place_title_and_items(page):
    at = page("followthrough")
    options = at.selectbox(key="ft_plan").options
    chosen = at.selectbox(key="ft_plan").value
    assert chosen.startswith("2017 · 罗湖区 · ") and chosen.endswith(" (80 items)")
    assert len(set(options)) == len(options)  # two plans alike stay two
