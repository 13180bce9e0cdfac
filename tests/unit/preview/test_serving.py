"""The preview's watcher looks at a folder as often as its looks stay cheap, also at folders watched
after the server started (mkdocs.yml's `watch:` list), and never while a rebuild runs."""

from __future__ import annotations

import contextlib
import threading
import time
from typing import Any

from watchdog.events import FileSystemEventHandler
from watchdog.observers.polling import PollingObserver

from sitekit.preview.serving import LOOK_SHARE, POLL_SECONDS, POLL_SECONDS_LEAST, pace, poll_sooner, rebuilder


class Emitter:
    def __init__(self, cost: float):
        self._timeout = 0.5
        self.cost = cost

    def _take_snapshot(self) -> str:
        end = time.thread_time() + self.cost
        while time.thread_time() < end:  # CPU time, as a walk of a folder spends it
            pass
        return "snapshot"


def test_a_cheap_look_comes_often_and_a_dear_one_seldom():
    cheap, dear = pace(Emitter(0.0)), pace(Emitter(POLL_SECONDS * LOOK_SHARE * 2))
    assert cheap._take_snapshot() == dear._take_snapshot() == "snapshot"
    assert cheap._timeout == POLL_SECONDS_LEAST
    assert dear._timeout == POLL_SECONDS


def test_folders_watched_later_are_paced_too(tmp_path):
    observer = PollingObserver(timeout=0.5)
    first = tmp_path / "docs"
    later = tmp_path / "data"
    first.mkdir()
    later.mkdir()
    observer.schedule(FileSystemEventHandler(), str(first), recursive=True)
    poll_sooner(observer)
    observer.schedule(FileSystemEventHandler(), str(later), recursive=True)
    emitters: list[Any] = list(observer.emitters)
    assert len(emitters) == 2
    for emitter in emitters:
        assert emitter._timeout <= POLL_SECONDS
        emitter._take_snapshot()
        assert emitter._timeout == POLL_SECONDS_LEAST  # an empty folder: the least wait


class OneRebuild:
    """A preview session planning one rebuild of some pages, and nothing after it."""

    class Plan:
        whole, reason = False, ""

    rebuild = ("index.md",)

    def next_plan(self):
        return self.Plan()

    @contextlib.contextmanager
    def clock(self):
        yield

    def finished(self, ok: bool):
        return None


def test_the_watcher_does_not_look_while_a_rebuild_runs():
    emitter = pace(Emitter(0.0))
    looked_at: list[float] = []
    look = emitter._take_snapshot

    def watch():
        look()
        looked_at.append(time.monotonic())

    def build():
        watcher = threading.Thread(target=watch)
        watcher.start()
        time.sleep(0.3)
        assert looked_at == [], "the watcher looked while the rebuild ran"
        return time.monotonic()

    session: Any = OneRebuild()  # what `rebuilder` asks of a preview session, no more
    finished = rebuilder(build, session)()
    watcher_done = time.monotonic() + 5
    while not looked_at and time.monotonic() < watcher_done:
        time.sleep(0.01)
    assert looked_at and looked_at[0] >= finished  # ... and looks again once it has ended
