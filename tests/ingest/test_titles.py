"""Titles on small cases shaped like documents in eval/ (none from the seeds): headlines, page
furniture, split headings, bylines, field tables."""

import pytest

from explore.ingest.clean import split_paragraphs
from explore.ingest.meta import infer_meta
from explore.ingest.title_clean import clean_title
from explore.ingest.titles import infer_title


@pytest.mark.parametrize(
    ("lines", "title"),
    [
        (["跳转到内容", "2017年卢氏县政府工作报告", "维基文库,自由的图书馆"], "2017年卢氏县政府工作报告"),
        # a portal's links to its own accounts (X发布 is a government's news account), then its heading
        (["山西发布微博", "山西发布微信", "黄河新闻客户端", "", "山西省人民政府新闻办公室", "", "The Information Office",
          "您当前的位置 : 专题 > 文件", "山西省2021年优化营商环境工作要点",
          "时间:2021年3月2日 稿源:省发展改革委"], "山西省2021年优化营商环境工作要点"),
        (["市政府开通官方微博", "本报讯 昨日,市政府官方微博正式上线。"], "市政府开通官方微博"),  # a headline about one
        (["set names utf8;", "drop database if exists x;", "全国供销总社调研我社为农服务工作"], "全国供销总社调研我社为农服务工作"),
        (["文件名称 | 汉滨区2025年政府工作报告 | ||", "正文"], "汉滨区2025年政府工作报告"),
        (["标题:关于加强管理的通知", "正文。"], "关于加强管理的通知"),
        # a reader service's Markdown of a portal's page (天河 2025, dev8712)
        (["Title: 天河区扎实推进家庭医生签约服务 助力“百千万工程”再升级", "", "URL Source: http://www.thnet.gov.cn/x.html", "",
          "Markdown Content:", "首页 > 天河动态", "家庭医生签约服务再升级。"], "天河区扎实推进家庭医生签约服务 助力“百千万工程”再升级"),
        (["(福建省)2019年松溪县人民政府工作报告(全文)", "公文搜 2021-07-27 17:14:09 政府报告",
          "(福建省)2019年松溪县人民政府工作报告(全文)", "政 府 工 作 报 告2Iu"], "2019年松溪县人民政府工作报告"),
        (["决议决定", "关于太湖县人民政府工作报告的决议", "(2017年1月23日县十六届人民代表大会第一次会议通过)"],
         "关于太湖县人民政府工作报告的决议"),
        (["image", "20240429黄欣/综合报导", "再释善意 福建推新惠台13条", "福建省28日再推出新措施,"],
         "再释善意 福建推新惠台13条"),
        (["一图读懂|划重点!雨花区政府工作报告来了", "立即下载"], "一图读懂|划重点!雨花区政府工作报告来了"),
        (["解放思想真抓实干 攻坚克难奋发作为", "县十八届人大三次会议开幕", "蹇泽西孙开武出席会议 左军作政府工作报告 李燕明主持大会"],
         "县十八届人大三次会议开幕"),
        (["广东省人民政府关于支持广州南沙新区加快开发建设的若干意见 各地级以上市人民政府,省政府各部门:为加快开发建设,"
          "现提出以下意见。一、总体要求。" * 3], "广东省人民政府关于支持广州南沙新区加快开发建设的若干意见"),
        # a national opinion on a spam mirror (2023): the organ's 关于 line goes on to the kind
        (["发布时间:2024-11-01 21:09:52 来源: sp20241101", "国务院关于推动内蒙古高质量发展", "奋力书写中国式现代化新篇章的意见",
          "国发〔2023〕16号", "各省、自治区、直辖市人民政府,国务院各部委、各直属机构:"],
         "国务院关于推动内蒙古高质量发展奋力书写中国式现代化新篇章的意见"),
        # 云浮 2019 (a mirror): a long first line that has begun the title goes on past its width
        (["云府办〔2019〕10号", "云浮市人民政府办公室关于印发云浮市促进学前教育普惠健康发展行动方案和云浮",
          "市推动义务教育优质均衡发展行动方案的通知", "各县(市、区)人民政府,市政府各部门:"],
         "云浮市人民政府办公室关于印发云浮市促进学前教育普惠健康发展行动方案和云浮市推动义务教育优质均衡发展行动方案的通知"),
        # 金鸡镇 2017 (开平, eval/dev): a resolution's heading over three lines, the last opening on 的
        (["金鸡镇十七届人大二次会议文件(12)", "金鸡镇第十七届人民代表大会第二次会议", "关于《金鸡镇政府工作报告》",
          "的决议(草案)", "(2017年2月10日金鸡镇十七届人大二次会议)"],
         "金鸡镇第十七届人民代表大会第二次会议关于《金鸡镇政府工作报告》的决议(草案)"),
        # 羊城晚报 on 广州 2018 (eval/dev): a headline's two parts; the subheadline with a figure under it
        (["广州市十五届人大三次会议上午开幕,温国辉作《政府工作报告》", "今年GDP预期增长7.5%左右",
          "羊城晚报讯 记者罗仕报道:今天上午,广州市第十五届人民代表大会第三次会议在白云国际会议中心开幕。"],
         "广州市十五届人大三次会议上午开幕,温国辉作《政府工作报告》"),
        # 成都 2022 (a news repost): a title about a document, broken after its 《》
        (["相关新闻>>", "2022年《政府工作报告》", "目标任务责任分解方案", "一、全市经济社会发展主要预期目标"],
         "2022年《政府工作报告》目标任务责任分解方案"),
        # 巨野 2025 (a legal-media site): the ticker's headline of another item is no title
        (["今日特推: 山东枣庄市市中区十三届人大四次会议开幕", "您的位置: 主页 > 高层 > » 正文",
          "山东巨野县第十九届人民代表大会第四次会议开幕", "浏览: 来源:山东法制传媒网"],
         "山东巨野县第十九届人民代表大会第四次会议开幕"),
    ],
)  # fmt: skip
def test_titles(lines, title):
    doc = split_paragraphs("\n".join(lines))
    assert infer_title(doc, doc.simplified) == title


