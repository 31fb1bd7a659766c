"""Issue 16's targets on a built corpus: collocates and n-grams for a term, the network, and a
20-topic model, each timed cold (nothing cached) and printed beside its target.

    python bench/textstats.py [CORPUS] [--term 改革]

Targets (on the 5,000-document synthetic corpus, this 2-core machine): collocates and n-grams
for a term <= 1 s each, the network <= 3 s, 20 topics <= 3 minutes. The corpus is built (or read
from the cache) first; that time is not counted.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

TARGETS = {"collocates": 1.0, "ngrams": 1.0, "network": 3.0, "topics (20)": 180.0}


def measure(corpus_dir: Path, term: str) -> dict[str, float]:
    from explore.store import textstats
    from explore.store.load import load_corpus, segmenter_for

    corpus = load_corpus(corpus_dir)
    docs = corpus.docs
    segmenter_for(corpus.root).tokens("预热")  # the segmenter loads once per process, as in the app
    runs = {
        "collocates": lambda: textstats.collocates(corpus, docs, term),
        "ngrams": lambda: textstats.ngrams(corpus, docs, n=3, contains=term),
        "network": lambda: textstats.network(corpus, docs, places="leave"),
        "topics (20)": lambda: textstats.topics(corpus, docs, unit="documents", n_topics=20),
    }
    out = {}
    for name, run in runs.items():
        t0 = time.perf_counter()
        run()
        out[name] = time.perf_counter() - t0
    return out


if __name__ == "__main__":
    p = argparse.ArgumentParser()
    p.add_argument("corpus", nargs="?", type=Path, default=ROOT / "seeds")
    p.add_argument("--term", default="改革")
    args = p.parse_args()
    times = measure(args.corpus, args.term)
    missed = 0
    for name, seconds in times.items():
        ok = seconds <= TARGETS[name]
        missed += not ok
        print(f"{name:12s} {seconds:8.2f} s   target <= {TARGETS[name]:g} s: {'ok' if ok else 'MISSED'}")
    print(f"{missed} of {len(times)} targets missed" if missed else "every target met")
