"""Builds as processes: two at once into one output folder each leave a whole site; `mkdocs serve`
says what the build says about a broken mkdocs.yml or a broken title, without a traceback."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

from conftest import SITE_NOW_DURING_CALL
from liveserve import free_port, serve, wait_for
from sitebuild import build, copy_project
from sitekit.theme.outputdir import SiteSwap
from test_live_preview import edit


def files_of(site: Path) -> set[str]:
    return {p.relative_to(site).as_posix() for p in site.rglob("*") if p.is_file()}


def start_build(project: Path, site: Path) -> subprocess.Popen:
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "SITE_NOW": SITE_NOW_DURING_CALL}
    env.pop("SITE_URL", None)
    return subprocess.Popen(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "-f", str(project / "mkdocs.yml"), "-d", str(site)],
        cwd=project,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )


def test_two_builds_at_once_each_end_with_a_whole_site(tmp_path):
    project = copy_project(tmp_path / "project")
    site = tmp_path / "site"
    assert build(project, site, site_now=SITE_NOW_DURING_CALL).returncode == 0
    whole = files_of(site)
    first = start_build(project, site)
    writing = _staging_folder_with_files(tmp_path)
    # another build starts while the first one writes (what a second `mkdocs build` does first) ...
    other = SiteSwap(site)
    other.start()
    other.abandon()
    assert writing.exists()
    # ... and the first one ends with its whole site in place
    output = first.communicate(timeout=300)[0]
    assert first.returncode == 0, output
    assert files_of(site) == whole
    # two real builds at once, the second starting while the first writes
    first = start_build(project, site)
    _staging_folder_with_files(tmp_path)
    second = start_build(project, site)
    outputs = [process.communicate(timeout=300)[0] for process in (first, second)]
    assert [first.returncode, second.returncode] == [0, 0], outputs
    assert files_of(site) == whole
    assert sorted(p.name for p in tmp_path.iterdir()) == ["project", "site"]  # no staging folder left


def _staging_folder_with_files(tmp_path: Path) -> Path:
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        for folder in tmp_path.glob(".site.building-*"):
            if (folder / "assets").is_dir():
                return folder
        time.sleep(0.02)
    raise AssertionError("no build wrote beside the output folder")


def test_serve_says_what_the_build_says_about_a_broken_mkdocs_yml_and_a_broken_title(tmp_path):
    project = copy_project(tmp_path / "project")
    log = tmp_path / "serve.log"
    with log.open("w") as out, serve(project, free_port(), SITE_NOW_DURING_CALL, out) as url:
        assert wait_for(url, "Clust-ER"), log.read_text()
        original = (project / "mkdocs.yml").read_text(encoding="utf-8")
        edit(project, "mkdocs.yml", "  generator: false", "\tgenerator: false")
        assert _wait_in(log, "An error happened during the rebuild"), log.read_text()
        (project / "mkdocs.yml").write_text(original, encoding="utf-8")
        edit(project, "docs/chi-siamo.it.md", "\ntitle: ", '\ntitle: "\\a"\nsubtitle: ')
        assert _wait_in(log, "U+0007"), log.read_text()
    printed = log.read_text()
    assert "Traceback" not in printed, printed
    broken = copy_project(tmp_path / "broken")
    edit(broken, "mkdocs.yml", "  generator: false", "\tgenerator: false")
    built = build(broken, tmp_path / "site")
    assert built.returncode != 0
    said = [line for line in built.output.splitlines() if "error parsing the configuration file" in line]
    assert said and said[0] in printed, (said, printed)
    titled = copy_project(tmp_path / "titled")
    edit(titled, "docs/chi-siamo.it.md", "\ntitle: ", '\ntitle: "\\a"\nsubtitle: ')
    problem = [line.strip() for line in build(titled, tmp_path / "site2").output.splitlines() if "U+0007" in line]
    assert problem and problem[0] in printed, (problem, printed)


def _wait_in(log: Path, text: str, seconds: float = 90) -> bool:
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        if text in log.read_text():
            return True
        time.sleep(0.3)
    return False
