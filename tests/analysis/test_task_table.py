"""Task tables and lead forms, on small cases shaped like documents in eval/."""

import pytest

from explore.analysis.outline import doc_items
from explore.analysis.roles import item_roles as _lead
from explore.analysis.task_table import table_rows


def paras(*lines):
    return list(enumerate(lines, 1))


def test_one_cell_a_line_table_gives_one_row_per_task():
    # shaped like a district's division of its work report's targets (web_08 in eval/)
    rows = table_rows(paras("序号", "2022年预期目标", "责任单位", "1", "地区生产总值增长5.5%左右", "区发展改革委",
                            "2", "固定资产投资增长6%左右", "区发展改革委", "3", "工业增加值增长7%左右", "区经济信息委",
                            "各单位要抓好落实。"))  # fmt: skip
    assert [(r["number"], r["task"], r["lead"]) for r in rows] == [
        ("1", "地区生产总值增长5.5%左右", "区发展改革委"),
        ("2", "固定资产投资增长6%左右", "区发展改革委"),
        ("3", "工业增加值增长7%左右", "区经济信息委"),
    ]


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
    assert all(i["lead"] != "2022年11月" for i in items)


def test_table_items_take_the_heading_above_the_table_as_tier():
    items = doc_items(paras("一季度进展情况表", "序号", "内容与要求", "责任单位", "1", "稳增长。", "市发改委",
                            "2", "抓投资。", "市财政局"))  # fmt: skip
    assert [(i["tier"], i["lead"]) for i in items] == [
        ("一季度进展情况表", "市发改委"),
        ("一季度进展情况表", "市财政局"),
    ]


def test_a_table_under_a_numbered_heading_gives_its_own_items():
    # shaped like a county progress table under "一、…任务分解表" (more_03 in eval/)
    items = doc_items(paras("一、10件民生实事任务分解表", "序号 | 具体工作任务和要求 | 责任领导 | 责任单位 | 落实情况 |",
                            "1 | 推动义务教育均衡发展。 | 毛晓青 | 县教体局 各相关乡镇政府 | 已完成。 |",
                            "2 | 推进医改试点。 | 毛晓青 | 县卫健委 | 已完成。 |"))  # fmt: skip
    assert [(i["lead"], i["leaders"]) for i in items if i["number"] in ("1", "2")] == [
        ("县教体局、各相关乡镇政府", "毛晓青"), ("县卫健委", "毛晓青")]  # fmt: skip


def test_cells_that_keep_the_separator():
    rows = table_rows(paras("2025年重点工作及责任清单", "序号 |", "重点工作 |", "责任领导 |", "责任单位 |", "完成时限 |",
                            "1 |", "优化重点项目直通车。 |", "叶林 |", "招商工作部、安商工作部 |", "全年 |"))  # fmt: skip
    assert [(r["task"], r["lead"], r["leaders"]) for r in rows] == [
        ("优化重点项目直通车。", "招商工作部、安商工作部", "叶林")
    ]


def test_a_leader_line_before_any_item_is_ordinary_text():
    items = doc_items(paras("责任领导:张三", "一、深化改革。推进放管服。"))
    assert [i["title"] for i in items] == ["深化改革"]


def test_cell_table_with_free_header_names_a_group_row_and_a_fragment():
    # shaped like tbl_01 (rows 80-81 of a county's table) and tbl_02 (a group heading between rows)
    rows = table_rows(paras("序号 |", "目标与任务 |", "分 管 县领导 |", "牵头责任单位 |", "责任单位 |",
                            "80 |", "新增托位数400个以上。 |", "俞 悦 |", "县教育局 |", "县各有关单位 |",
                            "81 |", "支持芜湖科技工程学校发展。 |", "陆 明 |", "县教育局 |", "县各有关单位 |"))  # fmt: skip
    assert [(r["number"], r["lead"], r["partners"], r["leaders"]) for r in rows] == [
        ("80", "县教育局", "县各有关单位", "俞 悦"),
        ("81", "县教育局", "县各有关单位", "陆 明"),
    ]
    rows = table_rows(paras("序号", "实事项目", "牵头单位", "进展情况", "一、优化基本公共服务(5件)",
                            "1", "深化“双减”工作", "区教委", "已完成。", "2", "改造学校操场", "区教委", "已完工。"))  # fmt: skip
    assert [(r["number"], r["task"], r["lead"]) for r in rows] == [
        ("1", "深化“双减”工作", "区教委"),
        ("2", "改造学校操场", "区教委"),
    ]


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


