"""Helpers for tests: build a copy of the site, read its pages, serve it on localhost."""

from __future__ import annotations

import compileall
import contextlib
import functools
import http.server
import os
import shutil
import subprocess
import sys
import threading
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

from bs4 import BeautifulSoup
from filelock import FileLock

from mkdocs_runner import RUNNER

ROOT = Path(__file__).resolve().parent.parent
PROJECT_PARTS = ["mkdocs.yml", "docs", "data", "overrides", "hooks"]


@dataclass
class BuildResult:
    returncode: int
    output: str
    site_dir: Path


# Whether copies keep the compiled hooks (hooks/**/__pycache__, made by compile_hooks): the test
# suite's do (conftest.py), the benchmarks' do not (they time a build as it first runs).
COPY_BYTECODE = False


def compile_hooks(root: Path = ROOT) -> None:
    """The project's hooks compiled into their __pycache__, as an editor's Python or CI leaves them
    after a first build, even where PYTHONDONTWRITEBYTECODE is set (this sandbox sets it): each
    build of a copy then reads them (Python checks each against its source's time and size, so a
    hook that a test changes is compiled again) instead of compiling ~50 modules, ~0.1 s of CPU."""
    compileall.compile_dir(root / "hooks", quiet=1)


def copy_project(dest: Path, root: Path = ROOT) -> Path:
    """A throwaway copy of the project's site sources (not tests, not the built site), for tests
    and benchmarks that change data or pages."""
    dest.mkdir(parents=True, exist_ok=True)
    for part in PROJECT_PARTS:
        src = root / part
        if src.is_dir():
            keep_bytecode = COPY_BYTECODE and part == "hooks"
            shutil.copytree(src, dest / part, ignore=None if keep_bytecode else shutil.ignore_patterns("__pycache__"))
        else:
            shutil.copy2(src, dest / part)
    return dest


def build(
    project: Path,
    site_dir: Path,
    site_now: str | None = None,
    extra_env: dict[str, str | None] | None = None,
    preloaded: bool = True,
) -> BuildResult:
    """Run the real `mkdocs build --strict` as an editor would, in a process of its own, and capture
    what it prints (standard output and error).
    Never with -q: MkDocs then drops warnings before its strict-mode counter sees them.
    `extra_env`: variables to set, or to remove where the value is None. `preloaded`: the process is
    forked from one that has imported MkDocs and its libraries already (tests/mkdocs_runner.py);
    False starts Python afresh, as benchmarks that time a whole build want."""
    wanted: dict[str, str | None] = {k: v for k, v in os.environ.items() if k not in ("SITE_NOW", "SITE_URL")}
    wanted.update({"NO_MKDOCS_2_WARNING": "1", **(extra_env or {})})
    env = {k: v for k, v in wanted.items() if v is not None}
    if site_now is not None:
        env["SITE_NOW"] = site_now
    args = ["build", "--strict", "-f", str(project / "mkdocs.yml"), "-d", str(site_dir)]
    if preloaded:
        returncode, output = RUNNER.run(args, project, env)
    else:
        proc = subprocess.run(
            [sys.executable, "-m", "mkdocs", *args], cwd=project, env=env, capture_output=True, text=True
        )
        returncode, output = proc.returncode, proc.stdout + proc.stderr
    return BuildResult(returncode, output, site_dir)


def builds_at(
    project: Path, tmp_path_factory, known: dict[str | None, Path] | None = None
) -> Callable[[str | None], Path]:
    """`site(now)`: `project` built strict as of SITE_NOW `now`, each moment once, on first use
    (`known`: moments already built, {SITE_NOW: site dir})."""
    built: dict[str | None, Path] = dict(known or {})

    def site(now: str | None) -> Path:
        if now not in built:
            out = tmp_path_factory.mktemp("site-at")
            result = build(project, out, site_now=now)
            assert result.returncode == 0, result.output
            built[now] = out
        return built[now]

    return site


def html_pages(site_dir: Path) -> list[Path]:
    return sorted(p for p in site_dir.rglob("*.html"))


