"""Load test: N concurrent real browser sessions change filters on every page of one app server.

    python bench/load_test.py [--sessions 10] [--rounds 1] [--max-seconds 600] [--corpus DIR]

Starts the app on 127.0.0.1, opens N browser contexts (separate Streamlit sessions) in Debian's
Chromium, and in each walks every page through the sidebar navigation; on each page it picks
a district, then clears it again. An *update* is the time from the action until the server's
``script_finished`` message for the run it caused has arrived and the page shows the result. Prints errors (must be 0), p50/p95
update time and the server's peak memory (resident set, with child processes); exits 1 on any
error or when ``--max-seconds`` runs out. Writes the figures as JSON with ``--json FILE``.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import statistics
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bench.procmem import MemoryWatch, cpu_seconds, rss_kib  # noqa: E402
from tests.e2e.server import CHROMIUM_ARGS, chromium_path, running_server  # noqa: E402

NAV = [
    "Overview", "Your documents", "District summary", "Keywords", "Theme timelines",
    "Reform items", "Keyword in context", "Side by side", "Status",
]  # fmt: skip
DISTRICTS = ["罗湖区", "龙岗区", "坪山区", "福田区"]
STEP_TIMEOUT = 120_000  # ms: one update may take this long before it counts as an error


def _browser_pids() -> list[int]:
    pids = []
    for d in Path("/proc").iterdir():
        if d.name.isdigit():
            try:
                if "chrom" in (d / "comm").read_text():
                    pids.append(int(d.name))
            except OSError:
                pass
    return pids


@dataclass
class Tally:
    loads: list[float] = field(default_factory=list)  # first load of the app, per session
    updates: list[float] = field(default_factory=list)  # every later action
    errors: list[str] = field(default_factory=list)
    browser_cpu_s: float = 0.0
    runs: list[list[float]] = field(default_factory=list)  # per session: server run times


_SETTLED = """(expected) => !document.querySelector('[data-testid="stStatusWidget"]') && eval(expected)"""


class RunCounter:
    """Counts the script runs a session's server finished, from its websocket messages."""

    def __init__(self, page) -> None:
        from streamlit.proto.ForwardMsg_pb2 import ForwardMsg

        self.finished = 0
        self.runs: list[float] = []  # seconds from a run's start message to its finished message
        self._started: float | None = None
        self._msg = ForwardMsg

        def on_socket(ws) -> None:
            ws.on("framereceived", self._frame)

        page.on("websocket", on_socket)

    def _frame(self, payload: bytes | str) -> None:
        if isinstance(payload, str):
            return
        msg = self._msg()
        try:
            msg.ParseFromString(payload)
        except Exception:
            return
        kind = msg.WhichOneof("type")
        if kind == "new_session":  # sent as each script run starts
            self._started = time.perf_counter()
        elif kind == "script_finished" and msg.script_finished != msg.FINISHED_EARLY_FOR_RERUN:
            self.finished += 1
            if self._started is not None:
                self.runs.append(time.perf_counter() - self._started)
                self._started = None

    async def wait_beyond(self, before: int, timeout_s: float) -> bool:
        deadline = time.perf_counter() + timeout_s
        while self.finished <= before:
            if time.perf_counter() > deadline:
                return False
            await asyncio.sleep(0.01)
        return True


async def _timed(page, runs: RunCounter, action, expected: str, tally: Tally) -> None:
    """Run ``action`` and time it until a script run finished after it and ``expected`` (JS) holds."""
    before = runs.finished
    t0 = time.perf_counter()
    await action()
    if not await runs.wait_beyond(before, STEP_TIMEOUT / 1000):
        raise TimeoutError(f"no script run finished within {STEP_TIMEOUT / 1000:.0f} s")
    await page.wait_for_function(_SETTLED, arg=expected, timeout=STEP_TIMEOUT)
    tally.updates.append(time.perf_counter() - t0)


def _title_is(title: str) -> str:
    return f"document.querySelector('h1')?.innerText.trim() === {json.dumps(title)}"


def _district_tags(district: str | None) -> str:
    tags = 'document.querySelectorAll(\'[data-testid="stSidebar"] [data-testid="stMultiSelect"]\')[0]'
    if district is None:
        return f"{tags}.querySelectorAll('[data-tag]').length === 0"
    return f"{tags}.querySelector('[data-tag][aria-label={json.dumps(district)}]') !== null"


async def _first_load(page, url: str, times: list[float]) -> None:
    t0 = time.perf_counter()
    await page.goto(url)
    await page.locator('[data-testid="stApp"][data-test-script-state="notRunning"]').wait_for(timeout=STEP_TIMEOUT)
    await page.locator('[data-testid="stMetricValue"]').first.wait_for(timeout=STEP_TIMEOUT)
    times.append(time.perf_counter() - t0)


async def _pick(page, picker, district: str) -> None:
    await picker.click()
    await page.keyboard.type(district)
    await page.get_by_role("option", name=district).first.click(timeout=STEP_TIMEOUT)
    await page.keyboard.press("Escape")


