"""Render the Jinja2 partials of overrides/partials/ with autoescape: text from YAML stays text."""
from __future__ import annotations

from pathlib import Path
from typing import Any, Callable, Iterable

from jinja2 import Environment, FileSystemLoader, StrictUndefined

from .templatecache import MemoryBytecodeCache, share_compiled_templates

# Their own cache: these environments strip block whitespace, the theme's does not, and a
# compiled template is keyed by its file only (overrides/partials/ holds both kinds).
_COMPILED = MemoryBytecodeCache()


def renderer(template_dirs: Iterable[str | Path]) -> Callable[..., str]:
    """`render(template_name, **values)` over the theme's folders (overrides/ first)."""
    env = partials_environment(template_dirs)

    def render(template: str, **values: Any) -> str:
        return env.get_template(template).render(**values)

    return render


def partials_environment(template_dirs: Iterable[str | Path]) -> Environment:
    """A new environment for one build: each partial is read once per build (no check of the file
    before every render: a call page renders several) and compiled once per process."""
    env = Environment(loader=FileSystemLoader([str(d) for d in template_dirs]), autoescape=True,
                      undefined=StrictUndefined, trim_blocks=True, lstrip_blocks=True, auto_reload=False)
    return share_compiled_templates(env, _COMPILED)
