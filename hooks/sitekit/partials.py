"""Render the Jinja2 partials of overrides/partials/ with autoescape: text from YAML stays text."""
from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import Any, Callable, Iterable

from jinja2 import Environment, FileSystemLoader, StrictUndefined


def renderer(template_dirs: Iterable[str | Path]) -> Callable[..., str]:
    """`render(template_name, **values)` over the theme's folders (overrides/ first)."""
    env = _environment(tuple(str(d) for d in template_dirs))

    def render(template: str, **values: Any) -> str:
        return env.get_template(template).render(**values)

    return render


# One environment per set of folders for the whole process: both language builds (and every
# rebuild under `mkdocs serve`) reuse its compiled templates; Jinja2 recompiles a changed file.
@lru_cache(maxsize=8)
def _environment(template_dirs: tuple[str, ...]) -> Environment:
    return Environment(loader=FileSystemLoader(list(template_dirs)), autoescape=True,
                       undefined=StrictUndefined, trim_blocks=True, lstrip_blocks=True)
