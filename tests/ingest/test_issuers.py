"""Issuers and levels, on lines from real documents of every level (none of them seeds)."""

from __future__ import annotations

import pytest

from explore.ingest.issuers import check_level, infer_issuers, infer_level, is_national, unit_level
from explore.ingest.places import issuing_places


@pytest.mark.parametrize(
    ("title", "expected"),
    [
        ("国务院办公厅关于印发全国深化“放管服”改革电视电话会议重点任务分工方案的通知", ["国务院办公厅"]),
        ("国家发展改革委 商务部关于印发《市场准入负面清单（2022年版）》的通知", ["国家发展改革委", "商务部"]),
        ("广东省人民政府关于支持广州南沙新区加快开发建设的若干意见", ["广东省人民政府"]),
        ("济南市人民政府办公厅关于启用济南市人民政府办公厅政府信息公开专用章的通知", ["济南市人民政府办公厅"]),
        # joint, with and without the space a page may drop
        ("中共嵊泗县委办公室 嵊泗县人民政府办公室关于印发《2021年嵊泗县乡村振兴任务清单》的通知",
         ["中共嵊泗县委办公室", "嵊泗县人民政府办公室"]),
        ("中共嵊泗县委办公室嵊泗县人民政府办公室关于印发《2021年嵊泗县乡村振兴任务清单》的通知",
         ["中共嵊泗县委办公室", "嵊泗县人民政府办公室"]),
        ("平顶山市河长制办公室关于印发《平顶山市全面推行河长制主要任务分解方案》的通知", ["平顶山市河长制办公室"]),
    ],
)  # fmt: skip
def test_the_organs_before_guanyu_issue_the_document(title, expected):
    assert infer_issuers([], [], title=title) == expected


def test_a_bare_organ_is_completed_with_the_place_the_document_is_about():
    title = "区人民政府办公室关于印发2023年区《政府工作报告》确定的主要目标任务责任分解方案的通知"  # 蔡甸区
    assert infer_issuers([], [], title=title, district="蔡甸区", city="武汉市") == ["蔡甸区人民政府办公室"]
    assert infer_issuers([], [], title="省政府印发2020年政府工作报告重点工作责任分解通知", province="浙江省") == [
        "浙江省政府"
    ]
    # nothing to complete it with: as written
    assert infer_issuers([], [], title="县人民政府办公室关于印发的通知") == ["县人民政府办公室"]
    # a district whose name opens with 市 is no bare 市 (济南市市中区, in a document the gazetteer places in 乐山市)
    assert infer_issuers([], [], title="市中区政府办公室关于印发的通知", district="市中区", city="乐山市") == [
        "市中区政府办公室"
    ]


def test_a_title_that_is_no_organ_list_gives_none():
    # a sentence before 关于 is no issuer; nor is a meeting (a resolution's 人大 session)
    assert infer_issuers([], [], title="长沙市第十五届人民代表大会第四次会议关于长沙市人民政府工作报告的决议") == []
    assert infer_issuers([], [], title="我市召开全国文明城市持续提升工作新闻发布会") == []
    # a notice that forwards another's: that other's issuer is not this one's (清远 2021, eval/dev)
    assert infer_issuers([], [], title="转发广东省防汛防旱防风总指挥部关于全省进入2021年汛期的通知") == []
    assert infer_issuers([], [], title="批转市发展改革委关于2021年经济体制改革要点的通知") == []


def test_the_organ_that_signs_above_the_date_at_the_end():
    body = ["一、总体要求", "各部门要抓好落实。", "深圳市人民政府办公厅", "2017年3月28日"]
    assert infer_issuers([], body, title="深圳市优化营商环境实施方案") == ["深圳市人民政府办公厅"]
    joint = ["……", "中共汉阴县委办公室", "汉阴县人民政府办公室", "2022年5月6日", "（此件公开发布）"]
    assert infer_issuers([], joint, title="汉阴县新型城镇化专项行动方案") == [
        "中共汉阴县委办公室",
        "汉阴县人民政府办公室",
    ]
    # a sentence above the date signs nothing
    prose = ["区发展改革局负责统筹推进。", "2017年3月28日"]
    assert infer_issuers([], prose, title="某方案") == []
    # the signature run on one line, the unit then the date (陆丰 2019, a forum's copy)
    one_line = ["为减少城市环境污染,现通告如下。", "陆丰市人民政府 2019年1月21日", "|"]
    assert infer_issuers([], one_line, title="") == ["陆丰市人民政府"]
    assert infer_issuers([], ["会议定于 2019年1月21日"], title="") == []


