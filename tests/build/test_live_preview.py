"""`make serve` follows the data: a changed call file, template or hook rebuilds the live preview."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

from conftest import SITE_NOW_DURING_CALL
from liveserve import free_port, wait_for
from sitebuild import copy_project

CALL = "data/calls/clusters-go-international-2020.yml"


@pytest.fixture
def serving(tmp_path):
    project = copy_project(tmp_path / "project")
    port = free_port()
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "SITE_NOW": SITE_NOW_DURING_CALL}
    env.pop("SITE_URL", None)
    proc = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "mkdocs",
            "serve",
            "--strict",
            "-a",
            f"127.0.0.1:{port}",
            "-f",
            str(project / "mkdocs.yml"),
        ],
        cwd=project,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        yield project, f"http://127.0.0.1:{port}/bandi/bandi/"
    finally:
        proc.terminate()
        proc.wait(timeout=30)


def edit(project, rel: str, old: str, new: str) -> None:
    path = project / rel
    path.write_text(path.read_text(encoding="utf-8").replace(old, new, 1), encoding="utf-8")


def test_a_changed_call_file_and_template_rebuild_the_preview(serving):
    project, url = serving
    assert wait_for(url, "Clusters Go International 2020"), "the preview never started"
    edit(project, CALL, "  it: Clusters Go International 2020\n", "  it: Clusters Go International 2020 (rivisto)\n")
    assert wait_for(url, "Clusters Go International 2020 (rivisto)"), "a changed call file did not rebuild"
    edit(
        project,
        "overrides/partials/calls-index.html",
        '<ul class="calls-index">',
        '<ul class="calls-index" data-edited>',
    )
    assert wait_for(url, "data-edited"), "a changed template did not rebuild"
