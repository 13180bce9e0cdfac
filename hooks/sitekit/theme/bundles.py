"""One stylesheet and one script for the whole site, made from the project's small source files:
minified, in the listed order, named by a hash of their content so a changed file is never stale."""

from __future__ import annotations

import hashlib
import re
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import PurePosixPath

from sitekit.messages import _
from sitekit.theme.minify import minify_text

HASH_LENGTH = 8


@dataclass(frozen=True)
class Source:
    path: str  # as listed in mkdocs.yml, relative to docs_dir
    text: str


@dataclass(frozen=True)
class Bundle:
    path: str  # in the built site, e.g. assets/site.1a2b3c4d.js
    text: str
    sources: tuple[str, ...]


# What joins two minified sources: a newline ends a CSS rule or a script's last statement; a
# script that ends without a semicolon (valid JavaScript) must not run into the next one.
_JOINERS = {".css": "\n", ".js": ";\n"}
# A relative url(...) in a stylesheet points from the source's folder, not the bundle's.
_RELATIVE_URL = re.compile(r"""url\(\s*['"]?(?!data:|[a-z]+://|/)""", re.IGNORECASE)


def bundle(sources: Sequence[Source], suffix: str, folder: str = "assets", stem: str = "site") -> Bundle:
    """The `sources` (all ending in `suffix`, .css or .js) minified and joined in their order, in a
    file `folder/stem.<hash>.suffix`."""
    wrong = [s.path for s in sources if PurePosixPath(s.path).suffix != suffix]
    if suffix not in _JOINERS or wrong:
        raise ValueError(
            _("cannot bundle {files} as {suffix}: expected {suffixes} files").format(
                files=wrong or suffix, suffix=suffix, suffixes=", ".join(_JOINERS)
            )
        )
    minified = [minify_text(s.text, suffix).strip() for s in sources]
    moved = [
        s.path for s, text in zip(sources, minified, strict=True) if suffix == ".css" and _RELATIVE_URL.search(text)
    ]
    if moved:
        raise ValueError(
            _(
                "{files}: a relative url(...) cannot be bundled: the bundle is served from {folder}, "
                "not from the source's folder"
            ).format(files=", ".join(moved), folder=f"{folder}/")
        )
    text = _JOINERS[suffix].join(minified) + "\n"
    digest = hashlib.sha256(text.encode("utf-8")).hexdigest()[:HASH_LENGTH]
    return Bundle(f"{folder}/{stem}.{digest}{suffix}", text, tuple(s.path for s in sources))
