"""Lines a PDF broke at its width: running text, never headings."""

from explore.analysis.wrapped import running_lines, wrap_width
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
    assert wrap_width(paras) == 25
    assert {3, 4, 9} <= running_lines(paras) and 1 not in running_lines(paras)
    # a broken line holding 任务 is no target heading: the review above it still speaks
    assert statuses(*REPORT, title="2023年政府工作报告", kind="report") == [("5.1%", "result")]


def test_short_headings_of_one_length_are_no_page_width():
    # an e-paper's headings (一 打造营商服务环境新标杆 …) share a length but are not broken lines
    headings = ["一 打造营商服务环境新标杆", "二 打造先进制造平台新标杆", "三 打造创新引领发展新标杆",
                "五 打造有效投资扩容新标杆", "一 确保内外循环格局更优化", "二 确保城乡协同发展更优质"]  # fmt: skip
    assert wrap_width(list(enumerate(headings, 1))) is None
    assert wrap_width([]) is None
