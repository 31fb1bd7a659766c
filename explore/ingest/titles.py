"""A document's title from its first lines (pure).

Scraped pages put many short lines before the document's own heading: site navigation, link
labels (查看原文, 跳转到内容), database statements, table rows, keyword spam, bylines. Each of
the first lines is a candidate; lines that cannot be a title are refused, and among the rest
the one that reads most like a heading wins: it names a kind of document or event (报告, 通知,
方案, 决议, 会议 …), or it is repeated (aggregators print the headline two or three times), and it
comes early. The chosen line is cleaned of what the site added to it (``title_clean``). A
labelled title (``标题：…``, ``文件名称 | … |``) wins outright.
"""

from __future__ import annotations

import itertools
import re
from collections import Counter
from difflib import SequenceMatcher

from explore.ingest.clean import CleanDoc
from explore.ingest.dates import SPEAKER_AT
from explore.ingest.gazetteer import count_mentions
from explore.ingest.header_fields import label_pattern as field_labels
from explore.ingest.issuers import units_of
from explore.ingest.numbering import ARABIC, SECTION
from explore.ingest.title_clean import clean_title
from explore.ingest.title_joins import (
    MEETING,
    ORGAN,
    issued_titles,
    joined_headings,
    printed_again,
    quoted_headings,
    retold_headings,
    run_together,
)
from explore.ingest.title_lines import (
    SENTENCE,
    body_line,
    chatting,
    han_count,
    kind_end,
    list_label,
    named_kind,
    names_kind,
    pattern,
    refused,
    under_title,
    unfinished,
    without_note,
)

_LABEL = re.compile(
    r"^(?:(?:文件|信息)?(?:名\s*称|标\s*题)\s*(?:[:：|]|\s(?=\s*\S{6}))"
    # a page's own line for the title it shows (正在阅读:【栏目】…, 本文标题: …)
    r"|(?:您?正在阅读|当前文章|本文标题)\s*[:：]"
    # a reader service's Markdown of a page (Title: … / URL Source: … / Markdown Content:)
    r"|Title:(?=.*[\u4e00-\u9fff]))[\s|]*(.+?)[\s|]*$"
)
# the same field after others on its line (废止时间: 2020-01-23 名称: …)
_LABEL_AFTER = re.compile(
    r"[:：]\s*\S+\s+(?:文件|信息)?(?:名\s*称|标\s*题)\s*[:：]\s*(\S.+?)[\s|]*$"
    # a law library's row of bracketed labels (1988-1-6【标题】…办法(试行)【发文号】【失效时间】…)
    r"|【(?:标\s*题|名\s*称)】\s*([^【】]+?)\s*(?=【|$)"
)
# A news item's byline (□ 本报记者 叶仕春): its headline stands above it, the subheadings below.
_BYLINE = re.compile(r"^\W*(?:本报|本台|新华社|[\u4e00-\u9fff]{2,6}(?:报|网))?\s*(?:记者|通讯员)")
# A channel's tag before a headline (时政|…): a tag where the page prints the headline without it too.
_CHANNEL = re.compile(r"^[\u4e00-\u9fff]{2,4}\s*[|｜]\s*(?=\S)")
# A headline's exclamatory opening words (首次披露!, 重磅!, 划重点!) or its day (1月28日,云南省…开幕):
# no sentence's end. A lede's day has its time too (1月28日上午,…): it stays a sentence.
_KICKER = re.compile(r"^(?:[^，,。！!？?]{2,6}[！!]|\d{1,2}月\d{1,2}日\s*[,，])(?=\s*[\u4e00-\u9fff“《]{4})")
_HEAD = 14
_MARKS = re.compile(r"[《》〈〉“”‘’\"「」『』]")
_FIRST_SECTION = re.compile(rf"^(?=[一1])(?:{SECTION}|{ARABIC})")  # numbering's 一、 or 1. (never 1.5)


# a report's meeting note, with or without its brackets or dash (——2018年3月26日在…第四次会议上)
_MEETING_NOTE = re.compile(
    rf"^[—－\-]*\s*[（(]?\s*(?:19|20)\d{{2}}\s*年[^在（()）]{{0,12}}{SPEAKER_AT.pattern}\s*[）)]?$"
)
_YEAR_NOTE = re.compile(r"\s*[（(]\s*(?:19|20)\d{2}\s*年?\s*[）)]$")


