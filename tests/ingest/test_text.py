import pytest

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