def test_cell_rows_whose_cells_run_over_several_lines():
    # lay_06: a task cell of four lines, two units in the partner cell, a long progress cell
    rows = table_rows(paras("序号", "项目名称", "具体任务及目标", "牵头单位", "责任单位", "进展情况",
                            "1", "教育扩容工程", "①完成两所幼儿园建设。", "②完成十中改造。", "区教体局", "区国投集团",
                            "各有关乡镇(街道)", "幼儿园已完工。", "十中改造已完成。",
                            "2", "医疗提升工程", "完成医院改造。", "区卫健委", "区医院", "已完工。"))  # fmt: skip
    assert [(r["number"], r["task"], r["lead"], r["partners"]) for r in rows] == [
        ("1", "①完成两所幼儿园建设。\n②完成十中改造。", "区教体局", "区国投集团、各有关乡镇(街道)"),
        ("2", "完成医院改造。", "区卫健委", "区医院"),
    ]


def test_cell_rows_keep_their_own_numbers_and_the_lead_column_is_the_one_named_牵头():
    rows = table_rows(paras("序号", "工作任务", "责任单位", "牵头单位",
                            "3", "推进学前教育。", "各乡镇", "区教育局",
                            "68", "建设智慧校园。", "区数据局", "区教育局",
                            "69", "加强师资建设。", "区人社局", "区教育局"))  # fmt: skip
    assert [(r["number"], r["lead"], r["partners"]) for r in rows] == [
        ("3", "区教育局", "各乡镇"), ("68", "区教育局", "区数据局"), ("69", "区教育局", "区人社局"),
    ]  # fmt: skip


def test_a_lead_cell_is_read_by_what_its_words_are():
    from explore.analysis.task_table import _lead_cell

    # units split by spaces (a 2018 city livelihood table), a person beside a unit (肇庆 2020)
    assert _lead_cell("市人社局 市财政局 各县(市、区)政府") == ("市人社局、市财政局、各县(市、区)政府", "")
    assert _lead_cell("市民政局 伍泽国") == ("市民政局", "伍泽国")
    # progress text pushed into the column by a merged cell (泰顺 2024) is no lead
    assert _lead_cell("已完成。 完成筛查人数3495人,完成率47.23%。") == ("", "")
    assert _lead_cell("县卫生健康局") == ("县卫生健康局", "")
    assert _lead_cell("") == ("", "")
    assert _lead_cell("★区发改委、统计局") == ("区发改委、统计局", "")  # 吴江区 2024: a marker, not a name


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
    from explore.analysis.outline import doc_items

    paras = [(1, "116.全面开展长江高水平保护十大攻坚提升行动。(牵头单位:市生态环境局;责任单位:市经信局)"),
             (2, "117.全面开展降碳减污扩绿增长十大行动。(责任单位:市发改委)")]  # fmt: skip
    assert [i["lead"] for i in doc_items(paras)] == ["市生态环境局", "市发改委"]


def test_a_lead_column_that_also_names_its_head_and_主办单位_lines():
    from explore.analysis.outline import doc_items
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
    from explore.analysis.outline import doc_items

    # 招远 2022: progress columns (1-9月份工作完成情况) and 监督电话 read as no label; 类别 spans rows
    rows = ["类别 | 民生事项名称 | 2022年度任务目标 | 责任单位 | 分管市领导 | 1-9月份工作完成情况 | 1-9月份工作取得成效 | 监督电话 |",
            "四、教育文化 | 14.改扩建泉山学校 | 完成一期2座教学楼建设。 | 教育体育局 | 刘福利 | 完成主体结构。 | 加速推进。 | 0535-8246306 |",
            "15.推进学校塑胶运动场地建设 | 完成13处农村学校运动场地。 | 教育体育局 | 刘福利 | 9月份开始施工。 | 推进中。 | 0535-8246306 |"]  # fmt: skip
    assert [i["lead"] for i in doc_items(list(enumerate(rows, 1)))] == ["教育体育局", "教育体育局"]


def test_one_cell_a_line_with_columns_named_anyhow():
    from explore.analysis.task_table import table_rows

    # 辽中区 2024: 主要工作举措 names the task; a row one cell short (no 责任领导)
    liaozhong = ["序号", "主要工作举措", "牵头单位", "配合单位", "责任领导", "一、做大做强主导产业", "1",
                 "加快构建现代化产业体系,聚焦农产品精深加工产业。", "区农业农村局", "区发展改革局、区工业和信息化局",
                 "2", "加快在建项目的建设进度。", "沈阳近海经济区管委会", "自然资源分局、生态环境分局", "冯冬昌"]  # fmt: skip
    assert [r["lead"] for r in table_rows(list(enumerate(liaozhong, 1)))] == ["区农业农村局", "沈阳近海经济区管委会"]
    # 松阳县 2022: after three labels, 实施点位 and 下步计划 are columns too
    songyang = ["序号", "实事名称", "指标任务", "责任单位", "实施点位", "完成时限", "进展情况", "下步计划", "1",
                "一、老年人群两慢病常用药免费服用供给。", "8000人以上高血压患者", "卫健局", "全县17家乡镇卫生院", "12月底",
                "截至6月9日:免费服用8718人。", "持续开展。", "2", "二、农村路灯亮化工程", "新增农村路灯1000盏。",
                "农业农村局", "全县19个乡镇", "11月底", "已发布招标公告。", "力争10月底前完成。"]  # fmt: skip
    assert [r["lead"] for r in table_rows(list(enumerate(songyang, 1)))] == ["卫健局", "农业农村局"]


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


