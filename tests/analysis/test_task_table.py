"""Task tables a row a line, their columns and lead forms, on small cases shaped like documents in eval/."""

import pytest

from explore.analysis.item_rows import doc_items
from explore.analysis.roles import item_roles as _lead
from explore.analysis.task_table import _headerless, table_rows


def paras(*lines):
    return list(enumerate(lines, 1))


def test_pipe_table_with_partners():
    rows = table_rows(paras("序号 | 工作任务 | 牵头单位 | 配合单位 | 完成时限 |",
                            "1 | 编制服务业发展规划 | 区发展改革局 | 区商务局、区统计局 | 12月底前 |",
                            "2 | 制定金融措施 | 区金融工作局 | 区财政局 | 6月底前 |"))  # fmt: skip
    assert [(r["task"], r["lead"], r["partners"]) for r in rows] == [
        ("编制服务业发展规划", "区发展改革局", "区商务局、区统计局"),
        ("制定金融措施", "区金融工作局", "区财政局"),
    ]


def test_a_table_without_a_lead_column_is_not_read():
    assert table_rows(paras("序号", "指标", "数值", "1", "生产总值", "120亿元")) == []


@pytest.mark.parametrize(
    ("text", "lead", "partners", "leaders"),
    [
        ("（牵头单位：县财政局）", "县财政局", "", ""),
        ("（牽頭單位:市建委;配合單位:市規劃局)".replace("牽頭單位", "牵头单位").replace("配合單位", "配合单位"),
         "市建委", "市規劃局", ""),
        ("（责任单位：区委（区政府）办公室、区发展改革局）", "区委（区政府）办公室、区发展改革局", "", ""),
        ("牵头部门：市商务局", "市商务局", "", ""),
        ("主责单位：区住房建设局；配合单位：各街道", "区住房建设局", "各街道", ""),
        ("由区发展改革局牵头，区财政局、区统计局配合。", "区发展改革局", "区财政局、区统计局", ""),
        ("（牵头区领导：刘胜；牵头单位：区发展改革局）", "区发展改革局", "", "刘胜"),
        ("责任领导：张三", "", "", "张三"),
        # tbl_08: a bracket right after the sentence, partners over several commas
        ("提高环评审批效率。(区环保局牵头,区水务局、区级相关部门配合)", "区环保局", "区水务局、区级相关部门", ""),
        ("加大力度。(区发改局牵头,区财政局、区水务局等部门,区国投公司、各街道办事处配合)", "区发改局",
         "区财政局、区水务局等部门,区国投公司、各街道办事处", ""),
        ("没有牵头的句子。", "", "", ""),
        # a lead marked inside a list of responsible units; bracketed labels; bare role words
        ("推进改革。责任单位：市发改委（牵头）、市财政局", "市发改委", "市财政局", ""),
        ("推进改革。【牵头单位】市发改委【配合单位】市财政局", "市发改委", "市财政局", ""),
        ("推进改革。（牵头：省民政厅；配合：省财政厅）", "省民政厅", "省财政厅", ""),
        ("推进改革。责任主体：县住建局", "县住建局", "", ""),
        ("主要负责：统筹协调各项工作。", "", "", ""),  # a bare role word before no unit labels nothing
        # the next field of a note ends the units (完成时限：…)
        ("推进改革。（责任单位：区教育局等，完成时限：长期坚持）", "区教育局等", "", ""),
        # a State Council note naming its lead and then the units responsible with it
        ("推进改革。（工业和信息化部牵头，国家发展改革委、科技部等按职责分工负责）", "工业和信息化部",
         "国家发展改革委、科技部", ""),
        ("推进改革。〔市发改委、市财政局负责〕", "市发改委、市财政局", "", ""),
        ("推进改革。（县发改局、县财政局）", "县发改局、县财政局", "", ""),  # a bracket of units only
        ("推进改革（以下简称改革）。", "", "", ""),
        # a note of several clauses: its first that names units (国办发 2018)
        ("推进改革。（生态环境部指导，试点城市政府负责落实。以下均需试点城市政府落实，不再列出）", "生态环境部", "", ""),
        ("推进改革。（年内持续推进）", "", "", ""),
        # a form's field whose colon was lost, on a line of its own above its units
        ("项目内容:\n新建城市书房1个。\n责任单位\n文广旅局\n进展与成效:", "文广旅局", "", ""),
        ("项目内容:\n责任单位\n配合单位", "", "", ""),  # a header's cells, not a field
        ("由县财政局负责\n县教育局配合", "县财政局", "", ""),
    ],
)  # fmt: skip
def test_lead_forms(text, lead, partners, leaders):
    assert _lead(text)[:3] == (lead, partners, leaders)


