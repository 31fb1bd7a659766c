"""Safe text for Streamlit Markdown (pure): escaping and highlighting without any HTML.

Document and user text may contain Markdown, LaTeX (``$…$``), Streamlit directives
(``:red[…]``) or HTML. Every ASCII punctuation character is backslash-escaped, so all of it
shows literally; highlights are then added with Streamlit's own ``:color-background[…]``
directive around already-escaped text. Nothing here needs ``unsafe_allow_html``.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

_MD_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+\-.!|~<>$:&\"'=^%@,;?/])")


def escape_markdown(text: str) -> str:
    """Text that Streamlit Markdown shows exactly as written (newlines become line breaks)."""
    escaped = _MD_SPECIAL.sub(r"\\\1", text)
    return escaped.replace("\n", "  \n")


def highlight_markdown(text: str, terms: Iterable[str], *, color: str = "orange") -> str:
    """``text`` escaped, with each occurrence of ``terms`` marked ``:orange-background[…]``."""
    if color not in ("orange", "blue", "green", "red", "violet", "gray"):
        raise ValueError(f"unsupported highlight colour {color!r}")
    terms = sorted({t for t in terms if t}, key=len, reverse=True)
    if not terms:
        return escape_markdown(text)
    pattern = re.compile("|".join(re.escape(t) for t in terms))
    out, pos = [], 0
    for m in pattern.finditer(text):
        out.append(escape_markdown(text[pos : m.start()]))
        out.append(f":{color}-background[{escape_markdown(m.group())}]")
        pos = m.end()
    out.append(escape_markdown(text[pos:]))
    return "".join(out)
