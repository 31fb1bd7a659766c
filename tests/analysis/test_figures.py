"""Figures in the text: value, unit, result or target, checked against a hand count."""

from __future__ import annotations

import io
import subprocess
import sys

import pandas as pd
import pytest

from explore.analysis.figures import figures, figures_in
from tests.conftest import ROOT


@pytest.fixture(scope="module")
def exported() -> pd.DataFrame:
    out = subprocess.run([sys.executable, "-m", "explore", "export", "figures"], cwd=ROOT, capture_output=True,
                         check=True, timeout=300)  # fmt: skip
    return pd.read_csv(io.BytesIO(out.stdout), encoding="utf-8-sig", dtype=str, keep_default_na=False)


# Read by hand in 龙岗区 2018 (000): what each figure says, in one unit, and whether it is a target.
LONGGANG = [
    ("12个", "12", "个", "result"),  # 2017年全年推进12个重点改革项目
    ("173个", "173", "个", "result"),  # 形成173个"微改革、微创新"
    ("930亿元", "93000000000", "元", "result"),  # 预计完成930亿元 (an estimate of what was done)
    ("22%", "22", "%", "result"),  # 同比增长22%
    ("96.2亿元", "9620000000", "元", "target"),  # 政府投资项目计划总规模为96.2亿元
    ("94亿元", "9400000000", "元", "target"),  # 全年累计拨付资金计划94亿元
    ("97.71%", "97.71", "%", "result"),  # 拨付率达97.71%
    ("18.1%", "18.1", "%", "target"),  # 超额完成市政府下达的18.1%的增速目标
    ("89亿元", "8900000000", "元", "result"),  # 完成年度投资89亿元
    ("1.94万个", "19400", "个", "result"),  # 已安装1.94万个高清摄像头
    ("91.7%", "91.7", "%", "result"),  # 占全市3600个的91.7%
    ("30.04%", "30.04", "%", "result"),  # 刑事警情下降30.04%
    ("23.08%", "23.08", "%", "result"),  # 火灾事故下降23.08%
    ("40名", "40", "名", "result"),  # 抽调40名新提拔重用处级干部
    ("两批", "2", "批", "target"),  # 计划安排两批次干部到街道
]


def _values(frame: pd.DataFrame, doc: str) -> set[tuple[str, str, str, str]]:
    rows = frame[frame["doc_id"] == doc]
    return {(f, str(float(v)).removesuffix(".0"), u, s) for f, v, u, s in
            zip(rows["figure"], rows["value"], rows["unit"], rows["status"], strict=True)}  # fmt: skip


def test_longgang_2018_figures_match_the_hand_count(exported):
    got = _values(exported, "000_373ae69c3ea13910")
    missing = set(LONGGANG) - got
    assert not missing, missing


def test_luohu_2020_figures_match_the_hand_count(exported):
    # 罗湖13项改革 in the title and the heading 13项改革: its only figures
    assert _values(exported, "004_dfc0eb8523fa337d") == {("13项", "13", "项", "result")}
    rows = exported[exported["doc_id"] == "004_dfc0eb8523fa337d"]
    assert set(rows["district"]) == {"罗湖区"} and set(rows["year"]) == {"2020"}


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("力争到2025年地区生产总值达到五千亿元", [("五千亿元", 5e11, "元", "amount", "target")]),
        ("比上年提高1.5个百分点", [("1.5个百分点", 1.5, "个百分点", "share", "result")]),
        ("全脱产三个月参与土地整备", []),  # a duration is no count
        ("推动一批棚改项目落地", []),  # 一批 is a word, not a figure
        ("第十二个五年规划", []),  # an ordinal
        ("以“三个代表”重要思想为指导,增强“四个意识”", []),  # numbered slogans (a 2006 work report)
        ("“十三五”时期新建学校12所", [("12所", 12.0, "所", "count", "result")]),
        ("2017年3月28日印发", []),  # dates and years have no unit
        ("人均可支配收入增长到 2020 年的 70790 元", [("70790 元", 70790.0, "元", "amount", "result")]),  # a PDF's space
        # packages and campaigns named by their count (江西 2023, 云南 2026): names, not figures
        ("出台降本增效“30条”、纾困解难“28条”", []),
        ("开展3轮爱国卫生“7个专项行动”", [("3轮", 3.0, "轮", "count", "result")]),  # rounds are counted
        # an old report's shares in words (新疆 2004, chinanews mirror)
        (
            "第一产业增长百分之四,第二产业增长百分之十点七",
            [("百分之四", 4.0, "%", "share", "result"), ("百分之十点七", 10.7, "%", "share", "result")],
        ),
        ("外贸进出口总额四十九点五亿美元", [("四十九点五亿美元", 4.95e9, "美元", "amount", "result")]),
    ],
)
def test_figures_in_a_sentence(sentence, expected):
    assert figures_in(sentence) == expected


