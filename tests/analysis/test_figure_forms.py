"""What a figure looks like (``analysis.figure_forms``), read through ``figures_in``: units and
magnitudes, Chinese numerals, signs, shares in words and doublings, shared units, and what only looks
like a figure (durations, times, meeting numerals, numbered slogans), on sentences from documents in
eval/."""

import pytest

from explore.analysis.figures import figures_in


def test_square_metres_written_as_one_sign():
    assert figures_in("总建筑面积约17万㎡。")[0][:4] == ("17万㎡", 170000.0, "㎡", "area or length")


@pytest.mark.parametrize(
    "sentence",
    [
        "较好完成区五届人大五次会议确定的各项工作任务",  # 盐田区 2020
        "全面学习贯彻落实省委十一届三次全会、州委九届四次全会、县委十三届四次全会精神",  # 绿春县 2023
        "按照区六届三次党代会统一部署",  # 宝安区 2019
        "《重点项目责任分解》已经九届人民政府1次常务会议审议通过",  # 嘉兴 2022: a digit numeral too
        "本次发布的《行动方案》对照“三个要看、三个有没有”的标准",  # 前海 2025: the second inside the quotes
        "始终牢记“两个确立”,增强“四个意识”、坚定“四个自信”、做到“两个维护,不断提高政治判断力",  # 长乐 2021
        "增强四个意识、坚定四个自信、做到两个维护,把党的领导落实到国家治理的各领域",  # unquoted slogans
        "党的十九大将四个全面战略布局写入党章",
        "环评报告书14个工作日内、环评报告表7个工作日内完成审批",  # 官渡区 2016: durations
        "省长代表省政府向大会作政府工作报告。报告分三个部分:一、2022年工作回顾",  # 唐山 2023 (eval/dev): parts of a text
        "紧紧围绕中心工作,重点抓好八个方面工作",
        "大力弘扬新时代贵州精神,牢牢守住三条底线",  # 六盘水 2019 (eval/dev): 条 as 个
        "深入践行八个“走在前、作示范”要求",  # 长沙 2024 (eval/dev): a count of a quoted slogan
        # 丹寨 2015, 山东 2017, 开州 2025, 内蒙古 2024 (eval/dev): the slogan's word right after the count
        "牢牢守住发展和生态两条底线,统筹做好稳增长",
        "依法履行审计监督职责,按照三个区分开来的重要要求",
        "汇聚工作合力,以三个强化年行动为抓手,深化税收征管共治机制",
        "自治区党委提出办好两件大事的统领性要求",
        "各市人民政府及省有关部门要紧扣一体化和高质量两个关键词",  # 安徽 2021 (eval): words, not things
        "大力推进五个“区块链接”,全力实施重点协同事项",  # 安徽 2021 (eval): a quoted term counted, a slogan
    ],
)
def test_meeting_numbers_slogans_and_durations_are_no_figures(sentence):
    assert figures_in(sentence) == []


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("落实落细常态化疫情防控措施,3个核酸检测实验室和3个集中隔离点建成投用", ["3个", "3个"]),  # 西乡县 2021
        ("五个专项行动方案已经县政府同意", ["五个"]),  # 汉阴县 2022
        ("实施西苑小区、金鑫二小区、宏昌小区三所老旧小区房屋功能改善", ["三所"]),  # 洋县 2024
        ("届时,将举行一台大戏,两项仪式,三场表演,四个活动", ["两项", "三场", "四个"]),  # 安龙县
        ("2019年14216户52820名建档立卡贫困人口全部脱贫", ["14216户", "52820名"]),  # 兴文县 2021
        ("地方财政收入突破两亿元大关", ["两亿元"]),
        ("新建道路三条,守住耕地红线38万亩", ["三条", "38万亩"]),
        ("建设三个“智慧社区”", ["三个"]),  # quoted things, no slogan word before them
        # a thing one builds ends the term or follows it
        ("打造两个“美丽乡村”示范村,建成两个“一站式”服务中心", ["两个", "两个"]),
    ],
)
def test_real_counts_are_kept(sentence, expected):
    assert [f for f, *_ in figures_in(sentence)] == expected


