"""One pass over every editor's file before the build: every problem at once, as file:line: field."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from pathlib import Path

from ..calls.model import NO_DEADLINE, Call, load_calls
from ..calls.urls import CALLS_FOLDER
from ..glossary.model import load_glossary
from ..messages import _
from ..problems import Problem, SiteDataError
from .characters import file_name_problems, page_character_problems
from .environment import extra_problems, language_problems, site_url_problems, theme_names_problems
from .fielderrors import did_you_mean, field_names
from .files import link_problems
from .frontmatter import front_matter_doc_problems
from .parity import call_text_problems, nav_problems, page_call_problems, page_problems, strings_problems
from .scripts import config_markup_problems, page_script_problems, script_file_problems
from .siteconfig import SiteLayout, read_layout

Check = Callable[[SiteLayout], list[Problem]]

_CALL_FIELDS = field_names(Call)


def check_calls(layout: SiteLayout) -> list[Problem]:
    """The call model (sitekit.calls.model) over every data/calls/*.yml, reworded where it helps
    editors."""
    try:
        load_calls(layout.calls_dir, layout.root)
    except SiteDataError as err:
        return [_for_editors(p) for p in err.problems]
    return []


def _for_editors(problem: Problem) -> Problem:
    if problem.message == _("is not a field this file knows; check its spelling"):
        name = problem.field.rsplit(".", 1)[-1]
        return Problem(
            problem.file,
            problem.line,
            problem.field,
            _("is not a field this file knows; {hint}").format(hint=did_you_mean(name, _CALL_FIELDS)),
        )
    if problem.message in (_("is missing; add it"), _(NO_DEADLINE)) and "." not in problem.field:
        return Problem(problem.file, None, problem.field, problem.message)  # no line to point at
    return problem


def check_data_file_names(layout: SiteLayout) -> list[Problem]:
    """A data file the site would never read (e.g. new-call.yaml) is a mistake, not a silence."""
    problems: list[Problem] = []
    for folder in (layout.calls_dir, layout.root / "data" / "strings"):
        for path in sorted(folder.glob("*")) if folder.is_dir() else []:
            if path.is_file() and path.suffix != ".yml" and not path.name.startswith("."):
                problems.append(
                    Problem(
                        layout.shown(path),
                        None,
                        _("file name"),
                        _("is never read: only .yml files are; rename it {name}").format(name=f"{path.stem}.yml"),
                    )
                )
    return problems


def check_call_pages(layout: SiteLayout) -> list[Problem]:
    """Every call has its page: the feed, calls.json and the calendar files link to it."""
    problems: list[Problem] = []
    for slug in sorted(layout.call_slugs()):
        page = layout.docs_dir / CALLS_FOLDER / slug / f"index.{layout.default_locale}.md"
        if page not in layout.pages:
            problems.append(
                Problem(
                    layout.shown(layout.calls_dir / f"{slug}.yml"),
                    None,
                    _("file"),
                    _(
                        "has no page: write {page} (and its translations), with `call: {call}` "
                        "in its front matter; the feed and calendars link to it"
                    ).format(page=layout.shown(page), call=slug),
                )
            )
    return problems


def check_front_matter(layout: SiteLayout) -> list[Problem]:
    slugs = layout.call_slugs()
    problems: list[Problem] = []
    for path in layout.pages.paths:
        problems.extend(front_matter_doc_problems(*layout.pages.front_matter(path), layout.shown(path), slugs))
    return problems


def check_call_texts(layout: SiteLayout) -> list[Problem]:
    return call_text_problems(layout, layout.calls_dir)


def check_strings(layout: SiteLayout) -> list[Problem]:
    return strings_problems(layout, layout.root / "data" / "strings")


def check_glossary(layout: SiteLayout) -> list[Problem]:
    """Adapter to the glossary module: its own schema and per-language parity, as Problems."""
    path = layout.root / "data" / "glossary.yml"
    if not path.exists():
        return []
    try:
        load_glossary(path, layout.root, list(layout.locales))
    except SiteDataError as err:
        return list(err.problems)
    return []


# Each check reads what it needs and returns its problems; add a check by adding it here.
CHECKS: list[Check] = [
    page_problems,
    nav_problems,
    check_front_matter,
    page_call_problems,
    check_data_file_names,
    check_calls,
    check_call_pages,
    check_call_texts,
    check_strings,
    check_glossary,
    extra_problems,
    language_problems,
    theme_names_problems,
    script_file_problems,
    page_script_problems,
    config_markup_problems,
    page_character_problems,
    file_name_problems,
    link_problems,
]


def collect_problems(layout: SiteLayout, checks: list[Check] = CHECKS) -> list[Problem]:
    problems: list[Problem] = []
    for check in checks:
        problems.extend(check(layout))
    return list(dict.fromkeys(problems))  # two checks may see the same thing once


def validate_site(mkdocs_yml: Path, site_url: str | None = None, site_url_from_environment: bool = False) -> None:
    """Raise SiteDataError listing every problem in the site's pages, data and settings, or return.
    `site_url`: SITE_URL when set, else as MkDocs read mkdocs.yml."""
    layout = read_layout(mkdocs_yml)
    problems = collect_problems(layout) + site_url_problems(site_url, site_url_from_environment, layout)
    if problems:
        raise SiteDataError(problems)


# What mkdocs.yml and the environment alone decide: checked again before MkDocs reads mkdocs.yml
# (tools/check_settings.py), where MkDocs and its plugins would stop with their own English words.
SETTINGS_CHECKS: list[Check] = [extra_problems, language_problems, config_markup_problems]


def validate_settings(mkdocs_yml: Path, environ: Mapping[str, str]) -> None:
    """Raise SiteDataError listing every problem of mkdocs.yml and SITE_URL, or return. Reads no page."""
    layout = read_layout(mkdocs_yml)
    from_environment = "SITE_URL" in environ
    site_url = environ["SITE_URL"] if from_environment else layout.settings.get("site_url")
    problems = collect_problems(layout, SETTINGS_CHECKS)
    written = layout.settings.get("site_url", "")  # a tag (!ENV) reads as None: MkDocs' to read, then the hook's
    if from_environment or isinstance(written, str):
        problems += site_url_problems(site_url, from_environment, layout)
    if problems:
        raise SiteDataError(problems)
