"""Uploads: what is read, what is refused and why, limits per file, per session and per archive."""

from __future__ import annotations

import io
import stat
import zipfile

import pytest

from explore.app.uploads import MB, UploadLimits, read_uploads, safe_name

TEXT = "深圳市罗湖区2017年改革计划\n一、总体要求\n推进行政审批制度改革。".encode()


def _zip(entries: dict[str, bytes], *, compression: int = zipfile.ZIP_DEFLATED) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", compression) as zf:
        for name, data in entries.items():
            zf.writestr(name, data)
    return buf.getvalue()


def _reasons(batch) -> dict[str, str]:
    return {r.file: r.reason for r in batch.refused}


def test_nothing_uploaded_reads_nothing():
    batch = read_uploads([])
    assert batch.docs == [] and batch.refused == [] and batch.sizes == {}


@pytest.mark.parametrize(
    "name",
    ["plan.txt", "notes.md", "page.html", "page.HTM", "罗湖 区 改革 2017.txt", "with  spaces .txt"],
)
def test_supported_files_are_read_under_the_uploads_prefix(name):
    batch = read_uploads([(name, TEXT)])
    assert [d.file for d in batch.docs] == [f"uploads/{name.strip()}"]
    assert batch.refused == []
    assert batch.sizes == {f"uploads/{name.strip()}": len(TEXT)}


@pytest.mark.parametrize(
    ("name", "data", "reason"),
    [
        ("report.pdf", b"%PDF-1.4", "unsupported file type '.pdf'"),
        ("noext", TEXT, "unsupported file type '(none)'"),
        ("bundle.tar.gz", b"\x1f\x8b", "archives are not read"),
        ("empty.txt", b"", "empty file"),
        ("blank.txt", b"  \n\t ", "empty file"),
        ("image.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00", "binary file"),
        ("broken.zip", b"PK\x03\x04 not really", "not a readable zip archive"),
    ],
)
def test_unreadable_files_are_reported_with_a_reason(name, data, reason):
    batch = read_uploads([(name, data)])
    assert batch.docs == []
    [(file, why)] = _reasons(batch).items()
    assert file == f"uploads/{name}"
    assert reason in why


def test_limits_apply_per_file_per_session_and_by_count():
    limits = UploadLimits(max_file_bytes=1000, max_total_bytes=2500, max_files=3)
    big = ("big.txt", TEXT * 100)
    batch = read_uploads([big, ("a.txt", TEXT * 10), ("b.txt", TEXT * 10), ("c.txt", TEXT * 10)], limits=limits)
    reasons = _reasons(batch)
    assert "too large" in reasons["uploads/big.txt"] and "one document may be" in reasons["uploads/big.txt"]
    assert [d.file for d in batch.docs] == ["uploads/a.txt", "uploads/b.txt"]
    assert "over the session's total" in reasons["uploads/c.txt"]
    # What the session already holds counts against its limits.
    again = read_uploads([("d.txt", TEXT)], limits=limits, used_bytes=100, used_files=3)
    assert "over the limit of 3 documents" in _reasons(again)["uploads/d.txt"]


def test_same_name_twice_gets_a_distinct_name():
    batch = read_uploads([("plan.txt", TEXT), ("plan.txt", TEXT + b"x")], taken={"other.txt"})
    assert [d.file for d in batch.docs] == ["uploads/plan.txt", "uploads/plan (2).txt"]
    again = read_uploads([("plan.txt", TEXT)], taken={"plan.txt", "plan (2).txt"})
    assert [d.file for d in again.docs] == ["uploads/plan (3).txt"]


@pytest.mark.parametrize(
    ("raw", "safe"),
    [
        ("../../etc/passwd.txt", "passwd.txt"),
        ("C:\\Users\\me\\计划.txt", "计划.txt"),
        ("evil\u202etxt.exe", "eviltxt.exe"),
        ("bell\x07.txt", "bell.txt"),
        ("", "unnamed"),
    ],
)
def test_names_lose_folders_and_control_characters(raw, safe):
    assert safe_name(raw) == safe


def test_zip_of_documents_is_read_and_litter_ignored():
    data = _zip({"docs/一.txt": TEXT, "docs/two.md": TEXT, "__MACOSX/docs/._一.txt": b"x", "docs/.DS_Store": b"x"})
    batch = read_uploads([("批量.zip", data)])
    assert [d.file for d in batch.docs] == ["uploads/批量.zip/docs/一.txt", "uploads/批量.zip/docs/two.md"]
    assert batch.refused == []


def test_zip_refuses_unsafe_entries_each_with_a_reason():
    inner = _zip({"a.txt": TEXT})
    link = zipfile.ZipInfo("docs/link.txt")
    link.external_attr = (stat.S_IFLNK | 0o777) << 16
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as zf:
        zf.writestr("ok.txt", TEXT)
        zf.writestr("../escape.txt", TEXT)
        zf.writestr("/abs/path.txt", TEXT)
        zf.writestr("inner.zip", inner)
        zf.writestr("sheet.xlsx", b"PK")
        zf.writestr(link, "/etc/passwd")
    batch = read_uploads([("mixed.zip", buf.getvalue())])
    assert [d.file for d in batch.docs] == ["uploads/mixed.zip/ok.txt"]
    reasons = _reasons(batch)
    assert reasons["uploads/mixed.zip/../escape.txt"] == "refused: unsafe path (absolute or with '..')"
    assert reasons["uploads/mixed.zip//abs/path.txt"] == "refused: unsafe path (absolute or with '..')"
    assert reasons["uploads/mixed.zip/inner.zip"] == "refused: an archive inside an archive"
    assert reasons["uploads/mixed.zip/sheet.xlsx"].startswith("unsupported file type '.xlsx'")
    assert reasons["uploads/mixed.zip/docs/link.txt"] == "refused: symbolic link"


def test_zip_bomb_is_refused_without_expanding_it():
    bomb = _zip({"zeros.txt": b"0" * (30 * MB)})
    assert len(bomb) < MB
    batch = read_uploads([("bomb.zip", bomb)])
    assert batch.docs == []
    assert "too large or a zip bomb" in _reasons(batch)["uploads/bomb.zip/zeros.txt"]


def test_zip_with_too_many_entries_is_refused_whole():
    data = _zip({f"{i}.txt": TEXT for i in range(11)})
    batch = read_uploads([("many.zip", data)], limits=UploadLimits(max_zip_entries=10))
    assert batch.docs == []
    assert _reasons(batch) == {"uploads/many.zip": "archive lists 11 files; at most 10 are read"}


def test_zip_entries_count_against_the_session_limits():
    data = _zip({f"{i}.txt": TEXT + str(i).encode() for i in range(4)})
    batch = read_uploads([("four.zip", data)], limits=UploadLimits(max_files=2))
    assert len(batch.docs) == 2
    assert sum("over the limit of 2 documents" in r for r in _reasons(batch).values()) == 2


@pytest.mark.parametrize("field", ["max_file_bytes", "max_total_bytes", "max_files", "max_zip_entries", "max_ratio"])
def test_limits_must_be_positive(field):
    with pytest.raises(ValueError, match=field):
        UploadLimits(**{field: 0})
