"""Who leads an item: labels, prose, cells and notes, under the convention a document states once."""

import pytest

from explore.analysis.flattened import split_flattened
from explore.analysis.item_rows import doc_items
from explore.analysis.notes import first_unit_leads
from explore.analysis.roles import item_roles


def test_a_label_may_say_wei_for_its_colon():
    # a district's indicator targets on an essay site: "…,责任单位为区发改委;"
    assert item_roles("人均地区生产总值:增长6%左右(依据区人代会目标设置),责任单位为区发改委;")[:2] == ("区发改委", "")


def test_a_state_council_style_opinion_gets_its_leads():
    paras = [
        (1, "国务院关于进一步优化营商环境的意见"),
        (2, "各省、自治区、直辖市人民政府，国务院各部委、各直属机构："),
        (3, "一、优化审批服务"),
        (4, "（一）压减审批事项。全面清理行政许可事项。（国家发展改革委、司法部、市场监管总局按职责分工负责）"),
        (5, "（二）推行告知承诺制。（司法部、各省级人民政府负责）"),
        (6, "二、强化监管"),
        (7, "（三）创新监管方式。（市场监管总局负责）"),
        (8, "各地区各部门要抓好落实。（排在第一位的部门为牵头部门）"),
    ]
    items = [i for i in doc_items(paras) if i["number"].startswith("（")]
    assert [(i["lead"], i["partners"], i["lead_rule"]) for i in items] == [
        ("国家发展改革委", "司法部、市场监管总局", "first listed (stated)"),
        ("司法部", "各省级人民政府", "first listed (stated)"),
        ("市场监管总局", "", "every listed unit"),
    ]


def test_a_note_on_its_own_line_belongs_to_the_item_above():
    # 国办发〔2018〕117号 as a policy database stores it: each note on a line of its own
    paras = [
        (1, "国务院办公厅关于对真抓实干成效明显地方进一步加大激励支持力度的通知"),
        (2, "一、对深化商事制度改革成效显著的市（地、州、盟）、县（市、区、旗），优先纳入相关试点。"),
        (3, "（市场监管总局负责）"),
        (4, "二、对促进外贸、外资稳定增长成效明显的省（区、市），在外贸转型升级基地培育中给予优先支持。"),
        (5, "（商务部负责）"),
        (6, "三、对公路水路交通建设年度目标任务完成情况好的省（区、市），优先安排车辆购置税。"),
        (7, "（交通运输部、财政部负责）"),
    ]
    items = doc_items(paras)
    assert [i["lead"] for i in items] == ["市场监管总局", "商务部", "交通运输部、财政部"]
    assert [i["para_end"] for i in items] == [3, 5, 7]


def test_a_responsible_label_after_a_lead_label_names_partners():
    from explore.analysis.roles import item_roles as _lead
    from explore.ingest.role_labels import labels

    # 嘉鱼县 (plan_03) and 下陆区 (tab_09) in eval/: 牵头单位 leads, 责任单位 beside it supports
    assert _lead("(牵头单位:县财政局;责任单位:县税务局,各镇人民政府,嘉鱼经济开发区)")[:2] == (
        "县财政局",
        "县税务局,各镇人民政府,嘉鱼经济开发区",
    )
    assert _lead("[牵头单位:区卫健局;责任单位:区疫情防控指挥部成员单位、各街办(新区)]")[:2] == (
        "区卫健局",
        "区疫情防控指挥部成员单位、各街办(新区)",
    )
    # alone, 责任单位 leads; a leader label names a person, never a unit
    assert _lead("（责任单位：县教育局）")[0] == "县教育局"
    assert _lead("责任领导：张三；牵头单位：区住建局")[:3] == ("区住建局", "", "张三")
    assert "牵头单位" in labels()["lead"] and "责任单位" in labels()["responsible"]


def test_the_role_labels_file_names_a_line_outside_any_section(tmp_path):

    from explore.ingest.role_labels import labels

    bad = tmp_path / "roles.txt"
    bad.write_text("牵头单位\n[lead labels]\n", encoding="utf-8")
    with pytest.raises(ValueError, match="line 1"):
        labels(bad)


