"""Units by their form: names from documents of many provinces, and words that only look like one."""

import pytest

from explore.ingest.units import is_unit, split_units, unglued, unit_at, vocabulary


@pytest.mark.parametrize(
    "name",
    [
        "广东省发展和改革委员会",  # Guangdong
        "北京市大兴区发展改革委",  # Beijing
        "浙江省嘉兴市海盐县财政局",  # Zhejiang
        "四川省达州市大竹县民政局",  # Sichuan
        "湖南省岳阳市岳阳楼区人社局",  # Hunan
        "河南省平顶山市水利局",  # Henan
        "江西省南昌市新建区城管局",  # Jiangxi
        "陕西省洋县交通局",  # Shaanxi
        "江苏省南通市崇川区城管局",  # Jiangsu
        "安徽省池州市贵池区卫生健康委",  # Anhui
        "汤溪镇人大主席团",  # Zhejiang (a town's people's congress presidium)
        "婺城区政协",
        "重庆市沙坪坝区人民政府督查办",  # Chongqing
        "湖北省监利县委县政府督查室",  # Hubei
        "山东省青岛市市南区八大湖街道办事处",  # Shandong
        "辽宁省大连市甘井子区人民法院",  # Liaoning
        "云南省昆明市官渡区科技局",  # Yunnan
        "贵州省贵阳市税务局",  # Guizhou
        "黑龙江省哈尔滨市道里区检察院",  # Heilongjiang
        "广西壮族自治区南宁市青秀区财政局",  # Guangxi
        "新疆维吾尔自治区乌鲁木齐市水磨沟区教育局",  # Xinjiang
        "咸阳市行政审批制度改革工作领导小组办公室",  # Shaanxi (咸阳 2022 放管服 work points)
        "区委（区政府）办公室",  # a bracket inside
        "区发展改革委(粮食和储备局)",  # a bracket closing it
        "县交通 运输局",  # a space left by a table's line break
        "農(nóng)林水務(wù)局",  # a mirror's pinyin readings
        "县委",
        "县五城办",
        "海关总署",
        "市场监管总局",
        "人力资源社会保障部",
        "国家发展改革委",
        "各区",
        "各有关部门",
        "市公安局交警支队",
        "县示范区管委会",
        "综合科",  # a bureau's sections, the units of its own work points (a county bureau, 政务公开)
        "局政策法规科",
    ],
)
def test_units_are_recognised_by_their_form(name):
    assert is_unit(name)


@pytest.mark.parametrize(
    "text",
    ["干部", "基层干部", "新格局", "城乡结合部", "全面执行", "推进改革", "中心", "全社会", "督办", "2021年",
     "深化改革，推进", "各区要加强", "部署", "大会", "加快推进项目建设进度", "",
     "学科", "本科", "内科",
     "新建文化站", "改造农村供水站", "建设便民服务室", "全区城镇", "全市各部门",
     "某某市人民政府门户网站", "门户网站", "政府网站"],  # a site's name over a page  # a task naming a facility; the whole of a place
)  # fmt: skip
def test_look_alikes_are_not_units(text):
    assert not is_unit(text)


def test_a_body_named_by_a_task_word_stays_one():
    assert is_unit("建设局") and is_unit("县建设局") and is_unit("推进办") and is_unit("全国妇联")


@pytest.mark.parametrize(
    ("text", "units"),
    [
        ("国家发展改革委、财政部、人力资源社会保障部等按职责分工负责", ["国家发展改革委", "财政部", "人力资源社会保障部"]),
        ("国家发展改革委、市场监管总局等国务院相关部门及各地区按职责分工负责",
         ["国家发展改革委", "市场监管总局", "国务院相关部门", "各地区"]),
        ("市工业和信息化委、水利局", ["市工业和信息化委", "水利局"]),  # 和 inside a name stays
        ("省高等教育厅、省财政厅等部门负责", ["省高等教育厅", "省财政厅"]),  # 等 inside a name stays
        ("2025年底前完成", []),
        ("", []),
        # a field's bureau written once after the fields (广西 2005: 由县民族局、水利、电力部门共同组织实施)
        ("县民族局、水利、电力部门", ["县民族局", "水利", "电力部门"]),
        ("深化改革、财政局", ["财政局"]),  # a task's opening is no field
        # a list inside a name's bracket is the name's (嘉兴 2006, 云浮 2019's angle brackets)
        ("市发展改革委、各县(市、区)政府", ["市发展改革委", "各县(市、区)政府"]),
        ("市教育局,市委农办,各县<市、区>人民政府", ["市教育局", "市委农办", "各县<市、区>人民政府"]),
    ],
)  # fmt: skip
def test_lists_of_units(text, units):
    assert split_units(text) == units


def test_names_a_page_ran_together_are_parted_where_the_next_opens_on_its_place():
    # 旌阳 2016 (a cell of two units, no separator), 嘉兴 2006 (市发展改革委市经贸委)
    assert split_units("区发改局区统计局、区财政局") == ["区发改局", "区统计局", "区财政局"]
    assert unglued("省发展改革委省财政厅") == ["省发展改革委", "省财政厅"]
    assert unglued("县人民政府办公室县财政局") == ["县人民政府办公室", "县财政局"]
    # one name, however many organ endings it passes: the next part opens on no place
    for name in (
        "市委组织部",
        "区委（区政府）办公室",
        "市公安局交警支队",
        "市发展和改革委员会",
        "区人力资源和社会保障局",
    ):
        assert unglued(name) == [name]
    # 吉林 2014 (eval/dev): a body's branch, named after it, is one unit
    assert split_units("人民银行长春中心支行、省财政厅") == ["人民银行长春中心支行", "省财政厅"]
    assert unglued("国家税务总局深圳市税务局") == ["国家税务总局深圳市税务局"]
    text = "区人力社保局根据市人力社保局通知"
    assert text[: unit_at(text, 0)] == "区人力社保局"
    assert unit_at("根据通知要求", 0) is None


def test_the_vocabulary_refuses_a_line_outside_any_section(tmp_path):
    bad = tmp_path / "units.txt"
    bad.write_text("局\n[organs]\n委\n", encoding="utf-8")
    with pytest.raises(ValueError, match="line 1"):
        vocabulary(bad)


def test_places_that_share_one_government_written_once():
    # 黑龙江 稳增长措施: the seat (市政府, 县政府) is written after the last place only
    assert split_units("哈尔滨机场扩建指挥部、哈尔滨、黑河、绥芬河市政府、省农垦总局负责") == [
        "哈尔滨机场扩建指挥部", "哈尔滨", "黑河", "绥芬河市政府", "省农垦总局"
    ]  # fmt: skip
    assert split_units("省发改委、交通运输厅、相关市、县政府负责") == ["省发改委", "交通运输厅", "相关市", "县政府"]
    # a piece that is no place stays out, and so does a place before an organ that is no seat
    assert split_units("推进改革、市发改委") == ["市发改委"]
    assert split_units("哈尔滨、市发改委") == ["市发改委"]
    assert is_unit("吴江海关") and is_unit("南京海关") and not is_unit("海关")  # customs, by place


@pytest.mark.parametrize("name", ["區婦聯", "縣殘聯", "區衛生健康局", "縣發展和改革局", "市場監管總局"])
def test_traditional_names_are_units_as_their_simplified_forms_are(name):
    assert is_unit(name)


@pytest.mark.parametrize("name", ["區域格局", "幹部", "聯繫"])
def test_traditional_look_alikes_are_not_units(name):
    assert not is_unit(name)
