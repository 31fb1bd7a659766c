"""Whether a figure states a target or a result by its own clause and sentence
(``analysis.figure_clauses``): cue words, deadlines, planned sets, totals and their parts, shares
of a target, on sentences from documents in eval/."""

from __future__ import annotations

import pytest

from explore.analysis.figure_clauses import share_done
from explore.analysis.figures import figures_in
from tests.analysis.test_figures import statuses


def test_what_a_plan_or_budget_sets_is_named_right_before_its_figure():
    # 湖口县 2023 budget execution: the budgets' figures beside what was collected and its share
    assert figures_in("完成年初预算225630万元的121.7%", "result") == [
        ("225630万元", 2256300000.0, "元", "amount", "target"),
        ("121.7%", 121.7, "%", "share", "result"),
    ]
    # national 2019 (Xinhua): 预备费预算 is budgeted, 实际支出 spent; 一般公共预算收入 is an account's name
    assert [f[-1] for f in figures_in("中央预备费预算500亿元,实际支出17.48亿元", "result")] == ["target", "result"]
    assert [f[-1] for f in figures_in("一般公共预算收入55.29亿元", "result")] == ["result"]
    # a goal's own share is one (预期目标为5%); a share of the budget done is none (完成预算98%)
    assert [f[-1] for f in figures_in("2024年中国GDP增长预期目标为5%左右", "result")] == ["target"]
    assert [f[-1] for f in figures_in("完成169975万元,完成预算98%", "result")] == ["result", "result"]
    # 宣城 2020 督查通报: the tasks a report set, counted, are its targets; told as done, results
    assert [f[-1] for f in figures_in("纳入本次督查通报的量化指标任务共55项", "result")] == ["target"]
    assert [f[-1] for f in figures_in("已完成任务5项", "target")] == ["result"]


def test_a_total_then_what_is_done_of_it():
    # 广西 2009 progress report: the set of projects, then how many have started
    assert [f[-1] for f in figures_in("医疗卫生服务建设项目221个,已开工193个,开工率87.33%", "result")] == [
        "target",
        "result",
        "result",
    ]
    # 萧县 2025 progress: in one clause, the set's size before the thing's name, then how much is done
    assert [
        f[-1] for f in figures_in("2个嵌入式养老机构建设已完成1个(50%)、15个农村幸福院建设已完成8个", "result")
    ] == [
        "target",
        "result",
        "result",
        "target",
        "result",
    ]
    assert [f[-1] for f in figures_in("263场送戏进万村已送230场", "result")] == ["target", "result"]
    # a figure with no share of it done after it stays as it was
    assert [f[-1] for f in figures_in("新建学校12所,群众反映良好", "result")] == ["result"]


def test_a_day_things_stood_done_by_is_no_deadline():
    # 黑龙江 2016 (China Daily): 截至2016年底 tells what was done; 至2020年 sets a goal
    assert [f[-1] for f in figures_in("截至2016年底,棚户区改造已累计开工13万套,占改造任务总量的92.5%")] == [
        "result",
        "result",
    ]
    assert [f[-1] for f in figures_in("至2020年,新建棚户区改造住房13万套")] == ["target"]


def test_a_lead_in_by_comma_and_cues_inside_a_clause():
    # national 2024 targets (香港新闻网): "目标是," leads in as a colon does, past the ';'
    assert statuses(
        "总理在政府工作报告中指出,今年发展主要预期目标是,国内生产总值增长5%左右;城镇新增就业1200万人以上。"
        "赤字率拟按3%安排,赤字规模4.06万亿元。",
        kind="news report",
    ) == [("5%", "target"), ("1200万人", "target"), ("3%", "target"), ("4.06万亿元", "target")]
    # 咸宁 2021 half-year notice: 不少于 sets a floor to reach
    assert figures_in("引进龙头企业投资项目不少于3个", "result")[0][-1] == "target"


def test_a_year_gone_by_states_a_result_in_a_plan():
    # 樟树市 十四五规划 (2021): its review of 2020 under a plan's title; 总投资 is still a plan's
    title = "樟树市国民经济和社会发展第十四个五年规划"
    assert statuses("2020年,全市地区生产总值为424.74亿元。", title=title) == [("424.74亿元", "result")]
    assert statuses("2020年实施重点项目12个,总投资约5.5亿元。", title=title) == [
        ("12个", "result"),
        ("5.5亿元", "target"),
    ]


