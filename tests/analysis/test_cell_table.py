"""Task tables flattened one cell a line, on small cases shaped like documents in eval/."""

import pytest

from explore.analysis.cell_table import _a_figure_cell, _cells_by_content, _row_starts, cell_rows
from explore.analysis.item_rows import doc_items
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


def test_cells_that_keep_the_separator():
    rows = table_rows(paras("2025年重点工作及责任清单", "序号 |", "重点工作 |", "责任领导 |", "责任单位 |", "完成时限 |",
                            "1 |", "优化重点项目直通车。 |", "叶林 |", "招商工作部、安商工作部 |", "全年 |"))  # fmt: skip
    assert [(r["task"], r["lead"], r["leaders"]) for r in rows] == [
        ("优化重点项目直通车。", "招商工作部、安商工作部", "叶林")
    ]


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


def test_a_one_cell_a_line_table_row_reads_to_its_unit_cell():

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


def test_a_header_cell_broken_over_two_lines_moves_no_lead_onto_a_person():
    # 岳阳楼区 2018 (eval/dev): 区政府办 / 协管责任人 is one column; persons stand around the unit
    lines = ["序号", "目标任务", "责任领导", "区政府办", "协管责任人", "牵头单位", "责任人", "相关单位", "完成情况"]
    for n, (task, unit, person) in enumerate(
        [("地区生产总值达到678亿元", "区发改局", "徐铭喜"), ("财政收入达到30亿元", "区财政局", "杨大明"),
         ("固定资产投资达到266亿元", "区发改局", "徐铭喜")], 1):  # fmt: skip
        # the 相关单位 cell wrapped over two lines: as many lines as the header has
        lines += [
            str(n),
            task,
            "徐  平",
            "陈  曦",
            unit,
            person,
            "区国税局、区地税局,",
            "各乡、街道办事处",
            "完成一季度任务。",
        ]
    rows = table_rows(list(enumerate(lines, 1)))
    assert [r["lead"] for r in rows] == ["区发改局", "区财政局", "区发改局"]


def test_a_row_of_another_width_keeps_its_leader_out_of_its_task():
    # a one-cell-a-line table whose leader column stands between the task and the lead; the first
    # row has a partner more than the header, so it is placed by what its cells are
    lines = ["序号", "重点任务", "责任领导", "牵头单位", "配合单位",
             "1", "建设学校新校区项目", "张三", "区教育局", "区财政局", "区住建局",
             "2", "修建城市主干道路", "李四", "区交通局", "区城管局"]  # fmt: skip
    rows = [
        {k: r[k] for k in ("number", "task", "lead", "partners", "leaders")} for r in cell_rows(list(enumerate(lines)))
    ]
    assert rows == [
        {
            "number": "1",
            "task": "建设学校新校区项目",
            "lead": "区教育局",
            "partners": "区财政局、区住建局",
            "leaders": "张三",
        },
        {"number": "2", "task": "修建城市主干道路", "lead": "区交通局", "partners": "区城管局", "leaders": "李四"},
    ]


def test_a_spaced_number_header_opens_a_cell_table():
    # 序 号 printed with a space, as PDF exports spread a narrow column's header (dev/ progress tables)
    rows = table_rows(paras("序 号", "2022年预期目标", "责任单位", "1", "地区生产总值增长5.5%左右", "区发展改革委",
                            "2", "固定资产投资增长6%左右", "区发展改革委"))  # fmt: skip
    assert [(r["number"], r["lead"]) for r in rows] == [("1", "区发展改革委"), ("2", "区发展改革委")]


