"""Edges of the title rules written against eval/: each case pins one decision, so that
mutation testing (``mutmut``) finds no rule left unguarded. The dates', places' and task
tables' edges stand with their other tests."""

import pytest

from explore.ingest.clean import split_paragraphs
from explore.ingest.title_clean import clean_title
from explore.ingest.title_lines import refused as _refused
from explore.ingest.title_lines import under_title
from explore.ingest.titles import _opens_as_title, _score, infer_title


@pytest.mark.parametrize(
    "line",
    ["查看原文", "跳转到内容", "设为首页收藏本站", "set names utf8;", "INSERT INTO t VALUES (1,'x')", "序号 | 任务 | 牵头单位",
     "关键词一,关键词二,关键词三,关键词四", "一、总体要求", "(二)主要任务", "3.保障措施", "——2019年1月17日在会议上",
     "2021-03-05 09:30 来源:某网", "本报记者 张三", "改革", "附件1", "(2017年1月23日会议通过)", "各位代表:", "字" * 91,
     "县长王亚珍", "市长 魏尧", "大邑县人民政府县长 陈大用", "第04版:专题", "【字体:大中小】", "【打印】",
     "责任单位:县教育局", "(牵头单位:区卫健局)", "责任部门:城建局 配合部门:各街道",
     "按照区政府工作安排,区政府督查办对重点工作任务一季度推进情况进行了汇总,现将具体情况报告如下。",
     "论文部分内容阅读"],  # a document site's label over its excerpt (dev439)
)  # fmt: skip
def test_lines_refused_as_titles(line):
    assert _refused(line)


@pytest.mark.parametrize(
    "line",
    [
        "2017年卢氏县政府工作报告",
        "一图读懂|划重点!雨花区政府工作报告来了",
        "关于印发方案的通知",
        "字" * 90,
        "关于聘任张三为区长助理",
        "区委书记调研基层治理工作",
    ],
)
def test_lines_that_may_be_titles(line):
    assert not _refused(line)


def test_title_scores_prefer_kind_repeats_years_and_early_lines():
    assert _score("政府工作报告", 0, 1) > _score("政府工作", 0, 1)
    assert _score("政府工作", 0, 2) > _score("政府工作", 0, 1)
    assert _score("2019年政府工作", 0, 1) > _score("某某县政府工作", 0, 1)
    assert _score("政府工作报告", 0, 1) > _score("政府工作报告", 3, 1)
    assert _score("报告已经审议通过。", 0, 1) < _score("报告", 0, 1)


def test_title_is_never_prose_nor_a_numbered_section_heading():
    doc = split_paragraphs("这是一段很长的正文,没有任何标题的样子,讲述了很多事情。第二句。")
    assert infer_title(doc, doc.simplified) == ""
    # a numbered heading is one of the body's sections, though it names a kind (LABELLING.md: more_03)
    doc = split_paragraphs("一、10件民生实事任务分解表\n序号 | 任务 | 责任单位 |")
    assert infer_title(doc, doc.simplified) == ""
    doc = split_paragraphs("这" * 60 + "。")
    assert infer_title(doc, doc.simplified) == ""
    empty = split_paragraphs("")
    assert infer_title(empty, empty.simplified) == ""


def test_a_title_run_on_into_its_table_after_an_attachment_label():
    doc = split_paragraphs(
        "编辑: 某某 2019-03-14\n附件 某县2018年环境整治职责清单 工作任务和内容 责任单位 完成时间 负责宣传。"
    )
    assert infer_title(doc, doc.simplified) == "某县2018年环境整治职责清单"


def test_a_notice_title_under_its_organ_line_and_field_rows():
    lines = ["区人民政府办公室", "关于印发2020年区政府重点工作责任分解的", "通知", "各新区:"]
    doc = split_paragraphs("\n".join(lines))
    assert infer_title(doc, doc.simplified) == "区人民政府办公室关于印发2020年区政府重点工作责任分解的通知"
    doc = split_paragraphs("信息名称:关于印发分工方案的通知\n正文。")
    assert infer_title(doc, doc.simplified) == "关于印发分工方案的通知"
    assert clean_title("池州市贵池区2020年食品安全重点工作安排 文号:") == "池州市贵池区2020年食品安全重点工作安排"
    assert clean_title("关于印发方案的通知 索引号: 0001/2020") == "关于印发方案的通知"


def test_a_news_headline_stands_above_its_byline():
    lines = [
        "第04版:专题",
        "抢抓机遇 争当尖兵",
        "某区明确今年各领域改革任务7大类36项,持续推动全面深化改革工作走在前列",
        "□ 本报记者 叶仕春",
        "深化七大领域改革",
    ]
    doc = split_paragraphs("\n".join(lines))
    assert infer_title(doc, doc.simplified) == "抢抓机遇 争当尖兵"


