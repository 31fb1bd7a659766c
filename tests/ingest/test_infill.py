"""Filling in characters lost to dropped GBK byte pairs. The damaged inputs are made here, by
the same steps a bad scraper takes: encode as GBK, lose the first byte, drop pairs GBK cannot
decode."""

import contextlib

import pytest

from explore.ingest.infill import Slot, candidates, fill
from explore.ingest.infill_text import fill_text
from explore.ingest.marks import GUESS, LOST, RUN_CLOSE, RUN_OPEN
from explore.ingest.repair import repair_text
from explore.ingest.text import Segmenter


def _repair(text, **kw):
    """The repair as the analysis reads it: guessed characters kept, their marks removed."""
    out, stats = repair_text(text, **kw)
    return out.replace(GUESS, ""), stats


@pytest.fixture(scope="module")
def lookup():
    return Segmenter.for_corpus(None).word_lookup()


def scrape(line: str) -> str:
    """What a scraper reading GBK one byte late shows: the lost byte as '?', invalid pairs dropped."""
    data = ("\u3000" + line).encode("gbk")[1:]
    out = ["?"]
    i = 0
    while i < len(data):
        if data[i] < 0x80:
            out.append(chr(data[i]))
            i += 1
            continue
        if i + 1 == len(data) or data[i + 1] < 0x40:
            out.append("?")  # a lone byte before ASCII (a newline, a bracket)
            i += 1
            continue
        with contextlib.suppress(UnicodeDecodeError):  # the scraper drops what it cannot decode
            out.append(data[i : i + 2].decode("gbk"))
        i += 2
    return "".join(out)


@pytest.mark.parametrize(
    "heading",
    [
        "（二）人力資源統籌配置改革",  # enumerator and a word each lose a byte pair
        "（五）公共資源交易改革",  # the merged character reads as a real one (共)
        "（三）城市更新工作機制深化改革",
        "（二）加強生態保護",
        "（一）人力资源和社会保障",  # Simplified text is repaired the same way
    ],
)
def test_headings_damaged_by_dropped_pairs_read_again(heading, lookup):
    scraped = scrape(heading + "\n")
    assert heading not in scraped  # the damage is real
    text, stats = _repair(scraped, lookup=lookup)
    assert text.strip() == heading
    assert stats.damaged == 0 and stats.filled >= 1


def test_without_a_word_list_nothing_is_guessed():
    text, stats = _repair(scrape("（二）人力資源統籌配置改革\n"))
    assert stats.filled == 0
    assert "人力資源" not in text


@pytest.mark.parametrize(
    ("slot", "member", "outsider"),
    [
        (Slot(lead=0xB6), "二", "三"),  # 二 is B6FE
        (Slot(trail=0xA9), "）", "（"),
        (Slot(reading="qiáng"), "强", "弱"),
        (Slot(keep="共"), "共", "公"),
    ],
)
def test_candidates_follow_what_is_known(slot, member, outsider):
    assert member in candidates(slot)
    assert outsider not in candidates(slot)


def test_a_slot_is_filled_only_inside_words(lookup):
    assert fill("", [Slot()], "", lookup) is None  # no context, nothing to go on
    found = fill("（", [Slot(lead=0xB6), Slot(trail=0xA9, joined=True)], "人力", lookup)
    assert found is not None and found.chars == "二）"
    assert fill("城市", [Slot(lead=0xB8), Slot(trail=0xC2, joined=True)], "工作", lookup).chars == "更新"


def test_a_lost_character_with_its_reading_is_found(lookup):
    # '?' then the annotation of the character it stood for, in a text shown to be misdecoded
    text, stats = _repair(scrape("（一）改革任务") + "\n推进?(qiáng)区放权改革。\n", lookup=lookup)
    assert "推进强区放权改革。" in text and stats.filled >= 1


def test_a_run_that_ends_on_a_first_byte_keeps_it(lookup):
    # the last character's second byte goes with the newline; its first byte still narrows it
    scraped = scrape("（二）明确工作责任\n")
    assert scraped.endswith("?\n")
    text, _ = _repair(scraped, lookup=lookup)
    assert text.strip() == "（二）明确工作责任"


def test_an_enumerator_at_a_line_start_is_read_again(lookup):
    # 三 (C8FD) and 、 (A1A2) lose the pair FD A1 and merge into 娶 (C8A2), a real character
    assert "娶保障措" in _repair(scrape("三、保障措施\n"))[0]  # in step, but merged
    # the page indents every line, so the lost lead byte at each line start is the indent
    page = scrape("一、总体要求\n") + scrape("二、主要任务\n") + scrape("三、保障措施\n")
    text, stats = _repair(page, lookup=lookup)
    assert text.splitlines()[-1].strip() == "三、保障措施" and stats.guessed >= 3


@pytest.mark.parametrize("text", ["", "普通的文字。", LOST, f"{RUN_OPEN}{RUN_CLOSE}"])
def test_fill_text_edge_cases(text, lookup):
    out, filled = fill_text(text, lookup)
    assert out == text.replace(RUN_OPEN, "").replace(RUN_CLOSE, "")
    assert filled == 0
