"""The build as a map on Dask: a two-worker LocalCluster gives the same tables as one process."""

from __future__ import annotations

import hashlib

import pandas as pd
import pytest

from bench.synth import make_corpus
from explore.store.corpus import TABLES
from explore.store.load import load_corpus
from tests.conftest import SEEDS

distributed = pytest.importorskip("distributed")


def checksum(frame: pd.DataFrame) -> str:
    return hashlib.sha1(pd.util.hash_pandas_object(frame, index=False).values.tobytes()).hexdigest()


@pytest.fixture(scope="module")
def client():
    cluster = distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None)
    with cluster, distributed.Client(cluster) as c:
        yield c


@pytest.mark.parametrize("which", ["seeds", "synthetic"])
def test_a_dask_build_gives_the_same_tables_as_one_process(client, tmp_path, which):
    corpus = SEEDS if which == "seeds" else make_corpus(tmp_path / "synthetic", 24, seed=3)
    alone = load_corpus(corpus, use_cache=False, workers=1)
    spread = load_corpus(corpus, use_cache=False, scheduler=client)
    assert spread.stats["segmented"] == alone.stats["segmented"] > 0
    for name in TABLES:
        pd.testing.assert_frame_equal(getattr(spread, name), getattr(alone, name))
        assert checksum(getattr(spread, name)) == checksum(getattr(alone, name))
    assert len(client.scheduler_info()["workers"]) == 2


def test_the_cli_builds_on_a_running_scheduler(client, tmp_path, monkeypatch):
    import subprocess
    import sys

    from tests.conftest import ROOT

    monkeypatch.setenv("EXPLORE_CACHE_DIR", str(tmp_path / "cache"))  # cold: every document goes to the workers
    address = client.scheduler.address
    out = subprocess.run(
        [sys.executable, "-m", "explore", "build", "--corpus", str(SEEDS), "--scheduler", address],
        cwd=ROOT, capture_output=True, text=True, check=False, timeout=600,
    )  # fmt: skip
    assert out.returncode == 0, out.stderr[-2000:]
    assert "5 documents, 0 skipped" in out.stdout
