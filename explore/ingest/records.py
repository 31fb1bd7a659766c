"""A collected record's own fields: the title, issuer and number a database row or a post's
front matter states, and a post's date, read as fields rather than guessed from lines (pure).

Collections of government documents are often rows of a database dump (``insert into t (id,
title, release_office, …) values (39, '国务院关于…', '国务院', …``, or a dump's ``INSERT INTO `t` VALUES
(…)`` under its CREATE TABLE), a row exported as CSV under its header, or posts with front matter
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

from explore.ingest.header_fields import fields as header_fields

# What a record's field is called, by the meaning explore reads it for.
FIELD_NAMES = {
    # (a Chinese schema's pinyin initials: bt 标题, wjbt 文件标题, wjmc 文件名称, xxmc 信息名称)
    "title": (
        "title",
        "doc_title",
        "policy_title",
        "name",
        "headline",
        "heading",
        "bt",
        "wjbt",
        "wjmc",
        "xxmc",
        *header_fields()["title"],
    ),
    "issuer": ("release_office", "issuer", "issuing_body", "publisher", "office", *header_fields()["issuer"]),
    "number": ("release_number", "doc_number", "document_number", *header_fields()["number"]),
}
_INSERT = re.compile(r"insert\s+into\s+[`\"\[\]\w.]+\s*\(([^)]*)\)\s*values\s*\(", re.I)
# a dump's row without its columns (mysqldump, Navicat: INSERT INTO `t` VALUES (…)), named by the
# table's CREATE TABLE above it
_BARE_INSERT = re.compile(r"insert\s+into\s+[`\"\[\]\w.]+\s*values\s*\(", re.I)
# a column of CREATE TABLE: its name, and what its COMMENT says it holds (`bt` varchar(255) COMMENT '标题')
_COLUMN = re.compile(r"^\s*[`\"\[]?(\w+)[`\"\]]?\s+[a-z]+(?:\([\d, ]*\))?(?:.*?\bcomment\s+'([^']*)')?", re.I)
_NOT_COLUMN = re.compile(r"^\s*(?:primary|unique|key|index|constraint|foreign|fulltext|create|\))", re.I)
# a column named for a title in a crawler's schema (article_title, news_title, doctitle), not a
# subtitle's or a picture's
_TITLE_NAME = re.compile(r"(?!sub)[a-z]*_?title", re.I)
_FRONT_FIELD = re.compile(r"^([A-Za-z_\u4e00-\u9fff]+)\s*:\s*(.*)$")


def _sql_values(text: str) -> list[str]:
    """The values of a SQL row, as written, up to where the line stops ('' for null): quoted
    strings with '' or \\' inside, numbers and null. An unterminated last string is dropped."""
    values, i = [], 0
    while i < len(text):
        ch = text[i]
        if ch in " ,\t":
            i += 1
        elif ch in "'\"":
            out, i = [], i + 1
            while i < len(text):
                if text[i] == "\\" and i + 1 < len(text):
                    out.append(text[i + 1])
                    i += 2
                elif text[i] == ch and text[i + 1 : i + 2] == ch:
                    out.append(ch)
                    i += 2
                elif text[i] == ch:
                    break
                else:
                    out.append(text[i])
                    i += 1
            else:
                return values  # the string runs on past the line: the row's long content
            values.append("".join(out))
            i += 1
        elif ch == ")":
            break
        else:
            m = re.match(r"[^,)]*", text[i:])
            token = m.group().strip() if m else ""
            values.append("" if token.lower() == "null" else token)
            i += max(len(token), 1)
    return values


def _sql_row(line: str, columns: list[str]) -> dict[str, str]:
    """A SQL row's values by column: the columns its INSERT lists, else ``columns`` (its table's)."""
    if m := _INSERT.search(line):
        names = [n.strip(' `"[]').lower() for n in m.group(1).split(",")]
    elif columns and (m := _BARE_INSERT.search(line)):
        names = columns
    else:
        return {}
    return dict(zip(names, _sql_values(line[m.end() :]), strict=False))


_CREATE = re.compile(r"create\s+table\s+(?:if\s+not\s+exists\s+)?[`\"\[\]\w.]+\s*\(", re.I)


def _definitions(text: str, start: int) -> list[str]:
    """The comma-separated parts of a parenthesis opened before ``start``, up to where it closes
    (or where ``text`` ends: a dump's excerpt may be cut); commas inside quotes or inner
    parentheses (decimal(10,2), COMMENT '标题,名称') separate nothing."""
    parts, depth, quote, begin = [], 1, "", start
    for i in range(start, len(text)):
        ch = text[i]
        if quote:
            quote = "" if ch == quote else quote
        elif ch in "'\"`":
            quote = ch
        elif ch == "(":
            depth += 1
        elif ch == ")" and depth == 1:
            return [*parts, text[begin:i]]
        elif ch == ")":
            depth -= 1
        elif ch == "," and depth == 1:
            parts.append(text[begin:i])
            begin = i + 1
    return parts


