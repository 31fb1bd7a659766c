"""Whether a figure states a target or a result (``analysis.figure_status``): the headings,
columns, lead-ins and announcing paragraphs above a figure, on sentences from documents in eval/."""

from __future__ import annotations

from explore.analysis.figure_status import heading_status
from explore.analysis.figures import figures_in
from tests.analysis.test_figures import statuses


def test_a_target_heading_carries_target_to_its_items():
    # 蔡甸区 2023, 主要目标任务责任分解方案: the items hold no cue of their own
    assert statuses(
        "一、2023年全区经济社会发展的主要预期目标",
        "(一)地区生产总值增长7%以上",
        "责任单位:区发展和改革局",
        "(二)规上工业增加值增长12%以上",
    ) == [("7%", "target"), ("12%", "target")]
    # 盐田 2022 (南方都市报): an unnumbered heading over ◎ items, ended by the running text after it
    assert statuses(
        "盐田今年经济社会发展主要预期目标",
        "◎地区生产总值增长7%左右",
        "◎城镇调查失业率控制在3.5%以内",
        "4月18日上午,盐田区第六届人民代表大会第二次会议召开。区长邓飞波代表盐田区人民政府向大会作工作报告。"
        "梳理政府工作报告,可以看到盐田今年工作重点聚焦5个“关键词”。",
    ) == [("7%", "target"), ("3.5%", "target"), ("5个", "result")]


def test_a_paragraph_announcing_the_list_below_carries_to_it():
    # 贵州 2020 (人民网 repost): "…着力办好以下“十件民生实事”。" over (1)…(10)
    assert statuses(
        "1月15日,省十三届人大三次会议开幕,贵州将在2020年着力办好以下“十件民生实事”。",
        "(1)建设100所公办幼儿园。",
        "(2)县乡公路路面改善提升工程建成4000公里。",
        kind="news report",
    ) == [("100所", "target"), ("4000公里", "target")]
    # a forum repost (南郑区 2024, eval/dev; here of the year it is dated) drops the stop: "…10个民生实事项目具体如下" over 一、…
    assert statuses(
        "3月8日下午,汉中市南郑区第十八届人民代表大会第三次会议胜利闭幕。会议期间,与会代表以无记名投票的方式从"
        "汉中市南郑区2023年12个民生实事候选项目中票决产生了10个民生实事项目。汉中市南郑区2023年10个民生实事项目具体如下",
        "一、教育基础设施提升项目",
        "新建南郑中学学生宿舍楼1栋,总建筑面积3050平方米,改造餐厅3558平方米;",
        kind="news report",
    )[-3:] == [("1栋", "target"), ("3050平方米", "target"), ("3558平方米", "target")]


def test_a_final_accounts_heading_reviews():
    # 泉港区 2023 决算 (a mirror): under 财政收支决算情况, spending is what was spent, though the
    # report the motion cites plans the next year's budget
    assert statuses(
        "一、财政收支决算情况",
        "2.支出情况。一般公共预算支出371185万元,增长2.1%。",
        title="关于泉港区2023年预算执行情况和2024年预算草案的报告",
    ) == [("371185万元", "result"), ("2.1%", "result")]


def test_a_heading_that_says_its_items_are_done_reviews():
    # 湖南省统计局 on 长沙 2015 (eval/dev): "提前完成任务指标有7项" names 任务指标 but says they are done
    assert statuses(
        "一、实事项目进度完成情况",
        "(一)提前完成任务指标有7项。截止7月底,全市已有7个考核项目已完成全年目标任务。分别为:完成山塘清淤增蓄5万亩;"
        "农村居民最低生活保障标准达260元以上。",
    )[-2:] == [("5万亩", "result"), ("260元", "result")]
    # a column of what is done (已完成数) is no heading over the table's rows
    assert heading_status("序号 考核指标 单位 工作目标 已完成数 占年任务之比") == "target"
    assert heading_status("力争提前完成全年目标任务") == "target"


def test_a_review_heading_carries_result_over_weak_words():
    # 越秀区 2016: 预期目标 in a review is what was beaten, not a target
    assert statuses(
        "一、过去五年工作回顾",
        "(一)稳增长促转型,经济发展提质增效。",
        "经济实力跃上新台阶。五年来,推动全区地区生产总值在2012年突破2000亿元,2015年达到2699.63亿元,"
        "年均增长8.8%,增速高于“十二五”预期目标0.8个百分点。",
    ) == [("2000亿元", "result"), ("2699.63亿元", "result"), ("8.8%", "result"), ("0.8个百分点", "result")]
    # 宝安区 2019: the 72 tasks of the review were done
    assert statuses(
        "一、2018年工作回顾",
        "圆满完成了区六届人大三次会议确定的十方面72项重点任务和2743项“两重”工作。",
    ) == [("72项", "result"), ("2743项", "result")]
    # 马山县 2021, a text cut into lines: a line holding 任务 is no target heading
    assert statuses(
        "一、 2020 年和十三五工作回顾",
        "复杂的国内外形势、艰巨繁重的改革发展稳定任务,特别是新冠肺炎疫情的严重冲击,",
        "[1] 工作、全面落实六保 [2] 任务,统筹做好疫情防控和经济",
        "展的马山模式,获《人民日报海外版》选登为中国九个脱贫传奇之一。",
    ) == [("九个", "result")]


