"""Bundling and minifying change bytes, not the site: in Chromium every page reads, behaves and looks
the same as in a build without hooks/assets_hook.py (each source file served as written, pages as
the theme writes them)."""

from __future__ import annotations

import io

import pytest
from PIL import Image, ImageChops

from browsing import goto
from conftest import SITE_NOW_DURING_CALL
from sitebuild import SubPathServer, build, copy_project
from sitepages import built_pages

pytestmark = pytest.mark.browser

HOOK_LINE = "  - hooks/assets_hook.py"
# What a reader gets from a page once its scripts ran: the text as laid out, the title, every
# element with its attributes (but the stylesheets and scripts, which bundling merges, and the
# Content-Security-Policy, whose hashes are of the scripts as each build writes them), and the
# exact text of preformatted blocks and inline scripts and data.
READ_PAGE = """() => [
  document.body.innerText,
  document.title,
  [...document.querySelectorAll('*')]
    .filter(e => !e.matches('link[rel=stylesheet], script[src], meta[http-equiv=Content-Security-Policy]'))
    .map(e => e.tagName + ' ' + [...e.attributes].map(a => a.name + '=' + a.value).sort().join(' ')),
  [...document.querySelectorAll('pre, script:not([src])')].map(e => e.textContent),
]"""


@pytest.fixture(scope="module")
def plain_site(tmp_path_factory):
    """The real site built as of the same moment without the bundling and minifying hook."""
    project = copy_project(tmp_path_factory.mktemp("plain-project"))
    config = project / "mkdocs.yml"
    lines = config.read_text(encoding="utf-8").splitlines(keepends=True)
    kept = [line for line in lines if not line.startswith(HOOK_LINE)]
    assert len(kept) == len(lines) - 1
    config.write_text("".join(kept), encoding="utf-8")
    result = build(project, tmp_path_factory.mktemp("plain-site"), site_now=SITE_NOW_DURING_CALL)
    assert result.returncode == 0, result.output
    return result.site_dir


def test_every_page_reads_and_looks_the_same_as_without_bundling_and_minifying(browser, site_dir, plain_site):
    every = built_pages(site_dir)
    assert {p.path for p in every} == {p.path for p in built_pages(plain_site)}
    # Every page of the default language (every template and every kind of content), and the
    # other languages' home and call pages: the bundles are the same for every page.
    default = next(p.lang for p in every if p.path == "")
    pages = [p for p in every if p.lang == default or p.path.rstrip("/").count("/") in (0, 2)]
    assert len(every) > len(pages) > len(every) / 2
    assert len(list(plain_site.glob("assets/site.*"))) == 0  # the comparison is with the plain build
    with SubPathServer(site_dir) as small, SubPathServer(plain_site) as plain:
        tab = browser.new_page(viewport={"width": 375, "height": 800})
        for page in pages:
            seen = []
            for server in (small, plain):
                # settled: Material sets some attributes late (a title on clipped nav labels)
                goto(tab, server.url + page.path, "settled")
                # The day a page last changed comes from git, which the plain build's copy has not;
                # the addresses links print on paper are absolute, with each server's port.
                tab.evaluate(
                    "document.querySelectorAll('.page-updated').forEach(e => e.remove());"
                    "document.querySelectorAll('[data-print-href]').forEach(e => e.removeAttribute('data-print-href'))"
                )
                seen.append((tab.evaluate(READ_PAGE), tab.screenshot(full_page=True, animations="disabled")))
            small_read, plain_read = seen[0][0], seen[1][0]
            assert small_read == plain_read, (
                page.path,
                [x for x in small_read[2] if x not in plain_read[2]][:5],
                [x for x in plain_read[2] if x not in small_read[2]][:5],
            )
            assert same_picture(seen[0][1], seen[1][1]), f"{page.path}: the screenshots differ"
        tab.close()


def same_picture(one: bytes, other: bytes) -> bool:
    """The same picture to a reader: the same size, and no pixel off by more than one level of 255 in
    any channel. Chromium's antialiasing of a rounded border can round one level apart between two
    loads of the same layout (seen on the call's page list in December 2026); a moved or changed
    element differs by far more."""
    a, b = (Image.open(io.BytesIO(png)).convert("RGB") for png in (one, other))
    if a.size != b.size:
        return False
    extrema: tuple[tuple[int, int], ...] = ImageChops.difference(a, b).getextrema()  # type: ignore[assignment]  # RGB: one (low, high) per channel; Pillow's stub also allows a single band's
    return max(high for _low, high in extrema) <= 1
