"""Pinyin readings and the order Chinese words sort in."""

from explore.ingest.pinyin import numbered, readings, sort_key


def test_readings_with_tone_numbers():
    assert readings()["中"][:2] == ("zhōng", "zhòng")
    assert [numbered(r) for r in ("zhōng", "lǜ", "de", "gǎi")] == ["zhong1", "lv4", "de5", "gai3"]


def test_words_sort_by_pinyin_not_code_point():
    words = ["推进", "改革", "安全", "中国", "营商", "创新", "深化"]
    assert sorted(words, key=sort_key) == ["安全", "创新", "改革", "深化", "推进", "营商", "中国"]
    assert sorted(words) != sorted(words, key=sort_key)  # code points scatter them
    # a character the dictionary lacks sorts after every reading; Latin by itself
    assert sort_key("改革") < sort_key("\U00020000") and sort_key("ABC") == "a b c"
