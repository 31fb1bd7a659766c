"""Task tables run into text with spaces between the cells (eval: tab_02, 监利县 2018)."""

from __future__ import annotations

import pandas as pd

from explore.analysis.items import extract_items
from explore.analysis.spaced_rows import spaced_rows

JIANLI = [
    "附件 监利县2018年环境空气质量综合整治方案职责清单 工作任务和内容 责任单位 配合单位 完成时间 "
    "负责全县环境空气质量达标整治工作的舆论宣传,开展专题宣传和跟踪报道.",
    "县委宣传部 持续开展 负责大气污染综合治理工作任务的督导和检查考核工作. 县委县政府 督查室 持续开展 "
    "负责制定监利县城区扬尘污染整治百日攻坚工作方案,督促拆迁项目单位落实扬尘污染防治工作. 县五城办 7月底前制定 扬尘治理方案 "
    "负责抓好砂石场的扬尘污染防治工作,加快推广新能源汽车. 县交通 运输局 12月底前完成新能源汽车更换 "
    "负责抓好园林绿化工程等施工工地扬尘污染防治工作. 县城管局 县住建局 持续开展",
]


def test_each_run_of_units_closes_the_task_before_it():
    rows = spaced_rows(list(enumerate(JIANLI, 1)))
    assert [r["lead"] for r in rows] == ["县委宣传部", "县委县政府 督查室", "县五城办", "县交通 运输局", "县城管局"]
    # the header's 配合单位 column takes the units after the lead
    assert [r["partners"] for r in rows] == ["", "", "", "", "县住建局"]
    # deadlines (持续开展, 7月底前制定 扬尘治理方案, 12月底前完成…) belong to no task
    assert rows[3]["task"] == "负责抓好砂石场的扬尘污染防治工作,加快推广新能源汽车."
    assert rows[4]["task"] == "负责抓好园林绿化工程等施工工地扬尘污染防治工作."
    assert [r["para_no"] for r in rows] == [1, 2, 2, 2, 2]


def test_without_a_header_naming_a_lead_column_nothing_is_a_row():
    assert spaced_rows([(1, JIANLI[1])]) == []
    prose = "各单位 要 加强领导。县公安局 负责 交通秩序。县城管局 负责 市容。"
    assert spaced_rows([(1, "工作任务 完成时间 备注"), (2, prose)]) == []  # no lead column
    assert spaced_rows([]) == []


def test_the_rows_become_items_with_their_leads():
    paragraphs = pd.DataFrame({"doc_id": "jianli", "para_no": [1, 2], "text": JIANLI})
    docs = pd.DataFrame({"doc_id": ["jianli"], "district": ["监利县"], "year": pd.array([2018], dtype="Int64")})
    items = extract_items(paragraphs, docs)
    assert items["lead"].tolist() == ["县委宣传部", "县委县政府 督查室", "县五城办", "县交通 运输局", "县城管局"]
    assert set(items["lead_rule"]) == {"table"}


def test_a_header_spread_a_character_a_cell_still_names_its_columns():
    # shaped like a State Council division of quantified targets (国办函 2016): 工 作 任 务
    text = ("序号 工 作 任 务 牵头负责部门 1 居民消费价格涨幅3%左右 发展改革委 "
            "2 城镇新增就业1000万人以上 人力资源社会保障部 3 安排财政赤字2.18万亿元 财政部")  # fmt: skip
    rows = spaced_rows([(1, text)])
    assert [(r["number"], r["task"], r["lead"]) for r in rows] == [
        ("1", "居民消费价格涨幅3%左右", "发展改革委"),
        ("", "城镇新增就业1000万人以上", "人力资源社会保障部"),
        ("", "安排财政赤字2.18万亿元", "财政部"),
    ]


def test_a_line_opening_on_a_rows_number_starts_its_task():
    # 岳阳楼区 2019 (eval/dev): a header over three lines, numbered rows one a line with remarks
    rows = spaced_rows(
        list(enumerate([
            "序号 项目名称 责任单位 目标任务  1-7月", "实际完成情况", "任务完成率 备注",
            "1 新增城镇就业 区人社局 8950人 6453人 72%",
            "2 减少义务教育大班额 区教育局 51个 3个 5% 春季入学期间,已化解大班额3个;秋季可完成。",
            "3 农村及城镇低保适龄妇女“两癌”免费检查 区卫健局 2500人 3321 133% 已超额完成。",
            "牵头单位",  # the header's cell repeated on a page break: no unit
            "4 孕产妇免费产前筛查 区卫健局 3600人 2849人 79%",
        ], 1))
    )  # fmt: skip
    assert [(r["number"], r["task"], r["lead"]) for r in rows] == [
        ("1", "新增城镇就业", "区人社局"),
        ("2", "减少义务教育大班额", "区教育局"),
        ("3", "农村及城镇低保适龄妇女“两癌”免费检查", "区卫健局"),
        ("4", "孕产妇免费产前筛查", "区卫健局"),
    ]
