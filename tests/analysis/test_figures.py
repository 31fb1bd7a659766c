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


def test_a_plan_title_speaks_for_figures_no_heading_speaks_for():
    # a year's list of projects (民生实事项目) plans; the same lines in a news report are results
    lines = ["1.新建社区养老服务中心3个。", "2.改造老旧小区12个。"]
    assert statuses(*lines, title="2024年县政府民生实事项目") == [("3个", "target"), ("12个", "target")]
    assert statuses(*lines, title="2024年县政府民生实事项目完成情况") == [("3个", "result"), ("12个", "result")]
    assert statuses(*lines, title="我县召开养老服务推进会") == [("3个", "result"), ("12个", "result")]
    # a news report's headline tells of what was done (张家界 2018: 30件民生实事 progress news)
    news = statuses(*lines, title="我市30件民生实事项目进展顺利", kind="news report")
    assert news == [("3个", "result"), ("12个", "result")]


def test_a_traditional_sentence_gives_its_figures_as_written():
    # a Jiangsu news page in Traditional: 個, 萬戶 are the units 个, 户
    found = figures_in("2022年全省新開工1578個老舊小區，惠及居民56.2萬戶")
    assert [(f, v, u) for f, v, u, _, _ in found] == [("1578個", 1578.0, "个"), ("56.2萬戶", 562000.0, "户")]


def test_a_plan_s_task_split_speaks_for_its_figures():
    # a district's five-year plan split (Shanghai, 2006): 规划工作分解 over a table
    found = statuses("3-6岁幼儿受教育率达到100%", title="关于印发徐汇区“十一五”规划工作分解的通知")
    assert found == [("100%", "target")]


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