def test_an_explicit_clause_cue_wins_over_the_heading():
    # 密云区 2022 progress table: 确保 in a review still states a target; 已 under a target heading a result
    assert statuses(
        "密云区2022年重要民生实事项目进展情况(三季度) |",
        "新增急救站点和急救人员,不断提升全区院前急救服务能力,确保呼叫满足率达到95%以上 |",
        "2.已完成新招录救护车司机兼担架员岗前集中培训,72名新招录人员已全部上岗 |",
    ) == [("95%", "target"), ("72名", "result")]
    # 绍兴 2020: 力争 governs the clauses after it in its sentence
    assert figures_in("力争全年盘活僵尸企业10家,盘活存量土地400亩。", "result") == [
        ("10家", 10.0, "家", "count", "target"),
        ("400亩", 400.0, "亩", "area or length", "target"),
    ]
    assert figures_in("1-2月,全市固定资产投资同比下降12.7%", "target")[0][4] == "result"


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("这十件实事是:1.新修高标准基本农田10万亩。", "target"),  # 榆中县 2016: the lead-in announces
        ("2023年我市规划投资58.7亿元。", "target"),  # 驻马店 2023
        ("今年上级下达我县农村公路建设项目47条。", "target"),  # 耿马 2018
        ("完成年度目标任务的112%。", "result"),  # 江苏 2022: how much of a target was done
        ("超额完成目标任务的有3项,占目标任务的30%。", "result"),  # 巴中 2017
        ("项目总投资约5.5亿元,建成后可新增学位13080个。", "target"),  # 城厢区 2022: what a project can give
        ("预计年底将继续投用公厕4座,厕位36个。", "target"),  # 瑞金 2022: 将继续 speaks for its sentence
        ("全省分别完成年度目标任务的112%和120%。", "result"),  # 江苏 2022: the pair's second share too
        # 乐清 2022, 天祝 2023, 江苏 2022: a plan's item quoted by name is what was set out
        ("另,“完成回迁安置857户以上”(市住建局)曾因过程性滞后被通报,但如期完成。", "target"),
        ("内容主要包括《城镇新增就业2000人以上》《建成幼儿园3所》。", "target"),
        ("省政府明确“新开工改造城镇老旧小区1405个”。", "target"),
        # eval/dev: a project's scope and capacity plan; what stood done by a day, or summed up, is done
        ("2022年城厢区教育类建设项目总投资约5.5亿元。", "target"),  # 城厢区 2022
        ("满负荷生产后,可实现年产40万件。", "target"),  # 宁夏 2019
        ("今年区政府继续实施改善城乡人民生活20项民心工程。", "target"),  # 北辰 2015
        ("截至目前,18项民生工程提前或超额完成年度目标任务。", "result"),  # 河北 2021
        ("1-10月我区固定资产投资累计完成168.25亿元。", "result"),  # 金安区 2024 (累计拨付资金计划 stays a plan)
        ("完成投资34.6亿元,占计划总投资的51%。", "result"),  # 嘉峪关 2022
        ("完成農村公路改善工程137.4公里,占目標任務數110公里的124.91%。", "result"),  # 遂宁: the target's size between
        ("完成投资11.54亿元,完成年度总投资的88.76%。", "result"),  # 连云港 2025
        ("26项未达到序时进度要求的具体目标如下:地区生产总值增长6.1%", "result"),  # 连云港 2019: a review's lead-in
        ("地区生产总值增长6.1%,低于目标0.9个百分点。", "result"),  # 连云港 2019: the shortfall is measured
        ("项目内容:新改建城区公共厕所5座。", "target"),  # a field label speaks as its column
        ("加大项目前期工作力度,区级财政安排4000万元重大项目前期费。", "target"),  # 官渡 2016: 项目前期 is no 目前
        ("届时,将举行一台大戏,两项仪式,三场表演,四个活动。", "target"),  # 安龙: 届时 speaks for its sentence
        # 湖南 2011: a lead-in that tells of something done lists what was done, not the tasks
        (
            "有26个考核指标超额完成任务,分别是:改造县乡公路3290公里,为任务的164.5%;建成乡镇到村水泥路11702公里。",
            "result",
        ),
        ("今年的主要任务是:改造县乡公路3290公里。", "target"),
        # 万州 2024: what was done measured against the plan
        ("完成投资5.04亿元,比年度计划高20.3个百分点。", "result"),
        ("完成投资14.4亿元, 比计划投资高 17.1个百分点。", "result"),
        ("城市低保对象月人均补差185元,超任务17元。", "result"),  # 湖南 2011: how far the task was passed
    ],
)
def test_words_that_plan_and_shares_of_a_target(sentence, expected):
    assert [status for _, status in statuses(sentence)][-1] == expected


