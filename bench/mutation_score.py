"""The mutation score of the last ``mutmut run`` (``make mutmut``), beside its target:
python bench/mutation_score.py [mutants/mutmut-cicd-stats.json].

Killed (and timed-out) mutants over all mutants but those skipped; a mutant no test reaches
counts as surviving. Exits 1 when the target is missed.
"""

import json
import sys
from pathlib import Path

TARGET = 0.80


def main(path: Path) -> int:
    stats = json.loads(path.read_text(encoding="utf-8"))
    killed = stats["killed"] + stats.get("timeout", 0)
    counted = stats["total"] - stats.get("skipped", 0)
    score = killed / counted if counted else 0.0
    verdict = "ok" if score >= TARGET else "MISSED"
    print(f"mutation score: {killed} of {counted} mutants killed ({score:.0%}); target >= {TARGET:.0%}: {verdict}")
    print(
        f"  survived {stats['survived']}, no test reaches {stats.get('no_tests', 0)}, suspicious {stats.get('suspicious', 0)}"
    )
    return 0 if score >= TARGET else 1


if __name__ == "__main__":
    sys.exit(main(Path(sys.argv[1] if len(sys.argv) > 1 else "mutants/mutmut-cicd-stats.json")))
