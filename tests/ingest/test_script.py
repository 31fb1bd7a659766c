import pytest

from explore.ingest.script import detect_script, plausibility, to_simplified


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
