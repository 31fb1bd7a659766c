"""Where a document is from: its issuing places, not every place it names."""

import pytest

from explore.ingest.gazetteer import Places
from explore.ingest.places import _bare_county, _organ_lines, _upper, issuing_places


@pytest.mark.parametrize(
    ("text", "title", "expected"),
    [
        # a province's meeting held in a district: the district is only the venue
        ("20日,省政府在高淳区召开全省改善农村人居环境工作会议。高淳区作交流发言。", "全省改善农村人居环境工作会议召开",
         ("", "", "江苏省")),
        # a province's task list naming a city government as a lead unit
        ("牵头单位:杭州市政府、省科技厅。牵头单位:杭州市政府。", "省政府印发2020年政府工作报告重点工作责任分解通知", ("", "", "浙江省")),
        # a province's work points whose body is about its cities (合肥都市圈): the title names the province
        ("深入实施合肥都市圈发展行动计划(合肥市,省发展改革委牵头)。支持合肥市建设。", "安徽省实施一体化发展行动计划2021年工作要点",
         ("", "", "安徽省")),
        # a region's project news in the capital (宁夏 2021, db_06 shaped): the title names the region
        ("银川市重大项目集中开工。银川市共开工项目45个。", "宁夏一季度重大项目集中开工", ("", "", "宁夏回族自治区")),
        # a city's bare name counts for its province, but names the city: the city stays
        ("大连市重点民生工程进展。大连市新建学校。", "2023年大连重点民生工程最新进展", ("", "大连市", "辽宁省")),
        # a city's notice naming a district government as a partner
        ("配合单位:市建委、文化局、黄埔区政府。黄埔区要落实。", "广州市人民政府办公厅关于印发工作事项的通知", ("", "广州市", "广东省")),
        # a county's own report
        ("浮山县第十六届人民代表大会。浮山县全县经济运行平稳,浮山县脱贫攻坚。", "浮山县政府工作报告", ("浮山县", "临汾市", "山西省")),
        # a progress report signed by a district's office whose name is no 政府办公室 (督查办)
        ("区政府:\n现将重点工作推进情况报告如下。\n重庆市沙坪坝区人民政府督查办\n2021年4月8日", "",
         ("沙坪坝区", "重庆市", "重庆市")),
    ],
)  # fmt: skip
def test_issuing_places(text, title, expected):
    got = issuing_places(text, title=title, head=[title])
    assert (got.district, got.city, got.province) == expected


