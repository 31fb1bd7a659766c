"""Dates on small cases shaped like documents in eval/ (none from the seeds): a speaker line,
an adoption line, a signature, a dateline, a field table's date, page stamps."""

import pytest

from explore.ingest.dates import (
    dateline_date,
    find_date,
    is_signing_line,
    iso,
    issued_field_date,
    published_date,
    signing_date,
    speaker_date,
)


@pytest.mark.parametrize(
    ("paras", "iso"),
    [
        (["政府工作报告", "——2019年1月17日在县第十七届人民代表大会第三次会议上"], "2019-01-17"),
        (["政府工作报告", "——2025年1月15日在区第七届人民代表大会第五次会议上"], "2025-01-15"),
        (["关于政府工作报告的决议", "(2017年1月23日县十六届人民代表大会第一次会议通过)"], "2017-01-23"),
        (["报告全文", "——2019年1月25日在深圳市宝安区", "第六届人民代表大会第四次会议上"], "2019-01-25"),
        (["——在陇县第十七届人民代表大会第四次会议上", "县长 赵甲宏(2020年1月8日)"], "2020-01-08"),
        (["汉台区政府工作报告", "——2022324日在汉台区人民代表大会会议上"], "2022-03-24"),
        (["全县经济增长6.5%,到2025年达到新水平。"], ""),
    ],
)
def test_speaker_and_adoption_dates(paras, iso):
    assert speaker_date(paras) == iso


def test_signing_date_under_the_organ_before_an_attachment():
    paras = ["关于印发工作事项的通知", "各区人民政府:", "现将工作事项印发给你们。", "广州市人民政府办公厅",
             "二○○六年四月二十八日", "工作事项", "一、构建现代产业体系"]  # fmt: skip
    assert signing_date(paras) == "2006-04-28"


def test_a_squashed_date_reads_the_way_nearest_the_page_date():
    assert find_date("2022121日", squashed=True, near="2022-01-21") == "2022-01-21"
    assert find_date("2022121日", squashed=True) == "2022-01-21"
    assert find_date("2022年12月1日") == "2022-12-01"


@pytest.mark.parametrize(
    ("paras", "published", "iso"),
    [
        (["红网时刻新闻12月23日讯(记者 胡芳)12月23日,雨花区人代会召开。"], "2025-12-24", "2025-12-23"),
        (["香港新闻网3月5日电 深圳前海日前推出行动方案。"], "2025-03-05", "2025-03-05"),
        (["20日,省政府在高淳召开全省工作会议。"], "2018-07-22", "2018-07-20"),
        (["21日下午,我市召开新闻发布会。"], "2012-02-22", "2012-02-21"),
        (["本网讯(记者 游凤)3月6日,县人代会开幕。"], "", ""),  # no year anywhere: not guessed
        (["12月30日电 某市召开会议。"], "2026-01-02", "2025-12-30"),
        (["再释善意", "继文旅部宣布恢复赴马祖旅游后,福建省28日再推出新一波措施。"], "2024-04-29", "2024-04-28"),
        (["各单位要在25日前报送材料。"], "2024-04-29", ""),  # a deadline, not a date
        (["某县30日起实施新规。"], "2024-04-29", ""),
        (["福建省28日再推出新措施。"], "", ""),
    ],
)
def test_datelines_complete_from_the_page(paras, published, iso):
    assert dateline_date(paras, published=published) == iso


def test_published_is_the_page_stamp_not_the_signature():
    assert published_date(["发布时间:2018-07-22 11:08:39,阅读次数:261"]) == "2018-07-22"
    assert published_date(["2026年3月14日"]) == ""  # a bare 年月日 line is how documents sign
    assert published_date([], ["一图读懂", "2025-12-24 16:58:33 字号:"]) == "2025-12-24"
    assert published_date([], ["image", "20240429黄欣/综合报导"]) == "2024-04-29"
    assert dateline_date(["本网讯(记者 游凤)3月6日,县人代会开幕。"], published="", year=2019) == "2019-03-06"


def test_issued_field_dates():
    assert issued_field_date(["成文日期 | 2025-02-28 | 发布日期 | 2025-03-01"]) == "2025-02-28"
    assert issued_field_date(["发文日期", "2022-07-14"]) == "2022-07-14"
    assert issued_field_date(["成文日期: | 发布日期: | 2020-04-09 08:44 | |"]) == ""
    assert issued_field_date(["成文日期:2021年3月5日"]) == "2021-03-05"
    assert issued_field_date(["正文。"] * 40 + ["成文日期:2021年3月5日"]) == ""
    assert issued_field_date([]) == ""


