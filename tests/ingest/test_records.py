"""A collected record's own fields (database rows, front matter) and what they decide."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from explore.ingest.clean import split_paragraphs
from explore.ingest.meta import infer_meta
from explore.ingest.records import record_fields

# the opening of a gov.cn policy dump's row (eval/docs/db_01), its long content cut
ROW = (
    "insert into ge_policy_raw (id, crawl_url, crawl_time, index_number, title, release_office, release_number, "
    "content) values (39, 'http://www.gov.cn/zhengce/content/2018-12/05/content_5345808.htm', '2019-02-17 15:29:41', "
    "'000014349/2018-00212', '国务院关于做好当前和今后一个时期促进就业工作的若干意见', '国务院', '国发〔2018〕39号', '"
)


def test_a_database_row_states_its_title_issuer_and_number():
    assert record_fields([ROW, "各省、自治区、直辖市人民政府："]) == {
        "title": "国务院关于做好当前和今后一个时期促进就业工作的若干意见",
        "issuer": "国务院",
        "number": "国发〔2018〕39号",
    }
    # quotes doubled or escaped inside a value, null, and a row with other names
    row = "INSERT INTO `docs` (`id`, `标题`, `发文机关`) VALUES (7, '关于''放管服''的通知', NULL);"
    assert record_fields([row]) == {"title": "关于'放管服'的通知"}
    assert record_fields(["insert into t (id, name) values (1, 'a\\'b')"]) == {"title": "a'b"}


def test_front_matter_states_a_posts_title_and_date():
    post = ["", "---", "title: '1-7月宁夏扩大有效投资重大项目推进情况'", "author: 新浪财经", "---", "正文。"]
    assert record_fields(post) == {"title": "1-7月宁夏扩大有效投资重大项目推进情况"}
    dated = ["---", "title: x", "date: Tue, 08 Feb 2022 08:00:05 GMT", "---"]
    assert record_fields(dated) == {"title": "x", "published": "2022-02-08"}
    assert record_fields(["---", "title: x", "date: 2021-8-20 10:00", "---"])["published"] == "2021-08-20"
    assert "published" not in record_fields(["---", "title: x", "date: 上周", "---"])
    # a database row's dates are the crawler's, never taken
    assert "published" not in record_fields([ROW.replace("content)", "date, content)")])
    assert record_fields(["---", "title: x", "pubdate: 2021-08-20", "---"])["published"] == "2021-08-20"
    assert record_fields(["---", "title: 未闭合", "正文"]) == {}  # never closed: no front matter
    assert record_fields(["title: 不在开头的字段", "正文"]) == {}


def test_a_crawlers_item_as_json_or_as_field_lines_states_its_title():
    item = '{"title": "关于加快推进城市更新的实施意见", "pubtime": "2023-03-06", "content": "为加快推进城市更新。"}'
    assert record_fields([item])["title"] == "关于加快推进城市更新的实施意见"
    assert record_fields(['{"标题": "关于X的通知",', '"正文": "现将…"}'])["title"] == "关于X的通知"  # over lines
    lines = [
        "title: 关于加快推进城市更新的实施意见",
        "url: http://www.example.gov.cn/a.html",
        "content: 为加快推进城市更新。",
    ]
    assert record_fields(lines)["title"] == "关于加快推进城市更新的实施意见"
    assert record_fields(["{不是JSON", "正文"]) == {} and record_fields(["[1, 2]"]) == {}
    assert record_fields(["url: http://a.cn", "author: 张三"]) == {}  # no field it reads


def test_text_that_is_no_record_has_no_fields():
    assert record_fields([]) == {}
    assert record_fields(["罗湖区2017年改革计划", "一、总体要求"]) == {}


def test_a_posts_date_is_its_published_date_and_year():
    doc = split_paragraphs(
        "---\ntitle: 浙江省政府发文\ndate: Tue, 08 Feb 2022 08:00:05 GMT\n---\n浙江省进一步加强投资工作。\n"
    )
    meta = infer_meta(doc, doc.simplified)
    assert (meta.published, meta.year) == ("2022-02-08", 2022)


def test_the_rows_title_and_issuer_win_over_its_lines():
    text = (
        ROW + "\n促进就业工作的若干意见\n国发〔2018〕39号\n各省、自治区、直辖市人民政府，国务院各部委、各直属机构：\n"
    )
    doc = split_paragraphs(text + "当前我国就业形势总体平稳。\n")
    meta = infer_meta(doc, doc.simplified)
    assert meta.title == "国务院关于做好当前和今后一个时期促进就业工作的若干意见"
    assert (meta.issuer, meta.level) == ("国务院", "national")


@given(st.lists(st.text(max_size=80), max_size=6))
@settings(max_examples=200, deadline=None)
def test_any_lines_give_fields_or_none(lines):
    fields = record_fields(lines)
    assert set(fields) <= {"title", "issuer", "number", "published"}
    assert all(isinstance(v, str) and v for v in fields.values())


@given(st.text(alphabet="insert into t(a,b)values'\"\\ null,)0123", max_size=120))
@settings(max_examples=300, deadline=None)
def test_any_sql_like_line_is_read_without_failing(line):
    record_fields([line])


def test_a_rows_values_may_begin_on_the_line_after_its_columns():
    # a website CMS backup (广州 2012): "INSERT INTO `post` (…) VALUES" / "('10','11','news','title',…"
    lines = ["INSERT INTO `post` (`id`,`category_id`,`model`,`title`,`content`) VALUES",
             "('10','11','news','关于推进人才集聚工程的实施意见','", "为深入贯彻科学发展观…"]  # fmt: skip
    assert record_fields(lines) == {"title": "关于推进人才集聚工程的实施意见"}


def test_a_row_exported_as_csv_or_tsv_is_read_under_its_header():
    content = '"<h1>某某区召开全体会议</h1>各区人民政府，市直各单位："'
    assert record_fields(["id,title,content", f"1,关于X的通知,{content}"]) == {"title": "关于X的通知"}
    assert record_fields(["序号\t标题\t发布机构", "1\t关于X的通知\t某某市人民政府办公室"]) == {
        "title": "关于X的通知",
        "issuer": "某某市人民政府办公室",
    }
    # prose with a comma, a header with no title column, a header with no row: no record
    assert record_fields(["各位代表,现在我代表市人民政府向大会报告工作,请予审议", "一"]) == {}
    assert record_fields(["id,content", "1,正文"]) == {}
    assert record_fields(["id,title"]) == {}
    # a header's names quoted; two columns are a record
    assert record_fields(['"id","title","url"', "1,关于X的通知,http://x"])["title"] == "关于X的通知"
    assert record_fields(["title,url", "关于X的通知,http://x"]) == {"title": "关于X的通知"}
    # an export cut in its second row: the first holds the document's text (dev7324)
    text = "第141271号建议收悉。现答复如下：一、关于推动双莱一体化发展，我市高度重视，已将其纳入全市发展规划统筹推进。"
    assert record_fields(
        ["record_id,title,joint_issuing_authorities,full_text", f"1,关于X的答复,,{text}", "2,关于"]
    ) == {"title": "关于X的答复"}
    # a policy dataset's Policy column (dev7325), a list's 文件 column (dev7327)
    assert (
        record_fields(["Policy,Year,Country", "国务院批转某部关于X的报告,1980,China"])["title"]
        == "国务院批转某部关于X的报告"
    )
    assert record_fields(["城市,文件,时间,url", "太原,关于化解房地产库存的实施意见,42606,https://x"])["title"] == (
        "关于化解房地产库存的实施意见"
    )
    # a table of items under a 名称 column is a document's table, not its record
    assert record_fields(["序号,名称,牵头单位", "1,老旧小区改造,区住建局", "2,新建学校,区教育局"]) == {}


def test_a_part_marker_is_no_part_of_a_title():
    from explore.ingest.title_clean import clean_title

    assert clean_title("武汉市人民政府2023年《政府工作报告》目标任务责任分解方案(下)").endswith("分解方案")
    assert clean_title("关于印发实施方案(试行)的通知") == "关于印发实施方案(试行)的通知"


def test_a_posts_front_matter_is_its_records_and_set_aside_from_its_text():
    doc = split_paragraphs(
        "---\ntitle: 关于X的通知\nurl: http://x.gov.cn\n---\n各乡镇人民政府：\n现将有关事项通知如下。"
    )
    assert doc.record == {"title": "关于X的通知"}
    assert doc.paragraphs == ["各乡镇人民政府：", "现将有关事项通知如下。"]
    assert doc.chrome == ["---", "title: 关于X的通知", "url: http://x.gov.cn", "---"]
