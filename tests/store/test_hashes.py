"""Content hashes remembered by the files' stat: a warm start reads no document, and any edit,
however it restores a file's size and times, is read again."""

import json
import os
import time

import pytest

from explore.store import hashes
from explore.store.load import _manifest


@pytest.fixture
def reads(monkeypatch, tmp_path):
    """The documents read for their hash, by name; hashes remembered at once (no grain wait)."""
    monkeypatch.setenv("EXPLORE_CACHE_DIR", str(tmp_path / "cache"))
    monkeypatch.setattr(hashes, "RECENT_S", 0.0)
    seen = []
    real = hashes.read_entry

    def counting(entry):
        seen.append(entry.name)
        return real(entry)

    monkeypatch.setattr(hashes, "read_entry", counting)
    return seen


def _folder(tmp_path):
    root = tmp_path / "c"
    root.mkdir()
    (root / "a.txt").write_text("关于深化改革的通知\n一、推进放管服改革。\n", encoding="utf-8")
    (root / "b.txt").write_text("福田区政府工作报告\n各位代表：现在报告工作。\n", encoding="utf-8")
    return root


def test_an_unchanged_folder_is_not_read_again(tmp_path, reads):
    root = _folder(tmp_path)
    first = _manifest(root)
    assert sorted(reads) == ["a.txt", "b.txt"]
    reads.clear()
    again = _manifest(root)
    assert reads == [] and again.key == first.key and again.files == first.files


def test_an_edit_that_restores_size_and_times_is_read_again(tmp_path, reads):
    root = _folder(tmp_path)
    path = root / "a.txt"
    before = os.stat(path)
    first = _manifest(root)
    time.sleep(0.05)  # past the clock's grain: the edit's change time differs
    path.write_text(path.read_text(encoding="utf-8").replace("推进", "深化"), encoding="utf-8")
    os.utime(path, ns=(before.st_atime_ns, before.st_mtime_ns))
    assert os.stat(path).st_size == before.st_size
    reads.clear()
    again = _manifest(root)
    assert reads == ["a.txt"] and again.key != first.key


def test_a_file_replaced_by_another_is_read_again(tmp_path, reads):
    root = _folder(tmp_path)
    first = _manifest(root)
    (root / "b.txt").rename(root / "old")
    (root / "a.txt").rename(root / "b.txt")
    (root / "old").rename(root / "a.txt")
    reads.clear()
    again = _manifest(root)
    assert sorted(reads) == ["a.txt", "b.txt"]
    assert dict((e.name, s) for e, s in again.files) == {"a.txt": first.files[1][1], "b.txt": first.files[0][1]}


def test_a_freshly_changed_file_is_never_remembered(tmp_path, monkeypatch, reads):
    monkeypatch.setattr(hashes, "RECENT_S", 60.0)  # every file here changed within the last minute
    root = _folder(tmp_path)
    _manifest(root)
    reads.clear()
    _manifest(root)
    assert sorted(reads) == ["a.txt", "b.txt"]


@pytest.mark.parametrize(
    "damage",
    ["not json", '{"version": 1, "files": {"x": [1, 2]}}', '{"version": 99, "files": {}}', "[]", ""],
)
def test_a_damaged_list_is_ignored_and_written_again(tmp_path, reads, damage):
    root = _folder(tmp_path)
    fresh = _manifest(root)
    (listed,) = (tmp_path / "cache" / "hashes").iterdir()
    listed.write_text(damage, encoding="utf-8")
    reads.clear()
    assert _manifest(root).key == fresh.key and sorted(reads) == ["a.txt", "b.txt"]
    assert json.loads(listed.read_text(encoding="utf-8"))["version"] == hashes.VERSION


def test_a_wrong_remembered_hash_is_never_given_for_a_changed_file(tmp_path, reads):
    root = _folder(tmp_path)
    _manifest(root)
    (listed,) = (tmp_path / "cache" / "hashes").iterdir()
    data = json.loads(listed.read_text(encoding="utf-8"))
    for value in data["files"].values():
        value[0] += 1  # a size the file no longer has
        value[5] = "0" * 40
    listed.write_text(json.dumps(data), encoding="utf-8")
    assert all(sha != "0" * 40 for _, sha in _manifest(root).files)


def test_nothing_is_remembered_without_the_cache(tmp_path, reads):
    root = _folder(tmp_path)
    _manifest(root, remember=False)
    _manifest(root, remember=False)
    assert sorted(reads) == ["a.txt", "a.txt", "b.txt", "b.txt"]
    assert not (tmp_path / "cache" / "hashes").exists()
