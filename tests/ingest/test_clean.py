import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from explore.ingest.clean import split_paragraphs

PAGE = """当前位置: 首页 > 新闻资讯 > 罗湖推出13项改革
罗湖推出13项改革
  • 来源:罗湖社区家园报    2020/04/17 09:42
    分享到:
罗湖家园网讯:2020年是深圳经济特区建立40周年,罗湖将全面深化改革,推进营商环境改革和城市更新。
深化营商环境改革
来源:罗湖社区家园报 记者 张三 编辑 李四
手机扫扫打开当前页面
相关新闻
搜索
关注我们
"""


def test_chrome_header_and_tail_are_set_aside():
    doc = split_paragraphs(PAGE)
    assert doc.paragraphs == [
        "罗湖推出13项改革",
        "罗湖家园网讯:2020年是深圳经济特区建立40周年,罗湖将全面深化改革,推进营商环境改革和城市更新。",
        "深化营商环境改革",
    ]
    assert doc.breadcrumb == "罗湖推出13项改革"
    assert any(h.startswith("来源:罗湖社区家园报") for h in doc.header)
    assert "相关新闻" in doc.chrome and "关注我们" in doc.chrome


def test_traditional_lines_are_classified_in_simplified():
    doc = split_paragraphs("發布日期:2017-03-28\n區委全面深化改革領導小組審議通過了本計劃,現印發給你們。")
    assert doc.header == ["发布日期:2017-03-28"]
    assert doc.paragraphs == ["區委全面深化改革領導小組審議通過了本計劃,現印發給你們。"]
    assert doc.simplified == ["区委全面深化改革领导小组审议通过了本计划,现印发给你们。"]


@pytest.mark.parametrize("text", ["", "\n\n", "   \u3000 \n"])
def test_empty_input(text):
    doc = split_paragraphs(text)
    assert doc.paragraphs == [] and doc.header == []


def test_a_tail_marker_before_real_paragraphs_is_not_a_tail():
    doc = split_paragraphs("相关新闻\n" + "改革" * 30 + "。")
    assert len(doc.paragraphs) == 2  # nothing was cut: real prose follows the marker


def test_a_short_notices_one_sentence_is_never_cut_as_the_tail():
    # menus longer than the body (hypothesis found it): 首页 after them is no footer
    nav = [
        "首页 | 政务公开 | 办事服务 | 互动交流 | 走进某某",
        "首页 > 政务公开 > 政策文件",
        "当前位置：首页 > 新闻中心 > 部门动态",
    ]
    nav += ["首页", "政务公开", "政策文件", "政策解读"]
    body = ["关于加快推进城市更新的实施意见", "为加快推进城市更新，提升城市品质，提出如下意见。", "一、总体要求"]
    assert split_paragraphs("\n".join(nav + body)).paragraphs[-3:] == body


def test_a_header_field_needs_a_colon_and_the_edge_of_the_page():
    body = [f"第{i}段正文,推进各项改革任务落实,确保取得实效。" for i in range(20)]
    lines = ["发布时间:2020-05-14", *body[:10], "时间紧任务重,各单位要加快推进。", "名称 虽短,也是正文", *body[10:]]
    doc = split_paragraphs("\n".join(lines))
    assert doc.header == ["发布时间:2020-05-14"]
    assert "时间紧任务重,各单位要加快推进。" in doc.simplified
    assert "名称 虽短,也是正文" in doc.simplified


def test_wikisource_furniture_is_chrome():
    doc = split_paragraphs(
        "跳转到内容\n2017年卢氏县政府工作报告\n維基文庫,自由的圖書館\n本作品收錄於《卢氏县政府工作报告》\n各位代表:现在报告工作。"
    )
    assert doc.simplified == ["2017年卢氏县政府工作报告", "各位代表:现在报告工作。"]


def test_a_footers_record_and_licence_numbers_are_chrome():
    # a county news site's footer (淳安 2018, eval/dev): its licence number is no 发文字号 of the page
    footer = "浙新办[2005]20号 浙ICP备05073341号 广告经营许可证:杭工商淳广许2004001号"
    doc = split_paragraphs(footer + "\n县十六届人大二次会议开幕\n本报讯 昨日,大会开幕。\n京公网安备 11010502030143号")
    assert doc.simplified == ["县十六届人大二次会议开幕", "本报讯 昨日,大会开幕。"]
    assert footer in doc.chrome
    # a sentence on the record itself has no number after it
    assert split_paragraphs("督促网站完成ICP备案,办理新闻信息服务许可证。").simplified == [
        "督促网站完成ICP备案,办理新闻信息服务许可证。"
    ]


