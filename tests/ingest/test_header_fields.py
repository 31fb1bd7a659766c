"""A page's header fields, read from one data file by every reader of the header."""

import re

from explore.ingest.clean import split_paragraphs
from explore.ingest.header_fields import fields, label_pattern
from explore.ingest.title_clean import clean_title


def test_each_label_has_one_kind():
    labels = [w for words in fields().values() for w in words]
    assert len(labels) == len(set(labels))
    assert {"issuer", "number", "title", "issued date", "published date", "source"} <= set(fields())


def test_a_spaced_label_reads_as_its_label():
    assert re.fullmatch(label_pattern("other"), "索 引 号")
    assert not re.fullmatch(label_pattern("other", spaced=False), "索 引 号")


def test_the_readers_share_the_labels():
    # a field table's lines go to the header, whichever label they carry
    doc = split_paragraphs(
        "发文单位: 某县人民政府办公室\n关键词: 民生实事\n关于印发民生实事项目的通知\n各乡镇人民政府:"
    )
    assert doc.header[:2] == ["发文单位: 某县人民政府办公室", "关键词: 民生实事"]
    # and a title's line that runs on into the next field is cut there
    assert clean_title("关于印发民生实事项目的通知 发文单位: 某县") == "关于印发民生实事项目的通知"
