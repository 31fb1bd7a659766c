"""A document's 文种 (通知, 意见, 方案 …): the genre word its title ends with, once a trailing note in
brackets ((试行), (全文)) is set aside, so that 关于印发《X实施方案》的通知 is a 通知 (pure). The genre
words are ``explore/data/genres.txt``; those a body numbers by a serial alone (公告 / 第一号) are
``explore/data/serial_genres.txt``.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from pathlib import Path

from explore.ingest.dictionaries import read_word_file
from explore.ingest.script import to_simplified

_DATA = Path(__file__).resolve().parents[1] / "data"
# a title's trailing note: (试行), （2021年修订）, (全文), 【草案】, a report's (在…会议上)
_TRAILING_NOTE = re.compile(r"\s*[(（【\[](?:在[^()（）]{2,60}上|[^()（）【】\[\]]{1,12})[)）】\]]\s*$")


@functools.cache
def serial_genres(path: Path = _DATA / "serial_genres.txt") -> tuple[str, ...]:
    """The genres numbered by a serial alone (``serial_genres.txt``)."""
    return tuple(read_word_file(path))


@functools.cache
def genres(path: Path = _DATA / "genres.txt") -> tuple[str, ...]:
    """The genre words of ``genres.txt``, longest first (一览表 before 表)."""
    return tuple(sorted(set(read_word_file(path)), key=len, reverse=True))


def genre_of(title: str) -> str:
    """The 文种 a title ends with, in Simplified ('' when it ends with none)."""
    plain = to_simplified(unicodedata.normalize("NFKC", title)).strip().rstrip("》”\"'")
    while (bare := _TRAILING_NOTE.sub("", plain)) != plain:
        plain = bare.rstrip("》”\"'")
    return next((g for g in genres() if plain.endswith(g)), "")
