"""A title broken over the first lines of a page, joined (pure): an issuing organ over its 关于…
line, a heading left open (…关于, …的, 《…) over the lines that finish it, a PDF's heading one
token a line, a heading a cover letter names whole, a headline set short lines high that its lede
retells; and on an e-paper's page, which lists its headlines first, a line that is other lines run
together (no title) and the listed headline printed again above the article (its title).
``titles`` scores what these give.
"""

from __future__ import annotations

import itertools
import re

from explore.ingest.gazetteer import place_names
from explore.ingest.genres import serial_genres
from explore.ingest.issuers import units_of
from explore.ingest.title_clean import SESSION, clean_title
from explore.ingest.title_lines import SENTENCE, body_line, kind_end, refused

# An issuing organ on a line of its own above its notice's 关于… line (区人民政府办公室 / 关于印发…).
ORGAN = re.compile(
    r"[\u4e00-\u9fff]{2,20}(?:人民政府办公室|人民政府办公厅|人民政府|政府办公室|委员会|委办公室|领导小组办公室)"
)
MEETING = re.compile(r"[\u4e00-\u9fff]{2,20}第[一二三四五六七八九十\d]{1,3}次(?:全体)?会议")
_SPAN = re.compile(r"[（(]\s*(?:19|20)\d{2}\s*[—–\-－~至]+\s*(?:19|20)\d{2}\s*年?\s*[）)]")
_OPEN_ENDS = ("关于", "的", "及", "和", "与", "对", "暨", "印发", "转发", "批转")


def joined_headings(head: list[str]) -> list[tuple[int, str]]:
    """A heading broken over short lines (县人民政府办公室关于 / 对…确定的2021年 / …的通知), joined:
    from a line ending in 关于, or a short line without sentence punctuation, up to three more
    lines, as long as the join ends in a kind of document."""
    out = []
    for i, first in enumerate(head):
        # a first line may be long when it has begun a title (…关于印发…行动方案和云浮 / 市推动…的通知)
        if not first or len(first) > (60 if "关于" in first else 30) or SENTENCE.search(first):
            continue
        # an issuing organ, or joint issuers (云南省财政厅 云南省科技厅), on a line of their own
        # or the meeting that adopts a resolution (上饶市第一届人民代表大会第八次会议 / 关于政府工作报告的决议)
        issuer = ORGAN.fullmatch(first) or units_of(first) or MEETING.fullmatch(first)
        # joint issuers may stand a line each (中共邵阳县委 / 邵阳县人民政府 / 关于表彰…的通报)
        after = head[i + 1 : i + 3]
        second = len(after) == 2 and (ORGAN.fullmatch(after[0]) or units_of(after[0])) and after[1].startswith("关于")
        organ = issuer and after and (after[0].startswith("关于") or second)
        # …关于, …的, 《… left open; 2022年《政府工作报告》 / 目标任务责任分解方案: a title about a document
        left_open = first.endswith((*_OPEN_ENDS, "》")) or first.count("《") > first.count("》")
        # a congress broken from its session (…第一届全国人民代表大会 / 第一次会议关于…的决议)
        left_open = left_open or (first.endswith("代表大会") and bool(after) and SESSION.match(after[0]) is not None)
        # a PDF's heading one token a line: 2020 / 年吉林省 / 政府工作报告; or its place on a line of its
        # own (克孜勒苏柯尔克孜自治州 / 国民经济和社会发展第十四个五年规划和 / 2035年远景目标纲要)
        left_open = left_open or bool(re.fullmatch(r"(?:19|20)\d{2}", first)) or first in place_names()
        # a plan's span on the line under its heading (湖北省高标准农田建设规划 / (2022—2030年))
        left_open = left_open or bool(after and _SPAN.fullmatch(after[0]) and kind_end(first))
        # a body's name over the genre word that stands on a line of its own (国务院第七次全国人口普查 /
        # 领导小组办公室 / 公告)
        left_open = left_open or any(x in serial_genres() for x in after)
        if "关于" in first and not kind_end(first):
            # 关于征集对2023年…项目 / 实施情况…的通告, 国务院关于推动… / …的意见: no kind yet, it goes on
            left_open = True
        if not (left_open or organ):
            continue  # only a line left open (…关于, …的, 《…) or an organ before 关于… goes on
        joined, rest = first, head[i + 1 : i + 4]
        for k, nxt in enumerate(rest):
            # a line after 关于 may be long (印发《…有关规定》和《…细则》的通知): it is the rest of one title,
            # as is a 关于… line under its organ (聊城市人民政府 / 关于印发2021年…部门分工方案的通知)
            long = joined.endswith("关于") or (joined == first and organ and nxt.startswith("关于"))
            if not nxt or len(nxt) > (60 if long else 30) or SENTENCE.search(nxt):
                break
            joined += nxt
            # 关于印发《A办法》/《B办法》的通知: a line opening on 《 goes on the list of titles
            more_titles = rest[k + 1 : k + 2] and rest[k + 1].startswith("《")
            balanced = joined.count("《") <= joined.count("》")  # 《…任务分解 / 和责任分工方案》的通知
            # …关于印发2022年《政府工作报告》 / 重点任务责任落实分工的通知: the quoted name is what it issues
            after_it = rest[k + 1] if k + 1 < len(rest) else ""
            goes_on = (
                0 < len(after_it) <= 30
                and not SENTENCE.search(after_it)
                and (
                    (
                        joined.endswith("》")
                        # (or a line that opens on 的 and ends the kind: …关于《…工作报告》 / 的决议(草案))
                        and (
                            re.search(r"的(?:通知|意见|决定|通告|批复)$", after_it) is not None
                            or (after_it.startswith("的") and kind_end(after_it))
                        )
                    )
                    # …关于印发山西省数字政府建设规划 / (2023-2025年)的通知: the plan's years, then the notice
                    or (re.match(r"[（(][^（）()]{1,20}[）)]\s*的", after_it) is not None and kind_end(after_it))
                )
            )
            if kind_end(joined) and balanced and not more_titles and not goes_on:
                out.append((i, joined))
                break
    return out


