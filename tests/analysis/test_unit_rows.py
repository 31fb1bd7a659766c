"""A numbered table read by its cells of nothing but units, when no header, label or note names them."""

from explore.analysis.unit_rows import unit_cell_rows
from tests.analysis.test_items import items_of


def paras(*lines: str) -> list[tuple[int, str]]:
    return list(enumerate(lines, 1))


def rows_of(*lines: str) -> list[tuple[object, ...]]:
    return [(r["number"], r["task"], r["lead"], r["partners"]) for r in unit_cell_rows(paras(*lines))]


def test_a_table_whose_header_was_lost_one_cell_a_line():
    # a county's livelihood table: number, task, unit, progress
    assert rows_of(
        "1", "新建公办幼儿园2所", "县教育局", "已完成主体工程",
        "2", "改造农村公路50公里", "县交通运输局", "完成年度任务的60%",
        "3", "实施城乡居民两癌免费筛查", "县卫生健康局", "正在推进",
    ) == [
        ("1", "新建公办幼儿园2所", "县教育局", ""),
        ("2", "改造农村公路50公里", "县交通运输局", ""),
        ("3", "实施城乡居民两癌免费筛查", "县卫生健康局", ""),
    ]  # fmt: skip


def test_rows_set_out_with_spaces_and_a_sub_row_with_its_own_unit():
    # a city's progress table (Hunan, 2019): the unit is the last field, under 备注; bare 妇联
    assert rows_of(
        "序号 考核指标 单 位 工作目标 已完成数 占年任务之比 备  注",
        "1 城镇新增就业 万人 5.2 7.23  139.1% 人力资源社会保障局",
        "2 自然村通水泥(沥青)路 公里  1360 1361.92  100.1% 交通局",
        "提质改造农村公路 公里  168 171.70  102.2%",
        "3 农村适龄妇女“两癌”免费检查 93215 106345 114.1% 妇联",
        "孕产妇免费产前筛查 万人 3.31 3.49  105.3% 卫健委",
    ) == [
        ("1", "城镇新增就业", "人力资源社会保障局", ""),
        ("2", "自然村通水泥(沥青)路", "交通局", ""),
        ("3", "农村适龄妇女“两癌”免费检查", "妇联", ""),
        ("", "孕产妇免费产前筛查", "卫健委", ""),
    ]


def test_units_that_open_their_rows_content_and_a_name_broken_over_two_lines():
    # a district's task split in Traditional (Zhejiang, 2023): 项目 / 责任单位 / 建设内容
    assert rows_of(
        "1", "完善交通基礎設施", "區城市管理", "執法局", "實施宏圖路提升改造工程。", "48414",
        "區住建局", "實施寺慈線路面提升工程。", "1000",
        "2", "提升區域防洪能力", "區農業農村局", "實施洋市中心河道整治工程。",
        "3", "改善農村人居環境", "區綜合行政執法局", "實施垃圾分類示範村建設。",
    ) == [
        ("1", "完善交通基礎設施", "區城市管理執法局", ""),
        ("", "實施寺慈線路面提升工程。", "區住建局", ""),
        ("2", "提升區域防洪能力", "區農業農村局", ""),
        ("3", "改善農村人居環境", "區綜合行政執法局", ""),
    ]  # fmt: skip


def test_a_generic_unit_after_a_named_one_is_a_partner_and_a_column_name_is_no_unit():
    # a district's five-year plan split (Shanghai, 2006): 牵头部门 / 相关责任部门
    assert rows_of(
        "序号", "工作任务", "牵头部门", "相关责任部门",
        "1", "继续全面推进素质教育", "教育局", "相关部门",
        "2", "深化推进二期课程教材改革", "教育局",
        "3", "加强婴幼儿早期教育", "教育局", "卫生局",
    ) == [
        ("1", "继续全面推进素质教育", "教育局", "相关部门"),
        ("2", "深化推进二期课程教材改革", "教育局", ""),
        ("3", "加强婴幼儿早期教育", "教育局、卫生局", ""),
    ]  # fmt: skip


def test_no_table_without_three_numbered_rows_that_name_units():
    assert rows_of("1", "新建公办幼儿园2所", "县教育局", "2", "改造农村公路", "县交通运输局") == []
    # units without numbered rows: a sponsor list, a signature
    assert rows_of("主办单位", "市委宣传部", "承办单位", "市文广旅局", "协办单位", "市教育局") == []
    assert rows_of("1", "新建公办幼儿园2所", "2", "改造农村公路", "3", "建设文化广场") == []
    assert rows_of() == []


