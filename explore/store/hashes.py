"""Each document file's content hash, remembered by the file's stat, so that a warm start reads no
document (``store.load``'s manifest names each file by the SHA-1 of its bytes: 100 MB read and
hashed at 20,000 documents, 0.6 s with the files in the page cache and several seconds without).

A file is hashed again unless its size, modification time, change time, inode and device are all
those it had when it was hashed, as git's index does. The change time cannot be set back by a
program (an edit that restores the size and the modification time still moves it), and a file
changed within ``RECENT_S`` of the look is never remembered: within the clock's grain a later
edit could leave every time as it was. A remembered list that cannot be read is ignored and
written again, never trusted in part.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import stat
import time
from pathlib import Path

from explore.ingest.folder import Entry, read_entry
from explore.ingest.read import content_hash
from explore.store.integrity import write_whole

VERSION = 1
RECENT_S = 2.0


class ContentHashes:
    """The hashes of one corpus folder's files, remembered under ``cache`` (nothing remembered
    or written when ``remember`` is False)."""

    def __init__(self, corpus: Path, cache: Path, *, remember: bool = True) -> None:
        self._path = cache / "hashes" / f"{hashlib.sha1(os.fsencode(corpus)).hexdigest()[:20]}.json"
        self._remember = remember
        self._known = _read(self._path) if remember else {}
        self._seen: dict[str, list] = {}
        self._changed = False

    def of(self, entry: Entry) -> str:
        """The SHA-1 of the entry's bytes, read only when the file is not as it was last hashed.
        Raises OSError as ``folder.read_entry`` does."""
        key = os.fsdecode(entry.path)
        try:
            st = os.stat(entry.path, follow_symlinks=False)
        except OSError:
            st = None
        stamp = _stamp(st) if st is not None and stat.S_ISREG(st.st_mode) else None
        known = self._known.get(key)
        if stamp is not None and known is not None and known[:-1] == stamp:
            self._seen[key] = known
            return known[-1]
        sha = content_hash(read_entry(entry))
        if stamp is not None and time.time_ns() - max(st.st_mtime_ns, st.st_ctime_ns) > RECENT_S * 1e9:
            self._seen[key] = [*stamp, sha]
        self._changed = True
        return sha

    def save(self) -> None:
        """Write what this look found (files gone since are forgotten), when anything changed."""
        if not self._remember or not (self._changed or self._seen.keys() != self._known.keys()):
            return
        with contextlib.suppress(OSError):  # a cache that cannot be written costs only time
            write_whole(self._path, json.dumps({"version": VERSION, "files": self._seen}).encode("utf-8"))


def _stamp(st: os.stat_result) -> list[int]:
    return [st.st_size, st.st_mtime_ns, st.st_ctime_ns, st.st_ino, st.st_dev]


def _read(path: Path) -> dict[str, list]:
    """The remembered hashes, or none when the file is missing, damaged or of another version."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        files = data["files"] if data["version"] == VERSION else {}
        if all(_valid(v) for v in files.values()):
            return files
    except (OSError, ValueError, KeyError, TypeError, AttributeError):
        pass
    return {}


def _valid(value: object) -> bool:
    return (
        isinstance(value, list)
        and len(value) == 6
        and all(type(v) is int for v in value[:5])
        and isinstance(value[5], str)
        and len(value[5]) == 40
    )
