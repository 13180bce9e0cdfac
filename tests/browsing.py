"""Browser-side helpers for the quality tests: viewports, a recording tab, and in-page measurements."""

from __future__ import annotations

import time
from dataclasses import dataclass, field
from typing import Literal
from urllib.parse import urlsplit

from playwright.sync_api import Browser, BrowserContext, Page, Playwright, Request, Response

from sitepages import BuiltPage

# A phone (iPhone SE) and a desktop window, in CSS pixels.
VIEWPORTS = {"phone": {"width": 375, "height": 667}, "desktop": {"width": 1280, "height": 800}}
# WCAG 1.4.10 reflow: 320 CSS px wide; and a 1280 px window zoomed to 200%.
NARROW = {"320px": ({"width": 320, "height": 640}, 1), "zoom-200%": ({"width": 640, "height": 400}, 2)}
NO_MOTION = "*, *::before, *::after { transition: none !important; animation: none !important; }"
ADD_STYLE_JS = "css => document.head.append(Object.assign(document.createElement('style'), {textContent: css}))"


# Chromium draws its own address bar's suggestions as web pages (chrome://omnibox-popup.top-chrome/
# and its "AI mode" sibling), made ready in a renderer process of their own for every window; headless,
# every tab is a window. Each new tab then cost ~1 s of CPU more, for pages no test looks at (a test's
# tab is a page, never the browser's own interface).
BROWSER_UI_OFF = ["WebUIOmniboxPopup", "WebUIOmniboxAimPopup", "WebUIOmniboxFullPopup"]


def launch_chromium(pw: Playwright, executable: str, args: list[str]) -> Browser:
    """Headless Chromium with Playwright's own switches, less the browser-interface pages of
    BROWSER_UI_OFF. Chromium reads only the last --disable-features it is given, and Playwright
    already passes one, so this one must repeat Playwright's list: a first launch reads it from the
    browser's command line (CDP's Browser.getBrowserCommandLine, which needs --enable-automation)."""
    probe = pw.chromium.launch(executable_path=executable, headless=True, args=[*args, "--enable-automation"])
    try:
        line = probe.new_browser_cdp_session().send("Browser.getBrowserCommandLine")["arguments"]
    finally:
        probe.close()
    [playwrights] = [arg for arg in line if arg.startswith("--disable-features=")]
    features = ",".join(filter(None, [playwrights.removeprefix("--disable-features="), *BROWSER_UI_OFF]))
    return pw.chromium.launch(
        executable_path=executable,
        headless=True,
        ignore_default_args=[playwrights],
        args=[*args, f"--disable-features={features}"],
    )


# True once the search results' list is drawn the same at two looks in a row (page.wait_for_function
# with polling=150): the worker answers the query of each key typed in turn, the last one last.
RESULTS_SETTLED_JS = """() => {
  const list = document.querySelector('.md-search-result__list');
  const drawn = list && list.children.length ? list.innerHTML : null;
  const same = drawn !== null && drawn === window.__resultsLastSeen;
  window.__resultsLastSeen = drawn;
  return same;
}"""


# After the load event the site's pages request a few more files (the search worker and its index,
# the sitemap behind the language selector, the favicon), each starting within tens of milliseconds
# of the one before. Playwright's "networkidle" waits for 500 ms without a request, page after page
# (the suite visits some 300); "settled" waits for QUIET_S.
QUIET_S = 0.15
SETTLE_LIMIT_S = 15.0
Wait = Literal["commit", "domcontentloaded", "load", "networkidle", "settled"]


