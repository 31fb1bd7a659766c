"""Server-side time of every page on a corpus: python bench/pages.py [CORPUS] [REPEATS] [--json].

Each page is opened with AppTest; its first run (the page's tables computed, the corpus
already loaded) is timed, then REPEATS reruns, of which the median is printed beside its target
(on the seeds: every rerun <= 150 ms; at 5,000 documents: <= 1 s), saying plainly when one is
missed. ``--json`` prints {page: [first, rerun]} for other scripts.
"""

import json
import statistics
import sys
import time
from pathlib import Path

from streamlit.testing.v1 import AppTest

ROOT = Path(__file__).resolve().parents[1]
PAGES = [
    "overview",
    "uploads",
    "district",
    "keywords",
    "themes",
    "items",
    "kwic",
    "compare",
    "reuse",
    "diffusion",
    "figures",
    "codes",
    "status",
]


def page_times(corpus: Path, repeats: int = 5) -> dict[str, tuple[float, float]]:
    """page → (first run, median rerun) in seconds."""
    sys.argv = ["app.py", "--corpus", str(corpus)]
    out = {}
    for name in PAGES:
        at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=900)
        at.run()
        t0 = time.perf_counter()
        if name != "overview":
            at.switch_page(f"explore/app/pages/{name}.py")
        at.run()
        first = time.perf_counter() - t0
        times = []
        for _ in range(repeats):
            t0 = time.perf_counter()
            at.run()
            times.append(time.perf_counter() - t0)
        if at.exception:
            raise RuntimeError(f"{name}: {at.exception[0].value}")
        out[name] = (first, statistics.median(times))
    return out


if __name__ == "__main__":
    as_json = "--json" in sys.argv[1:]  # read before page_times() replaces sys.argv for the app
    args = [a for a in sys.argv[1:] if a != "--json"]
    corpus = Path(args[0]) if args else ROOT / "seeds"
    repeats = int(args[1]) if len(args) > 1 else 5
    times = page_times(corpus, repeats)
    if as_json:
        print(json.dumps(times))
    else:
        # the seeds are the small corpus every page must answer at once; a large one gets a second
        target = 0.150 if corpus.resolve() == (ROOT / "seeds").resolve() else 1.0
        missed = 0
        for name, (first, rerun) in times.items():
            verdict = "ok" if rerun <= target else "MISSED"
            missed += rerun > target
            print(
                f"{name:10s} first {first * 1000:8.1f} ms   rerun {rerun * 1000:7.1f} ms"
                f"   target <= {target * 1000:.0f} ms: {verdict}"
            )
        print(
            f"{missed} of {len(times)} pages missed the rerun target" if missed else "every page met the rerun target"
        )
