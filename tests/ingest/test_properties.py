"""Properties of reader and repair over generated input (hypothesis): any bytes load or are
reported by name with a reason; clean text passes repair unchanged."""

from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from explore.ingest.document import original_text
from explore.ingest.read import RawDoc, Skipped, read_bytes
from explore.ingest.repair import repair_text

# Characters of ordinary clean Chinese text: common Han, full-width punctuation, circled
# numbers, digits and Latin letters, spaces and line breaks. An ASCII "?" glued to Chinese is
# left out: it is how scrapers show a lost byte, so repair may read the text after it again.
_CLEAN = st.text(
    alphabet=st.sampled_from(
        list("改革发展推进加强全面深化创新建设管理服务政府工作报告县区市省年月日的和在是")
        + list("，。；：“”（）《》、！？①②③④⑤⑩⑳ ０１２")
        + list("0123456789abcXYZ%.-\n")
    ),
    max_size=300,
)


@settings(max_examples=200, suppress_health_check=[HealthCheck.too_slow], deadline=None)
@given(st.binary(max_size=2000))
def test_any_bytes_load_or_are_reported(data):
    got = read_bytes("doc.txt", data)
    assert isinstance(got, RawDoc | Skipped)
    if isinstance(got, Skipped):
        assert got.file == "doc.txt" and got.reason
    else:
        text, _ = repair_text(got.text)  # never raises
        assert isinstance(text, str)


@settings(max_examples=300, deadline=None)
@given(_CLEAN)
def test_clean_text_passes_repair_unchanged(text):
    repaired, stats = repair_text(text)
    assert original_text(repaired) == text
    assert (stats.repaired, stats.damaged, stats.guessed) == (0, 0, 0)


@settings(max_examples=100, deadline=None)
@given(_CLEAN)
@example("0001⑳")  # its GB18030 bytes read as UTF-16 too (〰〱脷贵): a circled number is ordinary text
def test_clean_gbk_text_reads_back_whole(text):
    data = text.encode("gb18030")
    got = read_bytes("doc.txt", data)
    if text.strip():
        # whole: every character back as written, whichever Chinese encoding it was read as
        assert isinstance(got, RawDoc) and got.text == text
