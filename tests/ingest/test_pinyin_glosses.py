"""Pinyin readings after characters, removed; everything else in brackets kept."""

import pytest

from explore.ingest.pinyin_glosses import strip_pinyin, toneless


@pytest.mark.parametrize(
    ("text", "expected", "removed"),
    [
        ("索引號(hào):000", "索引號:000", 1),
        ("區(qū)委", "區委", 1),
        ("我們(men)的(de)", "我們的", 2),
        ("(牽頭單位:區編辦、區法制辦)", "(牽頭單位:區編辦、區法制辦)", 0),
        ("區委(政府)督查室", "區委(政府)督查室", 0),
        ("采用PPP(PPP)模式", "采用PPP(PPP)模式", 0),
        ("微信(wechat)", "微信(wechat)", 0),
        ("第一款（a）项", "第一款（a）项", 0),  # a list's mark, where nothing else is glossed
        ("改(gai)革(ge)", "改革", 2),  # a site that glosses without tones glosses many
        ("南樂(lè )縣政府信息公開(kāi)目錄", "南樂縣政府信息公開目錄", 2),  # a space before the bracket (南乐, dev8101)
        ("", "", 0),
    ],
)
def test_strip_pinyin(text, expected, removed):
    assert strip_pinyin(text) == (expected, removed)


@pytest.mark.parametrize(
    ("syllable", "bare"), [("lǜ", "lv"), ("nǚ", "nv"), ("lüè", "lve"), ("LǙ", "LV"), ("qiáng", "qiang"), ("hào", "hao")]
)
def test_bare_pinyin(syllable, bare):
    assert toneless(syllable) == bare


def test_a_mirror_that_spaces_every_reading_loses_the_space_with_it():
    # a Traditional mirror writes a space after each reading (a county's 2023 report, dev)
    assert strip_pinyin("召開會(hui) 議,投入8萬(wan) 元") == ("召開會議,投入8萬元", 2)
    # four readings of five with a space is the mirror's habit; three of five is not
    assert strip_pinyin("會(hui) 議員(yuan) 工農(nong) 民計(ji) 劃改(gai)革") == ("會議員工農民計劃改革", 5)
    assert strip_pinyin("會(hui) 議員(yuan) 工農(nong) 民計(ji)劃改(gai)革") == ("會 議員 工農 民計劃改革", 5)
    # where most readings have none, a space after one parts a table's cells and stays
    cells = "培訓(xùn) 職業技能培訓 教(jiào)育 醫(yī)療 就(jiù)業"
    assert strip_pinyin(cells) == ("培訓 職業技能培訓 教育 醫療 就業", 4)


def test_a_reading_without_its_opening_bracket_only_after_a_lost_character_or_with_a_tone():
    lost = "\ufffd"
    assert strip_pinyin(lost + "hao)改(gai)") == (lost + "改", 2)  # a lost character's reading
    assert strip_pinyin("號hao)改(gai)") == ("號hao)改", 1)  # 'hao)' after a character: no reading
    assert strip_pinyin("號hào)") == ("號", 1)  # with its tone it is one


def test_a_lost_characters_toned_reading_is_kept_as_a_hint():
    from explore.ingest.marks import HINT_CLOSE, HINT_OPEN

    assert strip_pinyin("\ufffd(Hào)") == ("\ufffd(Hào)", 0)  # mixed case is a word, not a reading
    assert strip_pinyin("\ufffd(hào)") == ("\ufffd" + HINT_OPEN + "hào" + HINT_CLOSE, 1)
    assert strip_pinyin("改(Gai)革(ge)開(kai)") == ("改(Gai)革開", 2)
