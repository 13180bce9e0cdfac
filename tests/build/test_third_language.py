"""A third language is configuration and translation only: French added to a copy, nothing else touched."""

from __future__ import annotations

import copy
import hashlib
import re
import shutil
from pathlib import Path

import pytest
import yaml

from conftest import ROOT, SITE_NOW_DURING_CALL
from mistakes import replace
from sitebuild import build, copy_project, soup

FRENCH = """        - locale: fr
          name: Français
          build: true
          site_name: Clust-ER · Appels européens
          site_description: >-
            Des informations claires sur les appels européens pour les clusters d'Émilie-Romagne.
          nav_translations:
            Home: Accueil
            Bandi: Appels
            Glossario: Glossaire
            Chi siamo: À propos
            Dati aperti: Données ouvertes
            Accessibilità: Accessibilité
"""
CALL = "data/calls/clusters-go-international-2020.yml"


def digest(folder: Path) -> dict[str, str]:
    return {
        p.relative_to(folder).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(folder.rglob("*"))
        if p.is_file() and "__pycache__" not in p.parts
    }


def add_french(project: Path) -> None:
    """What a translator does: configuration in mkdocs.yml, then a French version of every text."""
    config = project / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    head, sep, tail = text.partition("\nhooks:")
    config.write_text(head.rstrip("\n") + "\n" + FRENCH + sep + tail, encoding="utf-8")
    for page in (project / "docs").rglob("*.en.md"):
        page.with_name(page.name.replace(".en.md", ".fr.md")).write_text(
            page.read_text(encoding="utf-8"), encoding="utf-8"
        )
    strings = project / "data" / "strings"
    (strings / "fr.yml").write_text((strings / "en.yml").read_text(encoding="utf-8"), encoding="utf-8")
    # Every per-language text of the calls: an fr line after each en line.
    for data in [*(project / "data" / "calls").glob("*.yml"), project / "data" / "site.yml"]:
        data.write_text(
            re.sub(r"^(\s+)en: (.*)$", r"\1en: \2\n\1fr: (fr) \2", data.read_text(encoding="utf-8"), flags=re.M),
            encoding="utf-8",
        )
    # Every glossary entry: an fr block, written as the en block is.
    glossary = project / "data" / "glossary.yml"
    entries = yaml.safe_load(glossary.read_text(encoding="utf-8"))
    for entry in entries.values():
        entry["fr"] = copy.deepcopy(entry["en"])  # a copy: a shared block would be dumped as an alias
        for link in entry.get("links", []):
            link["title"]["fr"] = link["title"]["en"]
    glossary.write_text(yaml.safe_dump(entries, allow_unicode=True, sort_keys=False), encoding="utf-8")


@pytest.fixture(scope="module")
def french_project(tmp_path_factory) -> Path:
    project = copy_project(tmp_path_factory.mktemp("project"))
    add_french(project)
    return project


@pytest.fixture(scope="module")
def french_site(french_project, tmp_path_factory) -> Path:
    site = tmp_path_factory.mktemp("site") / "out"
    result = build(french_project, site, site_now=SITE_NOW_DURING_CALL)
    assert result.returncode == 0, result.output
    return site


def test_french_site_builds_with_every_page_in_french(french_site):
    pages = [p.relative_to(ROOT / "docs").as_posix().removesuffix(".it.md") for p in (ROOT / "docs").rglob("*.it.md")]
    assert pages
    for page in pages:
        path = page.removesuffix("index")
        out = french_site / "fr" / (path if path.endswith("/") or not path else path + "/") / "index.html"
        assert soup(out).html["lang"] == "fr", out


def test_french_pages_have_french_navigation_and_interface(french_site):
    html = soup(french_site / "fr" / "index.html")
    nav = [a.get_text(strip=True) for a in html.select("nav.md-nav--primary > ul > li > a")]
    assert "Glossaire" in nav and "À propos" in nav and "Glossario" not in nav
    assert html.select_one("input.md-search__input")["placeholder"] == "Rechercher"


def test_nothing_in_hooks_or_overrides_changed(french_project, french_site):
    for folder in ("hooks", "overrides"):
        assert digest(french_project / folder) == digest(ROOT / folder), folder


def test_missing_french_texts_are_reported_where_they_are_missing(french_project, tmp_path):
    project = Path(shutil.copytree(french_project, tmp_path / "broken"))
    (project / "docs" / "chi-siamo.fr.md").unlink()
    replace(project, CALL, "      fr: (fr) European Cluster Collaboration Platform (ECCP)\n", "")
    replace(project, "data/strings/fr.yml", "  home: Go to the English home page\n", "")
    replace(project, "mkdocs.yml", "            Glossario: Glossaire\n", "")
    result = build(project, tmp_path / "site", site_now=SITE_NOW_DURING_CALL)
    assert result.returncode != 0
    lines = (project / CALL).read_text(encoding="utf-8").splitlines()
    eccp = lines.index("  eccp:")
    title = next(n for n in range(eccp, len(lines)) if lines[n] == "    title:") + 1  # the block to add to
    for expected in (
        'docs/chi-siamo.fr.md: page: is missing ("fr" version of docs/chi-siamo.it.md); '
        "copy chi-siamo.it.md to chi-siamo.fr.md and translate it",
        f'{CALL}:{title}: links.eccp.title.fr: the "fr" text is missing; add a line `fr: ...` under title:',
        "data/strings/fr.yml:2: not_found.home: is missing; translate the text at line 5 of data/strings/it.yml",
        'nav_translations (fr): "Glossario" has no "fr" translation',
    ):
        assert expected in result.output, result.output
    assert not (tmp_path / "site").exists()
