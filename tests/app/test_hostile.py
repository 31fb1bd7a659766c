"""Hostile and broken input, built by the tests: every file is loaded or reported, nothing crashes,
and whatever a document says shows literally and exports safely."""

from __future__ import annotations

import io
from pathlib import Path

import pandas as pd
import pytest

from explore.cli.main import main
from explore.store.load import load_corpus

PLAN = "深圳市罗湖区2019年改革计划\n一、深化营商环境改革。推进行政审批制度改革,罗湖区优化审批流程。\n"
TRAD = "深圳市福田區2019年改革計劃\n福田區將推進強區放權改革,深化營商環境改革。\n"
HK = "香港特區政府推進改革,市民話「唔係噉㗎」。區議會關於體制機制的討論。\n"
ENGLISH = "Reform plan of the Futian district, 2019: café, naïve, façade — résumé of reforms.\n"

# file name → bytes, in every encoding the reader claims to read.
ENCODED = {
    "utf8.txt": PLAN.encode("utf-8"),
    "utf8-bom.txt": b"\xef\xbb\xbf" + PLAN.encode("utf-8"),
    "utf16-bom.txt": PLAN.encode("utf-16"),
    "utf16-be-bom.txt": b"\xfe\xff" + PLAN.encode("utf-16-be"),
    "utf32-bom.txt": PLAN.encode("utf-32"),
    "utf16le-nobom.txt": ("Plan 2019 " * 20 + PLAN).encode("utf-16-le"),
    "utf16be-nobom.txt": ("Plan 2019 " * 20 + PLAN).encode("utf-16-be"),
    "gb2312.txt": PLAN.encode("gb2312"),
    "gbk.txt": PLAN.encode("gbk"),
    "gb18030.txt": (PLAN + "𠀀").encode("gb18030"),
    "big5.txt": TRAD.encode("big5"),
    "big5hkscs.txt": HK.encode("big5hkscs"),
    "cp1252.txt": ENGLISH.encode("cp1252"),
}
EXPECTED_TEXT = {
    "utf16le-nobom.txt": "推进行政审批制度改革",
    "utf16be-nobom.txt": "推进行政审批制度改革",
    "big5.txt": "推进强区放权改革",
    "big5hkscs.txt": "唔系噉㗎",
    "cp1252.txt": "café, naïve, façade",
}

HOSTILE_HTML = """<html><head><title>坪山区改革</title><style>body{background:red}</style>
<script>window.__pwned = 1; alert('xss')</script></head>
<body onload="alert('body')"><p onclick="alert(1)">坪山区推进改革,坪山区深化治理。</p>
<img src=x onerror="alert('img')"><iframe srcdoc="<script>alert('iframe')</script>"></iframe>
<a href="javascript:alert('a')">链接</a><p>2020年坪山区改革。</p></body></html>"""

LITERAL = (
    "罗湖区改革文件\n"
    "**粗体** _斜体_ `代码` # 不是标题 [链接](javascript:alert(1)) $E=mc^2$ $$\\frac{1}{2}$$\n"
    '<b>不加粗</b> <iframe srcdoc="<script>alert(1)</script>"></iframe> <img src=x onerror=alert(1)> '
    "<style>body{display:none}</style> :red[红色] :material/home: ~~删除~~ &amp; &lt;\n"
    '=HYPERLINK("http://evil.example","点我")\n'
    "+cmd|' /C calc'!A0\n"
    "-1+1\n"
    "@SUM(1+1)*cmd\n"
)
CONTROL = "罗湖区\x07改革\x1b[31m推进\x0c治理\u200b基层\u202e反向\u0000空\n第二段\x08内容。\n"


def write_hostile_corpus(root: Path, *, big_bytes: int = 20 * 1024 * 1024) -> Path:
    root.mkdir(parents=True, exist_ok=True)
    for name, data in ENCODED.items():
        (root / name).write_bytes(data)
    (root / "hostile page.html").write_text(HOSTILE_HTML, encoding="utf-8")
    (root / "literal markup.md").write_text(LITERAL, encoding="utf-8")
    (root / "control.txt").write_text(CONTROL, encoding="utf-8")
    (root / "罗湖 区 改革 (终稿).txt").write_text(PLAN, encoding="utf-8")
    (root / "long line.txt").write_text("推进改革" * 500_000, encoding="utf-8")  # one 2-million-character line
    para = "罗湖区深化营商环境改革,推进行政审批制度改革,完善基层治理体系,提升公共服务水平。" * 20 + "\n"
    n = big_bytes // len(para.encode()) + 1
    (root / "big.txt").write_text(para * n, encoding="utf-8")
    (root / "nul.txt").write_bytes(b"abc\x00\x01\x02\x03" * 1000)
    (root / "truncated-utf8.txt").write_bytes(PLAN.encode()[:-2] + b"\xe6")
    (root / "empty.md").write_bytes(b"")
    (root / "script-only.html").write_text("<html><script>alert(1)</script></html>", encoding="utf-8")
    (root / "data.xlsx").write_bytes(b"PK\x03\x04")
    return root


