import pytest

from explore.ingest.clean import split_paragraphs
from explore.ingest.dates import find_date
from explore.ingest.gazetteer import count_mentions, infer_places
from explore.ingest.meta import Meta, apply_override, infer_meta, infer_year


@pytest.mark.parametrize(
    ("line", "iso"),
    [
        ("发布日期:2017-03-28", "2017-03-28"),
        ("2021-09-27 07:45", "2021-09-27"),
        ("来源:某报 2020/04/17 09:42", "2020-04-17"),
        ("2019年3月5日", "2019-03-05"),
        ("二〇一七年三月二十八日", "2017-03-28"),
        ("2017年全年推进12个项目", ""),
        ("2017-13-40", ""),
        ("", ""),
    ],
)
def test_find_date(line, iso):
    assert find_date(line) == iso


@pytest.mark.parametrize(
    ("text", "title", "date", "year"),
    [
        ("2017年推进12个项目。2017年完成。2017年成效。2018年将深化改革。", "", "", 2018),
        ("2018年要推进改革,到2035年基本实现现代化,2020年前完成。", "", "", 2018),
        ("计划如下。", "深圳市罗湖区2017年改革计划", "", 2017),
        # a plan's report days, the last one in the next year (广东 2022 task division): deadlines, not its year
        (
            "将2022年省《政府工作报告》确定的目标分解。于2022年3月15日前报送。分别于2022年4月10日、10月10日和2023年1月10日前报送。",
            "",
            "",
            2022,
        ),
        ("2022年开展调研。2023年1月起施行。", "", "", 2023),  # a day something starts is no deadline
        ("2019年将……", "", "2020-01-02", 2020),
        ("", "", "", None),
    ],
)
def test_infer_year(text, title, date, year):
    assert infer_year(text, title=title, date=date) == year


@pytest.mark.parametrize(
    ("text", "district", "city", "province"),
    [
        ("罗湖区推进改革。罗湖将深化改革,罗湖区委部署。", "罗湖区", "深圳市", "广东省"),
        ("正定县深化改革。正定县推进放管服,正定加强基层治理。石家庄市部署。", "正定县", "石家庄市", "河北省"),
        # A whole-city document that mentions several districts once each has no district.
        ("深圳市全面深化改革。深圳将推进。深圳市要求罗湖区、福田区、南山区、龙岗区各自落实。", "", "深圳市", "广东省"),
        ("坪山区和光明区是深圳的新区。坪山区推进改革,坪山加强治理。", "坪山区", "深圳市", "广东省"),
        ("海口市龙华区推进改革,龙华区深化改革。", "龙华区", "海口市", "海南省"),
        ("各单位要加强改革工作。", "", "", ""),
        ("", "", "", ""),
        # short names of provinces and cities count (宁夏, 银川; the tree's lines end in CRLF)
        ("1-7月宁夏扩大有效投资。银川市重大项目推进。宁夏各地加快建设。", "", "银川市", "宁夏回族自治区"),
        # a province's document names its cities in passing; its own name is what it repeats
        ("福建出台措施。福建省各地落实,福建将奖励。福州市、厦门市获奖励。福建表彰。", "", "", "福建省"),
        # a city named only bare (成都) speaks for its province, not for the city
        ("四川省推进西部大开发。支持成都建设国家中心城市,成都加快发展。", "", "", "四川省"),
    ],
)
def test_infer_places(text, district, city, province):
    places = infer_places(text)
    assert (places.district, places.city, places.province) == (district, city, province)


def test_infer_meta_of_an_official_notice():
    doc = split_paragraphs(
        "发布日期:2019-05-06\n名 称:关于印发《福田区2019年改革计划》的通知\n文 号:福办发〔2019〕3号\n"
        "福田区各单位:现将计划印发给你们,福田区各单位要认真执行。"
    )
    meta = infer_meta(doc, doc.simplified)
    assert meta == Meta(
        district="福田区",
        city="深圳市",
        province="广东省",
        year=2019,
        date="",
        published="2019-05-06",
        title="关于印发《福田区2019年改革计划》的通知",
        source="",
        doc_type="official document",
        level="county",
        issuer="",  # 福办发 abbreviates its issuer; no organ is written out
        doc_number="福办发〔2019〕3号",  # its field, labelled with the label's characters spaced
        genre="通知",  # 关于印发《…计划》的通知 is a notice
    )


