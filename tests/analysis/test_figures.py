"""Figures in the text: value, unit, result or target, checked against a hand count."""

from __future__ import annotations

import io
import subprocess
import sys

import pandas as pd
import pytest

from explore.analysis.figures import figures_in
from tests.conftest import ROOT


@pytest.fixture(scope="module")
def exported() -> pd.DataFrame:
    out = subprocess.run([sys.executable, "-m", "explore", "export", "figures"], cwd=ROOT, capture_output=True,
                         check=True, timeout=300)  # fmt: skip
    return pd.read_csv(io.BytesIO(out.stdout), encoding="utf-8-sig", dtype=str, keep_default_na=False)


# Read by hand in 龙岗区 2018 (000): what each figure says, in one unit, and whether it is a target.
LONGGANG = [
    ("12个", "12", "个", "result"),  # 2017年全年推进12个重点改革项目
    ("173个", "173", "个", "result"),  # 形成173个"微改革、微创新"
    ("930亿元", "93000000000", "元", "result"),  # 预计完成930亿元 (an estimate of what was done)
    ("22%", "22", "%", "result"),  # 同比增长22%
    ("96.2亿元", "9620000000", "元", "target"),  # 政府投资项目计划总规模为96.2亿元
    ("94亿元", "9400000000", "元", "target"),  # 全年累计拨付资金计划94亿元
    ("97.71%", "97.71", "%", "result"),  # 拨付率达97.71%
    ("18.1%", "18.1", "%", "target"),  # 超额完成市政府下达的18.1%的增速目标
    ("89亿元", "8900000000", "元", "result"),  # 完成年度投资89亿元
    ("1.94万个", "19400", "个", "result"),  # 已安装1.94万个高清摄像头
    ("91.7%", "91.7", "%", "result"),  # 占全市3600个的91.7%
    ("30.04%", "30.04", "%", "result"),  # 刑事警情下降30.04%
    ("23.08%", "23.08", "%", "result"),  # 火灾事故下降23.08%
    ("40名", "40", "名", "result"),  # 抽调40名新提拔重用处级干部
    ("两批", "2", "批", "target"),  # 计划安排两批次干部到街道
]


def _values(frame: pd.DataFrame, doc: str) -> set[tuple[str, str, str, str]]:
    rows = frame[frame["doc_id"] == doc]
    return {(f, str(float(v)).removesuffix(".0"), u, s) for f, v, u, s in
            zip(rows["figure"], rows["value"], rows["unit"], rows["status"], strict=True)}  # fmt: skip


def test_longgang_2018_figures_match_the_hand_count(exported):
    got = _values(exported, "000_373ae69c3ea13910")
    missing = set(LONGGANG) - got
    assert not missing, missing


def test_luohu_2020_figures_match_the_hand_count(exported):
    # 罗湖13项改革 in the title and the heading 13项改革: its only figures
    assert _values(exported, "004_dfc0eb8523fa337d") == {("13项", "13", "项", "result")}
    rows = exported[exported["doc_id"] == "004_dfc0eb8523fa337d"]
    assert set(rows["district"]) == {"罗湖区"} and set(rows["year"]) == {"2020"}


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("力争到2025年地区生产总值达到五千亿元", [("五千亿元", 5e11, "元", "amount", "target")]),
        ("比上年提高1.5个百分点", [("1.5个百分点", 1.5, "个百分点", "share", "result")]),
        ("全脱产三个月参与土地整备", []),  # a duration is no count
        ("推动一批棚改项目落地", []),  # 一批 is a word, not a figure
        ("第十二个五年规划", []),  # an ordinal
        ("以“三个代表”重要思想为指导,增强“四个意识”", []),  # numbered slogans (a 2006 work report)
        ("“十三五”时期新建学校12所", [("12所", 12.0, "所", "count", "result")]),
        ("2017年3月28日印发", []),  # dates and years have no unit
    ],
)
def test_figures_in_a_sentence(sentence, expected):
    assert figures_in(sentence) == expected
