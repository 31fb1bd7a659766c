import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from explore.ingest.clean import split_paragraphs
from explore.ingest.read import decode_bytes, html_to_text, read_bytes
from explore.ingest.titles import infer_title

TEXT = "深圳市罗湖区全面深化改革,推进强区放权。"


@pytest.mark.parametrize(
    ("data", "encoding"),
    [
        (TEXT.encode("utf-8"), "utf-8"),
        (b"\xef\xbb\xbf" + TEXT.encode("utf-8"), "utf-8-sig"),
        (TEXT.encode("utf-16"), "utf-16"),
        (TEXT.encode("gb18030"), "gb18030"),
        ("深圳市羅湖區全面深化改革,推進強區放權,加強基層治理。".encode("big5"), "big5"),
    ],
)
def test_decode_bytes(data, encoding):
    text, found = decode_bytes(data)
    assert found == encoding
    assert "深化改革" in text


@pytest.mark.parametrize(
    ("text", "encoding"), [("全", "gb18030"), ("全面", "gb18030"), ("café naïve", "utf-8"), ("Xīnjiāng", "utf-8")]
)
def test_gb_bytes_that_are_valid_utf8_too(text, encoding):
    # 全 is C8 AB in GB18030, ȫ in UTF-8 (found by the read-back-whole property); accents stay UTF-8
    data = text.encode(encoding)
    assert decode_bytes(data) == (text, encoding)


@pytest.mark.parametrize(
    ("data", "reason"),
    [(b"", "empty"), (b"  \n", "empty"), (bytes(range(256)) * 4, "binary")],
)
def test_decode_bytes_refuses_with_a_reason(data, reason):
    with pytest.raises(ValueError, match=reason):
        decode_bytes(data)


def test_html_to_text_keeps_only_visible_text():
    text = html_to_text("<html><script>alert(1)</script><nav>首页</nav><p>改革<b>创新</b></p><p>第二段</p></html>")
    assert "alert" not in text and "首页" not in text
    assert "改革" in text and "第二段" in text


def test_html_title_opens_the_text_once_without_the_site_suffix():
    page = (
        "<html><head><title>长沙县2015年政府工作报告 - 长沙县人民政府门户网站</title></head>"
        "<body><h1>长沙县2015年政府工作报告</h1><p>各位代表:现在报告工作。</p></body></html>"
    )
    got = read_bytes("a.html", page.encode("utf-8"))
    lines = [x for x in got.text.splitlines() if x.strip()]
    assert lines[0] == "长沙县2015年政府工作报告" and lines.count("长沙县2015年政府工作报告") == 1
    assert "门户网站" not in got.text


def test_a_site_suffix_after_two_hyphens_leaves_no_hyphen():
    # dev6275 in eval/dev: a local paper's page, its name after "--"
    page = (
        "<html><head><title>常德市金融系统积极开展“金融知识普及月”活动--当代商报</title></head>"
        "<body><p>为持续推动金融知识普及工作，9月20日起开展活动。</p></body></html>"
    )
    lines = [x for x in read_bytes("a.html", page.encode("utf-8")).text.splitlines() if x.strip()]
    assert lines[0] == "常德市金融系统积极开展“金融知识普及月”活动"


def test_og_title_wins_and_a_missing_heading_is_added():
    page = (
        '<html><head><meta property="og:title" content="雨花区政府工作报告来了">'
        "<title>首页_红网</title></head><body><p>正文。</p></body></html>"
    )
    got = read_bytes("a.html", page.encode("utf-8"))
    assert got.text.lstrip().startswith("雨花区政府工作报告来了")


def test_a_government_sites_article_title_is_a_title_field_above_its_menus():
    # 天河 2026 (eval/dev): the ArticleTitle meta tag names the article; menus stand above its heading
    menus = "".join(f"<li>栏目{k}</li>" for k in range(40))
    page = (
        '<html><head><meta name="ArticleTitle" content="广州市天河区教育局关于印发《招生工作方案》的通知">'
        f"<title>招生考试_广州市天河区人民政府门户网站</title></head><body><ul>{menus}</ul>"
        "<h1>广州市天河区教育局关于印发《招生工作方案》的通知</h1><p>各学校：现印发给你们。</p></body></html>"
    )
    got = read_bytes("a.html", page.encode("utf-8"))
    doc = split_paragraphs(got.text)
    assert infer_title(doc, doc.simplified) == "广州市天河区教育局关于印发《招生工作方案》的通知"


def test_markup_inside_an_article_title_ends_its_headline():
    # 巴彦淖尔 2022 (eval/dev): the meta tag holds the headline, a <div>, then the subtitle
    page = (
        '<html><head><meta name="ArticleTitle" content="为现代化巴彦淖尔建设凝聚强大智慧和力量<div>——热烈祝贺政协会议开幕</div>">'
        "</head><body><p>正文。</p></body></html>"
    )
    assert (
        read_bytes("a.html", page.encode("utf-8"))
        .text.lstrip()
        .startswith("标题：为现代化巴彦淖尔建设凝聚强大智慧和力量\n")
    )


def test_markup_pasted_into_a_text_file_is_stripped():
    dump = "insert into t values (1,'<p>一</p><p>二</p><p>三</p><div>四</div><span style=\\\"x\\\">五</span>');"
    got = read_bytes("dump.txt", dump.encode("utf-8"))
    assert "<p>" not in got.text and "五" in got.text