def test_a_doc_number_section_heading_or_sentence_is_never_a_title():
    # a 文号 before the title in 《》 goes; a 文号 alone is no title (eval: prov_06, prov_08)
    assert clean_title(
        "浙政办发〔2019〕7号《浙江省人民政府办公厅关于印发2019年政府工作报告重点工作责任分解的通知》"
    ) == ("浙江省人民政府办公厅关于印发2019年政府工作报告重点工作责任分解的通知")
    for lines in (
        ["甘政发〔2022〕9号", "各市、自治州人民政府,兰州新区管委会,省政府各部门:"],
        ["20XX年工作回顾", "过去一年，全县经济稳中向好。"],
        ["一、总体要求", "坚持以人民为中心。"],
        ["市长吕志成代表市政府向大会作政府工作报告。报告分四个部分:", "一、过去五年工作回顾"],
    ):
        doc = split_paragraphs("\n".join(lines))
        assert infer_title(doc, doc.simplified) == "", lines


def test_the_rest_of_a_phrase_left_open_is_no_title():
    # a lede set a phrase a line: the line after "…突出的" finishes its sentence, heading-like as it looks
    lines = ["今年以来", "区政府认真办好群众关心的", "2023年十件民生实事项目", "让我们一起看看"]
    doc = split_paragraphs("\n".join(lines))
    assert infer_title(doc, doc.simplified) != "2023年十件民生实事项目"
    # a title broken over two lines after its 的 is read whole
    lines = ["关于印发2024年民生实事项目实施方案的", "通知", "各乡镇人民政府:"]
    doc = split_paragraphs("\n".join(lines))
    assert infer_title(doc, doc.simplified) == "关于印发2024年民生实事项目实施方案的通知"


def test_a_post_that_talks_to_its_reader_in_verse_has_no_title_in_it():
    # 瑞金 2022 (a WeChat-style post, eval/dev): a phrase a line, ending on chat, then the body
    verse = [
        "今年以来",
        "我市聚焦群众反映突出的",
        "多措并举推进民生实事项目实施",
        "让我们一起看看",
        "我市今年上半年做了哪些民生实事吧",
    ]
    body = ["就业创业扎实有效", "上半年,全市城镇新增就业2435人,新增农村劳动力转移人数4986人。"]
    doc = split_paragraphs("\n".join(["微信扫一扫", *verse, *body]))
    assert infer_title(doc, doc.simplified) == ""
    # the post's headline above its account and date line stays; a popup's chat alone is no verse
    doc = split_paragraphs("\n".join(["2022年瑞金上半年民生实事成绩单", "瑞金发布 2022-07-01 18:00", *verse, *body]))
    assert infer_title(doc, doc.simplified) == "2022年瑞金上半年民生实事成绩单"
    doc = split_paragraphs(
        "\n".join(["这已经是最后一期了哦!", "学深悟透,奏好乡村振兴“交响乐”", "11月22日下午,冬雨初歇。"])
    )
    assert infer_title(doc, doc.simplified) == "学深悟透,奏好乡村振兴“交响乐”"


def test_a_traditional_documents_title_is_shown_as_written():
    # 四川 2017 (a Traditional mirror): the title is read in Simplified, shown in the page's script
    doc = split_paragraphs(
        "四川省人民政府辦公廳\n關於印發實施《西部大開發“十三五”規劃》責任分工方案的通知\n各市(州)人民政府:"
    )
    assert (
        infer_meta(doc, doc.simplified).title
        == "四川省人民政府辦公廳關於印發實施《西部大開發“十三五”規劃》責任分工方案的通知"
    )
    doc = split_paragraphs("2019年政府工作報告\n各位代表:")
    assert infer_meta(doc, doc.simplified).title == "2019年政府工作報告"
    doc = split_paragraphs("罗湖区2017年改革计划\n各单位:")
    assert infer_meta(doc, doc.simplified).title == "罗湖区2017年改革计划"


