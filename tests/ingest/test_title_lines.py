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


def test_lines_that_are_never_titles():
    assert refused("金额单位:万元")  # a table's unit note
    # a record's field as a post's front matter gives it (a MongoDB export, dev7326)
    assert refused("CATANAME: 中外合作办学审核审批") and refused("DEPT_NAME: 中山市教育和体育局")
    assert refused("record_id: 1effa9438003ae50") and refused("summary: 近期，国务院印发《规划》")
    assert not refused("COP28:中国代表团举行边会")  # a headline's label with no space after its colon
    assert refused("绿色低碳高质量发展的意见》(国发〔2022〕18号)和全省")  # a line broken inside a title mark
    assert refused("特此通知") and refused("特此公告")  # a notice's closing formula (旌阳 2016, 宝山 2008)
    assert refused("为扎实推进民生工程实施工作,现将1至7月民生工程实施进度通报如下:")  # a lead-in
    assert refused("不信谣不传谣 讲文明树新风 网络安全")  # a site's slogan bar
    assert not refused("站在新起点 瞄准新目标 踏上新征程")  # a headline's parallel phrases (文成 2016)
    assert refused("新闻热线:0577-67898890 广告热线:67810777 | 关于我们 | 旧版")  # a site's hotlines
    assert refused("第一部分 报告")  # a county budget package's table of contents (Hubei, 2022)
    assert refused("第三章 保障措施")
    # a kind of document alone heads a copy that lost its title (a county bureau's mirrored 工作要点)
    assert refused("工作要点") and refused("2024年实施方案") and refused("年度工作计划")
    assert not refused("政府工作报告") and not refused("关于印发工作要点的通知")
    assert not refused("福建出台21条政策措施 奖励真抓实干成效明显地区")
    assert not refused("云南省财政厅 云南省科技厅 关于印发管理办法的通知")
    # a phrase left open: a WeChat article sets its lede a phrase a line (瑞金 2022, eval/dev)
    assert refused("我市聚焦群众反映突出的") and refused("深化放管服改革和")
    # a repost's source and day (参考消息 2026, dev8503); a headline that opens on its day stays
    assert refused("参考消息网2026-03-04号报道") and not refused("2023年3月5日召开全区大会")
    assert refused("审计工作报告显示") and refused("调查结果表明")  # an infographic's lead-in (新华社 2022, dev8218)
    # a site's name, its mobile edition's (a mirror of 中国台湾网, dev6029), a leading group's members
    assert refused("中国台湾网移动版") and refused("文成新闻网") and not refused("加快发展工业互联网")
    assert refused("副组长:王晓剑 谭志新") and refused("成 员:闵成 马梅红")
    # a speaker whose name has four characters, set apart (果洛 2018); a headline on what a head does is none
    assert refused("果洛藏族自治州人民政府州长 白加扎西") and not refused("县长调研重点项目")
    # what stands under a title never is one: the addressees, a report's meeting note with or
    # without its brackets (工信部 2019, 珙县 2016), a row of the page's field table (瑞安 2011)
    assert refused("各省、自治区、直辖市及计划单列市工业和信息化主管部门,有关行业协会:")
    assert refused("2016年12月13日在珙县第十七届人民代表大会第一次会议上")
    assert refused("文号 瑞政办〔2011〕129号 发布机构 市市级机关事务管理局")
    # a site's banner with its address, a signature run on one line (dev7141, dev7032)
    assert refused("新江南网欢迎你/www.xjnnet.com/新江南网荣誉出品") and refused(
        "中央政府门户网站 www.gov.cn 2006年12月28日"
    )
    assert refused("陆丰市人民政府 2019年1月21日") and not refused("关于加强.com域名管理的通知")
    # a page's or a post's chat to its reader (dev7109, dev7199); a headline's question stays
    assert refused("这已经是最后一期了哦!") and refused("快跟着小编一起来看下~")
    assert not refused("民生实事办得怎么样了呢？") and not refused("今年的民生实事办得好吗")
    # a portal's name over a template site's copy (罗定, dev8117), a portal's footer (平远 2020, dev8107),
    # an e-paper's page code and issue (巫山 2024, dev8012)
    assert refused("罗定市人民政府网") and refused("某某县政府网站") and not refused("关于加强政府网站建设的通知")
    assert refused("承 办:平远县政务服务和数据管理局") and refused("主办单位:某某县人民政府办公室")
    # a portal's bar of links and tools and its breadcrumb (大足 2025, dev9102); a notice on accessibility stays
    assert refused("中国政府网 | 重庆市人民政府网 区政府 区人大 区政协 网站专栏")
    assert refused("| 无障碍 | | 注册 网站支持IPv6") and refused(
        "您当前位置: 首页>区政府部门>生态环境局>政务信息>工作动态"
    )
    assert not refused("关于印发无障碍环境建设实施方案的通知")
    # a speaker who is a deputy mayor or the premier (昭通 2016, dev9803; 1998, dev9960), a page's source field
    # (镇江 2013, dev9811), a forum's sign-up prompt (dev9967), who runs a site after the names (dev9914)
    assert (
        refused("昭通市人民政府副市长 李春林")
        and refused("国务院总理 李鹏")
        and not refused("国务院总理李强主持召开国务院常务会议")
    )
    assert refused("文章来源:江苏国资委") and refused("只需一步,快速开始")
    assert refused("江苏省委宣传部 江苏省精神文明建设办公室 主办")
    assert refused("新闻公告") and not refused("关于发布新闻公告的通知")  # a portal's column (象山 2021, dev7258)
    assert refused("第三编 人民代表大会会议")  # a book's part, as its chapter (青浦 人大志, dev9957)
    assert refused("微博、博客、邮箱帐号，请直接登录")  # a site's sign-in prompt (东方网 2024, dev9513)
    assert refused("A1:要闻总第3032期 >2024-03-11编印") and not refused("G20峰会在杭州召开")
    # a report named by the verb of a sentence broken from its subject (新华社's audit infographic, dev8216)
    assert refused("作《国务院关于2021年度中央预算执行和其他财政收支的审计工作报告》")
    assert refused("向十三届全国人大常委会第三十五次会议") and not refused(
        "向十三届全国人大常委会第三十五次会议报告审计工作"
    )
