"""What a title line is, on the opening lines of documents of the development set (eval/dev; none
from the seeds): a headline behind its label, a subtitle after its dashes, and lines that are never
a title wherever they stand."""

import pytest

from explore.ingest.clean import split_paragraphs
from explore.ingest.title_clean import clean_title
from explore.ingest.title_lines import refused
from explore.ingest.titles import infer_title


def _title(lines: list[str]) -> str:
    doc = split_paragraphs("\n".join(lines))
    return infer_title(doc, doc.simplified)


@pytest.mark.parametrize(
    ("lines", "title"),
    [
        # dev453 (上海 2018, a repost): the headline it first ran under, and nothing above it
        (["原标题:2018年度上海市政府实事项目九成超计划完成 健身步道、爱心暑托班等满意度居前",
          "晨报讯 2018年度上海市政府实事项目顺利完成。经过网上投票测评,市民总体满意度为91.02分。"],
         "2018年度上海市政府实事项目九成超计划完成 健身步道、爱心暑托班等满意度居前"),
        # dev424 (北京 2017): the repost's own headline above the 原标题 line wins
        (["2017年北京市30件民生实事基本完成落实", "2017-12-27 09:11:02|来源:北京青年报|编辑:李胜兰",
          "原标题:30件民生实事基本完成落实", "北京青年报讯 部分市人大代表昨天下午前往东城视察。"],
         "2017年北京市30件民生实事基本完成落实"),
        # dev451 (国家 2023, a mirror of a Xinhua item): the dateline's 题: and the subtitle after ——
        (["发布时间:2024-11-16 05:50:03 来源: sp20241116",
          "新华社北京12月26日电 题:“十四五”规划纲要实施实现“时间过半、任务过半”——从中期评估报告看“十四五”发展新成效",
          "新华社记者陈炜伟、严赋憬", "受国务院委托,国家发展改革委主任郑栅洁26日向会议作中期评估报告。"],
         "“十四五”规划纲要实施实现“时间过半、任务过半”——从中期评估报告看“十四五”发展新成效"),
    ],
)  # fmt: skip
def test_a_labelled_headline(lines, title):
    assert _title(lines) == title


def test_a_subtitle_after_two_dashes_is_no_site_name():
    # dev451: 从中期评估报告 ends on 报 as a newspaper's name would; a site's name follows one dash
    assert clean_title("纲要实施过半——从中期评估报告看发展新成效") == "纲要实施过半——从中期评估报告看发展新成效"
    assert clean_title("2024年政府工作报告 - 某某网") == "2024年政府工作报告"


def test_an_organ_alone_is_no_title():
    # dev436 (四川 2022, a gazette's mirror): its masthead's organs stand where a title would
    lines = ["网站首页 简体 繁体", "年 份:", "期 号:", "关键字:", "搜索 高级搜索 重置信息", "主管主办",
             "四川省人民政府办公厅", "编辑出版", "四川省人民政府公报室", "编       审", "责       编"]  # fmt: skip
    assert _title(lines) == ""
    # an event ends like a unit (…会) and is a headline: 政府工作报告新闻发布会
    assert _title(["首页 > 新闻", "政府工作报告新闻发布会", "3月5日上午,发布会在区行政中心举行。"]) == (
        "政府工作报告新闻发布会"
    )


def test_a_headlines_exclamatory_opening_is_no_sentence():
    # dev410 (国家 2017, a news page over a video's transcript, one phrase a line): 首次披露! opens
    # the headline; the transcript's phrase that names the report (在报告里写进去了) is none
    lines = ["当前位置:新闻 > 2017全国两会 > 更多新闻 > 正文", "首次披露!政府工作报告出炉幕后",
             "2017-03-19 19:57:21  中国政府网    参与评论()人", "总理他明天要念的时候", "晚上他有时也在改",
             "热腾腾的稿子刚端过去", "座谈会里边有三条政策", "在报告里写进去了", "当场就定下来了"]  # fmt: skip
    assert _title(lines) == "首次披露!政府工作报告出炉幕后"


def test_a_heading_in_a_row_of_merged_cells():
    # dev330 (岳阳楼区 2019, a progress table flattened with pipes): the heading is the first cell of
    # a row whose other cells are empty
    lines = ["岳阳楼区2019年1-8月省市重点民生实事项目完成情况 | |||||||",
             "序号 | 项目名称 | 责任单位 | 目标任务 | 1- 8月 实际完成情况 |", "任务完成率 | 备注 | |",
             "1 | 新增城镇就业 | 区人社局 | 8950人 | 7123人 | 80% | ||"]  # fmt: skip
    assert _title(lines) == "岳阳楼区2019年1-8月省市重点民生实事项目完成情况"


def test_a_page_field_table_row_is_no_body():
    # dev327 (临安 2022): the page's fields in rows of pipes above the heading do not open the body
    lines = ["索引号 | 000330185/2022-86781 | 公开方式 | 主动公开 |", "公开范围 | 面向社会 | 公开时限 | 长期公开 |",
             "发布单位 | 区府办 | 发文日期 | 2022-11-03 |", "2022年区政府民生实事项目进展情况表(截至9月底)",
             "序号 | 项目内容 | 进展情况 | 责任单位 |",
             "1 | 新建成公办中小学、幼儿园7所。 | 新建成临安区职教中心。 | 区教育局 |"]  # fmt: skip
    assert _title(lines) == "2022年区政府民生实事项目进展情况表(截至9月底)"


