"""Shared fixtures: a private cache folder per test session, and small corpora built on the fly."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT / "seeds"


@pytest.fixture(scope="session", autouse=True)
def _private_cache(tmp_path_factory: pytest.TempPathFactory) -> None:
    import os

    os.environ["EXPLORE_CACHE_DIR"] = str(tmp_path_factory.mktemp("explore-cache"))


@pytest.fixture(scope="session")
def seeds_corpus():
    from explore.store.load import load_corpus

    return load_corpus(SEEDS)


GBK_TEXT = "深圳市罗湖区2019年改革计划\n一、深化营商环境改革。推进放管服改革,罗湖区将优化审批流程。罗湖区持续推进。\n"
BIG5_TEXT = "深圳市福田區2019年改革計劃\n福田區將推進強區放權改革。福田區深化營商環境改革,福田區加強基層治理。\n"


def write_bad_corpus(root: Path) -> Path:
    """Every kind of input the reader claims to handle, plus files it must report."""
    root.mkdir(parents=True, exist_ok=True)
    (root / "gbk.txt").write_bytes(GBK_TEXT.encode("gbk"))
    (root / "big5.txt").write_bytes(BIG5_TEXT.encode("big5"))
    (root / "utf16.txt").write_bytes(GBK_TEXT.replace("罗湖", "南山").encode("utf-16"))
    (root / "bom.txt").write_bytes("\ufeff".encode() + GBK_TEXT.replace("罗湖", "盐田").encode())
    (root / "crlf.md").write_bytes(GBK_TEXT.replace("罗湖", "宝安").replace("\n", "\r\n").encode())
    (root / "sub").mkdir(exist_ok=True)
    (root / "sub" / "page.html").write_text(
        "<html><head><title>龙华区改革</title><script>alert('x')</script><style>p{}</style></head>"
        "<body><nav>首页 | 新闻</nav><p>龙华区推进城市更新改革,龙华区完善基层治理。</p>"
        "<p>2021年,龙华区深化改革。</p><footer>版权所有</footer></body></html>",
        encoding="utf-8",
    )
    (root / "empty.txt").write_bytes(b"")
    (root / "blank.txt").write_bytes(b"  \n\n ")
    (root / "binary.txt").write_bytes(bytes(range(256)) * 8)
    (root / "image.png").write_bytes(b"\x89PNG\r\n\x1a\n" + b"\x00" * 20)
    (root / "nowhere.txt").write_text(
        "关于进一步加强改革工作的意见\n各单位要加强改革工作,推进改革落实。\n", encoding="utf-8"
    )
    return root


@pytest.fixture()
def bad_corpus(tmp_path: Path) -> Path:
    return write_bad_corpus(tmp_path / "bad")


@pytest.fixture()
def seeds_copy(tmp_path: Path) -> Path:
    dest = tmp_path / "seeds"
    shutil.copytree(SEEDS, dest)
    return dest


def sides_of(terms, docs, target, **options):
    """(count_target/count_reference by term, the sides' characters) of a small terms frame, as the
    store sums them (``store.query.Tables.counts_by_side``), for ``analysis.keywords`` tests."""
    from explore.store.query import Tables

    target = set(target)
    sides = Tables(frames={"terms": terms}).counts_by_side(docs["doc_id"], target, **options)
    in_target = docs["doc_id"].isin(target)
    chars = {"chars_target": int(docs.loc[in_target, "n_chars"].sum()),
             "chars_reference": int(docs.loc[~in_target, "n_chars"].sum())}  # fmt: skip
    return sides, chars


def keyness_of(terms, docs, target, **options):
    from explore.analysis.keywords import keyness

    sides, chars = sides_of(terms, docs, target)
    return keyness(sides, **chars, **options)