def test_a_convention_stated_inside_a_responsible_list():
    from explore.analysis.roles import item_roles as _lead

    # 海盐县 2022: 责任单位:县发改局(首位单位为牵头单位,下同)、县财政局 — the first unit leads
    note = "责任单位:县发改局(首位单位为牵头单位,下同)、县财政局、县税务局"
    assert _lead(note, True)[:2] == ("县发改局", "县财政局、县税务局")
    assert _lead("责任单位:县发改局、县财政局", False)[0] == "县发改局、县财政局"  # no convention: every unit
    # 湖州市 2020: the convention closes the list, longer, with a comma, and 为工作牵头单位
    note = "责任单位:市经信局、市财政局、市发展改革委(列第一位者为工作牵头单位或汇总单位,下同)"
    assert first_unit_leads(note)
    assert _lead(note, True)[:2] == ("市经信局", "市财政局、市发展改革委")
    # 丽水市 2023 (eval/dev): an exception stated before the convention, and the rows it names
    note = "责任单位:市发改委、市经信局、市科技局(除标注“分别牵头”外,列第一位为牵头或汇总单位,下同)"
    assert first_unit_leads(note)
    assert _lead(note, True)[:2] == ("市发改委", "市经信局、市科技局")
    for stated in (True, False):  # X、Y分别牵头: each leads its part, whatever the convention
        assert _lead("责任单位:市人力社保局、市农业农村局分别牵头", stated)[:2] == ("市人力社保局、市农业农村局", "")


def test_a_flattened_rows_unit_cell_leads_its_item():
    import pandas as pd

    from explore.analysis.items import extract_items

    # 吴江区 2024 重点工作目标任务分解 (a mirror): one cell a line, separators on lines of their own,
    # the leader's name padded, the unit cell marked ★
    lines = ["序号", "|", "重点工作目标任务", "|", "牵头领导", "|", "责任单位", "|", "一、主要预期目标", "||||",
             "1.地区生产总值增长5%以上。", "|", "钱 宇", "|", "★区发改委、统计局", "|",
             "2.一般公共预算收入同口径增长6%以上。", "|", "★区财政局、税务局", "|||",
             "3.进出口总额稳中提质。", "|", "方 勇", "|", "★区商务局、吴江海关"]  # fmt: skip
    paras = pd.DataFrame({"doc_id": "d", "para_no": range(1, len(lines) + 1), "text": lines})
    docs = pd.DataFrame({"doc_id": ["d"], "district": [""], "year": [2024], "title": [""]})
    items = extract_items(paras, docs)
    leads = items.loc[items["lead_rule"] == "unit column", "lead"].tolist()
    assert leads == ["区发改委、统计局", "区财政局、税务局", "区商务局、吴江海关"]
    # a lead column before the task column: the units after a task are its partners, no lead
    lines[2], lines[6] = "牵头单位", "目标任务"
    items = extract_items(pd.DataFrame({"doc_id": "d", "para_no": range(1, len(lines) + 1), "text": lines}), docs)
    assert "unit column" not in set(items["lead_rule"])


def test_items_run_together_on_one_line_and_targets_with_their_units():
    # 黑龙江 2013 (eval/dev): the targets each name their unit; two were run together on one line
    paras = [(0, "一、全省经济社会发展主要目标"),
             (1, "(一)地区生产总值增长11%左右。(省发改委负责)(二)公共财政收入增长13%左右。(省财政厅主办,省国税局、地税局协办)"),
             (2, "(三)进出口总额增长8%左右。(省商务厅负责)")]  # fmt: skip
    rows = doc_items(split_flattened(paras)[0])  # as extract_items reads them
    assert [(r["number"], r["lead"], r["partners"]) for r in rows] == [
        ("(一)", "省发改委", ""), ("(二)", "省财政厅", "省国税局、地税局"), ("(三)", "省商务厅", "")
    ]  # fmt: skip
    # a target section whose entries name no unit stays the plan's framing
    assert doc_items([(0, "一、主要目标"), (1, "(一)地区生产总值增长11%左右。"), (2, "(二)财政收入增长8%。")]) == []
    # a number inside a sentence (增长2.5倍, 第2.项) is no item of its own
    assert [
        r["number"] for r in doc_items(split_flattened([(0, "一、改革"), (1, "1.抓好项目,增长2.5倍。2.推进改革。")])[0])
    ] == [
        "1.",
        "2.",
    ]


