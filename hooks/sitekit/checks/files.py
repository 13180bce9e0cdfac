"""Files under docs/ that are not what they seem: a symbolic link to something outside the project
(MkDocs would publish it: the machine's /etc/hostname was), or one that leads back into a folder it is
in (a loop, which MkDocs would walk until the path is too long)."""

from __future__ import annotations

import os

from ..messages import _
from ..problems import Problem
from .siteconfig import SiteLayout


def link_problems(layout: SiteLayout) -> list[Problem]:
    tree = layout.pages.tree
    problems = [
        Problem(
            layout.shown(path),
            None,
            _("file"),
            _(
                "is a link to {target}, outside the project, which the site would publish; copy the file into "
                "docs/ instead, or delete the link"
            ).format(target=_target(path)),
        )
        for path in tree.outside
    ]
    problems += [
        Problem(
            layout.shown(path),
            None,
            _("file"),
            _("is a link to a folder it is inside of ({target}), a loop; delete the link").format(target=_target(path)),
        )
        for path in tree.loops
    ]
    return problems


def _target(path: os.PathLike[str]) -> str:
    try:
        return os.readlink(path)
    except OSError:
        return "?"
