"""What a site adds to a title line, cleaned off (``title_clean``), on small cases shaped like
documents in eval/ (none from the seeds)."""

from explore.ingest.clean import split_paragraphs
from explore.ingest.title_clean import clean_title
from explore.ingest.titles import infer_title


def test_clean_title_removes_decorations_and_spacing():
    assert clean_title("政 府 工 作 报 告") == "政府工作报告"
    # a hijacked mirror's keyword run into the title (辽宁 2026); an organ, place or verb before 关于 stays
    assert clean_title("即时比分关于印发《重点工作分工方案》的通知") == "关于印发《重点工作分工方案》的通知"
    assert clean_title("国务院办公厅关于印发方案的通知") == "国务院办公厅关于印发方案的通知"
    assert clean_title("深圳市关于深化改革的意见") == "深圳市关于深化改革的意见"
    assert clean_title("转发关于印发方案的通知") == "转发关于印发方案的通知"
    # a page's field table: the next field's label after the title (阜阳 2019)
    assert clean_title("阜阳市人民政府关于2019年重点工作及责任分解的通知 信息来源:") == (
        "阜阳市人民政府关于2019年重点工作及责任分解的通知"
    )
    assert clean_title("[广东] 2019年深圳市宝安区政府工作报告") == "2019年深圳市宝安区政府工作报告"
    # a document site's word count and update tags (新疆 2022, 樟树 2021); a library page's stop before its source
    assert clean_title("2022年新疆政府工作报告(全文29812字)") == "2022年新疆政府工作报告"
    assert clean_title("2023年道真自治县政府工作报告—全文") == "2023年道真自治县政府工作报告"
    # a writing-template site offers its copy as 范文 (a town's half-year summary, eval/dev)
    assert clean_title("镇上半年工作情况总结范文") == "镇上半年工作情况总结"
    assert clean_title("2023年乡镇工作总结范文3篇") == "2023年乡镇工作总结"
    assert clean_title("政府工作报告最新范文大全") == "政府工作报告"
    assert clean_title("某某镇工作制度(精选9篇)") == "某某镇工作制度"  # (罗定, dev8117)
    assert (
        clean_title("2024年街道社区发展办工作总结和下半年工作计划例文")
        == "2024年街道社区发展办工作总结和下半年工作计划"
    )
    # a document library's name after a space or a dash (建标库: 盐城, 东营, dev9721, dev9707); a news site's (表)
    assert clean_title("盐城市市区民房建设规划管理暂行办法 建标库") == "盐城市市区民房建设规划管理暂行办法"
    assert clean_title("某某县实施方案 - 百度文库") == "某某县实施方案"
    assert clean_title("关于建设文库的通知") == "关于建设文库的通知"
    # a template site's collection and page (dev9903), a gazette's issue in brackets (国务院公报 2002, dev9954),
    # a forum's repost label (高县 2012, dev9967)
    assert clean_title("乡2023年政府工作报告-10篇(第20/30页)") == "乡2023年政府工作报告"
    assert clean_title("国务院办公厅关于发送国务院公报的通知(2002年1号)") == "国务院办公厅关于发送国务院公报的通知"
    assert clean_title("转载:给高县新县委张书记的一封信") == "给高县新县委张书记的一封信"
    # a repost's day before the organ's heading (永登 2022, dev7253); a headline that opens on its day stays
    assert clean_title("3月21日永登县公安局关于对县城部分道路实施临时交通管制的通告") == (
        "永登县公安局关于对县城部分道路实施临时交通管制的通告"
    )
    assert clean_title("3月21日召开全县大会") == "3月21日召开全县大会"
    assert clean_title("多地高温津贴数年未涨 发放落实遭遇尴尬(表)") == "多地高温津贴数年未涨 发放落实遭遇尴尬"
    # a wiki's heading marks and a resolution's adoption note on its line (东营 1993, dev9401)
    assert clean_title(
        "= 东营市第三届人民代表大会第一次会议关于政府工作报告的决议  (一九九三年三月十二日东营市第三届人民代表大会第一次会议通过)"
    ) == ("东营市第三届人民代表大会第一次会议关于政府工作报告的决议")
    assert clean_title("关于修改《某某条例》的决定(草案)") == "关于修改《某某条例》的决定(草案)"
    # a post's emoji at either end (沧源 2024, dev8407); a transcript's format note as (全文) is (政协 2020, dev8505)
    assert clean_title("🌟沧源2024年工作报告📜") == "沧源2024年工作报告"
    assert clean_title("全国政协十三届三次会议新闻发布会(文字实录)") == "全国政协十三届三次会议新闻发布会"
    # a 文号 after its title in the small-form brackets a mirror keeps (方城 2022, dev8108)
    assert clean_title("方城县人民政府拟征收土地启动公告(方征启公告﹝2022﹞4号)") == "方城县人民政府拟征收土地启动公告"
    # a yearbook's name after a dash, as a site's (高县年鉴 2021, dev8203)
    assert clean_title("2020年工作和十三五发展回顾-高县年鉴") == "2020年工作和十三五发展回顾"
    assert clean_title("范文澜纪念馆开馆") == "范文澜纪念馆开馆"  # a name
    assert clean_title("关于征集优秀公文范文的通知") == "关于征集优秀公文范文的通知"  # a word inside
    assert clean_title("樟树市国民经济和社会发展十四五规划(2022年更新)") == "樟树市国民经济和社会发展十四五规划"
    assert clean_title("国务院明确重点工作部门分工. 来源:生态环境部") == "国务院明确重点工作部门分工"
    assert clean_title("政府工作报告v7R") == "政府工作报告"
    # a gazette's page names its issue after the article (全国人大常委会 2007, gov.cn); a 公报 of its own stays
    assert clean_title("全国人民代表大会常务委员会关于批准财政部发行特别国债的决议__2007年第23号国务院公报") == (
        "全国人民代表大会常务委员会关于批准财政部发行特别国债的决议"
    )
    assert clean_title("某某县2022年国民经济和社会发展统计公报") == "某某县2022年国民经济和社会发展统计公报"
    # a wiki's header line: title, number, issuer, date (国函 2010); a title that is no genre's keeps them
    assert clean_title(
        "国务院关于同意调整部分行政区划的批覆 国函〔2010〕55号 中华人民共和国国务院 2010年6月28日 |"
    ) == ("国务院关于同意调整部分行政区划的批覆")
    assert clean_title("调整区划 国函〔2010〕55号 中华人民共和国国务院 2010年6月28日").endswith("6月28日")
    # 常州 2023, 岳阳 2017 (eval/dev): the 文号 after the heading, in brackets or not
    assert clean_title("关于印发2023年《政府工作报告》重点任务分解落实方案的通知 常政发〔2023〕1号") == (
        "关于印发2023年《政府工作报告》重点任务分解落实方案的通知"
    )
    assert clean_title("印发《关于全面推进政务公开工作的实施意见》的通知(岳办发〔2017〕5号)") == (
        "印发《关于全面推进政务公开工作的实施意见》的通知"
    )
    # 邢台 2024 (eval/dev): the meeting's date after a report's title
    assert clean_title("(河北省)邢台市人民政府工作报告(2024年1月28日)") == "邢台市人民政府工作报告"
    assert clean_title("2025年计划2025") == "2025年计划2025"
    assert (
        clean_title("2023年新疆自治区政府工作报告(20230114)") == "2023年新疆自治区政府工作报告"
    )  # a 文库's upload tag
    # 广西 2019 (a PDF's page), 滁州 2020 (a column tag), 乌恰 2023 (a field label set off by spaces)
    assert (
        clean_title("22 ― 附件 2019年为民办实事工程项目资金筹措计划表 单位:万元")
        == "2019年为民办实事工程项目资金筹措计划表"
    )
    assert clean_title("【市政府重点工作及责任分解】滁州市人民政府关于2020年市政府重点工作及责任分解的通知") == (
        "滁州市人民政府关于2020年市政府重点工作及责任分解的通知"
    )
    # 四川 2024, 沈阳 2023 (eval/dev): a speaker line run on after the heading, a (书面) note
    assert clean_title("关于四川省2024年计划草案的报告——2024年1月22日在四川省第十四届人民代表大会第二次会议上") == (
        "关于四川省2024年计划草案的报告"
    )
    assert clean_title("关于沈阳市2023年计划草案的报告(书面)") == "关于沈阳市2023年计划草案的报告"
    # 连云港 2017 (eval/dev): the field after the title on its line goes
    assert clean_title("关于十大重点民生工程50件实事推进落实情况的督查报告 文件下载:") == (
        "关于十大重点民生工程50件实事推进落实情况的督查报告"
    )
    doc = split_paragraphs("名  称 2022年乌恰县政府工作报告\n各位代表:")
    assert infer_title(doc, doc.simplified) == "2022年乌恰县政府工作报告"


