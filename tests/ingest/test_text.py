import jieba
import pytest

from explore.ingest.infill import lookup_from
from explore.ingest.text import Segmenter, part_of_speech, pos_matches


@pytest.fixture(scope="module")
def seg():
    return Segmenter()


@pytest.mark.parametrize("term", ["强区放权", "放管服", "营商环境", "城市更新", "基层治理", "坪山区", "光明区"])
def test_policy_terms_are_one_token(seg, term):
    assert term in seg.tokens(f"深入推进{term}改革工作")


@pytest.mark.parametrize(
    ("text", "terms"),
    [
        ("", []),
        ("2017年推进12个项目", ["推进", "项目"]),
        ("我们的改革,。!", ["改革"]),
        ("\ufffd\ufffd改革", ["改革"]),
        # English function words in any case; English content words stay
        ("The Reform of the Hukou System and 改革", ["Reform", "Hukou", "System", "改革"]),
    ],
)
def test_terms_drop_numbers_punctuation_stopwords_and_damage(seg, text, terms):
    assert seg.terms(text) == terms


def test_part_of_speech_from_dictionaries(seg):
    tags = part_of_speech(["改革", "推进", "放管服", "zzz"], user_tags=seg.user_tags)
    assert pos_matches(tags["改革"], "nouns") and pos_matches(tags["推进"], "verbs")
    assert tags["放管服"] == "nz" and tags["zzz"] == "x"
    with pytest.raises(ValueError, match="pos must be one of"):
        pos_matches("n", "adjectives")


@pytest.fixture(scope="module")
def fast():
    return Segmenter(backend="rjieba")


@pytest.mark.parametrize(
    "text",
    [
        "深化“放管服”改革,持续优化营商环境。",  # policy terms from the dictionary
        "全年地区生产总值增长7.5%,一般公共预算收入增长6%。",  # shares: jieba keeps 7.5% whole
        "发布日期:2006-04-06 来源:zh-CN utf-8 --",  # ASCII runs jieba splits with its HMM regex
        "加快推进县域经济高质量发展,实施乡村振兴战略。",
        "強區放權改革持續深化",  # Traditional as written
    ],
)
def test_rjieba_cuts_as_jieba_does(seg, fast, text):
    assert fast.tokens(text) == seg.tokens(text)


def test_an_unknown_backend_is_refused():
    with pytest.raises(ValueError, match="backend must be one of"):
        Segmenter(backend="thulac")  # type: ignore[arg-type]


def test_a_word_added_later_is_judged_again():
    seg = Segmenter()
    assert seg.terms_of(["十九", "改革", "十九"]) == ["改革"]  # a number written in Chinese: no term
    seg.add_word("十九", tag="nz")  # a dictionary tags it as a word: a term from now on
    assert seg.terms_of(["十九", "改革"]) == ["十九", "改革"]


def test_main_dictionary_frequencies_are_the_tokenizers(seg):
    from explore.ingest.text import main_dictionary_freqs

    plain = jieba.Tokenizer()
    plain.initialize()
    words = ["社会", "嘉鱼", "光明", "中华人民共", "会社治"]  # words, a mere prefix, neither
    assert main_dictionary_freqs(words) == {w: plain.FREQ[w] for w in words if plain.FREQ.get(w)}


def test_the_repairs_lookup_reads_as_jiebas_table_with_the_same_words():
    # with rjieba cutting, jieba's own table (words and every prefix) is never built: the lookup
    # answers from the dictionary file and the added words as that table would
    seg = Segmenter(backend="rjieba")
    seg.add_word("一网统管")  # not in jieba's dictionary: its prefix 一网统 becomes one
    seg.add_word("社会", freq=7)  # a dictionary word given its own frequency
    plain = jieba.Tokenizer()
    plain.initialize()
    for word, freq in seg._added.items():
        plain.add_word(word, freq)
    lookup = seg.word_lookup()
    words = ["社会", "社", "中华人民共", "一网统", "一网统管", "一网统管理", "会社治", "", "改革", "营商环境"]
    assert [lookup(w) for w in words] == [lookup_from(plain.FREQ)(w) for w in words]
    assert lookup("一网统") == 0 and lookup("社会") == 7 and lookup("会社治") is None
