"""Edges of the ingest rules written against eval/ (dates, titles, places, task tables): each
case pins one decision, so that mutation testing (``mutmut``) finds no rule left unguarded."""

import pytest

from explore.analysis.task_table import table_rows
from explore.ingest.clean import split_paragraphs
from explore.ingest.dates import dateline_date, find_date, iso, published_date, signing_date, speaker_date
from explore.ingest.places import issuing_places
from explore.ingest.title_lines import refused as _refused
from explore.ingest.title_lines import under_title
from explore.ingest.titles import _score, clean_title, infer_title


@pytest.mark.parametrize(
    ("para", "published", "expected"),
    [
        ("新华社北京2019年3月6日电 国务院召开常务会议。", "", "2019-03-06"),
        ("本报讯 2020年12月1日,区委召开会议。", "2021-01-05", "2020-12-01"),
        ("28日,市政府召开常务会议。", "2025-03-05", "2025-02-28"),
        ("30日,市政府召开常务会议。", "2025-01-02", "2024-12-30"),
        ("5日,市政府召开常务会议。", "2025-03-05", "2025-03-05"),
        ("3日上午,区委召开会议。", "2025-03-05", "2025-03-03"),
        ("5日起实施新规定。", "2025-03-05", ""),
        ("4月18日上午,区人代会召开。", "2022-04-19", "2022-04-18"),
        ("12月20日,区人代会召开。", "2023-01-03", "2022-12-20"),
        ("本网讯 6日,县人代会开幕。", "2019-03-07", "2019-03-06"),
    ],
)
def test_dateline_edges(para, published, expected):
    assert dateline_date([para], published=published) == expected


def test_dateline_is_read_only_near_the_top():
    paras = [f"第{i}段。" for i in range(16)] + ["20日,省政府召开会议。"]
    assert dateline_date(paras, published="2018-07-22") == ""
    assert dateline_date([*paras[:15], "20日,省政府召开会议。"], published="2018-07-22") == "2018-07-20"


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("2019年1月17日", "2019-01-17"),
        ("2019-1-7", "2019-01-07"),
        ("2019/01/17 10:00", "2019-01-17"),
        ("2019.1.17", "2019-01-17"),
        ("二〇一九年一月十七日", "2019-01-17"),
        ("二〇一九年十二月三十一日", "2019-12-31"),
        ("2019年2月30日", ""),
        ("1948年1月1日", ""),
        ("2101年1月1日", ""),
        ("会议于2019年1月17日和2019年2月1日", "2019-01-17"),
        ("二〇一九年一月十七日 2020年1月1日", "2019-01-17"),
    ],
)
def test_find_date_edges(line, expected):
    assert find_date(line) == expected


def test_iso_bounds():
    assert iso(1949, 1, 1) == "1949-01-01"
    assert iso(2100, 12, 31) == "2100-12-31"
    assert iso(1948, 12, 31) == "" and iso(2101, 1, 1) == "" and iso(2020, 13, 1) == ""


def test_squashed_dates_only_when_asked():
    assert find_date("2022324日") == ""
    assert find_date("2022324日", squashed=True) == "2022-03-24"
    assert find_date("20221231日", squashed=True) == "2022-12-31"
    assert find_date("2022121日", squashed=True, near="2022-12-05") == "2022-12-01"
    assert find_date("2022121日", squashed=True, near="2022-06-01") == "2022-01-21"


@pytest.mark.parametrize(
    ("paras", "expected"),
    [
        (["——2019年1月17日在县人民代表大会第三次会议上"], "2019-01-17"),
        (["(2019年1月11日市人民代表大会第四次会议通过)"], "2019-01-11"),
        (["2019年1月17日在县人民代表大会会议上的讲话"], "2019-01-17"),
        (["在县第十七届人民代表大会第三次会议上", "县长 张三", "2019年1月17日"], "2019-01-17"),
        (["在县第十七届人民代表大会第三次会议上", "县长 张三", "李四", "2019年1月17日"], ""),
        (["县人民代表大会第三次会议于2019年1月17日召开,会议听取了报告,审议通过了各项决议,"
          "会议号召全县人民团结一致,为实现今年目标而努力奋斗,全体代表一致同意。" * 2], ""),
        (["今年目标:到2025年达到新水平。"], ""),
    ],
)  # fmt: skip
def test_speaker_date_edges(paras, expected):
    assert speaker_date(paras) == expected


