"""Shared fixtures: the real site built once per run (once for all xdist workers), served under a
sub-path, and Chromium."""

from __future__ import annotations

import contextlib
import os
import sys
import threading
import time
from pathlib import Path

import pytest
from _pytest.pathlib import LOCK_TIMEOUT, cleanup_numbered_dir

import sitebuild
from browsing import close_tab, launch_chromium, origin_of, take_tab, warm_context
from lastcheck import write_pending
from sitebuild import ROOT, build, built_once, compile_hooks, shared_served_build, shared_tmp

CHROMIUM = "/usr/bin/chromium"
# Built as of a fixed moment, so that the tests read the same site on any day.
SITE_NOW_DURING_CALL = "2020-11-20T12:00:00+01:00"
SITE_NOW_AFTER_CALL = "2026-11-26T09:00:00+01:00"
# The suite runs on GitHub Actions too, where the builds of the broken copies that tests make would
# otherwise annotate the pull request and fill its job summary. Tests of those set them themselves.
for _name in ("GITHUB_ACTIONS", "GITHUB_STEP_SUMMARY"):
    os.environ.pop(_name, None)
# The run's processes keep the bytecode of what they compile, as Python does by default, even where
# PYTHONDONTWRITEBYTECODE is set (this sandbox sets it): the build runners, `mkdocs serve`,
# tools/new_call.py and the other programs the tests start then read the libraries' bytecode that the
# first of them wrote, instead of each compiling them again (MkDocs and its plugins: ~1 s of CPU).
os.environ.pop("PYTHONDONTWRITEBYTECODE", None)
sys.dont_write_bytecode = False
# Editors read the messages in the site's default language (Italian); the tests read them in the
# source language of the catalogues, English, and so do the builds they start. The tests of the
# messages' language (tests/unit/test_messages.py, the mistakes corpus in test_editor_errors.py,
# test_new_call.py) set SITE_MESSAGES themselves or remove it.
os.environ["SITE_MESSAGES"] = "en"
# Every copy of the project the tests build shares one cache (sitekit.inputs.cachedir): the trimmed theme
# stylesheet, compiled templates and drawn cards, each keyed by what it was made from, are made once
# for the suite instead of once per copy.
os.environ.setdefault("SITEKIT_CACHE", str(ROOT / ".cache"))
# ...and the hooks compiled once (sitebuild.compile_hooks), which every copy keeps.
sitebuild.COPY_BYTECODE = True
LOCALES = ["it", "en"]
PREFIX = {"it": "", "en": "en/"}


# Parallel workers take whole test files in this order (pytest.ini: --no-loadscope-reorder): the browser
# files first, the longest, then the builds, then the quick checks, which fill in at the end, so that
# no worker is left alone with a long file while the other has nothing to do.
WORK_ORDER = ["browser", "build", "ci", "unit"]


def pytest_collection_modifyitems(items) -> None:
    def rank(item) -> int:
        parts = item.path.relative_to(ROOT / "tests").parts if item.path.is_relative_to(ROOT / "tests") else ()
        return WORK_ORDER.index(parts[0]) if parts and parts[0] in WORK_ORDER else len(WORK_ORDER)

    items.sort(key=rank)  # stable: each file's tests keep their order


def pytest_sessionstart(session) -> None:
    compile_hooks()  # in each process of the run: the first writes, the others find them current
    _start_shared_builds(session)


def _start_shared_builds(session) -> None:
    """Under pytest-xdist, the controller has nothing to do while its workers start and collect: it
    builds the shared real sites meanwhile (`served_site`, then `site_dir`, each under its lock as the
    fixtures build it), so that the first tests find them built, and no worker waits idle for another
    to build them. Only for runs that take the browser or build tests by folder (`make test`)."""
    config = session.config
    if hasattr(config, "workerinput") or not config.pluginmanager.hasplugin("dsession"):
        return
    factory = getattr(config, "_tmp_path_factory", None)  # pytest's own; xdist reads it the same way
    if factory is None or not _runs_real_site_tests(config):
        return
    base = factory.getbasetemp()  # each worker's basetemp is a folder in it: this is their shared_tmp()
    threading.Thread(target=_build_shared_sites, args=(base,), name="shared-sites", daemon=True).start()
    threading.Thread(target=_remove_old_runs, args=(config, base), name="old-runs", daemon=True).start()


