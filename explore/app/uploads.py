"""Uploaded files → readable documents, within limits a shared demo can afford (pure).

A visitor may send ``.txt``, ``.md``, ``.html``/``.htm`` files and ``.zip`` archives of them.
Everything sent is either read or reported by name with the reason, never dropped silently,
and nothing a visitor sends makes reading raise:

- one document larger than ``max_file_bytes`` is refused (before and while unzipping: a zip
  entry's declared size is not trusted, its bytes are counted as they are read);
- all documents of a session together may not pass ``max_total_bytes`` or ``max_files``;
- an archive may list at most ``max_zip_entries`` entries; an entry that expands more than
  ``max_ratio`` times is taken for a zip bomb; entries with ``..``, absolute paths or
  symbolic links, encrypted entries and archives inside archives are refused; a damaged
  entry (bad CRC, corrupt deflate or LZMA data, cut short) is refused, the others are read;
- HTML with more than ``max_html_tags`` tags is refused before it is parsed; a document that
  takes longer than ``max_read_seconds`` to read is refused, and once an upload has taken
  ``max_batch_seconds`` the files left are refused (asked to be sent again).

``read_elsewhere`` runs all of it in a worker process, so parsing cannot stall the server or
grow its memory, and stops a worker that does not answer in time.

Names are made safe and unique: ``uploads/<file>`` or ``uploads/<archive>/<entry>``; nothing is
ever written to disk.
"""

from __future__ import annotations

import io
import posixpath
import re
import signal
import stat
import threading
import time
import zipfile
from collections.abc import Iterable, Iterator
from concurrent.futures import Executor
from contextlib import contextmanager
from dataclasses import dataclass, field

from explore.ingest.read import SUFFIXES, RawDoc, Skipped, read_bytes

PREFIX = "uploads/"
ARCHIVE_SUFFIXES = (".zip", ".tar", ".gz", ".tgz", ".bz2", ".xz", ".7z", ".rar", ".jar")
MB = 1024 * 1024


@dataclass(frozen=True)
class UploadLimits:
    """What one browser session may load; the defaults suit the shared demo."""

    # About 3 million characters: some 15 s of segmentation, done in a worker process.
    max_file_bytes: int = 10 * MB
    max_total_bytes: int = 30 * MB
    max_files: int = 200
    max_zip_entries: int = 1000
    max_ratio: int = 100
    # Parsing HTML costs some 13 µs and 0.5 KB a tag: 100,000 tags are 1.1 s and 55 MB.
    max_html_tags: int = 100_000
    max_read_seconds: float = 10.0  # one document (decoding, reducing HTML)
    max_batch_seconds: float = 60.0  # one upload, all its files

    def __post_init__(self) -> None:
        for name in (
            "max_file_bytes", "max_total_bytes", "max_files", "max_zip_entries", "max_ratio",
            "max_html_tags", "max_read_seconds", "max_batch_seconds",
        ):  # fmt: skip
            if getattr(self, name) <= 0:
                raise ValueError(f"{name} must be positive, got {getattr(self, name)}")


@dataclass
class UploadBatch:
    """The outcome of one upload: documents read and files refused (with reasons)."""

    docs: list[RawDoc] = field(default_factory=list)
    refused: list[Skipped] = field(default_factory=list)
    sizes: dict[str, int] = field(default_factory=dict)  # file → bytes, counted against the session's total


@dataclass(frozen=True)
class _Budget:
    bytes_left: int
    files_left: int


def size_text(n: int) -> str:
    return f"{n / MB:.1f} MB" if n >= MB / 10 else f"{n / 1024:.0f} KB"


def safe_name(name: str) -> str:
    """A display-safe file name: no folders, no control characters, not empty."""
    name = name.replace("\\", "/").rsplit("/", 1)[-1]
    name = re.sub(r"[\x00-\x1f\x7f\u202a-\u202e\u2066-\u2069]", "", name).strip()
    return name[:120] or "unnamed"


def read_uploads(
    files: Iterable[tuple[str, bytes]],
    *,
    limits: UploadLimits | None = None,
    used_bytes: int = 0,
    used_files: int = 0,
    taken: Iterable[str] = (),
) -> UploadBatch:
    """Read uploaded ``(name, bytes)`` pairs. ``used_*`` and ``taken`` describe what the session
    already holds, so limits apply to the session and names stay unique. The time limits hold
    in a process's main thread (a worker's: see ``read_elsewhere``), elsewhere only the batch's."""
    limits = limits or UploadLimits()
    budget = _Budget(limits.max_total_bytes - used_bytes, limits.max_files - used_files)
    upload = _Upload(limits, budget, set(taken), time.monotonic() + limits.max_batch_seconds)
    for raw_name, data in files:
        name = safe_name(raw_name)
        suffix = posixpath.splitext(name)[1].lower()
        if suffix == ".zip":
            upload.read_zip(name, data)
        else:
            upload.take(name, data, suffix)
    return upload.batch