def test_units_of_weight_length_livestock_and_events():
    # 黑龙江 2023, 苏尼特左旗 2022, 广西 2005, a county 2021 (eval/dev)
    found = [f for f, *_ in figures_in("粮食产量稳定在1500亿斤以上,牲畜存栏125万头只,街道硬化达5397米,放映70场次。")]
    assert found == ["1500亿斤", "125万头", "5397米", "70场次"]
    # 歙县 2025, 湘乡 2023, 新宾 2023, 赤峰 2025, 国办函 2004 (eval/dev): lamps, beds, power, rods
    found = [f for f, *_ in figures_in("安装路灯1000盏,总床位数348床,光伏100兆瓦,装机1000万千瓦,年产130根")]
    assert found == ["1000盏", "348床", "100兆瓦", "1000万千瓦", "130根"]
    assert [f for f, *_ in figures_in("新一轮改革,开展筛查2000例")] == ["2000例"]
    # 连云港 2025, 江西 2016, 旌德 2015, 黑龙江 2016, 衢州 2018, 太原 2017 (eval/dev): classes of a
    # set, pairs, rounds, copies and a concentration; an age is none (享年73岁)
    found = [f for f, *_ in figures_in("民生实事共有12类45件,含4大类,站台10对,展开了33轮,公告130份,浓度54微克/立方米")]
    assert found == ["12类", "45件", "4大类", "10对", "33轮", "130份", "54微克/立方米"]
    assert figures_in("影星因病逝世,享年73岁") == []
    # 水城 2023, 湖南 2011, 济南市中区 2019, 辽宁 2021 (eval/dev): events, wells, square metres as spoken
    found = [f for f, *_ in figures_in("处置涉疫应急事件37起,新建农村沼气池131661口,装修2000平,修建文化墙25.5万平米")]
    assert found == ["37起", "131661口", "2000平", "25.5万平米"]
    # a word runs on from them: no unit; a count of cases is one
    assert [f for f, *_ in figures_in("自2023年5月1日起施行,建成5平台,3口之家,破获5起案件,3起步区")] == ["5起"]


def test_a_decline_keeps_its_sign_and_a_range_its_dash():
    # 西城区 2020 (eval/dev): 增幅-1.1%, a decline; a table's cell; not 6%-7%, 1-6月, a phone number
    assert [(f, v) for f, v, *_ in figures_in("增加值50610595万元,增幅-1.1%,利润 | -2.5% |")][1:] == [
        ("-1.1%", -1.1),
        ("-2.5%", -2.5),
    ]
    assert [f for f, *_ in figures_in("增长6%-7%,1-6月完成投资10亿元,电话0755-12345678,--3个")] == [
        "6%",
        "7%",
        "10亿元",
        "3个",
    ]


def test_a_magnitude_without_a_unit_is_a_count():
    # 福州 2012, 赤峰 2025, 十堰 2008 (eval/dev): 30万 people, 200万 passengers, 2000万 yuan unnamed
    found = figures_in("解决30万农村人口饮水问题,旅客吞吐量突破200万,预计需投入资金2000万。")
    assert [(f, v, u, k) for f, v, u, k, _ in found] == [
        ("30万", 300000.0, "", "count"),
        ("200万", 2000000.0, "", "count"),
        ("2000万", 20000000.0, "", "count"),
    ]
    # more than, after the magnitude (广东 2011, 晋中 2023, national 2022); words are no counts
    assert [f for f, *_ in figures_in("安排1亿多元,改造27万余户,问责1.4万多人,十万火急,两万")] == [
        "1亿多元",
        "27万余户",
        "1.4万多人",
    ]
    assert figures_in("30多") == [] and [f for f, *_ in figures_in("1万余")] == ["1万余"]


def test_per_mille_and_a_space_before_the_magnitude():
    # 江苏 2006 (a law database), 海口 2020 (eval/dev)
    assert [(f, v, u) for f, v, u, _, _ in figures_in("人口自然增长率小于4‰")] == [("4‰", 4.0, "‰")]
    assert [(f, v) for f, v, *_ in figures_in("实现地区生产总值1671.9 亿元")] == [("1671.9 亿元", 167190000000.0)]
    assert figures_in("第 3 个") == [] and figures_in("2020 个") == []  # a space before a unit only: none


