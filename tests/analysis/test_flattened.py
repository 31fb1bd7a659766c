"""Run-together outline numbers cut back into lines, for the outline only (eval: prov_04)."""

from __future__ import annotations

import pandas as pd
from hypothesis import given, settings
from hypothesis import strategies as st

from explore.analysis.flattened import split_flattened
from explore.analysis.items import extract_items

# 河南省人民政府 豫政〔2023〕5号 as a page that lost its line breaks (shortened)
HENAN = (
    "现将《政府工作报告》提出的2023年重点工作任务予以分解并明确责任单位。各责任单位要尽快制定具体落实方案。 "
    "一、加快提振市场信心 (一)全面促进消费增长。 "
    "1.把恢复和扩大消费摆在优先位置,调整妨碍消费的限制性措施,改善消费条件,创新消费场景。"
    "(省商务厅、财政厅、发展改革委等相关部门按职责分工负责) "
    "2.落实好提振市场信心90条措施。(省发展改革委牵头,省商务厅、财政厅等相关部门按职责分工负责) "
    "3.激活房地产市场,落实首套房贷款支持政策,优化二套房认定标准,满足刚性住房需求和改善性需求。"
    "(省住房城乡建设厅、地方金融监管局等按职责分工负责)"
)


def test_a_run_together_plan_is_cut_at_its_numbers():
    lines, back = split_flattened([(1, "河南省人民政府关于明确重点工作责任单位的通知"), (2, HENAN)])
    starts = [text[:6] for _, text in lines]
    assert starts == [
        "河南省人民政",
        "现将《政府工",
        "一、加快提振",
        "(一)全面促",
        "1.把恢复和",
        "2.落实好提",
        "3.激活房地",
    ]
    assert [n for n, _ in lines] == list(range(1, 8))
    assert back == {1: 1, 2: 2, 3: 2, 4: 2, 5: 2, 6: 2, 7: 2}
    assert "".join(t for _, t in lines[1:]).replace(" ", "") == HENAN.replace(" ", "")  # nothing lost


def test_numbers_that_are_no_outline_leave_a_line_whole():
    prose = "全年增长6.5%,完成投资1.2亿元。" + "其中第1.项目已开工,2.5万平方米竣工,3号楼封顶。" * 6
    assert split_flattened([(1, prose)]) == ([(1, prose)], {1: 1})
    # two numbers counting 1, 2 after full stops are a run of items, on a long line or a short
    two = ("说明。" * 60) + "1.甲项工作。2.乙项工作。"
    assert [t for _, t in split_flattened([(1, two)])[0]][1:] == ["1.甲项工作。", "2.乙项工作。"]
    assert len(split_flattened([(1, "说明。2.乙项工作。")])[0]) == 1  # a 2 without its 1 is none
    short = "说明1.甲。2.乙。3.丙。"  # a short line that does not open on its first number
    assert split_flattened([(1, short)])[0] == [(1, short)]
    # 黑龙江 2013 (eval/dev): a short line that opens on an item and runs the next on after it
    glued = "(一)地区生产总值增长11%左右。(省发改委负责)(二)公共财政收入增长13%左右。"
    assert split_flattened([(1, glued)])[0] == [
        (1, "(一)地区生产总值增长11%左右。(省发改委负责)"),
        (2, "(二)公共财政收入增长13%左右。"),
    ]
    # a table's row keeps its cells together
    row = "(一)全面实施清单管理。 | 1.编制清单。 | (二)推进。 |"
    assert split_flattened([(1, row)])[0] == [(1, row)]


def test_items_of_a_run_together_plan_point_at_their_paragraph():
    paragraphs = pd.DataFrame(
        {"doc_id": "henan", "para_no": [1, 2], "text": ["河南省人民政府关于明确重点工作责任单位的通知", HENAN]}
    )
    docs = pd.DataFrame({"doc_id": ["henan"], "district": [""], "year": pd.array([2023], dtype="Int64")})
    items = extract_items(paragraphs, docs)
    measures = items[items["number"].isin(["1.", "2.", "3."])]
    assert measures["para_no"].tolist() == [2, 2, 2]
    assert measures["lead"].tolist()[1] == "省发展改革委"


@given(st.text(alphabet="一二三四五、（）()1234.。；改革推进 ", max_size=400))
@settings(max_examples=300, deadline=None)
def test_cutting_loses_no_character(text):
    lines, back = split_flattened([(7, text)])
    assert "".join(t for _, t in lines).replace(" ", "") == text.strip().replace(" ", "") or not text.strip()
    assert set(back.values()) <= {7} and [n for n, _ in lines] == list(range(1, len(lines) + 1))
