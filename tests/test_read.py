import pytest

from explore.read import decode_bytes, html_to_text, list_files, read_file

TEXT = "深圳市罗湖区全面深化改革,推进强区放权。"


@pytest.mark.parametrize(
    ("data", "encoding"),
    [
        (TEXT.encode("utf-8"), "utf-8"),
        (b"\xef\xbb\xbf" + TEXT.encode("utf-8"), "utf-8-sig"),
        (TEXT.encode("utf-16"), "utf-16"),
        (TEXT.encode("gb18030"), "gb18030"),
        ("深圳市羅湖區全面深化改革,推進強區放權,加強基層治理。".encode("big5"), "big5"),
    ],
)
def test_decode_bytes(data, encoding):
    text, found = decode_bytes(data)
    assert found == encoding
    assert "深化改革" in text


@pytest.mark.parametrize(
    ("data", "reason"),
    [(b"", "empty"), (b"  \n", "empty"), (bytes(range(256)) * 4, "binary")],
)
def test_decode_bytes_refuses_with_a_reason(data, reason):
    with pytest.raises(ValueError, match=reason):
        decode_bytes(data)


def test_html_to_text_keeps_only_visible_text():
    text = html_to_text("<html><script>alert(1)</script><nav>首页</nav><p>改革<b>创新</b></p><p>第二段</p></html>")
    assert "alert" not in text and "首页" not in text
    assert "改革" in text and "第二段" in text


def test_every_file_is_read_or_reported(bad_corpus):
    files, unsupported = list_files(bad_corpus)
    assert [s.file for s in unsupported] == ["image.png"]
    results = {f.relative_to(bad_corpus).as_posix(): read_file(f, bad_corpus) for f in files}
    assert results["empty.txt"].reason == "empty file"
    assert "binary" in results["binary.txt"].reason
    assert results["sub/page.html"].text.count("龙华区") == 4  # title and three paragraphs


def test_missing_folder_is_a_clear_error(tmp_path):
    with pytest.raises(FileNotFoundError, match="corpus folder not found"):
        list_files(tmp_path / "nope")
