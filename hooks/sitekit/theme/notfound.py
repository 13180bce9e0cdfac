"""The root 404.html in the default language: mkdocs-static-i18n writes every language's 404 page
to the same file, the last language built winning (#284, #349), and the host serves that file at
every missing address. Its body speaks every language (overrides/404.html); its menus, search and
header are the default language's."""

from __future__ import annotations

from pathlib import Path

NOT_FOUND = "404.html"
_kept: dict[str, bytes] = {}  # site folder -> the default language's page, for one run


def keep_default_404(site_dir: str) -> None:
    """After the default language's build, before the others: remember its 404 page."""
    page = Path(site_dir) / NOT_FOUND
    if page.exists():
        _kept[site_dir] = page.read_bytes()


def restore_default_404(site_dir: str) -> bool:
    """After every build: put the default language's 404 page back; False if none was kept."""
    kept = _kept.pop(site_dir, None)
    if kept is None:
        return False
    (Path(site_dir) / NOT_FOUND).write_bytes(kept)
    return True