def goto(page: Page, url: str, wait: Wait = "load") -> Response | None:
    """`page.goto(url)`; with wait="settled", then until no request has been in flight for QUIET_S."""
    if wait != "settled":
        return page.goto(url, wait_until=wait)
    in_flight: set[Request] = set()
    last_change = [time.monotonic()]

    def started(request: Request) -> None:
        in_flight.add(request)
        last_change[0] = time.monotonic()

    def ended(request: Request) -> None:
        in_flight.discard(request)
        last_change[0] = time.monotonic()

    listeners = {"request": started, "requestfinished": ended, "requestfailed": ended}
    for event, listener in listeners.items():
        page.on(event, listener)  # type: ignore[call-overload]
    try:
        response = page.goto(url, wait_until="load")
        limit = time.monotonic() + SETTLE_LIMIT_S
        while in_flight or (quiet_left := QUIET_S - (time.monotonic() - last_change[0])) > 0:
            if time.monotonic() > limit:  # as networkidle would, the test fails
                waiting = sorted(request.url for request in in_flight) or "requests that keep starting"
                raise TimeoutError(f"{url} never went quiet in {SETTLE_LIMIT_S:.0f} s: {waiting}")
            # Lets Playwright deliver the events meanwhile: in steps of 20 ms while a request is in
            # flight, else at once for what is left of the quiet time (each wait is a round trip to
            # Playwright's driver; a request that starts meanwhile moves last_change, and the loop waits on).
            page.wait_for_timeout(20 if in_flight else max(1.0, quiet_left * 1000))
    finally:
        for event, listener in listeners.items():
            page.remove_listener(event, listener)
    return response


@dataclass
class Tab:
    """One browser tab that records what each page load prints to the console and requests."""

    page: Page
    console: list[str] = field(default_factory=list)
    requests: list[str] = field(default_factory=list)
    origins: set[str] = field(default_factory=set)  # every origin it requested from, to clear on close

    def close(self) -> None:
        close_tab(self.page, self.origins)

    def open(self, url: str, wait: Wait = "load") -> None:
        self.console.clear()
        self.requests.clear()
        response = goto(self.page, url, wait)
        assert response is not None and response.ok, f"{url}: HTTP {response and response.status}"
        # Checks read the page at rest: no element half-way through a fade or a slide. (Not
        # add_style_tag: that first injects Playwright's own script into the page, 0.05 s of CPU
        # per visit, a quarter of it.)
        self.page.evaluate(ADD_STYLE_JS, NO_MOTION)


def tab_until(page: Page, focused_js: str, presses: int) -> bool:
    """Press Tab, as a keyboard user does, until `focused_js` (an expression on `el`, the focused
    element) holds: True once it does, False after `presses` presses without."""
    for _ in range(presses):
        page.keyboard.press("Tab")
        if page.evaluate(f"(el => {focused_js})(document.activeElement)"):
            return True
    return False


# Browser contexts kept open for the whole run, one per set of options. A page opened in a context
# of its own starts cold: every script and stylesheet fetched and compiled again, ~1 s of CPU more
# than the same page in a context that has loaded the site once (0.35 s), as a reader's second page
# is. Tests take a tab in a warm context (new_tab, conftest's `page`) and close it with close_tab,
# which clears what its pages stored (local and session storage, cookies, IndexedDB): the next test
# finds the cache warm and nothing else. A test that needs a context of its own (a
# faked clock, which Playwright installs per context; a touch screen) still makes one.
_WARM: dict[tuple[int, tuple], BrowserContext] = {}
STORAGE = "cookies,local_storage,indexeddb,cache_storage,service_workers,file_systems,websql,shared_storage"


def warm_context(browser, **options) -> BrowserContext:
    """The run's context for `browser` with these options (Browser.new_context's), made on first use."""
    key = (id(browser), tuple(sorted((name, repr(value)) for name, value in options.items())))
    context = _WARM.get(key)
    if context is None or context not in browser.contexts:
        context = _WARM[key] = browser.new_context(**options)
    return context


