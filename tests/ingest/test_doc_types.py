"""What kind of document it is: an official document, a report, a resolution, a news item."""

import pytest

from explore.ingest.clean import split_paragraphs
from explore.ingest.meta import infer_doc_type, infer_meta


@pytest.mark.parametrize(
    ("lines", "doc_type"),
    [
        (["关于太湖县人民政府工作报告的决议", "(2017年1月23日县人民代表大会会议通过)", "会议同意这个报告。"], "resolution"),
        (["政府工作报告", "——2019年1月17日在县人民代表大会第三次会议上", "各位代表:现在报告工作。"], "report"),
        (["关于江陵县2020年预算执行情况和2021年预算草案的报告", "各位代表:受县政府委托,现作报告。"], "report"),
        (["县十八届人大三次会议开幕", "本网讯(记者 游凤)3月6日,县人代会开幕。"], "news report"),
        (["关于印发2023年政府工作报告重点工作任务分工的通知", "各乡镇人民政府:现印发给你们。"], "official document"),
        (["某县概况", "这里山清水秀,历史悠久,物产丰富,人民勤劳。"], "other"),
        # the State Council transmits a ministry's report: a notice, not the report (dev7325)
        (["国务院批转地质部关于切实保障野外地质工作条件的报告", "国务院同意地质部《关于切实保障野外地质工作条件的报告》。"],
         "official document"),
        # a keynote speech has its speaker line as a work report has (dev8706: a crawl's record)
        (["在2026世界人工智能大会开幕式上的主旨讲话", "——在2026世界人工智能大会开幕式上的主旨讲话",
          "(2026年7月17日,上海)", "中华人民共和国主席 习近平", "尊敬的各位同事、各位来宾,女士们,先生们,朋友们:"], "other"),
        # 三穗 2011, 上海 2024 (eval/dev): a news item's first sentence tells on which day a meeting was held
        (["三穗第十五届人民代表大会第五次会议胜利召开", "阳光明媚,2月14日,三穗县第十五届人民代表大会第五次会议在这里隆重开幕。"],
         "news report"),
        (["8月21日召开的市十六届人大常委会十五次会议上,市发展改革委主任顾军报告了今年上半年计划执行情况。"], "news report"),
        (["10件民生实事任务分解表", "序号 | 任务 | 责任单位 |"], "official document"),
        (["2022年度民生实事未完成项目进度表(截至10月31日)", "序号 | 项目 | 责任单位 |"], "official document"),
        (["密云区2022年重要民生实事项目进展情况(三季度) |", "序号 |", "实事项目 |"], "official document"),
        (["县卫健委2021年政府工作报告任务分解", "文章来源:灵璧县卫生健康委员会"], "official document"),
        # 咸阳 2022, a mirror that lost the heading page: the plan's outline of tasks shows its kind
        (["全文", "以习近平新时代中国特色社会主义思想为指导,坚持稳中求进工作总基调。",
          "一、坚持系统集成,推动审批全链条优化", "1.全面实施行政许可事项清单管理。", "2.持续深化相对集中行政许可权改革。"],
         "official document"),
        # a table of tasks and the units responsible, one cell a line or in a row
        (["2021年民生实事", "序号", "项目名称", "主要内容", "牵头单位", "1", "增加学位", "区教育局"], "official document"),
        (["说明", "序号 | 工作任务 | 责任单位 | 完成时限 |", "1 | 建设公园 | 区城管局 | 12月 |"], "official document"),
        # one 一、 heading over prose is no plan
        (["一、基本情况", "今年以来,全区经济运行平稳。"], "other"),
        # a reporter's words (据了解, 日前) make news; units with their duties make a task document
        (["多措并举推进民生实事", "据了解,今年全市新增停车位1008个,完成年度任务的91.63%。"], "news report"),
        # 江苏 2022, 大连 2023 (eval/dev): a lede that tells who did what on which day, a 导语
        (["新开工1578个 惠及居民56.2万户", "江苏省住建厅11月22日通报,全省今年新开工改造城镇老旧小区1578个。"], "news report"),
        (["2023年大连重点民生工程最新进展(4月)", "导语 2023年大连市重点民生实事项目建设不断按下“加速键”。"], "news report"),
        (["1.新建幼儿园3所(县教育局负责)", "2.改造老旧小区12个(县住建局负责)", "3.新增养老床位200张(县民政局负责)"],
         "official document"),
        # 平阳 2021 and 长沙 (eval/dev): a table whose rows hold a cell of nothing but units
        (["1 | 新建幼儿园 | 县教育局 | 已完工 |", "2 | 改造小区 | 县住建局 | 已开工 |", "3 | 养老床位 | 县民政局 | 已完成 |",
          "4 | 农村公路 | 县交通运输局 | 推进中 |", "5 | 公厕 | 县综合行政执法局 | 已完成 |"], "official document"),
        # a list of five places is no table of units
        (["今年的活动在五个地方举行:", "罗湖区", "福田区", "南山区", "盐田区", "宝安区"], "other"),
        # 眉山 2021, 巴中 2017, 铜梁 2025: a table's or a notice's kind in the title
        (["2021年眉山市30件民生实事责任分工表", "地区"], "official document"),
        (["巴中市2017年市自选“十件民生实事”1—9月进度公示", "来源:巴中日报"], "official document"),
        (["《2025年区政府工作报告目标任务上半年推进情况汇总表》", "序号"], "official document"),
        # 浙江 2020 (a mirror): a task table's header run together on one line
        (["教育惠民", "实事内容工作任务责任单位进展情况", "新建学校3所。"], "official document"),
        # 成都 2022 (a repost): a news lede opening the text is an item about the plan it names
        (["日前,成都市人民政府网站公布了《2022年〈政府工作报告〉目标任务责任分解方案》。", "2022年《政府工作报告》",
          "目标任务责任分解方案", "1.地区生产总值增长7%左右。(牵头单位:市发改委)"], "news report"),
        # 浙江 2016, 崆峒 2021, 攸县 2022 (eval/dev): a law's or a body's rules and an announcement, whose
        # adoption line names a meeting as a report's speaker line does
        (["浙江省乡镇人民代表大会工作条例", "2016年7月29日 浙江省第十二届人民代表大会常务委员会第三十一次会议通过",
          "第一章 总则", "第一条 为了加强乡镇人民代表大会的工作，根据宪法，制定本条例。"], "official document"),
        (["平凉市崆峒区人民政府工作规则", "(2021年11月23日第五届区政府第1次常务会议通过)", "第一章 总则"],
         "official document"),
        (["攸县第十八届人民代表大会第二次会议", "公告", "(第4号)", "攸县第十八届人民代表大会第二次会议于2022年1月选举。"],
         "official document"),
        # 伊宁县 2025 (dev8308): a government's minutes, which open as a news item does
        (["2月18日,县长主持召开县人民政府第十次常务会议。", "1.审议《伊宁县关于调整部分行政区域界限的请示》",
          "会议议定:原则同意该《请示》。"], "official document"),
    ],
)  # fmt: skip
def test_doc_types(lines, doc_type):
    doc = split_paragraphs("\n".join(lines))
    assert infer_meta(doc, doc.simplified).doc_type == doc_type