def statuses(*paragraphs: str, title: str = "", kind: str = "official document") -> list[tuple[str, str]]:
    """(figure, status) of one document's paragraphs, in reading order."""
    paras = pd.DataFrame({"doc_id": "d", "para_no": range(1, len(paragraphs) + 1), "text": list(paragraphs)})
    docs = pd.DataFrame({"doc_id": ["d"], "district": [""], "year": [2023], "title": [title], "doc_type": [kind]})
    found = figures(paras, docs)
    return list(zip(found["figure"], found["status"], strict=True))


def test_a_table_column_gives_its_cells_their_status():
    # 冠县 2024 progress table: a row that lost cells to merged ones keeps its right end
    assert statuses(
        "指标 | 目标任务 | 牵头单位 | 完成时限 | 进展情况 | 监督方式 | |",
        "四、坚持“三农”优先。 | (一)让农业更“强”。 | 牢牢守住87.3万亩耕地红线 | 县自然资源和规划局 | 已完成 | "
        "我县现状耕地面积98.04万亩 | 0635-5283625 |",
        "县农业农村局 | 2024年12月31日 | 今年全县夏粮播种面积88.7万亩。 | 0635-5231842 | |||",
    ) == [("87.3万亩", "target"), ("98.04万亩", "result"), ("88.7万亩", "result")]


def test_a_table_run_together_gives_its_task_cells_target():
    # a Beijing district's year-end review with no separators: the task cell (…增长6%左右。) is a
    # target though the title announces completion; the completion text after the unit a result
    table = ["类别序号重点督办内容牵头单位全年完成情况",
             "经济社会发展主要预期目标1地区生产总值增长6%左右。区发展改革委全年地区生产总值增长3.2%。",
             "经济社会发展主要预期目标2城镇登记失业率控制在1.5%以内。区人力社保局全年新增就业岗位5000个。"]  # fmt: skip
    assert statuses(*table, title="2020年西城区政府工作报告重点工作全年完成情况") == [
        ("6%", "target"),
        ("3.2%", "result"),
        ("1.5%", "target"),
        ("5000个", "result"),
    ]


def test_a_one_cell_a_line_table_gives_its_columns_their_status():
    # 松阳县 2022 上半年推进情况: the task column's figures are targets, the progress column's results,
    # though the title announces a review
    table = ["序号", "实事名称", "指标任务", "责任单位", "完成时限", "进展情况", "1", "老年人群常用药免费服用供给",
             "8000人以上高血压患者", "卫健局", "12月底", "截至6月9日:高血压用药免费服用8718人"]  # fmt: skip
    assert statuses(*table, title="2022年县十件民生实事项目上半年推进情况汇总表") == [
        ("8000人", "target"),
        ("8718人", "result"),
    ]
    # a task cell over several lines (①, ②) is read up to the unit's name, the progress after it
    table = ["序号", "项目名称", "具体任务及目标", "牵头单位", "进展情况", "1", "公办教育资源扩容工程",
             "①完成2所公办幼儿园建设", "②新增学位1415个", "区教体局", "完成1所", "新增学位900个"]  # fmt: skip
    assert statuses(*table, title="区政府民生实事进展情况") == [
        ("2所", "target"),
        ("1415个", "target"),
        ("1所", "result"),
        ("900个", "result"),
    ]


def test_a_long_column_name_after_the_first_three_still_names_a_column():
    # 广水 2025 一季度落实情况统计表: the progress column's name is a phrase of 18 characters
    table = ["序号", "牵头单位", "工作任务", "目前完成情况、存在问题及下一步工作措施", "完成进度(%)", "备注",
             "12", "市水利和湖泊局", "56.做好农村供电设施建设,新增充电桩300个。", "已建成充电桩120个。", "40%"]  # fmt: skip
    assert statuses(*table, title="市水利和湖泊局2025年一季度落实情况统计表")[:2] == [
        ("300个", "target"),
        ("120个", "result"),
    ]


def test_a_table_of_two_header_lines_reads_its_rows_from_the_left():
    # 宁海县 2022 民生实事 progress: the header's second line splits columns, so numbered rows hold
    # more cells than the first line; the content column is still the third
    assert statuses(
        "序号 | 项目名称 | 建设规模及内容 | 总投资 | 至2021年底累计完成投资 | 2022年工作计划 | 责任单位 |",
        "投资 | 工程主要形象进度 | 完成 投资 | % |",
        "1 | 护眼灯光工程 | 对全县70所中小学校进行护眼灯光提升 | 1800 | 2022 | 1800 | 建成 | 县教育局 |",
    ) == [("70所", "target"), ("1800", "target")]  # the plan column's sum (its year, 2022, is none)


