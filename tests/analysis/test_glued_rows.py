"""A task table whose cells a page ran together with nothing between them, read by its
run-together header, its counting row numbers and the unit that starts after each task's end."""

from explore.analysis.glued_rows import glued_rows
from explore.ingest.units import unit_at
from tests.analysis.test_items import items_of


def rows_of(*lines: str) -> list[tuple[object, ...]]:
    return [(r["number"], r["task"], r["lead"], r["partners"]) for r in glued_rows(list(enumerate(lines, 1)))]


def test_a_district_portal_table_one_row_a_line():
    # a Beijing district's year-end review: category, number, task, lead, completion run together
    assert rows_of(
        "西城区政府2020年重点工作任务目标全年完成情况",
        "类别序号重点督办内容牵头单位全年完成情况",
        "经济社会发展主要预期目标1地区生产总值增长6%左右。区发展改革委西城区地区生产总值增速调整为正增长。",
        "经济社会发展主要预期目标2区级一般公共预算收入增长2%左右。区财政局截至12月31日,全年收入完成413.84亿元。",
        "经济社会发展主要预期目标3城镇登记失业率控制在1.5%以内。区人力社保局根据市人力社保局通知要求,扩展统计范围。",
    ) == [
        ("1", "地区生产总值增长6%左右。", "区发展改革委", ""),
        ("2", "区级一般公共预算收入增长2%左右。", "区财政局", ""),
        ("3", "城镇登记失业率控制在1.5%以内。", "区人力社保局", ""),  # not on into 根据市人力社保局
    ]


def test_a_whole_table_in_one_line_with_two_unit_columns():
    # a Zhejiang city's five-year targets on a document-sharing site: 第一责任单位 then 主要责任单位
    line = (
        "—1—主要目标任务分解落实方案序号主要工作任务第一责任单位主要责任单位一、主要发展指标"
        "1地区生产总值年均增长12%左右。市发展改革委各县(市、区)政府"
        "2地方财政收入年均增长13%。市财政局各县(市、区)政府、市国税局"
        "3单位生产总值综合能耗下降20%。市发展改革委市经贸委、市统计局"
    )
    assert rows_of(line) == [
        ("1", "地区生产总值年均增长12%左右。", "市发展改革委", "各县(市、区)政府"),
        ("2", "地方财政收入年均增长13%。", "市财政局", "各县(市、区)政府、市国税局"),
        ("3", "单位生产总值综合能耗下降20%。", "市发展改革委", "市经贸委、市统计局"),
    ]


def test_a_count_in_a_row_is_no_row_number():
    # "完成2个项目" in row 1's progress: 2 is a count, row 2 starts where its number does
    assert [r[0:3] for r in rows_of(
        "序号工作任务牵头单位进展情况",
        "1新建幼儿园3所。县教育局已完成2个项目,其余在建。",
        "2改造农村公路50公里。县交通运输局完成年度任务。",
    )] == [("1", "新建幼儿园3所。", "县教育局"), ("2", "改造农村公路50公里。", "县交通运输局")]  # fmt: skip


def test_no_table_without_a_header_naming_a_unit_column():
    assert rows_of("序号工作任务完成时限进展情况", "1新建幼儿园3所。县教育局已完成。") == []
    assert rows_of("1新建幼儿园3所。县教育局已完成。", "2改造农村公路50公里。县交通运输局完成。") == []
    assert rows_of() == []


def test_no_row_whose_task_ends_on_no_unit():
    assert rows_of("序号工作任务牵头单位进展情况", "1新建幼儿园3所。已完成主体工程。") == []


def test_a_name_grows_through_its_bracket_and_its_organ_but_not_into_the_next_name():
    text = "区委（区政府）办公室负责"
    assert text[: unit_at(text, 0)] == "区委（区政府）办公室"
    text = "市发展改革委市经贸委"
    assert text[: unit_at(text, 0)] == "市发展改革委"
    assert unit_at("根据通知要求", 0) is None


def test_the_items_table_takes_the_rows_when_no_other_reader_found_an_item():
    items = items_of(
        "序号重点督办内容牵头单位全年完成情况",
        "1地区生产总值增长6%左右。区发展改革委全年增长-1.1%。",
        "2区级一般公共预算收入增长2%左右。区财政局完成调整后目标。",
    )
    assert list(items["lead"]) == ["区发展改革委", "区财政局"]
    assert set(items["lead_rule"]) == {"glued cells"}


def test_a_leaders_cell_glued_before_the_unit_is_no_part_of_it():
    # 钟楼区 2021 (a document site's preview, eval tune half): 区政府分管领导 before 牵头单位
    assert rows_of(
        "序号项目名称主要内容区政府分管领导牵头单位配合单位1增加教育资源供给新建学校12个。何海平教育局经开区各街道"
        "2促进就业稳定增长全区城镇新增就业15000人。张菁人社局各街道"
    ) == [
        ("1", "增加教育资源供给新建学校12个。", "教育局", ""),
        ("2", "促进就业稳定增长全区城镇新增就业15000人。", "人社局", "各街道"),
    ]
    # without a leader's column a unit is read whole
    assert rows_of("序号工作任务牵头单位1新建学校12个。区教育局2新增就业1万人。区人社局")[0][2] == "区教育局"


def test_the_rows_replace_items_that_named_no_lead():
    # a document site numbers its page chunks (1、 2、): lead-less items, where the table gives leads
    items = items_of(
        "1、2021年重点项目分解表序号项目名称牵头单位配合单位1新建学校12个。区教育局区财政局",
        "2、)各街道2新增就业1万人。区人社局各街道3新建公园2个。区住建局各街道",
    )
    assert list(items["lead"]) == ["区教育局", "区人社局", "区住建局"]


def test_the_whole_of_a_place_opens_no_units_name():
    assert unit_at("全区城镇新增就业", 0) is None and unit_at("全市发展改革委", 0) is None
    assert unit_at("全国妇联", 0) == 4 and unit_at("慈城镇", 0) == 3