@pytest.mark.parametrize(
    ("line", "signs"),
    [
        ("2023年3月5日", True),
        ("二〇二三年三月五日", True),  # a signature written in Chinese numerals (eval/ resolutions, notices)
        (" 二○一九年十二月三十一日 ", True),
        ("二〇二三年三月五日印发", False),  # a 印发 line stamps the printing, not the signature
        ("发布日期：2023年3月5日", False),
    ],
)
def test_a_bare_date_line_signs_a_document(line, signs):
    assert is_signing_line(line) is signs


@pytest.mark.parametrize(
    ("near", "date"),
    [
        ("2022-12-01", "2022-12-01"),  # the reading on the day it is near counts as on or before it
        ("2022-06-01", "2022-01-21"),  # only 1月21日 stands before it
        ("", "2022-01-21"),  # nothing to be near: the first reading
    ],
)
def test_a_squashed_date_reads_the_way_nearest_before_its_neighbour(near, date):
    # 2022121日 with 年 and 月 lost reads 1月21日 or 12月1日 (scraped signature lines in eval/)
    assert find_date("2022121日", squashed=True, near=near) == date


@pytest.mark.parametrize(
    ("para", "published", "expected"),
    [
        ("新华社北京2019年3月6日电 国务院召开常务会议。", "", "2019-03-06"),
        ("本报讯 2020年12月1日,区委召开会议。", "2021-01-05", "2020-12-01"),
        ("28日,市政府召开常务会议。", "2025-03-05", "2025-02-28"),
        ("30日,市政府召开常务会议。", "2025-01-02", "2024-12-30"),
        ("5日,市政府召开常务会议。", "2025-03-05", "2025-03-05"),
        ("3日上午,区委召开会议。", "2025-03-05", "2025-03-03"),
        ("5日起实施新规定。", "2025-03-05", ""),
        ("4月18日上午,区人代会召开。", "2022-04-19", "2022-04-18"),
        ("12月20日,区人代会召开。", "2023-01-03", "2022-12-20"),
        ("本网讯 6日,县人代会开幕。", "2019-03-07", "2019-03-06"),
    ],
)
def test_dateline_edges(para, published, expected):
    assert dateline_date([para], published=published) == expected


def test_dateline_is_read_only_near_the_top():
    paras = [f"第{i}段。" for i in range(16)] + ["20日,省政府召开会议。"]
    assert dateline_date(paras, published="2018-07-22") == ""
    assert dateline_date([*paras[:15], "20日,省政府召开会议。"], published="2018-07-22") == "2018-07-20"


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("2019年1月17日", "2019-01-17"),
        ("2019-1-7", "2019-01-07"),
        ("2019/01/17 10:00", "2019-01-17"),
        ("2019.1.17", "2019-01-17"),
        ("二〇一九年一月十七日", "2019-01-17"),
        ("二〇一九年十二月三十一日", "2019-12-31"),
        ("2019年2月30日", ""),
        ("1948年1月1日", ""),
        ("2101年1月1日", ""),
        ("会议于2019年1月17日和2019年2月1日", "2019-01-17"),
        ("二〇一九年一月十七日 2020年1月1日", "2019-01-17"),
    ],
)
def test_find_date_edges(line, expected):
    assert find_date(line) == expected


def test_iso_bounds():
    assert iso(1949, 1, 1) == "1949-01-01"
    assert iso(2100, 12, 31) == "2100-12-31"
    assert iso(1948, 12, 31) == "" and iso(2101, 1, 1) == "" and iso(2020, 13, 1) == ""


def test_squashed_dates_only_when_asked():
    assert find_date("2022324日") == ""
    assert find_date("2022324日", squashed=True) == "2022-03-24"
    assert find_date("20221231日", squashed=True) == "2022-12-31"
    assert find_date("2022121日", squashed=True, near="2022-12-05") == "2022-12-01"
    assert find_date("2022121日", squashed=True, near="2022-06-01") == "2022-01-21"