@pytest.mark.parametrize(
    ("cells", "cols", "expected"),
    [
        # the task runs over two lines up to the first unit; the lead's column takes the first
        # unit, the partners' the rest
        (
            ["1", "新建幼儿园", "3所", "县教育局", "县财政局", "县住建局"],
            {"number": 0, "task": 1, "lead": 2, "partners": 3},
            ["1", "新建幼儿园\n3所", "县教育局", "县财政局、县住建局"],
        ),
        (
            ["5", "新建幼儿园", "县教育局"],
            {"number": 0, "task": 1, "lead": 2, "partners": 3},
            ["5", "新建幼儿园", "县教育局", ""],
        ),
        # a leader's column before the lead's: the cell as far before the unit, and the task ends there
        (
            ["1", "改造农村公路", "50公里", "张三", "县交通运输局"],
            {"number": 0, "task": 1, "leaders": 2, "lead": 3},
            ["1", "改造农村公路\n50公里", "张三", "县交通运输局"],
        ),
        # a merged category cell (事项分类) left out of the row: task and unit moved left by one
        (
            ["2", "改造农村公路", "县交通运输局"],
            {"number": 0, "category": 1, "task": 2, "lead": 3},
            ["2", "", "改造农村公路", "县交通运输局"],
        ),
        # no unit's name in the row: only its number
        (["3", "建设文化广场", "年底完成"], {"number": 0, "task": 1, "lead": 2}, ["3", "", ""]),
        # the lead's column before the task's: the unit, and no task read before it
        (["4", "县教育局", "新建幼儿园"], {"number": 0, "lead": 1, "task": 2}, ["4", "县教育局", ""]),
    ],
)
def test_a_row_over_several_lines_is_placed_by_its_cells_content(cells, cols, expected):
    assert _cells_by_content(cells, cols) == expected


_ROWS = ("1", "新建幼儿园", "县教育局", "2", "改造道路", "县交通局")


@pytest.mark.parametrize(
    ("lines", "width", "starts"),
    [
        (_ROWS, 3, [0, 3]),
        (("1", "新建幼儿园", "2", "改造道路", "3", "建设广场"), 2, [0, 2, 4]),  # two cells a row
        # rows may skip numbers (3, 68, 69); a number not above the last is a data cell
        (("3", "新建幼儿园", "县教育局", "68", "改造道路", "县交通局", "69", "建设广场", "县文旅局"), 3, [0, 3, 6]),
        (("3", "新建幼儿园", "县教育局", "3", "改造道路", "县交通局"), 3, [0]),
        # a group's name in a merged first column before the first row: up to 12 characters, no digit
        (("就业促进工程", *_ROWS), 3, [1, 4]),
        (("就业促进工程一二三四五六", *_ROWS), 3, [1, 4]),
        (("就业促进工程一二三四五六七", *_ROWS), 3, []),
        (("2023年项目", *_ROWS), 3, []),
        (("甲类工程", "乙类", *_ROWS[:3]), 3, [2]),
        (("甲类工程", "乙类", "丙类", *_ROWS[:3]), 3, []),  # three lines before it: no table
        # a group's heading row a page broke over lines (一、就业（共 / 5 / 项）) is passed over
        (("一、就业（共", "5", "项）", *_ROWS), 3, [3, 6]),
        (("一、就业（共", "5", "项）", "说明", *_ROWS[:3]), 3, []),
        # the next table's header ends the rows; so do twelve rows' worth of lines without a number
        (("1", "新建幼儿园", "县教育局", "序号", "2", "改造道路", "县交通局"), 3, [0]),
        (("1", "新建幼儿园", "县教育局", *["说明"] * 34, "2", "改造道路"), 3, [0, 37]),
        (("1", "新建幼儿园", "县教育局", *["说明"] * 35, "2", "改造道路"), 3, [0]),
    ],
)
def test_where_the_rows_of_a_table_one_cell_a_line_start(lines, width, starts):
    assert _row_starts(list(enumerate(lines, 1)), 0, width) == starts


@pytest.mark.parametrize(
    ("lines", "last", "figure"),
    [
        (("1", "新建幼儿园"), None, False),  # a row's number: its task follows
        (("1",), None, True),  # the table's end follows
        (("1", "5"), None, True),  # a figure follows
        (("5", "项）"), None, True),  # a count a page broke out of a group's row (共 / 5 / 项)
        (("4", "新建"), 3, False),  # the next number
        # 68 after row 3 is a row's number (rows skip numbers) unless 4 stands within two rows' lines
        (("68", "新建", "县教育局", "完成", "甲", "乙", "4"), 3, True),
        (("68", "新建", "县教育局", "完成", "甲", "乙", "丙", "4"), 3, False),
        (("68", "新建", "县教育局", "完成"), 3, False),
    ],
)
def test_a_number_that_is_a_cells_figure_not_a_rows_number(lines, last, figure):
    assert _a_figure_cell(list(enumerate(lines, 1)), 0, last, 3) is figure