# A new tab costs ~0.34 s of CPU more than a page loaded in a tab already open (a renderer to start, the
# site's scripts compiled again): ~100 tabs, a tenth of the suite's browser time. close_tab therefore
# keeps a tab of a warm context for the next test of the same context (take_tab), once it is as a new
# one would be: about:blank loaded, what its pages stored cleared (session storage too), every listener
# given to it (by take_tab or its test, page.on) removed, the mouse moved off the page, no key held
# and Playwright's records of its console and errors cleared (not `page.requests()`: no test reads it;
# nor the back/forward history, which no test walks). A tab whose test changed it in a way that
# outlives a page (an init script, a route, an emulated media, its own viewport: TAB_CHANGES) is
# closed instead.
_IDLE: dict[int, list[Page]] = {}  # id(context): tabs ready to be taken again
TAB_CHANGES = (
    "add_init_script",
    "add_locator_handler",
    "emulate_media",
    "expose_binding",
    "expose_function",
    "once",
    "route",
    "route_from_har",
    "route_web_socket",
    "set_default_navigation_timeout",
    "set_default_timeout",
    "set_extra_http_headers",
    "set_viewport_size",
)


def take_tab(context: BrowserContext, listeners: dict[str, list] | None = None) -> Page:
    """A tab of `context`: one a finished test left (close_tab), or a new one; `listeners`
    ({event: [handler]}) are given to it, and removed again when it is closed."""
    idle = _IDLE.get(id(context), [])
    page = None
    while idle and page is None:
        candidate = idle.pop()
        page = None if candidate.is_closed() else candidate
    if page is None:
        page = context.new_page()
        for name in TAB_CHANGES:  # a test calling one of these makes the tab its own
            setattr(page, name, _marking_changed(page, getattr(page, name)))
        page.on = _removed_on_close(page, page.on)  # type: ignore[method-assign]
    page._listeners = listeners or {}  # type: ignore[attr-defined]
    for event, handlers in page._listeners.items():  # type: ignore[attr-defined]
        for handler in handlers:
            Page.on(page, event, handler)
    page._changed = False  # type: ignore[attr-defined]
    return page


def _marking_changed(page: Page, method):
    def call(*args, **kwargs):
        page._changed = True  # type: ignore[attr-defined]
        return method(*args, **kwargs)

    return call


def _removed_on_close(page: Page, on):
    def listen(event, handler):
        page._listeners.setdefault(event, []).append(handler)  # type: ignore[attr-defined]
        return on(event, handler)

    return listen


def close_tab(page: Page, origins: set[str]) -> None:
    """Done with a tab of a warm context: what its pages stored for each of `origins` cleared, then
    kept for the next test (take_tab) or, if its test changed it (TAB_CHANGES) or it was not taken
    with take_tab, closed."""
    if page.is_closed():
        return
    reusable = getattr(page, "_changed", True) is False
    if reusable:  # first away from the test's page, which could still store something as it goes
        page.goto("about:blank")
    cdp = page.context.new_cdp_session(page)
    for origin in sorted(origins):
        # "local_storage" also clears the tab's session storage, which outlives its pages
        # (test_tabs_taken_again.py checks that it does)
        cdp.send("Storage.clearDataForOrigin", {"origin": origin, "storageTypes": STORAGE})
    cdp.detach()
    if not reusable:
        page.close()
        return
    for event, handlers in page._listeners.items():  # type: ignore[attr-defined]
        for handler in handlers:
            page.remove_listener(event, handler)
    # Off the page: nothing hovered on the next test's pages. Chromium drops the hover on a navigation
    # today (without this line the check in test_tabs_taken_again.py still passes); kept for a browser
    # that would carry it, which that check would then catch.
    page.mouse.move(-1, -1)
    for key in ("Shift", "Control", "Alt", "Meta"):  # no key left held down
        page.keyboard.up(key)
    page.clear_console_messages()  # Playwright's own records of the tab's pages
    page.clear_page_errors()
    _IDLE.setdefault(id(page.context), []).append(page)


def origin_of(url: str) -> str | None:
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.netloc}" if parts.scheme in ("http", "https") else None


