"""How fast this machine's processor is right now, as one figure to print beside the measurements.

A shared virtual machine runs at the speed its host leaves it: on the 2-core machine of
benchmarks/README.md a pure-Python loop took nearly twice as long on a busy host as on an idle one,
hours apart on 8 December 2026, and every figure of the suite and the benchmarks moves with it.
Printed before and after a measurement, it tells a slow run on a busy host from a slower project."""

from __future__ import annotations

import time

LOOP = 5_000_000


def loop_seconds(tries: int = 3) -> float:
    """The least CPU time of `tries` runs of a fixed pure-Python loop (one core)."""
    best = float("inf")
    for _ in range(tries):
        start = time.process_time()
        total = 0
        for i in range(LOOP):
            total += i
        best = min(best, time.process_time() - start)
    return best


def speed_line() -> str:
    return f"processor: a fixed Python loop takes {loop_seconds():.2f} s of CPU (0.17 s on an idle host of benchmarks/README.md)"
