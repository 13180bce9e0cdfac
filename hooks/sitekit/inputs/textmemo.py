"""What a slow, pure step made of a page's text (the page minified, its content with the glossary's
marks, its content policy), kept on disk for the next build under a digest of the text it was made
from. At 500 calls these steps cost ~3 s of every build, and most pages come out of the theme the
same as in the build before, so the next build reads the result instead of making it again.

An entry's name is the SHA-256 of the step's version (the source of the code that makes it, the
libraries' versions, the data it reads besides the text) and of the text: an edited page, a changed
step or an upgraded library only ever finds nothing. An entry is the result's length and UTF-8 bytes,
written atomically; an unreadable or shortened one is a miss. An entry read is marked used (its
modification time) at most once a day; entries unused for a week are removed by `sweep`, at most
once a day, so the folder holds about what the site's recent builds made. Nothing here is published."""

from __future__ import annotations

import contextlib
import hashlib
import os
import time
from collections.abc import Callable
from pathlib import Path

from .diskmemo import write_whole

FOLDER = "pages"  # below the build's cache (sitekit.inputs.cachedir)
UNUSED_FOR_S = 7 * 24 * 3600  # an entry no build has read or written for this long is removed
SWEEP_EVERY_S = 24 * 3600
_SWEPT = ".swept"  # its time: the last sweep of the folder


class TextMemo:
    """`memo(text, make)`: `make(text)`, or what it gave for the same text and version before."""

    def __init__(self, folder: Path, version: str):
        self.folder = folder
        self._prefix = hashlib.sha256(f"{version}\0".encode("utf-8", "surrogatepass"))

    def _file(self, text: str) -> Path:
        digest = self._prefix.copy()
        digest.update(text.encode("utf-8", "surrogatepass"))
        return self.folder / digest.hexdigest()

    def __call__(self, text: str, make: Callable[[str], str]) -> str:
        file = self._file(text)
        kept = _read(file)
        if kept is not None:
            return kept
        made = make(text)
        if _keeping[0]:
            body = made.encode("utf-8", "surrogatepass")
            write_whole(file, b"%d\n%s" % (len(body), body))
        return made


def _read(file: Path) -> str | None:
    """The result kept in `file`: its length, a line break, its bytes; None if there is none whole.
    Marks it used if it was last marked a day ago or more (a write to the disk's metadata: not on
    every read)."""
    try:
        with open(file, "rb") as stream:
            marked = os.fstat(stream.fileno()).st_mtime
            length, _, body = stream.read().partition(b"\n")
        if not (length.isdigit() and int(length) == len(body)):
            return None
        text = body.decode("utf-8", "surrogatepass")
    except (OSError, UnicodeDecodeError):
        return None
    if time.time() - marked >= SWEEP_EVERY_S:
        with contextlib.suppress(OSError):
            os.utime(file)
    return text


def keep_new_results(keep: bool) -> None:
    """Whether what is made from now on is kept (it is read either way): not under `mkdocs serve`,
    whose pages are drafts an editor is still changing; one file for each save would only fill the
    folder, and writing it cost ~4 % of a preview's rebuild."""
    _keeping[0] = keep


_keeping = [True]


def sweep(folder: Path, now: float | None = None) -> int:
    """Remove the entries of `folder` that no build has used for UNUSED_FOR_S, if the last sweep is
    SWEEP_EVERY_S old or more; the number removed."""
    now = time.time() if now is None else now
    stamp = folder / _SWEPT
    try:
        if now - stamp.stat().st_mtime < SWEEP_EVERY_S:
            return 0
    except FileNotFoundError:
        pass
    except OSError:
        return 0
    removed = 0
    if not folder.is_dir():
        return 0
    with contextlib.suppress(OSError), os.scandir(folder) as entries:
        for entry in entries:  # a temporary file left by a killed build too
            if entry.name == _SWEPT:
                continue
            with contextlib.suppress(OSError):
                if now - entry.stat().st_mtime >= UNUSED_FOR_S:
                    os.unlink(entry.path)
                    removed += 1
    write_whole(stamp, b"")
    return removed
