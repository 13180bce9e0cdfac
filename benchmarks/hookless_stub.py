"""Stands in for the project's hooks in the hooks-cost benchmark: template values that hooks
would provide (strings, call facts) render as empty instead of stopping the build."""

from __future__ import annotations

from jinja2 import ChainableUndefined


def on_env(env, config, files):
    env.undefined = ChainableUndefined
    return env
