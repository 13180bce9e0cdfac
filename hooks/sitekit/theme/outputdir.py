"""Never half a site in the output folder: a failed build leaves nothing to publish (the folder is
emptied, then removed if empty); a build is written beside it and swapped in whole (SiteSwap).

Several builds may run at once (two terminals, an editor's save under a test run): each builds into a
folder of its own, held by a lock for as long as its process lives, so that no build removes another's;
a folder whose lock is free was left by a killed build and is removed. Swaps and clean-ups of one output
folder take turns (a lock on the folder that holds it); a swap is one atomic exchange where the system
has one (Linux), so that a build killed at any moment leaves the previous site or the new one whole."""

from __future__ import annotations

import atexit
import ctypes
import ctypes.util
import os
import shutil
import signal
import threading
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path

try:
    import fcntl
except ImportError:  # pragma: no cover - Windows: builds are not locked against each other
    fcntl = None  # type: ignore[assignment]


class IncompleteSite(Exception):
    """The folder a build wrote lacks files every whole site has: it is not swapped in."""


def discard_output(site_dir: Path) -> None:
    """Remove what the failed build wrote. Hidden entries (e.g. a .git of `gh-deploy`) stay, as
    MkDocs' own clean-up keeps them; the folder itself goes when nothing else is left in it."""
    with _turn(site_dir):
        if not site_dir.is_dir():
            return
        for entry in site_dir.iterdir():
            if entry.name.startswith("."):
                continue
            if entry.is_dir() and not entry.is_symlink():
                shutil.rmtree(entry, ignore_errors=True)
            else:
                entry.unlink(missing_ok=True)
        if not any(site_dir.iterdir()):
            site_dir.rmdir()


# -- a whole site or none: build beside the output folder, then swap ----------------------------


class SiteSwap:
    """One run of `mkdocs build`: every language is written into a hidden folder beside the output
    folder, which takes the output folder's place only once the whole site is written. Until then
    the output folder holds the previous complete site; a build interrupted (Ctrl-C, SIGTERM) leaves
    it so and removes its own half; a build killed outright leaves its hidden folder, which a later
    build removes once no process holds it."""

    def __init__(self, site_dir: Path):
        self.site_dir = site_dir
        self.building = site_dir.with_name(f".{site_dir.name}.building-{os.getpid()}-{os.urandom(4).hex()}")
        self.done = False
        self._held: int | None = None  # the open folder whose lock says "this build is alive"

    def start(self) -> Path:
        """Clear what earlier killed runs left, and return the folder to build into (ours alone)."""
        self.building.mkdir(parents=True)
        self._held = _hold(self.building)
        with _turn(self.site_dir):
            for stale in self.site_dir.parent.glob(f".{self.site_dir.name}.building-*"):
                if stale != self.building and _unheld(stale):
                    shutil.rmtree(stale, ignore_errors=True)
        atexit.register(self.abandon)
        if threading.current_thread() is threading.main_thread():
            signal.signal(signal.SIGTERM, _exit_on_signal)  # as Ctrl-C does: unwind, clean up
        return self.building

    def finish(self, required: Iterable[str] = ()) -> None:
        """Put the built site in the output folder's place (hidden entries such as a .git stay).
        `required`: files every whole site has (each language's home page): without one of them,
        or if the folder is gone, the site is not swapped in and IncompleteSite is raised."""
        missing = [name for name in required if not (self.building / name).is_file()]
        if missing or not self.building.is_dir():
            raise IncompleteSite(", ".join(missing) or self.building.name)
        signals = {signal.SIGINT, signal.SIGTERM}
        signal.pthread_sigmask(signal.SIG_BLOCK, signals)  # no interruption half-way through the swap
        try:
            with _turn(self.site_dir):
                if self.site_dir.exists():
                    for entry in self.site_dir.iterdir():
                        if entry.name.startswith(".") and not (self.building / entry.name).exists():
                            entry.rename(self.building / entry.name)
                if self.site_dir.exists() and _exchange(self.building, self.site_dir):
                    old = self.building  # the previous site is now where this build was written
                else:
                    old = self.site_dir.with_name(f".{self.site_dir.name}.previous-{os.getpid()}")
                    if self.site_dir.exists():
                        self.site_dir.rename(old)
                    self.building.rename(self.site_dir)
                self.done = True
        finally:
            signal.pthread_sigmask(signal.SIG_UNBLOCK, signals)
        shutil.rmtree(old, ignore_errors=True)
        self._release()

    def abandon(self) -> None:
        """Remove the half-built site (after an error, an interruption, or at exit)."""
        if not self.done:
            shutil.rmtree(self.building, ignore_errors=True)
        self._release()

    def _release(self) -> None:
        if self._held is not None:
            os.close(self._held)
            self._held = None


def _hold(folder: Path) -> int | None:
    """Lock `folder` for as long as this process lives (the system frees the lock when it ends)."""
    if fcntl is None:
        return None
    descriptor = os.open(folder, os.O_RDONLY)
    fcntl.flock(descriptor, fcntl.LOCK_EX | fcntl.LOCK_NB)
    return descriptor


def _unheld(folder: Path) -> bool:
    """True when no living build holds `folder` (it was left by a build killed outright)."""
    if fcntl is None:
        return False  # cannot tell: leave it
    try:
        descriptor = os.open(folder, os.O_RDONLY)
    except OSError:
        return False
    try:
        fcntl.flock(descriptor, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except OSError:
        return False
    finally:
        os.close(descriptor)
    return True


@contextmanager
def _turn(site_dir: Path) -> Iterator[None]:
    """One build at a time changes the output folder: a lock on the folder that holds it."""
    parent = site_dir.parent
    if fcntl is None or not parent.is_dir():
        yield
        return
    descriptor = os.open(parent, os.O_RDONLY)
    try:
        fcntl.flock(descriptor, fcntl.LOCK_EX)
        yield
    finally:
        os.close(descriptor)  # closing frees the lock


_RENAME_EXCHANGE = 2
_AT_FDCWD = -100


def _exchange(a: Path, b: Path) -> bool:
    """Swap two folders in one step (Linux renameat2 with RENAME_EXCHANGE); False where there is none."""
    try:
        libc = ctypes.CDLL(ctypes.util.find_library("c") or None, use_errno=True)
        renameat2 = libc.renameat2
    except (OSError, AttributeError):
        return False
    result = renameat2(_AT_FDCWD, os.fsencode(a), _AT_FDCWD, os.fsencode(b), _RENAME_EXCHANGE)
    return result == 0


def _exit_on_signal(signum, frame):
    raise SystemExit(128 + signum)
