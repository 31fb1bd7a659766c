"""Text reuse at scale: time of ``analysis.reuse`` over every paragraph of a synthetic corpus at
two sizes, beside the target (5,000 documents within 2 minutes), and how the time grows.

    .venv/bin/python bench/reuse.py --sizes 1000 5000

The synthetic documents are made from the seeds' paragraphs (``bench/synth.py``), so they
repeat each other far more than real documents do: a hard case for the pair scoring.
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bench.synth import make_corpus  # noqa: E402

TARGET_S = {5000: 120.0}


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sizes", type=int, nargs="+", default=[1000, 5000])
    ap.add_argument("--work", type=Path, default=Path("/tmp/explore-scale"))
    args = ap.parse_args()
    from explore.analysis.reuse import reuse
    from explore.store.load import load_corpus

    times = {}
    for n in args.sizes:
        corpus = args.work / f"corpus-{n}"
        if not corpus.exists() or len(list(corpus.glob("*.txt"))) != n:
            make_corpus(corpus, n)
        os.environ["EXPLORE_CACHE_DIR"] = str(args.work / f"cache-{n}")
        loaded = load_corpus(corpus)
        t0 = time.perf_counter()
        pairs = reuse(loaded.paragraphs, loaded.docs)
        times[n] = time.perf_counter() - t0
        target = TARGET_S.get(n)
        verdict = f"target <= {target:.0f} s: {'ok' if times[n] <= target else 'MISSED'}" if target else ""
        print(
            f"{n:>6} documents  {len(loaded.paragraphs):>8,} paragraphs  {len(pairs):>9,} pairs  {times[n]:7.1f} s  {verdict}"
        )
    if len(times) > 1:
        (a, ta), (b, tb) = sorted(times.items())[0], sorted(times.items())[-1]
        print(f"growth: {b / a:.0f}x the documents took {tb / ta:.1f}x the time (linear would be {b / a:.0f}x)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