def test_a_document_with_no_item_is_read_by_its_unit_cells():
    table = items_of(
        "2023年民生实事项目进展情况",
        "1", "新建公办幼儿园2所", "县教育局", "已完成主体工程",
        "2", "改造农村公路50公里", "县交通运输局", "完成年度任务的60%",
        "3", "实施城乡居民两癌免费筛查", "县卫生健康局", "正在推进",
    )  # fmt: skip
    assert table["lead"].tolist() == ["县教育局", "县交通运输局", "县卫生健康局"]
    assert set(table["lead_rule"]) == {"unit cell"}
    assert table["title"].tolist() == ["新建公办幼儿园2所", "改造农村公路50公里", "实施城乡居民两癌免费筛查"]


def test_a_document_whose_readers_found_items_keeps_them():
    table = items_of(
        "一、新建公办幼儿园2所（牵头单位：县教育局）",
        "二、改造农村公路50公里",
        "1", "新建文化广场", "县文广旅局",
        "2", "建设养老中心", "县民政局",
        "3", "改造老旧小区", "县住建局",
    )  # fmt: skip
    assert set(table["lead_rule"]) <= {"labelled", "", "table", "unit column"}


def test_a_decimal_figure_in_a_cell_is_no_row_number():
    # 4.52 (万人) in row 3 once opened a row 4 and lost row 3's unit
    assert rows_of(
        "1 城镇新增就业 万人 5.2 7.23  139.1% 人力资源社会保障局",
        "2 自然村通水泥(沥青)路 公里  1360 1361.92  100.1% 交通局",
        "3 新增农村通自来水人口 万人  4.52 5.52  122.0% 水利局",
        "4 减少义务教育大班额1.4万个以上 869 1022 117.6% 教体局",
    ) == [
        ("1", "城镇新增就业", "人力资源社会保障局", ""),
        ("2", "自然村通水泥(沥青)路", "交通局", ""),
        ("3", "新增农村通自来水人口", "水利局", ""),
        ("4", "减少义务教育大班额1.4万个以上", "教体局", ""),
    ]  # fmt: skip


def test_items_that_named_no_lead_give_way_to_the_table():
    # 钟楼区 2021-like: the items read before named no unit; the table's rows do
    table = items_of(
        "一、2021年民生实事项目",
        "1", "新建文化广场", "县文广旅局",
        "2", "建设养老中心", "县民政局",
        "3", "改造老旧小区", "县住建局",
    )  # fmt: skip
    assert list(table["lead"]) == ["县文广旅局", "县民政局", "县住建局"]
    assert set(table["lead_rule"]) == {"unit cell"}


def test_a_signature_and_a_fields_value_are_no_unit_cells():
    # 国办函〔2004〕71号 (a gov.cn dump row, eval/dev): the organ over its date, 发文机关： its name
    assert rows_of(
        "1.关于防治地质灾害问题。", "国土资源部会同民政部研究提出了办理意见。",
        "2.关于生态移民问题。", "发展改革委会同西部开发办研究提出了办理意见。",
        "3.关于森林生态效益补偿问题。", "国务院办公厅", "二〇〇四年十月十五日",
        "发文机关：", "国务院办公厅", "成文日期：", "2004年10月15日",
    ) == []  # fmt: skip


_THREE = (
    "1",
    "新建公办幼儿园2所",
    "县教育局",
    "2",
    "改造农村公路50公里",
    "县交通运输局",
    "3",
    "建设文化广场",
    "县文旅局",
)
_READ = [
    ("1", "新建公办幼儿园2所", "县教育局", ""),
    ("2", "改造农村公路50公里", "县交通运输局", ""),
    ("3", "建设文化广场", "县文旅局", ""),
]


def test_the_organ_signing_under_the_table_and_a_fields_value_join_no_row():
    assert rows_of(*_THREE, "县人民政府", "2023年1月5日") == _READ  # the organ over its date
    assert rows_of(*_THREE, "发文机关：", "县人民政府") == _READ  # a page's field and its value
    assert rows_of(*_THREE, "县人民政府") == [*_READ[:2], ("3", "建设文化广场", "县文旅局、县人民政府", "")]


def test_rows_in_pipes_and_a_row_number_before_its_task_on_one_line():
    assert rows_of("|1|新建公办幼儿园2所|县教育局|", "|2|改造农村公路50公里|县交通运输局|", "|3|建设文化广场|县文旅局|县财政局|") == [
        *_READ[:2], ("3", "建设文化广场", "县文旅局、县财政局", ""),
    ]  # fmt: skip
    # two fields set out with a space are no row of cells: the number and its task
    assert (
        rows_of("1 新建公办幼儿园2所", "县教育局", "2 改造农村公路50公里", "县交通运输局", "3 建设文化广场", "县文旅局")
        == _READ
    )