@functools.cache
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
                assert server_self.site_dir is not None, "set site_dir before serving"
                self.directory = str(server_self.site_dir)
                clean = path.split("?", 1)[0].split("#", 1)[0]
                if not clean.startswith(server_self.prefix):
                    return str(server_self.site_dir / "__outside_the_site__")
                return super().translate_path("/" + clean[len(server_self.prefix) :])

            def send_error(self, code, message=None, explain=None):
                assert server_self.site_dir is not None, "set site_dir before serving"
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

    def __enter__(self) -> SubPathServer:
        self.thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()


@contextlib.contextmanager
def served_build(
    out: Path, site_now: str | None, prefix: str = "/bandi/", project: Path = ROOT
) -> Iterator[SubPathServer]:
    """The real site (or `project`, a changed copy) built strict for the address it is then served
    at (its SITE_URL), as the publishing workflow builds it for its Pages address: every absolute
    link stays on the server."""
    server = SubPathServer(prefix=prefix)
    result = build(project, out, site_now=site_now, extra_env={"SITE_URL": server.url})
    assert result.returncode == 0, result.output
    server.site_dir = out
    with server:
        yield server


# Sharing one built site among pytest-xdist's workers (each runs the session fixtures itself): the
# first worker to need it builds it under a file lock in a folder they all see; the others wait for
# the lock and read what it built ("Making session-scoped fixtures execute only once", xdist's docs).


def shared_tmp(tmp_path_factory) -> Path:
    """A folder that every xdist worker of this run sees (this run's own folder without xdist)."""
    base = tmp_path_factory.getbasetemp()
    return base.parent if os.environ.get("PYTEST_XDIST_WORKER") else base


def built_once(out: Path, make: Callable[[Path], str]) -> str:
    """Run `make(out)` once per test run, whichever worker asks first; every caller gets what it
    returned (a string kept beside `out`). A failed `make` leaves nothing, so the next caller retries
    and fails with its own message."""
    done = out.with_name(out.name + ".done")
    with FileLock(str(out.with_name(out.name + ".lock"))):
        if not done.exists():
            if out.exists():
                shutil.rmtree(out)
            value = make(out)
            done.write_text(value, encoding="utf-8")
        return done.read_text(encoding="utf-8")


@dataclass(frozen=True)
class SharedServer:
    """The address of a site that a server process serves for the whole run (see `shared_served_build`)."""

    origin: str
    prefix: str
    site_dir: Path

    @property
    def url(self) -> str:
        return self.origin + self.prefix


def shared_served_build(out: Path, site_now: str | None, prefix: str = "/bandi/") -> SharedServer:
    """As `served_build`, once for every xdist worker of the run: the site is served by a process of
    its own (`python tests/sitebuild.py serve`), which ends when the test run does."""

    def make(site_dir: Path) -> str:
        port_file = site_dir.with_name(site_dir.name + ".port")
        port_file.unlink(missing_ok=True)
        # The run's main process: pytest-xdist's controller starts the workers; without xdist, this one.
        owner = os.getppid() if os.environ.get("PYTEST_XDIST_WORKER") else os.getpid()
        subprocess.Popen(
            [sys.executable, __file__, "serve", str(site_dir), prefix, str(port_file), str(owner)],
            stdin=subprocess.DEVNULL,
            stdout=subprocess.DEVNULL,
            start_new_session=True,
        )
        for _ in range(300):
            if port_file.exists() and port_file.read_text().strip():
                break
            time.sleep(0.05)
        origin = f"http://127.0.0.1:{port_file.read_text().strip()}"
        result = build(ROOT, site_dir, site_now=site_now, extra_env={"SITE_URL": origin + prefix})
        assert result.returncode == 0, result.output
        return origin

    return SharedServer(built_once(out, make), prefix, out)


def _serve_until_owner_ends(site_dir: str, prefix: str, port_file: str, owner: str) -> None:
    server = SubPathServer(Path(site_dir), prefix)
    with server:
        tmp = Path(port_file + ".tmp")
        tmp.write_text(str(server.httpd.server_address[1]))
        tmp.replace(port_file)
        while _alive(int(owner)):
            time.sleep(1)


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    return True


if __name__ == "__main__" and sys.argv[1:2] == ["serve"]:
    _serve_until_owner_ends(*sys.argv[2:6])
