"""Regenerate explore/data/char_freq.tsv from jieba's bundled dictionary.

The repair step scores candidate decodings by how common their characters are; this table
(character, log10 of its summed word frequency) is that score. jieba's dictionary is MIT licensed.
Run: python scripts/make_char_freq.py
"""

import math
from collections import Counter
from pathlib import Path

import jieba

counts: Counter[str] = Counter()
dict_path = Path(jieba.__file__).with_name("dict.txt")
for line in dict_path.read_text(encoding="utf-8").splitlines():
    parts = line.split(" ")
    if len(parts) >= 2:
        for ch in parts[0]:
            counts[ch] += int(parts[1])
out = Path(__file__).resolve().parents[1] / "explore" / "data" / "char_freq.tsv"
rows = [f"{ch}\t{math.log10(n):.2f}" for ch, n in counts.most_common(8000) if "\u4e00" <= ch <= "\u9fff"]
out.write_text("# char\tlog10(freq), from jieba dict.txt (MIT)\n" + "\n".join(rows) + "\n", encoding="utf-8")
print(f"wrote {len(rows)} rows to {out}")
