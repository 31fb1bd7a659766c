"""Items read from a document's outline, lines and paragraphs, with their leads, on small cases
shaped like documents in eval/ and eval/dev."""

import pytest

from explore.analysis.item_rows import _assigned_targets, doc_items
from explore.analysis.outline import outline
from explore.analysis.roles import item_roles as _lead
from explore.analysis.task_table import table_rows


def paras(*lines):
    return list(enumerate(lines, 1))


def test_a_lead_line_of_its_own_belongs_to_the_item_before_it():
    items = doc_items(paras("一、重点工作", "1. 稳企业、防风险。扎实做好稳企业各项工作。", "牵头单位:省发展改革委、省财政厅",
                            "2. 政府数字化转型。以数字化转型撬动改革。", "牵头单位:省大数据局"))  # fmt: skip
    assert [i["lead"] for i in items if i["number"]] == ["省发展改革委、省财政厅", "省大数据局"]


def test_a_table_row_held_by_an_outline_item_gives_it_its_lead():
    # shaped like a city's division table whose first cell is the province's task (plan_05 in eval/)
    items = doc_items(paras("序号 | 省部署任务 | 市落实措施 | 牵头单位 | 责任单位 | 完成时限 |",
                            "(一)全面实施清单管理。 | 1.编制清单。 | (1)编制市级清单。 | 市行政审批局 | 各区县政府 | 2022年11月 |",
                            "(2)清理变相许可。 | 市司法局 | 各区县政府 | 2022年11月 |"))  # fmt: skip
    assert items[0]["lead"] == "市行政审批局"
    assert items[0]["lead_rule"] == "table"  # the lead_rule column says which rule gave the lead
    assert all(i["lead"] != "2022年11月" for i in items)


def test_table_items_take_the_heading_above_the_table_as_tier():
    items = doc_items(paras("一季度进展情况表", "序号", "内容与要求", "责任单位", "1", "稳增长。", "市发改委",
                            "2", "抓投资。", "市财政局"))  # fmt: skip
    assert [(i["tier"], i["lead"], i["lead_rule"]) for i in items] == [
        ("一季度进展情况表", "市发改委", "table"),
        ("一季度进展情况表", "市财政局", "table"),
    ]


def test_a_table_under_a_numbered_heading_gives_its_own_items():
    # shaped like a county progress table under "一、…任务分解表" (more_03 in eval/)
    items = doc_items(paras("一、10件民生实事任务分解表", "序号 | 具体工作任务和要求 | 责任领导 | 责任单位 | 落实情况 |",
                            "1 | 推动义务教育均衡发展。 | 毛晓青 | 县教体局 各相关乡镇政府 | 已完成。 |",
                            "2 | 推进医改试点。 | 毛晓青 | 县卫健委 | 已完成。 |"))  # fmt: skip
    assert [(i["lead"], i["leaders"]) for i in items if i["number"] in ("1", "2")] == [
        ("县教体局、各相关乡镇政府", "毛晓青"), ("县卫健委", "毛晓青")]  # fmt: skip


def test_a_leader_line_before_any_item_is_ordinary_text():
    items = doc_items(paras("责任领导:张三", "一、深化改革。推进放管服。"))
    assert [i["title"] for i in items] == ["深化改革"]


def test_a_labelled_list_stops_at_the_next_field():
    from explore.analysis.roles import item_roles as _lead

    # 宁波 2014, a flattened row: 责任单位 then the next fields
    assert _lead("完成1号线通车。 责任单位:市公安局 项目责任人:王伟标 配合单位:市城管局、市财政局")[:2] == (
        "市公安局",
        "市城管局、市财政局",
    )
    # 房县 2023: 牵头单位, then 责任单位 after a comma
    assert _lead("(牵头单位:县行政审批局,责任单位:县直各有关单位,各乡镇人民政府)")[:2] == (
        "县行政审批局",
        "县直各有关单位,各乡镇人民政府",
    )


def test_outline_numbers_run_past_ninety_nine():
    from explore.analysis.item_rows import doc_items

    paras = [(1, "116.全面开展长江高水平保护十大攻坚提升行动。(牵头单位:市生态环境局;责任单位:市经信局)"),
             (2, "117.全面开展降碳减污扩绿增长十大行动。(责任单位:市发改委)")]  # fmt: skip
    assert [i["lead"] for i in doc_items(paras)] == ["市生态环境局", "市发改委"]


