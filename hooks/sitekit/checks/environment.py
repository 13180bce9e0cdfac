"""The settings a build takes from mkdocs.yml and the environment, checked before anything runs:
SITE_URL / site_url, extra.closing_threshold_days, and what front matter names in the theme
(template, icon, status)."""

from __future__ import annotations

import importlib.util
import re
from collections.abc import Callable
from pathlib import Path
from urllib.parse import urlsplit

from ..messages import N_, _
from ..problems import Problem, shown_text
from .siteconfig import SiteLayout

# Material's own page statuses; mkdocs.yml may add more under extra.status.
MATERIAL_STATUSES = ("new", "deprecated")


# The last part of an address that names a file, not a folder: the site is published at a folder.
_FILE_NAME = re.compile(r"\.(html?|php|aspx?|jsp|xml|json|md|txt)/?$", re.IGNORECASE)


def site_url_problems(url: str | None, from_environment: bool, layout: SiteLayout) -> list[Problem]:
    """The published address: http(s), a host (a well-formed IPv6 one too), a port that exists, no
    user name or password, no query, fragment or spaces, a folder rather than a file (MkDocs adds the
    final /). Missing, or SITE_URL set but empty: a problem too (canonical links and feeds need it)."""
    where, field = (
        (_("environment variable SITE_URL"), "SITE_URL") if from_environment else (layout.config_file, "site_url")
    )
    line = None if from_environment else layout.lines.get(("site_url",))
    wrong = _site_url_wrong(url or "")
    if wrong is None:
        return []
    return [Problem(where, line, field, _(wrong).format(url=shown_text(url), example=EXAMPLE_URL))]


EXAMPLE_URL = "https://clust-er.github.io/bandi/"


def folder_address(url: str) -> str:
    """A checked site address as MkDocs keeps `site_url`: the folder, with its final /."""
    parts = urlsplit(url)
    return parts._replace(path=parts.path if parts.path.endswith("/") else parts.path + "/").geturl()


def _site_url_wrong(url: str) -> str | None:
    """What is wrong with `url` as the site's address (a message with {url} and {example}), or None."""
    if not url.strip():
        return N_("is missing or empty; write the address the site is published at, e.g. {example}")
    if any(char.isspace() for char in url):
        return N_("{url} has a space in it; write the address the site is published at, e.g. {example}")
    try:
        parts = urlsplit(url)
        port = parts.port
        host = parts.hostname
    except ValueError:  # "Invalid IPv6 URL", "Port out of range 0-65535", a port that is no number
        return N_(
            "{url} has a host or port that cannot be read; write the address the site is published at, e.g. {example}"
        )
    if parts.scheme not in ("http", "https") or not host:
        return N_("{url} is not a web address; write the address the site is published at, e.g. {example}")
    if port == 0:
        return N_(
            "{url} has a host or port that cannot be read; write the address the site is published at, e.g. {example}"
        )
    if parts.username is not None or parts.password is not None:
        return N_(
            "{url} has a user name or password in it, which every page would publish; write the address "
            "without them, e.g. {example}"
        )
    if parts.query or parts.fragment or url.rstrip("/").endswith(("?", "#")):
        return N_(
            "{url} has a query (?…) or a fragment (#…); write the address the site is published at, e.g. {example}"
        )
    if _FILE_NAME.search(parts.path):
        return N_(
            "{url} ends with a file name; write the address of the folder the site is published at, e.g. {example}"
        )
    return None


def _days(value: object) -> bool:
    return isinstance(value, (int, float)) and not isinstance(value, bool) and 0 < value < 366


def _count(value: object) -> bool:
    return isinstance(value, int) and not isinstance(value, bool) and 0 <= value <= 100


# The settings of `extra:` the hooks read, each with what it accepts and what to write instead; add a
# setting here when a hook reads a new one.
EXTRA_SETTINGS: dict[str, tuple[Callable[[object], bool], str]] = {
    "closing_threshold_days": (
        _days,
        N_("found {found}; write a number of days greater than 0, e.g. 7"),
    ),
    "home_closed_calls": (
        _count,
        N_("found {found}; write how many closed calls the home page names: a whole number from 0 to 100, e.g. 3"),
    ),
}


def extra_problems(layout: SiteLayout) -> list[Problem]:
    """The settings of `extra:` the hooks read (EXTRA_SETTINGS), each of the type it must be."""
    problems: list[Problem] = []
    for name, (accepts, words) in EXTRA_SETTINGS.items():
        if name in layout.extra and not accepts(layout.extra[name]):
            problems.append(
                Problem(
                    layout.config_file,
                    layout.lines.get(("extra", name)),
                    f"extra.{name}",
                    _(words).format(found=shown_text(layout.extra[name])),
                )
            )
    return problems


def language_problems(layout: SiteLayout) -> list[Problem]:
    """theme.language and each language of the i18n plugin: one the theme has texts for (else the build
    stops on a missing template); one language only says `default: true`."""
    templates = _material_templates()
    known = {path.stem for path in (templates / "partials" / "languages").glob("*.html")} if templates else set()
    theme = layout.settings.get("theme")
    wanted: list[tuple[str, int | None, object]] = []
    if isinstance(theme, dict) and "language" in theme:
        wanted.append(("theme.language", layout.lines.get(("theme", "language")), theme["language"]))
    for locale in layout.locales:
        wanted.append((f"locale ({locale})", layout.language_lines.get(locale), locale))
    problems: list[Problem] = []
    for field, line, value in wanted:
        if known and (not isinstance(value, str) or value not in known):
            problems.append(
                Problem(
                    layout.config_file,
                    line,
                    field,
                    _(
                        "found {found}, a language the theme has no texts for; write a language code it knows, "
                        "such as it, en, fr, de, es"
                    ).format(found=shown_text(value)),
                )
            )
    defaults = [locale for locale, default in layout.defaults.items() if default]
    if layout.locales and not defaults:
        problems.append(
            Problem(
                layout.config_file,
                layout.language_lines.get(layout.locales[0]),
                "default",
                _(
                    "no language says default: true; add it to the language at the site's root "
                    "(the one whose pages are at the top of the address)"
                ),
            )
        )
    if len(defaults) > 1:
        problems.append(
            Problem(
                layout.config_file,
                layout.language_lines.get(defaults[1]),
                "default",
                _(
                    "more than one language says default: true ({languages}); keep it on the language at the "
                    "site's root only"
                ).format(languages=", ".join(defaults)),
            )
        )
    return problems


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
