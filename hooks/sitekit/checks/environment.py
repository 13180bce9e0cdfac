"""The settings a build takes from mkdocs.yml and the environment, checked before anything runs:
SITE_URL / site_url, extra.closing_threshold_days, and what front matter names in the theme
(template, icon, status)."""
from __future__ import annotations

import importlib.util
from pathlib import Path
from urllib.parse import urlsplit

from ..problems import Problem, shown_text
from .siteconfig import SiteLayout

# Material's own page statuses; mkdocs.yml may add more under extra.status.
MATERIAL_STATUSES = ("new", "deprecated")


def site_url_problems(url: str | None, from_environment: bool, layout: SiteLayout) -> list[Problem]:
    """The published address: http(s), a host, no query, fragment or spaces (MkDocs adds the final /)."""
    if not url:
        return []
    where, field = (("environment variable SITE_URL", "SITE_URL") if from_environment
                    else (layout.config_file, "site_url"))
    line = None if from_environment else layout.lines.get(("site_url",))
    parts = urlsplit(url)
    wrong = None
    if any(char.isspace() for char in url):
        wrong = "has a space in it"
    elif parts.scheme not in ("http", "https") or not parts.hostname:
        wrong = "is not a web address"
    elif parts.query or parts.fragment or url.rstrip("/").endswith(("?", "#")):
        wrong = "has a query (?…) or a fragment (#…)"
    if wrong is None:
        return []
    return [Problem(where, line, field, f"{shown_text(url)} {wrong}; write the address the site is published "
                    "at, e.g. https://clust-er.github.io/bandi/")]


def threshold_problems(layout: SiteLayout) -> list[Problem]:
    """extra.closing_threshold_days: the days before a deadline when a call is "closing"."""
    value = layout.extra.get("closing_threshold_days", 7)
    if isinstance(value, (int, float)) and not isinstance(value, bool) and 0 < value < 366:
        return []
    return [Problem(layout.config_file, layout.lines.get(("extra", "closing_threshold_days")),
                    "extra.closing_threshold_days", f"found {shown_text(value)}; write a number of days "
                    "greater than 0, e.g. 7")]


def theme_names_problems(layout: SiteLayout) -> list[Problem]:
    """`template`, `icon` and `status` in front matter name something the theme has."""
    folders = [path for path in (_custom_dir(layout), _material_templates()) if path is not None]
    statuses = [*MATERIAL_STATUSES, *(layout.extra.get("status") or {})]
    problems: list[Problem] = []
    for path in layout.pages.paths:
        doc, _ = layout.pages.front_matter(path)
        if doc is None or not isinstance(doc.data, dict):
            continue
        template, icon, status = (doc.data.get(key) for key in ("template", "icon", "status"))
        if isinstance(template, str) and not any((folder / template).is_file() for folder in folders):
            problems.append(Problem(doc.path, doc.line_of(("template",)), "template",
                                    f"{shown_text(template)} is not a template of the theme; write the name of a "
                                    "file in overrides/ (e.g. main.html), or remove the line"))
        if isinstance(icon, str) and not any((folder / ".icons" / f"{icon}.svg").is_file() for folder in folders):
            problems.append(Problem(doc.path, doc.line_of(("icon",)), "icon",
                                    f"{shown_text(icon)} is not an icon of the theme; write one such as "
                                    "material/calendar (see Material's icon search), or remove the line"))
        if isinstance(status, str) and status not in statuses:
            problems.append(Problem(doc.path, doc.line_of(("status",)), "status",
                                    f"{shown_text(status)} is not a status the theme knows; write one of: "
                                    f"{', '.join(statuses)} (more can be added under extra.status in "
                                    f"{layout.config_file})"))
    return problems


def _custom_dir(layout: SiteLayout) -> Path | None:
    return layout.root / layout.custom_dir if layout.custom_dir else None


def _material_templates() -> Path | None:
    spec = importlib.util.find_spec("material")
    return Path(spec.origin).parent / "templates" if spec and spec.origin else None
