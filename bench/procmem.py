"""Memory and CPU of a process tree, sampled from /proc (Linux), for the benchmarks."""

from __future__ import annotations

import os
import threading
from pathlib import Path


def tree(pid: int) -> list[int]:
    """A process and all its descendants."""
    out, todo = [], [pid]
    while todo:
        p = todo.pop()
        out.append(p)
        try:
            for task in Path(f"/proc/{p}/task").iterdir():
                todo.extend(int(c) for c in (task / "children").read_text().split())
        except OSError:
            pass
    return out


def _field_kib(path: str, field: str) -> int:
    try:
        for line in Path(path).read_text().splitlines():
            if line.startswith(field):
                return int(line.split()[1])
    except OSError:
        pass
    return 0


def rss_kib(pid: int) -> int:
    """Resident memory of a process and its descendants (KiB), each process's RSS summed: a page
    a forked worker still shares with its parent (the libraries, what was loaded before the
    fork) is counted once in each."""
    return sum(_field_kib(f"/proc/{p}/status", "VmRSS:") for p in tree(pid))


def pss_kib(pid: int) -> int:
    """The memory a process and its descendants hold (KiB): each process's proportional set size
    summed, so that a page they share is counted once, as the machine holds it."""
    return sum(_field_kib(f"/proc/{p}/smaps_rollup", "Pss:") for p in tree(pid))


def cpu_seconds(pids: list[int]) -> float:
    """User + system CPU time of these processes (0 for a process that is gone)."""
    tick = os.sysconf("SC_CLK_TCK")
    total = 0
    for p in pids:
        try:
            fields = Path(f"/proc/{p}/stat").read_text().rsplit(")", 1)[1].split()
            total += int(fields[11]) + int(fields[12])
        except (OSError, IndexError, ValueError):
            pass
    return total / tick


class MemoryWatch:
    """Samples a process tree's memory every 0.2 s in a thread: ``peak``, the most it held
    (``pss_kib``), and ``peak_rss``, the most its processes' RSS summed to (``rss_kib``), in MiB."""

    def __init__(self, pid: int) -> None:
        self.pid, self.peak_kib, self.peak_rss_kib, self._stop = pid, 0, 0, threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    def _run(self) -> None:
        while not self._stop.is_set():
            self.peak_kib = max(self.peak_kib, pss_kib(self.pid))
            self.peak_rss_kib = max(self.peak_rss_kib, rss_kib(self.pid))
            self._stop.wait(0.2)

    def __enter__(self) -> MemoryWatch:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        self._thread.join()

    @property
    def peak(self) -> float:
        return self.peak_kib / 1024

    @property
    def peak_rss(self) -> float:
        return self.peak_rss_kib / 1024
