"""Helpers for tests that run `mkdocs serve`: the server itself, a free port, and waiting until a served
page says something."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import IO


@contextmanager
def serve(
    project: Path, port: int, site_now: str, out: IO[str] | int = subprocess.DEVNULL, **environment: str
) -> Iterator[str]:
    """`mkdocs serve --strict` of `project` on 127.0.0.1:`port`, as of `site_now`, at MkDocs' own local
    address (SITE_URL left out), printing to `out` (a file, or nothing), with `environment` added; yields
    the served site's address, and stops the server at the end."""
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "SITE_NOW": site_now, **environment}
    env.pop("SITE_URL", None)
    config = str(project / "mkdocs.yml")
    server = subprocess.Popen(
        [sys.executable, "-m", "mkdocs", "serve", "--strict", "-a", f"127.0.0.1:{port}", "-f", config],
        cwd=project,
        env=env,
        stdout=out,
        stderr=subprocess.STDOUT,
    )
    try:
        yield f"http://127.0.0.1:{port}/bandi/"
    finally:
        server.terminate()
        server.wait(timeout=30)


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def page_text(url: str, timeout: float = 60) -> str:
    """The page at `url`, or "" while the server cannot give it."""
    try:
        with urllib.request.urlopen(url, timeout=timeout) as response:
            return response.read().decode("utf-8")
    except OSError:
        return ""


def wait_for(url: str, text: str, seconds: float = 90, every: float = 0.2) -> bool:
    """True as soon as the page at `url` contains `text`; False after `seconds`."""
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        if text in page_text(url):
            return True
        time.sleep(every)
    return False
