"""The segmentation dictionaries' fingerprint: a cache key that follows every word-list change."""

import os

from explore.ingest.dictionaries import dictionary_fingerprint


def test_fingerprint_is_stable_and_follows_corpus_word_lists(tmp_path):
    plain = dictionary_fingerprint(tmp_path)
    assert dictionary_fingerprint(tmp_path) == plain == dictionary_fingerprint(None)
    words = tmp_path / "dictionary.txt"
    words.write_text("营商环境 100 n\n", encoding="utf-8")
    added = dictionary_fingerprint(tmp_path)
    assert added != plain
    words.write_text("营商环境 200 n\n", encoding="utf-8")  # same size, new content
    os.utime(words, ns=(1, 1))
    changed = dictionary_fingerprint(tmp_path)
    assert changed not in (plain, added)
    (tmp_path / "stopwords.txt").write_text("的\n", encoding="utf-8")
    assert dictionary_fingerprint(tmp_path) not in (plain, added, changed)
    words.unlink()
    (tmp_path / "stopwords.txt").unlink()
    assert dictionary_fingerprint(tmp_path) == plain
