"""A whole site or none, with several builds at once: each build's folder is its own while its process
lives, a killed build's folder is cleared by the next, and an incomplete folder is never swapped in."""

from __future__ import annotations

import multiprocessing
import time
from pathlib import Path

import pytest

from sitekit.theme.outputdir import IncompleteSite, SiteSwap


def _build_and_wait(site_dir: str, ready) -> None:  # in a process of its own: another build
    swap = SiteSwap(Path(site_dir))
    folder = swap.start()
    (folder / "index.html").write_text("other build", encoding="utf-8")
    ready.put(str(folder))
    time.sleep(60)


@pytest.fixture
def other_build(tmp_path):
    context = multiprocessing.get_context("fork")
    ready = context.Queue()
    process = context.Process(target=_build_and_wait, args=(str(tmp_path / "site"), ready))
    process.start()
    folder = Path(ready.get(timeout=30))
    yield process, folder
    if process.is_alive():
        process.kill()
    process.join()


def previous_site(tmp_path) -> Path:
    site = tmp_path / "site"
    site.mkdir()
    (site / "index.html").write_text("previous", encoding="utf-8")
    return site


def test_a_build_starting_leaves_another_running_build_s_folder_alone(tmp_path, other_build):
    _process, folder = other_build
    mine = SiteSwap(tmp_path / "site")
    mine.start()
    assert (folder / "index.html").read_text(encoding="utf-8") == "other build"
    mine.abandon()


def test_a_killed_build_leaves_the_previous_site_and_its_folder_goes_with_the_next_build(tmp_path, other_build):
    site = previous_site(tmp_path)
    process, folder = other_build
    process.kill()  # SIGKILL: no clean-up of its own
    process.join()
    assert (site / "index.html").read_text(encoding="utf-8") == "previous"
    mine = SiteSwap(site)
    mine.start()
    assert not folder.exists()
    mine.abandon()


def test_a_whole_site_is_swapped_in_and_hidden_entries_stay(tmp_path):
    site = previous_site(tmp_path)
    (site / ".git").mkdir()
    swap = SiteSwap(site)
    folder = swap.start()
    (folder / "index.html").write_text("new", encoding="utf-8")
    (folder / "en").mkdir()
    (folder / "en" / "index.html").write_text("new", encoding="utf-8")
    swap.finish(["index.html", "en/index.html"])
    assert (site / "index.html").read_text(encoding="utf-8") == "new" and (site / ".git").is_dir()
    assert [p.name for p in tmp_path.iterdir()] == ["site"]  # no staging or previous folder left


def test_an_incomplete_site_is_never_swapped_in(tmp_path):
    site = previous_site(tmp_path)
    swap = SiteSwap(site)
    folder = swap.start()
    (folder / "index.html").write_text("new", encoding="utf-8")
    with pytest.raises(IncompleteSite, match=r"en/index\.html"):
        swap.finish(["index.html", "en/index.html"])
    swap.abandon()
    assert (site / "index.html").read_text(encoding="utf-8") == "previous"
    assert [p.name for p in tmp_path.iterdir()] == ["site"]


def test_a_folder_removed_under_a_build_is_never_swapped_in(tmp_path):
    site = previous_site(tmp_path)
    swap = SiteSwap(site)
    folder = swap.start()
    (folder / "index.html").write_text("new", encoding="utf-8")
    for entry in folder.iterdir():
        entry.unlink()
    with pytest.raises(IncompleteSite):
        swap.finish(["index.html"])
    assert (site / "index.html").read_text(encoding="utf-8") == "previous"
