"""Settings and environment in the real build: a wrong one stops it with a message, never a traceback;
the default language moved to English gives a whole site, English at the root."""

from __future__ import annotations

import json
import re

import pytest

from conftest import SITE_NOW_DURING_CALL
from mistakes import replace
from sitebuild import build, copy_project


@pytest.mark.parametrize(
    "env, edit, says",
    [
        ({"SITE_URL": ""}, None, "environment variable SITE_URL: SITE_URL: is missing or empty"),
        # read by the hook, not by MkDocs, whose own reading of a malformed IPv6 host is a traceback
        ({"SITE_URL": "http://[::1/bandi/"}, None, 'SITE_URL: "http://[::1/bandi/" has a host or port that cannot'),
        ({}, ("home_closed_calls: 3", "home_closed_calls: tre"), 'extra.home_closed_calls: found "tre"'),
        ({}, ("  language: it\n", "  language: xx\n"), 'theme.language: found "xx", a language the theme'),
    ],
)
def test_a_wrong_setting_stops_the_build_with_a_message(tmp_path, env, edit, says):
    project = copy_project(tmp_path / "project")
    if edit:
        replace(project, "mkdocs.yml", *edit)
    result = build(project, tmp_path / "site", site_now=SITE_NOW_DURING_CALL, extra_env=env)
    assert result.returncode != 0 and says in result.output, result.output
    assert "Traceback" not in result.output and not (tmp_path / "site").exists()


def test_english_as_the_default_language_builds_a_whole_site(tmp_path):
    project = copy_project(tmp_path / "project")
    replace(project, "mkdocs.yml", "          name: Italiano\n          default: true\n", "          name: Italiano\n")
    nav = "".join(
        f"            {t}: {t}\n" for t in ["Home", "Bandi", "Glossario", "Chi siamo", "Dati aperti", "Accessibilità"]
    )
    replace(
        project,
        "mkdocs.yml",
        "          name: Italiano\n",
        f"          name: Italiano\n          nav_translations:\n{nav}",
    )
    replace(project, "mkdocs.yml", "          name: English\n", "          name: English\n          default: true\n")
    site = tmp_path / "site"
    result = build(project, site, site_now=SITE_NOW_DURING_CALL)
    assert result.returncode == 0, result.output
    for prefix, locale in (("", "en"), ("it/", "it")):
        assert f'xml:lang="{locale}"' in (site / prefix / "calls.atom").read_text(encoding="utf-8")
        assert list((site / prefix / "calendar").glob("*.ics")), prefix
        index = json.loads((site / prefix / "search" / "search_index.json").read_text(encoding="utf-8"))
        assert index["config"]["lang"] == [locale] and index["docs"]
        assert "<loc>" in (site / prefix / "sitemap.xml").read_text(encoding="utf-8")
        assert re.search(
            f'<html[^>]* lang="?{locale}"?[ >]', (site / prefix / "index.html").read_text(encoding="utf-8")
        )
