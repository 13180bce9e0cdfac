"""Never half a site: a build interrupted while it writes the second language leaves the previous
complete site in the output folder, as it was, and nothing of its own."""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys

import pytest

from conftest import SITE_NOW_DURING_CALL
from sitebuild import ROOT, build, copy_project

# Slows the English build down, so that the signal surely arrives while it is being written.
SLOW_HOOK = """import time

def on_page_markdown(markdown, page, config, files):
    if config.theme["language"] == "en":
        time.sleep(0.2)
    return markdown
"""


# `python -m mkdocs`, with Ctrl-C's handling as in a terminal: a test run started in the background
# (`make test &`) ignores SIGINT, which its children inherit; the build would run on and exit 0.
MKDOCS_WITH_CTRL_C = (
    "import runpy, signal; signal.signal(signal.SIGINT, signal.default_int_handler); "
    "runpy.run_module('mkdocs', run_name='__main__', alter_sys=True)"
)


@pytest.fixture(scope="module")
def slow_project(tmp_path_factory):
    project = copy_project(tmp_path_factory.mktemp("slow-project"))
    (project / "hooks" / "slow_hook.py").write_text(SLOW_HOOK, encoding="utf-8")
    config = project / "mkdocs.yml"
    config.write_text(
        config.read_text(encoding="utf-8").replace("hooks:\n", "hooks:\n  - hooks/slow_hook.py\n", 1), encoding="utf-8"
    )
    return project


def previous_site(site_dir, site):
    """A complete site in `site`, as `build(ROOT, site, site_now=SITE_NOW_DURING_CALL)` writes it: a copy
    of the run's shared real site (`site_dir`, built by that very command), not a build of its own."""
    shutil.copytree(site_dir, site, symlinks=True)
    assert (site / "index.html").is_file() and (site / "en" / "index.html").is_file() and (site / "404.html").is_file()


def snapshot(site) -> dict[str, bytes]:
    return {p.relative_to(site).as_posix(): p.read_bytes() for p in sorted(site.rglob("*")) if p.is_file()}


@pytest.mark.parametrize("signum", [signal.SIGINT, signal.SIGTERM], ids=["SIGINT", "SIGTERM"])
def test_an_interrupted_build_leaves_the_previous_complete_site(tmp_path, slow_project, site_dir, signum):
    site = tmp_path / "site"
    previous_site(site_dir, site)  # built without the slow hook, which only the interrupted build needs
    (site / ".git").mkdir()  # what gh-deploy keeps there
    before = snapshot(site)
    assert "en/index.html" in before
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "SITE_NOW": "2026-11-26T09:00:00+01:00"}
    proc = subprocess.Popen(
        [
            sys.executable,
            "-c",
            MKDOCS_WITH_CTRL_C,
            "build",
            "--strict",
            "-f",
            str(slow_project / "mkdocs.yml"),
            "-d",
            str(site),
        ],
        cwd=slow_project,
        env=env,
        stderr=subprocess.PIPE,
        text=True,
    )
    assert proc.stderr is not None
    for line in proc.stderr:
        if "Building 'en' documentation" in line:
            proc.send_signal(signum)
            break
    else:
        pytest.fail("the English build never started")
    proc.stderr.read()
    assert proc.wait(timeout=60) != 0
    assert snapshot(site) == before  # the previous site, byte for byte (the new one was built as of 2026)
    assert (site / ".git").is_dir()
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".")] == []  # no half-built folder left


def test_a_complete_build_replaces_the_site_and_keeps_hidden_entries(tmp_path, site_dir):
    site = tmp_path / "site"
    previous_site(site_dir, site)
    (site / ".git").mkdir()
    (site / "stale.html").write_text("from an older build", encoding="utf-8")
    assert build(ROOT, site, site_now=SITE_NOW_DURING_CALL).returncode == 0
    assert (site / ".git").is_dir() and not (site / "stale.html").exists() and (site / "en" / "index.html").exists()
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".")] == []