async def session(browser, url: str, n: int, rounds: int, tally: Tally) -> None:
    context = await browser.new_context(viewport={"width": 1400, "height": 1000})
    page = await context.new_page()
    runs = RunCounter(page)
    tally.runs.append(runs.runs)
    page.on("pageerror", lambda e: tally.errors.append(f"session {n}: page error: {e}"))
    district = DISTRICTS[n % len(DISTRICTS)]
    step = "first load"
    try:
        await _first_load(page, url, tally.loads)
        for r in range(rounds):
            for i, name in enumerate(NAV):
                link = page.locator('[data-testid="stSidebarNav"] a').filter(has_text=name)
                step = f"open {name}"
                if i or r:  # the walk starts on the Overview: clicking the current page runs nothing
                    await _timed(page, runs, link.click, _title_is(name), tally)
                picker = page.locator('[data-testid="stSidebar"] [data-testid="stMultiSelect"]').first
                if name != "Status":  # the Status page describes the shared corpus: no filters
                    step = f"pick {district} on {name}"
                    await _timed(page, runs, lambda p=picker: _pick(page, p, district), _district_tags(district), tally)
                    step = f"clear the district on {name}"
                    clear = picker.get_by_role("button", name="Clear all").click
                    await _timed(page, runs, clear, _district_tags(None), tally)
                shown = page.locator('[data-testid="stException"]')
                if await shown.count():
                    text = " ".join((await shown.first.inner_text()).split())[:400]
                    tally.errors.append(f"session {n}: exception shown on {name}: {text}")
    except Exception as err:  # a timeout or a missing element is an error of the run, not a crash
        tally.errors.append(f"session {n}, {step}: {type(err).__name__}: {str(err).splitlines()[0]}")
    finally:
        await context.close()


async def run(url: str, sessions: int, rounds: int, tally: Tally) -> None:
    from playwright.async_api import async_playwright

    async with async_playwright() as p:
        browser = await p.chromium.launch(executable_path=chromium_path(), args=CHROMIUM_ARGS)
        await asyncio.gather(*(session(browser, url, n, rounds, tally) for n in range(sessions)))
        tally.browser_cpu_s = cpu_seconds(_browser_pids())
        await browser.close()


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sessions", type=int, default=10)
    ap.add_argument("--rounds", type=int, default=1, help="walks through every page per session")
    ap.add_argument("--max-seconds", type=float, default=600)
    ap.add_argument("--corpus", type=Path, default=ROOT / "seeds")
    ap.add_argument("--json", type=Path, default=None)
    ap.add_argument("--show-errors", action="store_true", help="let the app show tracebacks (to debug a failure)")
    args = ap.parse_args(argv)
    if chromium_path() is None:
        print("error: Debian's chromium is not installed (apt-get install -y chromium)", file=sys.stderr)
        return 2
    tally = Tally()
    env = {"STREAMLIT_CLIENT_SHOW_ERROR_DETAILS": "full"} if args.show_errors else None
    with running_server(args.corpus, env=env) as (url, proc), MemoryWatch(proc.pid) as memory:
        idle = rss_kib(proc.pid) / 1024
        cpu0 = cpu_seconds([proc.pid])
        t0 = time.perf_counter()
        try:
            asyncio.run(asyncio.wait_for(run(url, args.sessions, args.rounds, tally), args.max_seconds))
        except TimeoutError:
            tally.errors.append(f"the run did not finish within {args.max_seconds:.0f} s")
        wall = time.perf_counter() - t0
        server_cpu = cpu_seconds([proc.pid]) - cpu0
    times, loads, errors = tally.updates, tally.loads, tally.errors
    server_runs = [t for session_runs in tally.runs for t in session_runs]
    q = statistics.quantiles(times, n=20) if len(times) >= 2 else [float("nan")] * 19
    figures = {
        "sessions": args.sessions,
        "first_load_max_s": round(max(loads), 3) if loads else None,
        "updates": len(times),
        "errors": len(errors),
        "p50_s": round(statistics.median(times), 3) if times else None,
        "p95_s": round(q[18], 3) if times else None,
        "max_s": round(max(times), 3) if times else None,
        # The server's part of an update: from the run's start message to its end message.
        "server_run_p50_s": round(statistics.median(server_runs), 3) if server_runs else None,
        "server_run_p95_s": round(statistics.quantiles(server_runs, n=20)[18], 3) if len(server_runs) > 1 else None,
        "server_idle_mib": round(idle, 1),
        "server_peak_mib": round(memory.peak, 1),
        "wall_s": round(wall, 1),
        # Where the 2 cores went: the app server's Python against the browsers drawing the pages.
        "server_cpu_s": round(server_cpu, 1),
        "browsers_cpu_s": round(tally.browser_cpu_s, 1),
    }
    for e in errors:
        print(e, file=sys.stderr)
    width = max(map(len, figures))
    for key, value in figures.items():
        print(f"{key:<{width}}  {value}")
    if args.json:
        args.json.write_text(json.dumps(figures, indent=2))
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
