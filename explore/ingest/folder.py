"""The corpus folder: which of its entries are documents, under which names (pure).

The folder is the boundary. A symbolic link is followed only to a regular file inside the
folder; a link that leads out of it, a broken link, a link to a folder, a named pipe, a socket,
a device and an entry that cannot be read are each listed as skipped with the reason, never
read and never dropped in silence. Files are opened without following a link that appears
after the scan, and without waiting on a pipe.

A file name that is not UTF-8 (GBK names unzipped on Linux are common) keeps its document: the
name is read as GB18030 when all of it reads so, else its undecodable bytes are shown as
``\\xNN`` escapes, so every name is text the tables can hold and a person can match.
"""

from __future__ import annotations

import os
import stat
from dataclasses import dataclass
from pathlib import Path

from explore.ingest.read import SUFFIXES, RawDoc, Skipped, read_bytes

# Files that describe the corpus (overrides, its own dictionaries) rather than belong to it.
IGNORED_NAMES = {"metadata.csv", "dictionary.txt", "stopwords.txt", "readme.md", ".ds_store"}

_KINDS = (
    (stat.S_ISFIFO, "a named pipe (FIFO), not a file"),
    (stat.S_ISSOCK, "a socket, not a file"),
    (stat.S_ISCHR, "a device, not a file"),
    (stat.S_ISBLK, "a device, not a file"),
)


@dataclass(frozen=True)
class Entry:
    """One document file of the folder."""

    path: Path  # what to open: the file, or the file inside the folder a link leads to
    name: str  # its path relative to the corpus folder, '/' separators, always valid text


def scan(corpus: Path) -> tuple[list[Entry], list[Skipped]]:
    """The folder's document files in a stable order, and every other entry with its reason
    (hidden entries and the files in ``IGNORED_NAMES`` are neither)."""
    if not corpus.is_dir():
        raise FileNotFoundError(f"corpus folder not found: {corpus}")
    root = Path(os.path.realpath(corpus))
    found: list[tuple[tuple[str, ...], str, str]] = []  # (sort key, folder, name relative to the corpus)
    skipped: list[Skipped] = []

    def unreadable(err: OSError) -> None:
        skipped.append(Skipped(_name(root, Path(err.filename)), f"cannot be opened: {err.strerror or err}"))

    # strings, not Path objects, for each file: a Path a file cost a third of a warm start's
    # scan at 20,000 documents
    for folder, dirs, files in os.walk(root, onerror=unreadable):
        here = Path(folder)
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for d in dirs:
            if (here / d).is_symlink():  # os.walk does not descend into it; say so
                skipped.append(Skipped(_name(root, here / d), "a symbolic link to a folder: not followed"))
        parts = here.relative_to(root).parts
        prefix = "".join(f"{p}/" for p in parts)
        found += [((*parts, f), folder, prefix + f) for f in files if not f.startswith(".")]
    entries, names = [], set()
    for (*_, file), folder, rel in sorted(found):
        name = _unique(_text(rel), names, rel)
        if file.lower() in IGNORED_NAMES:
            continue
        target, problem = _target(os.path.join(folder, file), root)
        if problem:
            skipped.append(Skipped(name, problem))
        elif (suffix := _suffix(file)).lower() not in SUFFIXES:
            skipped.append(Skipped(name, f"unsupported file type '{_text(suffix) or '(none)'}'"))
        else:
            entries.append(Entry(target, name))
    return entries, sorted(skipped, key=lambda s: s.file)


def _suffix(file: str) -> str:
    """A file name's suffix as ``Path.suffix`` reads it (a.tar.gz → .gz; .txt and a. → none)."""
    at = file.rfind(".")
    return file[at:] if 0 < at < len(file) - 1 else ""


def _target(path: str, root: Path) -> tuple[Path, str | None]:
    """The file to open for ``path``, or why it is not read."""
    try:
        mode = os.lstat(path).st_mode
    except OSError as err:
        return Path(path), f"cannot be opened: {err.strerror or err}"
    if stat.S_ISLNK(mode):
        target = Path(os.path.realpath(path))
        if not target.exists():
            return Path(path), "a broken symbolic link"
        if not target.is_relative_to(root):
            return Path(path), "a symbolic link to a file outside the corpus folder: not followed"
        if not target.is_file():
            return Path(path), "a symbolic link to something that is not a file"
        return target, None
    for test, reason in _KINDS:
        if test(mode):
            return Path(path), reason
    return Path(path), None


def read_entry(entry: Entry) -> bytes:
    """The bytes of a document file: opened without following a link and without blocking on a
    pipe, so an entry changed after the scan cannot lead out of the folder. Raises OSError."""
    fd = os.open(entry.path, os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_NONBLOCK", 0))
    with os.fdopen(fd, "rb") as f:
        if not stat.S_ISREG(os.fstat(f.fileno()).st_mode):
            raise OSError(f"{entry.name} is no longer a regular file")
        return f.read()


def read_file(entry: Entry) -> RawDoc | Skipped:
    """Read one document file; a problem becomes a ``Skipped`` with the reason."""
    try:
        data = read_entry(entry)
    except OSError as err:
        return Skipped(entry.name, f"cannot be opened: {err.strerror or err}")
    return read_bytes(entry.name, data)


def _name(root: Path, path: Path) -> str:
    return _text(path.relative_to(root).as_posix())


def _text(name: str) -> str:
    """A file name as text: unchanged when it is UTF-8; else GB18030 if all of it reads so and is
    printable; else the bytes that are not UTF-8 as \\xNN."""
    try:
        name.encode("utf-8")
        return name
    except UnicodeEncodeError:
        raw = os.fsencode(name)
    try:
        gbk = raw.decode("gb18030")
        if gbk.isprintable():
            return gbk
    except UnicodeDecodeError:
        pass
    return raw.decode("utf-8", errors="backslashreplace")


def _unique(name: str, names: set[str], rel: str) -> str:
    """Two names that read alike (a GB18030 reading equal to a real UTF-8 name) stay apart;
    ``rel``: the file's path relative to the corpus, '/' separators, as the file system has it."""
    if name in names:
        name = os.fsencode(rel).decode("utf-8", errors="backslashreplace")
    names.add(name)
    return name