def test_pipe_rows_shifted_by_spanning_cells_are_placed_by_their_unit():
    # tbl_06: a section and a subsection span the first column; a sub-row starts at its unit
    rows = table_rows(paras("指标 | 目标任务 | 牵头单位 | 完成时限 | 进展情况 | 监督方式 | |",
                            "四、坚持三农优先。 | (一)让农业更强。 | 守住耕地红线。 | 县自然资源和规划局 | 已完成 | 耕地面积98万亩。 | 0635-5283625 |",
                            "县农业农村局 | 2024年12月31日 | 夏粮播种88.7万亩。 | 0635-5231842 | |||",
                            "开展种源技术联合攻关。 | 县农业农村局 | 2024年12月30日 | 引导农户种植优质品种。 | 0635-5231842 | ||"))  # fmt: skip
    assert [(r["task"], r["lead"]) for r in rows] == [
        ("守住耕地红线。", "县自然资源和规划局"),
        ("守住耕地红线。", "县农业农村局"),
        ("开展种源技术联合攻关。", "县农业农村局"),
    ]
    # plan_05: trailing cells dropped, a long column name in the header
    rows = table_rows(paras("序号 | 陕西省《工作要点》部署任务 | 西安市落实措施 | 牵头单位 | 责任单位 | 完成时限 | 备注 |",
                            "(2)严格落实清单管理。 | 市行政审批局市司法局 | 市级相关单位 |"))  # fmt: skip
    assert [(r["task"], r["lead"], r["partners"]) for r in rows] == [
        ("(2)严格落实清单管理。", "市行政审批局市司法局", "市级相关单位")
    ]


def test_a_lead_cell_is_read_by_what_its_words_are():
    from explore.analysis.table_columns import lead_cell

    # units split by spaces (a 2018 city livelihood table), a person beside a unit (肇庆 2020)
    assert lead_cell("市人社局 市财政局 各县(市、区)政府") == ("市人社局、市财政局、各县(市、区)政府", "")
    assert lead_cell("市民政局 伍泽国") == ("市民政局", "伍泽国")
    # progress text pushed into the column by a merged cell (泰顺 2024) is no lead
    assert lead_cell("已完成。 完成筛查人数3495人,完成率47.23%。") == ("", "")
    assert lead_cell("县卫生健康局") == ("县卫生健康局", "")
    assert lead_cell("") == ("", "")
    assert lead_cell("★区发改委、统计局") == ("区发改委、统计局", "")  # 吴江区 2024: a marker, not a name


def test_a_lead_column_that_also_names_its_head_and_主办单位_lines():
    from explore.analysis.roles import item_roles as _lead

    # 肇庆 2020: "牵头单位及 主要负责人" holds the unit and its head; 大类 only on the first row
    rows = ["大类 | 序号 | 工作任务 | 分管 市领导 | 牵头单位及 主要负责人 | 落实进展情况 |",
            "一、继续提高底线民生保障水平 | 1 | 提高城乡低保人均最低补差水平。 | 陈宣群 | 市民政局 伍泽国 | 已完成。 |",
            "2 | 提高特困人员基本生活标准。 | 陈宣群 | 市民政局 伍泽国 | 已完成。 |"]  # fmt: skip
    items = doc_items(list(enumerate(rows, 1)))
    assert [i["lead"] for i in items] == ["市民政局", "市民政局"]
    # 连江 2021: 主办单位 leads, 协办单位 supports
    assert _lead("新建城区停车场。主办单位:县城投公司;协办单位:县住建局")[:2] == ("县城投公司", "县住建局")


def test_a_header_whose_other_columns_are_no_labels():
    # 招远 2022: progress columns (1-9月份工作完成情况) and 监督电话 read as no label; 类别 spans rows
    rows = ["类别 | 民生事项名称 | 2022年度任务目标 | 责任单位 | 分管市领导 | 1-9月份工作完成情况 | 1-9月份工作取得成效 | 监督电话 |",
            "四、教育文化 | 14.改扩建泉山学校 | 完成一期2座教学楼建设。 | 教育体育局 | 刘福利 | 完成主体结构。 | 加速推进。 | 0535-8246306 |",
            "15.推进学校塑胶运动场地建设 | 完成13处农村学校运动场地。 | 教育体育局 | 刘福利 | 9月份开始施工。 | 推进中。 | 0535-8246306 |"]  # fmt: skip
    assert [i["lead"] for i in doc_items(list(enumerate(rows, 1)))] == ["教育体育局", "教育体育局"]


