"""The browser every browser test drives: Debian's chromium through Playwright, one per module."""

from __future__ import annotations

import pytest

from tests.e2e.server import CHROMIUM_ARGS, chromium_path


@pytest.fixture(scope="module")
def browser():
    path = chromium_path()
    if path is None:
        pytest.fail("Debian's chromium is not installed: run `make browser-deps`")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=path, args=CHROMIUM_ARGS)
        yield b
        b.close()