def test_the_organ_on_its_own_line_above_the_title():
    # a law database's page (dev6001): the headline, the issuing organ alone, the heading again
    title = "关于印发《标准制定工作程序(试行)》的通知"
    lines = [title, "作者:法律资料网 时间:2024-07-22", "国防科学技术工业委员会", title, "科工法字[2000] 851号"]
    assert infer_issuers([], lines, title=title) == ["国防科学技术工业委员会"]
    # a sentence above the title names no issuer; nor does a line with no unit
    assert infer_issuers([], ["市政府决定,现将方案印发给你们。", title], title=title) == []
    assert infer_issuers([], ["政府信息公开", title], title=title) == []


def test_a_header_field_and_a_masthead():
    assert infer_issuers(["发布机构：广东省人民政府办公厅", "发布日期：2021-05-06"], [], title="某方案") == [
        "广东省人民政府办公厅"
    ]
    assert infer_issuers([], ["西平县人民政府办公室文件", "西政办〔2020〕12号"], title="某安排") == [
        "西平县人民政府办公室"
    ]


def test_a_work_report_is_its_governments_and_a_report_about_one_is_not():
    assert infer_issuers([], [], title="2021年马山县人民政府工作报告", district="马山县") == ["马山县人民政府"]
    assert infer_issuers([], [], title="2019年深圳市宝安区政府工作报告", district="宝安区") == ["宝安区人民政府"]
    assert infer_issuers([], [], title="2018年政府工作报告", city="深圳市") == ["深圳市人民政府"]
    for title in (
        "关于太湖县人民政府工作报告的决议",
        "县卫健委2021年政府工作报告任务分解",
        "一图读懂|雨花区政府工作报告解读",
    ):
        assert infer_issuers([], [], title=title, district="某县") == []


def test_a_report_is_the_bodys_that_gives_it():
    # a national work report names 香港 often; it is the State Council's, as its opening says
    opening = ["政府工作报告", "各位代表:", "现在,我代表国务院,向大会报告政府工作,请予审议。"]
    assert infer_issuers([], opening, title="政府工作报告", city="香港") == ["国务院"]
    opening = ["各位代表:", "现在,我代表区人民政府向大会报告工作,请予审议。"]
    assert infer_issuers([], opening, title="政府工作报告", district="罗湖区") == ["罗湖区人民政府"]


def test_levels():
    assert infer_level(district="", city="", province="", issuers=["国务院办公厅"]) == "national"
    assert infer_level(district="", city="", province="", issuers=["国家发展改革委", "商务部"]) == "national"
    # a national body's document about a place is still national
    assert infer_level(district="南沙区", city="广州市", province="广东省", issuers=["国务院"]) == "national"
    assert infer_level(district="蔡甸区", city="武汉市", province="湖北省", issuers=[]) == "county"
    assert infer_level(district="", city="济南市", province="山东省", issuers=[]) == "city"
    assert infer_level(district="", city="", province="广东省", issuers=["广东省人民政府"]) == "province"
    # a municipality's own document is at province level; its districts are counties
    assert infer_level(district="", city="重庆市", province="重庆市", issuers=[]) == "province"
    assert infer_level(district="渝中区", city="重庆市", province="重庆市", issuers=[]) == "county"
    assert infer_level(district="", city="", province="", issuers=[]) == ""
    # 调兵山 2023 (eval/dev): no issuer, the page's 来源 a county-level city's office, about its city's plan
    assert infer_level(district="", city="铁岭市", province="辽宁省", issuers=[], title="关于铁岭市重点民生实事进展情况的督查专报",
                       source="调兵山市政府办督查室") == "county"  # fmt: skip
    assert infer_level(district="", city="铁岭市", province="辽宁省", issuers=[], source="人民日报") == "city"


