"""Uploads: what is read, what is refused and why, limits per file, per session and per archive."""

from __future__ import annotations

import io
import multiprocessing
import random
import stat
import sys
import time
import zipfile
from concurrent.futures import ProcessPoolExecutor

import pytest

from explore.app import uploads
from explore.app.uploads import MB, UploadLimits, read_elsewhere, read_uploads, safe_name

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


@pytest.mark.parametrize(
    "field",
    [
        "max_file_bytes", "max_total_bytes", "max_files", "max_zip_entries", "max_ratio",
        "max_html_tags", "max_read_seconds", "max_batch_seconds",
    ],
)  # fmt: skip
def test_limits_must_be_positive(field):
    with pytest.raises(ValueError, match=field):
        UploadLimits(**{field: 0})


PARAGRAPH = "深圳市罗湖区全面深化改革，推进强区放权。加强基层治理，优化营商环境，建设现代化国际化创新型城市。\n"
SLOW_HTML = ("<html><body>" + "<p>改革</p>" * 30_000 + "</body></html>").encode()  # some 0.7 s to parse


def _damage(data: bytes, entry: str) -> bytes:
    """The archive with bytes flipped inside the compressed data of one entry."""
    with zipfile.ZipFile(io.BytesIO(data)) as zf:
        info = zf.getinfo(entry)
    start = info.header_offset + 30 + len(info.filename.encode()) + len(info.extra)
    damaged = bytearray(data)
    for i in range(start + 10, start + 20):
        damaged[i] ^= 0x5A
    return bytes(damaged)


@pytest.mark.parametrize(
    ("compression", "detail"),
    [
        (zipfile.ZIP_DEFLATED, "Error -3 while decompressing data"),
        (zipfile.ZIP_LZMA, "Corrupt input data"),
        (zipfile.ZIP_BZIP2, "Invalid data stream"),
        (zipfile.ZIP_STORED, "Bad CRC-32"),
    ],
)
def test_a_damaged_zip_entry_is_refused_by_name_and_the_rest_is_read(compression, detail):
    data = _zip({"a.txt": PARAGRAPH.encode() * 50, "b.txt": (PARAGRAPH * 50).encode()}, compression=compression)
    batch = read_uploads([("archive.zip", _damage(data, "b.txt")), ("c.txt", TEXT)])
    assert [d.file for d in batch.docs] == ["uploads/archive.zip/a.txt", "uploads/c.txt"]
    assert batch.docs[0].text == PARAGRAPH * 50
    [(file, reason)] = _reasons(batch).items()
    assert file == "uploads/archive.zip/b.txt"
    assert reason.startswith(f"the archive entry is damaged ({detail}") and reason.endswith(") and could not be read")
    if compression == zipfile.ZIP_STORED:
        assert reason == "the archive entry is damaged (Bad CRC-32) and could not be read"


