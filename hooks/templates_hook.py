"""MkDocs glue for the theme's Jinja2 environment: its file listing skips hidden folders
(sitekit.theme.loader), and each template is compiled once per process
(sitekit.theme.templatecache), and kept on disk for the next build."""

from __future__ import annotations

from pathlib import Path

from sitekit.inputs.cachedir import cache_dir
from sitekit.theme.loader import list_visible_theme_files
from sitekit.theme.templatecache import share_compiled_templates


def on_config(config):
    list_visible_theme_files(config.theme)  # before MkDocs lists the theme's files to copy them
    return config


def on_env(env, config, files):
    return share_compiled_templates(env, folder=cache_dir(Path(config.config_file_path).parent, "jinja"))