def test_clean_title_edges():
    assert clean_title("(福建省)2019年报告(全文)") == "2019年报告"
    assert clean_title("【广东】2019年报告 - 深圳新闻网") == "2019年报告"
    # dev6275 in eval/dev: a paper's site name after two hyphens, nothing of them left behind
    assert (
        clean_title("常德市金融系统积极开展“金融知识普及月”活动--当代商报")
        == "常德市金融系统积极开展“金融知识普及月”活动"
    )
    assert clean_title("数字政府建设——从一组数据看变化") == "数字政府建设——从一组数据看变化"  # a subtitle stays
    assert clean_title("分解表.docx") == "分解表"
    assert clean_title("政 府 工 作") == "政府工作"
    assert clean_title("政府 工作报告") == "政府 工作报告"


def test_a_heading_broken_over_lines_is_joined():
    # shaped like a county notice whose heading runs over four short lines (plan_03 in eval/)
    lines = ["嘉政办发〔2021〕5号", "县人民政府办公室关于", "对县《政府工作报告》确定的2021年", "重点工作及市《政府工作报告》涉及的",
             "重点事项进行责任分解的通知", "各镇人民政府,县政府各部门:经县人民政府同意,现将重点工作责任分解给你们,请认真落实。"]  # fmt: skip
    doc = split_paragraphs("\n".join(lines))
    assert infer_title(doc, doc.simplified) == (
        "县人民政府办公室关于对县《政府工作报告》确定的2021年重点工作及市《政府工作报告》涉及的重点事项进行责任分解的通知"
    )


def test_field_table_title_picture_suffix_and_news_marks():
    from explore.ingest.meta import infer_meta

    doc = split_paragraphs(
        "索引号\n000014348/2023-00661\n信息分类\n政府会议\n信息名称\n县政府召开全体会议\n正文第一段。"
    )
    assert infer_title(doc, doc.simplified) == "县政府召开全体会议"
    assert clean_title("安龙县召开荷花节动员大会(图)") == "安龙县召开荷花节动员大会"
    doc = split_paragraphs("安龙县召开动员大会\n亮点黔西南讯 6月28日下午,安龙县召开动员大会。")
    assert infer_meta(doc, doc.simplified).doc_type == "news report"
    doc = split_paragraphs("县政府召开全体会议\n发布机构:绿春县融媒体中心\n2月18日,县政府召开全体会议。")
    assert infer_meta(doc, doc.simplified).doc_type == "news report"


@pytest.mark.parametrize(
    ("line", "under"),
    [
        ("(阿署办发〔2007〕22号)", True),
        ("沪府发〔2017〕76号", True),
        ("各区人民政府,市政府各委、办、局:", True),
        ("各县(市、区)党委和人民政府,市直机关各单位:", True),
        ("(2023年2月8日在县第十七届人民代表大会第二次会议上)", True),
        ("——2019年1月17日在区第六届人民代表大会第三次会议上", False),  # a speaker line: no bracket
        ("各位代表:", False),  # a speech opens under its speaker, not under its title
        ("各单位要高度重视。", False),
        ("根据国发〔2015〕1号文件精神", False),
    ],
)
def test_what_stands_under_a_title(line, under):
    assert under_title(line) is under


def test_the_line_its_number_or_addressees_stand_under_is_the_title():
    # a site's menu names the document first in short (dev351 in eval/dev)
    text = (
        "市政府关于做好就业创业工作的意见\n政策原文\n扶持力度\n申报条件\n沪府发〔2017〕76号\n"
        "上海市人民政府关于做好就业创业工作的意见\n各区人民政府,市政府各委、办、局:\n就业是民生之本。"
    )
    doc = split_paragraphs(text)
    assert infer_title(doc, doc.simplified) == "上海市人民政府关于做好就业创业工作的意见"
    # a piece of a heading printed split is no title, though the meeting note stands under it
    text = (
        "贵州省2022年国民经济和社会发展计划执行情况与2023年国民经济和社会发展计划草案的报告\n"
        "2023-01-30 11:13:47 来源:《贵州日报》\n• 贵州省2022年国民经济和社会发展计划\n执行情况与2023年国民经济\n"
        "和社会发展计划草案的报告\n(2023年1月13日在贵州省第十四届人民代表大会第一次会议上)\n各位代表:"
    )
    doc = split_paragraphs(text)
    assert infer_title(doc, doc.simplified).startswith("贵州省2022年")
    # a heading quoted whole is the title it quotes
    doc = split_paragraphs(
        "《北京市人民政府办公厅关于印发〈北京市2016年政务公开工作要点〉的通知》\n京政办发〔2016〕26号"
    )
    assert infer_title(doc, doc.simplified) == "北京市人民政府办公厅关于印发〈北京市2016年政务公开工作要点〉的通知"


