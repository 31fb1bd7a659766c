"""The plans-carried-out evaluation: labelled items found among the tool's items by their
wording, and a pair's counts from a plan and a later document read by hand."""

from __future__ import annotations

import shutil

from explore.evaluation.followthrough import followthrough_scores, match_labels
from tests.conftest import ROOT


def test_a_labelled_item_is_the_tool_item_that_holds_it_or_reads_alike():
    tool = ["一、强区放权体制机制改革", "（二）创新家庭医生推广机制", "推进“放管服”改革", "完善街道“大部制”体制"]
    labelled = [
        "强区放权体制机制改革",
        "创新家庭医生推广机制（牵头单位：区卫健局）",
        "完善街道大部制体制",
        "智慧罗湖大数据",
    ]
    # held (with its numbering), holding (the label ran on into its lead note), alike, and none
    assert match_labels(labelled, tool) == [0, 1, 3, None]
    assert match_labels(["改革"], []) == [None]


def test_a_pair_is_scored_from_its_plan_and_later_document(tmp_path):
    # the seeds' 罗湖区 2017 plan and its 2020 reforms, laid out as an eval/followthrough pair
    pair = tmp_path / "followthrough" / "luohu"
    (pair / "docs").mkdir(parents=True)
    shutil.copy(next(ROOT.glob("seeds/001_*")), pair / "docs" / "plan.txt")
    shutil.copy(next(ROOT.glob("seeds/004_*")), pair / "docs" / "later.txt")
    shutil.copy(ROOT / "eval" / "followthrough_labels.csv", pair / "items.csv")
    scores = followthrough_scores(tmp_path)
    # as tests/store/test_followthrough_labels.py reads the same pair from the seeds' corpus
    assert scores["report.followthrough_recall"] >= 0.44
    assert scores["report.followthrough_precision"] >= 0.72
    assert followthrough_scores(tmp_path / "nothing") == {}
    # the development set's pairs are scored under their own name
    dev = followthrough_scores(tmp_path, half="dev")
    assert dev["dev.followthrough_recall"] == scores["report.followthrough_recall"]
