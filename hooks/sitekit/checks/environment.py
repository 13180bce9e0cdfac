"""The settings a build takes from mkdocs.yml and the environment, checked before anything runs:
SITE_URL / site_url, extra.closing_threshold_days, and what front matter names in the theme
(template, icon, status)."""

from __future__ import annotations

import importlib.util
from pathlib import Path
from urllib.parse import urlsplit

from ..messages import N_, _
from ..problems import Problem, shown_text
from .siteconfig import SiteLayout

# Material's own page statuses; mkdocs.yml may add more under extra.status.
MATERIAL_STATUSES = ("new", "deprecated")


def site_url_problems(url: str | None, from_environment: bool, layout: SiteLayout) -> list[Problem]:
    """The published address: http(s), a host, no query, fragment or spaces (MkDocs adds the final /)."""
    if not url:
        return []
    where, field = (
        (_("environment variable SITE_URL"), "SITE_URL") if from_environment else (layout.config_file, "site_url")
    )
    line = None if from_environment else layout.lines.get(("site_url",))
    parts = urlsplit(url)
    wrong = None
    if any(char.isspace() for char in url):
        wrong = N_(
            "{url} has a space in it; write the address the site is published at, e.g. "
            "https://clust-er.github.io/bandi/"
        )
    elif parts.scheme not in ("http", "https") or not parts.hostname:
        wrong = N_(
            "{url} is not a web address; write the address the site is published at, e.g. "
            "https://clust-er.github.io/bandi/"
        )
    elif parts.query or parts.fragment or url.rstrip("/").endswith(("?", "#")):
        wrong = N_(
            "{url} has a query (?…) or a fragment (#…); write the address the site is published at, "
            "e.g. https://clust-er.github.io/bandi/"
        )
    if wrong is None:
        return []
    return [Problem(where, line, field, _(wrong).format(url=shown_text(url)))]


def threshold_problems(layout: SiteLayout) -> list[Problem]:
    """extra.closing_threshold_days: the days before a deadline when a call is "closing"."""
    value = layout.extra.get("closing_threshold_days", 7)
    if isinstance(value, (int, float)) and not isinstance(value, bool) and 0 < value < 366:
        return []
    return [
        Problem(
            layout.config_file,
            layout.lines.get(("extra", "closing_threshold_days")),
            "extra.closing_threshold_days",
            _("found {found}; write a number of days greater than 0, e.g. 7").format(found=shown_text(value)),
        )
    ]


def theme_names_problems(layout: SiteLayout) -> list[Problem]:
    """`template`, `icon` and `status` in front matter name something the theme has."""
    folders = [path for path in (_custom_dir(layout), _material_templates()) if path is not None]
    statuses = [*MATERIAL_STATUSES, *(layout.extra.get("status") or {})]
    problems: list[Problem] = []
    for path in layout.pages.paths:
        doc, _read_problems = layout.pages.front_matter(path)
        if doc is None or not isinstance(doc.data, dict):
            continue
        template, icon, status = (doc.data.get(key) for key in ("template", "icon", "status"))
        if isinstance(template, str) and not any((folder / template).is_file() for folder in folders):
            problems.append(
                Problem(
                    doc.path,
                    doc.line_of(("template",)),
                    "template",
                    _(
                        "{found} is not a template of the theme; write the name of a file in overrides/ (e.g. main.html), "
                        "or remove the line"
                    ).format(found=shown_text(template)),
                )
            )
        if isinstance(icon, str) and not any((folder / ".icons" / f"{icon}.svg").is_file() for folder in folders):
            problems.append(
                Problem(
                    doc.path,
                    doc.line_of(("icon",)),
                    "icon",
                    _(
                        "{found} is not an icon of the theme; write one such as material/calendar (see Material's icon "
                        "search), or remove the line"
                    ).format(found=shown_text(icon)),
                )
            )
        if isinstance(status, str) and status not in statuses:
            problems.append(
                Problem(
                    doc.path,
                    doc.line_of(("status",)),
                    "status",
                    _(
                        "{found} is not a status the theme knows; write one of: {statuses} (more can be added under "
                        "extra.status in {config})"
                    ).format(found=shown_text(status), statuses=", ".join(statuses), config=layout.config_file),
                )
            )
    return problems


def _custom_dir(layout: SiteLayout) -> Path | None:
    return layout.root / layout.custom_dir if layout.custom_dir else None


def _material_templates() -> Path | None:
    spec = importlib.util.find_spec("material")
    return Path(spec.origin).parent / "templates" if spec and spec.origin else None