def test_speaker_date_only_in_the_opening():
    paras = [f"第{i}段正文。" for i in range(40)] + ["——2019年1月17日在县人民代表大会会议上"]
    assert speaker_date(paras) == ""
    assert speaker_date(paras[:39] + paras[-1:]) == "2019-01-17"


@pytest.mark.parametrize(
    ("paras", "expected"),
    [
        (["正文。", "某某县人民政府", "2021年3月5日"], "2021-03-05"),
        (["正文。", "某某县人民政府办公室", "2021年3月5日", "附件"], "2021-03-05"),
        (["正文。", "某某县人民政府", "2021年3月5日,县政府召开会议,部署工作。"], ""),
        (["正文。"] * 10 + ["2021年3月5日"], "2021-03-05"),
        (["2021年3月5日"] + ["正文。"] * 10, ""),
        ([], ""),
    ],
)
def test_signing_date_edges(paras, expected):
    assert signing_date(paras) == expected


def test_published_prefers_a_labelled_stamp():
    assert published_date(["来源:县政府办", "发布时间:2021-03-05"]) == "2021-03-05"
    assert published_date(["2021-03-01 09:00", "发布时间:2021-03-05"]) == "2021-03-05"
    assert published_date(["2021-03-01 09:00"]) == "2021-03-01"
    assert published_date([], ["正文,2021-03-01 09:00 之后" * 10]) == ""
    assert published_date([], [f"第{i}段" for i in range(6)] + ["2021-03-01 09:00"]) == ""


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
    assert clean_title("分解表.docx") == "分解表"
    assert clean_title("政 府 工 作") == "政府工作"
    assert clean_title("政府 工作报告") == "政府 工作报告"