def test_a_lead_and_partners_in_prose_by_other_duty_words():
    # 福建 食品放心工程: 由X承办，Y协办 / 由X负责，Y配合; people named so are no lead
    assert _lead("由省经贸委承办,省农业厅、卫生厅协办。")[:2] == ("省经贸委", "省农业厅、卫生厅")
    assert _lead("(一)由省经贸委负责,省农业厅、环保局配合")[:2] == ("省经贸委", "省农业厅、环保局")
    assert _lead("主要领导负责,分管领导配合")[0] == ""


def test_lines_that_each_close_with_their_units_are_measures_of_their_own():
    # shaped like a province's division of its five-year plan's binding targets (江苏 2006)
    items = doc_items(paras("1. 约束性指标的责任部门",
                            "单位地区生产总值能源消耗力争降低20%左右。(省经贸委牵头)",
                            "完成国家下达的耕地保有量指标。(省国土资源厅牵头)",
                            "完成COD减排15.1%指标。(省环保厅、发展改革委按职责分工负责)"))  # fmt: skip
    # the heading line alone is their tier
    assert [(i["tier"], i["lead"]) for i in items] == [
        ("约束性指标的责任部门", "省经贸委"),
        ("约束性指标的责任部门", "省国土资源厅"),
        ("约束性指标的责任部门", "省环保厅、发展改革委"),
    ]
    under = doc_items(paras("（一）约束性指标", "1. 约束性指标的责任部门",
                            "能源消耗力争降低20%左右。(省经贸委牵头)", "完成耕地保有量指标。(省国土资源厅牵头)"))  # fmt: skip
    assert [(i["level"], i["lead"], i["lead_rule"]) for i in under] == [
        ("project", "省经贸委、省国土资源厅", "its measures"),
        ("measure", "省经贸委", "every listed unit"),
        ("measure", "省国土资源厅", "every listed unit"),
    ]
    # one noted line under an item is its note, not a task
    one = doc_items(paras("1. 加强耕地保护", "完成国家下达的耕地保有量指标。(省国土资源厅牵头)", "落实占补平衡。"))
    assert [i["lead"] for i in one] == ["省国土资源厅"]


def test_runs_of_lines_each_closed_by_a_note_of_their_own_are_measures():
    # shaped like a State Council pilot plan (国办发 2018): un-numbered tasks under a heading,
    # each paragraph followed by its note on a line of its own; 指导 names the units as 负责 does
    items = doc_items(paras("（一）强化顶层设计引领。",
                            "建立指标体系，发挥导向引领作用。研究建立指标体系。",
                            "（生态环境部牵头，国家发展改革委、国家统计局参与）",
                            "统筹城市发展与固体废物管理，优化产业结构布局。",
                            "（国家发展改革委、自然资源部指导）"))  # fmt: skip
    assert [(i["tier"], i["lead"], i["partners"]) for i in items] == [
        ("强化顶层设计引领", "生态环境部", "国家发展改革委、国家统计局"),
        ("强化顶层设计引领", "国家发展改革委、自然资源部", ""),
    ]
    assert items[0]["title"] == "建立指标体系，发挥导向引领作用"


def test_a_targets_section_whose_items_name_their_units_is_no_framing():
    # shaped like the State Council's division of its work report (国发〔2020〕6号): the targets
    # sit two levels down, under 一、…主要目标 / （一）总体要求和主要预期目标
    items = doc_items(paras("一、落实发展主要目标和下一阶段工作总体部署", "（一）总体要求和主要预期目标。",
                            "1.城镇新增就业900万人以上，城镇调查失业率6%左右。（国务院各部门分别负责，年内持续推进）",
                            "2.居民消费价格涨幅3.5%左右。（国家发展改革委负责）"))  # fmt: skip
    assert [i["lead"] for i in items if i["level"] == "measure"] == ["国务院各部门", "国家发展改革委"]
    # the same heading over plain targets is the plan's framing: no items
    assert (
        doc_items(
            paras(
                "一、主要目标",
                "（一）总体要求和主要预期目标。",
                "1.城镇新增就业900万人以上。",
                "2.居民消费价格涨幅3.5%左右。",
            )
        )
        == []
    )


