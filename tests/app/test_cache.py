"""The app's cache: an edited corpus folder is noticed, without a page waiting for the look."""

import time

from explore.app import cache


def test_an_edited_folder_is_noticed_by_a_look_in_the_background(tmp_path, monkeypatch):
    (tmp_path / "a.txt").write_text("甲区2021年工作报告\n", encoding="utf-8")
    monkeypatch.setattr(cache, "CHANGE_CHECK_SECONDS", 0.0)
    monkeypatch.setattr(cache, "_CHECKED", {})
    monkeypatch.setattr(cache, "LOOK_SHARE", 1.0)
    first = cache._change_key(tmp_path)
    assert cache._change_key(tmp_path) == first  # nothing changed: the same key
    (tmp_path / "b.txt").write_text("乙区2022年工作报告\n", encoding="utf-8")
    assert cache._change_key(tmp_path) == first  # the page goes on with the last key found
    for _ in range(100):  # while the folder is looked at again
        if cache._change_key(tmp_path) != first:
            break
        time.sleep(0.05)
    changed = cache._change_key(tmp_path)
    assert changed != first
    (tmp_path / "b.txt").unlink()
    for _ in range(100):
        if cache._change_key(tmp_path) != changed:
            break
        time.sleep(0.05)
    assert cache._change_key(tmp_path) == first  # the folder as it was: its key as it was
