"""`make serve` follows the data: a changed call file, template or hook rebuilds the live preview."""

from __future__ import annotations

import pytest

from conftest import SITE_NOW_DURING_CALL
from liveserve import free_port, serve, wait_for
from sitebuild import copy_project

CALL = "data/calls/clusters-go-international-2020.yml"


@pytest.fixture
def serving(tmp_path):
    project = copy_project(tmp_path / "project")
    with serve(project, free_port(), SITE_NOW_DURING_CALL) as url:
        yield project, url + "bandi/"


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