def test_square_metres_written_as_one_sign():
    assert figures_in("总建筑面积约17万㎡。")[0][:4] == ("17万㎡", 170000.0, "㎡", "area or length")


def test_a_plan_title_speaks_for_figures_no_heading_speaks_for():
    # a year's list of projects (民生实事项目) plans; the same lines in a news report are results
    lines = ["1.新建社区养老服务中心3个。", "2.改造老旧小区12个。"]
    assert statuses(*lines, title="2024年县政府民生实事项目") == [("3个", "target"), ("12个", "target")]
    assert statuses(*lines, title="2024年县政府民生实事项目完成情况") == [("3个", "result"), ("12个", "result")]
    assert statuses(*lines, title="我县召开养老服务推进会") == [("3个", "result"), ("12个", "result")]
    # a news report's headline tells of what was done (张家界 2018: 30件民生实事 progress news)
    news = statuses(*lines, title="我市30件民生实事项目进展顺利", kind="news report")
    assert news == [("3个", "result"), ("12个", "result")]


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


def test_a_traditional_sentence_gives_its_figures_as_written():
    # a Jiangsu news page in Traditional: 個, 萬戶 are the units 个, 户
    found = figures_in("2022年全省新開工1578個老舊小區，惠及居民56.2萬戶")
    assert [(f, v, u) for f, v, u, _, _ in found] == [("1578個", 1578.0, "个"), ("56.2萬戶", 562000.0, "户")]


def test_a_plan_s_task_split_speaks_for_its_figures():
    # a district's five-year plan split (Shanghai, 2006): 规划工作分解 over a table
    found = statuses("3-6岁幼儿受教育率达到100%", title="关于印发徐汇区“十一五”规划工作分解的通知")
    assert found == [("100%", "target")]


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


def test_kinds_and_statuses_are_closed_choices():
    from explore.analysis.figures import check_choices

    check_choices(("amount", "count", "area or length", "share"), ("target", "result"))
    check_choices()
    with pytest.raises(
        ValueError, match=r"no kind or status 'money': kinds are amount, count, area or length, share, score"
    ):
        check_choices(("count", "money"))
    with pytest.raises(ValueError, match=r"'done'.*statuses result, target"):
        check_choices(statuses=("target", "done"))


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


def test_a_sentence_of_parts_states_what_the_sentence_before_it_stated():
    # 万源 2021 (news of a county's five-year goals, eval/dev): 其中 opens the goal's parts, each a goal
    assert statuses(
        "到“十四五”末,全市地区生产总值要达到300亿元。其中,一产业年均增速保持在2.6%以上、二产业增加值总量达到86.7亿元。",
        kind="news report",
    ) == [("300亿元", "target"), ("2.6%", "target"), ("86.7亿元", "target")]
    # the parts of a result are results; a part that says it is done stays done
    assert statuses("2020年完成投资140亿元。其中,工业投资52亿元。", kind="news report") == [
        ("140亿元", "result"),
        ("52亿元", "result"),
    ]
    assert statuses("力争完成投资300亿元。其中,一季度已完成60亿元。", kind="news report") == [
        ("300亿元", "target"),
        ("60亿元", "result"),
    ]
    # 冲刺 names a goal
    assert statuses("增加值总量冲刺150亿元。", kind="news report") == [("150亿元", "target")]


def test_what_passed_the_plan_is_a_result():
    # 上海 2026 (an e-paper's front page of major projects, eval/dev): 超计划 measures what was done
    assert statuses("新开工30项,超计划16项;基本建成30项,超额完成年度计划9项。", kind="news report") == [
        ("30项", "result"),
        ("16项", "result"),
        ("30项", "result"),
        ("9项", "result"),
    ]
    assert statuses("计划新开工30项。", kind="news report") == [("30项", "target")]


def test_a_projects_size_with_its_finish_ahead_is_planned():
    # 林头镇 2021 (a township's projects for the people, eval/dev): the finish told after the size
    assert statuses("建设约12.3公里道路硬化,预计2021年11月份完成。", kind="news report") == [("12.3公里", "target")]
    assert statuses("新建休闲绿道长1575米,计划年底前建成。", kind="news report") == [("1575米", "target")]
    # what remains is scheduled, the figure before it is done (临安 2022, eval/dev)
    assert statuses("完成农村公路大中修50公里,剩余预计11月底前完成。", kind="news report") == [("50公里", "result")]
    # a result told in the sentence outweighs a finish ahead
    assert statuses("已完成投资3亿元,预计12月底前全面完成。", kind="news report") == [("3亿元", "result")]


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


