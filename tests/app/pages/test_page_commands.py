"""Every page with a table shows the command that writes it, and that command, run in a shell,
writes exactly the CSV the page's download gives."""

from __future__ import annotations

import shlex
import subprocess
import sys

import pytest

from explore.store.export import to_csv_bytes
from tests.app.pages.conftest import open_page
from tests.conftest import ROOT

# page, its address (controls set as a visitor would), the table its command writes. Text reuse
# is left out: no two seed documents share a paragraph (tests/app/pages/test_reuse_page.py).
PAGES = [
    ("overview", {"district": "罗湖区"}, "docs"),
    ("overview", {"genre": "通知"}, "docs"),
    ("items", {"district": "罗湖区"}, "items"),
    ("keywords", {"from": "2018", "kw_terms": "改革创新", "kw_stop": "改革", "kw_top": "200"}, "keywords"),
    ("kwic", {"kwic_query": "营商环境", "kwic_sort": "R1", "kwic_with": "优化"}, "kwic"),
    ("ngrams", {}, "ngrams"),
    ("collocates", {}, "collocates"),
    ("network", {}, "network"),
    ("topics", {}, "topics"),
    ("diffusion", {}, "diffusion"),
    ("figures", {"fig_status": "target", "fig_kind": "count"}, "figures"),
    ("figures", {"fig_words": "改革"}, "figures"),
    ("themes", {"theme_pick": "营商环境"}, "timeline"),
    ("themes", {}, "heatmap"),
    ("district", {"district_pick": "罗湖区"}, "keyness"),
    ("codes", {"codes_pick": "spending and tax"}, "coded"),
    ("codes", {"codes_book": "instruments", "codes_pick": "需求型/示范工程"}, "coded"),
    ("coissuing", {"co_period": "one a year"}, "coissuing"),
    ("coissuing", {"district": "罗湖区"}, "issuers"),
    ("instruments", {"in_across": "theme"}, "instruments"),
    ("followthrough", {}, "followthrough"),
    ("followthrough", {"district": "罗湖区"}, "plans"),
    ("followthrough", {"ft_min": "0.15"}, "followthrough_items"),
    ("instruments", {"in_across": "place"}, "instrument_types"),
    ("instruments", {"in_code": "环境型/法规管制", "in_value": "2018"}, "instrument_fragments"),
    ("district", {"district_pick": "福田区", "district_vs": "罗湖区", "district_no_places": "false"}, "keyness"),
]


@pytest.mark.parametrize(("name", "query", "table"), PAGES, ids=[f"{p[0]}-{p[2]}" for p in PAGES])
def test_the_command_a_page_shows_writes_its_download(name, query, table, monkeypatch):
    from explore.app.pages import common

    downloads: list[bytes] = []

    def download(
        frame, *args, full=None, **kwargs
    ):  # the CSV a click gives: the full rows where a page reads them then
        downloads.append(to_csv_bytes(full() if full is not None else frame))

    monkeypatch.setattr(common, "download", download)
    at = open_page(name, **query)
    commands = [c.value for c in at.code if c.value.startswith(f"python -m explore export {table} ")]
    assert len(commands) == 1, [c.value for c in at.code]
    argv = shlex.split(commands[0])
    assert argv[5:7] == ["--corpus", "seeds"]
    out = subprocess.run([sys.executable, *argv[1:]], cwd=ROOT, capture_output=True, timeout=300)
    assert out.returncode == 0, out.stderr.decode()[-2000:]
    assert out.stdout in downloads, (commands[0], out.stdout[:300], [d[:300] for d in downloads])
