"""Real-browser tests: Playwright driving Debian's chromium against the app on 127.0.0.1."""

from __future__ import annotations

import pytest

from tests.e2e.server import PAGES, READY, running_app, wait_for_page

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def app_url():
    with running_app() as url:
        yield url


@pytest.mark.parametrize("path", PAGES)
def test_every_page_renders_without_exception(browser, app_url, path):
    page = browser.new_page(viewport={"width": 1400, "height": 1000})
    errors: list[str] = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.goto(f"{app_url}/{path}")
    wait_for_page(page)
    page.get_by_text(READY.get(path, "Download CSV")).locator("visible=true").first.wait_for(timeout=90_000)
    assert page.locator('[data-testid="stException"]').count() == 0
    assert not errors
    page.close()


def test_csv_download_starts_with_bom(browser, app_url):
    page = browser.new_page(accept_downloads=True)
    page.goto(app_url)
    wait_for_page(page)
    page.get_by_text("Download CSV").locator("visible=true").first.wait_for(timeout=90_000)
    with page.expect_download() as info:
        # By key, not by label: the district × year table can also have 5 rows.
        page.locator(".st-key-dl_docs button").click()
    download = info.value
    data = download.path().read_bytes()
    assert data.startswith(b"\xef\xbb\xbf")
    assert "doc_id" in data.decode("utf-8-sig").splitlines()[0]
    assert download.suggested_filename.endswith(".csv")
    page.close()
