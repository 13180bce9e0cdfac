"""Every language's strings file must have the keys of the default language's: found at build start."""
from __future__ import annotations

from typing import Any, Mapping

from .problems import Problem


def missing_keys(reference: Any, other: Any, where: str = "") -> list[str]:
    """Dotted paths of the keys in `reference` that `other` lacks (or has empty)."""
    if not isinstance(reference, Mapping):
        return [] if isinstance(other, str) and other.strip() else [where]
    if not isinstance(other, Mapping):
        return [where]
    out: list[str] = []
    for key, value in reference.items():
        path = f"{where}.{key}" if where else str(key)
        out += missing_keys(value, other.get(key), path) if key in other else [path]
    return out


def strings_problems(strings: Mapping[str, Mapping[str, Any]], default: str, block: str,
                     shown: str = "data/strings/{locale}.yml") -> list[Problem]:
    """A Problem for each key of `block` in the default language's strings missing in another."""
    reference = strings[default].get(block)
    problems = []
    for locale, texts in strings.items():
        for path in missing_keys(reference, texts.get(block), block):
            problems.append(Problem(shown.format(locale=locale), None, path,
                                    f"is missing; copy it from {shown.format(locale=default)} and translate it"))
    return problems
