"""The preview's watcher looks at a folder as often as its looks stay cheap, also at folders watched
after the server started (mkdocs.yml's `watch:` list), and never while a rebuild runs."""

from __future__ import annotations

import contextlib
import threading
import time
from typing import Any

import pytest
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


class WatcherThread(threading.Thread):
    """An emitter as watchdog's are: a thread of its own that takes its snapshots."""

    def __init__(self):
        super().__init__(daemon=True)
        self._timeout = 0.5
        self.stopped_event = threading.Event()
        self.looked_at: list[float] = []

    def _take_snapshot(self) -> str:
        return "snapshot"

    def run(self) -> None:
        self._take_snapshot()
        self.looked_at.append(time.monotonic())


def _looks_after(watcher: WatcherThread, limit: float = 5.0) -> list[float]:
    end = time.monotonic() + limit
    while not watcher.looked_at and time.monotonic() < end:
        time.sleep(0.01)
    return watcher.looked_at


def test_the_watcher_does_not_look_while_a_rebuild_runs():
    watcher = pace(WatcherThread())

    def build():
        watcher.start()
        time.sleep(0.3)
        assert watcher.looked_at == [], "the watcher looked while the rebuild ran"
        return time.monotonic()

    session: Any = OneRebuild()  # what `rebuilder` asks of a preview session, no more
    finished = rebuilder(build, session)()
    assert _looks_after(watcher) and watcher.looked_at[0] >= finished  # ... and looks again once it has ended


def test_the_watcher_looks_again_after_a_rebuild_that_failed():
    watcher = pace(WatcherThread())

    def build():
        watcher.start()
        time.sleep(0.2)
        raise RuntimeError("a mistake in a page")

    session: Any = OneRebuild()
    with pytest.raises(RuntimeError):
        rebuilder(build, session)()
    assert _looks_after(watcher)


def test_a_watcher_told_to_stop_does_not_wait_for_the_rebuild():
    watcher = pace(WatcherThread())

    def build():
        watcher.start()
        time.sleep(0.2)
        watcher.stopped_event.set()  # the server shutting down (Ctrl-C) while a rebuild runs
        assert _looks_after(watcher, limit=2.0), "a stopped watcher waited for the rebuild"

    session: Any = OneRebuild()
    rebuilder(build, session)()