def test_damaged_or_cut_archives_are_refused_by_name_and_never_raise():
    data = _zip({"a.txt": PARAGRAPH.encode() * 30, "b.txt": TEXT}, compression=zipfile.ZIP_DEFLATED)
    cut = read_uploads([("cut.zip", data[: len(data) // 2]), ("c.txt", TEXT)])
    assert [d.file for d in cut.docs] == ["uploads/c.txt"]
    assert _reasons(cut)["uploads/cut.zip"].startswith("not a readable zip archive")
    rng = random.Random(5)
    for _ in range(300):  # flipped, cut and dropped bytes anywhere: headers, data, central directory
        damaged = bytearray(data)
        i = rng.randrange(len(damaged))
        if rng.random() < 0.5:
            damaged[i : i + rng.randint(1, 8)] = bytes(rng.randrange(256) for _ in range(rng.randint(1, 8)))
        else:
            del damaged[i : i + rng.randint(1, 40)]
        batch = read_uploads([("x.zip", bytes(damaged))])
        assert all(r.file.startswith("uploads/x.zip") and r.reason for r in batch.refused)


def test_html_with_too_much_markup_is_refused_before_it_is_parsed():
    batch = read_uploads([("big.html", b"<p>a</p>" * 600), ("ok.txt", TEXT)], limits=UploadLimits(max_html_tags=1000))
    assert [d.file for d in batch.docs] == ["uploads/ok.txt"]
    assert _reasons(batch) == {
        "uploads/big.html": "too much markup to read (1,200 tags; at most 1,000 are read): send the page as text"
    }


# The alarm's raise can land in a weakref callback (Python prints and drops it); the next tick,
# 50 ms later, stops the read. The dropped one is not a failure.
@pytest.mark.filterwarnings("ignore::pytest.PytestUnraisableExceptionWarning")
def test_a_document_that_takes_too_long_is_refused_by_name_and_the_others_are_read(monkeypatch):
    # The time cap raises again every 50 ms until the read ends; a raise that lands in a
    # finaliser is "unraisable", which Python prints and drops, and which pytest's own hook
    # would turn into a failure (or be cut by the next raise): here such raises are dropped.
    monkeypatch.setattr(sys, "unraisablehook", lambda _: None)
    limits = UploadLimits(max_read_seconds=0.05)
    batch = read_uploads([("slow.html", SLOW_HTML), ("ok.txt", TEXT)], limits=limits)
    assert [d.file for d in batch.docs] == ["uploads/ok.txt"]
    assert _reasons(batch) == {"uploads/slow.html": "took longer than 0.05 s to read"}
    # Once the upload as a whole has taken its time, the files left are refused.
    batch = read_uploads([("slow.html", SLOW_HTML), ("ok.txt", TEXT)], limits=UploadLimits(max_batch_seconds=0.05))
    assert [d.file for d in batch.docs] == ["uploads/slow.html"]
    assert _reasons(batch) == {"uploads/ok.txt": "not read: the upload took longer than 0.05 s; send it again"}


@pytest.fixture(scope="module")
def pool():
    workers = ProcessPoolExecutor(max_workers=1, mp_context=multiprocessing.get_context("spawn"))
    yield workers
    workers.shutdown(cancel_futures=True)


def test_uploads_are_read_in_a_worker_process(pool, monkeypatch):
    def _not_here(*args, **kwargs):
        raise AssertionError("read in the server process")

    monkeypatch.setattr(uploads, "read_bytes", _not_here)  # the worker imports its own, unpatched
    files = [
        ("big.html", b"<p>a</p>" * 600),
        ("le.txt", PARAGRAPH.encode("utf-16-le")),
        ("docs.zip", _zip({"be.txt": PARAGRAPH.encode("utf-16-be")})),
    ]
    batch, healthy = read_elsewhere(pool, files, limits=UploadLimits(max_html_tags=1000), taken={"le.txt"})
    assert healthy
    assert [(d.file, d.text, d.encoding) for d in batch.docs] == [
        ("uploads/le (2).txt", PARAGRAPH, "utf-16-le"),
        ("uploads/docs.zip/be.txt", PARAGRAPH, "utf-16-be"),
    ]
    assert _reasons(batch)["uploads/big.html"].startswith("too much markup to read (1,200 tags")


def test_a_document_too_slow_in_the_worker_is_refused_and_the_pool_retired():
    pool = ProcessPoolExecutor(max_workers=1, mp_context=multiprocessing.get_context("spawn"))
    files = [("slow.html", SLOW_HTML), ("ok.txt", TEXT)]
    batch, healthy = read_elsewhere(pool, files, limits=UploadLimits(max_read_seconds=0.05))
    assert [d.file for d in batch.docs] == ["uploads/ok.txt"]
    assert _reasons(batch) == {"uploads/slow.html": "took longer than 0.05 s to read"}
    assert not healthy  # the worker keeps the abandoned parse's memory: a new pool is made
    with pytest.raises(RuntimeError):
        pool.submit(int)


def test_a_worker_that_does_not_answer_is_stopped_and_every_file_refused():
    pool = ProcessPoolExecutor(max_workers=1, mp_context=multiprocessing.get_context("spawn"))
    pool.submit(time.sleep, 60)  # the worker is busy
    start = time.monotonic()
    batch, healthy = read_elsewhere(pool, [("a.txt", TEXT), ("b.zip", _zip({"c.txt": TEXT}))], wait_seconds=0.5)
    assert time.monotonic() - start < 5
    assert not healthy and batch.docs == []
    reason = "not read: the reading worker did not answer within 0.5 s; try again"
    assert _reasons(batch) == {"uploads/a.txt": reason, "uploads/b.zip": reason}
    # A broken or shut pool refuses the same way, without raising.
    batch, healthy = read_elsewhere(pool, [("a.txt", TEXT)])
    assert not healthy and _reasons(batch) == {"uploads/a.txt": "not read: the reading worker stopped; try again"}