def test_tasks_run_together_on_one_line_are_cut_at_their_notes():
    # shaped like a city's division of its five-year plan's binding targets on an aggregator
    # page (天津 2006): the targets and their notes glued on one line
    items = doc_items(paras("1.主要指标的责任部门。",
                            "常住人口控制在1150万人左右。(市人口计生委、市公安局牵头)万元地区生产总值能源消耗降低20%。"
                            "(市经委牵头)万元工业增加值取水量降低20%。(市节水办、市经委牵头)"))  # fmt: skip
    assert [(i["title"], i["lead"]) for i in items] == [
        ("常住人口控制在1150万人左右", "市人口计生委、市公安局"),
        ("万元地区生产总值能源消耗降低20%", "市经委"),
        ("万元工业增加值取水量降低20%", "市节水办、市经委"),
    ]


def test_a_sentence_after_a_group_of_targets_names_their_unit():
    # shaped like a city's target-management plan (郑州 2007): the unit follows the targets it is for
    items = doc_items(paras("（一）跨越式发展目标。", "1.地区生产总值增长15%;", "2.第三产业增加值达到1000亿元;",
                            "2项目标的责任单位均为市发展改革委。", "3.规模以上工业销售收入达到3000亿元;",
                            "该目标责任单位为市经委。", "4.地方财政收入净增50亿元;", "5.社会消费品零售总额增长16%;",
                            "以上目标的责任单位均为市商务局。"))  # fmt: skip
    assert [(i["lead"], i["lead_rule"]) for i in items] == [
        ("市发展改革委", "stated for its group"),
        ("市发展改革委", "stated for its group"),
        ("市经委", "stated for its group"),
        ("市商务局", "stated for its group"),
        ("市商务局", "stated for its group"),
    ]


def test_lines_a_pdf_broke_at_its_width_stay_in_their_item():
    # shaped like a district's task division copied from a PDF (石景山 2019): every line broken at
    # the same width mid-sentence, the lead and partner labels after the task
    body = ["化决策程序,涉及基层治理的重大事项、重点工作、重要问题由", "街道党工委讨论决定,全面提升街道抓党建、抓治理、抓服务的",
            "领导能力。加强街道社区党组织对地区各类组织和各项工作的领", "导,街道党工委可吸纳优秀社区党组织书记担任兼职党工委委员,",
            "推进社区党组织书记、居委会主任“一肩挑”,推动将党的领导写"]  # fmt: skip
    items = doc_items(paras("1.完善街道党工委对地区治理重大工作的领导体制机制,优", *body, "基层有效贯彻落实。",
                            "牵头单位:区委组织部", "协办单位:区委编办、区民政局、园区党工", "委、各街道党工委",
                            "2.以区域化党建为重点,构建市、区、街道、社区党组织四", *body, "有效贯彻落实。"))  # fmt: skip
    assert [i["lead"] for i in items] == ["区委组织部", ""]
    assert items[0]["partners"].startswith("区委编办、区民政局")
    assert items[0]["title"].startswith("完善街道党工委对地区治理重大工作的领导体制机制,优化决策程序")


def test_a_convention_stated_inside_a_unit_cell_makes_the_first_unit_lead():
    # shaped like a county's task division (盘山 2014): the convention in row 1's unit cell
    items = doc_items(paras("序号", "工作任务", "负责单位", "1", "健全社会救助体系,完善最低生活保障制度。",
                            "县民政局、县财政局、各镇人民政府(县政府部门中列在首位的为牵头部门,有关部门按职责分工负责,下同)",
                            "2", "加强临时救助,做好急难对象救助工作。", "县民政局、县编委办、县财政局"))  # fmt: skip
    assert [(i["lead"], i["partners"]) for i in items] == [
        ("县民政局", "县财政局、各镇人民政府"),
        ("县民政局", "县编委办、县财政局"),
    ]


