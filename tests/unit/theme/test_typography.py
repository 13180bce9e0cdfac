"""Typographic apostrophes and quotes come from the Markdown extension configured in mkdocs.yml
(smarty), in prose only: code, link addresses and the site's markers stay as written."""

from __future__ import annotations

from html import unescape
from typing import Any

import markdown
import yaml

from sitebuild import ROOT


def _extensions() -> tuple[list[str], dict[str, Any]]:
    """The Markdown extensions of mkdocs.yml that touch typography, with their options."""
    config = yaml.load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"), Loader=yaml.BaseLoader)
    names: list[str] = []
    options: dict[str, Any] = {}
    for item in config["markdown_extensions"]:
        name, opts = next(iter(item.items())) if isinstance(item, dict) else (item, None)
        if name == "smarty":
            names.append(name)
            options[name] = {key: value == "true" for key, value in (opts or {}).items()}
    return names, options


def render(text: str) -> str:
    names, options = _extensions()
    assert names == ["smarty"], "mkdocs.yml no longer configures smarty: update this test"
    return unescape(markdown.markdown(text, extensions=names, extension_configs=options))


def test_prose_gets_typographic_apostrophes_and_quotes():
    html = render("La sezione A è aperta a un'ampia gamma; \"Strand A\" e l'ECCP...")
    assert "un’ampia" in html and "l’ECCP" in html
    assert "“Strand A”" in html and "…" in html
    assert "'" not in html and '"' not in html


def test_code_addresses_and_markers_stay_as_written():
    html = render(
        "Il campo `calls[].id` e `l'id`, [l'annuncio](https://example.org/d'uso/l'ECCP) e\n"
        "la dotazione di <!-- call:budget --> restano.\n\n<!-- call:deadline-sentence -->\n"
    )
    assert "<code>l'id</code>" in html
    assert "href=\"https://example.org/d'uso/l'ECCP\"" in html
    assert "<!-- call:budget -->" in html and "<!-- call:deadline-sentence -->" in html
    assert "l’annuncio" in html


def test_ranges_keep_their_hyphen():
    assert "2014-2020" in render("Il periodo 2014-2020 -- e non altro.")