def _as_the_page_gives_it(chosen: str, valid: list[str], head: list[str], joined: list[tuple[int, str]]) -> str:
    """The chosen heading as the page gives it whole: cut short under its 文号 (关于印发…办理人大代表建议)
    or cut at its start (a listing's 《…办法》的决定) where another line holds it whole; without the
    organ line it was joined to (国防科学技术工业委员会 / 关于印发…) where the page writes it alone too;
    without the year a headline adds where the heading stands without it, nor the site's name a
    page's <title> adds (…开展调研工作 东区办事处, the two printed apart on the page); with its organ in full
    where a headline shortened it to its place (桂东县关于… / 桂东县人民政府 + 关于…)."""
    heading, _, name = chosen.rpartition(" ")
    if heading in valid and name in head and not kind_end(chosen):
        # a page's <title> adds the site's name after a space, which the page prints alone too (a
        # heading split on the page, …整体支出 / 绩效评价报告, ends on its kind)
        return heading
    if not kind_end(chosen):
        return next((line for line in valid if line.startswith(chosen) and kind_end(line)), chosen)
    if (bare := _YEAR_NOTE.sub("", chosen)) != chosen and bare in valid:
        return bare  # a law database's headline adds the year (…的通知(2000年)); the heading has none
    if not _opens_as_title(chosen) and not chosen.startswith("关于"):
        return next(
            (line for line in valid if line != chosen and line.endswith(chosen) and _opens_as_title(line)), chosen
        )
    if "关于" not in chosen and (own := _own_heading(chosen, valid)):
        return own
    place, _, subject = chosen.partition("关于")
    for i, line in joined:
        rest = line[len(head[i]) :]
        organ = ORGAN.fullmatch(head[i]) or units_of(head[i])
        if line == chosen and organ and any(k != i + 1 and head[k] == rest for k in range(len(head))):
            return rest
        if organ and subject and place and head[i].startswith(place) and rest == "关于" + subject:
            return line  # 桂东县关于…的通告 in a headline, 桂东县人民政府 / 关于…的通告 in the document
    return chosen


_SAME_SUBJECT = 8  # characters a site's headline and the document's heading share, at least


def _own_heading(headline: str, valid: list[str]) -> str:
    """The document's own heading, its organ then 关于 (息县人民政府关于息县全面禁止燃放烟花爆竹的通告),
    under a site's headline that retells it (信阳息县全面禁止燃放烟花爆竹的通知); '' when none."""
    for line in valid:
        organ, found, _ = line.partition("关于")
        if not found or line == headline or not kind_end(line) or not units_of(organ):
            continue
        match = SequenceMatcher(None, headline, line).find_longest_match(0, len(headline), 0, len(line))
        if match.size >= _SAME_SUBJECT:
            return line
    return ""


# what stands under a page's own heading: its date, source or byline fields, a date, its tools
# (点击数, 字号, 分享), a speaker's dash
_OWN_BELOW = re.compile(
    rf"^\W*(?:(?:{field_labels('issued date', 'published date', 'any date', 'source', 'byline')})\s*[:：]"
    r"|[(（]?\s*(?:19|20)\d{2}\s*[-年/.]\s*\d{1,2}\s*[-月/.]|第[一1]章|点击|浏览|阅读|——)"
)


# a page's tools, above its heading or below it (【字体：大 中 小】, 分享到, 【打印】)
_TOOLS = re.compile(r"^\W*(?:字号|字体|分享|打印|关闭|收藏)")


