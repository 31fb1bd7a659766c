"""What a 发文字号 looks like, on numbers from documents of many places and kinds (none a seed's):
every bracket, Chinese numerals, orders and 公告 without a year, and what is no number."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from explore.ingest.doc_number_forms import parse_number


@pytest.mark.parametrize(
    ("text", "parts"),
    [
        ("浙政办发〔2019〕7号", ("浙政办发〔2019〕7号", "浙政办发", 2019, 7)),
        ("川辦函〔2017〕113號", ("川辦函〔2017〕113號", "川辦函", 2017, 113)),  # Traditional, as written
        ("增府辦規[2020]6號", ("增府辦規[2020]6號", "增府辦規", 2020, 6)),
        ("罗办发（2017）1号", ("罗办发（2017）1号", "罗办发", 2017, 1)),
        ("京政发〔２０２０〕３号", ("京政发〔２０２０〕３号", "京政发", 2020, 3)),  # full-width digits kept
        ("京兴政办发〔2023〕1 号", ("京兴政办发〔2023〕1 号", "京兴政办发", 2023, 1)),
        ("国办发【2019】第39号", ("国办发【2019】第39号", "国办发", 2019, 39)),
        ("豫政 〔2023〕 5号", ("豫政 〔2023〕 5号", "豫政", 2023, 5)),
        # older and typed-out numbers write year and serial in Chinese numerals (〇 as ○ in scrapes)
        ("黑政办发〔二〇〇七〕12号", ("黑政办发〔二〇〇七〕12号", "黑政办发", 2007, 12)),
        ("吉政发〔二○○五〕第十二号", ("吉政发〔二○○五〕第十二号", "吉政发", 2005, 12)),
        ("京政发〔2016〕二十九号", ("京政发〔2016〕二十九号", "京政发", 2016, 29)),
        # a national body's 公告, numbered by year without brackets, joint issuers spaced
        ("国家税务总局公告2019年第3号", ("国家税务总局公告2019年第3号", "国家税务总局公告", 2019, 3)),
        ("财政部 税务总局公告2023年第1号", ("财政部 税务总局公告2023年第1号", "财政部 税务总局公告", 2023, 1)),
        # a ministry's full name holds 和; its 公告 may be numbered by serial alone
        ("工业和信息化部公告2019年第3号", ("工业和信息化部公告2019年第3号", "工业和信息化部公告", 2019, 3)),
        ("国家知识产权局公告第三二〇号", ("国家知识产权局公告第三二〇号", "国家知识产权局公告", None, 320)),
        ("农业农村部公告第 1 号", ("农业农村部公告第 1 号", "农业农村部公告", None, 1)),
        # a ministry's order numbered by year
        ("交通运输部令2019年第1号", ("交通运输部令2019年第1号", "交通运输部令", 2019, 1)),
        # an abbreviation opening with a character sentences use as a small word (和政县, 和龙市)
        ("和政发〔2019〕3号", ("和政发〔2019〕3号", "和政发", 2019, 3)),
        ("和龙政办发〔2021〕12号", ("和龙政办发〔2021〕12号", "和龙政办发", 2021, 12)),
        # brackets dropped: the year runs on after the abbreviation's last character
        ("滨教函202011号", ("滨教函202011号", "滨教函", 2020, 11)),
        ("罗办发?2017?1号", ("罗办发?2017?1号", "罗办发", 2017, 1)),
    ],
)
def test_a_number_is_read_with_its_parts_as_written(text, parts):
    found = parse_number(f"文号:{text}。")
    assert found is not None and (found.text, found.org, found.year, found.serial) == parts


@pytest.mark.parametrize(
    "text",
    [
        "",
        "2019年7号文件",
        "第〔2019〕号",
        "某某〔1899〕3号",
        "索引号:11440300/2017-00123",
        "二〇〇七年十二号",
        "某某〔三〇〇七〕3号",
        "某某〔一〇〇七〕3号",
        "编号为20171号",  # no bracket, and no abbreviation of a document's kind before the year
        "罗办发二〇一七一号",  # no bracket, numerals: which are the year's?
    ],
)
def test_what_is_no_number(text):
    assert parse_number(text) is None


@given(st.sampled_from(["浙政办发", "川辦函", "罗办发"]), st.integers(1990, 2099), st.integers(1, 9999),
       st.sampled_from(["〔〕", "[]", "()", "（）", "【】", "﹝﹞", "［］", "〈〉", "〖〗", "<>"]), st.text(alphabet="，。的和 :", max_size=5))  # fmt: skip
def test_every_bracket_and_serial_reads_back(org, year, serial, brackets, around):
    written = f"{org}{brackets[0]}{year}{brackets[1]}{serial}号"
    found = parse_number(around + written + around)
    assert found is not None and (found.text, found.org, found.year, found.serial) == (written, org, year, serial)


@pytest.mark.parametrize(
    ("text", "org", "serial"),
    [
        ("渝府令第 121 号", "渝府令", 121),  # dev437 in eval/dev: a government order's number has no year
        ("国务院令第708号", "国务院令", 708),
        ("中华人民共和国国务院令 第 708 号", "中华人民共和国国务院令", 708),
        ("广东省人民政府令第二七〇号", "广东省人民政府令", 270),
        # dev477 in eval/dev: a president's order names the congress in brackets, closed after 号
        ("中华人民共和国主席令(九届第37号)", "中华人民共和国主席令", 37),
        ("主席令（十三届第 5 号）", "主席令", 5),
        ("住房和城乡建设部令第55号", "住房和城乡建设部令", 55),  # a full name holding 和
        ("国家发展和改革委员会令第 16 号", "国家发展和改革委员会令", 16),
    ],
)
def test_an_orders_number_has_no_year(text, org, serial):
    found = parse_number(text)
    assert (found.text, found.org, found.year, found.serial) == (text, org, None, serial)
