"""The sectioned word-list files of ``explore/data`` (units.txt, roles.txt, target_cues.txt,
titles.txt): ``[section]`` lines, then one entry a line, ``#`` comments (pure). Each
file's meaning is parsed by its own module; the file format is read here, once."""

from __future__ import annotations

from pathlib import Path


def read_sections(path: Path) -> dict[str, list[str]]:
    """Each section's entries in file order; ValueError naming a line that stands before any
    ``[section]``."""
    sections: dict[str, list[str]] = {}
    current = None
    for n, raw in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        line = raw.split("#", 1)[0].strip()
        if not line:
            continue
        if line.startswith("[") and line.endswith("]"):
            current = sections.setdefault(line[1:-1], [])
        elif current is None:
            raise ValueError(f"{path.name} line {n}: {line!r} stands before any [section]")
        else:
            current.append(line)
    return sections