@pytest.mark.parametrize(
    ("lines", "title"),
    [
        # 辽宁 2026 (mirror, eval/dev): a title broken inside 《…》 goes on to the line that closes it
        (["辽政发〔2026〕2号", "辽宁省人民政府关于印发《2026年", "省〈政府工作报告〉重点工作分工方案》的通知", "各市人民政府:"],
         "辽宁省人民政府关于印发《2026年省〈政府工作报告〉重点工作分工方案》的通知"),
        # 连云港 2023: a heading that opens on 关于 and names no kind yet goes on
        (["关于征集对2023年连云港市民生实事项目", "实施情况专题询问意见建议的通告", "根据市人大常委会工作安排,现征集意见。"],
         "关于征集对2023年连云港市民生实事项目实施情况专题询问意见建议的通告"),
        # 大连 2023: the bullets under the lead paragraph are the body's, not the heading above it
        (["2023年大连重点民生工程最新进展(4月)", "导语 截至4月底,15项民生实事、40个项目加快落实落地。",
          "■ 5个项目已提前完成全年目标", "■ 25个项目按计划完成节点目标"],
         "2023年大连重点民生工程最新进展(4月)"),
        # 北辰 2015, stored from mid-list: a heading below the body's sentences is the body's
        (["完成10个保障房小区提升改造。", "完善社区服务设施,新建改造社区办公和服务场所20个。", "今年目标", "今年继续实施20项民心工程。"], ""),
        # 长沙 (a table flattened a cell a line): a column's head and a cell are no title
        (["牵头单位", "| 目 标 任 务", "| 责 任 单 位", "推进国家安全工作发展", "| 市直各单位、各区县市"], ""),
        # a city's 2018 progress table (Traditional mirror): a numbered row is no title
        (["金额单位:万元 |", "3 | 农村住房政策性保险"], ""),
        # 龙华 2026: a cover letter's sentences stand above the title of the plan it issues
        (["各街道办,区直各单位:", "《龙华区2026年度重大行政决策事项目录》已经区委、区政府同意,现印发给你们。",
          "深圳市龙华区人民政府办公室", "龙华区2026年度重大行政决策事项目录", "序号 | 决策事项名称 | 组织承办部门 |"],
         "龙华区2026年度重大行政决策事项目录"),
        # 人民网 河北频道, 宁夏 2019 (eval/dev): a channel's path is no headline
        (["人民网>>河北频道", "河北:18项民生工程提前或超额完成年度目标任务", "2021年12月20日08:31 来源:河北日报"],
         "河北:18项民生工程提前或超额完成年度目标任务"),
        (["标题导航", "返回经济网首页 | 版面导航 | 标题导航", "上一版  下一版 2020年3月30日 星期 放大 缩小 默认",
          "青海海西州208个项目集中开复工", "本报讯 记者石晶报道:3月28日上午,项目集中开复工。"], "青海海西州208个项目集中开复工"),
        # 叶县 2024: a session's series line stands above the report's own heading
        (["叶县十六届人大四次会议文件(五)", "政 府 工 作 报 告", "——2024年1月22日在叶县第十六届人民代表大会第四次会议上"],
         "政府工作报告"),
        # 武昌 2016: the two halves of an adoption line broken in two are no title
        (["(2016年12月10日武汉市武昌区第十五届人民代表大会", "第一次会议通过)", "会议听取了区长所作的政府工作报告。"], ""),
        # a box-drawn table's header row
        (["│ 工 作 任 务 │分管领│牵头组织实施单位│完成时限│", "│一、加大财税支持力度。│"], ""),
        # 全国 2022: a bar of short links made of cells is no table row of the body
        (["| | | | 雄安| 香港| 澳门| 台湾", "前7月全国新开工改造城镇老旧小区4.43万个", "日期:2022-08-27 17:33 来源:人民日报"],
         "前7月全国新开工改造城镇老旧小区4.43万个"),
        # 山东 2023 (a mirror without the notice's heading): the plan as the cover letter names it
        (["鲁政办字〔2023〕5号", "《山东省建设绿色低碳高质量发展先行区2023年重点工作任务》已经省政府同意,现印发给你们。",
          "山东省人民政府办公厅", "山东省建设绿色低碳高质量发展先行区", "2023年重点工作任务", "为深入贯彻党的二十大精神。"],
         "山东省建设绿色低碳高质量发展先行区2023年重点工作任务"),
        # 石景山 2019: the same heading with its place is the more specific
        (["贯彻落实《关于加强新时代街道工作的意见》的任务分解方案", "认真贯彻执行。", "北京市石景山区人民政府办公室",
          "石景山区贯彻落实《关于加强新时代", "街道工作的意见》的任务分解方案"],
         "石景山区贯彻落实《关于加强新时代街道工作的意见》的任务分解方案"),
        # 开发区 2017 (a document site's preview): the site names the file it shows
        (["资源描述:", "《2017年惠民实事完成情况汇报》由会员上传分享,免费在线阅读,更多相关内容在应用文档-天天文库。",
          "1、2017年惠民实事完成情况汇报一、市政府为民办实事"], "2017年惠民实事完成情况汇报"),
        # 洋县 2024: an attachment's label is no title, the notice's heading is
        (["洋县人民政府", "关于印发洋县2024年十大民生实事项目的通知", "各镇人民政府:", "附件:洋县2024年十大民生实事项目清单"],
         "洋县人民政府关于印发洋县2024年十大民生实事项目的通知"),
        # 祁门 2024 (eval/dev): a table's section heading of a few words is no title
        (["目标任务", "1 | 城镇新增就业1200人 | 县人社局 |"], ""),
        # 金华 2024 (an e-paper, eval/dev): the paper's name and a heading of a few words
        (["浙江日报 数字报纸", "2024年目标任务", "地区生产总值增长6%左右。"], ""),
        # a mirror of a 2020 district table: quarter columns side by side and a category
        (["一季度二季度三季度四季度", "教育惠民", "新建幼儿园3所,新增学位900个。"], ""),
        # 婺城区 2015 (a commendation, eval/dev): a line of the units it names is no title
        (["羅店鎮人大主席團 湯溪鎮人大主席團", "根據人大年終工作考核,經主任會議研究,決定予以表彰。"], ""),
        # 兰州 2010 (eval/dev): a list of matters opens on its first item, which names no document
        (["1、在兰州设立综合配套改革试验区事宜", "由杨志武副市长负责,市发改委牵头,相关部门配合,尽快完成实施方案。"], ""),
        # 内蒙古 2024 (an e-paper, eval/dev): the page title runs the page's listed headlines together
        (["为强国建设提供坚强思想保证和强大精神力量张良恩和特布沁慰问森林消防指战员公安干警和一线职工集团领导看望慰问离退休老干部政府工作报告",
          "本版其他文章", "为强国建设提供坚强思想保证和强大精神力量", "张良恩和特布沁慰问森林消防指战员公安干警和一线职工",
          "集团领导看望慰问离退休老干部", "政府工作报告", "第19411号:第01版 2024-02-08", "政府工作报告",
          "———2024年1月30日在内蒙古自治区第十四届人民代表大会第二次会议上"], "政府工作报告"),
        # 贵州 2023 (eval/dev): a heading printed whole above its three split lines stays whole
        (["贵州省2022年国民经济和社会发展计划执行情况与2023年国民经济和社会发展计划草案的报告", "2023-01-30 来源:《贵州日报》",
          "贵州省2022年国民经济和社会发展计划", "执行情况与2023年国民经济", "和社会发展计划草案的报告",
          "(2023年1月13日在贵州省第十四届人民代表大会第一次会议上)"],
         "贵州省2022年国民经济和社会发展计划执行情况与2023年国民经济和社会发展计划草案的报告"),
        # 潮阳区 2023 (eval/dev): a bureau's head above the report is its speaker, no title
        (["汕头市潮阳区审计局局长 郑创平", "2023年9月28日", "主任、各位副主任、各位委员:"], ""),
        # 吉林 2020 (a PDF on a document site, eval/dev): the heading one token a line
        (["2020", "年吉林省", "政府工作报告", "——", "2020", "年", "省长", "景俊海", "各位代表:"], "2020年吉林省政府工作报告"),
        # 精武镇 2023 (a hijacked copy, eval/dev): a keyword with digits before the quoted title
        (["188比分直播《2023年精武镇政府工作报告》政策解读", "一、《报告》起草过程"], "《2023年精武镇政府工作报告》政策解读"),
        # a law database's field block fills the window; the heading begins in its last lines and ends past it
        # (新疆 1994, dev9212)
        (["[Home]", "[Databases]", "[Search]", "新疆维吾尔自治区地方法规 |", "【发布文号】新政发[1994]103号",
          "【发布日期】1994-12-27", "【生效日期】1994-12-27", "【失效日期】-----------", "【所属类别】地方法规",
          "【文件来源】-----------", "【标签】--", "【备注】--", "自治区人民政府关于", "印发新疆维吾尔自治区",
          "百万人温饱工程计划的通知", "各州、市人民政府:", "现将《新疆维吾尔自治区百万人温饱工程计划》印发给你们。"],
         "自治区人民政府关于印发新疆维吾尔自治区百万人温饱工程计划的通知"),
        # a report whose page starts at its meeting note, broken over two lines, and its speaker (果洛 2018, dev8910)
        (["——2018年3月26日在果洛藏族自治州第十四届", "人民代表大会第四次会议上", "果洛藏族自治州人民政府州长 白加扎西",
          "各位代表:", "现在,我代表州人民政府,向大会报告工作,请予审议。"], ""),
        # an agenda's numbered item is no keyword before a quoted title, and no title (伊宁县 2025, dev8308)
        (["2月18日,县长主持召开县人民政府第十次常务会议。", "1.审议《伊宁县关于调整部分行政区域界限的请示》",
          "会议议定:原则同意该《请示》。"], ""),
        # 调兵山 2023 (eval/dev): a site's name with its English, then the headline
        (["调兵山市人民政府 The People's Government of Diaobingshan Municipality", "政府信息公开",
          "关于铁岭市重点民生实事进展情况的督查专报", "来源:调兵山市政府办督查室 时间:2023-04-12"],
         "关于铁岭市重点民生实事进展情况的督查专报"),
        # 国办发〔2020〕24号 on an aggregator (eval/dev): a channel's tag where the headline stands without it too
        (["时政|国务院办公厅关于进一步优化营商环境的实施意见", "来源:中国政府网", "国务院办公厅关于进一步优化营商环境的实施意见",
          "国办发〔2020〕24号"], "国务院办公厅关于进一步优化营商环境的实施意见"),
        (["一图读懂|划重点!雨花区政府工作报告来了", "来源:红网"], "一图读懂|划重点!雨花区政府工作报告来了"),
        # 鹤岗 2025, 鄂温克旗 2022 (eval/dev): a heading left open on 印发, or on the quoted name it issues
        (["鹤政发〔2025〕3号", "鹤岗市人民政府 鹤岗市中级人民法院印发", "关于完善“府院联动”机制的意见的通知", "各区人民政府:"],
         "鹤岗市人民政府 鹤岗市中级人民法院印发关于完善“府院联动”机制的意见的通知"),
        (["鄂温克族自治旗人民政府办公室", "关于印发2022年《政府工作报告》", "重点任务责任落实分工的通知", "各苏木乡镇人民政府:"],
         "鄂温克族自治旗人民政府办公室关于印发2022年《政府工作报告》重点任务责任落实分工的通知"),
        # 太湖 2019 (eval/dev): the title's field after another on its line
        (["废止时间: 2020-01-23 名称: 太湖县人民政府关于印发《太湖县人民政府工作规则》的通知", "各乡镇人民政府:"],
         "太湖县人民政府关于印发《太湖县人民政府工作规则》的通知"),
        # 淳安 2018, 巫溪 2023, 来宾 2024 (eval/dev): a footer's licence and copyright lines, a breadcrumb,
        # a photo's caption are no titles
        (["浙ICP备05073341号 广告经营许可证:杭工商淳广许2004001号", "淳安县千岛湖传媒中心版权所有 未经授权禁止复制",
          "杭州网・千岛湖网 网络支持:杭州网络传媒有限公司", "会议现场。", "1月5日上午,县人代会开幕。"], ""),
        (["您当前的位置:首页>政务公开>预算公开>政府预算", "巫溪县2022年预算执行及2023年预算公开的说明", "日期:2023-01-12"],
         "巫溪县2022年预算执行及2023年预算公开的说明"),
        # 涉县 2025 (eval/dev): a news lede opening on its agency in brackets is no headline
        (["(涉县融媒体中心)在涉县第十八届人民代表大会第五次会议闭幕式上通过县政府2025年度十件民生实事项目 正式出炉!",
          "一、2025年村内基础设施提升工程"], ""),
        # a document viewer's page before a gazetteer's name (路桥 2007, eval/dev)
        (["Page 377 - 台州市路桥区志", "第一章 发展目标"], "台州市路桥区志"),
        # national 2025 (news, eval/dev): the lines under the body's first section are its items
        (["3月5日,十四届全国人大三次会议开幕会在北京人民大会堂举行。新华社记者 摄", "一、2024年工作回顾",
          "国内生产总值增长5%", "城镇新增就业1256万人"], ""),
        (["关于2023年工作的报告", "1.过去一年工作回顾", "国内生产总值增长5%"], "关于2023年工作的报告"),
        # 上饶 2005 (eval/dev): a resolution's heading split after the meeting that adopts it
        (["上饶市第一届人民代表大会第八次会议", "关于政府工作报告的决议", "上饶市第一届人民代表大会第八次会议听取和审议了市人民政府市长所作的《政府工作报告》。"],
         "上饶市第一届人民代表大会第八次会议关于政府工作报告的决议"),
        # 1954 (eval/dev): ... or after the congress, its session on the next line
        (["关于政府工作报告的决议", "中央政府门户网站 www.gov.cn 2008年03月06日", "中华人民共和国第一届全国人民代表大会",
          "第一次会议关于政府工作报告的决议", "中华人民共和国第一届全国人民代表大会第一次会议听取了周恩来总理的政府工作报告。"],
         "中华人民共和国第一届全国人民代表大会第一次会议关于政府工作报告的决议"),
        # a law database's page: its headline, the issuing organ on a line of its own, the heading
        # again with the 文号 under it — the title is the heading as the page writes it (dev6001)
        (["关于印发《标准制定工作程序(试行)》的通知", "作者:法律资料网 时间:2024-07-22", "关于印发《标准制定工作程序(试行)》的通知",
          "国防科学技术工业委员会", "关于印发《标准制定工作程序(试行)》的通知", "科工法字[2000] 851号", "各有关单位:"],
         "关于印发《标准制定工作程序(试行)》的通知"),
        # ... the heading cut short above its 文号, whole in the headline (dev6002)
        (["关于印发金华市办理人大代表建议和政协提案工作规则的通知", "作者:法律资料网", "浙江省金华市人民政府办公室",
          "关于印发金华市办理人大代表建议", "金政办发〔2010〕15号", "各县(市、区)人民政府,市政府各部门:"],
         "关于印发金华市办理人大代表建议和政协提案工作规则的通知"),
        # a listing that opens inside the title, whole further down (dev6010)
        (["《施工招标投标管理办法》的决定", "《住房城乡建设部关于修改<施工招标投标管理办法>的决定》已经部常务会议审议通过。",
          "住房城乡建设部部长 王蒙徽", "住房城乡建设部关于修改《施工招标投标管理办法》的决定", "一、将第三条修改为:"],
         "住房城乡建设部关于修改《施工招标投标管理办法》的决定"),
        # a 公告's number before its title on one line, after a site's tag (dev6004)
        (["法规国家税务总局公告2018年第58号 国家税务总局关于简化有关措施的公告", "为切实减轻纳税申报负担,现公告如下:"],
         "国家税务总局关于简化有关措施的公告"),
        # a title field the site cut short gives way to the heading printed whole (a dump's record, dev6030)
        (["标题: 关于印发《上海市拆除工程管理规定》的通...", "文号: 沪房规范〔2025〕4号", "发布单位: 上海市房屋管理局",
          "关于印发《上海市拆除工程管理规定》的通知", "各区住房城乡建设管理委:"], "关于印发《上海市拆除工程管理规定》的通知"),
        (["标题: 关于印发《上海市拆除工程管理规定》的通...", "各区住房城乡建设管理委:"], "关于印发《上海市拆除工程管理规定》的通..."),
        # a law database's headline adds the year; the heading stands without it (dev6049)
        (["国务院关税税则委员会关于调整若干商品进出口关税税率的通知(2000年)", "作者:法律资料网",
          "国务院关税税则委员会关于调整若干商品进出口关税税率的通知(2000年)", "国务院关税税则委员会",
          "国务院关税税则委员会关于调整若干商品进出口关税税率的通知", "2000年12月28日 税委会[2000]17号", "海关总署:"],
         "国务院关税税则委员会关于调整若干商品进出口关税税率的通知"),
        # ... a title whose year stands only in its note keeps it
        (["市政府工作报告重点工作责任分解(2023年)", "一、经济发展"], "市政府工作报告重点工作责任分解(2023年)"),
        # a headline that shortens the organ to its place; the document's heading names it in full (dev6042)
        (["桂政通〔2017〕6号桂东县关于禁止露天焚烧秸秆的通告", "发布时间:2017-10-20", "桂东县人民政府",
          "关于禁止露天焚烧秸秆的通告", "为切实做好秸秆禁烧工作,特通告如下:"], "桂东县人民政府关于禁止露天焚烧秸秆的通告"),
        # a leading group's member list is no title (湖塘 2008, dev6012)
        (["组 长:王伟华", "副组长:王晓剑 谭志新", "成 员:闵 成 马梅红"], ""),
        # 涪城 2019, 上海 2016 (eval/dev): a photo's credit and a WeChat column's name are no titles
        (["大會現場 張寶杉 攝", "【香港商報網訊】2月19日,綿陽市涪城區第六屆人民代表大會第四次會議隆重開幕。"], ""),
        (["专栏名称: 上海发布", "生活在这座梦幻的城市,与TA共同成长。"], ""),
        # a short headline that names a kind still stands
        (["2024年政府工作报告", "各位代表:"], "2024年政府工作报告"),
        # a speaker line behind a box (六盘水 2019), a government portal's name (淅川 2009): never titles
        (["□六盘水市人民政府市长 李 刚", "各位代表:现在,我代表市人民政府向大会报告工作,请予审议。"], ""),
        (["淅川县人民政府门户网", "全文检索", "淅川县人民政府办公室关于印发《淅川县森林火灾应急预案》的通知"],
         "淅川县人民政府办公室关于印发《淅川县森林火灾应急预案》的通知"),
        # a page whose navigation fills the first lines: the heading further down (淅川 2009)
        ([*["站群导航", "|", "加入收藏", "|", "设为首页", "|", "手机版", "|"] * 2,
          "淅川县人民政府办公室关于印发《淅川县森林火灾应急预案》的通知", "来源:淅川县政府办公室",
          "各乡镇人民政府,县直有关单位:《淅川县森林火灾应急预案》已经县政府同意,现予印发。请认真组织实施。"],
         "淅川县人民政府办公室关于印发《淅川县森林火灾应急预案》的通知"),
        # a headline that ends on an exclamation stands; an app's download prompt never (福州 2021, 凤凰 2026)
        (["撤镇设街!福州市长乐区文武砂镇行政区划获批调整!", "福州资讯助手1 2021-04-12 16:57:39", "用手机看",
          "近日,福建省人民政府发布关于撤镇设街道的批复。"], "撤镇设街!福州市长乐区文武砂镇行政区划获批调整!"),
        (["下载凤凰新闻网APP客户端,随时随地看新闻!", "新华社北京3月5日电 政府工作报告全文如下。"], ""),
        # a share widget is no title (福州 2021); a body's name over its genre word on a line of its own
        (["福州资讯助手1 2021-04-12 16:57:39", "用手机看", "扫描到手机,新闻随时看", "扫一扫,用手机看文章",
          "更加方便分享给朋友", "近日,福建省人民政府门户网站发布关于撤镇设街道的批复。"], ""),
        (["国务院第七次全国人口普查", "领导小组办公室", "公告", "〔2020〕1号", "2019年10月31日,国务院印发了通知。"],
         "国务院第七次全国人口普查领导小组办公室公告"),
        # rows of a page's field table and a signature's date are never titles (曲水 2023, 广西 2016, 国函 2000, 广西 2010)
        (["2023-06-03 [ 发布日期 ] 2023-06-03", "重庆市梁平区曲水镇人民政府关于印发曲水镇自然灾害救助应急预案的通知"],
         "重庆市梁平区曲水镇人民政府关于印发曲水镇自然灾害救助应急预案的通知"),
        (["【发布日期】2016-12-06 【生效日期】2017-03-01 【失效日期】 【所属类别】地方法规", "广西壮族自治区土地整治办法"],
         "广西壮族自治区土地整治办法"),
        (["时效性现行有效", "国务院同意福州市调整部分行政区划。"], ""),
        (["二○一○年一月七日", "各市、县人民政府:现将名单公布如下。"], ""),
        # a law library's row of bracketed labels (铁道部 1988)
        (["1988-1-6【标题】铁路委外装卸管理办法(试行)【发文号】【失效时间】1998-5-1【颁布单位】铁道部"],
         "铁路委外装卸管理办法(试行)"),
        # a red header is no title, nor a sentence leading into a list; a field's label set apart by a
        # space goes (环境保护部 2017, 常州 2024, 崆峒 2021: eval/dev)
        (["环境保护部文件 环科技[2017]49号 |", "各省、自治区、直辖市环境保护厅(局):", "为贯彻落实标准规划，现印发给你们。"], ""),
        (["为维护法治统一,及时清理不相适应的市政府规章,市政府决定对以下2件市政府规章予以废止:",
          "一、《常州市城市市容管理办法》(2016年12月1日常州市人民政府令第2号发布)", "本决定自公布之日起施行。"], ""),
        (["甘肃崆峒", "索引号 6208001003/2021-00341 文号", "发布机构 区政府办 生成日期 2021-11-23",
          "信息名称 平凉市崆峒区人民政府工作规则", "第一章 总则"], "平凉市崆峒区人民政府工作规则"),
        # a news page's headline names the plan; the notice below, its addressees not opening on 各, is the
        # document printed whole (长三角 2020, eval/dev)
        (["长三角地区2020-2021年秋冬季大气污染综合治理攻坚行动方案", "热度:",
          "大气网讯:日前,大气网获悉,《长三角地区2020-2021年秋冬季大气污染综合治理攻坚行动方案》印发。全文如下:",
          "关于印发《长三角地区2020-2021年秋冬季大气污染综合治理攻坚行动方案》的通知",
          "南京、无锡、黄山市人民政府,中国石油天然气集团有限公司、中国国家铁路集团有限公司:",
          "现将《长三角地区2020-2021年秋冬季大气污染综合治理攻坚行动方案》印发给你们,请遵照执行。"],
         "关于印发《长三角地区2020-2021年秋冬季大气污染综合治理攻坚行动方案》的通知"),
        # a law library's heading over its lines of adoption, promulgation and effect (浙江 2016, eval/dev)
        (["浙江省乡镇人民代表大会工作条例", "2016年7月29日 浙江省第十二届人民代表大会常务委员会第三十一次会议通过",
          "2016年7月29日 浙江省人民代表大会常务委员会公告第46号公布", "2016年10月1日 施行", "第一章 总则"],
         "浙江省乡镇人民代表大会工作条例"),
        # a wiki's heading with its year, over its header line of number, issuer and date (国函 2010)
        (["国务院关于同意北京市调整部分行政区划的批覆 (2010年)",
          "国务院关于同意北京市调整部分行政区划的批覆 国函〔2010〕55号 中华人民共和国国务院 2010年6月28日 |",
          "北京市人民政府:", "你市《关于调整首都功能核心区行政区划的请示》收悉。现批覆如下:"],
         "国务院关于同意北京市调整部分行政区划的批覆"),
        # a page's <title> with the site's name after a space, both printed apart below (中山 2019) …
        (["顺德区大良街道党工委委员潘卓辉一行到众创金融街开展调研工作 东区办事处", "现在位置：", "东区新闻", "东区办事处",
          "顺德区大良街道党工委委员潘卓辉一行到众创金融街开展调研工作", "来源于：", "东区办事处",
          "2019年2月27日下午，佛山顺德区大良街道党工委委员一行八人到众创金融街进行实地考察调研，市金融局副局长出席。"],
         "顺德区大良街道党工委委员潘卓辉一行到众创金融街开展调研工作"),
        # … but a heading that ends on its kind, printed split below, stays whole (南县 2018)
        (["归档时间:2023-06-15", "南县住房和城乡建设局2018年度整体支出 绩效评价报告", "详细信息",
          "南县住房和城乡建设局2018年度整体支出", "绩效评价报告",
          "为检验预算编制的科学性、合理性、规范性,提升我局预算编制、执行、监督和绩效管理等能力水平,强化预算支出责任。"],
         "南县住房和城乡建设局2018年度整体支出 绩效评价报告"),
    ],
)  # fmt: skip
def test_what_a_title_line_is(lines, title):
    doc = split_paragraphs("\n".join(lines))
    assert infer_title(doc, doc.simplified) == title


