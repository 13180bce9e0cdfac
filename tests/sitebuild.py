"""Helpers for tests: build a copy of the site, read its pages, serve it on localhost."""
from __future__ import annotations

import contextlib
import functools
import http.server
import os
import shutil
import subprocess
import sys
import threading
from dataclasses import dataclass
from pathlib import Path
from typing import Iterator

from bs4 import BeautifulSoup

ROOT = Path(__file__).resolve().parent.parent
PROJECT_PARTS = ["mkdocs.yml", "docs", "data", "overrides", "hooks"]


@dataclass
class BuildResult:
    returncode: int
    output: str
    site_dir: Path


def copy_project(dest: Path, root: Path = ROOT) -> Path:
    """A throwaway copy of the project's site sources (not tests, not the built site), for tests
    and benchmarks that change data or pages."""
    dest.mkdir(parents=True, exist_ok=True)
    for part in PROJECT_PARTS:
        src = root / part
        if src.is_dir():
            shutil.copytree(src, dest / part, ignore=shutil.ignore_patterns("__pycache__"))
        else:
            shutil.copy2(src, dest / part)
    return dest


def build(project: Path, site_dir: Path, site_now: str | None = None, extra_env: dict | None = None) -> BuildResult:
    """Run the real `mkdocs build --strict` as an editor would, and capture what it prints.
    Never with -q: MkDocs then drops warnings before its strict-mode counter sees them."""
    env = {k: v for k, v in os.environ.items() if k not in ("SITE_NOW", "SITE_URL")}
    env.update({"NO_MKDOCS_2_WARNING": "1", **(extra_env or {})})
    if site_now is not None:
        env["SITE_NOW"] = site_now
    proc = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "-f", str(project / "mkdocs.yml"), "-d", str(site_dir)],
        cwd=project, env=env, capture_output=True, text=True,
    )
    return BuildResult(proc.returncode, proc.stdout + proc.stderr, site_dir)


def html_pages(site_dir: Path) -> list[Path]:
    return sorted(p for p in site_dir.rglob("*.html"))


@functools.lru_cache(maxsize=None)
def _soup(path: str, mtime: float) -> BeautifulSoup:
    return BeautifulSoup(Path(path).read_text(encoding="utf-8"), "lxml")


def soup(path: Path) -> BeautifulSoup:
    """The parsed page (cached per file version; do not modify the tree)."""
    return _soup(str(path), path.stat().st_mtime)


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args) -> None:
        pass


class SubPathServer:
    """Serve `site_dir` at http://127.0.0.1:<port><prefix>, as GitHub Pages serves a project site,
    with the site's 404.html for missing addresses."""

    def __init__(self, site_dir: Path | None = None, prefix: str = "/bandi/"):
        self.site_dir, self.prefix = site_dir, prefix
        server_self = self

        class Handler(_QuietHandler):
            def translate_path(self, path):
                self.directory = str(server_self.site_dir)
                clean = path.split("?", 1)[0].split("#", 1)[0]
                if not clean.startswith(server_self.prefix):
                    return str(server_self.site_dir / "__outside_the_site__")
                return super().translate_path("/" + clean[len(server_self.prefix):])

            def send_error(self, code, message=None, explain=None):
                page = server_self.site_dir / "404.html"
                if code == 404 and page.exists():
                    body = page.read_bytes()
                    self.send_response(404)
                    self.send_header("Content-Type", "text/html; charset=utf-8")
                    self.send_header("Content-Length", str(len(body)))
                    self.end_headers()
                    self.wfile.write(body)
                else:
                    super().send_error(code, message, explain)

        self.httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)

    @property
    def origin(self) -> str:
        return f"http://127.0.0.1:{self.httpd.server_address[1]}"

    @property
    def url(self) -> str:
        return self.origin + self.prefix

    def __enter__(self) -> "SubPathServer":
        self.thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()


@contextlib.contextmanager
def served_build(out: Path, site_now: str | None, prefix: str = "/bandi/") -> Iterator[SubPathServer]:
    """The real site built strict for the address it is then served at (its SITE_URL), as the
    publishing workflow builds it for its Pages address: every absolute link stays on the server."""
    server = SubPathServer(prefix=prefix)
    result = build(ROOT, out, site_now=site_now, extra_env={"SITE_URL": server.url})
    assert result.returncode == 0, result.output
    server.site_dir = out
    with server:
        yield server