@pytest.mark.parametrize(
    ("unit", "level"),
    [
        ("福建省发改委", "province"),
        ("中共深圳市罗湖区委办公室", "county"),
        ("广州市增城区人民政府办公室", "county"),
        ("珠海市审计局", "city"),
        ("北京市人民政府", "province"),
        ("区人民政府办公室", "county"),
        ("县市场监管局", "county"),
        ("市场监管局", ""),  # 市场 is no bare 市
        ("国务院办公厅", "national"),
    ],
)
def test_a_bodys_level_by_its_name(unit, level):
    assert unit_level(unit) == level


def _level(*, district: str = "", city: str = "", province: str = "", issuers=(), text: str = "", title: str = ""):
    return infer_level(district=district, city=city, province=province, issuers=list(issuers), text=text, title=title)


def test_the_issuer_and_the_title_place_a_document_before_the_places_it_names():
    # 福建 2017 joint notice, reposted: it names 厦门市's zones, but its issuers are the province's
    issuers = ["福建省发改委", "福建省财政厅"]
    assert _level(city="厦门市", province="福建省", issuers=issuers) == "province"
    # 袁州区 2023: the title names the district's government bare; the text names only 宜春市
    title = "2023年区政府民生实事进展情况(截至9月底)"
    assert _level(city="宜春市", province="江西省", title=title) == "county"
    assert _level(title="市政府2020年重点工作一季度进展情况表") == "city"
    # a county's report on the province's projects names the province in its title, itself in its body
    county = "县教育局负责。县卫健局负责。全县推进。"
    title = "2023年10月省政府民生实事项目进展情况汇总表"
    assert _level(province="浙江省", title=title, text=county) == "county"
    assert _level(province="浙江省", title=title, text="全省推进。") == "province"


def test_regions_prefectures_banners_and_townships_speak_of_themselves():
    # 广西 2019 (eval/dev): the region's own government named bare in the title
    assert _level(title="2019年自治区人民政府为民办实事工程项目资金筹措计划表") == "province"
    # 金安区 2024 (eval/dev): a commission named bare in the title (区发改委) is the district's own
    assert _level(city="六安市", province="安徽省", title="区发改委2024年11月重点工作落实情况") == "county"
    # 菁芜洲镇 2024: a township's plan counts with the county level; 全州, 全旗 likewise
    assert _level(province="湖南省", text="全镇上下团结一心。镇政府全力推进。全镇完成目标。") == "county"
    assert _level(province="青海省", text="全州经济稳步增长。州政府部署。全州推进。") == "city"
    assert _level(province="内蒙古自治区", text="全旗经济稳步增长。旗政府部署。全旗推进。") == "county"


def test_national_bodies_by_their_form():
    assert is_national("国务院办公厅") and is_national("海关总署") and is_national("全国人大常委会")
    assert not is_national("广东省人民政府") and not is_national("区发展改革局")
    # full names and former ministries, as law databases name them (eval/dev dev6001)
    assert is_national("国防科学技术工业委员会") and is_national("住房和城乡建设部") and is_national("建设部")
    assert infer_level(district="", city="", province="", issuers=["国防科学技术工业委员会"]) == "national"


def test_check_level_names_the_levels():
    assert check_level("county") == "county"
    with pytest.raises(ValueError, match="national, province, city, county"):
        check_level("district")


