"""Render the Jinja2 partials of overrides/partials/ with autoescape: text from YAML stays text."""
from __future__ import annotations

from pathlib import Path
from typing import Any, Callable, Iterable

from jinja2 import Environment, FileSystemLoader, StrictUndefined


def renderer(template_dirs: Iterable[str | Path]) -> Callable[..., str]:
    """`render(template_name, **values)` over the theme's folders (overrides/ first)."""
    env = Environment(loader=FileSystemLoader([str(d) for d in template_dirs]), autoescape=True,
                      undefined=StrictUndefined, trim_blocks=True, lstrip_blocks=True,
                      auto_reload=False)  # made anew for each build: no file changes while it lives

    def render(template: str, **values: Any) -> str:
        return env.get_template(template).render(**values)

    return render