def test_a_deadline_the_documents_year_has_passed_states_a_result():
    from explore.analysis.figures import figures_in

    review = "到2021年，全市数字经济规模增加14倍。"
    assert [f[4] for f in figures_in(review, year=2022)] == ["result"]  # a 2022 report looking back
    assert [f[4] for f in figures_in(review, year=2021)] == ["target"]  # the plan of that year
    assert [f[4] for f in figures_in(review)] == ["target"]  # no year known: as the cue says
    assert [f[4] for f in figures_in("力争到2025年新增企业300家。", year=2022)] == ["target"]


@pytest.mark.parametrize(
    ("sentence", "status"),
    [
        ("7个项目超额完成节点目标", "result"),  # a city's progress bulletin (Liaoning, 2023)
        ("25个项目按计划完成节点目标", "result"),
        ("3个项目提前完成全年任务", "result"),
        ("城镇登记失业率控制在1.5%", "target"),  # a district's key-work table (Beijing, 2020)
        ("地区生产总值增长6%左右", "target"),
        ("国内生产总值增长6.5%—7%", "target"),  # a national news page on the year's targets
        ("单位生产总值能耗下降在3%以内", "target"),
        ("全年地区生产总值增长6.7%", "result"),
    ],
)
def test_the_words_around_a_figure_say_target_or_result(sentence, status):
    assert figures_in(sentence)[0][4] == status


@pytest.mark.parametrize(
    "sentence",
    [
        "超额完成市政府下达的18.1%的增速目标",  # the target's own figure (a district's news, 2018)
        "今年计划完成投资任务50亿元",
    ],
)
def test_a_figure_inside_the_target_it_names_is_the_target(sentence):
    assert figures_in(sentence)[0][4] == "target"


def test_a_range_is_a_goal_even_in_a_review():
    # a national news page on the 2016 targets (eval/dev): the range quoted, then what was done
    assert statuses(
        "报告提出一系列主要预期目标,完成情况良好:",
        "国内生产总值增长6.5%—7%。去年国内生产总值增长6.7%。",
    ) == [("6.5%", "target"), ("7%", "target"), ("6.7%", "result")]


def test_a_span_of_months_ending_in_a_year_is_no_deadline():
    # 衢州 2019 (an audit work report, eval/dev): 2018年7月至2019年6月 is the period reviewed
    sentence = "2018年7月至2019年6月,全市审计系统共组织完成审计项目108个,查出违规金额2.23亿元"
    assert [f[-1] for f in figures_in(sentence)] == ["result", "result"]
    assert [f[-1] for f in figures_in("至2025年,新建学校12所")] == ["target"]  # a deadline still is one


def test_what_stood_done_by_a_dated_day_is_a_result():
    # 审计工作报告 news 2023 (eval/dev): 至2023年4月 … 已整改
    sentence = "至2023年4月,对2021年度审计发现的问题,已整改问题金额8501.11亿元"
    assert [f[-1] for f in figures_in(sentence, year=2023)] == ["result"]
    assert [f[-1] for f in figures_in("至2025年,新增学位1万个", year=2023)] == ["target"]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # 北京 2017 inspection news (Big5 page): the year's set of things, in a review of them
        ("据介绍,今年确定的30件重要民生实事,进展顺利", ["target"]),
        # 黄山 2013 progress news: the province's set, in the city's count
        ("据悉,今年黄山市在省定33项民生工程的基础上增加安排4项", ["target", "target"]),
        # 江苏 2008 task division: a year's targets split into tasks
        ("研究决定,将全年的目标任务分解为50项", ["target"]),
        # 连云港 2025 progress (Traditional): the things of the provincial set, one count after another
        ("2025年,省政府民生實事共有12類45件53個事項", ["target", "target", "target"]),
        # 宝安 2019 work report: the set, told as done before it is named, is a result
        ("圆满完成了区六届人大三次会议确定的十方面72项重点任务", ["result"]),
        # 丹东 2016 inspection: what was done, counted in the next clause
        ("已经完成或基本完成的指标任务,共计19项", ["result"]),
        # a count of things, not of items, after the cue; a cue too far before the count
        ("全区确定了学校12所", ["result"]),
        ("今年确定的民生实事里面由区教育局负责新建的学校共计有12个", ["result"]),
    ],
)
def test_the_set_a_plan_fixed_is_counted_as_a_target(sentence, expected):
    assert [f[-1] for f in figures_in(sentence, "result")] == expected