def test_a_document_without_a_district_is_placed_by_how_it_speaks_of_itself():
    # a county's plan that names only its city (eval: 房县 under 十堰市; 霍山 development zone)
    county = "全县上下要抓落实。县政府将加强督查，全县各乡镇要按时完成。"
    assert _level(city="十堰市", province="湖北省", text=county) == "county"
    assert _level(text=county) == "county"
    city = "市政府2020年重点工作。全市各地要落实，全市上下齐心。"
    assert _level(text=city) == "city"
    # named district governments as lead units are other bodies, not the document's own
    leads = "（牵头单位：黄埔区政府；配合单位：越秀区政府）（牵头单位：天河区政府）"
    assert _level(city="广州市", province="广东省", text=leads) == "city"
    # 各县区人民政府 is whom a city writes to
    assert _level(city="淮安市", province="江苏省", text="各县区人民政府，各县区：") == "city"
    # an autonomous region's 全区 and a municipality's 全市 are a province's whole
    region = "1—7月全区扩大有效投资。全区各地要加快推进。"
    assert _level(province="宁夏回族自治区", text=region) == "province"
    beijing = "全市政务公开工作要点。市政府各委、办、局，全市各区要落实。"
    assert _level(city="北京市", province="北京市", text=beijing) == "province"
    # the document's own units named bare (市公安局, 县教育局) speak for its level too
    ningbo = "责任单位:市交通委 配合单位:各区政府。责任单位:市公安局。责任单位:市城管局、市财政局。"
    assert _level(province="浙江省", text=ningbo) == "city"
    assert _level(text="（县教育局负责）（县卫健局负责）") == "county"
    # a province's notes that name the cities' and counties' governments are the province's
    heilongjiang = "（省发改委、交通运输厅、相关市、县政府负责）（省发改委、铁路办、相关市、县政府负责）"
    assert _level(province="黑龙江省", text=heilongjiang) == "province"
    # 市场监管局 is no city body
    assert _level(text="（市场监管局负责）（市场监管局负责）") == ""
    # one mention in passing places nothing
    assert _level(text="县政府召开会议。") == ""
    # a body named bare after a verb or preposition is the document's own (会昌 2023, eval/dev)
    assert _level(text="办好民生实事是县政府对全县人民的庄严承诺,各部门认真落实县政府工作部署。") == "county"
    # ... but not inside a place's name: 和县 is a county of 马鞍山市, not a bare 县
    assert _level(text="和县人民政府办公室。和县交通运输局。") == ""


def test_news_of_the_nations_bodies_with_no_place_is_national():
    # 中新网 2024 on the 2023 central final accounts: no issuer, no place but the dateline's
    text = ("中新网 北京6月25日电(记者 张素)财政部部长25日表示,2023年,中央一般公共预算收入99566.7亿元。"
            "受国务院委托,当日向十四届全国人大常委会作2023年中央决算的报告。")  # fmt: skip
    places = issuing_places(text)
    assert (places.city, places.province) == ("", "")  # 北京 is where the item was filed
    assert infer_level(district="", city="", province="", issuers=[], text=text) == "national"
    # one mention in passing says nothing
    assert infer_level(district="", city="", province="", issuers=[], text="按照国务院部署推进改革。") == ""


def test_a_budget_or_plan_report_is_issued_by_the_body_that_gives_it():
    # 合川区 2023 budget report: the bureau on a line of its own under the speaker line
    paras = ["关于重庆市合川区2022年预算执行情况和2023年预算草案的报告", "——2023年2月8日在重庆市合川区第十八届人民代表大会第三次会议上",
             "重庆市合川区财政局", "各位代表:", "受区人民政府委托,现将预算执行情况报告如下,请予审议。"]  # fmt: skip
    assert infer_issuers([], paras, title=paras[0], district="合川区", city="重庆市") == ["重庆市合川区财政局"]
    # 邕宁区 2020 mid-year budget report: the speaker line broken in two, the body under it
    paras = ["关于邕宁区2020年上半年预算执行情况的报告", "——2020年7月30日在邕宁区第三届人民代表大会", "常务委员会第二十九次会议上",
             "南宁市邕宁区人民政府", "城区人大常委会:", "受城区人民政府的委托,现向城区人大常委会报告预算执行情况,请予审议。"]  # fmt: skip
    assert infer_issuers([], paras, title=paras[0], district="邕宁区", city="南宁市") == ["南宁市邕宁区人民政府"]
    # 南昌 2023 plan report without its heading: the government that entrusted the speaker
    paras = ["各位代表:", "受市人民政府委托,我向大会报告南昌市2022年计划执行情况,请予审议。"]
    assert infer_issuers([], paras, title="", city="南昌市", province="江西省") == ["南昌市人民政府"]
    # a work report's speaker is a person, no body; a sentence naming an entrusting body later is no speaker
    paras = ["政府工作报告", "——2024年1月7日在辽阳市第十七届人民代表大会第四次会议上", "市长 郭云峰", "各位代表:"]
    assert infer_issuers([], paras, title="政府工作报告", city="辽阳市") == ["辽阳市人民政府"]
    assert infer_issuers([], ["各位代表:", "我们受上级委托,开展了审计。"], title="") == []