def test_a_cell_table_with_a_group_column_a_merged_lead_and_a_unit_broken_over_lines():
    # 眉山市 2017 十大民生工程 进度表: a group's name before row 1, the column's unit (%) on a line of
    # its own, the lead cell merged over rows 1-3 and its name broken by a narrow column
    cells = ["序号", "项 目 内 容", "目标任务", "市级牵头", "责任单位", "进度", "完成目标", "(%)", "备注",
             "就业促进工程", "1", "促进城乡劳动者就业创业", "城镇新增就业(人)", "26000", "市人力资源", "社会保障局",
             "32095", "123.4", "超额完成", "2", "城镇失业人员再就业(人)", "4000", "4934", "123.4", "超额完成",
             "3", "就业困难人员就业(人)", "2000", "2519", "提前完成年度任务", "4", "新建公办幼儿园(所)", "10",
             "市教体局", "8", "80", "5", "新建公办小学(所)", "3", "市教体局", "2", "67"]  # fmt: skip
    rows = table_rows(list(enumerate(cells, 1)))
    assert [(r["number"], r["lead"]) for r in rows] == [
        ("1", "市人力资源社会保障局"),
        ("2", "市人力资源社会保障局"),
        ("3", "市人力资源社会保障局"),
        ("4", "市教体局"),
        ("5", "市教体局"),
    ]  # fmt: skip  (10, 8 and 80 are the figures of row 4, not rows: row 5's number follows)


def test_a_lead_and_partners_in_prose_by_other_duty_words():
    # 福建 食品放心工程: 由X承办，Y协办 / 由X负责，Y配合; people named so are no lead
    assert _lead("由省经贸委承办,省农业厅、卫生厅协办。")[:2] == ("省经贸委", "省农业厅、卫生厅")
    assert _lead("(一)由省经贸委负责,省农业厅、环保局配合")[:2] == ("省经贸委", "省农业厅、环保局")
    assert _lead("主要领导负责,分管领导配合")[0] == ""


def test_a_one_cell_a_line_table_row_reads_to_its_unit_cell():
    from explore.analysis.outline import doc_items

    # 普陀 2021 (eval/dev): target and result cells stand between an indicator and its unit,
    # and a cell of several units takes a line each
    head = [(1, "类别"), (2, "指标名称"), (3, "年度目标"), (4, "完成情况"), (5, "责任部门"), (6, "高质量发展")]
    rows = [(7, "1、地区生产总值增长率"), (8, "与市保持同步"), (9, "9.8%"), (10, "区发改委"),
            (11, "2、四大重点培育产业占区级税收"), (12, "比重"), (13, "提升4个"), (14, "百分点"),
            (15, "区科委"), (16, "区金融办"), (17, "区商务委")]  # fmt: skip
    assert [i["lead"] for i in doc_items(head + rows)] == ["区发改委", "区科委、区金融办、区商务委"]
    # 辽中 2024: with a partners column after the lead column, the next unit line is the partners'
    head = [(1, "序号"), (2, "主要工作举措"), (3, "牵头单位"), (4, "配合单位"), (5, "责任领导")]
    rows = [(6, "1"), (7, "加快构建现代化产业体系,实现三产融合发展。"), (8, "区农业农村局"),
            (9, "区发展改革局、区工业和信息化局")]  # fmt: skip
    assert [(i["lead"], i["partners"]) for i in doc_items(head + rows)] == [
        ("区农业农村局", "区发展改革局、区工业和信息化局")
    ]


def test_a_cell_table_row_whose_category_cell_is_merged_above():
    from explore.analysis.outline import doc_items

    # 金东 2024 (eval/dev): 事项分类 spans rows 3-4, so row 4 starts one cell to the left and its
    # lead (区卫健局) stands where the task's content would; partners follow a line each
    cells = ["序号", "事项分类", "事项名称", "项目内容", "牵头单位", "协同单位",
             "3", "“医”心为民工程", "新(改)建村卫生室", "新(改)建村卫生室80家。", "区卫健局", "各乡镇(街道)",
             "4", "医疗卫生机构迁(扩)建", "实施卫生院迁(扩)建1家。", "区卫健局", "源东乡", "区发改局"]  # fmt: skip
    rows = doc_items(list(enumerate(cells)))
    assert [(r["lead"], r["partners"]) for r in rows] == [
        ("区卫健局", "各乡镇(街道)"),
        ("区卫健局", "源东乡、区发改局"),
    ]
    assert rows[1]["title"] == "实施卫生院迁(扩)建1家"  # its task is read from where the merged cell moved it


def test_a_unit_column_named_with_a_note():
    from explore.analysis.task_table import is_unit_column

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