def test_the_next_heading_of_the_same_level_ends_the_carry():
    # 金乡县 2025 责任分工: the targets stop at 二、; (一) below a 一、 does not stop them
    got = statuses(
        "一、2025年主要预期目标",
        "1.地区生产总值增长6%。(牵头单位:县发展和改革局)",
        "二、聚力强产业、壮集群,构筑经济增长新引擎",
        "(一)稳增长促转型,经济发展提质增效。",
        "区认定总部型企业共362家,其中市认定总部企业60家。",
    )
    assert got == [("6%", "target"), ("362家", "result"), ("60家", "result")]


def test_a_heading_over_numbered_sections_announces_all_of_them():
    # 潜江 2017 (分解落实《政府工作报告》): a running paragraph under 一、 does not end the heading above it
    assert statuses(
        "《政府工作报告》重点工作责任分解",
        "一、加快转型升级,提升产业竞争力",
        "坚持调优调强,推进产业高端化、集群化、绿色化发展,加快构筑现代产业高地。",
        "突出工业主体地位。投资200亿元,实施工业项目工程。",
        title="市人民政府办公室关于分解落实《政府工作报告》的通知",
    ) == [("200亿元", "target")]


def test_a_lead_in_carries_to_the_end_of_its_paragraph():
    # 2026 national work report (HK01): the goals follow a colon, across ；
    assert statuses(
        "报告指出,今年发展主要预期目标是:经济增长4.5%-5%,在实际工作中努力争取更好结果;"
        "城镇调查失业率5.5%左右,城镇新增就业1200万人以上。"
    ) == [("4.5%", "target"), ("5%", "target"), ("5.5%", "target"), ("1200万人", "target")]
    # 广州 2006: three-sector ratios are no lead-in: 到2005年 before a ratio's colon carries nothing
    assert statuses(
        "三次产业比例2000年为3.79:40.98:55.23,到2005年为2.46:40.68:56.86。2005年完成工业总产值6770.02亿元。"
    )[-1] == ("6770.02亿元", "result")


def test_a_comma_after_the_expected_goals_leads_in_as_a_colon():
    # 果洛 2023 (eval/dev): the goals named, then listed across ；
    assert statuses("果洛州划定发展预期目标,地区生产总值增长3%;全社会固定资产投资增长7%。") == [
        ("3%", "target"),
        ("7%", "target"),
    ]


def test_progress_notices_review():
    from explore.analysis.figure_status import heading_status

    # 巴中 2017, 大连 2023 (eval/dev): a progress notice's or a latest-progress title reviews
    assert heading_status("巴中市2017年市自选“十件民生实事”1—9月进度公示") == "result"
    assert heading_status("2023年大连重点民生工程最新进展(4月)") == "result"
    assert heading_status("2023年十件民生实事") == "target"


def test_a_heading_speaks_for_the_running_paragraph_right_below_it():
    # 金华 开发区 2024 (an e-paper page, eval/dev): the targets follow their heading as one paragraph
    assert statuses(
        "2024年目标任务",
        "实现GDP增速6.2%以上;规上工业总产值增长20%以上。",
        "回顾去年,全区上下克难攻坚,经济运行稳中有进,全年新建学校3所,新增学位2700个,民生保障持续加强。",
    ) == [("6.2%", "target"), ("20%", "target"), ("3所", "result"), ("2700个", "result")]
    # 湖北 2025 (an e-paper digest, eval/dev): a report card reviews
    assert heading_status("■ 2024年成绩单") == "result"


def test_a_lead_in_naming_the_years_first_budget_announces_targets():
    # 巫溪县 2022 (a budget explanation, eval/dev)
    statuses = [
        f[-1] for f in figures_in("县人大批准的年初预算为:一般公共预算收入76138万元(税收收入47008万元)", "result")
    ]
    assert statuses == ["target", "target"]


def test_a_numbered_paragraph_of_prose_is_no_heading():
    # a review's numbered paragraph that speaks of 目标任务 in passing (its commas lost to a PDF)
    # announces nothing below it: past 40 characters a line is prose
    assert statuses(
        "(一)经济运行稳中有进全面完成年初确定的主要目标任务地区生产总值实现较快增长质量效益稳步提升",
        "全年地区生产总值增长6%。",
    ) == [("6%", "result")]


