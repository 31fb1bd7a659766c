"""The corpus folder is the boundary: what is read, under which name, and what is reported."""

import os
from pathlib import Path

import pytest

from explore.ingest.folder import Entry, read_file, scan

TEXT = "深圳市罗湖区全面深化改革，推进强区放权。\n"


def _write(path: Path, text: str = TEXT) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def _reasons(skipped) -> dict[str, str]:
    return {s.file: s.reason for s in skipped}


def test_every_file_is_read_or_reported(bad_corpus):
    entries, unsupported = scan(bad_corpus)
    assert [s.file for s in unsupported] == ["image.png"]
    results = {e.name: read_file(e) for e in entries}
    assert results["empty.txt"].reason == "empty file"
    assert "binary" in results["binary.txt"].reason
    assert results["sub/page.html"].text.count("龙华区") == 4  # title and three paragraphs


def test_missing_folder_is_a_clear_error(tmp_path):
    with pytest.raises(FileNotFoundError, match="corpus folder not found"):
        scan(tmp_path / "nope")


def test_links_out_of_the_folder_are_skipped_with_the_reason(tmp_path):
    corpus, outside = tmp_path / "corpus", tmp_path / "outside"
    _write(corpus / "a.txt")
    secret = _write(outside / "secret.txt", "口令：不该被读到的文字\n")
    (corpus / "passwd.txt").symlink_to("/etc/passwd")  # the probe of issue 22
    (corpus / "secret.txt").symlink_to(secret)
    (corpus / "dangling.txt").symlink_to(tmp_path / "gone.txt")
    (corpus / "elsewhere").symlink_to(outside, target_is_directory=True)
    (corpus / "inside.txt").symlink_to(corpus / "a.txt")  # a link that stays in the folder is read
    entries, skipped = scan(corpus)
    assert [e.name for e in entries] == ["a.txt", "inside.txt"]
    assert entries[1].path == (corpus / "a.txt").resolve()
    assert _reasons(skipped) == {
        "dangling.txt": "a broken symbolic link",
        "elsewhere": "a symbolic link to a folder: not followed",
        "passwd.txt": "a symbolic link to a file outside the corpus folder: not followed",
        "secret.txt": "a symbolic link to a file outside the corpus folder: not followed",
    }


def test_a_fifo_is_reported_not_waited_on(tmp_path):
    _write(tmp_path / "a.txt")
    os.mkfifo(tmp_path / "pipe.txt")
    entries, skipped = scan(tmp_path)
    assert [e.name for e in entries] == ["a.txt"]
    assert _reasons(skipped) == {"pipe.txt": "a named pipe (FIFO), not a file"}
    # swapped in after the scan: reported, never blocking and never followed
    got = read_file(Entry(tmp_path / "pipe.txt", "pipe.txt"))
    assert "no longer a regular file" in got.reason


def test_a_link_swapped_in_after_the_scan_is_not_followed(tmp_path):
    (tmp_path / "a.txt").symlink_to("/etc/hostname")
    got = read_file(Entry(tmp_path / "a.txt", "a.txt"))
    assert got.reason.startswith("cannot be opened")


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads any folder")
def test_an_unreadable_folder_is_reported(tmp_path):
    _write(tmp_path / "locked" / "a.txt")
    (tmp_path / "locked").chmod(0)
    try:
        _, skipped = scan(tmp_path)
    finally:
        (tmp_path / "locked").chmod(0o755)
    assert _reasons(skipped)["locked"].startswith("cannot be opened")


@pytest.mark.parametrize(
    ("raw", "name"),
    [
        ("罗湖区改革.txt".encode("gbk"), "罗湖区改革.txt"),  # a GBK name unzipped on Linux
        (b"report-\xff\xfe.txt", "report-\\xff\\xfe.txt"),  # bytes no encoding explains stay visible
        ("已是UTF-8.txt".encode(), "已是UTF-8.txt"),
    ],
)
def test_a_name_that_is_not_utf8_is_read_under_a_name_that_is_text(tmp_path, raw, name):
    folder = os.fsencode(tmp_path / "corpus")
    os.makedirs(folder)
    with open(os.path.join(folder, raw), "wb") as f:
        f.write(TEXT.encode())
    entries, skipped = scan(tmp_path / "corpus")
    assert skipped == [] and [e.name for e in entries] == [name]
    assert read_file(entries[0]).text == TEXT


def test_two_names_that_read_alike_stay_apart(tmp_path):
    folder = os.fsencode(tmp_path)
    for raw in ("改革.txt".encode("gbk"), "改革.txt".encode()):
        with open(os.path.join(folder, raw), "wb") as f:
            f.write(TEXT.encode())
    names = [e.name for e in scan(tmp_path)[0]]
    assert len(set(names)) == 2 and "改革.txt" in names