def new_tab(browser, viewport: dict, scale: float = 1) -> Tab:
    """A new tab in the run's warm context for this viewport and scale; `tab.close()` when done."""
    context = warm_context(
        browser, viewport=viewport, device_scale_factor=scale, locale="it-IT", timezone_id="Europe/Rome"
    )
    console: list[str] = []
    requests: list[str] = []
    origins: set[str] = set()
    page = take_tab(
        context,
        {
            "console": [
                lambda msg: (
                    console.append(f"console.{msg.type}: {msg.text}")
                    if msg.type in ("error", "warning", "assert")
                    else None
                )
            ],
            "pageerror": [lambda error: console.append(f"uncaught: {error}")],
            "request": [
                lambda request: requests.append(request.url),
                lambda request: origins.update(filter(None, [origin_of(request.url)])),
            ],
        },
    )
    return Tab(page, console, requests, origins)


def url_of(served_site, built: BuiltPage) -> str:
    return served_site.url + built.path


# The elements a keyboard user must be able to reach: visible, enabled, in the tab order.
FOCUSABLE_JS = """() => {
  const selector = 'a[href], button:not([disabled]), input:not([disabled]):not([type=hidden]), select, textarea, summary, [tabindex]';
  return [...document.querySelectorAll(selector)].filter(el => {
    if (el.tabIndex < 0 || el.closest('[inert], [hidden]')) return false;
    if (el.matches('input[type=checkbox].md-toggle')) return false;  // Material's CSS toggles, hidden by design
    if (!el.checkVisibility({checkOpacity: true, checkVisibilityCSS: true})) return false;
    const box = el.getBoundingClientRect();
    const width = document.documentElement.clientWidth;
    return box.width > 0 && box.height > 0 && box.right > 0 && box.left < width;
  }).map((el, index) => { el.dataset.qualityIndex = index; return index; });
}"""

# What the focused element looks like: which one it is, whether it is on screen, and its focus ring.
FOCUSED_JS = """() => {
  const el = document.activeElement;
  if (!el || el === document.body) return null;
  const box = el.getBoundingClientRect();
  const style = getComputedStyle(el);
  const ring = (style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) > 0) || style.boxShadow !== 'none';
  return {
    index: el.dataset.qualityIndex ?? null,
    html: el.outerHTML.slice(0, 120),
    onScreen: box.width > 0 && box.height > 0 && box.bottom > 0 && box.right > 0 &&
              box.top < innerHeight && box.left < document.documentElement.clientWidth &&
              el.checkVisibility({checkOpacity: true, checkVisibilityCSS: true}),
    ring,
  };
}"""

# Content that sticks out of the window or is clipped, at the current width.
OVERFLOW_JS = """() => {
  const width = document.documentElement.clientWidth;
  const problems = [];
  if (document.documentElement.scrollWidth > width + 1)
    problems.push(`the page scrolls sideways: ${document.documentElement.scrollWidth} px wide in a ${width} px window`);
  const scrolls = el => { for (let p = el.parentElement; p; p = p.parentElement) {
      const o = getComputedStyle(p).overflowX; if (o === 'auto' || o === 'scroll') return true; } return false; };
  // Cheap tests first: the walk up the ancestors (scrolls) only for an element that looks wrong.
  for (const el of document.querySelectorAll('.md-header *, .md-content *, .md-footer *')) {
    const box = el.getBoundingClientRect();
    if (box.width === 0 || box.height === 0) continue;
    const sticksOut = box.right > width + 1 || box.left < -1;
    const cutsOff = el.closest('.md-content') && ['hidden', 'clip'].includes(getComputedStyle(el).overflowX)
        && el.scrollWidth > el.clientWidth + 1 && el.textContent.trim();
    if (!(sticksOut || cutsOff) || !el.checkVisibility({checkVisibilityCSS: true}) || scrolls(el)) continue;
    if (sticksOut)
      problems.push(`${el.tagName.toLowerCase()}.${el.className} sticks out (${Math.round(box.left)}..${Math.round(box.right)} px)`);
    if (cutsOff)
      problems.push(`${el.tagName.toLowerCase()}.${el.className} cuts off its text`);
  }
  return problems;
}"""


# Installed before any script of the page: every violation the browser reports, as text.
RECORD_VIOLATIONS = """window.__violations = [];
document.addEventListener('securitypolicyviolation',
  e => window.__violations.push(e.violatedDirective + ' ' + (e.blockedURI || 'inline')));"""
