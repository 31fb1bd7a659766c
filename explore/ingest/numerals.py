"""Numbers written in Chinese numerals (pure): the project's one numeral parser, over cn2an.

Dates (二〇一一年四月二十二日), outline numbers (（十二）) and counted lists (十三项改革) all read their
numerals here. Scrapes write 〇 as ○ or a Latin o.
"""

from __future__ import annotations

import cn2an

_ZERO = str.maketrans({"○": "〇", "o": "〇", "O": "〇"})


def cn_number(text: str) -> int | None:
    """The value of ``text`` in Chinese numerals (二十八 → 28, 二〇一一 → 2011), None when it is not one."""
    value = cn_value(text)
    return None if value is None else int(value)


def cn_value(text: str) -> float | None:
    """``cn_number`` keeping a decimal part (十点七 → 10.7), as an old report writes a figure."""
    try:
        return float(cn2an.cn2an(text.translate(_ZERO), "smart"))
    except (ValueError, KeyError, TypeError):
        return None
