"""Every CLI export says where it came from, and every page's command gives its filters back."""

from __future__ import annotations

import json
import shlex
import subprocess
import sys

from explore.analysis.filters import Filters
from explore.cli.main import parser
from explore.cli.tables import filters_from_args
from explore.store.command import cli_command
from tests.conftest import ROOT


def test_an_export_writes_a_sidecar(tmp_path):
    target = tmp_path / "kwic.csv"
    subprocess.run([sys.executable, "-m", "explore", "export", "kwic", "--term", "营商环境", "--district", "罗湖区",
                    "-o", str(target)], cwd=ROOT, capture_output=True, check=True, timeout=300)  # fmt: skip
    record = json.loads((tmp_path / "kwic.json").read_text(encoding="utf-8"))
    assert record["table"] == "kwic" and record["rows"] == 9
    assert record["filters"]["districts"] == ["罗湖区"] and record["options"]["term"] == ["营商环境"]
    assert shlex.split(record["command"])[:6] == ["python", "-m", "explore", "export", "kwic", "--term"]
    assert len(record["corpus_fingerprint"]) == 20 and record["pipeline_version"]
    assert (
        record["dictionaries"][0]["path"].endswith("policy_terms.txt") and len(record["dictionaries"][0]["sha1"]) == 40
    )
    assert record["stopwords"][0]["path"].endswith("stopwords.txt")


def test_a_pages_command_gives_its_filters_back():
    filters = Filters(provinces=("广东省",), districts=("罗湖区", "龙岗区"), year_from=2017, year_to=2020,
                      doc_types=("news report",), genres=("通知", "(none)"), doc_ids=("a b",))  # fmt: skip
    command = cli_command("kwic", filters, term=["营商 环境"], width=30)
    args = parser().parse_args(shlex.split(command)[3:])
    assert filters_from_args(args) == filters
    assert args.term == ["营商 环境"] and args.width == 30