def test_pipe_rows_whose_table_lost_its_header_are_read_by_their_cells():
    # 平阳县 2021 民生实事 progress, stored without its header: number | task | unit | progress
    paras = list(enumerate([
        "1 | 完成27所学校教育基础设施改造提升,新安装空调970台。 | 县教育局 | 已经安装空调970台。 | 按时序推进 |",
        "|",
        "5 | 为全县200名以上残疾儿童实施基本康复服务和救助。 | 县残联 | 目前已确定221名残疾儿童。 | 按时序推进 |",
        "3 | 全年 | 县残联 | 进展 |",  # a short cell before the unit is no task
    ], 1))  # fmt: skip
    rows = table_rows(paras)
    assert [(r["number"], r["lead"]) for r in rows] == [("1", "县教育局"), ("5", "县残联")]
    assert str(rows[0]["task"]).startswith("完成27所学校")


def test_a_unit_column_named_with_a_note():
    from explore.analysis.table_columns import is_unit_column

    # 济南市中区 2025 (eval/dev): 责任单位 (加黑为牵头单位)
    assert is_unit_column("责任单位 (加黑为牵头单位)") and not is_unit_column("进展情况(截至6月)")


def test_a_column_mostly_of_unit_names_is_the_unit_column_whatever_its_header():
    # shaped like a State Council list of reforms to spread (指导部门, not 牵头单位), whose group
    # row a page broke over three lines
    rows = table_rows(paras("序号", "改革举措", "主要内容", "指导部门", "推广范围",
                            "一、知识产权保护方面（共", "5", "项）",
                            "1", "案件审判“三合一”", "整合分散的审判资源，实行审判“三合一”。",
                            "最高人民法院、最高人民检察院", "全国",
                            "2", "引入技术调查官制度", "法院审理知识产权案件时，可以引入技术调查官。",
                            "最高人民法院、国家知识产权局", "全国"))  # fmt: skip
    assert [(r["number"], r["task"], r["lead"]) for r in rows] == [
        ("1", "整合分散的审判资源，实行审判“三合一”。", "最高人民法院、最高人民检察院"),
        ("2", "法院审理知识产权案件时，可以引入技术调查官。", "最高人民法院、国家知识产权局"),
    ]


def test_a_header_split_over_lines_finds_its_unit_column_by_content():
    # a law database's cells: 牵头 / 部门 and 完成 / 时间 each broken in two, a merged 类别 cell
    rows = table_rows(paras("序号", "项目", "类别", "具 体 内 容", "牵头", "部门", "相关责任部门", "完成", "时间",
                            "108", "继续全面推进素质教育", "教育局", "13个街道、镇", "2010年",
                            "109", "加快发展职业技术教育", "教育局", "劳动局", "2010年",
                            "110", "完善终身教育体系建设", "教育局", "文化局", "2008年"))  # fmt: skip
    assert [(r["number"], r["lead"]) for r in rows] == [("108", "教育局"), ("109", "教育局"), ("110", "教育局")]


def test_pipe_rows_under_a_header_without_a_unit_label():
    rows = table_rows(paras("序号 | 改革事项 | 指导部门 | 推广范围 |",
                            "1 | 推行企业登记全程电子化 | 市场监管总局 | 全国 |",
                            "2 | 推广专利权质押融资 | 国家知识产权局、银保监会 | 全国 |"))  # fmt: skip
    assert [(r["task"], r["lead"]) for r in rows] == [
        ("推行企业登记全程电子化", "市场监管总局"),
        ("推广专利权质押融资", "国家知识产权局、银保监会"),
    ]


def test_cell_tables_skip_numbers_upward_and_stop_at_one_going_down():
    # a page may show rows 3, 68, 69 of a longer table (lay_08); a number going down is no row
    rows = table_rows(
        list(enumerate(["序号", "任务", "牵头单位", "1", "甲任务", "区财政局", "3", "丙任务", "区商务局"], 1))
    )
    assert [r["lead"] for r in rows] == ["区财政局", "区商务局"]
    rows = table_rows(
        list(enumerate(["序号", "任务", "牵头单位", "3", "甲任务", "区财政局", "1", "丙任务", "区商务局"], 1))
    )
    assert [r["lead"] for r in rows] == ["区财政局"]


def test_cell_tables_need_a_lead_column_and_three_columns():
    assert table_rows(list(enumerate(["序号", "任务", "1", "甲任务"], 1))) == []
    rows = table_rows(
        list(
            enumerate(
                ["编号", "工作任务", "牵头单位", "配合单位", "责任领导", "1", "甲", "区财政局", "区审计局", "张三"], 1
            )
        )
    )
    assert [(r["number"], r["task"], r["lead"], r["partners"], r["leaders"]) for r in rows] == [
        ("1", "甲", "区财政局", "区审计局", "张三")
    ]
    assert rows[0]["para_no"] == 6 and rows[0]["para_end"] == 10


