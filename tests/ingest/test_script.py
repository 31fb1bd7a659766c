import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from explore.ingest.script import detect_script, opencc_table, plausibility, to_simplified


def _table_text() -> set[str]:
    """Every source and target of OpenCC's phrase and character tables, both directions."""
    out: set[str] = set()
    for name in ("TSCharacters.txt", "TSPhrases.txt", "STCharacters.txt", "STPhrases.txt"):
        for src, targets in opencc_table(name).items():
            out.update((src, *targets))
    return out


@pytest.mark.parametrize(
    ("text", "script"),
    [
        ("區委全面深化改革領導小組審議通過", "traditional"),
        ("区委全面深化改革领导小组审议通过", "simplified"),
        ("改革", "none"),
        ("", "none"),
        ("區委領導小組審議 区委领导小组审议", "mixed"),
    ],
)
def test_detect_script(text, script):
    assert detect_script(text) == script


def test_to_simplified():
    assert to_simplified("羅湖區強區放權") == "罗湖区强区放权"
    assert to_simplified("") == ""


def test_plausibility_prefers_prose_over_mojibake():
    assert plausibility("（一）以問題和需求為導向") > plausibility("。ㄒ唬┮詥栴}") + 2
    assert plausibility("") == 0.0


def test_has_traditional_sees_one_traditional_character():
    from explore.ingest.script import has_traditional

    assert has_traditional("新開工1578个")
    assert not has_traditional("新开工1578个") and not has_traditional("")


# Strings of OpenCC's own tables (both directions) and seed-like text: the shortcut that hands
# back text without a character t2s may change must give what OpenCC gives.
_SAMPLES = [
    "深化“放管服”改革，优化营商环境。",
    "乾隆年间的乾坤",  # 乾 stays in these phrases, goes in 乾燥 (干燥)
    "乾燥",
    "著名的著作",
    "國務院關於深化改革的意見",
    "后天",  # Simplified 后 in both senses
    "",
]


@pytest.mark.parametrize("text", _SAMPLES)
def test_to_simplified_equals_opencc(text):
    from explore.ingest.script import _converter

    assert to_simplified(text) == (_converter("t2s").convert(text) if text else text)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(sorted(_table_text())), min_size=1, max_size=6))
def test_to_simplified_equals_opencc_on_any_run_of_table_entries(parts):
    from explore.ingest.script import _converter

    text = "".join(parts)
    assert to_simplified(text) == _converter("t2s").convert(text)


_PHRASES = sorted(opencc_table("TSPhrases.txt"))


@settings(max_examples=300, deadline=None)
@given(
    st.lists(
        st.one_of(
            st.sampled_from(_PHRASES),  # phrases run together overlap: the longest is taken first
            st.sampled_from([p[: len(p) // 2 + 1] for p in _PHRASES] + [p[len(p) // 2 :] for p in _PHRASES]),
            st.sampled_from(["，", "。", " ", "\n", "—", "《", "》", "a", "1", "\ufffd", "区", "區"]),
        ),
        min_size=1,
        max_size=12,
    )
)
def test_to_simplified_equals_opencc_on_phrases_pieces_and_punctuation(parts):
    from explore.ingest.script import _converter

    text = "".join(parts)
    assert to_simplified(text) == _converter("t2s").convert(text)