def test_a_number_alone_in_a_cell_of_a_column_that_speaks_is_a_figure():
    from explore.analysis.figures import doc_figures

    # 上海 2024 实事项目完成情况 (eval/dev): the done column's bare counts are results, the shares too
    rows = doc_figures([
        (1, "序号 | 实事项目名称 | 完成情况 | 占全年计划 |"),
        (2, "1 | 新增4000张养老床位 | 4385 | 110% |"),
        (3, "新增800张养护床位 | 810 | 101% | |"),  # a task's second line, its last cells empty
    ])  # fmt: skip
    assert [(r[2], r[3], r[4], r[6]) for r in rows] == [
        ("4000张", 4000, "张", "target"), ("4385", 4385, "", "result"), ("110%", 110, "%", "result"),
        ("800张", 800, "张", "target"), ("810", 810, "", "result"), ("101%", 101, "%", "result"),
    ]  # fmt: skip
    # a bare number's sentence is its row, and so is a cell's of no words (110%); a task cell is its own
    assert [r[1] for r in rows[:3]] == ["新增4000张养老床位", *["1 | 新增4000张养老床位 | 4385 | 110% |"] * 2]
    # in the unit the column names, else the table's note above it (姑苏 2019, 万载 2016)
    rows = doc_figures([
        (1, "单位：万元"),
        (2, "序号 | 项目名称 | 年内计划投资(万元) | 完成情况 | 备注 |"),
        (3, "1 | 食品安全提升工程 | 350 | 1,206.5 | 2021 |"),
    ])  # fmt: skip
    assert [(r[2], r[3], r[4], r[5], r[6]) for r in rows] == [
        ("350", 3_500_000, "元", "amount", "target"), ("1,206.5", 12_065_000, "元", "amount", "result"),
    ]  # fmt: skip
    # a number under a column that says neither (序号, 备注, 年份) is none; nor one outside a table
    assert doc_figures([(1, "序号 | 年份 | 备注 |"), (2, "1 | 2021 | 3 |")]) == []
    assert doc_figures([(1, "完成情况 4385")]) == []


def test_a_growth_rate_clause_takes_the_status_of_the_figure_it_grows():
    # 广州 2018, 攀枝花 2023 (eval/dev): a review's 增长8%左右 is the result's rate, though 左右 plans elsewhere
    found = figures_in("完成固定资产投资6000亿元, 增长8%左右。")
    assert [(f, status) for f, *_, status in found] == [("6000亿元", "result"), ("8%", "result")]
    found = figures_in("预计,全年实现地区生产总值1200亿元,增长2.6%左右;")
    assert [(f, status) for f, *_, status in found] == [("1200亿元", "result"), ("2.6%", "result")]
    # under a plan's heading the amount is a target, and so its rate
    assert figures_in("地区生产总值达到500亿元,增长7%左右。", "target")[-1][-1] == "target"
    # a rate in a sentence of its own, or after another clause, keeps its own words' status
    assert figures_in("完成投资6000亿元。增长8%左右。")[-1][-1] == "target"
    assert figures_in("完成投资6000亿元,全年增长8%左右。")[-1][-1] == "target"


def test_a_news_item_on_a_plan_announced_and_goals_after_a_dash_are_targets():
    # 重庆 2025 (eval/dev): a headline that says the year's set will be done lists targets
    assert statuses(
        "今年,重庆将接续办好15件重点民生实事。具体包括:",
        "新开工改造城镇老旧小区3011万平方米。",
        title="2025年重庆将接续办好15件重点民生实事",
        kind="news report",
    ) == [("15件", "target"), ("3011万平方米", "target")]
    # 成都 2018 (eval/dev): the goals a dash leads into, past the first clause
    assert statuses(
        "报告提出了成都今年发展的主要预期目标——地区生产总值增长7.5%,全社会固定资产投资增长8%,社会消费品零售总额增长10%。",
        kind="news report",
    ) == [("7.5%", "target"), ("8%", "target"), ("10%", "target")]


@pytest.mark.parametrize("sep", ["  ", "\t", "   "])
def test_a_table_whose_cells_are_set_apart_by_spaces_or_tabs_gives_its_columns_their_status(sep):
    # a progress table a page or a PDF kept with its alignment, no bars
    rows = ["序号", "项目名称", "年度目标", "完成情况", "完成率"], ["1", "新建学校", "3所", "2所", "66.7%"]
    got = statuses(*(sep.join(r) for r in rows), title="某某区2023年民生实事进展情况")
    assert got == [("3所", "target"), ("2所", "result"), ("66.7%", "result")]
    # a sentence with a double space in it is no row
    assert statuses("全年新增就业1.5万人，  同比增长12%。") == [("1.5万人", "result"), ("12%", "result")]


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
