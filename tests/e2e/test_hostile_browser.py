"""In a real browser: hostile document text shows literally, runs no script and restyles nothing;
the real upload control adds documents for the session and reports refused files."""

from __future__ import annotations

import io
import shutil
import zipfile
from urllib.parse import quote

import pytest
from playwright.sync_api import expect

from tests.conftest import SEEDS
from tests.e2e.server import running_app, wait_for_page

pytestmark = pytest.mark.browser

PAYLOAD = (
    "深圳市盐田区2021年改革要点\n"
    "一、<iframe srcdoc=\"<script>parent.__pwned=1;alert('iframe')</script>\"></iframe>盐田区推进营商环境改革。\n"
    "二、<img src=x onerror=\"window.__pwned=2;alert('img')\">盐田区深化营商环境基层治理改革。\n"
    "三、<style>body{background:red !important}*{display:none !important}</style>盐田区完善营商环境公共服务改革。\n"
    "<script>window.__pwned=3;alert('script')</script>盐田区推进营商环境改革,营商环境持续优化。\n"
    "[点我](javascript:alert('link')) :red[红色] $x^2$ **粗体** 盐田区营商环境。\n"
    '=HYPERLINK("http://evil.example","点我")\n'
    "+cmd|' /C calc'!A0\n"
    "-1+1\n"
    "@SUM(1+1)*cmd\n"
)
FORMULAS = ['\'=HYPERLINK("http://evil.example","点我")', "'+cmd|' /C calc'!A0", "'-1+1", "'@SUM(1+1)*cmd"]


@pytest.fixture(scope="module")
def hostile_app(tmp_path_factory):
    corpus = tmp_path_factory.mktemp("hostile-app") / "corpus"
    shutil.copytree(SEEDS, corpus)
    (corpus / "hostile.txt").write_text(PAYLOAD, encoding="utf-8")
    with running_app(corpus) as url:
        yield url


def _open(browser, url: str, ready: str | None = None):
    page = browser.new_page(viewport={"width": 1400, "height": 1000})
    fired: list[str] = []
    page.on("dialog", lambda d: (fired.append(d.message), d.dismiss()))
    page.on("pageerror", lambda e: fired.append(f"pageerror: {e}"))
    page.goto(url)
    wait_for_page(page)
    if ready:
        page.get_by_text(ready).first.wait_for(timeout=60_000)
        wait_for_page(page)
    return page, fired


def _assert_harmless(page, fired: list[str], *, literal: str) -> None:
    page.wait_for_timeout(500)
    assert fired == []
    assert page.evaluate("() => window.__pwned === undefined")
    main = page.locator('[data-testid="stMain"]')
    assert main.locator("iframe[srcdoc], img[onerror], script:not([src]), style:not([data-emotion])").count() == 0
    background = page.evaluate("() => getComputedStyle(document.body).backgroundColor")
    assert background in ("rgb(255, 255, 255)", "rgba(0, 0, 0, 0)")
    assert page.locator('[data-testid="stMainBlockContainer"]').is_visible()
    assert literal in main.inner_text()


@pytest.mark.parametrize(
    ("path", "literal", "ready"),
    [
        (f"compare?left=hostile&right={quote('000_373ae69c3ea13910')}", '<iframe srcdoc="<script>', "Download CSV"),
        ("compare?left=hostile&right=hostile", "<img src=x onerror=", "Download CSV"),
        ("district?district_pick=" + quote("盐田区"), "盐田区", "Most representative sentences"),
        ("keywords?district=" + quote("盐田区"), "营商环境", "in the filtered documents."),
        ("items?district=" + quote("盐田区"), '<iframe srcdoc="<script>parent.__pwned=1', "Read an item"),
    ],
)
def test_hostile_text_is_shown_not_run(browser, hostile_app, path, literal, ready):
    page, fired = _open(browser, f"{hostile_app}/{path}", ready)
    _assert_harmless(page, fired, literal=literal)
    page.close()


def test_kwic_lines_of_hostile_text_are_inert(browser, hostile_app):
    page, fired = _open(browser, f"{hostile_app}/kwic")
    box = page.get_by_label("Terms", exact=True)
    box.fill("<script>")
    box.press("Enter")
    wait_for_page(page)
    _assert_harmless(page, fired, literal="in 1 document (a document counts once")
    page.close()


def test_app_csv_download_neutralises_formulas_and_keeps_chinese(browser, hostile_app):
    import pandas as pd

    page, _ = _open(
        browser, f"{hostile_app}/compare?left=hostile&right=hostile&cmp_mode=Whole+documents", "Download CSV"
    )
    with page.expect_download() as info:
        page.locator(".st-key-dl_side button").click()
    data = info.value.path().read_bytes()
    assert data.startswith(b"\xef\xbb\xbf")
    back = pd.read_csv(io.BytesIO(data), encoding="utf-8-sig", dtype=str, keep_default_na=False)
    texts = back["text_original"].tolist()
    assert texts[0] == "深圳市盐田区2021年改革要点"
    assert [t for t in texts if t.startswith("'")][:4] == FORMULAS
    assert not any(cell[:1] in ("=", "+", "-", "@") for col in back.columns for cell in back[col])
    page.close()


def _zip(entries: dict[str, bytes]) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as zf:
        for name, data in entries.items():
            zf.writestr(name, data)
    return buf.getvalue()


def test_upload_control_adds_documents_for_this_session_only(browser, tmp_path):
    upload = tmp_path / "我的 文件.txt"
    upload.write_text(PAYLOAD.replace("盐田", "南山"), encoding="utf-8")
    archive = tmp_path / "batch.zip"
    archive.write_bytes(_zip({"ok.md": "深圳市光明区2020年改革计划,光明区推进改革。".encode(), "../evil.txt": b"x"}))
    with running_app() as url:
        page, fired = _open(browser, f"{url}/uploads")
        page.locator('[data-testid="stFileUploaderDropzoneInput"]').set_input_files([str(upload), str(archive)])
        page.get_by_text("2 documents added.").wait_for(timeout=90_000)
        wait_for_page(page)
        text = page.locator('[data-testid="stMain"]').inner_text()
        assert "1 file could not be added" in text
        _assert_harmless(page, fired, literal="2 documents added.")
        # Other pages of the same session see the documents; a new session does not.
        page.get_by_role("link", name="Overview").click()
        wait_for_page(page)
        page.get_by_text("Includes 2 of your uploaded documents").wait_for(timeout=30_000)
        expect(page.locator('[data-testid="stMetricValue"]').first).to_have_text("7", timeout=30_000)
        other, _ = _open(browser, url)
        # waited for, not read at once: a page still drawing may not show its first metric yet
        expect(other.locator('[data-testid="stMetricValue"]').first).to_have_text("5", timeout=30_000)
        other.close()
        page.close()