def test_a_header_run_together_is_no_title():
    from explore.ingest.title_lines import column_header
    from explore.ingest.title_lines import refused as _refused

    # 浙江 2020 (a mirror): a task table's header run together on one line
    assert column_header("实事内容工作任务责任单位进展情况") and _refused("实事内容工作任务责任单位进展情况")
    assert not column_header("2020年重点工作任务及责任单位分解表")  # a title naming two of them


def test_the_title_vocabulary_is_the_data_file():
    from explore.ingest.sections import read_sections
    from explore.ingest.title_lines import WORDS as _WORDS
    from explore.ingest.title_lines import furniture as _furniture
    from explore.ingest.title_lines import kind_end as _kind_end
    from explore.ingest.title_lines import names_kind as _kind

    words = read_sections(_WORDS)
    assert {"kinds", "heading words", "furniture", "furniture anywhere", "section headings"} <= set(words)
    assert all(_kind_end("关于印发某某工作的" + k.rstrip("?")) for k in words["kinds"] if k.isalpha())
    assert _kind("县十八届人大三次会议开幕") and not _kind("今年以来")
    assert (
        _furniture("当前位置:首页 > 政务公开")
        and _furniture("本报记者 叶仕春")
        and not _furniture("罗湖区2017年改革计划")
    )


