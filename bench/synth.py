"""A synthetic corpus of N documents made from the seeds' paragraphs, for scale benchmarks.

    python bench/synth.py OUT_DIR N [--seed 0]

Each document is a title and a date line naming one of Shenzhen's districts and a year
(2012–2023), then seed paragraphs drawn at random until about 5,000 characters. A fifth are
written in Traditional script; a tenth carry misdecoded runs like real scraped pages (a
stretch of GBK bytes read one byte off). Same N and seed, same files.
"""

from __future__ import annotations

import argparse
import random
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

DISTRICTS = ["福田区", "罗湖区", "南山区", "盐田区", "宝安区", "龙岗区", "龙华区", "坪山区", "光明区", "大鹏新区"]
TARGET_CHARS = 5_000


def seed_paragraphs() -> list[str]:
    from explore.store.load import load_corpus

    corpus = load_corpus(ROOT / "seeds")
    return [p for p in corpus.paragraphs["text"] if len(p) >= 20 and "\ufffd" not in p]


def misdecode(text: str, rng: random.Random) -> str:
    """A stretch of the text as a scraper garbles it: its GBK bytes decoded one byte late."""
    if len(text) < 30:
        return text
    start = rng.randrange(0, len(text) - 25)
    span = text[start : start + rng.randint(10, 25)]
    raw = span.encode("gbk", errors="ignore")[1:]
    return text[:start] + raw.decode("gbk", errors="replace").replace("\ufffd", "?") + text[start + len(span) :]


def make_corpus(out: Path, n: int, *, seed: int = 0) -> Path:
    from explore.ingest.script import to_traditional

    rng = random.Random(seed)
    pool = seed_paragraphs()
    out.mkdir(parents=True, exist_ok=True)
    for i in range(n):
        district, year = rng.choice(DISTRICTS), rng.randint(2012, 2023)
        lines = [
            f"深圳市{district}{year}年全面深化改革工作要点(第{i + 1}号)",
            f"发布日期：{year}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}",
        ]
        size = 0
        while size < TARGET_CHARS:
            para = rng.choice(pool)
            lines.append(para)
            size += len(para)
        if rng.random() < 0.1:
            for j in rng.sample(range(2, len(lines)), k=min(3, len(lines) - 2)):
                lines[j] = misdecode(lines[j], rng)
        text = "\n".join(lines) + "\n"
        if rng.random() < 0.2:
            text = to_traditional(text)
        (out / f"doc{i:05d}.txt").write_text(text, encoding="utf-8")
    return out


if __name__ == "__main__":
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("out", type=Path)
    ap.add_argument("n", type=int)
    ap.add_argument("--seed", type=int, default=0)
    args = ap.parse_args()
    make_corpus(args.out, args.n, seed=args.seed)
    print(f"{args.n} documents in {args.out}")
