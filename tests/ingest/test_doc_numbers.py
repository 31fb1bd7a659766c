"""A document's own 发文字号 and its 文种, on lines from documents of many places and kinds (none
a seed's): the number where a 公文 puts it, never one cited in a sentence."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from explore.ingest.doc_number_forms import DocNumber, parse_number
from explore.ingest.doc_numbers import own_number
from explore.ingest.genres import genre_of


def test_a_number_by_its_title_or_in_its_field_however_far_menus_pushed_them():
    # 广州 2021, 2024 (eval/dev): a portal's menus fill the first sixty lines
    menus = [f"栏目{k}" for k in range(60)]
    title = "广州市人民政府办公厅关于印发广州市公共租赁住房管理办法的通知"
    body = [
        "各区人民政府，市政府各部门、各直属机构：",
        "《广州市公共租赁住房管理办法》业经市人民政府同意，现印发给你们，请认真贯彻执行。",
    ]
    under = [*menus, "发布日期：2024-09-12", "穗府办规〔2024〕13号", title, *body]
    assert own_number(under, title=title).text == "穗府办规〔2024〕13号"
    fielded = [*menus, "基本信息", "文  号：", "穗府办规〔2021〕7号", "实施日期：", title, *body]
    assert own_number(fielded).text == "穗府办规〔2021〕7号"
    order = [
        *menus,
        "广州市老年人优待办法",
        "来源：",
        "广州市人民政府令",
        "第179号",
        "《广州市老年人优待办法》已经市政府常务会议通过，现予公布。",
    ]
    assert own_number(order, title="广州市老年人优待办法").text == "广州市人民政府令第179号"


@pytest.mark.parametrize(
    ("lines", "header", "record", "expected"),
    [
        # a database row's field, printed in full under the heading: as the text writes it (国务院令 2018);
        # a record the text does not print, or prints another number beside, stands as the record gives it
        (
            ["中华人民共和国国务院令", "第707号", "《X条例》已经国务院常务会议通过，现予公布。"],
            [],
            "国令第707号",
            "中华人民共和国国务院令第707号",
        ),
        (["中华人民共和国国务院令", "第706号", "现予公布。"], [], "国令第707号", "国令第707号"),
        (["关于X的意见", "各省人民政府:"], [], "国发〔2018〕39号", "国发〔2018〕39号"),
        # a law library's header lines: the promulgating order or announcement on a line of its own,
        # the date before it (国家安全部 2022, 浙江 2016: eval/dev), a provincial congress's long name whole
        (
            ["公民举报危害国家安全行为奖励办法", "2022年6月6日 中华人民共和国国家安全部令第2号公布", "第一章 总 则"],
            [],
            "",
            "中华人民共和国国家安全部令第2号",
        ),
        (
            [
                "浙江省乡镇人民代表大会工作条例",
                "2016年7月29日 浙江省第十二届人民代表大会常务委员会第三十一次会议通过",
                "2016年7月29日 浙江省人民代表大会常务委员会公告第46号公布",
                "2016年10月1日 施行",
            ],
            [],
            "",
            "浙江省人民代表大会常务委员会公告第46号",
        ),
        # …or a congress's announcement over two lines, its long name whole (深圳 2001, eval/dev)
        (
            [
                "深圳市人民代表大会常务委员会公告",
                "第三十七号",
                "《深圳市人民代表大会常务委员会听证条例》已经通过，现予公布。",
            ],
            [],
            "",
            "深圳市人民代表大会常务委员会公告第三十七号",
        ),
        # a red header's line with a table's bar after it; a journal abstract's 【正】; a cut heading on 关于
        (["环境保护部文件 环科技[2017]49号 |", "各省、自治区、直辖市环境保护厅（局）："], [], "", "环科技[2017]49号"),
        (["【正】鄂政办发[2007]114号各市、州、县人民政府,省政府各部门:为贯彻落实"], [], "", "鄂政办发[2007]114号"),
        (
            ["关于春节、元宵期间禁止燃放烟花爆竹、孔明灯(许愿灯)的 陆府通〔2019〕2号 为减少城市环境污染,巩固成果"],
            [],
            "",
            "陆府通〔2019〕2号",
        ),
        # under the title, on a line of its own (a red-header 公文)
        (
            ["甘肃省人民政府", "关于印发政府工作报告目标任务分解的通知", "甘政发〔2022〕9号", "各市州人民政府:"],
            [],
            "",
            "甘政发〔2022〕9号",
        ),
        # a page's field table, the label's characters spaced, or 文件编号
        (["关于X的通知"], ["文 号:泾政〔2023〕1号"], "", "泾政〔2023〕1号"),
        (
            ["文件编号:闽发改服务〔2017〕421号", "根据《办法》(闽发改服务〔2016〕368号)"],
            [],
            "",
            "闽发改服务〔2017〕421号",
        ),
        # a field table's cells, and Traditional labels
        (
            ["[ 索引号 ] | 115001130093083510/2024-00007 | [ 发文字号 ] | 木洞府发〔2024〕2号 |"],
            [],
            "",
            "木洞府发〔2024〕2号",
        ),
        (["文 號 | 連政發〔2021〕10號 | 主 題 詞 | |"], [], "", "連政發〔2021〕10號"),
        (["• 備注/文號:泉港政綜〔2024〕65號"], [], "", "泉港政綜〔2024〕65號"),
        # after the title on the title's line, in brackets or not, spaced or not
        (["关于印发2020年重点工作的通知(岳办发〔2017〕5号)"], [], "", "岳办发〔2017〕5号"),
        (["关于印发2023年重点工作的通知常政发〔2023〕1号"], [], "", "常政发〔2023〕1号"),
        # a page that lost its line breaks: the body runs on after the number
        (
            ["河南省人民政府 关于明确重点工作责任单位的通知 豫政〔2023〕5号 现将《政府工作报告》予以分解。"],
            [],
            "",
            "豫政〔2023〕5号",
        ),
        # a red header's organ before it on one line; the addressees run on after it (flattened pages)
        (["深圳市人民政府文件 深府〔2019〕1号", "关于X的通知"], [], "", "深府〔2019〕1号"),
        (["国办发〔2019〕12号 各省、自治区、直辖市人民政府,国务院各部委:"], [], "", "国办发〔2019〕12号"),
        # an upward document's number and its signer on one line, the spaces between lost
        (["区政府关于X的请示", "罗府〔2019〕12号签发人：张三"], [], "", "罗府〔2019〕12号"),
        # by the signature at the end
        (
            ["各区人民政府:", "现将方案印发给你们。", "荆州市人民政府办公室", "荆政办发〔2021〕14号", "2021年3月1日"],
            [],
            "",
            "荆政办发〔2021〕14号",
        ),
        # an order's heading printed over two lines, or its serial in brackets
        (
            ["内蒙古自治区村庄和集镇规划建设管理实施办法", "内蒙古自治区人民政府令", "第82号", "《办法》已经通过。"],
            [],
            "",
            "内蒙古自治区人民政府令第82号",
        ),
        (
            ["湖北省行政事业性收费管理办法", "湖北省人民政府令(第52号)", "《办法》已经审议通过。"],
            [],
            "",
            "湖北省人民政府令(第52号)",
        ),
        # a number a page wrapped over two lines
        (["关于X的通知", "京政办发〔2019〕", "5号", "各区人民政府:"], [], "", "京政办发〔2019〕5号"),
        (["关于X的通知", "京政办发", "〔2019〕5号"], [], "", "京政办发〔2019〕5号"),
        # a database row's own field
        (["正文"], [], "深府〔2016〕3号", "深府〔2016〕3号"),
        # a page's headline: the number, then the title it numbers (凌海, half-width brackets)
        (
            ["政府文件", "凌政办发[2020]35号凌海市推进县域义务教育优质均衡发展督导评估规划实施细则的通知"],
            [],
            "",
            "凌政办发[2020]35号",
        ),
        # a field table below the text, flattened a row a line: labels, then values (南阳)
        (
            [
                *(f"({n})" for n in range(12)),  # the body above it, longer than a header
                "二○一一年二月二十三日",
                "索  引  号 文       号 发布机构 发布日期",
                "N001-2011-000627 宛政〔2011〕7号",
                "南阳市人民政府办公室 2011-03-04",
                "面向社会 主动公开",
            ],
            [],
            "",
            "宛政〔2011〕7号",
        ),
        # a national 公告 under its title
        (
            ["财政部 税务总局关于X的公告", "财政部 税务总局公告2023年第1号", "现将有关事项公告如下:"],
            [],
            "",
            "财政部 税务总局公告2023年第1号",
        ),
        # a field's value on the line under its label
        (["关于X的通知"], ["文号:", "锡署发(2010)183号"], "", "锡署发(2010)183号"),
        # an announcement's serial under its heading, no abbreviation (a county congress's 公告)
        (["X县人民代表大会常务委员会", "公 告", "〔2021〕第2号", "(2021年4月23日通过)"], [], "", "〔2021〕第2号"),
        (
            ["当前位置", "Y县人大常委会公告", "日期:2017/5/9 来源:Z", "Y县", "第一号", "《决定》已经通过。"],
            [],
            "",
            "第一号",
        ),
        # a tax site's tag run on before the 公告's number, the title after a space (eval/dev dev6004)
        (
            ["法规国家税务总局公告2018年第58号 国家税务总局关于简化有关措施的公告", "为切实减轻负担,现公告如下:"],
            [],
            "",
            "国家税务总局公告2018年第58号",
        ),
        # a law database's line of date and number, under the title (国务院关税税则委员会 2000, dev6049)
        (
            ["关于调整若干商品进出口关税税率的通知", "2000年12月28日 税委会[2000]17号", "海关总署:"],
            [],
            "",
            "税委会[2000]17号",
        ),
        # an announcement's serial with its issuer, in brackets under its spaced heading (石门 2020, dev6050)
        (
            ["石门县疫情防控指挥部", "通 告", "(县疫情防控指挥部第1号)", "为做好防控工作,现通告如下:"],
            [],
            "",
            "县疫情防控指挥部第1号",
        ),
        # the addressees run on after the number without a space (a periodical's abstract, dev6008)
        (
            ["论文部分内容阅读", "汕府办[2015]29号各县(市、区)人民政府,市政府各部门:现将《…》转发给你们"],
            [],
            "",
            "汕府办[2015]29号",
        ),
        # a page whose navigation fills the first lines: the number under the title, lower down (淅川 2009)
        (
            [
                *["站群导航", "|", "加入收藏", "|", "设为首页", "|", "手机版", "|", "无障碍阅读", "|"],
                "全文检索",
                "淅川县人民政府办公室关于印发《淅川县森林火灾应急预案》的通知",
                "来源:淅川县政府办公室",
                "淅政办〔2009〕147号",
                "各乡镇人民政府(街道办事处),县直有关单位:",
            ],
            [],
            "",
            "淅政办〔2009〕147号",
        ),
        # a journal's abstract of a document: its number run on into the body's opening (北京 2015)
        (
            ["论文部分内容阅读", "<正>京政发[2015]17号为有效降低机动车污染物排放,持续改善首都空气质量,市政府决定…"],
            [],
            "",
            "京政发[2015]17号",
        ),
        # the date, the number and the addressees run together, the addressees opening on an organ (杨浦 2014)
        (
            ["二○一四年十一月十八日杨府办发〔2014〕115号区政府各委、办、局,各街道办事处、五角场镇政府:为进一步加强"],
            [],
            "",
            "杨府办发〔2014〕115号",
        ),
        # a wiki's header line: title, number, issuer and date (国函 2010)
        (
            ["國務院關於同意北京市調整部分行政區劃的批覆 國函〔2010〕55號 中華人民共和國國務院 2010年6月28日 |"],
            [],
            "",
            "國函〔2010〕55號",
        ),
        # an announcement's serial with its year, no 第, under a heading whose genre has a line of its own
        (
            ["國務院第七次全國人口普查", "領導小組辦公室", "公告", "〔2020〕1號", "2019年10月31日,國務院印發了…"],
            [],
            "",
            "〔2020〕1號",
        ),
        # an abbreviation opening with 和, on its own line and in a field (和政县's)
        (["和政县人民政府关于印发X的通知", "和政发〔2019〕3号", "各乡镇人民政府:"], [], "", "和政发〔2019〕3号"),
        (["文号:", "和政发〔2019〕3号"], [], "", "和政发〔2019〕3号"),
        # in brackets closing a headline whose title runs on into a note (绵阳 2021), or has no genre word
        (
            [
                "绵阳市人民政府土地征收启动公告 用于(绵阳市游仙武引二水厂项目)(绵府征地公告〔2021〕115号)",
                "拟征收土地用于…。",
            ],
            [],
            "",
            "绵府征地公告〔2021〕115号",
        ),
        (["2021年全县重点项目名单（鄂政办〔2021〕12号）", "一、工业项目"], [], "", "鄂政办〔2021〕12号"),
    ],
)
def test_a_documents_own_number_where_a_gongwen_puts_it(lines, header, record, expected):
    found = own_number(lines, header=header, record=record)
    assert found is not None and found.text == expected


@pytest.mark.parametrize(
    "lines",
    [
        ["关于X的实施意见", "根据《国务院关于Y的通知》（国发〔2015〕1号）精神，结合实际，提出如下意见。"],
        ["按照省政府办公厅《关于Z的通知》(鄂政办发〔2022〕52号)要求，现将有关事项通知如下。"],
        ["《国务院关于印发X的通知》（国发〔2016〕5号）", "一、总体要求"],  # a cited title alone on its line
        ["市政府印发了深府〔2019〕2号等文件，各区认真落实。"],
        ["根据国发〔2015〕1号 要求,结合实际"],  # a cited number at a line's start
        ["深圳市人民政府 转发国发〔2015〕1号"],
        ["国发〔2015〕1号文件要求加快推进"],
        ["按照国发〔2015〕1号签发人:张三的批示"],  # a field label after a number inside a sentence
        ["国发〔2015〕1号要求，加快推进X的通知"],  # a number opening a sentence, not a headline
        ["文号:", "根据国发〔2015〕1号，现将有关事项通知如下。"],  # under an empty label, a sentence
        ["文号:", "国发〔2015〕1号要求，加快推进"],
        ["根据国务院", "国发〔2015〕1号文件精神，现通知如下"],  # a sentence wrapped at a citation
        ["一、总体要求", "第1号"],  # a serial under a heading, no order's
        ["会议听取了关于公告的报告。", "第2号"],  # under a sentence that ends in a genre word
        ["X县人民代表大会常务委员会公告", "一、", "二、", "三、", "第3号"],  # too far below it
        ["会议于2000年12月28日召开,税委会[2000]17号"],  # a date in a sentence before a number
        ["国发〔2015〕1号要求加快推进", "X工作的通知"],  # a line opening on a cited number, wrapped
        ["文号:", "关于转发国发〔2015〕1号的通知"],  # ... or a title that names the number it forwards
        ["文号: 第 7 期", "N001-2011-000627 宛政〔2011〕7号同时废止"],  # a label holding a value of its own
        ["根据国家税务总局公告2019年第3号规定，现将有关事项公告如下。"],
        ["根据国务院和国发〔2015〕1号文件精神，现通知如下"],  # a sentence's 和 before a cited number
        ["国发〔2015〕1号要求各地各部门:抓紧落实。"],  # a cited number that a sentence goes on about
        # a forwarded reply's heading below the notice that forwards it, with the number it cites (天津 2009)
        [
            "各区、县人民政府:",
            "现将《国务院关于同意天津市调整部分行政区划的批复》(国函〔2009〕125号)转发给你们。",
            "天津市人民政府",
            "国务院关于同意天津市调整部分行政区划的批复(国函〔2009〕125号)",
            "天津市人民政府:",
        ],
        ["国发〔2015〕1号为依据,制定本办法。"],
        ["2022年6月6日，经中华人民共和国国家安全部令第2号公布"],  # a sentence, not the date alone
        ["根据2016年7月29日 浙江省人民代表大会常务委员会公告第46号公布的条例"],
        ["各地要按时完成，抓好落实(国发〔2015〕1号)"],  # in brackets at a sentence's end
        ["解读《关于X的意见》(国发〔2015〕1号)"],  # after a cited title
        ["关于X(国发〔2015〕1号)的解读"],  # inside a headline, not closing it
        [],
    ],
)
def test_a_number_cited_in_a_sentence_is_another_documents(lines):
    assert own_number(lines) is None


@given(st.text(max_size=200))
def test_any_text_gives_a_number_it_holds_or_none(text):
    found = parse_number(text)
    assert found is None or (isinstance(found, DocNumber) and 1900 <= found.year < 2100)
    own_number(text.splitlines(), header=[text[:50]], record=text[-50:])  # never raises
    genre_of(text)


def test_an_order_cited_in_a_sentence_is_not_the_documents():
    lines = [
        "重庆市人民政府关于控制尘污染的通告",
        "重庆市人民政府",
        "渝府令第 121 号",
        "《通告》已经市人民政府常务会议通过。",
    ]
    assert own_number(lines).text == "渝府令第 121 号"
    assert own_number(["根据《重庆市…办法》(渝府令第121号)规定,现通知如下。"]) is None


@pytest.mark.parametrize(
    ("note", "expected"),
    [
        # dev6285 in eval/dev: a State Council regulation on a bureau's site, its note alone under the title
        ("（2021年7月27日中华人民共和国国务院令第746号公布）", "中华人民共和国国务院令第746号"),
        ("（2019年3月18日广东省人民政府令第258号公布　自2019年5月1日起施行）", "广东省人民政府令第258号"),
        # a law's: the meeting that passed it, then the president's order
        (
            "（2018年8月31日第十三届全国人民代表大会常务委员会第五次会议通过　2018年8月31日中华人民共和国主席令第六号公布）",
            "中华人民共和国主席令第六号",
        ),
        (
            "(2002年10月28日国务院令第356号公布 根据2016年2月6日《国务院关于修改部分行政法规的决定》修订)",
            "国务院令第356号",
        ),
    ],
)
def test_a_regulations_promulgation_note_gives_the_order_that_made_it(note, expected):
    lines = [
        "中华人民共和国市场主体登记管理条例",
        note,
        "第一章　总则",
        "第一条　为了规范市场主体登记管理行为，制定本条例。",
    ]
    assert own_number(lines).text == expected


@pytest.mark.parametrize(
    "line",
    [
        "根据2021年7月27日中华人民共和国国务院令第746号公布的条例，制定本办法。",  # a sentence cites it
        "（根据2021年7月27日国务院令第746号修订）",  # revised by it: no date right before the order
        "（国务院令第746号公布）",  # no date: not a note of when it was made law
        "（2021年7月27日中华人民共和国国务院令第746号废止）",  # repealed by it
    ],
)
def test_an_order_named_otherwise_is_no_promulgation_note(line):
    assert own_number(["市场主体登记管理办法", line, "第一条　为了规范登记，制定本办法。"]) is None


_TITLE = "关于印发某某区深化改革实施方案的通知"
_BODY = [
    "各街道办事处，区直各单位：",
    "现将《实施方案》印发给你们，请认真贯彻执行。",
    "某某区人民政府办公室",
    "2017年3月1日",
]


@pytest.mark.parametrize(
    "layout",
    [
        "{red}\n{n}\n{title}",  # under the red header
        "{red}\n{n}　　　　签发人：张三\n{title}",  # a 上行文's signer after it
        "签发人：张三　　{n}\n{title}",  # or before it, as a page reflowed the two columns
        "文号：{n}\n{title}",
        "文　　号：{n}\n标　　题：{title}",
        "发文字号：| {n}\n{title}",  # a field table's cell after the label's colon
        "| 索引号 | 文号 |\n| --- | --- |\n| 123/2017-1 | {n} |\n{title}",  # a Markdown table
        "索引号 | 主题分类 | 发文机关 | 文号\n000014349/2017-00031 | 综合政务 | 某某区人民政府 | {n}\n{title}",
        "{title} {n}",
        "{title}\n{n}",
        "{title}\n（{n}）",
        "首页 > 政务公开 > 政策文件\n{title}\n{n}",
        "ZJSP01-2017-0001　{n}\n{title}",  # a register's code beside it
        "{n}（此件公开发布）\n{title}",
        "某某区人民政府办公室 | {n} | 2017-03-01\n{title}",  # a page's row of cells
        "发布时间：2017-03-01 来源：区政府办 {n}\n{title}",
        "【标题】{title}\n【发文字号】 {n}",  # a law library's fields
    ],
)
@given(number=st.sampled_from(["罗办发〔2017〕1号", "粤府函〔2020〕第12号", "国办发明电〔2020〕1号", "浙政发(2016)3号",
                               "商产发〈2007〉92号", "桂政发〔２０２０〕１５号", "湘政办发〔2018〕 8号",
                               # brackets a page could not write, or dropped
                               "罗办发?2017?1号", "罗办发\ufffd2017\ufffd1号", "滨教函202011号", "罗办发 2017 1号"]))  # fmt: skip
def test_a_number_is_found_in_every_layout_a_gongwen_or_a_page_prints_it(layout, number):
    text = layout.format(red="某某区人民政府办公室文件", n=number, title=_TITLE)
    found = own_number([*text.splitlines(), *_BODY], title=_TITLE)
    assert found is not None and found.text == number