def read_elsewhere(
    pool: Executor,
    files: list[tuple[str, bytes]],
    *,
    limits: UploadLimits | None = None,
    used_bytes: int = 0,
    used_files: int = 0,
    taken: Iterable[str] = (),
    wait_seconds: float | None = None,
) -> tuple[UploadBatch, bool]:
    """``read_uploads`` in a worker process of ``pool``: unzipping, decoding and reducing HTML
    neither hold the server's GIL nor grow its memory. Returns the batch and whether ``pool``
    still works. A worker that has not answered in ``wait_seconds`` (default: twice the time
    limits of a batch and of a document, and 30 s) is stopped, ``pool`` with it (make a new
    one), and every file refused by name; so is every file when the pool is broken. After a
    document that took too long the pool is shut down (its running tasks finish): a worker
    keeps the memory of the abandoned parse."""
    limits = limits or UploadLimits()
    wait = 2 * (limits.max_batch_seconds + limits.max_read_seconds) + 30 if wait_seconds is None else wait_seconds
    options = {"limits": limits, "used_bytes": used_bytes, "used_files": used_files, "taken": set(taken)}
    try:
        batch = pool.submit(read_uploads, files, **options).result(timeout=wait)
    except TimeoutError:
        stop_workers(pool)
        return _refuse_all(files, f"not read: the reading worker did not answer within {wait:g} s; try again"), False
    except RuntimeError:  # BrokenProcessPool, or the pool was shut down
        stop_workers(pool)
        return _refuse_all(files, "not read: the reading worker stopped; try again"), False
    except Exception as err:  # a bug, not the visitor's files: say so, keep the pool
        return _refuse_all(files, f"not read: reading failed ({type(err).__name__}: {err})"), True
    if any(r.reason == _too_slow(limits) for r in batch.refused):
        # Python keeps the memory of an abandoned parse: retire the pool once its tasks are done.
        pool.shutdown(wait=False)
        return batch, False
    return batch, True


def _too_slow(limits: UploadLimits) -> str:
    return f"took longer than {limits.max_read_seconds:g} s to read"


def _refuse_all(files: list[tuple[str, bytes]], reason: str) -> UploadBatch:
    return UploadBatch(refused=[Skipped(PREFIX + safe_name(name), reason) for name, _ in files])


def stop_workers(pool: Executor) -> None:
    """Kill a process pool's workers (a task cannot be cancelled once it runs) and shut it down."""
    kill = getattr(pool, "kill_workers", None)  # Python 3.14+
    if kill is not None:
        kill()
    for process in list((getattr(pool, "_processes", None) or {}).values()):
        process.kill()
    pool.shutdown(wait=False, cancel_futures=True)


class _TooSlow(BaseException):
    """Raised by the alarm inside a read; a BaseException, so no ``except Exception`` swallows it."""


@contextmanager
def _time_cap(seconds: float) -> Iterator[None]:
    """Raise ``_TooSlow`` in the block after ``seconds``: only in the main thread of a process
    whose SIGALRM nobody else uses (a worker's); elsewhere the block runs uncapped."""
    usable = (
        hasattr(signal, "setitimer")
        and threading.current_thread() is threading.main_thread()
        and signal.getsignal(signal.SIGALRM) in (signal.SIG_DFL, signal.SIG_IGN, None)
    )
    if not usable:
        yield
        return

    def _alarm(*_: object) -> None:
        raise _TooSlow

    previous = signal.signal(signal.SIGALRM, _alarm)
    # Again every 50 ms until the block ends: a raise that lands in a weakref callback or a
    # __del__ is printed and dropped by Python, the next one is not.
    signal.setitimer(signal.ITIMER_REAL, seconds, 0.05)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def _unique(name: str, names: set[str]) -> str:
    stem, ext = posixpath.splitext(name)
    candidate, n = name, 2
    while candidate in names:
        candidate, n = f"{stem} ({n}){ext}", n + 1
    names.add(candidate)
    return candidate


def _type_problem(suffix: str) -> str | None:
    if suffix in ARCHIVE_SUFFIXES:
        return f"'{suffix}' archives are not read; send a .zip of .txt/.md/.html files"
    if suffix not in SUFFIXES:
        return f"unsupported file type '{suffix or '(none)'}'; send .txt, .md, .html or .zip"
    return None


def _size_problem(n_bytes: int, limits: UploadLimits, budget: _Budget) -> str | None:
    if n_bytes > limits.max_file_bytes:
        return f"too large ({size_text(n_bytes)}; one document may be {size_text(limits.max_file_bytes)})"
    if budget.files_left <= 0:
        return f"over the limit of {limits.max_files} documents per session"
    if n_bytes > budget.bytes_left:
        return f"over the session's total of {size_text(limits.max_total_bytes)} of documents"
    return None