@pytest.mark.parametrize(
    ("text", "title", "head", "expected"),
    [
        ("罗湖区推进改革,罗湖区深化改革。", "罗湖区2019年改革要点", [], ("罗湖区", "深圳市", "广东省")),
        ("罗湖区推进改革,罗湖区深化改革。", "深圳市2019年改革要点", [], ("", "深圳市", "广东省")),
        ("罗湖区推进改革,罗湖区深化改革。", "广东省2019年改革要点", [], ("", "", "广东省")),
        ("罗湖区推进改革,罗湖区深化改革。", "", ["市委办公厅关于印发要点的通知", "罗湖区推进改革"], ("", "深圳市", "广东省")),
        ("罗湖区推进改革,罗湖区深化改革。", "", ["在市委、市政府的坚强领导下,罗湖区全面深化改革,取得显著成效,群众满意度持续提升。"],
         ("罗湖区", "深圳市", "广东省")),
        ("罗湖区推进改革,罗湖区深化改革。", "改革要点", [], ("罗湖区", "深圳市", "广东省")),
        ("各单位推进改革。", "全省改革要点", [], ("", "", "")),
        # a title naming two cities or two provinces speaks for the one it names most
        ("罗湖区推进改革,罗湖区深化改革。", "深圳市与广州市协作,广州市2019年改革要点", [], ("", "广州市", "广东省")),
        ("罗湖区推进改革,罗湖区深化改革。", "湖北省与广东省协作,广东省改革要点", [], ("", "", "广东省")),
        # A county's own document that writes its name bare (plan_03, plan_02 in eval/).
        ("各镇人民政府,嘉鱼经济开发区:涉及嘉鱼的重点事项", "县人民政府办公室关于分解的通知", [], ("嘉鱼县", "咸宁市", "湖北省")),
        ("牵头单位:市生态环境局咸安分局。推进咸安绕城段。", "2023年区《政府工作报告》任务分解", [], ("咸安区", "咸宁市", "湖北省")),
        # Bare names that are words, or named once, or in a document not known to be a county's.
        ("文体惠民行动;文旅惠民活动;惠民月", "2021年全区民生实事", [], ("", "", "")),
        ("嘉鱼经济开发区", "县人民政府办公室关于分解的通知", [], ("", "", "")),
        ("各镇,嘉鱼经济开发区:涉及嘉鱼的重点事项", "关于分解的通知", [], ("", "", "")),
        # A county's urban area (县城区) is not 晋城市's 城区; a renamed county keeps its old name (tab_02).
        ("负责监利县城区扬尘整治。负责城区道路的清扫。监利县环境空气质量。", "", [], ("监利县", "荆州市", "湖北省")),
        ("晋城市城区召开会议。晋城市城区推进改革。", "", [], ("城区", "晋城市", "山西省")),
        ("负责城区道路的清扫,禁止城区内露天烧烤,城区及周边。", "", [], ("", "", "")),
        # The notice signs off with its organ, the only place it names the district (lay_01).
        ("现印发给你们。\n蔡甸区人民政府办公室\n2023年1月3日", "区人民政府办公室关于印发责任分解方案的通知", [],
         ("蔡甸区", "武汉市", "湖北省")),
        ("现印发给你们。\n蔡甸区人民政府办公室\n黄陂区人民政府办公室", "关于联合印发方案的通知", [], ("", "", "")),
        # The page's issuing-organ field names the district the text never names in full (tab_09).
        ("名 称: 区人民政府办公室关于印发重点工作责任分解的通知\n发布日期: 2020-06-28 发布机构: 下陆区政府办公室\n各新区:",
         "区人民政府办公室关于印发重点工作责任分解的通知", [], ("下陆区", "黄石市", "湖北省")),
    ],
)  # fmt: skip
def test_issuing_places_edges(text, title, head, expected):
    got = issuing_places(text, title=title, head=head)
    assert (got.district, got.city, got.province) == expected


def test_cell_tables_skip_numbers_upward_and_stop_at_one_going_down():
    # a page may show rows 3, 68, 69 of a longer table (lay_08); a number going down is no row
    rows = table_rows(
        list(enumerate(["序号", "任务", "牵头单位", "1", "甲任务", "区财政局", "3", "丙任务", "区商务局"], 1))
    )
    assert [r["lead"] for r in rows] == ["区财政局", "区商务局"]
    rows = table_rows(
        list(enumerate(["序号", "任务", "牵头单位", "3", "甲任务", "区财政局", "1", "丙任务", "区商务局"], 1))
    )
    assert [r["lead"] for r in rows] == ["区财政局"]


def test_cell_tables_need_a_lead_column_and_three_columns():
    assert table_rows(list(enumerate(["序号", "任务", "1", "甲任务"], 1))) == []
    rows = table_rows(
        list(
            enumerate(
                ["编号", "工作任务", "牵头单位", "配合单位", "责任领导", "1", "甲", "区财政局", "区审计局", "张三"], 1
            )
        )
    )
    assert [(r["number"], r["task"], r["lead"], r["partners"], r["leaders"]) for r in rows] == [
        ("1", "甲", "区财政局", "区审计局", "张三")
    ]
    assert rows[0]["para_no"] == 6 and rows[0]["para_end"] == 10


def test_pipe_tables_read_rows_until_the_table_ends():
    lines = ["编号 | 事项名称 | 组织承办部门 | 完成时间 |", "1 | 编制规划 | 区发展改革局 | 12月底前 |", "这一段不是表格。",
             "2 | 制定措施 | 区金融局 | 6月底前 |"]  # fmt: skip
    rows = table_rows(list(enumerate(lines, 1)))
    assert next((r["number"], r["task"], r["lead"]) for r in rows) == ("1", "编制规划", "区发展改革局")
    assert rows[0]["header_para"] == 1