def test_a_heading_that_names_the_lead_for_its_tasks():
    # 山西 2008 (eval/dev): leads written once, as the heading of their group of tasks; a
    # person's heading (省长负责的工作) names no unit
    paras = [(0, "一、孟学农省长负责的工作"), (1, "全面负责省人民政府工作任务的落实。"),
             (2, "(一)省监察厅牵头的工作"), (3, "加强行政监察。"),
             (4, "(二)省编办牵头的工作"), (5, "1.深化行政管理体制改革。"), (6, "2.推进乡镇机构改革。"),
             (7, "协同单位:省财政厅、省人事厅。")]  # fmt: skip
    rows = doc_items(paras)
    assert [(r["number"], r["lead"], r["lead_rule"]) for r in rows] == [
        ("(一)", "省监察厅", "group heading"), ("(二)", "省编办", "group heading"),
        ("1.", "省编办", "group heading"), ("2.", "省编办", "group heading"),
    ]  # fmt: skip
    assert rows[-1]["partners"] == "省财政厅、省人事厅"
    # two units in one heading lead together, as a list of units is written
    rows = doc_items([(0, "一、改革任务"), (1, "(一)省发展改革委、省财政厅牵头的工作"), (2, "1.深化投资体制改革。")])
    assert [(r["lead"], r["lead_rule"]) for r in rows] == [("省发展改革委、省财政厅", "group heading")] * 2


def test_a_note_on_a_tier_heading_answers_for_the_tasks_under_it():
    # 四川 2016 (eval/dev): one note on the project's heading, none on its targets below
    paras = [(0, "一、就业促进工程(责任单位:人力资源社会保障厅、教育厅、省总工会)"), (1, "(一)工作目标。"),
             (2, "1.促进城乡劳动者就业创业。全省城镇新增就业80万人。"), (3, "2.加强职业培训。培训4.5万人。"),
             (4, "二、教育扶贫工程(责任单位:教育厅)"), (5, "(一)工作目标。"), (6, "1.资助学生10万人。"),
             (7, "2.改造校舍。(省发展改革委负责)")]  # fmt: skip
    rows = doc_items(paras)
    assert [(r["number"], r["lead"], r["lead_rule"]) for r in rows] == [
        ("(一)", "人力资源社会保障厅、教育厅、省总工会", "heading note"),
        ("1.", "人力资源社会保障厅、教育厅、省总工会", "heading note"),
        ("2.", "人力资源社会保障厅、教育厅、省总工会", "heading note"),
        ("(一)", "教育厅", "heading note"), ("1.", "教育厅", "heading note"), ("2.", "省发展改革委", "every listed unit"),
    ]  # fmt: skip


def test_who_carries_it_out_in_a_sentence():
    from explore.analysis.roles import item_roles

    # 广西 2005, 国办发〔2003〕99号, 兰州 2010 (eval/dev)
    assert item_roles("安排街道硬化11个项目。由县民族局、民族乡政府共同组织实施。")[::3] == (
        "县民族局、民族乡政府",
        "prose",
    )
    assert (
        item_roles("宣传方案由国务院法制办同有关部门制订并组织实施。各地方由地方各级人民政府负责。")[0]
        == "国务院法制办"
    )
    assert item_roles("由王副市长负责,市发改委牵头,相关部门配合。")[:2] == ("市发改委", "相关部门")
    # each partner word of roles.txt ends the partners (a county's plan: …参加)
    for word in ("配合", "协办", "参与", "参加", "协同"):
        assert item_roles(f"完善农村饮水工程。县水利局牵头,县财政局、县卫健局{word}。")[:2] == (
            "县水利局",
            "县财政局、县卫健局",
        )
    assert item_roles("由市政府统一部署。")[0] == ""  # no duty word
    # 国办函〔2014〕31号 (eval/dev): 由X会同Y — X leads whatever the sentence has it do
    assert (
        item_roles("关于“划定永久基本农田”的问题,由发展改革委会同财政部、农业部等部门研究提出落实意见。")[0]
        == "发展改革委"
    )