def test_a_headlines_day_is_no_sentence():
    # dev124 (云南 2026, a WeChat-style item): the headline opens on its day; the line under it that
    # names the report is its subheading, and the lede (1月28日上午,…) stays a sentence
    lines = ["2026-01-28 22:06", "1月28日 ,云南省第十四届人民代表大会第四次会议 在昆明开幕",
             "省长王予波代表省人民政府 向大会作政府工作报告",
             "1月28日上午,云南省第十四届人民代表大会第四次会议在昆明云南海埂会堂隆重开幕",
             "今年政府工作报告 都有哪些干货?", "“十四五”时期工作回顾", "经济实力迈上新台阶"]  # fmt: skip
    assert _title(lines) == "1月28日 ,云南省第十四届人民代表大会第四次会议 在昆明开幕"


def test_a_kind_of_document_spaced_on_a_line_of_its_own_ends_the_heading():
    # dev467 (西平县 2021): 决 定 spaced out under the 关于 line, as a red header prints it
    lines = ["西政〔2021〕1号", "西平县人民政府", "关于对自然资源局、市场监督管理局记三等功的", "决 定",
             "2020年,在县委、县政府的正确领导下,全县广大干部群众积极应对严峻复杂的经济形势,推动了西平各项事业的蓬勃发展。"]  # fmt: skip
    assert _title(lines) == "西平县人民政府关于对自然资源局、市场监督管理局记三等功的决定"
    assert clean_title("决 定") == "决定" and clean_title("通  知") == "通  知"  # one space between, no more


def test_a_mirrors_unwritable_indent_is_no_part_of_the_title():
    # dev471 (牡丹江市 2018, a Traditional mirror): every indented line opens on ??
    assert clean_title("??牡丹江市防治慢性病中長期規劃(2018—2025年)") == "牡丹江市防治慢性病中長期規劃(2018—2025年)"
    assert clean_title("民生实事办得怎么样?") == "民生实事办得怎么样?"  # a headline's own question stays


def test_joint_issuers_a_line_each_open_the_heading_they_stand_over():
    # dev464 (邵阳县 2018): the county's party committee and government a line each, then a 通报
    lines = ["邵文〔2018〕6号", "中共邵阳县委", "邵阳县人民政府", "关于表彰2017年度文明单位和文明乡镇的通报", "(2018年2月26日)",
             "2017年,全县各级各部门认真贯彻党的十九大精神,始终坚持以人民为中心的发展思想,扎实推进精神文明建设。"]  # fmt: skip
    assert _title(lines) == "中共邵阳县委邵阳县人民政府关于表彰2017年度文明单位和文明乡镇的通报"


@pytest.mark.parametrize("line", ["保障措施", "一、保障措施", "一年来工作回顾", "过去一年工作回顾"])
def test_a_body_section_heading_named_in_titles_txt_is_no_title(line):
    # only the [section headings] list refuses these: no other rule sees a heading in them
    assert refused(line)
    assert not refused("关于加强保障措施落实的通知")


def test_a_field_run_on_after_the_title_is_cut_off():
    assert clean_title("关于印发营商环境改革方案的通知 发布日期：2023-01-01") == "关于印发营商环境改革方案的通知"
    assert clean_title("关于印发营商环境改革方案的通知 来源：市政府办公室") == "关于印发营商环境改革方案的通知"


@pytest.mark.parametrize(
    ("line", "title"),
    [
        # an aggregator's mark and name after a headline (秀英区), one after the other
        ("海口市秀英区第八届人民代表大会第三次会议开幕[图]_天天快资讯", "海口市秀英区第八届人民代表大会第三次会议开幕"),
        # a column tag in quotes, set apart from a joint notice's title (静安)
        (
            "“党政混合信息公开” 中共静安区委办公室 静安区人民政府办公室印发《方案》的通知",
            "中共静安区委办公室 静安区人民政府办公室印发《方案》的通知",
        ),
        # a bulletin's issue before the report it prints (郑州)
        (
            "2019年第43号(总第221号)郑州市关于2018年度市级预算执行的审计工作报告",
            "郑州市关于2018年度市级预算执行的审计工作报告",
        ),
        # a quoted phrase that opens a title stays (no space after it)
        ("“十四五”时期深化改革的实施意见", "“十四五”时期深化改革的实施意见"),
        ("2019年第43号文件", "2019年第43号文件"),  # no title after the issue: nothing to strip to
    ],
)
def test_page_decorations_around_a_title_go(line, title):
    assert clean_title(line) == title


@pytest.mark.parametrize("line", ["一季度二季度三季度四季度", "第一季度 第二季度 第三季度", "1月份2月份3月份"])
def test_columns_of_one_kind_side_by_side_are_no_title(line):
    assert refused(line)


def test_a_headline_that_says_its_word_three_times_is_a_title():
    # dev6275 (常德 2019, a local paper): 金融 three times, far apart: no columns
    assert not refused("常德市金融系统积极开展“金融知识普及月 金融知识进万家”活动")


def test_addressees_that_do_not_open_on_ge_stand_under_a_title():
    from explore.ingest.title_lines import under_title

    assert under_title("南京、无锡、黄山市人民政府,中国石油天然气集团有限公司、中国国家铁路集团有限公司:")
    assert under_title("各区人民政府，市政府各委、办、局：")
    assert not under_title("南京、无锡、黄山:")  # no unit's name last
    assert not under_title("现将方案、细则、办法印发给区政府:")  # fewer than three names, a sentence
    assert not under_title("甲、乙、丙县人民政府。现通知如下:")