def retold_headings(head: list[str], lede: str) -> list[tuple[int, str]]:
    """A headline an e-paper sets two to four short lines high (市十七届 / 人大五次会议 / 主席团召开 /
    第四次会议), joined where its lede retells it word for word (本报讯 1月21日,市十七届人大五次会议
    主席团召开第四次会议。)."""
    out, i = [], 0
    while i < len(head):
        taken = 0  # the whole headline, not the first lines of it the lede also holds, nor its last
        for k in range(2, 5):
            run = head[i : i + k]
            if len(run) < k or any(not line or len(line) > 12 or SENTENCE.search(line) for line in run):
                break
            if len("".join(run)) >= 8 and "".join(run) in lede:
                taken = k
        if taken:
            out.append((i, "".join(head[i : i + taken])))
        i += max(taken, 1)
    return out


def printed_again(head: list[str], below: list[str]) -> str:
    """The article's headline on a page that lists its headlines first (an e-paper's page: the
    list fills the first lines, the article comes below it): the listed headline printed again
    above the article's body, past its kicker (谈感受 谋发展 绘愿景, refused) and above its subtitle and
    byline; two listed lines that follow each other there too are one headline split over two
    lines (党中央有关部门新闻发言人 / 名单首次公布); '' when none is printed again."""
    lines = [clean_title(line) for line in below]
    body = next((k for k, line in enumerate(lines) if body_line(line)), None)
    if body is None:
        return ""
    listed = [k for k in range(body) if lines[k] in head and not refused(lines[k])]
    if not listed:
        return ""
    last = listed[-1]
    first = head.index(lines[last])
    if last - 1 in listed and first > 0 and head[first - 1] == lines[last - 1]:
        return lines[last - 1] + lines[last]
    return lines[last]


_ISSUING = re.compile(r"已经|印发|同意")


def issued_titles(head: list[str]) -> set[str]:
    """The titles a cover letter names as it issues them (《X》已经省政府同意，现印发给你们)."""
    return {t for line in head if _ISSUING.search(line) for t in re.findall(r"《([^《》]{6,80})》", line)}


def quoted_headings(head: list[str], quoted: set[str]) -> list[tuple[int, str]]:
    """A heading broken over two lines that the cover letter above names whole (``quoted``)."""
    return [(i, a + b) for i, (a, b) in enumerate(itertools.pairwise(head)) if a and b and a + b in quoted]


def run_together(line: str, lines: list[str]) -> bool:
    """``line`` is three or more other ``lines`` run together: an e-paper page's title made of the
    headlines it lists below (本版其他文章 · A · B · C), never one document's title. A heading
    printed whole above its split lines is a join too: it stays when it has 关于 or is no longer
    than a headline (no title read in the evaluation sets passes 60 characters without 关于)."""
    if "关于" in line or len(line) <= 60:
        return False
    parts = {other for other in lines if 4 <= len(other) < len(line)}
    ends = {0: 0}  # where a run of listed headlines can end, and how many it took
    for at in range(len(line)):
        if at in ends:
            for part in parts:
                if line.startswith(part, at):
                    ends[at + len(part)] = max(ends.get(at + len(part), 0), ends[at] + 1)
    return ends.get(len(line), 0) >= 3
