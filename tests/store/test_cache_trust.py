"""The cache keeps content, never names; a folder's damage, links and odd names cost only
themselves (issue 22's probes)."""

import contextlib
import os
import shutil
from pathlib import Path

import pytest

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


# --- a cache that checks itself --------------------------------------------------------------


def _store(corpus) -> Path:
    return corpus.folder


def test_the_manifest_is_written_last_and_lists_every_table(tmp_path):
    import json

    from explore.store.corpus import TABLES
    from explore.store.load import ON_DISK, PIPELINE_VERSION

    got = load_corpus(_corpus(tmp_path / "c", {"a.txt": A, "b.txt": B}))
    manifest = json.loads((_store(got) / "manifest.json").read_text(encoding="utf-8"))
    assert manifest["pipeline"] == PIPELINE_VERSION and set(manifest["tables"]) == set(ON_DISK)
    assert set(TABLES) < set(ON_DISK) and "analysed/terms" in ON_DISK
    assert manifest["tables"]["docs"]["rows"] == 2
    assert manifest["tables"]["paragraphs"]["rows"] == len(got.paragraphs)


def _damage(path: Path, how: str) -> None:
    if how == "garbage":
        path.write_bytes(b"not a parquet file at all")
    elif how == "truncated":
        path.write_bytes(path.read_bytes()[: path.stat().st_size // 2])
    elif how == "same size, other bytes":
        data = bytearray(path.read_bytes())
        data[len(data) // 2] ^= 0xFF
        path.write_bytes(bytes(data))


@pytest.mark.parametrize(
    ("table", "how"),
    [
        ("docs", "garbage"),
        ("paragraphs", "truncated"),
        ("tokens", "same size, other bytes"),
        ("analysed/terms", "garbage"),
    ],
)
def test_a_damaged_cache_is_rebuilt_and_says_so(tmp_path, caplog, table, how):
    root = _corpus(tmp_path / "c", {"a.txt": A, "b.txt": B})
    first = load_corpus(root)
    _damage(_store(first) / f"{table}.parquet", how)
    with caplog.at_level("WARNING"):
        again = load_corpus(root)
    assert f"{table}.parquet" in again.stats["rebuilt"] and "rebuilt" in caplog.text
    assert again.stats["segmented"] == 0  # the documents themselves come from their own cache
    assert again.docs.equals(first.docs) and again.paragraphs.equals(first.paragraphs)
    assert "rebuilt" not in load_corpus(root).stats  # and the new folder is trusted


def test_a_folder_without_a_manifest_is_unfinished(tmp_path):
    root = _corpus(tmp_path / "c", {"a.txt": A})
    first = load_corpus(root)
    (_store(first) / "manifest.json").unlink()
    assert "no manifest" in load_corpus(root).stats["rebuilt"]


def test_the_folders_of_killed_builds_are_swept(tmp_path):
    from explore.store.load import cache_dir

    dead = cache_dir() / "corpus-0123456789abcdef0123.tmp999999999"  # no process has this id
    alive = cache_dir() / f"corpus-0123456789abcdef0123.tmp{os.getpid()}"
    for folder in (dead, alive):
        folder.mkdir(parents=True)
        (folder / "docs.parquet").write_bytes(b"half")
    load_corpus(_corpus(tmp_path / "c", {"a.txt": A}))  # a build
    assert not dead.exists() and alive.exists()
    shutil.rmtree(alive)


def test_a_cache_that_cannot_be_written_is_one_clear_line(tmp_path, monkeypatch, capsys):
    from explore.cli.main import main

    blocked = tmp_path / "a-file"
    blocked.write_text("")
    monkeypatch.setenv("EXPLORE_CACHE_DIR", str(blocked / "cache"))
    assert main(["build", "--corpus", str(_corpus(tmp_path / "c", {"a.txt": A}))]) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and str(blocked / "cache") in err[0] and "EXPLORE_CACHE_DIR" in err[0]


_KILLED_BUILD = """
import sys
from explore.store.load import load_corpus
load_corpus(sys.argv[1], workers=2)
"""


def _children(pid: int) -> list[int]:
    out = []
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        if int(fields[1]) == pid:
            out.append(int(stat.parent.name))
    return out


def test_a_killed_build_leaves_no_worker_behind(tmp_path):
    import signal
    import subprocess
    import sys
    import time

    root = _corpus(tmp_path / "big", {f"d{i:03}.txt": (A + B) * 40 + f"第{i}号文件。\n" for i in range(300)})
    env = {**os.environ, "PYTHONPATH": str(Path(__file__).parents[2])}
    build = subprocess.Popen([sys.executable, "-c", _KILLED_BUILD, str(root)], env=env)
    deadline, workers = time.monotonic() + 60, []
    while time.monotonic() < deadline and len(workers) < 2:
        time.sleep(0.2)
        workers = _children(build.pid)
    assert len(workers) == 2, "the build did not start its pool"
    build.send_signal(signal.SIGKILL)
    build.wait()
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline and any(Path(f"/proc/{w}").exists() for w in workers):
        time.sleep(0.1)
        for w in workers:  # reap them if they became ours (they are reparented to init, not us)
            with contextlib.suppress(ChildProcessError):
                os.waitpid(w, os.WNOHANG)
    alive = [
        w for w in workers if Path(f"/proc/{w}").exists() and "Z" not in Path(f"/proc/{w}/stat").read_text().split()[2]
    ]
    for w in alive:  # leave nothing running when the test fails
        os.kill(w, signal.SIGKILL)
    assert alive == []


def test_health_says_where_the_tables_came_from(tmp_path):
    from explore.store.health import corpus_health

    root = _corpus(tmp_path / "c", {"a.txt": A, "b.txt": "盐田区2021年改革要点\n推进改革。\n"})
    assert corpus_health(load_corpus(root))["cache"] == "built"
    warm = load_corpus(root)
    assert corpus_health(warm)["cache"] == "read from the cache"
    _damage(_store(warm) / "terms.parquet", "garbage")
    assert corpus_health(load_corpus(root))["cache"].startswith(
        "rebuilt: the cached tables were damaged (terms.parquet"
    )


def test_a_table_touched_but_unchanged_is_hashed_and_trusted(tmp_path):
    root = _corpus(tmp_path / "c", {"a.txt": A, "b.txt": "龙岗区2018年改革方案\n推进改革。\n"})
    first = load_corpus(root)
    os.utime(_store(first) / "paragraphs.parquet", ns=(1, 1))  # copied without its times, say
    again = load_corpus(root)
    assert "rebuilt" not in again.stats and again.folder == first.folder