def test_doc_type_rules_direct():
    doc = split_paragraphs("正文。")
    assert infer_doc_type(doc, "关于印发方案的通知", "正文。") == "official document"


def test_a_meetings_report_with_its_platform_is_news():
    # 衡水市 NPC opening (eval: news_02): the report is what the news item recounts
    lines = ["王景武、吕志成等在主席台就坐。", "上午9时,王金刚宣布:衡水市第六届人民代表大会第三次会议开幕。",
             "市长吕志成代表市政府向大会作政府工作报告。"]  # fmt: skip
    doc = split_paragraphs("\n".join(lines))
    assert infer_meta(doc, doc.simplified).doc_type == "news report"


def test_a_field_table_with_a_document_number_makes_an_official_document():
    # 平顶山 2013 (平政办〔2013〕11号): no heading, the 文号 in a field table above a split of the work report
    lines = ["文号 | 平政办〔2013〕11号 | 索引号 | 005452065/2013-00024 | 关键词 | |",
             "各县(市、区)人民政府,市人民政府各部门:",
             "陈建生市长在市九届人大六次会议上所作的《政府工作报告》中,提出了2013年市政府要做好的8项重点工作。现将重点工作任务分解如下:",
             "一、加快产业转型", "1.对传统优势产业加大帮扶力度。", "牵头单位:市工业和信息化局"]  # fmt: skip
    doc = split_paragraphs("\n".join(lines))
    assert infer_meta(doc, doc.simplified).doc_type == "official document"


@pytest.mark.parametrize(
    ("lines", "title", "doc_type"),
    [
        (
            ["索引号：11440300/2017-00123", "关于X工作的安排", "全县要抓好落实。"],
            "",
            "official document",
        ),  # a field table
        (["发文机关：泾县人民政府", "全县要抓好落实。"], "", "official document"),
        (["各乡镇人民政府，县直各单位：", "全县要抓好落实。"], "", "official document"),  # its addressees
        (["全县要抓好落实。", "现印发给你们，请认真贯彻落实。"], "", "official document"),  # its issuing words
        (["当前位置：首页 > 新闻中心 > 要闻", "全县要抓好落实。"], "", "news report"),  # the site's news section
        (["全县要抓好落实。"], "2023年政府工作报告", "report"),
        (["本报讯 全县要抓好落实。"], "2023年政府工作报告", "news report"),  # a newsroom's item about the report
        (["全县要抓好落实。"], "", "other"),
    ],
)
def test_the_signs_of_each_kind(lines, title, doc_type):
    doc = split_paragraphs("\n".join(lines))
    assert infer_doc_type(doc, title, "\n".join(doc.simplified)) == doc_type
