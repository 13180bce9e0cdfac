"""`make site` and `make serve` check mkdocs.yml and SITE_URL with the project's own reader before MkDocs
reads them (tools/check_settings.py): the mistakes MkDocs and its plugins stop on first, in English and
before any hook runs, get the editors' message in the site's language, at its file and line."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from mistakes import replace
from sitebuild import ROOT, copy_project

TOOL = ROOT / "tools" / "check_settings.py"


def check_settings(project: Path, **env: str) -> subprocess.CompletedProcess[str]:
    environ = {k: v for k, v in os.environ.items() if k not in ("SITE_MESSAGES", "SITE_URL", "GITHUB_ACTIONS")}
    return subprocess.run(
        [sys.executable, str(TOOL), str(project / "mkdocs.yml")],
        capture_output=True,
        text=True,
        env=environ | env,
        check=False,
    )


@pytest.mark.parametrize(
    "edit, says",
    [
        # MkDocs: "found character '\t' that cannot start any token"
        (("\nrepo_url:", "\n\trepo_url:"), "mkdocs.yml:10: YAML: c'è un carattere che qui non può iniziare un valore"),
        # mkdocs-static-i18n: "Could not find a default language to build"
        (("          default: true\n", ""), "mkdocs.yml:116: default: nessuna lingua dice default: true"),
    ],
)
def test_what_mkdocs_would_refuse_in_english_is_said_in_the_sites_language(tmp_path, edit, says):
    project = copy_project(tmp_path / "project")
    replace(project, "mkdocs.yml", *edit)
    result = check_settings(project)
    assert result.returncode == 1, result.stderr
    assert says in result.stderr and "Traceback" not in result.stderr, result.stderr


def test_a_malformed_site_url_in_the_environment_is_named(tmp_path):
    result = check_settings(ROOT, SITE_URL="https://[::1/bandi/", SITE_MESSAGES="en")
    assert result.returncode == 1
    assert 'SITE_URL: "https://[::1/bandi/" has a host or port that cannot be read' in result.stderr


def test_on_github_each_problem_is_an_annotation_on_its_line(tmp_path):
    project = copy_project(tmp_path / "project")
    replace(project, "mkdocs.yml", "          default: true\n", "")
    result = check_settings(project, GITHUB_ACTIONS="true")
    assert re.search(r"^::error file=mkdocs\.yml,line=116,", result.stdout, re.MULTILINE), result.stdout


def test_the_real_settings_pass():
    result = check_settings(ROOT)
    assert result.returncode == 0 and result.stderr == "", result.stderr


@pytest.mark.parametrize("target", ["site", "serve"])
def test_make_checks_the_settings_before_mkdocs_reads_them(target):
    recipe = re.search(rf"^{target}:.*\n((?:\t.*\n)+)", (ROOT / "Makefile").read_text(encoding="utf-8"), re.MULTILINE)
    assert recipe is not None
    commands = recipe.group(1).splitlines()
    assert "tools/check_settings.py" in commands[0] and "mkdocs" in commands[-1], commands
