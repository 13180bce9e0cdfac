"""Incremental preview: time from saving a page, or a call's data, to `mkdocs serve` serving the rebuilt page."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path
from urllib.parse import urlparse

from mkdocs.utils.yaml import yaml_load

from builds import build_environment

POLL = 0.02  # seconds between two requests while waiting for the rebuilt page


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _fetch(url: str) -> str | None:
    try:
        with urllib.request.urlopen(url, timeout=2) as response:
            return response.read().decode("utf-8", "replace")
    except (urllib.error.URLError, ConnectionError, TimeoutError):
        return None


def _wait_for(url: str, token: str | None, timeout: float) -> float | None:
    """Seconds until `url` answers (and contains `token`), or None after `timeout`."""
    start = time.perf_counter()
    while time.perf_counter() - start < timeout:
        body = _fetch(url)
        if body is not None and (token is None or token in body):
            return time.perf_counter() - start
        time.sleep(POLL)
    return None


def measure_preview(
    project: Path, page: str = "chi-siamo.it.md", samples: int = 3, timeout: float = 120.0
) -> list[float]:
    """Start `mkdocs serve` on `project` (a throwaway copy: its page is modified), save `page`
    `samples` times with a new sentence, and return the seconds each change took to be served."""
    source = project / "docs" / page
    original = source.read_text(encoding="utf-8")

    def edit(n: int) -> str:
        token = f"benchmark-edit-{n}-{time.time_ns()}"
        source.write_text(original + f"\n\n{token}\n", encoding="utf-8")
        return token

    try:
        return _timed_edits(project, _output_path(page), edit, samples, timeout)
    finally:
        source.write_text(original, encoding="utf-8")


CALL = "clusters-go-international-2020"  # the real call, in the real site and in every synthetic one
DEADLINE = "local: 2020-12-02 17:00"


def measure_preview_deadline(project: Path, call: str = CALL, samples: int = 3, timeout: float = 120.0) -> list[float]:
    """As `measure_preview`, for an edit of a call's data: its deadline moved to another day each time
    (data/calls/<call>.yml), timed until the call's page shows the new date. `mkdocs serve` answers no
    request while it rebuilds, so the home page and the calls index are served with it."""
    source = project / "data" / "calls" / f"{call}.yml"
    original = source.read_text(encoding="utf-8")
    if DEADLINE not in original:
        raise RuntimeError(f"{source}: no `{DEADLINE}` to move")

    def edit(n: int) -> str:
        day = 10 + n  # 10, 11, ... December 2020: after the build clock (builds.SITE_NOW), a new date each time
        source.write_text(original.replace(DEADLINE, f"local: 2020-12-{day} 17:00"), encoding="utf-8")
        return f"2020-12-{day}T17:00:00+01:00"  # the <time datetime> of the deadline, as served

    try:
        return _timed_edits(project, f"bandi/{call}/", edit, samples, timeout)
    finally:
        source.write_text(original, encoding="utf-8")


def _timed_edits(project: Path, path: str, edit, samples: int, timeout: float) -> list[float]:
    """Serve `project`; `edit(n)` saves a change and returns a text the page at `path` shows once
    rebuilt; the seconds from each save to that page served (the first edit untimed)."""
    port = free_port()
    site_path = urlparse(_site_url(project)).path or "/"
    url = f"http://127.0.0.1:{port}{site_path}{path}"
    env = build_environment()
    cmd = [
        sys.executable,
        "-m",
        "mkdocs",
        "serve",
        "--livereload",
        "-q",
        "-a",
        f"127.0.0.1:{port}",
        "-f",
        str(project / "mkdocs.yml"),
    ]
    proc = subprocess.Popen(
        cmd, cwd=project, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True
    )
    times: list[float] = []
    try:
        if _wait_for(url, None, timeout) is None:
            raise RuntimeError(f"mkdocs serve did not serve {url} within {timeout:.0f} s")
        # The page is served before the other languages are built: one untimed edit first.
        for n in range(samples + 1):
            token = edit(n)
            took = _wait_for(url, token, timeout)
            if took is None:
                raise RuntimeError(f"the edit was not served at {url} within {timeout:.0f} s")
            if n:
                times.append(took)
            time.sleep(max(1.0, took))  # let the rebuild of the other languages finish too
    finally:
        os.killpg(proc.pid, signal.SIGTERM)  # the session started above holds only this server
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            os.killpg(proc.pid, signal.SIGKILL)
            proc.wait()
    return times


def _site_url(project: Path) -> str:
    """site_url as MkDocs reads it (`!ENV [SITE_URL, default]` included)."""
    with open(project / "mkdocs.yml", encoding="utf-8") as config:
        return yaml_load(config).get("site_url") or "/"


def _output_path(page: str) -> str:
    """chi-siamo.it.md -> chi-siamo/ ; bandi/index.it.md -> bandi/ (default language at root)."""
    stem = page.rsplit(".", 2)[0]
    stem = stem.removesuffix("index")
    return stem if stem == "" or stem.endswith("/") else stem + "/"