def test_a_document_that_speaks_for_the_nation_is_national_though_it_names_a_province():
    # a national spokespersons' list reposted (2004, eval/dev): the nation's bodies again and again,
    # one province named in passing
    text = ("国务院新闻办公室公布国务院各部门新闻发言人名单。我国新闻发布制度逐步完善,全国已有62个部门建立制度。"
            "国务院各部门、党中央各部门和全国各地方政府发言人,广东省也设立了发言人。") * 2  # fmt: skip
    assert infer_level(district="", city="", province="广东省", issuers=[], text=text) == "national"
    # a province's report that compares itself with the nation speaks of its own body too
    own = "全省生产总值增长6%,高于全国平均水平。省政府坚持党中央、国务院的决策部署。" * 4
    assert infer_level(district="", city="", province="吉林省", issuers=[], text=own) == "province"
    # the nation named less often than the threshold: the place it names
    assert infer_level(district="", city="", province="广东省", issuers=[], text=text[:60]) == "province"
    # the congress is one body, not the nation named: 全国人大 eight times is no national document
    congress = "全国人大代表、广东省人大常委会主任说," * 8
    assert infer_level(district="", city="", province="广东省", issuers=[], text=congress) == "province"


def test_the_nations_words_are_the_data_file():
    from explore.ingest.issuers import _national_words
    from explore.ingest.units import vocabulary

    words = vocabulary().nation_words
    assert {"全国", "我国", "国务院", "党中央"} <= set(words)
    assert all(_national_words(w + "。") == 1 for w in words)
    # a word that opens a national body's name ([national openings]) is that body's
    assert _national_words("全国人大、全国政协、全国人民代表大会") == 0


@pytest.mark.parametrize(
    ("text", "level"),
    [
        # a county's progress table that never names its county (沁水 2021 shaped): 我县 twice
        ("我县重点项目完成年度计划的85%。我县新开工项目12个。", "county"),
        ("今年以来,我市民生实事进展顺利。我市新增就业1万人。", "city"),  # a city's, named by itself
        ("我镇完成道路硬化5公里,我镇新建公厕3座。", "county"),  # a township's counts with its county
        ("我省经济平稳。我省新增高速公路200公里。", "province"),
        ("我县重点项目进展顺利。", ""),  # once says nothing
    ],
)
def test_a_body_that_speaks_of_itself_as_we_gives_its_level(text, level):
    assert infer_level(district="", city="", province="", issuers=[], text=text) == level


def test_a_cover_letter_at_the_top_is_signed_under_its_issuing_words():
    # 广州 2006 (eval, Traditional): the notice's signature and date above the work items it issues
    paras = ["各区、县级市人民政府,市政府各部门:", "经市人民政府同意,现将《2006年重点工作事项》印发给你们,请抓好落实工作。",
             "廣州市人民政府辦公廳", "二○○六年四月二十八日", "2006年重点工作事项", "一、努力构建现代产业体系",
             "(一)加快建设汽车产业基地。(牵头单位:市经贸委)"]  # fmt: skip
    paras += [f"({n})推进第{n}项重点工作,按期完成。(牵头单位:市发改委)" for n in "二三四五六七八九十"]
    assert infer_issuers([], paras, title="", city="广州市") == ["廣州市人民政府辦公廳"]
    # an organ named under the issuing words without a date is no signature
    assert infer_issuers([], [*paras[:3], *paras[4:]], title="", city="广州市") == []
