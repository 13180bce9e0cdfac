"""Leave nothing to publish after a failed build: empty the output folder, remove it if it is then empty."""
from __future__ import annotations

import shutil
from pathlib import Path


def discard_output(site_dir: Path) -> None:
    """Remove what the failed build wrote. Hidden entries (e.g. a .git of `gh-deploy`) stay, as
    MkDocs' own clean-up keeps them; the folder itself goes when nothing else is left in it."""
    if not site_dir.is_dir():
        return
    for entry in site_dir.iterdir():
        if entry.name.startswith("."):
            continue
        if entry.is_dir() and not entry.is_symlink():
            shutil.rmtree(entry)
        else:
            entry.unlink()
    if not any(site_dir.iterdir()):
        site_dir.rmdir()