@pytest.fixture(scope="module")
def hostile(tmp_path_factory):
    root = write_hostile_corpus(tmp_path_factory.mktemp("hostile") / "corpus")
    return root, load_corpus(root)


def test_every_file_is_loaded_or_reported(hostile):
    root, corpus = hostile
    files = {p.relative_to(root).as_posix() for p in root.rglob("*") if p.is_file()}
    loaded, reported = set(corpus.docs["file"]), set(corpus.skipped["file"])
    assert loaded | reported == files
    assert not loaded & reported
    assert reported == {"nul.txt", "empty.md", "script-only.html", "data.xlsx"}
    assert corpus.docs.set_index("file").loc["truncated-utf8.txt", "encoding"] == "utf-8 (2 bad bytes replaced)"
    assert all(corpus.skipped["reason"].str.len() > 5)


@pytest.mark.parametrize("name", sorted(ENCODED))
def test_every_encoding_reads_back(hostile, name):
    _, corpus = hostile
    doc = corpus.docs.set_index("file").loc[name]
    text = "".join(corpus.paragraphs.loc[corpus.paragraphs["doc_id"] == doc["doc_id"], "text"])
    assert EXPECTED_TEXT.get(name, "推进行政审批制度改革") in text
    assert "\ufffd" not in text


def _text(corpus, file: str, column: str = "text") -> str:
    doc_id = corpus.docs.set_index("file").loc[file, "doc_id"]
    return "\n".join(corpus.paragraphs.loc[corpus.paragraphs["doc_id"] == doc_id, column])


def test_html_keeps_text_and_drops_scripts_styles_and_frames(hostile):
    _, corpus = hostile
    text = _text(corpus, "hostile page.html")
    assert "坪山区推进改革" in text and "链接" in text
    for gone in ("alert", "__pwned", "background:red", "onerror", "srcdoc"):
        assert gone not in text


def test_markup_in_plain_text_is_kept_literally(hostile):
    _, corpus = hostile
    text = _text(corpus, "literal markup.md", "text_original")
    for literal in (
        "**粗体**",
        "$E=mc^2$",
        "<b>不加粗</b>",
        ":red[红色]",
        '<iframe srcdoc="<script>',
        "onerror=alert(1)",
    ):
        assert literal in text


def test_control_characters_never_reach_the_tables(hostile):
    _, corpus = hostile
    text = _text(corpus, "control.txt", "text_original")
    assert "罗湖区" in text and "第二段" in text
    assert not any(ord(c) < 32 and c != "\n" for c in text)


def test_long_line_and_big_document_load(hostile):
    _, corpus = hostile
    docs = corpus.docs.set_index("file")
    assert docs.loc["long line.txt", "n_chars"] == 2_000_000
    assert docs.loc["big.txt", "n_chars"] > 6_000_000  # 20 MB of UTF-8 Chinese
    assert docs.loc["罗湖 区 改革 (终稿).txt", "district"] == "罗湖区"


def test_formula_cells_are_neutralised_in_cli_export_and_round_trip(hostile, capsysbinary):
    root, corpus = hostile
    assert main(["export", "paragraphs", "--corpus", str(root), "--doc", corpus.docs.set_index("file").loc[
        "literal markup.md", "doc_id"]]) == 0  # fmt: skip
    data = capsysbinary.readouterr().out
    assert data.startswith(b"\xef\xbb\xbf")
    back = pd.read_csv(io.BytesIO(data), encoding="utf-8-sig", dtype=str, keep_default_na=False)
    texts = back["text_original"].tolist()
    assert texts[3:7] == [
        '\'=HYPERLINK("http://evil.example","点我")',
        "'+cmd|' /C calc'!A0",
        "'-1+1",
        "'@SUM(1+1)*cmd",
    ]
    assert texts[0] == "罗湖区改革文件"
    assert not any(cell[:1] in ("=", "+", "-", "@") for col in back.columns for cell in back[col])