def test_overrides_are_checked():
    meta = apply_override(Meta(), {"district": "南山区", "year": "2016", "date": "2016/1/2", "doc_type": "other"})
    assert (meta.district, meta.year, meta.date) == ("南山区", 2016, "2016-01-02")
    assert apply_override(Meta(), {"level": "national", "issuer": "国务院"}).level == "national"
    with pytest.raises(ValueError, match="level must be one of"):
        apply_override(Meta(), {"level": "district"})
    with pytest.raises(ValueError, match="year must be four digits"):
        apply_override(Meta(), {"year": "twenty"})
    with pytest.raises(ValueError, match="doc_type must be one of"):
        apply_override(Meta(), {"doc_type": "poem"})


def test_read_overrides(tmp_path):
    from explore.ingest.meta import read_overrides

    assert list(read_overrides(tmp_path).columns) == ["file"]
    (tmp_path / "metadata.csv").write_text("file,district,published\na.txt,罗湖区,2020-01-02\n", encoding="utf-8")
    table = read_overrides(tmp_path)
    assert table.to_dict("records") == [{"file": "a.txt", "district": "罗湖区", "published": "2020-01-02"}]
    (tmp_path / "metadata.csv").write_text("name,district\na.txt,罗湖区\n", encoding="utf-8")
    with pytest.raises(ValueError, match="needs a 'file' column"):
        read_overrides(tmp_path)
    (tmp_path / "metadata.csv").write_text("file,colour\na.txt,red\n", encoding="utf-8")
    with pytest.raises(ValueError, match=r"unknown columns \['colour'\]"):
        read_overrides(tmp_path)
    (tmp_path / "metadata.csv").write_bytes(b"\xff\xfe\x00bad")
    with pytest.raises(ValueError, match="cannot be read"):
        read_overrides(tmp_path)


def test_overrides_are_read_as_written(tmp_path):
    from explore.ingest.meta import OVERRIDABLE, read_overrides

    # Excel's BOM before the header; a year stays text, a place called NA stays NA, an empty cell ''
    (tmp_path / "metadata.csv").write_bytes("\ufefffile,year,district,date\na.txt,2019,NA,\n".encode())
    assert read_overrides(tmp_path).to_dict("records") == [
        {"file": "a.txt", "year": "2019", "district": "NA", "date": ""}
    ]
    (tmp_path / "metadata.csv").write_text("district\n罗湖区\n", encoding="utf-8")
    with pytest.raises(ValueError, match=r"^metadata\.csv needs a 'file' column naming each document$"):
        read_overrides(tmp_path)
    (tmp_path / "metadata.csv").write_text("file,colour\na.txt,red\n", encoding="utf-8")
    with pytest.raises(ValueError) as err:
        read_overrides(tmp_path)
    assert str(err.value) == f"metadata.csv has unknown columns ['colour']; allowed: file, {', '.join(OVERRIDABLE)}"


@pytest.mark.parametrize(
    ("lines", "source"),
    [
        (["来源:深圳特区报 2021-09-27"], "深圳特区报"),
        (["信息来源:罗湖区政府办"], "罗湖区政府办"),
        (["发布机构:罗湖区人民政府办公室"], "罗湖区人民政府办公室"),
        (["深圳特区报记者 赵新明"], "深圳特区报"),
        (["(罗湖社区家园报记者 张三)"], "罗湖社区家园报"),
        (["正文没有来源。"], ""),
    ],
)
def test_infer_source(lines, source):
    from explore.ingest.meta import infer_source

    doc = split_paragraphs("\n".join(lines))
    assert infer_source(doc) == source


def test_apply_override_of_each_field():
    meta = apply_override(Meta(), {"published": "2020年1月2日", "title": " 标题 ", "source": "", "city": "深圳市"})
    assert (meta.published, meta.title, meta.source, meta.city) == ("2020-01-02", "标题", "", "深圳市")
    with pytest.raises(ValueError, match="published must be like"):
        apply_override(Meta(), {"published": "soon"})


def test_a_work_report_that_only_reviews_its_year_is_the_next_years():
    review = "各位代表：现在，我代表市人民政府，向大会报告工作。过去一年，2019年全市生产总值增长7%。"
    assert infer_year(review, report=True) == 2020
    assert infer_year(review) == 2019  # not a report: the latest year it names
    # a report that plans the year it names is that year's
    plans = review + "2019年主要预期目标是：生产总值增长7%。"
    assert infer_year(plans, report=True) == 2019
    doc = split_paragraphs("各位代表：\n" + review)
    meta = infer_meta(doc, doc.simplified)
    assert (meta.doc_type, meta.year) == ("report", 2020)