def _table_columns(lines: list[str]) -> list[str]:
    """The columns of the first CREATE TABLE among ``lines``, in order, one a line or all on one;
    a column whose COMMENT names it a title (标题, 文章标题, 文件名称) is called ``title``."""
    text = "\n".join(lines)
    if not (create := _CREATE.search(text)):
        return []
    columns = []
    for part in _definitions(text, create.end()):
        if not _NOT_COLUMN.match(part) and (m := _COLUMN.match(part)):
            named = m.group(2) and re.fullmatch(r"\w{0,4}(?:标题|名称)", m.group(2))
            columns.append("title" if named else m.group(1).lower())
    return columns


def _front_matter(lines: list[str]) -> dict[str, str]:
    start = next((i for i, line in enumerate(lines[:3]) if line.strip() == "---"), None)
    if start is None:
        return {}
    fields: dict[str, str] = {}
    for line in lines[start + 1 : start + 40]:
        if line.strip() == "---":
            return fields
        m = _FRONT_FIELD.match(line.strip())
        if m and m.group(2):
            fields.setdefault(m.group(1).lower(), m.group(2).strip().strip("'\""))
    return {}  # never closed: no front matter


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
    if not all(re.fullmatch(r"[\w ]{1,24}", n) for n in names):
        return {}  # a line of prose with a comma in it, not a header's column names
    if not any(n in FIELD_NAMES["title"] or _TITLE_NAME.fullmatch(n) for n in names):
        return {}
    try:
        rows = [row for row in csv.reader(lines[lines.index(header) + 1 :], delimiter=dialect) if any(row)][:2]
    except csv.Error:
        return {}
    # one row is one document's record; a table of many rows (序号,名称,牵头单位) is a document's table
    if len(rows) != 1 or len(rows[0]) < 2:
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


def _post_date(value: str) -> str:
    """A front matter date (2022-02-08, 2022-02-08 08:00, Tue, 08 Feb 2022 08:00:05 GMT) as ISO."""
    m = re.match(r"((?:19|20)\d{2})-(\d{1,2})-(\d{1,2})", value)
    if m:
        return f"{m.group(1)}-{int(m.group(2)):02d}-{int(m.group(3)):02d}"
    try:
        return parsedate_to_datetime(value).date().isoformat()
    except (TypeError, ValueError, IndexError):
        return ""


# a dump's lines before its rows: comments, settings, DROP/CREATE TABLE and its columns, locks
_SETUP = re.compile(
    r"^\s*(?:$|--|/\*|#|(?:set|drop|lock|unlock|use|begin|start|commit|create)\b|\)\s*(?:engine|;|$))", re.I
)


def _past_setup(lines: list[str]) -> int:
    """Where a dump's first row stands: past its setup lines and its CREATE TABLE's columns."""
    creating = False
    for i, line in enumerate(lines):
        if re.match(r"\s*insert\s", line, re.I):
            return i
        creating = creating or bool(re.match(r"\s*create\s+table", line, re.I))
        if not (_SETUP.match(line) or (creating and (_COLUMN.match(line) or _NOT_COLUMN.match(line)))):
            return i
        creating = creating and not re.search(r"^\s*\)|;\s*$", line)  # the statement closes
    return 0


def record_fields(lines: list[str]) -> dict[str, str]:
    """``title``, ``issuer`` and ``number`` as the record states them (only those it states),
    from a SQL row among the first lines or a front matter block; and a post's ``published``
    date. A database row's dates are not taken: dumps fill them when they were crawled."""
    # a row's column list may end a line and its values begin the next ("… VALUES" / "('10', …");
    # a dump's excerpt opens on its setup and its table's CREATE TABLE before the row
    columns = _table_columns(lines)
    first = _past_setup(lines)
    near = lines[first : first + 3]
    row = next((row for line in near if (row := _sql_row(line, columns))), {}) or _sql_row("\n".join(near), columns)
    raw = row or _front_matter(lines) or _json_record(lines) or _csv_record(lines) or _field_lines(lines)
    out = {}
    if not row and (published := _post_date(raw.get("date", "") or raw.get("pubdate", ""))):
        out["published"] = published
    for meaning, names in FIELD_NAMES.items():
        value = next((raw[n].strip() for n in names if raw.get(n, "").strip()), "")
        if not value and meaning == "title":
            value = next((v.strip() for n, v in raw.items() if _TITLE_NAME.fullmatch(n) and v.strip()), "")
        if value:
            out[meaning] = value
    return out
