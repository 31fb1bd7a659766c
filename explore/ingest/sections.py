"""The sectioned word-list files of ``explore/data`` (units.txt, roles.txt, target_cues.txt,
titles.txt): ``[section]`` lines, then one entry a line, ``#`` comments (pure). Each
file's meaning is parsed by its own module; the file format is read here, once."""

from __future__ import annotations

import re
from pathlib import Path

# a section's name is words ([furniture anywhere]); an entry may be a regular expression that opens
# and closes on a class of characters ([主承协]办…[:：]), which is no section
_HEADER = re.compile(r"\[([a-z][a-z ]*)\]")


def read_sections(path: Path) -> dict[str, list[str]]:
    """Each section's entries in file order; ValueError naming a line that stands before any
    ``[section]``."""
    sections: dict[str, list[str]] = {}
    current = None
    for n, raw in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        line = raw.split("#", 1)[0].strip()
        if not line:
            continue
        if header := _HEADER.fullmatch(line):
            current = sections.setdefault(header[1], [])
        elif current is None:
            raise ValueError(f"{path.name} line {n}: {line!r} stands before any [section]")
        else:
            current.append(line)
    return sections
