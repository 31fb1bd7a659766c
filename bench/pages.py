"""Server-side rerun time of every page on a corpus: python bench/pages.py [CORPUS] [REPEATS].

Each page is opened with AppTest, run once to warm the caches, then rerun REPEATS times; the
median rerun is printed (target: <= 150 ms on the seeds).
"""

import statistics
import sys
import time
from pathlib import Path

from streamlit.testing.v1 import AppTest

ROOT = Path(__file__).resolve().parents[1]
PAGES = ["overview", "uploads", "district", "keywords", "themes", "items", "kwic", "compare", "status"]


def page_rerun_times(corpus: Path, repeats: int = 5) -> dict[str, float]:
    sys.argv = ["app.py", "--corpus", str(corpus)]
    out = {}
    for name in PAGES:
        at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=600)
        at.run()
        if name != "overview":
            at.switch_page(f"explore/pages/{name}.py")
            at.run()
        times = []
        for _ in range(repeats):
            t0 = time.perf_counter()
            at.run()
            times.append(time.perf_counter() - t0)
        if at.exception:
            raise RuntimeError(f"{name}: {at.exception[0].value}")
        out[name] = statistics.median(times)
    return out


if __name__ == "__main__":
    corpus = Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT / "seeds"
    repeats = int(sys.argv[2]) if len(sys.argv) > 2 else 5
    for name, seconds in page_rerun_times(corpus, repeats).items():
        print(f"{name:10s} {seconds * 1000:7.1f} ms")
