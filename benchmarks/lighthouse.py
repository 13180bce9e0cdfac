"""Lighthouse (npm `lighthouse`, mobile preset) on the home and a call page of a built site, served locally.

Usage: python benchmarks/lighthouse.py [SITE_DIR]   (default: builds the site into a temporary folder)
Needs `npm ci` (node_modules/.bin/lighthouse), Node.js 22.19 or newer (Lighthouse 13's own
requirement) and Chromium (CHROME_PATH, default /usr/bin/chromium).
"""

from __future__ import annotations

import gzip
import http.server
import io
import json
import os
import subprocess
import sys
import tempfile
import threading
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))
from sitebuild import build  # noqa: E402  (the test suite's strict build)

LIGHTHOUSE = ROOT / "tools" / "lighthouse" / "node_modules" / ".bin" / "lighthouse"  # `make bench` sets it up
NODE_MINIMUM = (22, 19)  # Lighthouse 13 (tools/lighthouse/package.json) refuses older Node.js versions
CATEGORIES = ["performance", "accessibility", "best-practices", "seo"]
SITE_NOW = "2020-11-20T12:00:00+01:00"  # as the tests, so a call is open and shows its countdown


class _SiteServer(http.server.ThreadingHTTPServer):
    site_dir: Path | None = None  # the folder served, set once the site is built


class _PagesLikeHandler(http.server.SimpleHTTPRequestHandler):
    server: _SiteServer
    """Serves the site under PREFIX as GitHub Pages does: gzip for text, a 10-minute cache lifetime.
    (Lighthouse weighs transfer sizes: an uncompressing test server would misstate performance.)"""
    prefix = "/bandi/"
    compressible = (".html", ".css", ".js", ".json", ".xml", ".svg", ".txt")

    def log_message(self, *args) -> None:
        pass

    def translate_path(self, path: str) -> str:
        self.directory = str(self.server.site_dir)
        clean = path.split("?", 1)[0].split("#", 1)[0]
        if not clean.startswith(self.prefix):
            return str(Path(self.directory) / "__outside_the_site__")
        return super().translate_path("/" + clean[len(self.prefix) :])

    def send_head(self):
        path = Path(self.translate_path(self.path))
        if path.is_dir() and self.path.split("?")[0].endswith("/"):
            path = path / "index.html"
        if (
            not path.is_file()
            or path.suffix not in self.compressible
            or "gzip" not in self.headers.get("Accept-Encoding", "")
        ):
            return super().send_head()
        body = gzip.compress(path.read_bytes(), 6)
        self.send_response(200)
        self.send_header("Content-Type", self.guess_type(str(path)))
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Cache-Control", "max-age=600")
        self.end_headers()
        return io.BytesIO(body)


class _Server:
    """Listens from creation, so that a site can be built for its address before it is served."""

    def __init__(self, site_dir: Path | None = None):
        self.httpd = _SiteServer(("127.0.0.1", 0), _PagesLikeHandler)
        self.httpd.site_dir = site_dir
        self.url = f"http://127.0.0.1:{self.httpd.server_address[1]}{_PagesLikeHandler.prefix}"

    def __enter__(self) -> _Server:
        threading.Thread(target=self.httpd.serve_forever, daemon=True).start()
        return self

    def __exit__(self, *exc) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()


def benchmark_pages(site_dir: Path) -> dict[str, str]:
    """Home and first call page in each language: name -> address below the site root."""
    calls = sorted(p.parent.name for p in (site_dir / "bandi").glob("*/index.html"))
    pages = {"home (it)": "", "home (en)": "en/"}
    if calls:
        pages |= {"call (it)": f"bandi/{calls[0]}/", "call (en)": f"en/bandi/{calls[0]}/"}
    return pages


def _report(url: str) -> dict:
    """Lighthouse's JSON report for one address (mobile preset: Lighthouse's default)."""
    env = {**os.environ, "CHROME_PATH": os.environ.get("CHROME_PATH", "/usr/bin/chromium")}
    run = subprocess.run(
        [
            str(LIGHTHOUSE),
            url,
            "--output=json",
            "--output-path=stdout",
            "--quiet",
            f"--only-categories={','.join(CATEGORIES)}",
            "--chrome-flags=--headless=new --no-sandbox --disable-gpu --no-first-run",
        ],
        capture_output=True,
        text=True,
        env=env,
        check=True,
    )
    return json.loads(run.stdout)


def node_too_old(version: str) -> str | None:
    """Why `node --version`'s answer (v22.18.0) cannot run Lighthouse, or None when it can."""
    try:
        found = tuple(int(part) for part in version.strip().removeprefix("v").split(".")[:2])
    except ValueError:
        return f"cannot read the Node.js version {version.strip()!r}"
    if found < NODE_MINIMUM:
        wanted = ".".join(map(str, NODE_MINIMUM))
        return f"Lighthouse needs Node.js {wanted} or newer; this machine has {version.strip()}"
    return None


def lighthouse_unavailable() -> str | None:
    """Why Lighthouse cannot run on this machine (an optional tool: the benchmark prints n/a and the
    reason), or None when it can."""
    if not LIGHTHOUSE.exists():
        return f"{LIGHTHOUSE.relative_to(ROOT)} is missing: `make bench` sets it up (npm ci --prefix tools/lighthouse)"
    try:
        node = subprocess.run(["node", "--version"], capture_output=True, text=True, check=False)
    except OSError:
        return "Node.js is not installed; Lighthouse needs Node.js {}.{} or newer".format(*NODE_MINIMUM)
    if node.returncode != 0:
        return f"`node --version` failed: {(node.stderr or node.stdout).strip()}"
    return node_too_old(node.stdout)


def _reports(site_dir: Path | str | None = None) -> dict[str, dict]:
    problem = lighthouse_unavailable()
    if problem:
        raise RuntimeError(problem)
    with _Server() as server:
        if site_dir is None:  # built for the address it is served at, as the publishing workflow does
            site_dir = Path(tempfile.mkdtemp(prefix="site-")) / "site"
            result = build(ROOT, site_dir, site_now=SITE_NOW, extra_env={"SITE_URL": server.url})
            if result.returncode:
                raise RuntimeError(result.output)
        server.httpd.site_dir = site_dir = Path(site_dir)
        return {name: _report(server.url + path) for name, path in benchmark_pages(site_dir).items()}


def lighthouse_scores(site_dir: Path | str | None = None) -> dict[str, dict[str, int]]:
    """{page name: {category: score 0-100}}, served under /bandi/ like GitHub Pages. Without
    `site_dir`, the site is built for the local address it is served at (its site_url)."""
    return {
        name: {c: round(report["categories"][c]["score"] * 100) for c in CATEGORIES}
        for name, report in _reports(site_dir).items()
    }


def lighthouse_failures(site_dir: Path | str | None = None) -> dict[str, list[str]]:
    """Audits that did not score full marks, per page: what to look at when a score drops."""
    return {
        name: [
            f"{a['id']}: {a['title']} ({a['score']})"
            for a in report["audits"].values()
            if a.get("score") is not None and a["score"] < 1
        ]
        for name, report in _reports(site_dir).items()
    }


def main(argv: list[str]) -> int:
    scores = lighthouse_scores(Path(argv[0]) if argv else None)
    print(f"{'page':<12}" + "".join(f"{c:>16}" for c in CATEGORIES))
    for name, row in scores.items():
        print(f"{name:<12}" + "".join(f"{row[c]:>16}" for c in CATEGORIES))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
