"""Every link to another site written in the pages and data, with where it is written (offline)."""
from __future__ import annotations

import re
from pathlib import Path
from typing import Any, Iterator

from ..inputs.yamlfile import YamlDoc, load_yaml

# In Markdown source: inline links, <autolinks>, reference definitions and bare addresses alike.
_URL = re.compile(r"""https?://[^\s<>()\[\]"'`]+""")


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
                found.setdefault(url, []).append(f"{doc.path}:{doc.line_of(loc)} ({'.'.join(map(str, loc))})")
    return dict(sorted(found.items()))


def _urls_in(data: Any, loc: tuple = ()) -> Iterator[tuple[tuple, str]]:
    if isinstance(data, dict):
        for key, value in data.items():
            yield from _urls_in(value, loc + (key,))
    elif isinstance(data, list):
        for index, value in enumerate(data):
            yield from _urls_in(value, loc + (index,))
    elif isinstance(data, str) and re.match(r"https?://", data):
        yield loc, data.strip()
