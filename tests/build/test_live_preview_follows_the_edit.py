"""`make serve` follows the edit (issue 28): a saved deadline is on the call's pages, the home page and
the calls index at once, and the whole preview is then what a fresh build gives (no page left with an
old fact); a change to strings, the glossary or mkdocs.yml rebuilds the whole site."""

from __future__ import annotations

import filecmp
import time
from pathlib import Path

import pytest

from conftest import SITE_NOW_DURING_CALL
from liveserve import free_port, page_text, serve, wait_for
from sitebuild import build, copy_project

CALL = "clusters-go-international-2020"
DATA = f"data/calls/{CALL}.yml"


class Preview:
    def __init__(self, project: Path, site: Path, url: str, log: Path):
        self.project, self.site, self.url, self.log = project, site, url, log

    def edit(self, rel: str, old: str, new: str) -> None:
        path = self.project / rel
        text = path.read_text(encoding="utf-8")
        assert old in text, f"{rel} no longer has {old!r}: update the test"
        path.write_text(text.replace(old, new, 1), encoding="utf-8")

    def said(self) -> str:
        return self.log.read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def preview(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("preview")
    project = copy_project(tmp / "project")
    temp = tmp / "tmp"  # `mkdocs serve` builds into a temporary folder: here, to read it whole
    temp.mkdir()
    port = free_port()
    log = tmp / "serve.log"
    with (
        log.open("w", encoding="utf-8") as out,
        serve(project, port, SITE_NOW_DURING_CALL, out, SITE_MESSAGES="en", TMPDIR=str(temp)) as url,
    ):
        assert wait_for(url + "bandi/", "Clusters Go International 2020"), "the preview never started"
        [site] = temp.glob("mkdocs_*")
        yield Preview(project, site, url, log)


def fresh_build(project: Path, out: Path, site_url: str) -> Path:
    result = build(project, out, site_now=SITE_NOW_DURING_CALL, extra_env={"SITE_URL": site_url})
    assert result.returncode == 0, result.output
    return out


def differences(served: Path, built: Path) -> list[str]:
    """Files that differ, or are only on one side (the gzipped sitemap carries its build time)."""
    found: list[str] = []
    filecmp.clear_cache()

    def walk(cmp: filecmp.dircmp, below: str) -> None:
        found.extend(f"{below}{name}" for name in cmp.left_only + cmp.right_only + cmp.diff_files)
        for name, sub in cmp.subdirs.items():
            walk(sub, f"{below}{name}/")

    walk(filecmp.dircmp(served, built), "")
    return [name for name in found if not name.endswith(".gz")]


def test_a_saved_deadline_is_on_the_call_pages_home_and_index_and_nothing_served_is_stale(preview, tmp_path):
    call_it, call_en = preview.url + f"bandi/{CALL}/", preview.url + f"en/bandi/{CALL}/"
    assert "9 dicembre 2020" not in page_text(call_it)
    preview.edit(DATA, "  local: 2020-12-02 17:00\n", "  local: 2020-12-09 17:00\n")
    assert wait_for(call_it, "9 dicembre 2020"), "the call's page does not show the new deadline"
    for url, date in (
        (call_en, "9 December 2020"),
        (preview.url, "9 dicembre 2020"),  # the home page
        (preview.url + "en/", "9 December 2020"),
        (preview.url + "bandi/", "9 dicembre 2020"),  # the calls index
        (preview.url + "en/bandi/", "9 December 2020"),
        (call_it + "webinar/", "9 dicembre 2020"),  # the call's other pages: the deadline strip
    ):
        text = page_text(url)
        assert date in text and "2 dicembre 2020" not in text and "2 December 2020" not in text, url
    assert "2020-12-09" in page_text(preview.url + f"calendar/{CALL}-deadline.ics").replace("20201209", "2020-12-09")
    # A page's title, in the menu of its call's other pages.
    preview.edit(f"docs/bandi/{CALL}/webinar.it.md", "title: Il webinar informativo\n", "title: Il webinar, rivisto\n")
    assert wait_for(call_it, "Il webinar, rivisto"), "the call's menu does not show the page's new title"
    assert "pages show the change and are rebuilt" in preview.said()  # the preview rebuilt only those
    time.sleep(1)  # the rebuild is over once a page is served again; let the watcher settle
    page_text(preview.url)
    assert differences(preview.site, fresh_build(preview.project, tmp_path / "fresh", preview.url)) == []


@pytest.mark.parametrize(
    ("rel", "old", "new", "page", "shown"),
    [
        ("data/strings/it.yml", "    live: Aperti e in scadenza\n", "    live: Aperti, ora\n", "bandi/", "Aperti, ora"),
        (
            "data/glossary.yml",
            "      Partenariati strategici europei di cluster",
            "      Partenariati europei, rivisti,",
            f"bandi/{CALL}/",  # the term's tooltip on the call's page
            "Partenariati europei, rivisti,",
        ),
        (
            "mkdocs.yml",
            "site_name: Clust-ER · Bandi europei\n",
            "site_name: Clust-ER · Bandi, in prova\n",
            "chi-siamo/",
            "Bandi, in prova",
        ),
    ],
)
def test_strings_glossary_or_settings_rebuild_the_whole_site(preview, rel, old, new, page, shown):
    before = preview.said().count("the whole site is rebuilt")
    preview.edit(rel, old, new)
    assert wait_for(preview.url + page, shown), f"a change of {rel} is not in the preview"
    assert preview.said().count("the whole site is rebuilt") > before