def test_a_document_s_places_do_not_depend_on_the_documents_read_before_it():
    # a Gansu report names 兰州新区 in full; a later document that says 兰州 means the city
    later = "关于在兰州设立综合配套改革试验区事宜。兰州市人民政府。兰州的发展，兰州的未来，兰州的改革。"
    before = count_mentions(later)
    count_mentions("兰州新区建设加快推进，兰州新区经济总量增长。")
    assert count_mentions(later) == before
    assert not any(p.name == "兰州新区" for p in before)


_NOTICE = (
    "来源：泾县人民政府网 发布时间：2023-03-10\n泾县人民政府关于分解落实2023年政府工作报告目标任务的通知\n泾政〔2023〕5号\n"
    "各乡镇人民政府，县政府各部门：\n现将2023年县政府工作报告目标任务分解如下，请认真贯彻落实。\n"
    "一、新建幼儿园3所（牵头单位：县教育局）\n泾县人民政府\n2023年3月8日"
)
_REPORT = (
    "政府工作报告\n——2022年1月10日在西平县第十五届人民代表大会第一次会议上\n西平县人民政府县长 张三\n各位代表：\n"
    "现在，我代表县人民政府向大会报告工作，请予审议，并请各位政协委员提出意见。\n一、2021年工作回顾\n"
    "西平县全年地区生产总值增长6%。西平县新增就业1万人。"
)
_NEWS = (
    "本报讯（记者 李四）2024年3月5日，盐池县召开民生实事推进会。\n"
    "会议要求，盐池县各部门要加快推进2024年十件民生实事。盐池县将新建幼儿园3所。"
)


@pytest.mark.parametrize(
    ("text", "meta"),
    [
        # a county's notice: its page's fields, its title, number, signing organ and date
        (
            _NOTICE,
            Meta(
                "泾县",
                "宣城市",
                "安徽省",
                2023,
                "2023-03-08",
                "2023-03-10",
                "泾县人民政府关于分解落实2023年政府工作报告目标任务的通知",
                "泾县人民政府网",
                "official document",
                "county",
                "泾县人民政府",
                "泾政〔2023〕5号",
                "通知",
            ),
        ),
        # a work report: dated by its speaker line, given by the government its speaker heads
        (
            _REPORT,
            Meta(
                "西平县",
                "驻马店市",
                "河南省",
                2022,
                "2022-01-10",
                "",
                "政府工作报告",
                "",
                "report",
                "county",
                "西平县人民政府",
                "",
                "报告",
            ),
        ),
        # a news item: dated by its first sentence, no title line, no issuer
        (
            _NEWS,
            Meta(
                "盐池县",
                "吴忠市",
                "宁夏回族自治区",
                2024,
                "2024-03-05",
                "",
                "",
                "",
                "news report",
                "county",
                "",
                "",
                "",
            ),
        ),
    ],
)
def test_a_documents_whole_metadata(text, meta):
    doc = split_paragraphs(text, simplify=False)
    assert infer_meta(doc, doc.simplified) == meta


def test_an_undated_document_is_the_year_of_its_own_number():
    # an undated opinion whose title names no year (内蒙古 2018, Traditional mirror): its 发文字号's year
    body = "各盟行政公署、市人民政府:\n为贯彻落实《国务院关于印发规划的通知》(国发〔2016〕79号)精神,2020年底前完成。"
    doc = split_paragraphs("內政辦發〔2018〕1號\n内蒙古自治区人民政府办公厅关于促进民族地区发展的意见\n" + body)
    meta = infer_meta(doc, doc.simplified)
    assert (meta.doc_number, meta.year) == ("內政辦發〔2018〕1號", 2018)
    assert infer_year("2016年", numbered=2018) == 2018
    assert infer_year("", title="2019年工作要点", numbered=2018) == 2019  # the title's year first
    assert infer_year("", date="2019-01-02", numbered=2018) == 2019
    assert infer_year("2016年", published="2021-01-01") == 2021  # a page's year after the number's
    assert infer_year("2016年", numbered=2018, published="2021-01-01") == 2018


def test_a_national_bodys_document_names_places_it_is_not_from():
    # a State Council opinion (国发〔2018〕42号 shaped) that names a county's pilot: the nation's, no place
    text = ("国务院关于加快推进农业机械化的指导意见\n国发〔2018〕42号\n各省、自治区、直辖市人民政府,国务院各部委、各直属机构:\n"
            "总结推广河南省范县、濮阳市等地经验,范县率先实现全程机械化。\n国务院\n2018年12月12日")  # fmt: skip
    doc = split_paragraphs(text)
    meta = infer_meta(doc, doc.simplified)
    assert (meta.issuer, meta.level) == ("国务院", "national")
    assert (meta.district, meta.city, meta.province) == ("", "", "")
