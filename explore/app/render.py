"""Safe text for Streamlit Markdown (pure): escaping and highlighting without any HTML.

Document and user text may contain Markdown, LaTeX (``$…$``), Streamlit directives
(``:red[…]``) or HTML. Every ASCII punctuation character is backslash-escaped, so all of it
shows literally; highlights are then added with Streamlit's own ``:color-background[…]``
directive around already-escaped text. Nothing here needs ``unsafe_allow_html``.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from explore.ingest.alternation import any_of

_MD_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+\-.!|~<>$:&\"'=^%@,;?/])")


def escape_markdown(text: str) -> str:
    """Text that Streamlit Markdown shows exactly as written (newlines become line breaks)."""
    escaped = _MD_SPECIAL.sub(r"\\\1", text)
    return escaped.replace("\n", "  \n")


def highlight_markdown(
    text: str,
    terms: Iterable[str],
    *,
    color: str = "orange",
    guessed: Iterable[int] = (),
    shared: Iterable[int] = (),
) -> str:
    """``text`` escaped, with the characters at ``shared`` positions (wording two aligned
    paragraphs have in common) marked ``:green-background[…]``, each occurrence of ``terms``
    ``:orange-background[…]`` over them, and the characters at ``guessed`` positions (guessed by
    the repair, see ``guessed_positions``) ``:violet-background[…]`` over both. Nothing is added
    to the text but the markup."""
    if color not in ("orange", "blue", "green", "red", "violet", "gray"):
        raise ValueError(f"unsupported highlight colour {color!r}")
    style: list[str | None] = [None] * len(text)
    for i in shared:
        if 0 <= i < len(text):
            style[i] = "green"
    for m in re.finditer(any_of(terms), text):
        style[m.start() : m.end()] = [color] * (m.end() - m.start())
    for i in guessed:
        if 0 <= i < len(text):
            style[i] = "violet"
    out, start = [], 0
    for i in range(1, len(text) + 1):
        if i == len(text) or style[i] != style[start]:
            piece = escape_markdown(text[start:i])
            if style[start] == "green":
                # shared wording: green text on the (faint) green background, to be seen at a glance
                out.append(f":green-background[:green[{piece}]]")
            else:
                out.append(f":{style[start]}-background[{piece}]" if style[start] else piece)
            start = i
    return "".join(out)


# 40 distinct colours (Tableau 20, then D3's category20b), one per district in a fixed order.
PALETTE = (
    "#4e79a7", "#f28e2b", "#e15759", "#76b7b2", "#59a14f", "#edc948", "#b07aa1", "#ff9da7", "#9c755f", "#bab0ac",
    "#1f77b4", "#aec7e8", "#ff7f0e", "#ffbb78", "#2ca02c", "#98df8a", "#d62728", "#ff9896", "#9467bd", "#c5b0d5",
    "#393b79", "#5254a3", "#6b6ecf", "#9c9ede", "#637939", "#8ca252", "#b5cf6b", "#cedb9c", "#8c6d31", "#bd9e39",
    "#e7ba52", "#e7cb94", "#843c39", "#ad494a", "#d6616b", "#e7969c", "#7b4173", "#a55194", "#ce6dbd", "#de9ed6",
)  # fmt: skip


def district_colors(all_districts: Iterable[str]) -> tuple[list[str], list[str]]:
    """(domain, range) for a chart's district colour: every district of the corpus in name order,
    so a district keeps its colour on every chart and under every filter; past 40 districts the
    colours repeat (with the name beside each point in tooltips)."""
    domain = sorted({d for d in all_districts if d})
    return domain, [PALETTE[i % len(PALETTE)] for i in range(len(domain))]
