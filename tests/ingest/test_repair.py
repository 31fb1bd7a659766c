import pytest

from explore.ingest.repair import (
    _QMARK_PAIR,
    DAMAGE_OPEN,
    LOST,
    _split_pair,
    repair_misdecoded,
    repair_text,
)

# A line of the Luohu 2017 page as scraped: misdecoded GBK, then a heading with pinyin.
LUOHU = (
    "今年將在過去改革的基礎(chǔ)上,更加突出和注重以下原則:\n"
    "?。ㄒ唬┮詥栴}和需求為導(dǎo)向,讓改革更精準(zhǔn)。\n"
    "?。ㄋ模┮渣h政一把手親自抓,讓改革更扎實(shí)。\n"
)


def test_misdecoded_runs_are_read_again():
    text, stats = repair_text(LUOHU)
    assert "（一）以問題和需求為導向" in text
    assert "（四）以黨政一把手親自抓" in text
    assert stats.repaired == 2
    # the character whose byte was lost opened the line (A1..): it was the indent, not text
    assert "\u3000（一）" in text and stats.damaged == 0
    assert "?" not in text and "ㄒ" not in text and "┮" not in text


@pytest.mark.parametrize(
    "text",
    [
        "",
        "如何克服改革形式主义问题?如何避免改革空转?",  # question marks in ASCII-punctuated prose
        "推进PPP模式(政府)。",
        "坚持问题导向,把改革作为总抓手。",
    ],
)
def test_ordinary_text_is_left_alone(text):
    assert repair_text(text) == (text, repair_misdecoded(text)[1])
    assert repair_text(text)[0] == text


def test_unrecoverable_run_is_marked_not_hidden():
    text, stats = repair_misdecoded("改革?ㄈ┏ㄈ┏ㄈ┏ㄈ┏\n")
    assert stats.damaged >= 1
    assert DAMAGE_OPEN in text or LOST in text


def test_ascii_debris_next_to_lost_characters_is_marked_lost():
    from explore.ingest.repair import _ASCII_DEBRIS

    def sub(text):
        return _ASCII_DEBRIS.sub(lambda m: "\ufffd" * len(m.group()), text)

    assert sub("領域\ufffd\ufffd)<\ufffd引") == "領域\ufffd\ufffd\ufffd\ufffd\ufffd引"
    assert sub("領域\ufffd,區直") == "領域\ufffd,區直"  # a comma after a lost character is a comma
    assert sub("\ufffd(政府)") == "\ufffd(政府)"
    assert sub("改革)<引") == "改革)<引"  # no lost character: no evidence


@pytest.mark.parametrize(
    ("damaged", "repaired", "stats"),
    [
        # '?', one decoder U+FFFD: one lost character, nothing re-read
        ("我?\ufffd表广州市人民政府向大会作报告。", "我\ufffd表广州市人民政府向大会作报告。", (0, 1)),
        # '?' and the ASCII trail byte: one lost character
        ("学位4.7?f个;增加10家医院", "学位4.7\ufffd个;增加10家医院", (0, 1)),
        # ... also before a space or sign, and after a comma (tbl_06 in eval/, damaged)
        ("完成時限 | 進展情?r | 監督方式", "完成時限 | 進展情\ufffd | 監督方式", (0, 1)),
        ("林果蔬菜等經濟作物,?_展種源技術聯合攻關", "林果蔬菜等經濟作物,\ufffd展種源技術聯合攻關", (0, 1)),
        # '?' and a rare pair whose second byte is ASCII: that ASCII character comes back (tab_04)
        ("376个村居广播室和752只可?豂P化高音喇叭建设", "376个村居广播室和752只可\ufffdIP化高音喇叭建设", (0, 1)),
        # a run re-read one byte late, closed by the decoder's U+FFFD
        ("全国改?婆┐迦司踊肪彻ぷ骰嵋榫\ufffd神", "全国改\ufffd农村人居环境工作会议\ufffd神", (1, 2)),
        ("我代表广?菔腥嗣裾\ufffd府向大会作报告。", "我代表广\ufffd市人民\ufffd府向大会作报告。", (1, 2)),
    ],
)
def test_repair_of_one_lost_lead_byte(damaged, repaired, stats):
    from explore.ingest.document import original_text

    text, got = repair_text(damaged)
    assert original_text(text) == repaired
    assert (got.repaired, got.damaged) == stats


@pytest.mark.parametrize(
    ("text", "expected", "read"),
    [
        # a Founder-typeset PDF's punctuation written as its GB2312 code (A3AC ，, A3AE ．, A1A3 。)
        ("贷 存 比 不 低 于 70%ꎬ 金 融 机 构ꎮ", "贷 存 比 不 低 于 70%， 金 融 机 构．", 2),
        ("各区人民政府ꎬ市政府各部门ꆣ", "各区人民政府，市政府各部门。", 2),
        ("ꎨ一ꎩ加快推进", "（一）加快推进", 2),
        # a Yi passage has syllables outside those rows: nothing is read back
        ("ꆈꌠꁱꂷ 凉山州通知ꎬ", "ꆈꌠꁱꂷ 凉山州通知ꎬ", 0),
        # standing apart from Han text and digits, it is left as written
        ("ꎬ", "ꎬ", 0),
    ],
)
def test_symbols_written_as_their_gb_code_are_read_back(text, expected, read):
    from explore.ingest.repair import read_gb_codes

    assert read_gb_codes(text) == (expected, read)
    assert repair_text(text)[1].repaired == read


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a lost lead byte's partner read with the ASCII byte after it: a rare character whose
        # second GBK byte is ASCII (0x40-0x7E) gives that byte back, the lost one marked
        ("可控?峴化", f"可控{LOST}s化"),  # plausibility 2.49, just under the bar
        ("可控?丂化", f"可控{LOST}@化"),  # second byte 0x40
        ("可控?亊化", f"可控{LOST}~化"),  # second byte 0x7E
        ("可控?擻化", "可控?擻化"),  # plausibility 2.5: a character a text may hold
        ("可控?亐化", "可控?亐化"),  # second byte 0x80, no ASCII
        ("可控?国家", "可控?国家"),
        ("可控?😀化", "可控?😀化"),  # no GBK character at all
    ],
)
def test_a_rare_character_after_a_question_mark_gives_its_ascii_byte_back(text, expected):
    assert _QMARK_PAIR.sub(_split_pair, text) == expected
