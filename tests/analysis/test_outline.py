"""The outline under items: an item's lines that each close with their own units' note become its
measures (``noted_lines``), and which lines can head items (``is_heading``)."""

import pytest

from explore.analysis.outline import is_heading, noted_lines, outline


def noted_tree(*lines: str) -> list[tuple[object, ...]]:
    """(style, number, para_no, title, body, heading_only, parent's para_no) of every node, in order."""
    roots, _ = outline(list(enumerate(lines, 1)))
    out = []

    def walk(node):
        parent = node.parent.para_no if node.parent else None
        out.append((node.style, node.number, node.para_no, node.title, node.body, node.heading_only, parent))
        for child in node.children:
            walk(child)

    for root in roots:
        noted_lines(root)
        walk(root)
    return out


def test_lines_each_closed_by_a_note_are_the_items_measures():
    # a province's indicator split (Guangdong-like, 2006): each indicator with its lead in brackets
    assert noted_tree(
        "1. 约束性指标的责任部门",
        "单位地区生产总值能源消耗力争降低20%左右。(省经贸委牵头)",
        "完成国家下达的耕地保有量指标。(省国土资源厅牵头)",
        "2. 预期性指标",
    ) == [
        ("arabic", "1.", 1, "约束性指标的责任部门", [(1, "约束性指标的责任部门")], True, None),
        ("noted", "", 2, "单位地区生产总值能源消耗力争降低20%左右", [(2, "单位地区生产总值能源消耗力争降低20%左右。(省经贸委牵头)")], False, 1),
        ("noted", "", 3, "完成国家下达的耕地保有量指标", [(3, "完成国家下达的耕地保有量指标。(省国土资源厅牵头)")], False, 1),
        ("arabic", "2.", 4, "预期性指标", [(4, "预期性指标")], True, None),
    ]  # fmt: skip


def test_an_item_naming_units_sentence_by_sentence_keeps_its_first_sentences():
    # a provincial task split: the item's own sentences up to its first note, then one measure a note
    assert noted_tree(
        "13.提升创新能力。建设重点实验室3个。(责任单位:省发展改革委)推进孵化器建设。(责任单位:省科技厅)"
        "培育高新技术企业。(责任单位:省工信厅)",
        "14.优化营商环境。",
    ) == [
        ("arabic", "13.", 1, "提升创新能力", [(1, "提升创新能力。建设重点实验室3个。(责任单位:省发展改革委)")], False, None),
        ("noted", "", 1, "推进孵化器建设", [(1, "推进孵化器建设。(责任单位:省科技厅)")], False, 1),
        ("noted", "", 1, "培育高新技术企业", [(1, "培育高新技术企业。(责任单位:省工信厅)")], False, 1),
        ("arabic", "14.", 2, "优化营商环境", [(2, "优化营商环境。")], True, None),
    ]  # fmt: skip


def test_one_noted_line_among_plain_ones_leaves_the_item_whole():
    lines = ["建设高标准农田5万亩。(县农业农村局牵头)", "改造农村公路30公里。", "新建村卫生室5个。", "实施饮水工程。"]
    assert noted_tree("1.推进乡村振兴", *lines, "2.其他") == [
        ("arabic", "1.", 1, "推进乡村振兴", [(1, "推进乡村振兴"), *enumerate(lines, 2)], True, None),
        ("arabic", "2.", 6, "其他", [(6, "其他")], True, None),
    ]


@pytest.mark.parametrize(
    ("text", "heading"),
    [
        ("一", True),
        ("总体要求", True),
        ("一二三四五六七八九十" * 3, True),  # thirty characters
        ("一二三四五六七八九十" * 3 + "一", False),  # a sentence's length
        ("", False),
        ("各位代表：", False),  # a salutation heads nothing
        ("推进改革。", False),
    ],
)
def test_a_line_that_can_head_items(text, heading):
    assert is_heading(text) is heading