def test_a_projects_planned_investment_is_a_target():
    # dev317, dev397 in eval/dev: a review names the plan's investment beside what was done
    assert statuses("一、工作回顾", "全区重点建设项目181个,计划投资1404亿元,截至5月底开工98个。") == [
        ("181个", "result"), ("1404亿元", "target"), ("98个", "result")]  # fmt: skip
    assert statuses("一、工作回顾", "本年度总投资6000万元的19个项目进展顺利。")[0] == ("6000万元", "target")
    # what was done before it in its sentence makes the sum a result
    assert statuses("截至5月底已完成总投资120亿元。") == [("120亿元", "result")]
    # dev462 in eval/dev: a project's estimated budget (概算投资) beside the year's outturn
    assert statuses("一、工作回顾", "省级6项,概算投资140.16亿元,当年计划投资19亿元。")[1] == ("140.16亿元", "target")


def test_a_figure_inside_quotes_opened_before_it_and_closed_after():
    # under a review, a plan's item quoted by name is still a target; a figure after quotes that closed is not
    assert statuses("一、工作回顾", "推出「新建幼儿园3所」等举措。")[0] == ("3所", "target")
    assert statuses("一、工作回顾", "“甲”乙“丙”新建幼儿园3所,“丁”。")[0] == ("3所", "result")


def test_a_sentence_stating_the_goals_governs_to_its_end():
    # dev457, dev452 in eval/dev: no colon after 预期目标是, yet every figure after it is a goal
    text = "2024年主要预期目标是地区生产总值增长6%以上,地方一般公共预算收入增长6%,规模以上工业增加值增长7.5%。"
    assert [s for _, s in statuses("一、工作回顾", text)] == ["target", "target", "target"]
    assert statuses("一、工作回顾", "近7成省份今年GDP增长预期目标在6%及以上。")[-1] == ("6%", "target")


def test_a_comparison_with_what_was_expected_tells_of_a_result():
    # dev451 in eval/dev: 快于预期 and 超预期 measure what was done against the plan
    assert statuses("其中5项指标快于预期。")[0] == ("5项", "result")
    assert statuses("全年新增就业3万人,超预期完成。")[0] == ("3万人", "result")
    assert statuses("预期新增就业3万人。")[0] == ("3万人", "target")


def test_a_count_measured_against_its_target_tells_of_a_result():
    # dev432 in eval/dev (连云港 2019 督查通报): the counts of what fell short of, or met, the target
    text = "9个综合指标(按考核目标口径统计)、重点工作中的17个具体事项推进未达预期目标。"
    assert statuses(text) == [("9个", "result"), ("17个", "result")]
    # dev114 in eval/dev (云南 2018): 达到或超过计划目标
    assert statuses("城镇新增就业人数等8项指标达到或超过计划目标序时进度。") == [("8项", "result")]
    # a goal to reach stays one
    assert statuses("力争8项指标达到目标。") == [("8项", "target")]


def test_a_size_naming_a_project_is_its_planned_scale():
    # dev320 in eval/dev (新宾 2023 工作报告, under its review): the projects' sizes, not what was done
    text = "投资74亿元的苇子峪抽水蓄能电站项目确定最优站址并完成实地勘测,投资6.5亿元的100兆瓦分散式风力发电项目已获市级核准。"
    assert statuses("一、工作回顾", text) == [("74亿元", "target"), ("6.5亿元", "target"), ("100兆瓦", "target")]
    # dev348 in eval/dev (国办函 2004): a capacity counts things, yet names the project's size
    assert statuses("一、工作回顾", "投资新建年产130根能力的项目需审慎研究。") == [("130根", "target")]
    # a count of projects, and a sum spent on them, are left to the clause
    assert statuses("一、工作回顾", "投入500万元实施18个项目。") == [("500万元", "result"), ("18个", "result")]


def test_the_parts_of_a_planned_total_are_planned_too():
    # dev461 in eval/dev (惠东 2022 1至5月重点项目): the set the plan fixed, broken down after 其中
    text = "今年,我县安排重点建设项目72宗(其中,投产项目5宗,续建项目28宗,新开工项目39宗)。"
    assert [s for _, s in statuses(text)] == ["target"] * 4
    # dev462 in eval/dev (沁水 2021): 共30项,其中:建设项目27项(省级6项…)
    assert set(s for _, s in statuses("我县重点工程项目共30项,其中:建设项目27项(省级6项、市级5项)。")) == {"target"}
    # a part told as done is a result; a breakdown of a result is one
    assert statuses("今年确定实事共38项,其中5项已完成。") == [("38项", "target"), ("5项", "result")]
    assert statuses("全年完成投资88亿元,其中工业投资30亿元。") == [("88亿元", "result"), ("30亿元", "result")]


