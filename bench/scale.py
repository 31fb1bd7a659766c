"""Scale benchmark: synthetic corpora of N documents, built cold and warm, and every page rerun.

    python bench/scale.py [--sizes 100 1000 5000] [--work DIR] [--csv FILE] [--repeats 3]

For each N: the corpus is generated (``bench/synth.py``, reused when present), then
``python -m explore build`` runs in a fresh cache folder (cold: every document segmented, both
cores) and again (warm: the Parquet tables read back). Reported: wall time, the build's own
time, peak memory of the process tree, the cache's size on disk, and the server-side time of
every page (AppTest: first run, then the median of ``--repeats`` reruns). Prints a table and
writes it as CSV (default ``scale.csv`` in the work folder).
"""

from __future__ import annotations

import argparse
import csv
import json
import os
import re
import shutil
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bench.procmem import MemoryWatch  # noqa: E402
from bench.synth import make_corpus  # noqa: E402


def _build(corpus: Path, cache: Path) -> dict[str, float]:
    """One ``python -m explore build`` in a subprocess: wall s, its own s, peak MiB."""
    env = {**os.environ, "EXPLORE_CACHE_DIR": str(cache)}
    t0 = time.perf_counter()
    proc = subprocess.Popen(
        [sys.executable, "-m", "explore", "build", "--corpus", str(corpus)],
        cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True,
    )  # fmt: skip
    with MemoryWatch(proc.pid) as memory:
        out, _ = proc.communicate()
    wall = time.perf_counter() - t0
    if proc.returncode:
        raise RuntimeError(f"build failed on {corpus}")
    own = float(re.findall(r"([\d.]+) s\b", out)[-1])  # "… characters, 12.34 s (from cache)"
    return {"wall_s": wall, "build_s": own, "peak_mib": memory.peak, "peak_rss_mib": memory.peak_rss}


_WARM = """
import json, sys, time
t0 = time.perf_counter()
from explore.store.load import load_corpus
c = load_corpus(sys.argv[1])  # as the app starts: docs and skipped; the large tables stay on disk until a page asks
print(json.dumps({"s": time.perf_counter() - t0, "cached": c.stats.get("cached", 0)}))
"""


def _warm(corpus: Path, cache: Path) -> dict[str, float]:
    """A warm start as the app has it: import, and the corpus opened from the cache (whole process)."""
    env = {**os.environ, "EXPLORE_CACHE_DIR": str(cache)}
    t0 = time.perf_counter()
    proc = subprocess.Popen([sys.executable, "-c", _WARM, str(corpus)], cwd=ROOT, env=env, stdout=subprocess.PIPE,
                            text=True)  # fmt: skip
    with MemoryWatch(proc.pid) as memory:
        out, _ = proc.communicate()
    figures = json.loads(out.strip().splitlines()[-1])
    if not figures["cached"]:
        raise RuntimeError(f"the warm start on {corpus} was not read from the cache")
    return {"s": figures["s"], "wall_s": time.perf_counter() - t0, "peak_mib": memory.peak}


# The targets (issue 24), printed beside each figure. A peak is the memory the process tree holds
# (``procmem.pss_kib``: a page a forked worker shares with the build is counted once); the RSS of
# its processes summed (``cold_peak_rss_mib``) is printed beside it and counts such pages in each.
TARGETS = {"cold_build_s": 480, "cold_peak_mib": 1024, "warm_peak_mib": 1024, "warm_start_s": 2.0}
RERUN_TARGET_S = 1.0


def _page_times(corpus: Path, cache: Path, repeats: int) -> dict[str, tuple[float, float, float, float]]:
    """(first run, median rerun, first run after a filter change) seconds of every page and the app's peak MiB after it
    (``bench/pages.py``, warm cache)."""
    env = {**os.environ, "EXPLORE_CACHE_DIR": str(cache)}
    done = subprocess.run(
        [sys.executable, str(ROOT / "bench" / "pages.py"), str(corpus), str(repeats), "--json"],
        cwd=ROOT, env=env, capture_output=True, text=True, check=True,
    )  # fmt: skip
    return {k: tuple(v) for k, v in json.loads(done.stdout.strip().splitlines()[-1]).items()}