def _listed(head: list[str], raw: list[str]) -> set[int]:
    """The lines of a page's list of other pages' headlines under its label (热点新闻 / A / B):
    each line after the label that reads as a headline, up to the first that does not; but the
    last of them is the page's own heading when what stands under it, as the page prints it
    (``raw``), past the page's tools, is the page's (``_OWN_BELOW``, the body or its first heading,
    its 文号 or addressees):
    热点新闻 / A / B / the page's heading / 发布时间: …."""
    out: set[int] = set()
    for i, line in enumerate(raw):
        if not list_label(line):
            continue
        run = list(itertools.takewhile(lambda k: _headline(head[k]), range(i + 1, len(head))))
        below = next((x for x in raw[run[-1] + 1 :] if not _TOOLS.match(x)), "") if run else ""
        if run and _owns(below):
            run = run[:-1]
        out.update(run)
    return out


def _headline(line: str) -> bool:
    return han_count(line) >= 6 and not SENTENCE.search(line) and not refused(line)


def _owns(line: str) -> bool:
    return bool(_OWN_BELOW.match(line) or _FIRST_SECTION.match(line)) or body_line(line) or under_title(line)


def _with_place(line: str, title: str) -> bool:
    """``line`` is ``title`` with a place before it (石景山区 + 贯彻落实…方案), or the meeting that
    adopts it (…第一届全国人民代表大会第一次会议 + 关于政府工作报告的决议)."""
    prefix = line.removesuffix(title)
    if prefix == line:
        return False
    placed = bool(re.fullmatch(r"[\u4e00-\u9fff]{2,12}", prefix)) and bool(count_mentions(prefix))
    return placed or bool(MEETING.fullmatch(prefix))


def _score(line: str, position: int, repeats: int, *, above: bool = False) -> float:
    score = 0.0
    if above:
        # the line its 文号, addressees or meeting note stand under is the title, wherever the
        # page's own heading or a site's menu put other candidates first (LABELLING.md: dev351)
        score += 2
    if names_kind(line):
        score += 2
    if repeats > 1:
        score += 1
    # (a headline may end on an exclamation: 撤镇设街!…行政区划获批调整!; its clauses are counted in
    # words, not marks: …会议上午开幕,温国辉作《政府工作报告》 is a headline's two parts)
    if SENTENCE.search(_MARKS.sub("", _KICKER.sub("", line)).rstrip("!！")):
        score -= 3
    if re.search(r"(19|20)\d{2}年", line):
        score += 0.5
    # A category label (决议决定) is shorter than the heading under it; past 12 characters
    # length says nothing (a newspaper's subheading is often the longest line).
    score += min(len(line), 12) / 24
    return score - position * 0.15


_TITLE_START = re.compile(r"(?:19|20)\d{2}|关于|中共|国务院")


def _opens_as_title(line: str) -> bool:
    """``line`` opens as a title does (a year, 关于, a place, an organ before 关于), not as a piece
    of one printed split (…执行情况与2023年国民经济 / 和社会发展计划草案的报告)."""
    issuer = line.split("关于", 1)[0] if "关于" in line else ""
    return bool(_TITLE_START.match(line) or count_mentions(line[:10]) or (issuer and units_of(issuer)))


def _end(head: list[str], i: int, line: str) -> int:
    """Where ``line``, which begins at ``head[i]`` and may join the lines after it, ends."""
    end, taken = i + 1, len(head[i])
    while end < len(head) and taken < len(line.replace(" ", "")):
        taken += len(head[end])
        end += 1
    return end


_SHARED = re.compile(r"《([^《》]{4,80})》由会员(?:上传)?分享")


def as_written(title: str, doc: CleanDoc) -> str:
    """``title`` (read from the Simplified lines) in the document's own script: the same stretch
    of the first paragraph that holds it, where the conversion kept the line's length (it keeps
    it character for character); else ``title`` as it is (a header field, lines joined)."""
    if not title or doc.paragraphs == doc.simplified:
        return title
    lines = list(zip(doc.paragraphs[:_HEAD], doc.simplified[:_HEAD], strict=False))
    # a heading broken over lines is read joined (四川省人民政府办公厅 / 关于印发…的通知)
    joined = [(a + glue + c, b + glue + d) for (a, b), (c, d) in itertools.pairwise(lines) for glue in ("", " ")]
    for original, simple in lines + joined:
        at = simple.find(title)
        if at >= 0 and len(original) == len(simple):
            return original[at : at + len(title)]
    return title


_ONE_CELL = re.compile(r"^([^|]*[^|\s])(?:\s*\|)+\s*$")


