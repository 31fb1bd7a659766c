"""Task tables that a page ran into text with only spaces between the cells (pure).

``工作任务和内容 责任单位 配合单位 完成时间 负责全县…的舆论宣传. 县委宣传部 持续开展 负责…督导和检查
考核工作. 县委县政府 督查室 持续开展 …``: no row numbers, no ``|``, one cell a line nowhere. The
header still names the columns, and the cells are still what they are: a task is prose, a
responsible unit is a unit's name (``ingest.units``), a deadline is a short phrase. So after
such a header, each run of unit names closes the task written before it, and the short
phrases after the units are its deadline, not the next task.
"""

from __future__ import annotations

import re

from explore.analysis.table_columns import header_cell, header_columns
from explore.ingest.units import is_unit

MIN_HEADER = 3  # header cells in a row
MIN_TASK = 8  # characters: shorter text before a unit is no task
_SHORT = 12  # characters: a deadline phrase (持续开展, 7月底前完成) is short and no sentence
_SENTENCE = re.compile(r"[。.,，;；:：!！?？]")
# A deadline may be longer when it says when (12月底前完成新能源汽车更换).
_DEADLINE = re.compile(r"\d{1,2}月|年底|底前|前完成|持续|长期|常态")
_PLACE_WORD = re.compile(r"^[县区市省镇][\u4e00-\u9fff]{1,4}$")  # 县交通 of "县交通 运输局"


def _spread_joined(tokens: list[str]) -> tuple[list[str], list[int]]:
    """Tokens with a label spread one character a token joined again (工 作 任 务 → 工作任务),
    and where each joined token ends among ``tokens``."""
    out: list[str] = []
    ends: list[int] = []
    for k, token in enumerate(tokens):
        single = re.fullmatch(r"[\u4e00-\u9fff]", token)
        if single and k and re.fullmatch(r"[\u4e00-\u9fff]", tokens[k - 1]) and out:
            out[-1] += token
            ends[-1] = k + 1
        else:
            out.append(token)
            ends.append(k + 1)
    return out, ends


def _header(tokens: list[str]) -> tuple[int, dict[str, int]] | None:
    """Where a run of header cells that names a task and a lead column ends, and its columns."""
    cells, ends = _spread_joined(tokens)
    for start in range(len(cells)):
        end = start
        while end < len(cells) and header_cell(cells[end]):
            end += 1
        if end - start >= MIN_HEADER and (cols := header_columns(cells[start:end])):
            return ends[end - 1], cols
    return None


def _deadline(token: str) -> bool:
    return not _SENTENCE.search(token) and (
        len(token) <= _SHORT or (len(token) <= 20 and bool(_DEADLINE.search(token)))
    )


def _units_at(tokens: list[str], i: int) -> tuple[list[str], int]:
    """The unit names from token ``i`` on, and where they stop. A short organ after a unit is
    one name written with a space (县委县政府 督查室); so is a place word before an organ
    (县交通 运输局: the place word is read with the unit, see ``spaced_rows``)."""
    units: list[str] = []
    # a column's name repeated over a page's table (牵头单位) ends like a unit and is none
    while i < len(tokens) and is_unit(tokens[i]) and not header_cell(tokens[i]):
        if units and len(tokens[i]) <= 4 and not tokens[i].startswith(("县", "区", "市", "省", "镇")):
            units[-1] += " " + tokens[i]
        else:
            units.append(tokens[i])
        i += 1
    return units, i


def spaced_rows(paras: list[tuple[int, str]]) -> list[dict[str, object]]:
    """Rows (as ``task_table.table_rows`` gives them) of a table run into text after its header."""
    rows: list[dict[str, object]] = []
    tokens: list[tuple[int, str]] = []
    cols: dict[str, int] | None = None
    for para_no, text in paras:
        words = text.split()
        if cols is None:
            found = _header(words)
            if found is None:
                continue
            end, cols = found
            header_para, words = para_no, words[end:]
        tokens += [(para_no, w) for w in words]
    if cols is None:
        return []
    words = [w for _, w in tokens]
    # a line that opens on a row's number starts its task: what stood before it (the last row's
    # remark, the header's second line) is no part of it
    numbered = {
        k for k, (p, w) in enumerate(tokens) if (k == 0 or tokens[k - 1][0] != p) and re.fullmatch(r"\d{1,3}", w)
    }
    task: list[int] = []
    i = 0
    while i < len(words):
        units, after = _units_at(words, i)
        if not units:
            task = [i] if i in numbered else [*task, i]
            i += 1
            continue
        if task and _PLACE_WORD.match(words[task[-1]]) and is_unit(words[task[-1]] + units[0]):
            units[0] = f"{words[task.pop()]} {units[0]}"
        number = words[task[0]] if task and re.fullmatch(r"\d{1,3}", words[task[0]]) else ""
        text = " ".join(words[j] for j in task[bool(number) :])
        if len(text) >= (4 if number else MIN_TASK):  # a numbered row's task may be short (新增城镇就业)
            rows.append(
                {
                    "number": number,
                    "task": text,
                    "lead": units[0],
                    "partners": "、".join(units[1:]) if "partners" in cols else "",
                    "leaders": "",
                    "para_no": tokens[task[0]][0],
                    "para_end": tokens[after - 1][0],
                    "header_para": header_para,
                }
            )
        task = []
        i = after
        while i < len(words) and _deadline(words[i]) and not is_unit(words[i]) and i not in numbered:
            i += 1  # the deadline, up to the next numbered row
    return rows