def test_an_item_naming_units_sentence_by_sentence_has_a_measure_a_note():
    # shaped like a province's growth measures reposted with symbols scattered through the text
    # (安徽 2024): every sentence of the numbered measure ends in its own (责任单位:…)
    items = doc_items(paras("13.提升高能级创新平台建设质效。省财政统筹安排25亿元,支持国家科学中心建设■■★。"
                            "(责任单位:省发展改革委)推进省重点实验室重组升级。(责任单位◆★■:省科技厅)"
                            "支持争创全国重点实验室。(责任单位:省发展改革委、省科技厅)"))  # fmt: skip
    assert [(i["level"], i["lead"]) for i in items] == [
        ("project", "省发展改革委"),
        ("measure", "省科技厅"),
        ("measure", "省发展改革委、省科技厅"),
    ]
    assert items[0]["title"] == "提升高能级创新平台建设质效" and items[1]["title"] == "推进省重点实验室重组升级"


def test_a_bureaus_sections_answer_for_its_own_work_points():
    # a county bureau's 政务公开 work points: the pipe table names 负责科室, its rows the sections
    rows = table_rows(paras("重点任务 | 工作内容 | 负责科室 |",
                            "政务服务 | 注重政务服务办理流程、办理结果等信息发布 | 综合科 |",
                            "回应关切 | 对群众的来信、来访、来电要及时、准确回复。 | 各业务科室 |"))  # fmt: skip
    assert [r["lead"] for r in rows] == ["综合科", "各业务科室"]


def test_a_short_field_line_under_an_item_belongs_to_it_with_either_colon():
    for colon in (":", "："):
        items = doc_items(paras("一、重点工作", "1. 稳企业。扎实做好稳企业各项工作。", f"完成时限{colon}", "2024年6月底前",
                                "2. 抓投资。推进重大项目。", f"完成时限{colon}", "2024年底前"))  # fmt: skip
        assert [(i["title"], i["para_end"]) for i in items] == [("稳企业", 3), ("抓投资", 6)], colon


def _rows(*lines: str) -> list[dict[str, object]]:
    return doc_items(list(enumerate(lines, 1)))


def test_a_table_read_by_its_unit_cells_gives_whole_rows_under_the_heading_above_it():
    # a county's progress table that lost its header, one cell a line: the tier is the heading
    # above the table, never a row's number or a row read as a heading
    rows = _rows(
        "2023年民生实事项目", "1", "新建公办幼儿园2所", "县教育局", "已完成主体工程",
        "2", "改造农村公路50公里", "县交通运输局", "完成60%", "3", "实施城乡居民两癌免费筛查", "县卫生健康局", "正在推进",
    )  # fmt: skip
    assert rows[0] == {
        "item_id": 1, "parent_id": "", "level": "project", "tier": "2023年民生实事项目", "number": "1", "position": 1,
        "title": "新建公办幼儿园2所", "lead": "县教育局", "partners": "", "leaders": "", "lead_rule": "unit cell",
        "group": "", "para_no": 3, "para_end": 5, "text": "新建公办幼儿园2所",
    }  # fmt: skip
    assert [(r["position"], r["number"], r["tier"], r["para_no"]) for r in rows[1:]] == [
        (2, "2", "2023年民生实事项目", 7), (3, "3", "2023年民生实事项目", 11),
    ]  # fmt: skip
    # set out with spaces, a row a line: the row above is no heading of the next
    rows = _rows(
        "2023年民生实事", "1 新建公办幼儿园2所 县教育局 已完成主体工程", "2 改造农村公路50公里 县交通运输局 完成60%",
        "3 实施城乡居民两癌免费筛查 县卫生健康局 正在推进",
    )  # fmt: skip
    assert [(r["tier"], r["title"], r["lead"]) for r in rows] == [
        ("2023年民生实事", "新建公办幼儿园2所", "县教育局"), ("2023年民生实事", "改造农村公路50公里", "县交通运输局"),
        ("2023年民生实事", "实施城乡居民两癌免费筛查", "县卫生健康局"),
    ]  # fmt: skip