def test_a_json_record_is_read_as_a_post_its_fields_kept_and_its_markup_read():
    # a crawler's item whose content field holds the page's article, an <h1> of another story in it
    import json

    item = {"id": 3, "title": "某某县人民政府关于印发秋冬季森林防火方案的通知", "url": "http://x.gov.cn/1.html",
            "content": "<div><h1>某某县召开防火会议</h1><p>各乡镇人民政府：</p><p>一</p><p>二</p><p>三</p></div>"}  # fmt: skip
    for text in (json.dumps(item, ensure_ascii=False), json.dumps(item, ensure_ascii=False, indent=2)):
        got = read_bytes("item.json", text.encode("utf-8"))
        assert got.text.splitlines()[:5] == [
            "---",
            "id: 3",
            f"title: {item['title']}",
            "url: http://x.gov.cn/1.html",
            "---",
        ]
        assert "<h1>" not in got.text and "各乡镇人民政府：" in got.text.splitlines()
        assert infer_title(split_paragraphs(got.text), split_paragraphs(got.text).simplified) == item["title"]
    # a plain record's long text is its body, line by line; one record a line (JSONL) is a post each
    plain = {"title": "关于X的通知", "文号": "", "date": None, "正文": "第一段。\n第二段。"}
    assert read_bytes("x.json", json.dumps(plain, ensure_ascii=False).encode()).text.splitlines() == [
        "---",
        "title: 关于X的通知",
        "---",
        "第一段。",
        "第二段。",
    ]
    two = json.dumps(item, ensure_ascii=False) + "\n" + json.dumps({**item, "id": 4}, ensure_ascii=False)
    assert [line for line in read_bytes("items.jsonl", two.encode()).text.splitlines() if line.startswith("id:")] == [
        "id: 3",
        "id: 4",
    ]
    # a page that opens on a brace is read as a page
    assert read_bytes("p.html", "{<p>一</p><p>二</p>".encode()).text.strip() == "{\n一\n二"


def test_a_json_lines_excerpt_cut_inside_its_last_record_keeps_that_line_as_it_stands():
    import json

    first = {"title": "关于X的通知", "content": "第一段。\n第二段。"}
    cut = '{"title": "关于Y的通知", "content": "第'
    text = read_bytes("x.jsonl", (json.dumps(first, ensure_ascii=False) + "\n" + cut).encode()).text
    assert text.splitlines() == ["---", "title: 关于X的通知", "---", "第一段。", "第二段。", "", cut]
    # a summary of sentences is text to read, a short code or date a field (dev7321)
    summary = "近期，国务院印发《加快农业农村现代化规划》。日前，农业农村部、国家发展改革委负责人就起草编制、学习贯彻《规划》有关情况回答了记者提问。"
    item = {"title": "关于X的答问", "pub_date": "2026-06-03", "summary": summary}
    assert read_bytes("s.json", json.dumps(item, ensure_ascii=False).encode()).text.splitlines() == [
        "---", "title: 关于X的答问", "pub_date: 2026-06-03", "---", summary
    ]  # fmt: skip
    # a record with no title field and no text: its field lines are kept, and none is its title (dev7326)
    mongo = {"_id": {"$oid": "607d99f9"}, "CATANAME": "中外合作办学审核审批", "DEPT_NAME": "中山市教育和体育局"}
    doc = split_paragraphs(read_bytes("m.json", json.dumps(mongo, ensure_ascii=False).encode()).text)
    assert "CATANAME: 中外合作办学审核审批" in doc.paragraphs
    assert infer_title(doc, doc.simplified) == ""


PARAGRAPH = (
    "一、总体要求\n深入贯彻落实党的十九大精神，坚持以人民为中心的发展思想，全面深化“放管服”改革，"
    "推进政府职能转变，优化营商环境。到2020年，基本建成法治政府（见附件①）……\n"
)


@pytest.mark.parametrize("encoding", ["utf-16-le", "utf-16-be"])
def test_chinese_utf16_without_a_bom_is_read_exactly(encoding):
    # Chinese UTF-16 has few NUL bytes: it must be read by what its characters are, not refused as binary.
    assert decode_bytes(PARAGRAPH.encode(encoding)) == (PARAGRAPH, encoding)
    got = read_bytes("plan.txt", (PARAGRAPH * 3).encode(encoding))
    assert got.text == PARAGRAPH * 3 and got.encoding == encoding


_HAN = list("改革发展推进加强全面深化创新建设管理服务政府工作报告县区市省年月日的和在是") + list(
    "，。；：“”（）《》、！？①②③ ０１２0123456789abcXYZ%.-\n"
)


@settings(max_examples=150, deadline=None)
@given(st.text(alphabet=st.sampled_from(_HAN), min_size=12, max_size=300))
def test_utf16_gb18030_and_utf8_are_never_taken_for_one_another(text):
    if not any(ch >= "\u3000" for ch in text):
        return  # ASCII alone is UTF-8 whatever it was written as
    for encoding in ("gb18030", "utf-16-le", "utf-16-be", "utf-8"):
        assert decode_bytes(text.encode(encoding)) == (text, encoding)


def test_html_with_too_many_tags_is_refused_before_it_is_parsed():
    page = ("<html><body>" + "<p>改革</p>" * 50 + "</body></html>").encode()
    got = read_bytes("page.html", page, max_html_tags=100)
    assert got.reason == "too much markup to read (104 tags; at most 100 are read): send the page as text"
    assert "改革" in read_bytes("page.html", page, max_html_tags=104).text
    with pytest.raises(ValueError, match="max_html_tags must be positive"):
        read_bytes("page.html", page, max_html_tags=0)
