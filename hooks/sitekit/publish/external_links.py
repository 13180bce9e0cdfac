"""Every link to another site written in the pages and data, with where it is written (offline)."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from ..inputs.yamlfile import YamlDoc, load_yaml

# In Markdown source: inline links, <autolinks>, reference definitions and bare addresses alike.
_URL = re.compile(r"""https?://[^\s<>()\[\]"'`]+""")
CONFIRMED = "confirmed"  # data/calls/*.yml, data/glossary.yml: where a link was confirmed


def collect_external_links(root: Path, docs_dir: Path | None = None) -> dict[str, list[str]]:
    """{url: ["docs/x.it.md:12", "data/calls/y.yml:30 (links.eccp.url)", ...]}, sorted by url."""
    docs_dir = docs_dir or root / "docs"
    found: dict[str, list[str]] = {}
    for page in sorted(docs_dir.rglob("*.md")):
        for number, line in enumerate(page.read_text(encoding="utf-8").splitlines(), start=1):
            for url in _URL.findall(line):
                found.setdefault(url.rstrip(".,;:!?"), []).append(f"{page.relative_to(root).as_posix()}:{number}")
    for data in sorted((root / "data").rglob("*.yml")):
        doc = load_yaml(data, data.relative_to(root).as_posix())
        if isinstance(doc, YamlDoc):
            for loc, url in _urls_in(doc.data):
                where = f"{doc.path}:{doc.line_of(loc)} ({'.'.join(map(str, loc))}{_confirmation(doc.data, loc)})"
                found.setdefault(url, []).append(where)
    return dict(sorted(found.items()))


def _confirmation(data: Any, loc: tuple) -> str:
    """ "; confirmed: <stored copy>, <day>" when the link's mapping says where it was confirmed."""
    if loc[-1:] != ("url",):
        return ""
    for key in loc[:-1]:
        data = data[key]
    confirmed = data.get(CONFIRMED) if isinstance(data, dict) else None
    if not isinstance(confirmed, dict):
        return "; not confirmed: add confirmed: with the address of a stored copy"
    return f"; confirmed: {confirmed.get('copy')}, {confirmed.get('checked')}"


def _urls_in(data: Any, loc: tuple = ()) -> Iterator[tuple[tuple, str]]:
    if isinstance(data, dict):
        for key, value in data.items():
            if key != CONFIRMED:  # where a link was confirmed is a note, not a link of the site
                yield from _urls_in(value, loc + (key,))
    elif isinstance(data, list):
        for index, value in enumerate(data):
            yield from _urls_in(value, loc + (index,))
    elif isinstance(data, str) and re.match(r"https?://", data):
        yield loc, data.strip()
