"""Helpers for tests that run `mkdocs serve`: a free port, and waiting until a served page says something."""

from __future__ import annotations

import socket
import time
import urllib.request


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