def test_a_count_naming_the_plans_set_of_tasks_is_a_target():
    # dev247 in eval/dev (会昌 2023 10月份民生实事进展情况的通报): the set the plan fixed, in a review
    text = "各有关部门认真贯彻落实县政府工作部署,扎实推进65件民生实事办理,取得了较好成效。"
    assert statuses("一、工作回顾", text) == [("65件", "target")]
    # dev404 in eval/dev (黄山 2013): 全市37项民生工程上半年共完成投资额19.62亿元
    assert statuses("一、工作回顾", "全市37项民生工程上半年共完成投资额19.62亿元。")[0] == ("37项", "target")
    # told as done, it is a count of what was done
    assert statuses("一、工作回顾", "截至目前,29件实事已经完成。") == [("29件", "result")]


def test_a_share_that_is_the_ratio_of_the_two_numbers_before_it_is_done():
    # dev339 in eval/dev (岳阳楼 2022 1-10月民生实事进度表): 工作目标 2800, 已完成数 2539, 占比 90.7%
    row = "2 特殊群体健康保障 孕产妇免费产前筛查 人次 2800 2539 90.7%"
    assert statuses("2022年目标任务", row) == [("90.7%", "result")]
    # a share that is no such ratio keeps what the heading says
    assert statuses("2022年目标任务", "新生儿筛查 人次 2800 2539 95%") == [("95%", "target")]


@pytest.mark.parametrize(
    ("before", "share", "done"),
    [
        # a progress row: target, done, then the share done (7.23 / 5.2 = 139.04%), to its rounding
        ("城镇新增就业 万人 5.2 7.23 ", 139.0, True),
        ("城镇新增就业 万人 5.2 7.23 ", 139.5, True),
        ("城镇新增就业 万人 5.2 7.23 ", 140.0, False),
        ("8950人 | 7123人 | ", 79.6, True),
        ("计划 1 完成 0.8 ", 80.0, True),
        ("计划 10 完成 0 ", 0.0, True),  # nothing done yet
        ("计划 0 完成 5 ", 10.0, False),  # no target to divide by
        ("增长 ", 8.0, False),
        # 上海 2024 (eval/dev): the item's name between its planned count and the count done
        ("2 | 新增30个社区长者食堂 | 39 | ", 130.0, True),
    ],
)
def test_a_share_that_is_the_second_number_over_the_first(before, share, done):
    assert share_done(before, share) is done


def test_a_year_still_ahead_states_a_target():
    # (the document's year is 2023) next year, or a year after the document's, plans
    assert statuses("明年，全区地区生产总值增长6%，固定资产投资增长8%。") == [("6%", "target"), ("8%", "target")]
    assert statuses("2024年，全区地区生产总值增长6%，固定资产投资增长8%。") == [("6%", "target"), ("8%", "target")]
    assert statuses("2022年，全区地区生产总值增长6%。") == [("6%", "result")]  # a year gone by


def test_the_plan_a_sentence_opens_on_governs_its_list():
    assert statuses("计划新建学校3所，新增学位2000个。") == [("3所", "target"), ("2000个", "target")]
    # what was done, told in the opening, is no plan
    assert statuses("计划内项目已完成3个，新增学位2000个。") == [("3个", "result"), ("2000个", "result")]


def test_funds_won_or_sought_are_told_by_the_heading():
    # 辽阳 2024 work report's review: 争取上级资金 is money won, and the clauses after it are done too
    review = "项目建设推进有力。争取上级资金130亿元,新增建设用地11.9公顷。"
    assert statuses("一、2023年工作回顾", review) == [("130亿元", "result"), ("11.9公顷", "result")]
    # the same words under the year's plan are money sought
    assert statuses("二、2024年主要工作", "争取上级资金150亿元。") == [("150亿元", "target")]
    # with no heading, 争取 still reads as a goal; 争取 with no funds after it governs its sentence
    assert figures_in("争取中央预算内投资3亿元", None)[0][-1] == "target"
    assert [f[-1] for f in figures_in("争取全年增长6%,新增就业1万人", "result")] == ["target", "target"]
