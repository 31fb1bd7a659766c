"""The cache keeps content, never names; a folder's damage, links and odd names cost only
themselves (issue 22's probes)."""

import os
import shutil
from pathlib import Path

from explore.store.load import load_corpus

A = "关于深化营商环境改革的实施方案\n一、优化审批流程。罗湖区推进放管服改革。\n"
B = "福田区2020年政府工作报告\n各位代表：现在报告工作。推进强区放权改革。\n"


def _corpus(root: Path, files: dict[str, str]) -> Path:
    root.mkdir(parents=True, exist_ok=True)
    for name, text in files.items():
        (root / name).write_text(text, encoding="utf-8")
    return root


def test_a_renamed_file_carries_its_new_name(tmp_path):
    root = _corpus(tmp_path / "c", {"a.txt": A, "b.txt": B})
    load_corpus(root)
    (root / "a.txt").rename(root / "renamed.txt")
    got = load_corpus(root)
    assert sorted(got.docs["file"]) == ["b.txt", "renamed.txt"]
    assert sorted(got.docs["doc_id"]) == ["b", "renamed"]
    assert got.stats["segmented"] == 0  # names from the scan, content from the cache


def test_a_copied_file_is_a_document_of_its_own_name(tmp_path):
    root = _corpus(tmp_path / "c", {"a.txt": A})
    load_corpus(root)
    shutil.copy(root / "a.txt", root / "c.txt")
    got = load_corpus(root).docs.set_index("file")
    assert list(got.index) == ["a.txt", "c.txt"] and list(got["doc_id"]) == ["a", "c"]
    assert got.loc["a.txt", "sha1"] == got.loc["c.txt", "sha1"]


def test_overrides_keyed_by_file_follow_a_rename(tmp_path):
    root = _corpus(tmp_path / "c", {"a.txt": A, "b.txt": B})
    load_corpus(root)
    (root / "a.txt").rename(root / "new.txt")
    (root / "metadata.csv").write_text("file,district\nnew.txt,南山区\n", encoding="utf-8")
    got = load_corpus(root)
    assert got.docs.set_index("file").loc["new.txt", "district"] == "南山区"
    assert got.skipped.empty


def test_a_folder_with_a_name_that_is_not_utf8_builds(tmp_path):
    root = _corpus(tmp_path / "c", {"b.txt": B})
    with open(os.path.join(os.fsencode(root), "罗湖区.txt".encode("gbk")), "wb") as f:
        f.write(A.encode())
    with open(os.path.join(os.fsencode(root), b"x\xff.txt"), "wb") as f:
        f.write(A.encode())
    got = load_corpus(root)
    assert sorted(got.docs["file"]) == ["b.txt", "x\\xff.txt", "罗湖区.txt"]
    assert got.skipped.empty


def test_links_and_pipes_are_in_skipped(tmp_path):
    root = _corpus(tmp_path / "c", {"a.txt": A})
    (root / "passwd.txt").symlink_to("/etc/passwd")
    (root / "gone.txt").symlink_to(tmp_path / "nothing.txt")
    os.mkfifo(root / "pipe.txt")
    got = load_corpus(root)
    assert list(got.docs["file"]) == ["a.txt"]
    assert sorted(got.skipped["file"]) == ["gone.txt", "passwd.txt", "pipe.txt"]
    assert "root:" not in "".join(got.paragraphs["text"])