def infer_title(doc: CleanDoc, simplified: list[str]) -> str:
    """The title of a cleaned document (see the module docstring); '' when no line fits."""
    # a database row's or a post's own title field, or a 标题: field; one the site cut short
    # (…拆除工程管理规定》的通...) gives way to the heading the page prints whole
    fields = [doc.record.get("title", "")]
    fields += [
        m.group(m.lastindex or 1)
        for line in [*doc.header, *simplified[:4]]
        if (m := _LABEL.match(line) or _LABEL_AFTER.search(line))
    ]
    # lower in a page's field table, a 标题: field that names a kind of document (标 题: | …的通知 |)
    for line in simplified[4:_HEAD]:
        m = _LABEL.match(line)
        if m and re.match(r"^\S+\s*[:：|]", line) and names_kind(m.group(1)) and not refused(clean_title(m.group(1))):
            fields.append(m.group(1))
    field = next((clean_title(f) for f in fields if f), "")
    if field and not (cut := _CUT.search(field)):
        return field
    if field and (whole := _whole(field[: cut.start()], simplified[: 2 * _HEAD])):
        return whole
    return _heading(doc, simplified) or field


# A field's value the site cut short: …的通..., …工作方� (a character lost at the cut)
_CUT = re.compile(r"(?:\.{2,}|…+|\ufffd)$")


def _whole(stem: str, lines: list[str]) -> str:
    """The heading a cut field's ``stem`` begins, as the page prints it whole, or ''."""
    whole = (t for line in lines if (t := clean_title(line)).startswith(stem) and kind_end(t) and t != stem)
    return without_note(next(whole, ""))  # …的通知( 2025年05月14日 ): the page's date after it


_MAX_WINDOW = 40


def _window(simplified: list[str]) -> int:
    """How many lines a title may stand in: the first ``_HEAD``, or on a page whose navigation
    fills them all (站群导航 / | / 加入收藏 / …), down to its first line of prose."""
    if not all(not line.strip() or refused(clean_title(line)) for line in simplified[:_HEAD]):
        return _HEAD
    return next((k + 1 for k, line in enumerate(simplified[:_MAX_WINDOW]) if body_line(line)), _HEAD)


def _named_by_the_page(doc: CleanDoc, simplified: list[str], n: int) -> str:
    """The title a page names as such in its first ``n`` lines: a document-sharing site's file
    (《X》由会员上传分享，免费在线阅读) unless the page shows the document's own heading with its 文号 or
    addressees under it; a field table flattened one cell a line (信息名称 / the title); or ''."""
    shown = any(names_kind(a) and under_title(b) for a, b in itertools.pairwise(simplified[:n]))
    for line in simplified[:n]:
        if (m := _SHARED.search(line)) and not shown:
            return clean_title(m.group(1))
    for line, value in itertools.pairwise([*doc.header, *simplified[:n]]):
        if re.fullmatch(r"(信息名称|文件名称|标题|名称)\s*[:：]?", line) and value and not refused(value):
            return clean_title(value)
    return ""


def _head(doc: CleanDoc, simplified: list[str], n: int) -> tuple[list[str], list[str]]:
    """The first ``n`` lines as title candidates, cleaned, and as the page prints them (``raw``),
    each with the breadcrumb first when the page has one."""
    # a heading kept as one cell of a table flattened one cell a line: "密云区…进展情况(三季度) |",
    # or as the first cell of a row whose other cells are empty (…完成情况 | |||||||: merged cells)
    head = [clean_title(_ONE_CELL.sub(r"\1", line)) for line in simplified[:n]]
    untagged = [_CHANNEL.sub("", line) for line in head]
    head = [bare if bare != line and bare in head else line for line, bare in zip(head, untagged, strict=True)]
    if doc.breadcrumb:
        # The last crumb of "当前位置：… > title" is often the title; a section name loses on
        # length and kind to the heading itself.
        head.insert(0, clean_title(doc.breadcrumb))
    return head, [doc.breadcrumb] * bool(doc.breadcrumb) + simplified[:n]


