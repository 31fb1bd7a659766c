"""The sectioned word-list files: section lines, entries, comments."""

from __future__ import annotations

import pytest

from explore.ingest.sections import read_sections


def test_a_section_is_named_by_words_and_an_entry_may_be_a_bracketed_pattern(tmp_path):
    path = tmp_path / "words.txt"
    path.write_text(
        "# a comment\n[furniture anywhere]\n记者\n[主承协]\\s*办[:：]\n\n[column names]\n序号  # a note\n",
        encoding="utf-8",
    )
    assert read_sections(path) == {"furniture anywhere": ["记者", "[主承协]\\s*办[:：]"], "column names": ["序号"]}


def test_an_entry_before_any_section_is_named(tmp_path):
    path = tmp_path / "words.txt"
    path.write_text("[主承协]办[:：]\n[kinds]\n通知\n", encoding="utf-8")
    with pytest.raises(ValueError, match=r"words.txt line 1"):
        read_sections(path)