def _remove_old_runs(config, base: Path) -> None:
    """pytest removes the temporary folders of the runs before the last `tmp_path_retention_count`
    when a run ends, after its last test: a whole run's folders (built sites, copies of the project)
    kept the end of each run waiting ~10 s. The controller removes them at the start instead, with
    pytest's own function and rule, while its workers start; at the end pytest finds them gone."""
    if config.option.basetemp:  # a folder the run was given, not one of pytest's numbered ones
        return
    keep = 0 if config.getini("tmp_path_retention_policy") == "none" else int(config.getini("tmp_path_retention_count"))
    cleanup_numbered_dir(base.parent, "pytest-", keep, time.time() - LOCK_TIMEOUT)


def _runs_real_site_tests(config) -> bool:
    """Whether the run's paths take tests/browser or tests/build as a whole (not single files)."""
    for arg in config.args:
        path = (config.invocation_params.dir / arg.split("::")[0]).resolve()
        for folder in (ROOT / "tests" / "browser", ROOT / "tests" / "build"):
            if path.is_dir() and (folder.is_relative_to(path) or path.is_relative_to(folder)):
                return True
    return False


def _build_shared_sites(base: Path) -> None:
    # A failed build leaves nothing (built_once): the fixture then builds again and fails with its message.
    with contextlib.suppress(Exception):
        shared_served_build(base / "served-site", SITE_NOW_DURING_CALL)
        built_once(base / "site", _build_real_site)


def pytest_sessionfinish(session) -> None:
    """At the end of the whole run (on the controller, not on each xdist worker), the quality
    checks' records go into data/quality/last-check.yml (tests/lastcheck.py)."""
    if not hasattr(session.config, "workerinput"):
        write_pending()


def _build_real_site(out: Path) -> str:
    result = build(ROOT, out, site_now=SITE_NOW_DURING_CALL)
    assert result.returncode == 0, result.output
    return str(out)


@pytest.fixture(scope="session")
def site_dir(tmp_path_factory) -> Path:
    """The real site, built strict as of a day when the call was open. Tests only read it."""
    return Path(built_once(shared_tmp(tmp_path_factory) / "site", _build_real_site))


@pytest.fixture(scope="session")
def served_site(tmp_path_factory):
    """The real site on http://127.0.0.1:<port>/bandi/, as a GitHub Pages project site, built
    for that address, as of a day when the call was open. Tests only read it."""
    return shared_served_build(shared_tmp(tmp_path_factory) / "served-site", SITE_NOW_DURING_CALL)


@pytest.fixture(scope="session")
def browser():
    """Headless Debian Chromium. In CI (CI=true) a missing browser is a failure, never a skip."""
    if not Path(CHROMIUM).exists():
        if os.environ.get("CI"):
            pytest.fail(f"{CHROMIUM} is missing: .ci/run must install Debian's chromium")
        pytest.skip(f"browser tests need Debian's chromium at {CHROMIUM} (apt install chromium)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        chromium = launch_chromium(
            pw,
            CHROMIUM,
            [
                "--no-sandbox",
                "--disable-gpu",
                "--disable-quic",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
            ],
        )
        yield chromium
        chromium.close()


@pytest.fixture
def page(browser, served_site):
    """A browser tab that records console messages and every request it makes, in the run's warm
    context (browsing.warm_context), as good as new (browsing.take_tab); what its pages stored is cleared
    after the test. Not for a faked clock, which Playwright installs on the whole context
    (test_countdown.py has its own)."""
    console: list = []
    requests: list[str] = []
    tab = take_tab(
        warm_context(browser, locale="it-IT", timezone_id="Europe/Rome"),
        {"console": [lambda msg: console.append(msg)], "request": [lambda req: requests.append(req.url)]},
    )
    tab.console_messages_seen, tab.requests_seen = console, requests  # type: ignore[attr-defined]  # as record_page
    yield tab
    close_tab(tab, {origin for url in requests if (origin := origin_of(url))})


def record_page(tab):
    """`tab`, recording its console messages and requests (console_messages_seen, requests_seen)."""
    tab.console_messages_seen = []
    tab.requests_seen = []
    tab.on("console", lambda msg: tab.console_messages_seen.append(msg))
    tab.on("request", lambda req: tab.requests_seen.append(req.url))
    return tab
