"""The build through a Dask LocalCluster with one worker and with two: time of each, the ratio
against its target (two workers ≤ 0.6 × one), and whether the tables are identical.

    .venv/bin/python bench/dask_scale.py --size 20000
"""

from __future__ import annotations

import argparse
import hashlib
import os
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

import pandas as pd  # noqa: E402

from bench.synth import make_corpus  # noqa: E402

TARGET_RATIO = 0.6


def _checksums(corpus) -> dict[str, str]:
    return {
        name: hashlib.sha1(pd.util.hash_pandas_object(corpus.table(name), index=False).values.tobytes()).hexdigest()
        for name in ("docs", "paragraphs", "terms", "para_terms", "skipped")
    }


def build(corpus: Path, n_workers: int) -> tuple[float, dict[str, str]]:
    from distributed import Client, LocalCluster

    from explore.store.load import load_corpus

    with tempfile.TemporaryDirectory() as cache:
        os.environ["EXPLORE_CACHE_DIR"] = cache
        cluster = LocalCluster(n_workers=n_workers, threads_per_worker=1, processes=True, dashboard_address=None)
        with cluster, Client(cluster) as client:
            client.run(lambda: os.environ.__setitem__("EXPLORE_CACHE_DIR", cache))
            t0 = time.perf_counter()
            built = load_corpus(corpus, scheduler=client)
            seconds = time.perf_counter() - t0
        return seconds, _checksums(built)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--size", type=int, default=20000)
    ap.add_argument("--work", type=Path, default=Path("/tmp/explore-scale"))
    args = ap.parse_args()
    corpus = args.work / f"corpus-{args.size}"
    if not corpus.exists() or len(list(corpus.glob("*.txt"))) != args.size:
        make_corpus(corpus, args.size)
    one, sums_one = build(corpus, 1)
    two, sums_two = build(corpus, 2)
    ratio = two / one
    print(f"{args.size} documents: one worker {one:.1f} s, two workers {two:.1f} s")
    print(f"ratio {ratio:.2f}  target <= {TARGET_RATIO}: {'ok' if ratio <= TARGET_RATIO else 'MISSED'}")
    print(f"tables identical: {'yes' if sums_one == sums_two else 'NO'}")
    return 0 if sums_one == sums_two else 1


if __name__ == "__main__":
    sys.exit(main())
