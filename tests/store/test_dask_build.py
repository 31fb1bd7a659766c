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


def test_ids_taken_by_an_earlier_batch_are_the_same_on_dask(client, tmp_path):
    # a.txt in one batch takes the id "a"; a.html in the next is "a.html", wherever it was assembled
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "a.txt").write_text("罗湖区推进改革。", encoding="utf-8")
    (corpus / "a.html").write_text("<p>福田区深化改革。</p>", encoding="utf-8")
    (corpus / "b.txt").write_text("南山区优化营商环境。", encoding="utf-8")
    alone = load_corpus(corpus, use_cache=False, workers=1, batch=1)
    spread = load_corpus(corpus, use_cache=False, scheduler=client, batch=1)
    assert alone.docs["doc_id"].tolist() == ["a", "a.txt", "b"]  # files in name order: a.html first
    for name in TABLES:
        pd.testing.assert_frame_equal(getattr(spread, name), getattr(alone, name))


def test_a_worker_lost_mid_build_loses_nothing(tmp_path):
    import os
    import signal
    import threading
    import time

    corpus = make_corpus(tmp_path / "synthetic", 24, seed=5)
    alone = load_corpus(corpus, use_cache=False, workers=1)
    cluster = distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None)
    with cluster, distributed.Client(cluster) as c:
        built = {}
        thread = threading.Thread(
            target=lambda: built.update(corpus=load_corpus(corpus, use_cache=False, scheduler=c, batch=2))
        )
        thread.start()
        deadline = time.monotonic() + 120
        while not any(c.processing().values()) and time.monotonic() < deadline:
            time.sleep(0.05)
        busy = next(w for w, tasks in c.processing().items() if tasks)
        os.kill(c.run(os.getpid)[busy], signal.SIGKILL)  # the process dies mid-task
        thread.join(timeout=600)
    for name in TABLES:
        pd.testing.assert_frame_equal(getattr(built["corpus"], name), getattr(alone, name))
