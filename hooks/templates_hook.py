"""MkDocs glue for the theme's Jinja2 environment: its file listing skips hidden folders
(sitekit.theme.loader), and each template is compiled once per process
(sitekit.theme.templatecache), and kept on disk for the next build."""

from __future__ import annotations

from pathlib import Path

from mkdocs.plugins import event_priority

from sitekit.inputs.cachedir import cache_dir
from sitekit.theme.loader import list_visible_theme_files
from sitekit.theme.templatecache import share_compiled_templates, share_with_every_environment


@event_priority(90)  # before the plugins' on_config: Material's search renders templates there
def on_config(config):
    list_visible_theme_files(config.theme)  # before MkDocs lists the theme's files to copy them
    share_with_every_environment(config.theme, _compiled_in(config))
    return config


def on_env(env, config, files):
    return share_compiled_templates(env, folder=_compiled_in(config))


def _compiled_in(config) -> Path:
    return cache_dir(Path(config.config_file_path).parent, "jinja")