def test_what_a_page_runs_on_around_a_title_goes():
    # a bulletin's issue before its article (恩平 2024), the next cell's label after it (高青 2021)
    assert (
        clean_title("督查通报〔2024〕第9期:关于恩平市十件民生实事推进情况的通报")
        == "关于恩平市十件民生实事推进情况的通报"
    )
    assert clean_title("高青县人民政府关于印发行政规范性文件管理办法的通知发文机关") == (
        "高青县人民政府关于印发行政规范性文件管理办法的通知"
    )
    assert clean_title("关于加强项目建设管理的意见发布机构") == "关于加强项目建设管理的意见"
    assert clean_title("关于发布机构") == "关于发布机构"  # no kind before the label: as written
    # a number joined to the headline by a dash (晋中 1999): both go
    assert clean_title("国务院关于同意设立地级晋中市的批复-国函〔1999〕124号") == "国务院关于同意设立地级晋中市的批复"
    # an order's heading after a space (广西 2016); an order's name inside a title stays
    assert clean_title("广西壮族自治区土地整治办法 广西壮族自治区人民政府令 第116号") == "广西壮族自治区土地整治办法"
    assert clean_title("关于实施司法令的通知") == "关于实施司法令的通知"


def test_a_pages_title_loses_its_channels_with_the_sites_name():
    # <title> as portals write it: heading, channels, site (长江网 2020 among them)
    assert clean_title("关于加快推进城市更新的实施意见 - 政策文件 - 某某市人民政府") == "关于加快推进城市更新的实施意见"
    assert clean_title("外媒眼中的武汉长假：蓬勃发展，欢声笑语_首页武汉_新闻中心_长江网_cjn.cn") == (
        "外媒眼中的武汉长假：蓬勃发展，欢声笑语"
    )
    # a dash with no site's name after it is the heading's own
    assert clean_title("某某区2023年工作要点-区委办") == "某某区2023年工作要点-区委办"


def test_a_newspapers_series_and_its_sites_channels_go():
    # 人民网 prints 人民日报's series and rubric after the headline, then its own channels (dev9512)
    assert clean_title("在新时代中部地区崛起中争先出彩（推动高质量发展·权威发布）--经济·科技") == (
        "在新时代中部地区崛起中争先出彩"
    )
    assert clean_title("全国人大代表谈民生（两会·声音）") == "全国人大代表谈民生"
    # a name with its middle dot is the title's own
    assert clean_title("阿布都·热合曼当选县长") == "阿布都·热合曼当选县长"
    assert clean_title("关于表彰张三·李四的决定") == "关于表彰张三·李四的决定"
