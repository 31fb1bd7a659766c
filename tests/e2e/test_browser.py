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


def test_the_items_csv_has_the_texts_the_table_leaves_out(browser, app_url):
    import io

    import pandas as pd

    from explore.store.load import load_corpus
    from tests.conftest import SEEDS

    page = browser.new_page(accept_downloads=True)
    page.goto(f"{app_url}/items?district=%E7%BD%97%E6%B9%96%E5%8C%BA")  # 罗湖区
    wait_for_page(page)
    page.get_by_text("Download CSV").locator("visible=true").first.wait_for(timeout=90_000)
    with page.expect_download() as info:
        page.locator(".st-key-dl_items button").click()
    rows = pd.read_csv(
        io.BytesIO(info.value.path().read_bytes()), encoding="utf-8-sig", dtype=str, keep_default_na=False
    )
    items = load_corpus(SEEDS).items
    plan = items[(items["district"] == "罗湖区") & (items["section"] == "plan")]  # the page's default section
    assert rows["text"].tolist() == plan["text"].tolist()  # read when the button is clicked
    page.close()