def test_a_sharing_sites_file_name_gives_way_to_the_heading_over_its_number():
    # a document-sharing site names its upload; the page shows the notice with its 文号 (dev370)
    lines = [
        "阿拉善盟公文处理实施细则.docx",
        "《阿拉善盟公文处理实施细则.docx》由会员分享,可在线阅读,更多相关请在冰豆网上搜索。",
        "阿拉善盟行政公署办公室关于印发阿拉善盟公文处理实施细则的通知",
        "(阿署办发〔2007〕22号)",
        "各旗人民政府,行署各委、办、局:",
    ]
    doc = split_paragraphs("\n".join(lines))
    assert infer_title(doc, doc.simplified) == "阿拉善盟行政公署办公室关于印发阿拉善盟公文处理实施细则的通知"
    doc = split_paragraphs("\n".join([*lines[:2], "第一条 为规范公文处理。"]))
    assert infer_title(doc, doc.simplified) == "阿拉善盟公文处理实施细则"


def test_a_title_split_after_guanyu_may_go_on_in_a_long_line():
    # dev447 in eval/dev: the rest of the title after 关于 names two quoted documents
    rest = "印发《乌兰浩特市人民政府公文处理有关规定》和《乌兰浩特市人民政府公文格式细则》的通知"
    doc = split_paragraphs("\n".join(["乌政办发〔2013〕11号", "乌兰浩特市人民政府办公室关于", rest, "各镇人民政府:"]))
    assert infer_title(doc, doc.simplified) == "乌兰浩特市人民政府办公室关于" + rest


def test_a_title_field_lower_in_a_field_table():
    # dev445 in eval/dev: 标 题 is the fifth row of a page's field table, its cells in pipes
    rows = ["索引号: | 113416/2020-00328 |", "发布机构: | 谯城区政府 |", "成文日期: | |", "发文字号: | 无 |",
            "标 题: | 谯城区人民政府办公室关于印发重点工作任务分解表的通知 |", "各乡镇人民政府:"]  # fmt: skip
    doc = split_paragraphs("\n".join(rows))
    assert infer_title(doc, doc.simplified) == "谯城区人民政府办公室关于印发重点工作任务分解表的通知"
    # a table whose label and value are parted by the pipe alone (名称 | …的通知 |), over the notice and the
    # plan it issues: the notice is the title, not the plan's heading lower down
    rows = ["索引号 | 0001/2022-01 | 签发时间 | 2022-07-28 | ||", "发布机构 | 某市 | 发文字号 | 某政办发〔2022〕2号 | ||",
            "公开时限 | 长期公开 | 主题词 | 印发 规划 | ||", "发文日期 | 2022-07-28 | 有效性 | |||",
            "名称 | 某市人民政府办公室关于印发《某市规划任务分工方案》的通知 |", "各镇人民政府:",
            "《某市规划任务分工方案》已经市政府同意,现印发给你们。", "某市人民政府办公室", "2022年7月25日", "某市规划任务分工方案"]  # fmt: skip
    doc = split_paragraphs("\n".join(rows))
    assert infer_title(doc, doc.simplified) == "某市人民政府办公室关于印发《某市规划任务分工方案》的通知"
    # a row of a body's table is no title field (项目名称 | …)
    rows = [
        "一、项目",
        "建设内容如下。",
        "序号 | 项目 | 单位 |",
        "1 | 学校 | 所 |",
        "项目名称 | 关于学校建设的方案 |",
        "正文。",
    ]
    doc = split_paragraphs("\n".join(rows))
    assert infer_title(doc, doc.simplified) != "关于学校建设的方案"


@pytest.mark.parametrize(
    ("line", "opens"),
    [
        ("2023年政府工作报告", True),  # a year
        ("关于印发X的通知", True),
        ("深圳市人民政府关于X的通知", True),  # a place in its first ten characters
        ("区人民政府办公室关于印发2020年区政府重点工作责任分解的通知", True),  # an organ before 关于
        ("国务院办公厅关于X", True),
        # pieces of a heading printed split, and lines that are no heading's start
        ("和社会发展计划草案的报告", False),
        ("执行情况与2023年国民经济", False),
        ("县教育局", False),  # an organ alone, with no 关于 after it
        ("持续推进关于营商环境的工作部署", False),  # words, not an organ, before 关于
        ("重点工作任务分解表深圳市", False),  # a place only past the tenth character
    ],
)
def test_a_line_opens_as_a_title_does(line, opens):
    assert _opens_as_title(line) is opens


def test_the_documents_own_heading_wins_over_a_sites_headline_retelling_it():
    # a county's notice reposted (息县, eval/dev): the site's headline names the city and the wrong genre
    lines = ["信阳息县全面禁止燃放烟花爆竹的通知", "息县人民政府关于息县全面禁止燃放烟花爆竹的通告",
             "为加强烟花爆竹安全管理,保障人民生命财产安全,根据国务院《烟花爆竹安全管理条例》,现通告如下。"]  # fmt: skip
    doc = split_paragraphs("\n".join(lines))
    assert infer_title(doc, doc.simplified) == "息县人民政府关于息县全面禁止燃放烟花爆竹的通告"
    # a heading about something else below a headline is no retelling of it
    lines = ["我县召开安全生产工作会议", "县人民政府关于印发春耕生产方案的通知", "会议要求,各乡镇要落实责任。"]
    doc = split_paragraphs("\n".join(lines))
    assert infer_title(doc, doc.simplified) == "我县召开安全生产工作会议"