def test_a_lead_in_with_a_full_width_colon_on_its_own_line():
    assert statuses("今年主要预期目标：", "城镇新增就业1.2万人") == [("1.2万人", "target")]


def test_only_the_last_sentence_announces_the_list_below():
    # the review before it does not speak for the list the last sentence announces
    assert statuses("去年工作回顾显示成效明显。今年将着力办好以下十件民生实事。", "1.新建学校3所") == [
        ("3所", "target")
    ]


def test_a_numbered_line_speaks_as_a_heading_only_before_its_colon_and_notes():
    # 连云港 2019 inspection of the year's targets: the items below a review lead-in are results,
    # though the group's note says how targets are counted and each line compares with its target
    assert statuses(
        "26项未达到序时进度要求的具体目标如下:",
        "一、综合指标类9项(按考核目标统计)",
        "1.地区生产总值(第1项):增长6.1%,低于目标0.9个百分点。",
    ) == [("26项", "result"), ("9项", "result"), ("6.1%", "result"), ("0.9个百分点", "result")]
    # a heading's own words before its colon still announce (蔡甸区 2023-like)
    assert statuses("1.主要目标:地区生产总值增长7%") == [("7%", "target")]
    assert heading_status("主要预期目标(2025年)") == "target"


def test_a_paragraph_that_announces_its_list_in_its_last_sentence():
    from explore.analysis.figure_status import _announced

    assert _announced("目标如下。") == "target"  # the whole paragraph is its last sentence
    assert _announced("去年工作回顾已完成。今年主要目标如下。") == "target"  # only the last sentence speaks
    assert _announced("今年主要目标如下。去年已完成。") is None


def test_a_column_of_shares_done_reviews():
    # dev207 in eval/dev (浙江 2024 民生实事进展, as read in Simplified): 进展比例 tells what was done
    assert statuses(
        "2024年民生实事任务",
        "序号 | 任务项目指标 | 责任单位 | 进展比例 |",
        "3 | 在公共场所新增配置自动体外除颤仪115台。 | 区卫生健康局 | 80% |",
    )[-1] == ("80%", "result")


def test_a_tasks_second_line_keeps_its_left_end():
    # dev93, dev327 in eval/dev (柯桥 2023, 临安 2022 进展情况): a row with no number and its last
    # cells empty goes on the task above it, from the task column on, not from the table's right end
    header = "序号 | 项目内容 | 进展情况 | 责任单位 |"
    assert statuses(
        "2022年民生实事项目进展情况",
        header,
        "1 | 新建幼儿园7所。 | 新建成幼儿园7所。 | 教育局 |",
        "新增托位500个。 | 新增托位600个。 | ||",
    )[-2:] == [("500个", "target"), ("600个", "result")]
    assert statuses("2023年民生实事进展情况", "序号 | 工作任务 | 责任单位 | 进展情况 |", "新增学位810个 | |||") == [
        ("810个", "target")
    ]
    # a row that lost its left cells to merged ones, its right end full, still keeps its right end
    assert statuses("2022年民生实事项目进展情况", header, "新增托位500个。 | 新增托位600个。 | 教育局 |")[-2:] == [
        ("500个", "target"),
        ("600个", "result"),
    ]


def test_a_numbered_line_of_clauses_and_figures_is_no_heading():
    # 镇上半年工作汇报 (eval/dev): 1、… is an item's sentence under a review heading, not a plan's heading,
    # though it names the year's plan (占年计划的58.2)
    assert statuses(
        "一、上半年工作完成情况",
        "1、元至6月份,完成国内生产总值31100万元,占年计划的58.2,同比增长17.8;",
    ) == [("31100万元", "result")]
    # a numbered heading without figures still speaks (1、年度目标任务)
    assert statuses("1、年度目标任务", "新建学校3所。") == [("3所", "target")]


def test_a_share_of_the_years_planned_investment_is_how_much_was_done():
    # 重庆 2022 (eval/dev): 占年度计划投资46.9% measures what was done; 计划投资57.35亿元 is the plan
    from explore.analysis.figures import figures_in

    found = figures_in("完成投资100.5亿元,占年度计划投资46.9%。")
    assert [(f, status) for f, *_, status in found] == [("100.5亿元", "result"), ("46.9%", "result")]
    assert figures_in("2022年计划投资57.35亿元。")[0][-1] == "target"


