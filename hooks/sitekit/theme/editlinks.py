""" "Edit this page": the links to GitHub's editor for the files a page is made from (its own page
file, and the data file its generated parts come from), built from `repo_url` and `edit_uri`."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any
from urllib.parse import quote


def edit_root(repo_url: str | None, edit_uri: str | None, docs_dir_name: str) -> str | None:
    """The editor's address of the repository's root folder: `edit_uri` ("edit/main/docs/") names
    the docs folder; without its last part it names the root ("…/edit/main/"). None without both."""
    if not repo_url or not edit_uri:
        return None
    folder = edit_uri.rstrip("/")
    if not folder.endswith("/" + docs_dir_name):
        return None  # an edit_uri that does not end in the docs folder: no data links, page links only
    return f"{repo_url.rstrip('/')}/{folder.removesuffix(docs_dir_name).strip('/')}/"


def edit_links(
    page_edit_url: str | None, root: str | None, meta: Mapping[str, Any], generated_from: tuple[str, ...] = ()
) -> list[tuple[str, str]]:
    """[(kind, address)]: `page` (the page's own file, as MkDocs computes it from edit_uri), `call`
    (data/calls/<call>.yml, for a page that shows a call's facts) and `data` for each of
    `generated_from` (files, from the repository's root, that generate part of the page)."""
    links = [("page", page_edit_url)] if page_edit_url else []
    if root:
        call = meta.get("call")
        if isinstance(call, str) and call.strip():
            links.append(("call", root + quote(f"data/calls/{call.strip()}.yml")))
        links.extend(("data", root + quote(path)) for path in generated_from)
    return links