def test_a_trail_of_crumbs_without_a_label_is_chrome():
    # 江淮晨报 2018 (eval/dev): the crumbs stand alone above the headline; a comparison is text
    doc = split_paragraphs("安徽> 安徽新闻> 正文\n安徽省年内政府公报电子化率须达到100%\n晨报讯 近日,省政府出台通知。")
    assert doc.simplified[0] == "安徽省年内政府公报电子化率须达到100%"
    assert "安徽> 安徽新闻> 正文" in doc.chrome
    assert split_paragraphs("增速 > 5%\n全年增长7%。").simplified[0] == "增速 > 5%"
    # a labelled trail stays where the label's own rule puts it (its crumbs name the issuing body)
    assert split_paragraphs("您当前的位置:首页 > 灵璧县卫生健康委员会\n正文。").simplified[0].startswith("您当前的位置")


def test_a_table_page_without_prose_keeps_its_cells():
    # 金东 2024 (eval/dev): a table flattened one cell a line has no line of prose, and the
    # page's 首页 link above it is no footer: every cell stays
    lines = ["首页", ">> 政务公开 >> 重点实事", "2024年金东区政府民生实事项目", "序号", "事项名称", "牵头单位",
             "1", "新(改、扩)建一批中小学校", "区教体局", "2", "献血屋建设", "区卫健局"]  # fmt: skip
    doc = split_paragraphs("\n".join(lines))
    assert doc.paragraphs[-3:] == ["2", "献血屋建设", "区卫健局"]
    # a footer after the body still goes
    doc = split_paragraphs("\n".join([*lines, "网站地图", "主办单位:金华市金东区人民政府办公室"]))
    assert doc.paragraphs[-1] == "区卫健局"


def test_a_page_of_nothing_but_furniture_keeps_its_lines():
    # a cleaner that would set every line aside keeps them all instead: nothing is lost unseen
    doc = split_paragraphs("首页\n打印\n关闭")
    assert doc.paragraphs == ["首页", "打印", "关闭"]


_NAV = ["首页", "政务公开", "首页 | 政务公开 | 办事服务", "当前位置：首页 > 新闻中心", "相关新闻", "网站地图", "联系我们",
        "版权所有：某某区人民政府", "扫一扫在手机打开当前页", "【打印】【关闭】", "推荐阅读", "免责声明", "Copyright 2023"]  # fmt: skip
_BODY = ["为加快推进城市更新，提升城市品质，提出如下意见。", "全区完成固定资产投资120亿元，增长8%。", "现将有关事项通知如下。",
         "会议要求，要持续深化改革。", "特此通知。", "请认真贯彻执行。"]  # fmt: skip


@settings(max_examples=200, deadline=None)
@given(
    above=st.lists(st.sampled_from(_NAV), max_size=7),
    body=st.lists(st.sampled_from(_BODY), min_size=1, max_size=4, unique=True),
    below=st.lists(st.sampled_from(_NAV), max_size=7),
)
def test_no_sentence_of_the_body_is_set_aside_as_furniture(above, body, below):
    # however much navigation stands around it and whatever footer marker precedes it
    assert all(line in split_paragraphs("\n".join(above + body + below)).paragraphs for line in body)


def _discuz_jammer(pairs: list[tuple[int, int]]) -> str:
    # Discuz's own recipe: chr(mt_rand(32, 59)) . ' ' . chr(mt_rand(63, 126)), 5 to 15 times
    return "".join(f"{chr(a)} {chr(b)}" for a, b in pairs)


def _told_apart(jammer: str) -> bool:
    # the shape the cleaner needs: three different characters glued after a letter, one not a digit
    glued = [jammer[i + 1] for i in range(len(jammer) - 1) if ord(jammer[i]) >= 63 and 32 < ord(jammer[i + 1]) <= 59]
    return len(set(glued)) >= 3 and any(not c.isdigit() for c in glued)


@settings(max_examples=300, deadline=None)
@given(
    pairs=st.lists(st.tuples(st.integers(32, 59), st.integers(63, 126)), min_size=5, max_size=15),
    line=st.sampled_from([*_BODY, "一、教育基础设施提升项目", "新建南郑中学学生宿舍楼1栋,总建筑面积3050平方米;"]),
    where=st.sampled_from(["before", "after", "both"]),
)
def test_a_forums_anti_copy_string_leaves_the_line_it_was_glued_into(pairs, line, where):
    jammer = _discuz_jammer(pairs)
    assume(_told_apart(jammer))
    text = {"before": jammer + " " + line, "after": line + jammer, "both": jammer + " " + line + jammer}[where]
    assert split_paragraphs(text).paragraphs == [line]


@pytest.mark.parametrize(
    "line",
    [
        "for (i = 0; i < 5; i++) { a[i] = 0; }",  # a page's script: "=" and "<" are never a jammer's
        "座位号A1 B2 C3 D4 E5 F6",  # letters and digits only
        "选项a, b, c, d, e均可",  # one mark glued, however often
        "C O N T E N T S",
        "依据GB/T 1.1-2020 标准 P D F 版",
        "联系电话：0755-1234 5678 转 8",
    ],
)
def test_ascii_text_that_is_no_jammer_stays(line):
    assert split_paragraphs(line).paragraphs == [line]