def _flattened(simplified: list[str]) -> str:
    """A page flattened to one line: the heading is what comes before the first space after a kind
    of document (……的若干意见 各地级以上市人民政府，…); '' when none."""
    for para in simplified[:3]:
        m = pattern("kinds", r"^(.{{6,80}}?(?:{}))\s+\S").match(re.sub(r"^附件\s*\d*\s*[:：]?\s*", "", para))
        if m and not refused(m.group(1)):
            return clean_title(m.group(1))
    return ""


def _heading(doc: CleanDoc, simplified: list[str]) -> str:
    """The title from the page's lines (no title field speaks for it)."""
    n = _window(simplified)
    if named := _named_by_the_page(doc, simplified, n):
        return named
    head, raw = _head(doc, simplified, n)
    counts = Counter(head)
    byline = next((i for i, line in enumerate(head) if _BYLINE.search(line)), len(head))
    if all(refused(line) for line in head[:byline]):
        byline = len(head)
    # Below the first sentence of prose or row of a table, a line is one of the body's headings
    # or cells (今年目标, 推进国家安全工作发展) unless it names a kind of document: a cover
    # letter stands above the title of the plan it issues.
    # The body's first section heading (一、2024年工作回顾) opens the body too: the short lines under
    # it (国内生产总值增长5%) are its items.
    body = next((i for i, line in enumerate(head) if body_line(line) or _FIRST_SECTION.match(line)), len(head))
    if body == len(head) and (again := printed_again(head, simplified[n : 3 * n])):
        return again
    best: tuple[float, str] | None = None
    # a heading broken over lines competes from the place of its first line, and whole
    quoted = issued_titles(head)
    lede = next((line for line in simplified[: 2 * n] if body_line(line)), "")
    # (a heading that begins in the last lines of the window may end past it: 自治区人民政府关于 / 印发… / …的通知)
    past = [clean_title(line) for line in simplified[n : n + 3]]
    joined = [(i, line) for i, line in joined_headings(head + past) if i < len(head)]
    joined += quoted_headings(head, quoted) + retold_headings(head, lede)
    listed = _listed(head, raw)  # a list of other pages' headlines (热点新闻 / …)
    chat = chatting(head)  # a post's verse to its reader, which leads into the body (…一起来看下~)
    body = min(body, max(chat, default=len(head) - 1) + 1)
    starts = {i for i, _ in joined}  # a line that begins a joined heading is only its fragment
    inside = {k for i, line in joined for k in range(i + 1, _end(head, i, line))}  # and so are the rest
    valid = []
    for i, line in [*((i, line) for i, line in enumerate(head) if i not in starts), *joined]:
        if i >= byline or i in chat or refused(line) or (i >= body and not (named_kind(line) or line in quoted)):
            continue
        if i > 0 and unfinished(head[i - 1]) and (i - 1, head[i - 1] + line) not in joined:
            continue  # the rest of a phrase the line above left open
        if i > 0 and not _MEETING_NOTE.match(head[i - 1]) and _MEETING_NOTE.match(head[i - 1] + line):
            continue  # the rest of a meeting note broken over lines (——2018年3月26日在…第十四届 / 人民代表大会…会议上)
        if i not in starts and run_together(line, simplified[: n * 2]):
            continue
        # past the body, the plan a cover letter issues (《X》已经…同意，现印发给你们) as the letter names it
        end = _end(head, i, line)
        if all(k in listed for k in range(i, end)):
            continue  # a link in a list of other pages' headlines (a heading joined to the page's own line stays)
        # what stands under it is read first: the place and organ look-ups only for such a line
        above = end < len(raw) and under_title(raw[end])
        above = above and ((i, line) in joined or i not in inside) and _opens_as_title(line)
        value = _score(line, i, counts[line], above=above)
        valid.append(line)
        if best is None or value > best[0]:
            best = (value, line)
    if best is not None and best[0] > -1.0:
        # the most specific form the page gives: the same heading with its place (石景山区贯彻落实…)
        chosen = max((line for line in valid if line == best[1] or _with_place(line, best[1])), key=len)
        return _as_the_page_gives_it(chosen, valid, head, joined)
    return _flattened(simplified)
