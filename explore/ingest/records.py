"""A collected record's own fields: the title, issuer and number a database row or a post's
front matter states, and a post's date, read as fields rather than guessed from lines (pure).

Collections of government documents are often rows of a database dump (``insert into t (id,
title, release_office, …) values (39, '国务院关于…', '国务院', …``; ``dumps`` finds the row), a
row exported as CSV under its header, or posts with front matter
(``---`` / ``title: '…'`` / ``date: …`` / ``---``), a crawler's items saved as JSON objects, or
its fields on the first lines (``title: …`` / ``url: …``). What such a record says its title is wins
over any line of its text. Field names are matched by meaning (title, 标题, 名称, …), in
``FIELD_NAMES``.
"""

from __future__ import annotations

import csv
import json
import re
from email.utils import parsedate_to_datetime
from pathlib import Path

from explore.ingest.dumps import dump_row, holds_text
from explore.ingest.header_fields import fields as header_fields
from explore.ingest.sections import read_sections

_DATA = Path(__file__).resolve().parents[1] / "data" / "record_fields.txt"
# What a record's field is called, by the meaning explore reads it for: record_fields.txt's names,
# then a page's field labels (header_fields.txt).
FIELD_NAMES = {meaning: (*names, *header_fields()[meaning]) for meaning, names in read_sections(_DATA).items()}
# a column named for a title in a crawler's schema (article_title, news_title, doctitle), not a
# subtitle's or a picture's
_TITLE_NAME = re.compile(r"(?!sub)[a-z]*_?title", re.I)
_FRONT_FIELD = re.compile(r"^([A-Za-z_\u4e00-\u9fff]+)\s*:\s*(.*)$")


def _front_matter_block(lines: list[str]) -> tuple[dict[str, str], int]:
    """A post's front matter fields and the index of the line after its closing ``---``; ({}, 0)
    when there is none (never closed, or not opened on the first lines)."""
    start = next((i for i, line in enumerate(lines[:3]) if line.strip() == "---"), None)
    if start is None:
        return {}, 0
    fields: dict[str, str] = {}
    for k, line in enumerate(lines[start + 1 : start + 40], start + 1):
        if line.strip() == "---":
            return fields, k + 1
        m = _FRONT_FIELD.match(line.strip())
        if m and m.group(2):
            fields.setdefault(m.group(1).lower(), m.group(2).strip().strip("'\""))
    return {}, 0


def _json_record(lines: list[str]) -> dict[str, str]:
    """A record saved as a JSON object (a crawler's item, one a file or a line): its string fields."""
    first = next((i for i, line in enumerate(lines[:3]) if line.strip()), None)
    if first is None or not lines[first].lstrip().startswith("{"):
        return {}
    for text in (lines[first], "\n".join(lines[first:])):
        try:
            found = json.loads(text)
        except ValueError:
            continue
        if isinstance(found, dict):
            return {str(k).lower(): v.strip() for k, v in found.items() if isinstance(v, str)}
    return {}


def _csv_record(lines: list[str]) -> dict[str, str]:
    """A row exported as CSV or TSV under its header, the header naming a title column
    (``id,title,content`` / ``1,关于…的通知,"…"``): the first row's fields by column."""
    header = next((line for line in lines[:3] if line.strip()), "")
    dialect = next((d for d in ("\t", ",") if d in header), None)
    if dialect is None:
        return {}
    names = [n.strip().strip('"').lower() for n in header.split(dialect)]
    if not all(re.fullmatch(r"[\w ]{1,40}", n) for n in names):
        return {}  # a line of prose with a comma in it, not a header's column names
    if not any(_titled(n) for n in names):
        return {}
    try:
        rows = [row for row in csv.reader(lines[lines.index(header) + 1 :], delimiter=dialect) if any(row)][:2]
    except csv.Error:
        return {}
    # one row is one document's record, and so is a first row that holds a document's text (an
    # excerpt cut in the next); a table of short rows (序号,名称,牵头单位) is a document's table
    if not rows or len(rows[0]) < 2 or (len(rows) > 1 and not holds_text(dict(zip(names, rows[0], strict=False)))):
        return {}
    return dict(zip(names, rows[0], strict=False))


def _field_lines(lines: list[str]) -> dict[str, str]:
    """A collector's fields on the first lines without front matter's rules (title: … / url: …):
    two or more, one a name ``FIELD_NAMES`` knows."""
    fields: dict[str, str] = {}
    for line in lines[:12]:
        m = _FRONT_FIELD.match(line.strip())
        if not m or not re.fullmatch(r"[A-Za-z_]+", m.group(1)):
            break
        fields.setdefault(m.group(1).lower(), m.group(2).strip().strip("'\""))
    known = any(name in fields for names in FIELD_NAMES.values() for name in names)
    return fields if len(fields) >= 2 and known else {}


def _titled(name: str) -> bool:
    """A record's field ``name`` holds its title."""
    return name in FIELD_NAMES["title"] or bool(_TITLE_NAME.fullmatch(name))


def _post_date(value: str) -> str:
    """A front matter date (2022-02-08, 2022-02-08 08:00, Tue, 08 Feb 2022 08:00:05 GMT) as ISO."""
    m = re.match(r"((?:19|20)\d{2})-(\d{1,2})-(\d{1,2})", value)
    if m:
        return f"{m.group(1)}-{int(m.group(2)):02d}-{int(m.group(3)):02d}"
    try:
        return parsedate_to_datetime(value).date().isoformat()
    except (TypeError, ValueError, IndexError):
        return ""


def record_fields(lines: list[str]) -> dict[str, str]:
    """``title``, ``issuer`` and ``number`` as the record states them (only those it states),
    from a SQL row among the first lines or a front matter block; and a post's ``published``
    date. A database row's dates are not taken: dumps fill them when they were crawled."""
    return read_record(lines)[0]


def read_record(lines: list[str]) -> tuple[dict[str, str], int]:
    """``record_fields``, and where the document's own text begins among ``lines``: past a post's
    front matter (its fields), or at a dump's document row (what stands above it is the dump's);
    0 for any other text."""
    row, row_at = dump_row(lines, titled=_titled)
    matter, matter_end = _front_matter_block(lines)
    raw = row or matter or _json_record(lines) or _csv_record(lines) or _field_lines(lines)
    out = {}
    if not row and (published := _post_date(raw.get("date", "") or raw.get("pubdate", ""))):
        out["published"] = published
    for meaning, names in FIELD_NAMES.items():
        value = next((raw[n].strip() for n in names if raw.get(n, "").strip()), "")
        if not value and meaning == "title":
            value = next((v.strip() for n, v in raw.items() if _titled(n) and v.strip()), "")
        if value:
            out[meaning] = value
    return out, matter_end or row_at