def test_paragraphs_that_each_name_their_lead_are_whole_projects():
    rows = _rows(
        "重点工作", "全年新建幼儿园3所。这项工作由县教育局负责。", "抓好招商引资。",
        "全年改造农村公路50公里。这项工作由县交通运输局负责，县财政局配合。", "抓好安全生产。",
        "全年新增就业1000人。这项工作由县人社局负责。",
    )  # fmt: skip
    assert rows[1] == {
        "item_id": 2, "parent_id": "", "level": "project", "tier": "重点工作", "number": "", "position": 2,
        "title": "全年改造农村公路50公里", "lead": "县交通运输局", "partners": "县财政局", "leaders": "",
        "lead_rule": "prose", "group": "", "para_no": 4, "para_end": 4,
        "text": "全年改造农村公路50公里。这项工作由县交通运输局负责，县财政局配合。",
    }  # fmt: skip
    assert [(r["position"], r["lead"], r["para_no"]) for r in rows] == [
        (1, "县教育局", 2),
        (2, "县交通运输局", 4),
        (3, "县人社局", 6),
    ]


@pytest.mark.parametrize(
    ("lines", "assigned"),
    [
        # targets whose items name their unit at least every other time: a task division's items
        (("一、主要目标", "（一）地区生产总值增长6%。（县发改局负责）", "（二）新增就业1000人。"), True),
        (
            (
                "一、主要目标",
                "（一）地区生产总值增长6%。（县发改局负责）",
                "（二）新增就业1000人。",
                "（三）建设广场。",
            ),
            False,
        ),
        (("一、主要目标", "（一）地区生产总值增长6%。", "（二）新增就业1000人。"), False),  # the plan's framing
        (
            ("一、主要任务", "（一）地区生产总值增长6%。（县发改局负责）", "（二）新增就业1000人。（县人社局负责）"),
            False,
        ),
        (("一、主要目标",), False),
    ],
)
def test_a_section_of_targets_assigned_to_units(lines, assigned):
    roots, _ = outline(list(enumerate(lines, 1)))
    assert _assigned_targets(roots[0], False) is assigned


_FIELDS = ("item_id", "parent_id", "level", "tier", "number", "position", "title", "lead", "lead_rule", "para_no")


def test_a_plans_projects_and_measures_with_their_tiers_parents_and_leads():
    # a district plan: a tier heading, projects (（一）) with measures (1.), a framing section left out
    rows = _rows(
        "一、重点改革任务", "（一）深化营商环境改革。（牵头单位：区发改局）", "1.推进一网通办。（区数据局负责）", "2.优化审批流程。",
        "（二）推进教育改革。", "1.新建幼儿园3所。（区教育局负责）", "2.改造学校2所。（区住建局负责）",
        "二、保障措施", "（一）加强组织领导。",
    )  # fmt: skip
    assert [tuple(r[k] for k in _FIELDS) for r in rows] == [
        (1, "", "project", "重点改革任务", "（一）", 1, "深化营商环境改革", "区发改局", "labelled", 2),
        (2, 1, "measure", "重点改革任务", "1.", 1, "推进一网通办", "区数据局", "every listed unit", 3),
        (3, 1, "measure", "重点改革任务", "2.", 2, "优化审批流程", "", "", 4),
        # a project that names no lead is led by its measures' leads
        (4, "", "project", "重点改革任务", "（二）", 2, "推进教育改革", "区教育局、区住建局", "its measures", 5),
        (5, 4, "measure", "重点改革任务", "1.", 1, "新建幼儿园3所", "区教育局", "every listed unit", 6),
        (6, 4, "measure", "重点改革任务", "2.", 2, "改造学校2所", "区住建局", "every listed unit", 7),
    ]  # fmt: skip


def test_a_list_announced_by_its_count_is_one_project_a_paragraph():
    rows = _rows(
        "今年重点办好以下三件民生实事：",
        "新建幼儿园3所。（区教育局负责）",
        "改造老旧小区10个。（区住建局负责）",
        "新增就业1000人。（区人社局负责）",
    )
    assert [tuple(r[k] for k in _FIELDS) for r in rows] == [
        (1, "", "project", "今年重点办好以下三件民生实事", "", 1, "新建幼儿园3所", "区教育局", "every listed unit", 2),
        (2, "", "project", "今年重点办好以下三件民生实事", "", 2, "改造老旧小区10个", "区住建局", "every listed unit", 3),
        (3, "", "project", "今年重点办好以下三件民生实事", "", 3, "新增就业1000人", "区人社局", "every listed unit", 4),
    ]  # fmt: skip
