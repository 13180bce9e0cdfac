"""MkDocs glue: check every page and data file before anything is built; on any failure, leave no site;
show editors' titles as the text they typed; on GitHub Actions, every problem also on its file and line."""

from __future__ import annotations

import os
import sys
from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority

from sitekit.checks.environment import folder_address
from sitekit.checks.frontmatter import read_front_matter
from sitekit.checks.github import report_build_error
from sitekit.checks.serving import rebuild_as_the_build_says
from sitekit.checks.validation import validate_site
from sitekit.inputs.cachedir import cache_dir
from sitekit.inputs.yamlfile import keep_parses_in
from sitekit.languages import configured_languages, nested_language_build
from sitekit.messages import _, use_site_language
from sitekit.problems import SiteDataError
from sitekit.theme.outputdir import IncompleteSite, SiteSwap, discard_output
from sitekit.theme.plaintext import escape_meta, escape_nav_titles

# on_build_error is given no config: remember where this run writes (the same for every language).
_site_dir: Path | None = None
# `mkdocs build` (not serve, not --dirty): the site is built beside the output folder, swapped in whole.
_swap: SiteSwap | None = None
_whole_builds = False
_serving = False


class SiteDataProblems(PluginError):
    """MkDocs prints a BuildError's message alone, without a traceback: what editors should see."""


def on_startup(command, dirty):
    global _whole_builds, _serving
    _whole_builds = command in ("build", "gh-deploy") and not dirty
    _serving = command == "serve"  # served at MkDocs' own local address, whatever SITE_URL says


@event_priority(100)  # before every plugin, so that nothing runs on broken data
def on_config(config):
    global _site_dir, _swap
    # Messages in the site's default language (SITE_MESSAGES may choose another): sitekit.messages
    use_site_language(next((lang.locale for lang in configured_languages(config)), None))
    if nested_language_build(config):  # already checked, already writing beside the output folder
        return config
    keep_parses_in(cache_dir(Path(config.config_file_path).parent, "yaml"))  # for every hook after this
    _site_dir = Path(config.site_dir)
    # SITE_URL is read here, not by MkDocs (no !ENV in mkdocs.yml): MkDocs' own reading of an address
    # with a malformed IPv6 host ends in a traceback before any hook runs.
    from_environment = "SITE_URL" in os.environ and not _serving
    site_url = os.environ["SITE_URL"] if from_environment else config.site_url
    try:
        validate_site(Path(config.config_file_path), site_url, from_environment)
    except SiteDataError as err:
        raise SiteDataProblems(str(err)) from None
    if from_environment:
        config.site_url = folder_address(site_url)
    if _whole_builds:
        _swap = SiteSwap(_site_dir)
        config.site_dir = str(_swap.start())
    return config


@event_priority(-1000)  # after every other hook, and after mkdocs-static-i18n built every language
def on_post_build(config):
    if _swap is not None and not nested_language_build(config):
        # every language's home page and the 404 page: a site without one of them is not whole
        required = [f"{lang.prefix}index.html" for lang in configured_languages(config)] + ["404.html"]
        try:
            _swap.finish(required)
        except IncompleteSite as err:
            raise SiteDataProblems(
                _("the build wrote an incomplete site ({missing} missing); nothing was published: build again").format(
                    missing=err
                )
            ) from None
        config.site_dir = str(_site_dir)  # e.g. for gh-deploy, which publishes it next


def on_serve(server, config, builder):
    server.builder = rebuild_as_the_build_says(server.builder)
    return server


def on_build_error(error):
    report_build_error(error, os.environ, sys.stdout)
    if _swap is not None:
        _swap.abandon()
    if _site_dir is not None:
        discard_output(_site_dir)  # a site with a mistake in it is no site to publish


def on_page_markdown(markdown, page, config, files):
    # The front matter as the checks read it (YAML 1.2: `title: yes` is the text "yes"), not as
    # MkDocs read it (YAML 1.1: True); the checks have refused anything else before this.
    doc, _ = read_front_matter(Path(page.file.abs_src_path), page.file.src_uri)
    page.meta = escape_meta(doc.data if doc is not None else page.meta)
    return markdown


@event_priority(-300)  # after mkdocs-static-i18n has translated the navigation
def on_nav(nav, config, files):
    escape_nav_titles(nav.items)
    return nav
