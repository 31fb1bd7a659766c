"""Screenshots of every page in headless chromium: python scripts/screenshots.py [OUT_DIR]."""

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from playwright.sync_api import sync_playwright

from tests.e2e.server import CHROMIUM_ARGS, PAGES, chromium_path, running_app, wait_for_page

out = Path(sys.argv[1] if len(sys.argv) > 1 else "screenshots")
out.mkdir(parents=True, exist_ok=True)
with running_app() as url, sync_playwright() as p:
    browser = p.chromium.launch(executable_path=chromium_path(), args=CHROMIUM_ARGS)
    page = browser.new_page(viewport={"width": 1400, "height": int(sys.argv[2]) if len(sys.argv) > 2 else 3200})
    for path in PAGES:
        page.goto(f"{url}/{path}")
        wait_for_page(page)
        page.wait_for_timeout(1500)
        target = out / f"{path or 'overview'}.png"
        page.screenshot(path=str(target), full_page=True)
        print(target)
    browser.close()