def test_units_answering_for_a_matter_in_a_reply():
    from explore.analysis.roles import item_roles

    # 国办函〔2004〕71号 and 57号 (eval/dev): the units opening the answer lead it
    paras = [
        "二、关于亭子口水利枢纽工程问题。你省请求，国家尽快审核项目建议书。",
        "发展改革委会同水利部研究提出了办理意见：该工程列入规划。",
    ]
    assert item_roles("\n".join(paras))[::3] == ("发展改革委", "prose")
    assert item_roles("一、关于证券问题。\n证监会、发展改革委提出了以下意见：积极支持。")[0] == "证监会、发展改革委"
    assert item_roles("三、关于曲轴问题。\n发展改革委意见：原则同意。")[0] == "发展改革委"
    assert item_roles("有关部门进行了认真研究，提出了办理意见：")[0] == ""  # no unit


def test_a_convention_stated_inside_the_first_note_after_its_duty_word():
    from explore.analysis.roles import item_roles

    # 吉政发〔2014〕37号 (eval/dev): (X、Y等负责,列第一位的为牵头部门,下同)
    text = "1.进一步加快推进简政放权。(省发展改革委、省编办、省国土资源厅等负责,列第一位的为牵头部门,下同)"
    assert item_roles(text, True)[::3] == ("省发展改革委", "first listed (stated)")


def test_a_run_of_items_inside_a_paragraph_and_labelled_blocks():
    # 开发区 2017 (eval/dev, a document site's preview): the items follow the lead-in on its line
    text = ("一、市政府为民办实事现将一季度推进情况通报如下:(一)快速路一期工程建设(责任单位:住房和城乡建设局)"
            "推进情况:征地拆迁基本完成。(二)优化教育布局(责任单位:社会事业局)推进情况:正在施工。")  # fmt: skip
    assert [(r["number"], r["lead"]) for r in doc_items(split_flattened([(1, text)])[0])] == [
        ("(一)", "住房和城乡建设局"),
        ("(二)", "社会事业局"),
    ]
    # 2021 county summary (eval/dev): blocks numbered 01, 02 with a field label over each value
    paras = [(1, "01 项目名称:提升县域生态环境"), (2, "项目内容:"), (3, "连通城区河道水系,新改建公厕5座。"),
             (4, "责任单位:"), (5, "水务局、城管局、自然资源局"), (6, "进展与成效:"), (7, "已完成开标。"),
             (8, "02 项目名称:加大文化惠民力度"), (9, "责任单位:"), (10, "文广旅局")]  # fmt: skip
    assert [r["lead"] for r in doc_items(paras)] == ["水务局、城管局、自然资源局", "文广旅局"]


def test_a_note_that_says_when_and_a_unit_column_before_the_tasks():
    from explore.analysis.roles import item_roles

    # 国发〔2020〕6号, 天津 2021 (eval/dev): the note goes on to say when
    assert item_roles("(一)稳定经济增长。(国务院各部门分别负责,年内持续推进)")[::3] == (
        "国务院各部门",
        "every listed unit",
    )
    # 广水 2025 (eval/dev): 牵头单位 stands before 工作任务; one unit cell over two numbered tasks
    paras = [(1, "序号"), (2, "牵头单位"), (3, "工作任务"), (4, "完成情况"), (5, "12"), (6, "市水利和湖泊局"),
             (7, "56.做好农村自来水管网改造,新增充电桩300个。"), (8, "已完工。"), (9, "90%"),
             (10, "86.深入推进河长制。"), (11, "已完成河湖长更新调整。")]  # fmt: skip
    tasks = [(r["number"], r["lead"], r["lead_rule"]) for r in doc_items(paras) if r["number"].endswith(".")]
    assert tasks == [("56.", "市水利和湖泊局", "unit column"), ("86.", "市水利和湖泊局", "unit column")]


