"""MkDocs glue for contract 13: every page, the 404 page too, gets its Content-Security-Policy
(sitekit.theme.csp) as the very last step, after minifying: the hashes are of the scripts as served,
and only of those the theme's templates write."""

from __future__ import annotations

from pathlib import Path

from mkdocs.plugins import event_priority

from sitekit.inputs import textmemo
from sitekit.inputs.cachedir import cache_dir
from sitekit.theme.csp import TemplateScripts, kept_policies, theme_scripts, with_policy


def _templates(config) -> TemplateScripts:
    return theme_scripts(tuple(config.theme.dirs))


@event_priority(-300)  # after every other hook, the minifier (-200) included
def on_post_page(output: str, page, config) -> str:
    templates = _templates(config)
    return with_policy(
        output, templates, kept_policies(templates, cache_dir(Path(config.config_file_path).parent, textmemo.FOLDER))
    )


@event_priority(-300)
def on_post_template(output_content: str, template_name: str, config) -> str:
    # 404.html is a theme template, not a page; sitemap.xml is a template too, and not HTML
    return with_policy(output_content, _templates(config)) if template_name.endswith(".html") else output_content
