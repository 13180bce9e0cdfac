"""Temporary sites with invented calls, for build tests (never written into the real data/)."""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path

import yaml

from sitebuild import copy_project


def call_yaml(
    deadline: str,
    title: str,
    *,
    zone: str = "Europe/Brussels",
    opening: str | None = None,
    webinar: dict | None = None,
    **extra,
) -> dict:
    data = {
        "id": f"TEST-{title.upper().replace(' ', '-')}",
        "programme": "Test programme",
        "funder": "Test funder",
        "budget": {"amount": 1000000, "currency": "EUR"},
        "deadline": {"local": deadline, "zone": zone},
        "title": {"it": f"{title} (it)", "en": f"{title} (en)"},
        "summary": {"it": "Bando inventato per i test.", "en": "A call invented for tests."},
        "links": {"home": {"url": "https://example.org/", "title": {"it": "Sito", "en": "Site"}}},
    }
    if opening:
        data["opening"] = {"local": opening, "zone": zone}
    if webinar:
        data["webinar"] = webinar
    data.update(extra)
    return data


def make_site(tmp: Path, calls: Mapping[str, dict | str], pages: dict[str, str] | None = None) -> Path:
    """A copy of the project with `calls` ({slug: data or raw YAML}) and one page pair per call."""
    (tmp / "project").mkdir()
    project = copy_project(tmp / "project")
    for slug, data in calls.items():
        text = data if isinstance(data, str) else yaml.safe_dump(data, allow_unicode=True, sort_keys=False)
        (project / "data" / "calls" / f"{slug}.yml").write_text(text, encoding="utf-8")
        folder = project / "docs" / "bandi" / slug
        folder.mkdir(parents=True, exist_ok=True)
        for locale in ("it", "en"):
            (folder / f"index.{locale}.md").write_text(
                f"---\ntitle: {slug}\ndescription: {slug}\ncall: {slug}\n---\n\n# {slug}\n\n<!-- call:facts -->\n\n"
                f"<!-- call:webinar -->\n\nSee [the site][home].\n",
                encoding="utf-8",
            )
    for path, text in (pages or {}).items():
        (project / path).parent.mkdir(parents=True, exist_ok=True)
        (project / path).write_text(text, encoding="utf-8")
    return project
