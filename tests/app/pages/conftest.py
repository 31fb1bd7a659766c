"""AppTest helpers: start the app on the seeds and switch to one page."""

from __future__ import annotations

import pytest
from streamlit.testing.v1 import AppTest

from tests.conftest import ROOT


def open_page(name: str, **query: str | list[str]) -> AppTest:
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=90)
    for key, value in query.items():
        at.query_params[key] = value
    at.run()
    if name != "overview":
        at.switch_page(f"explore/app/pages/{name}.py")
        at.run()
    assert not at.exception, [e.value for e in at.exception]
    return at


@pytest.fixture()
def downloads(monkeypatch) -> dict:
    """What each download button of a page run gives when clicked, by its key: the frame shown,
    or the full rows a page reads only on the click."""
    from explore.app.pages import common

    clicked: dict = {}

    def download(frame, page, *args, key, full=None, **kwargs):
        clicked[key] = full() if full is not None else frame

    monkeypatch.setattr(common, "download", download)
    return clicked


@pytest.fixture()
def page():
    return open_page