def test_pipe_tables_read_rows_until_the_table_ends():
    lines = ["编号 | 事项名称 | 组织承办部门 | 完成时间 |", "1 | 编制规划 | 区发展改革局 | 12月底前 |", "这一段不是表格。",
             "2 | 制定措施 | 区金融局 | 6月底前 |"]  # fmt: skip
    rows = table_rows(list(enumerate(lines, 1)))
    assert next((r["number"], r["task"], r["lead"]) for r in rows) == ("1", "编制规划", "区发展改革局")
    assert rows[0]["header_para"] == 1


@pytest.mark.parametrize(
    ("cells", "columns"),
    [
        # a county's livelihood table that lost its header: number | task | unit | progress
        (["5", "为全县200名残疾儿童实施康复服务。", "县残联", "已确定221名"], {"task": 1, "lead": 2}),
        (["5", "为全县200名残疾儿童实施康复服务。", "县残联"], {"task": 1, "lead": 2}),
        (["5", "实施康复服务八个", "县残联"], {"task": 1, "lead": 2}),  # a task of eight characters
        # the unit is looked for from the third cell on: the prose before it is the task
        (["5", "县残联", "为全县200名残疾儿童实施康复服务。", "县民政局"], {"task": 2, "lead": 3}),
        # no row: two cells, no row number, a task too short to be prose, no unit at all
        (["5", "为全县200名残疾儿童实施康复服务。"], None),
        (["新建", "为全县200名残疾儿童实施康复服务。", "县残联"], None),
        (["五", "为全县200名残疾儿童实施康复服务。", "县残联"], None),
        (["5", "实施康复服务", "县残联"], None),
        (["5", "为全县200名残疾儿童实施康复服务。", "已完成"], None),
    ],
)
def test_a_rows_columns_read_by_what_its_cells_are(cells, columns):
    assert _headerless(cells) == columns


def _row(number, task, lead, partners, para_no, header_para):
    return {"number": number, "task": task, "lead": lead, "partners": partners, "leaders": "",
            "para_no": para_no, "para_end": para_no, "header_para": header_para}  # fmt: skip


def test_pipe_rows_whole_under_their_header():
    paras = list(enumerate([
        "2023年任务分解表", "| 序号 | 工作任务 | 牵头单位 | 配合单位 |", "| 1 | 新建幼儿园3所 | 县教育局 | 县财政局 |",
        "| | 改造学校2所 | 县住建局 | |",  # a sub-row: no number
        "| 完成时限：年底 | | | |",  # a continuation row, no unit where the lead stands
        "| 2. | 改造道路5公里 | 县交通局 | 县财政局 |",
        "说明：以上任务年底前完成。",  # prose between rows keeps the header
        "| 3 | 建设广场 | 县文旅局 | |", "| | | 县审计局 | |",  # under a task spanning rows: the task above
    ], 1))  # fmt: skip
    assert table_rows(paras) == [
        _row("1", "新建幼儿园3所", "县教育局", "县财政局", 3, 2), _row("", "改造学校2所", "县住建局", "", 4, 2),
        _row("2", "改造道路5公里", "县交通局", "县财政局", 6, 2), _row("3", "建设广场", "县文旅局", "", 8, 2),
        _row("", "建设广场", "县审计局", "", 9, 2),
    ]  # fmt: skip


def test_pipe_rows_whose_header_names_no_unit_column_or_was_lost():
    # 备注 holds the units: the column read by its cells
    paras = list(
        enumerate(["| 序号 | 项目 | 备注 |", "| 1 | 新建幼儿园3所 | 县教育局 |", "| 2 | 改造道路5公里 | 县交通局 |"], 1)
    )
    assert table_rows(paras) == [
        _row("1", "新建幼儿园3所", "县教育局", "", 2, 1),
        _row("2", "改造道路5公里", "县交通局", "", 3, 1),
    ]
    # no header at all: each row by what its cells are, its own header
    paras = list(
        enumerate(
            [
                "| 5 | 为全县200名残疾儿童实施康复服务。 | 县残联 | 已确定221名 |",
                "| 6 | 为全县500户困难家庭实施适老化改造。 | 县民政局 | 已完成 |",
            ],
            1,
        )
    )
    assert table_rows(paras) == [
        _row("5", "为全县200名残疾儿童实施康复服务。", "县残联", "", 1, 1), _row("6", "为全县500户困难家庭实施适老化改造。", "县民政局", "", 2, 2),
    ]  # fmt: skip
