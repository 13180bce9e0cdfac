"""MkDocs glue: compile the theme's templates once per process (see sitekit.templatecache)."""
from __future__ import annotations

from sitekit.templatecache import share_compiled_templates


def on_env(env, config, files):
    return share_compiled_templates(env)
