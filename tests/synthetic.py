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


# The reader's path at any date: the real 2020 call (closed), a call open with two stages whose
# second moved (announced on 1 February 2031) and a forthcoming call with an opening, each with a
# second page, read at READERS_NOW.
READERS_NOW = "2031-02-20T12:00:00+01:00"
OPEN_CALL = "open-two-stages"
FORTHCOMING_CALL = "forthcoming-call"


def readers_path_calls() -> dict[str, dict]:
    confirmed = {"copy": "https://example.org/copy", "checked": "2026-11-30", "note": "a stored copy"}
    two_stages = call_yaml(
        "2031-03-10 17:00",
        "Open two stages",
        links={
            "topic": {
                "url": "https://example.org/topic",
                "role": "portal",
                "title": {"it": "Il bando sul portale", "en": "The call on the portal"},
                "confirmed": confirmed,
            },
            "unchecked": {
                "url": "https://example.org/unchecked",
                "role": "submission",
                "title": {"it": "Indirizzo non verificato", "en": "Unchecked address"},
            },
        },
    )
    del two_stages["deadline"]
    two_stages["deadlines"] = [
        {"local": "2031-03-10 17:00", "zone": "Europe/Brussels", "label": {"it": "Prima fase", "en": "First stage"}},
        {
            "local": "2031-06-10 17:00",
            "zone": "Europe/Brussels",
            "previous": "2031-05-27 17:00",
            "changed": "2031-02-01",
            "label": {"it": "Seconda fase", "en": "Second stage"},
        },
    ]
    forthcoming = call_yaml("2031-12-17 17:00", "Forthcoming call", opening="2031-05-06 12:00")
    return {OPEN_CALL: two_stages, FORTHCOMING_CALL: forthcoming}


def readers_path_site(tmp: Path) -> Path:
    """A copy of the project with the two calls above added, each with a second page."""
    pages = {}
    for slug in readers_path_calls():
        for locale in ("it", "en"):
            pages[f"docs/bandi/{slug}/dettagli.{locale}.md"] = (
                f"---\ntitle: Dettagli {locale}\ndescription: d\ncall: {slug}\n---\n\n# Dettagli {locale}\n\n"
                "The page's own text.\n"
            )
    return make_site(tmp, readers_path_calls(), pages)
