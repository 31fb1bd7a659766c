"""Headings joined over lines and lines that are other lines run together, on small cases shaped
like documents in eval/ (none from the seeds)."""

import pytest

from explore.ingest.clean import split_paragraphs
from explore.ingest.title_joins import joined_headings, retold_headings, run_together
from explore.ingest.titles import infer_title


def test_a_heading_left_open_is_joined_to_the_lines_that_finish_it():
    assert joined_headings(["甲关于", "乙的", "丙的通知"]) == [(0, "甲关于乙的丙的通知"), (1, "乙的丙的通知")]
    assert joined_headings(["甲关于", "乙。", "丙的通知"]) == []
    assert joined_headings(["甲关于", "", "丙的通知"]) == []
    assert joined_headings(["甲关于", "乙", "丙", "丁", "戊的通知"]) == []
    assert joined_headings(["甲关于", "乙" * 61, "丙的通知"]) == []  # right after 关于, up to 60 characters go on
    assert joined_headings(["甲关于", "乙" * 57 + "的通知"]) == [(0, "甲关于" + "乙" * 57 + "的通知")]
    assert joined_headings(["甲关于乙的", "乙" * 31, "丙的通知"]) == []  # elsewhere 30
    assert joined_headings(["甲" * 30 + "的", "丙的通知"]) == []  # past 30 characters only a line with 关于 goes on
    assert joined_headings(["甲" * 58 + "关于", "丙的通知"]) == [(0, "甲" * 58 + "关于丙的通知")]
    assert joined_headings(["甲" * 59 + "关于", "丙的通知"]) == []
    assert joined_headings(["甲的通知", "乙的通知"]) == []
    # joint issuers on their own line, then 关于印发 over a list of titles (eval: repost_05, 云南)
    joint = ["云南省财政厅 云南省科技厅", "关于印发《云南省科技成果转化奖补资金管理办法》", "《云南省科技创新券实施管理办法》",
             "《云南省科技揭榜制实施管理办法》的通知"]  # fmt: skip
    assert joined_headings(joint)[0] == (0, "".join(joint))
    # a masthead's 省级部门 is no unit
    from explore.ingest.units import is_unit

    assert not is_unit("省级部门") and not is_unit("市级单位") and is_unit("省财政厅")


def test_an_epaper_title_made_of_the_headlines_it_lists_is_none():
    heads = ["甲" * 20 + "新闻", "乙" * 20 + "消息", "丙" * 19 + "报道"]  # three headlines, 62 characters together
    line = "".join(heads)
    assert run_together(line, [*heads, line])
    assert not run_together(line[:60], [*heads, line[:60]])  # a heading of 60 characters stays
    assert not run_together("关于" + line, [*heads, "关于" + line])  # one with 关于 stays
    assert not run_together(
        heads[0] + heads[1] + "丁" * 22, [*heads, heads[0] + heads[1] + "丁" * 22]
    )  # two are no list
    # a headline of four characters counts; of three, not
    four = ["甲" * 29 + "新闻", "乙" * 27 + "报道", "丙丙丙丙"]
    assert run_together("".join(four), four)
    three = ["甲" * 30 + "新闻", "乙" * 27 + "报道", "丙丙丙"]
    assert not run_together("".join(three), three)
    # the most headlines any reading of the line takes: a reading of two ending last hides no three
    a, b, c = "一" * 20, "二" * 20, "三" * 25
    assert run_together(a + b + c, [a, b, c, a + b + "三" * 5, "三" * 20])


def test_joint_issuers_a_line_each_go_on_to_their_heading():
    # a county's party committee and government over one 通报 (shaped like a 邵阳县 notice)
    lines = ["中共邵阳县委", "邵阳县人民政府", "关于表彰2020年度先进单位的通报"]
    assert joined_headings(lines)[0] == (0, "".join(lines))
    # one organ alone over a line that is no 关于… does not join
    assert joined_headings(["中共邵阳县委", "邵阳县人民政府", "表彰2020年度先进单位的通报"]) == []


def test_a_heading_goes_on_past_a_quoted_name_to_the_kind():
    # …关于《…工作报告》 / 的决议(草案), …2022年《政府工作报告》 / 重点任务…的通知, a congress over its session
    resolution = ["金鸡镇人民代表大会关于《金鸡镇政府工作报告》", "的决议(草案)"]
    assert joined_headings(resolution) == [(0, "".join(resolution))]
    notice = ["关于印发2022年《政府工作报告》", "重点任务责任落实分工的通知"]
    assert joined_headings(notice) == [(0, "".join(notice))]
    session = ["某市第一届人民代表大会", "第一次会议关于政府工作报告的决议"]
    assert joined_headings(session) == [(0, "".join(session))]
    assert joined_headings(["某市第一届人民代表大会", "关于政府工作报告的决议"]) == []  # no session, no join
    titles = ["关于印发《甲办法》", "《乙办法》的通知"]  # a list of titles
    assert joined_headings(titles) == [(0, "".join(titles))]


