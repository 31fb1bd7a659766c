"""Uploaded files → readable documents, within limits a shared demo can afford (pure).

A visitor may send ``.txt``, ``.md``, ``.html``/``.htm`` files and ``.zip`` archives of them.
Everything sent is either read or reported by name with the reason, never dropped silently:

- one document larger than ``max_file_bytes`` is refused (before and while unzipping: a zip
  entry's declared size is not trusted, its bytes are counted as they are read);
- all documents of a session together may not pass ``max_total_bytes`` or ``max_files``;
- an archive may list at most ``max_zip_entries`` entries; an entry that expands more than
  ``max_ratio`` times is taken for a zip bomb; entries with ``..``, absolute paths or
  symbolic links, encrypted entries and archives inside archives are refused.

Names are made safe and unique: ``uploads/<file>`` or ``uploads/<archive>/<entry>``; nothing is
ever written to disk.
"""

from __future__ import annotations

import io
import posixpath
import re
import stat
import zipfile
from collections.abc import Iterable
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

    def __post_init__(self) -> None:
        for name in ("max_file_bytes", "max_total_bytes", "max_files", "max_zip_entries", "max_ratio"):
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
    already holds, so limits apply to the session and names stay unique."""
    limits = limits or UploadLimits()
    batch = UploadBatch()
    names = set(taken)
    budget = _Budget(limits.max_total_bytes - used_bytes, limits.max_files - used_files)
    for raw_name, data in files:
        name = safe_name(raw_name)
        suffix = posixpath.splitext(name)[1].lower()
        if suffix == ".zip":
            budget = _read_zip(name, data, limits, budget, batch, names)
            continue
        budget = _take(name, data, suffix, limits, budget, batch, names)
    return batch


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


def _take(
    name: str, data: bytes, suffix: str, limits: UploadLimits, budget: _Budget, batch: UploadBatch, names: set[str]
) -> _Budget:
    problem = _type_problem(suffix) or _size_problem(len(data), limits, budget)
    result = Skipped(PREFIX + name, problem) if problem else read_bytes(PREFIX + _unique(name, names), data)
    if isinstance(result, Skipped):
        batch.refused.append(result)
        return budget
    batch.docs.append(result)
    batch.sizes[result.file] = len(data)
    return _Budget(budget.bytes_left - len(data), budget.files_left - 1)


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


def _read_zip(
    name: str, data: bytes, limits: UploadLimits, budget: _Budget, batch: UploadBatch, names: set[str]
) -> _Budget:
    shown = PREFIX + name
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
        infos = [i for i in archive.infolist() if not i.is_dir()]
    except (zipfile.BadZipFile, zipfile.LargeZipFile, ValueError, OSError) as err:
        batch.refused.append(Skipped(shown, f"not a readable zip archive: {err}"))
        return budget
    if len(infos) > limits.max_zip_entries:
        batch.refused.append(
            Skipped(shown, f"archive lists {len(infos)} files; at most {limits.max_zip_entries} are read")
        )
        return budget
    for info in infos:
        entry = f"{name}/{info.filename.replace(chr(92), '/')}"
        shown_entry = PREFIX + entry
        base = info.filename.replace("\\", "/").rsplit("/", 1)[-1]
        if base.startswith(".") or "__MACOSX/" in info.filename:
            continue  # operating-system litter (.DS_Store, resource forks), not documents
        problem = _entry_problem(info)
        if problem:
            batch.refused.append(Skipped(shown_entry, f"refused: {problem}"))
            continue
        suffix = posixpath.splitext(base)[1].lower()
        if suffix in ARCHIVE_SUFFIXES or suffix not in SUFFIXES:  # refused before it is unzipped
            reason = "refused: an archive inside an archive" if suffix in ARCHIVE_SUFFIXES else _type_problem(suffix)
            batch.refused.append(Skipped(shown_entry, reason or ""))
            continue
        if info.file_size > limits.max_file_bytes or (
            info.file_size > MB and info.file_size > limits.max_ratio * max(info.compress_size, 1)
        ):
            batch.refused.append(
                Skipped(shown_entry, f"refused: expands to {size_text(info.file_size)} (too large or a zip bomb)")
            )
            continue
        try:
            with archive.open(info) as handle:
                content = handle.read(limits.max_file_bytes + 1)  # a lying header cannot make us read more
        except (zipfile.BadZipFile, RuntimeError, NotImplementedError, OSError, EOFError) as err:
            batch.refused.append(Skipped(shown_entry, f"cannot be unzipped: {err}"))
            continue
        budget = _take(safe_entry(entry), content, suffix, limits, budget, batch, names)
    return budget


def safe_entry(entry: str) -> str:
    """``archive.zip/folder/file.txt`` with each part made safe."""
    return "/".join(safe_name(part) for part in entry.split("/") if part)
