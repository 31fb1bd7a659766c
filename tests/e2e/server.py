"""Start the app on 127.0.0.1 for browser tests and scripts, and find Debian's chromium."""

from __future__ import annotations

import contextlib
import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
PAGES = ["", "uploads", "district", "keywords", "themes", "items", "kwic", "compare", "reuse", "diffusion", "figures",
         "codes", "instruments", "followthrough", "coissuing", "collocates", "ngrams", "network", "topics", "sql", "status"]  # fmt: skip
# Text that shows once a page has finished drawing (most pages end with a CSV download).
READY = {"uploads": "You have not added any documents", "status": "Skipped files", "reuse": "pairs of paragraphs in"}
CHROMIUM_ARGS = [
    "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
    "--disable-component-update", "--disable-sync",
]  # fmt: skip


def chromium_path() -> str | None:
    return shutil.which("chromium") or shutil.which("chromium-browser")


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@contextlib.contextmanager
def running_app(corpus: Path | None = None, *, env: dict[str, str] | None = None) -> Iterator[str]:
    """The app served on a free loopback port; yields its base URL, stops it afterwards."""
    with running_server(corpus, env=env) as (url, _):
        yield url


@contextlib.contextmanager
def running_server(
    corpus: Path | None = None, *, env: dict[str, str] | None = None
) -> Iterator[tuple[str, subprocess.Popen]]:
    """Like ``running_app``, also yielding the server process (to measure its memory)."""
    port = free_port()
    cmd = [sys.executable, "-m", "streamlit", "run", str(ROOT / "app.py"), "--server.port", str(port),
           "--server.address", "127.0.0.1", "--server.headless", "true", "--", "--corpus", str(corpus or ROOT / "seeds")]  # fmt: skip
    proc = subprocess.Popen(
        cmd, cwd=ROOT, env={**os.environ, **(env or {})}, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE
    )
    url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.time() + 60
        while time.time() < deadline:
            try:
                with urllib.request.urlopen(f"{url}/_stcore/health", timeout=2) as r:
                    if r.status == 200:
                        break
            except OSError:
                time.sleep(0.3)
        else:
            raise RuntimeError("the app did not start within 60 s")
        yield url, proc
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()


def wait_for_page(page, timeout: float = 60_000) -> None:
    """Wait until Streamlit has finished running the page script."""
    page.wait_for_selector('[data-testid="stApp"]', timeout=timeout)
    page.wait_for_function(
        '() => !document.querySelector(\'[data-testid="stStatusWidget"]\') && document.querySelectorAll(\'[data-testid="stMainBlockContainer"] [data-testid="stElementContainer"]\').length > 3',
        timeout=timeout,
    )
    page.wait_for_timeout(800)