def _size_mib(path: Path) -> float:
    return sum(p.stat().st_size for p in path.rglob("*") if p.is_file()) / 2**20


def measure(n: int, work: Path, repeats: int, *, build_only: bool = False) -> dict[str, object]:
    corpus = work / f"corpus-{n}"
    if not corpus.exists() or len(list(corpus.glob("*.txt"))) != n:
        shutil.rmtree(corpus, ignore_errors=True)
        make_corpus(corpus, n)
    chars = sum(len(p.read_text(encoding="utf-8")) for p in corpus.glob("*.txt"))
    cache = work / f"cache-{n}"
    shutil.rmtree(cache, ignore_errors=True)
    cold = _build(corpus, cache)
    row: dict[str, object] = {
        "documents": n,
        "characters": chars,
        "cold_build_s": round(cold["build_s"], 1),
        "cold_peak_mib": round(cold["peak_mib"]),
        "cold_peak_rss_mib": round(cold["peak_rss_mib"]),
    }
    if build_only:
        return row
    warm = _warm(corpus, cache)
    pages = _page_times(corpus, cache, repeats)
    row |= {
        "warm_start_s": round(warm["s"], 2),
        "warm_process_s": round(warm["wall_s"], 2),
        "warm_peak_mib": round(warm["peak_mib"]),
        "cache_mib": round(_size_mib(cache), 1),
    }
    for name, (first, rerun, filtered, _) in pages.items():
        row[f"{name}_first_s"] = round(first, 2)
        row[f"{name}_rerun_s"] = round(rerun, 3)
        row[f"{name}_filtered_s"] = round(filtered, 2)
    row["app_peak_mib"] = round(max(peak for *_, peak in pages.values()))
    return row


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sizes", type=int, nargs="+", default=[100, 1000, 5000])
    ap.add_argument("--work", type=Path, default=Path("/tmp/explore-scale"))
    ap.add_argument("--csv", type=Path, default=None)
    ap.add_argument("--repeats", type=int, default=3)
    ap.add_argument("--build-only", action="store_true", help="the cold build alone: no warm start, no pages")
    args = ap.parse_args(argv)
    args.work.mkdir(parents=True, exist_ok=True)
    rows = []
    for n in args.sizes:
        rows.append(measure(n, args.work, args.repeats, build_only=args.build_only))
        print(" ".join(f"{k}={v}" for k, v in rows[-1].items()), flush=True)
    target = args.csv or args.work / "scale.csv"
    with target.open("w", newline="", encoding="utf-8") as f:
        writer = csv.DictWriter(f, fieldnames=list(rows[0]))
        writer.writeheader()
        writer.writerows(rows)
    width = max(len(k) for k in rows[0])
    print()
    print(f"{'':<{width}}  " + "  ".join(f"{r['documents']:>10}" for r in rows))
    for key in rows[0]:
        if key != "documents":
            print(f"{key:<{width}}  " + "  ".join(f"{r[key]!s:>10}" for r in rows))
    missed = 0
    print()
    for r in rows:
        checks = [(k, r[k], t) for k, t in TARGETS.items() if k in r]
        checks += [(k, r[k], RERUN_TARGET_S) for k in r if k.endswith("_rerun_s")]
        for key, value, limit in checks:
            ok = float(value) <= limit
            missed += not ok
            print(
                f"{r['documents']:>6} documents  {key:<22} {value!s:>8}  target <= {limit}: {'ok' if ok else 'MISSED'}"
            )
    print(f"{missed} target(s) missed" if missed else "all targets met")
    print(f"\nwritten to {target}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