def test_thousands_grouped_by_commas_and_a_percent_typed_as_care_of():
    # 大武口区 2023 (a budget adjustment, eval/dev), 三穗县 2011 (eval/dev)
    assert figures_in("政府债务限额为192,007万元,其中一般债务限额170,366万元", "result") == [
        ("192,007万元", 1_920_070_000.0, "元", "amount", "target"),
        ("170,366万元", 1_703_660_000.0, "元", "amount", "target"),
    ]
    assert figures_in("截至2022年底,法定债务余额为169,117.83万元")[0][:2] == ("169,117.83万元", 1_691_178_300.0)
    assert figures_in("完成131487万元,同比增长15℅") == [
        ("131487万元", 1_314_870_000.0, "元", "amount", "result"),
        ("15℅", 15.0, "%", "share", "result"),
    ]
    # a list of two counts with a comma between them is two figures, not one grouped number
    assert [f[0] for f in figures_in("新建学校12个,新增学位3000个")] == ["12个", "3000个"]


@pytest.mark.parametrize(
    ("sentence", "values"),
    [
        # national figures run to 万亿 (eval/ State Council reports): 10^12, not 万 × 亿 read apart
        ("社会融资规模增量3.5万亿元，新增贷款8000亿元", [3.5e12, 8e11]),
        ("完成投资5000万元、180亿元", [5e7, 1.8e10]),
    ],
)
def test_a_magnitude_scales_the_value_to_one_unit(sentence, values):
    assert [value for _, value, *_ in figures_in(sentence)] == values


def test_a_doubling_is_a_share_and_an_idiom_no_doubling():
    # 路桥区志 2006, 广东 2016: 翻一番 (twice), 翻两番 (four times) count doublings; 三番 without 翻 is a word
    assert figures_in("力争到2010年,生产总值比2004年翻一番。") == [("一番", 1.0, "番", "share", "target")]
    assert figures_in("确保提前实现比2010年翻两番。") == [("两番", 2.0, "番", "share", "target")]
    assert [f for f, *_ in figures_in("他三番提出意见。")] == []


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # dev391, dev453 in eval/dev: a satisfaction survey's score and its change
        (
            "市民满意度总体达到84.96分,比去年提高4.89分。",
            [("84.96分", 84.96, "分", "score"), ("4.89分", 4.89, "分", "score")],
        ),
        # dev452: tenths of the provinces; dev6061: a bridge's length in running metres
        ("近8成省份都完成了2021年目标,约2成省份未达标。", [("8成", 8.0, "成", "share"), ("2成", 2.0, "成", "share")]),
        ("完成村内桥梁建设351.95延米。", [("351.95延米", 351.95, "延米", "area or length")]),
        ("实事项目九成超计划完成。", [("九成", 9.0, "成", "share")]),
    ],
)
def test_scores_tenths_and_running_metres_are_figures(sentence, expected):
    assert [f[:4] for f in figures_in(sentence)] == expected


@pytest.mark.parametrize(
    "sentence",
    [
        "会议于上午8时30分开幕。",
        "上午8时30分，会议开幕。",
        "办理时限压缩至30分钟。",
        "领导小组5成员单位参加。",
        "为1成人班级授课。",
        "将10分两次拨付。",
    ],
)
def test_a_time_a_minute_or_a_word_is_no_score_or_tenths(sentence):
    assert [f[0] for f in figures_in(sentence) if f[2] in ("分", "成")] == []


def test_two_shares_that_fenbie_gives_one_unit_are_two_figures():
    # 西宁 2016 work report (eval): the first share is written without the unit the second carries
    found = figures_in("城乡居民收入分别增长8.7%和9.1%,分别高于全国全省5.9和2.9个百分点", "result")
    assert [(f, v, u) for f, v, u, *_ in found][2:] == [("5.9", 5.9, "个百分点"), ("2.9个百分点", 2.9, "个百分点")]
    assert [f for f, *_ in figures_in("收入和支出分别增长6.4、7.2%")] == ["6.4", "7.2%"]
    # without 分别 a bare number before another is no figure (共3和4个 may count different things)
    assert [f for f, *_ in figures_in("增长5和6个百分点")] == ["6个百分点"]
    assert [f for f, *_ in figures_in("分别为2019年和2020年的8%")] == ["8%"]  # years are no shares
    # 分别 earlier in the sentence governs the comparison after it; a sentence before does not
    found = figures_in("人均收入年均分别增长10.8%和14.9%,高于全国0.1和2.2个百分点。", "result")
    assert [f for f, *_ in found] == ["10.8%", "14.9%", "0.1", "2.2个百分点"]
    assert [f for f, *_ in figures_in("分别增长1%和2%。增长5和6个百分点。")] == ["1%", "2%", "6个百分点"]