def test_a_column_name_is_read_without_its_spaces():
    from explore.analysis.figure_status import column_status

    assert column_status("预 期 目 标") == "target"
    assert column_status("完 成 情 况") == "result"


def test_a_title_lines_score_adds_up():
    from explore.ingest.titles import _score

    # kind of document 2, a year 0.5, length 12/24 at most; repeated 1, under its 文号 2; a sentence -3; 0.15 a line down
    line = "2024年区政府工作报告"  # twelve characters
    assert _score(line, 0, 1) == pytest.approx(3.0)
    assert _score(line, 2, 2) == pytest.approx(3.7)
    assert _score(line, 0, 1, above=True) == pytest.approx(5.0)
    assert _score("城区道路", 0, 1) == pytest.approx(4 / 24)
    assert _score("报告已经审议通过。", 0, 1) == pytest.approx(2 - 3 + 9 / 24)


def test_a_joined_heading_ends_where_its_lines_do():
    from explore.ingest.titles import _end

    assert _end(["甲关于", "乙的通知", "各区:"], 0, "甲关于乙的通知") == 2
    assert _end(["甲关于", "乙的通知"], 0, "甲关于乙的通知丙") == 2  # no line past the last


@pytest.mark.parametrize(
    ("lines", "title"),
    [
        # a list of other pages' headlines above the page's own, its date under it
        (["热点新闻", "某某区召开安全生产工作会议", "关于做好2023年防汛工作的通知", "关于加快推进城市更新的实施意见",
          "（2023年3月1日）", "为加快推进城市更新，提升城市品质，提出如下意见。"], "关于加快推进城市更新的实施意见"),
        # ... or the page's tools, then its own heading below the list
        (["【相关文章】", "某某区召开安全生产工作会议", "关于做好2023年防汛工作的通知", "【字体：大 中 小】",
          "2023年政府工作报告", "——2023年1月5日在某某区第六届人民代表大会第三次会议上"], "2023年政府工作报告"),
    ],
)  # fmt: skip
def test_a_list_of_other_pages_headlines_gives_no_title(lines, title):
    doc = split_paragraphs("\n".join(lines))
    assert infer_title(doc, doc.simplified) == title


def test_a_pages_own_line_for_its_title_and_a_bar_of_links_to_sites():
    # 泗县 丁湖镇 (dev7101): the title after the body, on the page's "now reading" line
    doc = split_paragraphs(
        "1.镇级河长每月需要对每条责任河湖巡河至少1次。\n正在阅读:【河长制政策落实】丁湖镇巡河工作具体要求"
    )
    assert infer_title(doc, doc.simplified) == "丁湖镇巡河工作具体要求"
    # 万州 (dev7145): a bar of links to sites is no table row that opens the body
    lines = ["中国政府网 | 重庆市人民政府网 | 万州经济技术开发区网 | |", "政务公开", "2022年区政府工作报告目标任务半年完成情况",
             "2022年上半年,实现地区生产总值513.8亿元,同比增长2.8%。"]  # fmt: skip
    doc = split_paragraphs("\n".join(lines))
    assert infer_title(doc, doc.simplified) == "2022年区政府工作报告目标任务半年完成情况"