def test_a_subjects_will_governs_the_clauses_after_it():
    # 嵊州 2024 十大民生实事 (a news mirror, eval/dev): 将 stands in the first clause, the figures after
    assert statuses(
        "医疗惠民方面,嵊州将用好“医有剡助”暖心无忧基金,保障困难群众就医个人负担不超过总医疗费10%,"
        "实现20个偏远山区行政村5G+巡回医疗全覆盖。",
        kind="news report",
    ) == [("10%", "target"), ("20个", "target")]
    # a result cue in the sentence still speaks: what was done
    assert statuses("全区将12个村纳入试点,已建成示范村8个。") == [("12个", "target"), ("8个", "result")]


def test_a_target_cue_governs_past_a_semicolon_to_the_full_stop():
    # 台州市路桥区志 (eval/dev): the 十一五 goals, one sentence of clauses parted by ;
    assert statuses(
        "力争到2010年,生产总值年均增长13%,人均生产总值超过7万元;全区财政总收入和地方财政收入年均增长13%,"
        "全社会固定资产投资年均增长15%。"
    ) == [("13%", "target"), ("7万元", "target"), ("13%", "target"), ("15%", "target")]
    # a result cue after the semicolon speaks; 争取 money is money won (苏尼特右旗 2023, eval/dev)
    assert statuses("力争到2025年,生产总值增长6%;去年已完成投资15亿元。")[-1] == ("15亿元", "result")
    assert statuses("争取上级转移支付资金较2021年增加1.86亿元;固定资产投资完成17亿元。")[-1] == ("17亿元", "result")


def test_a_lead_in_that_counts_the_set_done_reviews():
    # 解放日报 on 上海 2005 (eval/dev): "2005年市政府完成的10件实事项目具体情况如下:"
    found = statuses(
        "2005年市政府完成的10件实事项目具体情况如下:",
        "一、鼓励创业,全年新增就业岗位65万个,为计划的130%。",
        kind="news report",
    )
    assert found[-2:] == [("65万个", "result"), ("130%", "result")]
    assert statuses("今年要完成的10件实事项目如下:", "一、新增就业岗位65万个。")[-1] == ("65万个", "target")


def test_a_line_that_states_a_share_is_no_heading():
    # 海南 2021 上半年 fiscal infographic (eval/dev): "完成年初预算的57.1%" names 年初预算 but is a statement
    assert statuses(
        "上半年我省地方一般公共预算收入进度",
        "完成年初预算的57.1%",
        "税收收入增长66.4%",
        "占地方一般公共预算收入比重为80.5%",
    ) == [("57.1%", "result"), ("66.4%", "result"), ("80.5%", "result")]


def test_a_goal_named_as_planned_is_a_target_beside_what_was_done():
    # 甘肃 2023 plan execution (eval/dev): the year-start goal in brackets beside the outturn
    assert statuses("全省地区生产总值全年增长4.2%,高于全国平均水平,比年初目标(6.5%)低2.3个百分点。") == [
        ("4.2%", "result"),
        ("6.5%", "target"),
        ("2.3个百分点", "result"),
    ]
    # 大连 2021 (eval/dev): done, and the goal it passed
    assert ("50场", "target") in statuses("累计完成90场心理健康培训服务,已超额完成年度目标(50场)的180%。")
    # 山东 2013 (eval/dev): the goal as fixed; 闽侯 2023 (eval/dev): the year's planned investment
    assert statuses("今年经济增长目标确定为9.5%左右。") == [("9.5%", "target")]
    assert statuses("在建项目185项,总投资1330.5亿元,年度计划投资327.53亿元,1-6月累计完成投资235亿元。")[-2:] == [
        ("327.53亿元", "target"),
        ("235亿元", "result"),
    ]


def _news_statuses(paragraph: str, *, year: int) -> list[tuple[str, str]]:
    """(figure, status) of a one-paragraph news item dated ``year`` (``statuses`` dates its documents 2023)."""
    from explore.analysis.figures import doc_figures

    return [(r[2], r[6]) for r in doc_figures([(1, paragraph)], year=year, title="", doc_type="news report")]


def test_an_estimate_of_a_year_gone_by_is_a_result():
    # 福建 2023 (a news mirror of the report, eval/dev): the year before, estimated, 左右
    assert _news_statuses(
        "初步预计,2022年城镇居民、农村居民人均可支配收入分别增长5.2%左右、7.6%左右,城镇调查失业率5.1%左右。", year=2023
    ) == [("5.2%", "result"), ("7.6%", "result"), ("5.1%", "result")]


def test_a_year_that_opens_a_sentence_governs_its_list_past_a_semicolon():
    # 江苏 2009 (a news item on the 2008 results, eval/dev)
    assert _news_statuses(
        "2008年全省地区生产总值增长12.5%左右;单位地区生产总值能耗下降4.6%左右;地方一般预算收入增长22.1%。", year=2009
    ) == [("12.5%", "result"), ("4.6%", "result"), ("22.1%", "result")]
