"""Lines a PDF broke at its width: running text, never headings."""

from explore.analysis.wrapped import broken_lines, columns, wrap_width
from tests.analysis.test_figures import statuses

# shaped like a province's work report copied from a PDF preview (新疆 2023): lines of 24–26 characters
REPORT = [
    "一、过去五年及2022年工作回顾",
    "本届政府任期的五年,是发展史上极不平凡的五年。",
    "面对严峻复杂的形势和艰巨繁重的任务在以习近平同志为",
    "核心的党中央坚强领导下,我们深入贯彻落实党的十九大",
    "精神,贯彻落实自治区党委决策部署,完整准确全面贯彻",
    "新发展理念,统筹疫情防控和经济社会发展,统筹发展和",
    "安全,攻坚克难、砥砺奋进,有效应对各种风险挑战,全",
    "面完成规划,综合经济实力显著增强,预计地区生产总值",
    "年均增长5.1%。",
]


def test_a_pdfs_width_is_found_and_its_broken_lines_are_running_text():
    paras = list(enumerate(REPORT, 1))
    assert wrap_width(paras) == 48  # columns: 24–25 characters, a comma among them half-width
    assert {3, 4, 9} <= broken_lines(paras).running and 1 not in broken_lines(paras).running
    # a broken line holding 任务 is no target heading: the review above it still speaks
    assert statuses(*REPORT, title="2023年政府工作报告", kind="report") == [("5.1%", "result")]


def test_short_headings_of_one_length_are_no_page_width():
    # an e-paper's headings (一 打造营商服务环境新标杆 …) share a length but are not broken lines
    headings = ["一 打造营商服务环境新标杆", "二 打造先进制造平台新标杆", "三 打造创新引领发展新标杆",
                "五 打造有效投资扩容新标杆", "一 确保内外循环格局更优化", "二 确保城乡协同发展更优质"]  # fmt: skip
    assert wrap_width(list(enumerate(headings, 1))) is None
    assert wrap_width([]) is None


# shaped like a county's five-year plan copied from a gazetteer's PDF: justified lines whose count of
# characters varies with their half-width figures, though each is as wide as the page
PLAN = [
    "综合考虑发展基础和条件,力争到2028年,全县生产总值年均增长7.5%,人均",
    "生产总值超过9万元,一般公共预算收入达到28亿元;城乡居民收入与经济增",
    "长基本同步,城镇化率提高到62%,基本公共服务均等化水平明显提高,生态",
    "环境质量持续改善,空气质量优良天数比例保持在90%以上,单位生产总值能",
    "耗下降完成上级下达任务,人民群众获得感、幸福感、安全感显著增强,全面",
    "建成更高水平的小康社会。",
]


def test_a_pages_width_is_measured_in_columns_not_characters():
    assert columns("力争2028年") == 10 and columns("") == 0
    paras = list(enumerate(PLAN, 1))
    assert [len(t) for t in PLAN[0:5]] == [38, 35, 35, 35, 34]  # characters differ,
    assert [columns(t) for t in PLAN[0:5]] == [65, 65, 64, 65, 66]  # columns hardly
    assert wrap_width(paras) is not None
    assert set(broken_lines(paras).continued) == {2, 3, 4, 5, 6}


def test_a_target_cue_governs_its_sentence_on_the_next_line():
    # 力争到2028年 on one line still governs 9万元 and 28亿元 on the next, up to the sentence's end; the
    # next sentence is a running paragraph's, under no heading
    assert statuses(*PLAN, kind="other") == [("7.5%", "target"), ("9万元", "target"), ("28亿元", "target"),
                                             ("62%", "result"), ("90%", "result")]  # fmt: skip


def test_a_table_set_out_with_spaces_is_no_running_text():
    # 岳阳 2019 progress table: rows of one width, none ending a sentence, yet each a row of its own
    rows = [
        "序号 考核指标 单 位 工作目标 已完成数 占年任务之比 备  注",
        "1 城镇新增就业 万人 5.2 7.23  139.1% 人力资源社会保障局",
        "2 自然村通水泥(沥青)路 公里  1360 1361.92  100.1% 交通局",
        "3 新增农村通自来水人口 万人  4.52 5.52  122.0% 水利局",
        "4 减少义务教育大班额1.4万个以上 869 1022 117.6% 教体局",
        "5 农村适龄妇女“两癌”免费检查 93215 106345 114.1% 妇联",
        "6 新增城市公共停车泊位 个 5000 5600 112.0% 住建局",
    ]
    assert wrap_width(list(enumerate(rows, 1))) is None
    assert not broken_lines(list(enumerate(rows, 1))).running