@pytest.mark.parametrize(
    ("text", "title", "head", "expected"),
    [
        ("罗湖区推进改革,罗湖区深化改革。", "罗湖区2019年改革要点", [], ("罗湖区", "深圳市", "广东省")),
        ("罗湖区推进改革,罗湖区深化改革。", "深圳市2019年改革要点", [], ("", "深圳市", "广东省")),
        ("罗湖区推进改革,罗湖区深化改革。", "广东省2019年改革要点", [], ("", "", "广东省")),
        ("罗湖区推进改革,罗湖区深化改革。", "", ["市委办公厅关于印发要点的通知", "罗湖区推进改革"], ("", "深圳市", "广东省")),
        ("罗湖区推进改革,罗湖区深化改革。", "", ["在市委、市政府的坚强领导下,罗湖区全面深化改革,取得显著成效,群众满意度持续提升。"],
         ("罗湖区", "深圳市", "广东省")),
        ("罗湖区推进改革,罗湖区深化改革。", "改革要点", [], ("罗湖区", "深圳市", "广东省")),
        ("各单位推进改革。", "全省改革要点", [], ("", "", "")),
        # a title naming two cities or two provinces speaks for the one it names most
        ("罗湖区推进改革,罗湖区深化改革。", "深圳市与广州市协作,广州市2019年改革要点", [], ("", "广州市", "广东省")),
        ("罗湖区推进改革,罗湖区深化改革。", "湖北省与广东省协作,广东省改革要点", [], ("", "", "广东省")),
        # A county's own document that writes its name bare (plan_03, plan_02 in eval/).
        ("各镇人民政府,嘉鱼经济开发区:涉及嘉鱼的重点事项", "县人民政府办公室关于分解的通知", [], ("嘉鱼县", "咸宁市", "湖北省")),
        ("牵头单位:市生态环境局咸安分局。推进咸安绕城段。", "2023年区《政府工作报告》任务分解", [], ("咸安区", "咸宁市", "湖北省")),
        # Bare names that are words, or named once, or in a document not known to be a county's.
        ("文体惠民行动;文旅惠民活动;惠民月", "2021年全区民生实事", [], ("", "", "")),
        ("嘉鱼经济开发区", "县人民政府办公室关于分解的通知", [], ("", "", "")),
        ("各镇,嘉鱼经济开发区:涉及嘉鱼的重点事项", "关于分解的通知", [], ("", "", "")),
        # A county's urban area (县城区) is not 晋城市's 城区; a renamed county keeps its old name (tab_02).
        ("负责监利县城区扬尘整治。负责城区道路的清扫。监利县环境空气质量。", "", [], ("监利县", "荆州市", "湖北省")),
        ("晋城市城区召开会议。晋城市城区推进改革。", "", [], ("城区", "晋城市", "山西省")),
        ("负责城区道路的清扫,禁止城区内露天烧烤,城区及周边。", "", [], ("", "", "")),
        # The notice signs off with its organ, the only place it names the district (lay_01).
        ("现印发给你们。\n蔡甸区人民政府办公室\n2023年1月3日", "区人民政府办公室关于印发责任分解方案的通知", [],
         ("蔡甸区", "武汉市", "湖北省")),
        ("现印发给你们。\n蔡甸区人民政府办公室\n黄陂区人民政府办公室", "关于联合印发方案的通知", [], ("", "", "")),
        # The page's issuing-organ field names the district the text never names in full (tab_09).
        ("名 称: 区人民政府办公室关于印发重点工作责任分解的通知\n发布日期: 2020-06-28 发布机构: 下陆区政府办公室\n各新区:",
         "区人民政府办公室关于印发重点工作责任分解的通知", [], ("下陆区", "黄石市", "湖北省")),
    ],
)  # fmt: skip
def test_issuing_places_edges(text, title, head, expected):
    got = issuing_places(text, title=title, head=head)
    assert (got.district, got.city, got.province) == expected


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("杭州市人民政府办公厅", Places("", "杭州市", "浙江省")),  # a city's body
        ("湖北省人民政府 武汉市", Places("", "武汉市", "湖北省")),  # a city named: the city
        ("浙江省发展和改革委员会", Places("", "", "浙江省")),  # a province's body
        ("市委、市政府决定", Places("", "", "")),  # a body above every district, unnamed
        ("全省上下", Places("", "", "")),
        ("宝安区人民政府", None),  # a district's: no upper body
        ("深圳市宝安区人民政府", None),
        ("区政府决定", None),  # 区政府 is a district's own
        ("加快推进", None),
    ],
)
def test_the_body_a_line_speaks_for_above_every_district(line, expected):
    # (issuing_places reads the opening lines with it: 市政府印发… names no district)
    assert _upper(line) == expected


_JIAYU = Places("嘉鱼县", "咸宁市", "湖北省")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a county's own document that names itself bare (嘉鱼, never 嘉鱼县), twice or more
        ("嘉鱼经济开发区建设加快。嘉鱼推进。", _JIAYU),
        ("嘉鱼经济开发区建设加快。嘉鱼推进。嘉鱼完成。咸安分局成立。咸安推进。", _JIAYU),  # more often than 咸安
        ("嘉鱼经济开发区建设加快。", None),  # once
        ("嘉鱼经济开发区建设加快。嘉鱼推进。咸安分局成立。咸安推进。", None),  # as often as another
        ("全县经济运行平稳。", None),
    ],
)
def test_a_county_named_bare_more_often_than_any_other(text, expected):
    assert _bare_county(text) == expected


@pytest.mark.parametrize(
    ("line", "organ"),
    [
        ("县教育局", True),  # four characters
        ("重庆市沙坪坝区人民政府督查办", True),
        ("重庆市沙坪坝区人民政府重庆市沙坪坝区财政局重庆沙坪坝区税务局", True),  # thirty
        ("重庆市沙坪坝区人民政府重庆市沙坪坝区财政局重庆市沙坪坝区税务局", False),  # thirty-one: prose
        ("教育局", False),  # three
        ("深圳市龙华区人民政府办公室 深圳市龙华区财政局", False),  # a space: two lines run together
        ("县教育局。", False),
        ("县教育局负责", False),  # more than units
    ],
)
def test_a_line_that_is_nothing_but_units_of_government_signs(line, organ):
    assert _organ_lines(f"正文。\n{line}\n2023年1月5日") == ([line] if organ else [])
