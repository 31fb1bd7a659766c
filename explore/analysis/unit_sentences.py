"""Tasks a text assigns in sentences whose subject is a unit, with what it is to do and by when
(pure): ``市教育局要在11月底新建、续建幼儿园9所。``, ``赛罕区政府11月底启动…项目。`` — a news item
retelling a task division without its notes or table.

A sentence is such a task when, after at most a short opening clause or two (根据目标任务要求，
今年，), it opens on a unit's name (``units.unit_at``) followed by a word that sets it a duty or a
time (要, 将, 负责, 牵头, 在…前, 8月底, 年内). A document is read so only where no other reader
found an item and at least ``MIN_SENTENCES`` sentences do: one or two are prose that names a
unit. ``lead_rule`` is ``subject``.
"""

from __future__ import annotations

import re

from explore.analysis.summary import split_sentences
from explore.ingest.units import unit_at

RULE = "subject"
MIN_SENTENCES = 3
_OPENING = re.compile(r"^(?:[^，,。；;]{1,12}[，,]){0,2}")  # 根据目标任务要求，今年，
_DUTY = re.compile(r"(?:要|将|需|须|应|负责|牵头|于|在|年内|年底|上半年|下半年|\d{1,2}月)")


def _subject(sentence: str) -> str:
    """The unit a sentence sets a duty, or ''."""
    for m in _OPENING.finditer(sentence):
        for start in sorted({0, m.end()}):
            end = unit_at(sentence, start)
            if end is not None and _DUTY.match(sentence, end):
                return sentence[start:end]
    return ""


def unit_sentence_rows(paras: list[tuple[int, str]]) -> list[dict[str, object]]:
    """Each sentence that sets a unit a duty: number (its place among them), task, lead,
    partners (none), para_no, para_end; [] when fewer than ``MIN_SENTENCES`` do."""
    rows: list[dict[str, object]] = []
    for para_no, text in paras:
        for sentence in split_sentences(text, min_len=1):
            lead = _subject(sentence)
            if lead:
                number = str(len(rows) + 1)
                rows.append({"number": number, "task": sentence, "lead": lead, "partners": "",
                             "para_no": para_no, "para_end": para_no})  # fmt: skip
    return rows if len(rows) >= MIN_SENTENCES else []
