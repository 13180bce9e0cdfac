"""What changed since the last build of `mkdocs serve`, and whether a rebuild of some pages shows it all."""

from __future__ import annotations

import os
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from ..messages import _

Stamp = tuple[int, int, int]  # modification time (ns), size, inode: what an editor's save changes
Snapshot = dict[str, Stamp]  # path below the project (POSIX) -> stamp


def snapshot(root: Path, watched: Iterable[Path]) -> Snapshot:
    """Every file below the watched paths (files or folders), as `mkdocs serve` watches them."""
    out: Snapshot = {}
    base = os.path.join(os.path.abspath(root), "")
    for path in watched:
        top = os.path.abspath(path)
        if os.path.isfile(top):
            _add(out, base, top)
            continue
        for folder, dirs, names in os.walk(top):  # strings, not Paths: 1,500 files at 500 calls
            dirs.sort()
            for name in names:
                _add(out, base, os.path.join(folder, name))
    return out


def _add(out: Snapshot, base: str, path: str) -> None:
    try:
        st = os.stat(path)
    except OSError:  # removed while walking: absent, as it now is
        return
    key = path[len(base) :] if path.startswith(base) else path
    out[key.replace(os.sep, "/")] = (st.st_mtime_ns, st.st_size, st.st_ino)


@dataclass(frozen=True)
class Plan:
    """A whole rebuild (`reason` says why), or the pages and calls whose files changed."""

    reason: str | None = None  # None: an incremental rebuild
    pages: frozenset[str] = frozenset()  # changed pages, below docs/ ("bandi/x/index.it.md")
    calls: frozenset[str] = frozenset()  # calls whose data/calls/<call>.yml changed

    @property
    def whole(self) -> bool:
        return self.reason is not None


@dataclass(frozen=True)
class Layout:
    """Where pages and call data are, below the project (POSIX, no trailing slash)."""

    docs: str = "docs"
    calls: str = "data/calls"


def whole(reason: str) -> Plan:
    return Plan(reason=reason)


def plan(before: Snapshot | None, now: Snapshot, layout: Layout) -> Plan:
    """What to rebuild for the files changed from `before` to `now`: pages of docs/ and call data
    files that existed before and still do are followed page by page; anything else (a file added
    or removed, mkdocs.yml, strings, glossary, templates, hooks, assets) rebuilds the whole site.
    Hidden files in docs/ (editors' swap files) are not part of the site: a change there rebuilds
    nothing. No change found at all (the watcher saw one): the whole site, to be safe."""
    if before is None:
        return whole(_("the first build"))
    changed = sorted(path for path in before.keys() | now.keys() if before.get(path) != now.get(path))
    if not changed:
        return whole(_("no changed file was found"))
    pages: set[str] = set()
    calls: set[str] = set()
    for path in changed:
        if _hidden_in_docs(path, layout.docs):
            continue
        if path not in before or path not in now:
            return whole((_("{path} was added") if path in now else _("{path} was removed")).format(path=path))
        folder, _slash, name = path.rpartition("/")
        if path.startswith(layout.docs + "/") and path.endswith(".md"):
            pages.add(path.removeprefix(layout.docs + "/"))
        elif folder == layout.calls and name.endswith(".yml") and not name.startswith("."):
            calls.add(name.removesuffix(".yml"))
        else:
            return whole(_("{path} changed").format(path=path))
    return Plan(pages=frozenset(pages), calls=frozenset(calls))


def _hidden_in_docs(path: str, docs: str) -> bool:
    """MkDocs leaves out of the site every file or folder of docs/ whose name starts with a dot."""
    if not path.startswith(docs + "/"):
        return False
    return any(part.startswith(".") for part in path.removeprefix(docs + "/").split("/"))