def test_a_headline_set_short_lines_high_is_joined_where_its_lede_retells_it():
    # 永康日报 2021 (dev8007): four short lines, a byline, then the lede that retells them whole
    head = ["市十七届", "人大五次会议", "主席团召开", "第四次会议", "□融媒记者 颜元滔"]
    lede = "本报讯 1月21日,市十七届人大五次会议主席团召开第四次会议。"
    assert retold_headings(head, lede) == [(0, "市十七届人大五次会议主席团召开第四次会议")]
    lines = [*head, lede, "会议听取各代表团对各项决议(草案)讨论情况的汇报。"]
    doc = split_paragraphs("\n".join(lines))
    assert infer_title(doc, doc.simplified) == "市十七届人大五次会议主席团召开第四次会议"
    # short lines the lede does not retell stay apart
    assert retold_headings(["市十七届", "人大五次会议"], "本报讯 昨日,大会闭幕。") == []


def test_an_organ_line_over_its_long_heading_and_a_plans_years_over_its_notice():
    # 聊城 2021 (dev8609): the organ alone, then a 关于 line longer than a broken line's 30 characters
    head = ["聊城市人民政府", "关于印发2021年市政府工作报告重点工作任务部门分工方案的通知", "现将《…》印发给你们。"]
    assert joined_headings(head) == [(0, "聊城市人民政府关于印发2021年市政府工作报告重点工作任务部门分工方案的通知")]
    # 山西 2023 (dev8805): the plan's kind ends a line, its years and the notice's kind the next
    head = ["山西省人民政府办公厅", "关于印发山西省数字政府建设规划", "(2023-2025年)的通知", "晋政办发〔2023〕82号"]
    assert joined_headings(head) == [(0, "山西省人民政府办公厅关于印发山西省数字政府建设规划(2023-2025年)的通知")]


def test_a_place_on_a_line_of_its_own_opens_the_heading_under_it():
    # 克州 2021 (dev9214): the prefecture's name, then its outline's heading broken over two lines
    head = [
        "克孜勒苏柯尔克孜自治州",
        "国民经济和社会发展第十四个五年规划和",
        "2035年远景目标纲要",
        "(2021年1月3日通过)",
    ]
    assert (0, "克孜勒苏柯尔克孜自治州国民经济和社会发展第十四个五年规划和2035年远景目标纲要") in joined_headings(head)
    assert joined_headings(["某某大学", "国民经济和社会发展第十四个五年规划纲要"]) == []  # no place: no join


def test_a_plans_span_on_the_line_under_its_heading_is_part_of_it():
    # 湖北 2022 on a city bureau's site (dev9601)
    assert joined_headings(["湖北省高标准农田建设规划", "(2022—2030年)", "目 录"]) == [
        (0, "湖北省高标准农田建设规划(2022—2030年)")
    ]
    assert joined_headings(["湖北省高标准农田建设规划", "(2022年3月)"]) == []  # a date, no span


# An e-paper's page lists its headlines first and prints the article's own below the list.
_BAICHENG = [  # 白城日报 2024 (dev151): a kicker above the headline, a subtitle and a byline below it
    "第01版:头版新闻",
    "下一版4",
    "白城市第七届人民代表大会第四次会议开幕",
    "对标蓝图谋发展 团结实干铸辉煌",
    "市政协召开七届十一次主席会议",
    "谈感受 谋发展 绘愿景",
    "凝聚奋进新征程的共识与力量",
    "市政协召开七届九次常委会议",
    "白城市第七届人民代表大会",
    "第四次会议主席团举行第二次会议",
    "市七届人大经济委员会、预算委员会",
    "通过两项审查结果报告",
    "版面导航",
    "站内检索",
    "3上一篇  下一篇4 2024年1月11日 放大 缩小 默认",
    "谈感受 谋发展 绘愿景",
    "凝聚奋进新征程的共识与力量",
    "——市七届人大四次会议代表分组审议政府工作报告等报告",
    "●本报记者 冯可欣",
    "1月10日,出席市七届人大四次会议的代表分组审议了市长杨大勇代表白城市人民政府所作的政府工作报告。",
]
_ZJRB = [  # 浙江日报 2006 (dev7118): the list breaks a headline over two lines, and so does the article
    "第00003版:国内要闻", "PDF 版", "· 保障被征地农民利益 确保收入专款专用", "· 党中央有关部门新闻发言人", "名单首次公布",
    "· 最后的木排", "· 中国将在现有法律框架内", "严格控制死刑适用", "· 台湾南部地震", "2死40余伤",
    "· 中国电信基本恢复因台湾地震受损的通信业务", "· 为何地震造成的海缆修理最难", "· 明年汛期", "南涝北旱",
    "返回主页 | 版面导航 | 标题导航", "2006年12月29日 收藏 打印 推荐", "党中央有关部门新闻发言人", "名单首次公布",
    "本报综合新华社12月28日消息 国务院新闻办主任蔡武在28日举行的发布会上首次向中外媒体公布了党中央有关部门新闻发言人名单。",
]  # fmt: skip


@pytest.mark.parametrize(
    ("lines", "title"),
    [(_BAICHENG, "凝聚奋进新征程的共识与力量"), (_ZJRB, "党中央有关部门新闻发言人名单首次公布")],
)
def test_an_epaper_pages_headline_is_the_listed_one_printed_again_above_the_article(lines, title):
    doc = split_paragraphs("\n".join(lines))
    assert infer_title(doc, doc.simplified) == title
    # without the article, the list gives the page's first headline, as before
    doc = split_paragraphs("\n".join(lines[: lines.index("版面导航") if "版面导航" in lines else 14]))
    assert infer_title(doc, doc.simplified) != title