def test_a_heading_broken_over_lines_is_joined():
    # shaped like a county notice whose heading runs over four short lines (plan_03 in eval/)
    lines = ["嘉政办发〔2021〕5号", "县人民政府办公室关于", "对县《政府工作报告》确定的2021年", "重点工作及市《政府工作报告》涉及的",
             "重点事项进行责任分解的通知", "各镇人民政府,县政府各部门:经县人民政府同意,现将重点工作责任分解给你们,请认真落实。"]  # fmt: skip
    doc = split_paragraphs("\n".join(lines))
    assert infer_title(doc, doc.simplified) == (
        "县人民政府办公室关于对县《政府工作报告》确定的2021年重点工作及市《政府工作报告》涉及的重点事项进行责任分解的通知"
    )
    from explore.ingest.titles import _joined_headings

    assert _joined_headings(["甲关于", "乙的", "丙的通知"]) == [(0, "甲关于乙的丙的通知"), (1, "乙的丙的通知")]
    assert _joined_headings(["甲关于", "乙。", "丙的通知"]) == []
    assert _joined_headings(["甲关于", "", "丙的通知"]) == []
    assert _joined_headings(["甲关于", "乙", "丙", "丁", "戊的通知"]) == []
    assert _joined_headings(["甲关于", "乙" * 61, "丙的通知"]) == []  # right after 关于, up to 60 characters go on
    assert _joined_headings(["甲关于", "乙" * 57 + "的通知"]) == [(0, "甲关于" + "乙" * 57 + "的通知")]
    assert _joined_headings(["甲关于乙的", "乙" * 31, "丙的通知"]) == []  # elsewhere 30
    assert _joined_headings(["甲" * 30 + "的", "丙的通知"]) == []  # past 30 characters only a line with 关于 goes on
    assert _joined_headings(["甲" * 58 + "关于", "丙的通知"]) == [(0, "甲" * 58 + "关于丙的通知")]
    assert _joined_headings(["甲" * 59 + "关于", "丙的通知"]) == []
    assert _joined_headings(["甲的通知", "乙的通知"]) == []
    # joint issuers on their own line, then 关于印发 over a list of titles (eval: repost_05, 云南)
    joint = ["云南省财政厅 云南省科技厅", "关于印发《云南省科技成果转化奖补资金管理办法》", "《云南省科技创新券实施管理办法》",
             "《云南省科技揭榜制实施管理办法》的通知"]  # fmt: skip
    assert _joined_headings(joint)[0] == (0, "".join(joint))
    # a masthead's 省级部门 is no unit
    from explore.ingest.units import is_unit

    assert not is_unit("省级部门") and not is_unit("市级单位") and is_unit("省财政厅")


@pytest.mark.parametrize(
    ("paras", "near", "expected"),
    [
        (["正文。", "某某县人民政府", "2022121日"], "2022-01-25", "2022-01-21"),
        (["正文。", "某某县人民政府", "2022121日"], "2022-12-25", "2022-12-01"),
        (["正文。", "某" * 28 + "人民政府", "2021年3月5日"] + ["附件内容。"] * 8, "", ""),
        (["正文。", "某某县人民政府", "2021年3月5日 " + "备" * 12] + ["附件内容。"] * 8, "", ""),
        (["正文。", "某某县人民政府", "2021年3月5日,印发"] + ["附件内容。"] * 8, "", ""),
        (["正文。", "某某县人民政府", "2021年3月5日(此件公开发布)"] + ["附件内容。"] * 8, "", "2021-03-05"),
        (["正文。", "某某县人民政府", "二〇二一年三月五日"] + ["附件内容。"] * 8, "", "2021-03-05"),
        (["2021年3月5日"] + ["正文。"] * 6, "", ""),
        (["正文。"] * 6 + ["2021年3月5日", "正文。"], "", "2021-03-05"),
        (["正文。", "2021年3月5日" + "(" + "字" * 40 + ")"], "", ""),
    ],
)  # fmt: skip
def test_signing_date_more_edges(paras, near, expected):
    assert signing_date(paras, near=near) == expected


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
