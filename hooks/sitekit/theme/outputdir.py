"""Never half a site in the output folder: a failed build leaves nothing to publish (the folder is
emptied, then removed if empty); a build is written beside it and swapped in whole (SiteSwap)."""

from __future__ import annotations

import atexit
import os
import shutil
import signal
import threading
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


# -- a whole site or none: build beside the output folder, then swap ----------------------------


class SiteSwap:
    """One run of `mkdocs build`: every language is written into a hidden folder beside the output
    folder, which takes the output folder's place only once the whole site is written. Until then
    the output folder holds the previous complete site; a build interrupted (Ctrl-C, SIGTERM) leaves
    it so and removes its own half; a build killed outright leaves its hidden folder, which the next
    build removes."""

    def __init__(self, site_dir: Path):
        self.site_dir = site_dir
        self.building = site_dir.with_name(f".{site_dir.name}.building-{os.getpid()}")
        self.done = False

    def start(self) -> Path:
        """Clear what earlier killed runs left, and return the folder to build into."""
        for stale in self.site_dir.parent.glob(f".{self.site_dir.name}.building-*"):
            shutil.rmtree(stale, ignore_errors=True)
        self.building.mkdir(parents=True)
        atexit.register(self.abandon)
        if threading.current_thread() is threading.main_thread():
            signal.signal(signal.SIGTERM, _exit_on_signal)  # as Ctrl-C does: unwind, clean up
        return self.building

    def finish(self) -> None:
        """Put the built site in the output folder's place (hidden entries such as a .git stay)."""
        signals = {signal.SIGINT, signal.SIGTERM}
        signal.pthread_sigmask(signal.SIG_BLOCK, signals)  # no interruption half-way through the swap
        try:
            old = self.site_dir.with_name(f".{self.site_dir.name}.previous-{os.getpid()}")
            if self.site_dir.exists():
                for entry in self.site_dir.iterdir():
                    if entry.name.startswith(".") and not (self.building / entry.name).exists():
                        entry.rename(self.building / entry.name)
                self.site_dir.rename(old)
            self.building.rename(self.site_dir)
            self.done = True
        finally:
            signal.pthread_sigmask(signal.SIG_UNBLOCK, signals)
        shutil.rmtree(old, ignore_errors=True)

    def abandon(self) -> None:
        """Remove the half-built site (after an error, an interruption, or at exit)."""
        if not self.done:
            shutil.rmtree(self.building, ignore_errors=True)


def _exit_on_signal(signum, frame):
    raise SystemExit(128 + signum)