def _entry_problem(info: zipfile.ZipInfo) -> str | None:
    name = info.filename.replace("\\", "/")
    parts = name.split("/")
    if name.startswith("/") or re.match(r"^[A-Za-z]:", name) or ".." in parts:
        return "unsafe path (absolute or with '..')"
    if stat.S_ISLNK(info.external_attr >> 16):
        return "symbolic link"
    if info.flag_bits & 0x1:
        return "encrypted entry"
    return None


def _unzip_problem(info: zipfile.ZipInfo, suffix: str, limits: UploadLimits) -> str | None:
    """Why an entry is refused before it is unzipped, if it is."""
    problem = _entry_problem(info)
    if problem:
        return f"refused: {problem}"
    if suffix in ARCHIVE_SUFFIXES:
        return "refused: an archive inside an archive"
    if suffix not in SUFFIXES:
        return _type_problem(suffix)
    if info.file_size > limits.max_file_bytes or (
        info.file_size > MB and info.file_size > limits.max_ratio * max(info.compress_size, 1)
    ):
        return f"refused: expands to {size_text(info.file_size)} (too large or a zip bomb)"
    return None


def _unzip(archive: zipfile.ZipFile, info: zipfile.ZipInfo, limit: int) -> bytes | str:
    """An entry's bytes (at most ``limit`` + 1: a lying header cannot make us read more), or why not."""
    try:
        with archive.open(info) as handle:
            return handle.read(limit + 1)
    except (NotImplementedError, RuntimeError) as err:  # compression method, encryption
        return f"cannot be unzipped: {err}"
    except Exception as err:  # zlib.error, lzma.LZMAError, BadZipFile (bad CRC), EOFError, ValueError…
        detail = re.sub(r" for file '.*'$", "", str(err)) or type(err).__name__
        return f"the archive entry is damaged ({detail}) and could not be read"


@dataclass
class _Upload:
    """One upload being read: its limits, what the session has left, the names taken, the batch."""

    limits: UploadLimits
    budget: _Budget
    names: set[str]
    deadline: float  # time.monotonic() after which files are no longer read
    batch: UploadBatch = field(default_factory=UploadBatch)

    def take(self, name: str, data: bytes, suffix: str) -> None:
        """Read one document (a file or an unzipped entry), within the limits, or refuse it."""
        problem = _type_problem(suffix) or _size_problem(len(data), self.limits, self.budget)
        result = Skipped(PREFIX + name, problem) if problem else self._read(PREFIX + _unique(name, self.names), data)
        if isinstance(result, Skipped):
            self.batch.refused.append(result)
            return
        self.batch.docs.append(result)
        self.batch.sizes[result.file] = len(data)
        self.budget = _Budget(self.budget.bytes_left - len(data), self.budget.files_left - 1)

    def _read(self, name: str, data: bytes) -> RawDoc | Skipped:
        limits = self.limits
        if time.monotonic() > self.deadline:
            return Skipped(name, f"not read: the upload took longer than {limits.max_batch_seconds:g} s; send it again")
        try:
            with _time_cap(limits.max_read_seconds):
                return read_bytes(name, data, max_html_tags=limits.max_html_tags)
        except _TooSlow:
            return Skipped(name, _too_slow(limits))

    def read_zip(self, name: str, data: bytes) -> None:
        """Read an archive's documents; the archive, or each entry, is refused by name with the reason."""
        try:
            archive = zipfile.ZipFile(io.BytesIO(data))
            infos = [i for i in archive.infolist() if not i.is_dir()]
        except Exception as err:  # BadZipFile, LargeZipFile, ValueError, OSError, EOFError…
            self.batch.refused.append(Skipped(PREFIX + name, f"not a readable zip archive: {err}"))
            return
        if len(infos) > self.limits.max_zip_entries:
            reason = f"archive lists {len(infos)} files; at most {self.limits.max_zip_entries} are read"
            self.batch.refused.append(Skipped(PREFIX + name, reason))
            return
        for info in infos:
            entry = f"{name}/{info.filename.replace(chr(92), '/')}"
            base = entry.rsplit("/", 1)[-1]
            if base.startswith(".") or "__MACOSX/" in info.filename:
                continue  # operating-system litter (.DS_Store, resource forks), not documents
            suffix = posixpath.splitext(base)[1].lower()
            content = _unzip_problem(info, suffix, self.limits) or _unzip(archive, info, self.limits.max_file_bytes)
            if isinstance(content, str):
                self.batch.refused.append(Skipped(PREFIX + entry, content))
            else:
                self.take(safe_entry(entry), content, suffix)


def safe_entry(entry: str) -> str:
    """``archive.zip/folder/file.txt`` with each part made safe."""
    return "/".join(safe_name(part) for part in entry.split("/") if part)
