"""Rows of a task table whose cells a page ran together with nothing between them (pure):
``类别序号重点督办内容牵头单位全年完成情况`` over ``…目标1地区生产总值增长6%左右。区发展改革委西城区…``.

Such a table is known by its header: three or more column names run together with no
punctuation between (``titles.txt``'s [column names]), one of them a lead or responsible
unit column (牵头单位, 第一责任单位, 责任单位). Its rows are known by their numbers, counting up
from 1, glued to the text before and after; a row's lead by what it is: a unit's name
(``units.is_unit``) starting right after the end of one of the row's sentences (。). Units
that follow the lead with nothing but a list's separators between are the lead's too when the
header has one unit column, the partners when it has a second (主要责任单位, 配合单位).
``lead_rule`` is ``glued cells``. The text is never changed.
"""

from __future__ import annotations

import re

from explore.ingest.role_labels import label_pattern
from explore.ingest.text import leading_name
from explore.ingest.title_lines import pattern
from explore.ingest.units import opens_on_place, unit_at

RULE = "glued cells"
_MIN_COLUMNS = 3
_MAX_GAP = 8  # characters between two column names of one header (重点督办内容 between 序号 and 牵头单位)
_MAX_TASK = 400  # characters from a row's number to the end of its task
_UNIT_COLUMN = re.compile(f"(?:{label_pattern('lead', 'responsible', 'partner')})")
_LEADER_COLUMN = re.compile(f"(?:{label_pattern('leader')})")
_NOT_HAN = re.compile(r"[^\u4e00-\u9fff]")
_LIST_SEPARATOR = re.compile(r"[、，,；;\s]*")
# what a row's number is not: a count (2个), a date (12月), a figure's digits (2.6万, 30%)
_NOT_A_ROW = "个项家人名户件条所座套次批年月日号万亿千百元倍岁届期周天时"


def _header(text: str) -> tuple[int, int, bool] | None:
    """(end of the header, unit columns in it, whether a leader's column stands in it) of the
    first run-together header in ``text``."""
    runs: list[list[re.Match[str]]] = [[]]
    for m in pattern("column names").finditer(text):
        run = runs[-1]
        if run and (m.start() - run[-1].end() > _MAX_GAP or _NOT_HAN.search(text, run[-1].end(), m.start())):
            runs.append(run := [])
        run.append(m)
    for run in runs:
        whole = text[run[0].start() : run[-1].end()] if run else ""
        if len(run) >= _MIN_COLUMNS and _UNIT_COLUMN.search(whole):
            return run[-1].end(), len(_UNIT_COLUMN.findall(whole)), bool(_LEADER_COLUMN.search(whole))
    return None


def _units_from(text: str, start: int) -> tuple[list[str], int]:
    """The units listed from ``start`` (glued or apart by 、), and where the list ends."""
    found: list[str] = []
    at = start
    while True:
        skip = _LIST_SEPARATOR.match(text, at).end() if found else at  # type: ignore[union-attr]
        end = unit_at(text, skip)
        if end is None or (found and skip == at and not opens_on_place(text[skip:end])):
            return found, at  # glued on, a name opens on its place (市经贸委), not on 根据市人力社保局
        found.append(text[skip:end])
        at = end


def _row_number(text: str, k: int, start: int) -> re.Match[str] | None:
    return re.compile(rf"(?<![\d.．]){k}(?![\d.．%％{_NOT_A_ROW}])(?=[\u4e00-\u9fff])").search(text, start)


def task_spans(paras: list[tuple[int, str]]) -> dict[int, list[tuple[int, int]]]:
    """para_no → (start, end) of each glued row's task in that paragraph's text: a task column's
    cell, which ``figures`` reads as a '|' table's."""
    text_of = dict(paras)
    spans: dict[int, list[tuple[int, int]]] = {}
    for row in glued_rows(paras):
        para_no, task = int(row["para_no"]), str(row["task"])  # type: ignore[call-overload]
        at = text_of[para_no].find(task, spans[para_no][-1][1] if spans.get(para_no) else 0)
        if at >= 0:
            spans.setdefault(para_no, []).append((at, at + len(task)))
    return spans


def glued_rows(paras: list[tuple[int, str]]) -> list[dict[str, object]]:
    """Each numbered row of the first run-together task table: number, task, lead, partners,
    para_no, para_end; [] when no paragraph holds such a header or no row a unit after its task."""
    found = next(((i, h) for i, (_, text) in enumerate(paras) if (h := _header(text)) is not None), None)
    if found is None:
        return []
    i, (end, unit_columns, leader_column) = found
    starts, pieces, length = [], [], 0
    for para_no, t in paras[i:]:
        starts.append((length, para_no))
        pieces.append(t)
        length += len(t) + 1
    whole = "\n".join(pieces)

    def para_of(offset: int) -> int:
        return max(p for s, p in starts if s <= offset)

    rows: list[dict[str, object]] = []
    at, k = end, 1
    while (m := _row_number(whole, k, at)) is not None:
        lead_at = next(
            (
                s.end()
                for s in re.finditer("。", whole[m.end() : m.end() + _MAX_TASK])
                if unit_at(whole, m.end() + s.end())
            ),
            None,
        )
        if lead_at is None:
            break
        lead_start = m.end() + lead_at
        if leader_column:
            lead_start = _after_leader(whole, lead_start)
        units, after = _units_from(whole, lead_start)
        lead, partners = (units[:1], units[1:]) if unit_columns >= 2 else (units, [])
        rows.append(
            {
                "number": str(k),
                "task": whole[m.end() : m.end() + lead_at].strip(),
                "lead": "、".join(lead),
                "partners": "、".join(partners),
                "para_no": para_of(m.start()),
                "para_end": para_of(after),
            }
        )
        at, k = after, k + 1
    return rows


def _after_leader(text: str, at: int) -> int:
    """Where the unit starts when the leader's cell stands glued before it (何海平教育局): after the
    person's name the tagger reads there, when the same unit stands whole after it."""
    end = unit_at(text, at)
    if end is None or opens_on_place(text[at:end]):
        return at
    name = leading_name(text[at:end])
    return at + name if name and unit_at(text, at + name) == end else at
