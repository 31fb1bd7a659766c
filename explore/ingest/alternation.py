"""One regular expression for "any of these words": the only place that writes one.

Longest first, because an alternation takes its first branch that matches: 改革 before 改革开放
would cut every 改革开放 short (a count would count it as 改革, a highlight would miss 开放)."""

from __future__ import annotations

import re
from collections.abc import Iterable


def any_of(words: Iterable[str]) -> str:
    """A pattern matching any of ``words`` literally, the longest where several start at one
    place; empty words are left out, and no words give a pattern that never matches."""
    unique = sorted(dict.fromkeys(w for w in words if w), key=len, reverse=True)
    return "|".join(map(re.escape, unique)) or "(?!)"