@pytest.mark.parametrize(
    ("paras", "expected"),
    [
        (["——2019年1月17日在县人民代表大会第三次会议上"], "2019-01-17"),
        (["(2019年1月11日市人民代表大会第四次会议通过)"], "2019-01-11"),
        (["2019年1月17日在县人民代表大会会议上的讲话"], "2019-01-17"),
        (["在县第十七届人民代表大会第三次会议上", "县长 张三", "2019年1月17日"], "2019-01-17"),
        (["在县第十七届人民代表大会第三次会议上", "县长 张三", "李四", "2019年1月17日"], ""),
        (["县人民代表大会第三次会议于2019年1月17日召开,会议听取了报告,审议通过了各项决议,"
          "会议号召全县人民团结一致,为实现今年目标而努力奋斗,全体代表一致同意。" * 2], ""),
        (["今年目标:到2025年达到新水平。"], ""),
    ],
)  # fmt: skip
def test_speaker_date_edges(paras, expected):
    assert speaker_date(paras) == expected


def test_speaker_date_only_in_the_opening():
    paras = [f"第{i}段正文。" for i in range(40)] + ["——2019年1月17日在县人民代表大会会议上"]
    assert speaker_date(paras) == ""
    assert speaker_date(paras[:39] + paras[-1:]) == "2019-01-17"


@pytest.mark.parametrize(
    ("paras", "expected"),
    [
        (["正文。", "某某县人民政府", "2021年3月5日"], "2021-03-05"),
        (["正文。", "某某县人民政府办公室", "2021年3月5日", "附件"], "2021-03-05"),
        (["正文。", "某某县人民政府", "2021年3月5日,县政府召开会议,部署工作。"], ""),
        (["正文。"] * 10 + ["2021年3月5日"], "2021-03-05"),
        (["2021年3月5日"] + ["正文。"] * 10, ""),
        ([], ""),
    ],
)
def test_signing_date_edges(paras, expected):
    assert signing_date(paras) == expected


def test_published_prefers_a_labelled_stamp():
    assert published_date(["来源:县政府办", "发布时间:2021-03-05"]) == "2021-03-05"
    assert published_date(["2021-03-01 09:00", "发布时间:2021-03-05"]) == "2021-03-05"
    assert published_date(["2021-03-01 09:00"]) == "2021-03-01"
    assert published_date([], ["正文,2021-03-01 09:00 之后" * 10]) == ""
    assert published_date([], [f"第{i}段" for i in range(6)] + ["2021-03-01 09:00"]) == ""


@pytest.mark.parametrize(
    ("paras", "near", "expected"),
    [
        (["正文。", "某某县人民政府", "2022121日"], "2022-01-25", "2022-01-21"),
        (["正文。", "某某县人民政府", "2022121日"], "2022-12-25", "2022-12-01"),
        (["正文。", "某" * 28 + "人民政府", "2021年3月5日"] + ["附件内容。"] * 8, "", ""),
        (["正文。", "某某县人民政府", "2021年3月5日 " + "备" * 12] + ["附件内容。"] * 8, "", ""),
        (["正文。", "某某县人民政府", "2021年3月5日,印发"] + ["附件内容。"] * 8, "", ""),
        (["正文。", "某某县人民政府", "2021年3月5日(此件公开发布)"] + ["附件内容。"] * 8, "", "2021-03-05"),
        (["正文。", "某某县人民政府", "二〇二一年三月五日"] + ["附件内容。"] * 8, "", "2021-03-05"),
        (["2021年3月5日"] + ["正文。"] * 6, "", ""),
        (["正文。"] * 6 + ["2021年3月5日", "正文。"], "", "2021-03-05"),
        (["正文。", "2021年3月5日" + "(" + "字" * 40 + ")"], "", ""),
    ],
)  # fmt: skip
def test_signing_date_more_edges(paras, near, expected):
    assert signing_date(paras, near=near) == expected


def test_a_law_librarys_bracketed_date_field_in_the_first_lines_is_the_page_date():
    from explore.ingest.dates import published_date

    row = "【发布文号】哈政办发[2005]22号 【发布日期】2005-12-21 【生效日期】2006-01-01 【失效日期】"
    assert (
        published_date([], ["第一篇:关于印发意见的通知", "【发布单位】哈尔滨市", row, "关于印发意见的通知"])
        == "2005-12-21"
    )
    # only the page's date field: a 生效日期 alone is no page date
    assert published_date([], ["【生效日期】2006-01-01", "正文。"]) == ""
    assert published_date([], ["【发布日期】", "正文。"]) == ""  # an empty field
