"""A code is found in a document's paragraphs in one pass over the document, or tried on each
paragraph only when the whole may hold a match (``coding.matching_paragraphs``): either way it
finds exactly the paragraphs it matches one by one."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from explore.analysis.coding import matching_paragraphs, parse_rule
from explore.store.per_doc import doc_codes

_WORDS = ["审批", "改革", "人才", "资金", "补贴"]
_RULES = [
    "审批", "审批 | 改革", "审批 & 人才", "审批 & !改革", "!(审批 | 资金)", "人才 NEAR/3 资金",
    "(审批 | 补贴) & !(改革 & 人才)", "改革 & (人才 NEAR/0 补贴)", "审批 | (人才 & 资金) | 改革 NEAR/2 补贴",
    "补贴 | !(改革 | 人才)",
]  # fmt: skip
_PARAGRAPHS = st.lists(
    st.lists(st.sampled_from([*_WORDS, "，", "推进", "。"]), max_size=8).map("".join), min_size=1, max_size=5
)


@settings(max_examples=300, deadline=None)
@given(paragraphs=_PARAGRAPHS, text=st.sampled_from(_RULES))
def test_a_rule_that_matches_a_paragraph_may_match_within_its_document(paragraphs, text):
    rule = parse_rule(text)
    if any(rule.matches(p) for p in paragraphs):
        assert rule.may_match_within("\n".join(paragraphs))


def test_the_whole_document_spares_the_paragraphs_of_a_code_it_cannot_hold():
    assert not parse_rule("审批 & 人才").may_match_within("审批制度改革\n资金")
    assert not parse_rule("人才 NEAR/3 资金").may_match_within("人才\n推进推进推进推进\n资金")
    assert parse_rule("!审批").may_match_within("审批")  # a paragraph without 审批 may match
    assert parse_rule("审批 & !改革").may_match_within("审批改革")


def test_shipped_codes_of_a_document_are_those_of_its_paragraphs():
    paragraphs = ["深化审批制度改革，简化审批流程。", "加大人才培养和资金投入力度。", "政府采购支持示范工程。", ""]
    one_by_one = [(no, code) for no, text in enumerate(paragraphs, 1) for _, code in doc_codes([text])]
    assert one_by_one and doc_codes(paragraphs) == one_by_one


@settings(max_examples=300, deadline=None)
@given(paragraphs=_PARAGRAPHS, text=st.sampled_from(_RULES))
def test_the_paragraphs_a_rule_matches_are_found_in_one_pass_or_one_by_one_alike(paragraphs, text):
    rule = parse_rule(text)
    assert matching_paragraphs(rule, paragraphs) == [no for no, p in enumerate(paragraphs, 1) if rule.matches(p)]
