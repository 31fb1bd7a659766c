"""A title found whatever furniture a portal prints around it: breadcrumbs, menus, site names,
channel tags, tool bars, bylines and footers in any number and order (a property over layouts
made from the pieces real pages print, none a seed's)."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from explore.evaluation.scores import norm_title
from explore.ingest.clean import split_paragraphs
from explore.ingest.document import analysis_text
from explore.ingest.titles import infer_title

_DOCS = [
    ("某某市人民政府关于印发某某市深化“放管服”改革实施方案的通知",
     ["各区人民政府，市政府各部门：", "现将《某某市深化“放管服”改革实施方案》印发给你们，请认真贯彻执行。"]),
    ("关于加快推进城市更新的实施意见",
     ["为加快推进城市更新，提升城市品质，结合我区实际，提出如下意见。", "一、总体要求"]),
    ("2023年政府工作报告",
     ["——2023年1月5日在某某区第六届人民代表大会第三次会议上", "区长 张三", "各位代表：", "现在，我代表区人民政府，向大会报告工作。"]),
    ("某某区召开2023年深化改革推进会",
     ["3月5日，某某区召开2023年深化改革推进会，区委书记李四出席会议并讲话。", "会议指出，要持续深化改革。"]),
    ("某某镇2022年工作总结和2023年工作计划",
     ["2022年，在区委区政府的坚强领导下，我镇各项工作取得新成效。", "一、2022年工作完成情况"]),
]  # fmt: skip
_ABOVE = [
    ["首页 > 政务公开 > 政策文件"], ["当前位置：首页 > 新闻中心 > 部门动态"], ["您现在的位置：首页 >> 信息公开"],
    ["首页 | 政务公开 | 办事服务 | 互动交流 | 走进某某"], ["无障碍浏览 长者模式 繁体版"], ["某某市人民政府门户网站"],
    ["中国某某网"], ["用户登录 | 注册"], ["首页", "政务公开", "政策文件", "政策解读"], ["【字体：大 中 小】 【打印本页】 【关闭窗口】"],
    ["索引号：11440300/2023-00012 分类：综合政务"], ["政策文件"], ["图解"], ["扫一扫在手机打开当前页"],
    ["热点新闻", "某某区召开安全生产工作会议", "关于做好2023年防汛工作的通知"],  # other pages' headlines
    ["【关闭】【打印】"], ["点击数：123"],
]  # fmt: skip
_BELOW = [
    ["发布时间：2023-03-06 来源：某某区政府办 浏览次数：1234"], ["来源：某某日报 | 2023-03-06"], ["2023-03-06 10:21 来源：新华网"],
    ["字号：大 中 小"], ["分享到：微信 微博 QQ空间"], ["（2023年3月1日）"], ["点击数：56 【关闭】"], ["【打印】【关闭】"], ["作者：王五 编辑：赵六"], ["发布日期：2023年03月06日"],
]  # fmt: skip
_END = [
    ["上一篇：关于开展2023年安全生产月活动的通知", "下一篇：某某区召开安全生产工作会议"],
    ["主办：某某市人民政府办公室 承办：某某市政务服务数据管理局"],
    ["网站标识码：4403000001 粤ICP备05050505号"],
    ["打印本页 关闭窗口"],
]
_SITE = ["{}_某某市人民政府门户网站", "{} - 政策文件 - 某某市人民政府", "{}-某某新闻网", "{}_政务公开_某某区人民政府网"]


@settings(max_examples=200, deadline=None)
@given(
    doc=st.sampled_from(_DOCS),
    page_title=st.none() | st.sampled_from(_SITE),
    above=st.lists(st.sampled_from(range(len(_ABOVE))), max_size=4, unique=True),
    below=st.lists(st.sampled_from(range(len(_BELOW))), max_size=3, unique=True),
    end=st.lists(st.sampled_from(range(len(_END))), max_size=2, unique=True),
)
def test_a_title_is_found_whatever_furniture_surrounds_it(doc, page_title, above, below, end):
    title, body = doc
    lines = [page_title.format(title)] if page_title else []
    lines += [*(x for k in above for x in _ABOVE[k]), title, *(x for k in below for x in _BELOW[k]), *body]
    lines += [x for k in end for x in _END[k]]
    cleaned = split_paragraphs("\n".join(lines))
    got = infer_title(cleaned, [analysis_text(p) for p in cleaned.simplified])
    assert norm_title(got) == norm_title(title)
