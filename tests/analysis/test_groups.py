"""Documents without a district are grouped by the body above them, never lumped together."""

import pandas as pd

from explore.analysis.filters import NO_DISTRICT, Filters, groups_of, place_groups, select_docs

DOCS = pd.DataFrame(
    {
        "doc_id": ["county", "city", "province", "council", "none", "municipal", "about"],
        "district": ["罗湖区", "", "", "", "", "", "南沙区"],
        "city": ["深圳市", "广州市", "", "", "", "重庆市", "广州市"],
        "province": ["广东省", "广东省", "广东省", "", "", "重庆市", "广东省"],
        # a national body's document about a district stays national
        "level": ["county", "city", "province", "national", "", "province", "national"],
    }
)


def test_each_level_is_a_group_of_its_own():
    assert place_groups(DOCS).tolist() == [
        "罗湖区", "广州市 · city level", "广东省 · province level", "national level", "unplaced",
        "重庆市 · province level", "national level",
    ]  # fmt: skip
    assert place_groups(DOCS.iloc[:0]).empty


def test_a_body_below_the_places_it_names_keeps_its_level():
    # 房县's plan names only 十堰市; 宁波's newspaper page names only 浙江
    docs = pd.DataFrame({
        "doc_id": ["fangxian", "ningbo", "nowhere"], "district": ["", "", ""], "city": ["十堰市", "", ""],
        "province": ["湖北省", "浙江省", ""], "level": ["county", "city", "county"],
    })  # fmt: skip
    assert place_groups(docs).tolist() == ["十堰市 · county level", "浙江省 · city level", "unplaced"]


def test_groups_of_another_frame_by_doc_id():
    items = pd.DataFrame({"doc_id": ["council", "county", "council"]})
    assert groups_of(items, DOCS).tolist() == ["national level", "罗湖区", "national level"]


def test_the_filter_takes_a_group_and_the_old_name_of_all_of_them():
    assert select_docs(DOCS, Filters(districts=("广州市 · city level",)))["doc_id"].tolist() == ["city"]
    old = select_docs(DOCS, Filters(districts=(NO_DISTRICT,)))["doc_id"].tolist()
    assert old == ["city", "province", "council", "none", "municipal"]
