"""A SQL dump's document row (pure): which row of an excerpt of a database dump holds a document,
and its values by column.

Collections of government documents are often kept as dumps (phpMyAdmin, Navicat, mysqldump, or
written by hand): comments and settings, each table's CREATE TABLE, then its rows, ``INSERT INTO t
(columns) VALUES (…)`` or, naming no columns, ``INSERT INTO `t` VALUES (…)`` under the table's
CREATE TABLE. Tables of users or menus often come first: the document's row is the first row of a
table with a title column that holds a text, its values read by the columns its INSERT lists or its
table declares.
"""

from __future__ import annotations

import re
from collections.abc import Callable

_NAME = r"[`\"\[]?([\w.]+?)[`\"\]]?"
# a row's column list may end a line and its values begin the next ("… VALUES" / "('10', …")
_INSERT = re.compile(rf"insert\s+into\s+{_NAME}\s*(?:\(([^)]*)\))?\s*values\s*\(", re.I)
_CREATE = re.compile(rf"^\s*create\s+table\s+(?:if\s+not\s+exists\s+)?{_NAME}\s*\(", re.I)
# a column of CREATE TABLE: its name, and what its COMMENT says it holds (`bt` varchar(255) COMMENT '标题')
_COLUMN = re.compile(r"^\s*[`\"\[]?(\w+)[`\"\]]?\s+[a-z]+(?:\([\d, ]*\))?(?:.*?\bcomment\s+'([^']*)')?", re.I | re.S)
_NOT_COLUMN = re.compile(r"^\s*(?:primary|unique|key|index|constraint|foreign|fulltext)\b", re.I)
# a dump's lines between its tables and rows: comments, settings, DROP, locks, transactions
_SETUP = re.compile(
    r"^\s*(?:$|--|#|/\*.*\*/|(?:set|drop|lock|unlock|use|begin|start|commit|alter|create\s+database)\b)", re.I
)
_TEXT = 50  # characters of a value that is a document's text, not a label


def sql_values(text: str) -> list[str]:
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


def _definitions(text: str, start: int) -> tuple[list[str], int]:
    """The comma-separated parts of a parenthesis opened before ``start`` and where it closes (or
    where ``text`` ends: a dump's excerpt may be cut); commas inside quotes or inner parentheses
    (decimal(10,2), COMMENT '标题,名称') separate nothing."""
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
            return [*parts, text[begin:i]], i
        elif ch == ")":
            depth -= 1
        elif ch == "," and depth == 1:
            parts.append(text[begin:i])
            begin = i + 1
    return parts, len(text)


def _columns(parts: list[str]) -> list[str]:
    """The column names of a CREATE TABLE's parts, in order, one a line or all on one; a column
    whose COMMENT names it a title (标题, 文章标题, 文件名称) is called ``title``."""
    columns = []
    for part in parts:
        if not _NOT_COLUMN.match(part) and (m := _COLUMN.match(part)):
            named = m.group(2) and re.fullmatch(r"\w{0,4}(?:标题|名称)", m.group(2))
            columns.append("title" if named else m.group(1).lower())
    return columns


def holds_text(row: dict[str, str]) -> bool:
    """A record's row holds a document's text, not only labels, names and numbers."""
    return any(len(value) >= _TEXT for value in row.values())


_Row = tuple[dict[str, str], int]


def dump_row(lines: list[str], *, titled: Callable[[str], bool]) -> _Row:
    """The values by column of the document's row in a dump's first ``lines``, and the index of
    the line its INSERT begins on (what stands above it is the dump's: its settings, tables, rows
    of users or menus): the first row of a table with a column ``titled`` names that holds a text,
    else the first such row, else the first row; ({}, 0) when the lines are no dump (a line of
    prose before any row). A row among the first three lines is read wherever it stands."""
    tables: dict[str, list[str]] = {}
    first: _Row = ({}, 0)
    titled_row: _Row = ({}, 0)
    i, comment, prose = 0, False, False
    while i < len(lines):
        line = lines[i]
        if comment or (line.lstrip().startswith("/*") and "*/" not in line):  # a block comment (Navicat's header)
            comment = "*/" not in line
            i += 1
            continue
        if create := _CREATE.match(line):
            text = "\n".join(lines[i:])
            parts, end = _definitions(text, create.end())
            tables[create.group(1).lower()] = _columns(parts)
            i += text.count("\n", 0, end) + 1
            continue
        window = "\n".join(lines[i : i + 3])
        insert = _INSERT.search(window)
        at = i + window.count("\n", 0, insert.start()) if insert else 0
        if insert and ((insert.start() == len(window) - len(window.lstrip()) and not prose) or at < 3):
            listed = insert.group(2)
            names = (
                [n.strip(' `"[]').lower() for n in listed.split(",")]
                if listed
                else tables.get(insert.group(1).lower(), [])
            )
            row = dict(zip(names, sql_values(window[insert.end() :]), strict=False))
            if any(titled(name) for name in names) and (holds_text(row) or not titled_row[0]):
                titled_row = (row, at)  # a table of menus has a title column too: a document's row holds its text
                if holds_text(row):
                    return titled_row
            first = first if first[0] else (row, at)
        elif not (_SETUP.match(line) or line.lstrip().startswith("(")):
            prose = True  # no dump's line (a further tuple of a multi-row INSERT is one)
            if i >= 3:
                break
        i += 1
    return titled_row if titled_row[0] else first