def test_a_number_run_into_a_short_heading():
    # 连云港 2017 (eval/dev): the page lost the dot after each item's number
    paras = [(1, "一、就业创业致富工程"), (2, "1优化就业创业服务"), (3, "牵头单位:市人社局"), (4, "完成情况:达到序时进度。"),
             (5, "2加强市场监管"), (6, "牵头单位:市工商局"), (7, "3人获得表彰。")]  # fmt: skip
    assert [(r["number"], r["lead"]) for r in doc_items(paras)] == [("1", "市人社局"), ("2", "市工商局")]


def test_indicators_numbered_with_one_sign_each_carry_their_label_lines():
    # 辽政办发〔2012〕53号 (eval/dev): ⑴… then 责任单位:X, or 牵头单位:X then 责任单位:X、Y
    paras = [(0, "1.约束性指标。"), (1, "⑴九年义务教育巩固率达到97%。"), (2, "责任单位:省教育厅。"),
             (3, "⑵耕地保有量保持在6120万亩。"), (4, "责任单位:省国土资源厅。"),
             (5, "⑶单位地区生产总值能耗降低17%。"), (6, "牵头单位:省发展改革委。"), (7, "责任单位:省发展改革委、省统计局等。")]  # fmt: skip
    rows = doc_items(paras)
    assert [(r["number"], r["lead"]) for r in rows if r["number"] != "1."] == [
        ("⑴", "省教育厅"), ("⑵", "省国土资源厅"), ("⑶", "省发展改革委"),
    ]  # fmt: skip


def test_tasks_a_paragraph_runs_together_each_with_its_note():
    # 调兵山 2023 (eval/dev): 一是…（责任单位：X）；二是…（责任单位：Y）；三是… in one sentence
    paras = [
        (1, "关于铁岭市重点民生实事进展情况的督查专报"),
        (2, "其中涉及我市的任务有3个,分别为:一是维修改造中小学校13所(责任单位:市教育局);"
            "二是提高异地就医报销比例,简化临时外出备案流程(责任单位:市医保局);"
            "三是新改建、维修改造农村公路380公里(责任单位:市交通局)。目前,3个任务都已完成。"),
    ]  # fmt: skip
    rows = doc_items(paras)
    assert [(r["lead"], r["title"][:6]) for r in rows] == [
        ("市教育局", "其中涉及我市"), ("市医保局", "二是提高异地"), ("市交通局", "三是新改建、"),
    ]  # fmt: skip


def test_an_item_that_opens_on_who_answers_for_it():
    from explore.analysis.roles import item_roles

    # 漯河 2011 (eval/dev): 一、X负责…; 六、A、B协同X负责…: those before 协同 support X
    assert item_roles("一、市城乡规划局负责城市规划的编制;城建档案的归档管理。")[::3] == ("市城乡规划局", "prose")
    assert item_roles("七、市公安局、市建委协同市交通运输局负责城市综合交通的工作。")[:2] == (
        "市交通运输局",
        "市公安局、市建委",
    )
    assert item_roles("各地方、各部门负责做好宣传工作。")[0] == ""  # everyone: no item's lead
    assert item_roles("各牵头单位要切实履行牵头职责，负责协调。")[0] == ""  # 履行 ends like 银行, and is no unit


def test_co_leads_and_units_that_take_part_and_a_convention_after_a_full_stop():
    from explore.analysis.roles import item_roles

    # 济宁 (eval/dev): two units before 牵头, the rest 参加
    got = item_roles("1.加强就业。(市发展改革委、市人力资源社会保障局牵头,市委组织部、市财政局参加)")
    assert got[:2] == ("市发展改革委、市人力资源社会保障局", "市委组织部、市财政局")
    # 沪府发〔2017〕76号 (eval/dev): the convention a second sentence inside the first note
    note = "(市发展改革委、市财政局、市商务委等按照职责分工负责。列第一位者为牵头单位,下同)"
    assert item_roles("(一)促进经济增长与扩大就业联动。" + note, True)[::3] == ("市发展改革委", "first listed (stated)")
