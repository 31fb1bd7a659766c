"""A document's 文种: the genre word its title ends with, a trailing note set aside, in any script
(titles of documents of many places and kinds, none a seed's)."""

from __future__ import annotations

import pytest

from explore.ingest.genres import genre_of


@pytest.mark.parametrize(
    ("title", "genre"),
    [
        ("关于印发《深圳市罗湖区2017年改革计划》的通知", "通知"),
        ("北京市人民政府关于加强诚信建设的实施意见(试行)", "意见"),
        ("2021年马山县人民政府工作报告(全文)", "报告"),
        ("2019年政府工作報告(在深圳市羅湖區第七屆人民代表大會第五次會議上)", "报告"),
        ("關於加快開發建設的若幹意見", "意见"),
        ("汉阴县新型城镇化五大专项行动方案", "方案"),
        ("2022年全区政务公开工作要点", "要点"),
        ("监利县大气污染综合整治职责清单", "清单"),
        ("盐池县人民政府工作规则", "规则"),
        ("对政协十届全国委员会第四次会议第4626号提案的答复", "答复"),
        ("关于省十四届人大一次会议代表议案办理情况的报告的决议", "决议"),
        ("國務院關於同意北京市調整部分行政區劃的批覆", "批覆"),  # 覆 is Simplified too: the older form kept
        ("2022年度民生实事项目进度表(截至10月31日)", ""),
        ("2024年重点工作目标任务分解表", ""),
        ("今年福田区深化改革靠“硬菜”力争“开门红”", ""),
        ("", ""),
    ],
)
def test_the_genre_is_the_word_a_title_ends_with(title, genre):
    assert genre_of(title) == genre
