"""The offline link checker on a tiny hand-made site."""

from __future__ import annotations

from sitekit.publish.linkcheck import broken_links


def make_site(root, files: dict[str, str]):
    for name, text in files.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    return root


def test_relative_links_assets_and_fragments_that_exist_are_fine(tmp_path):
    site = make_site(
        tmp_path,
        {
            "index.html": '<a href="a/">a</a><a href="a/#top">top</a><img srcset="i.png 1x, i.png 2x"><a href="mailto:x@y.z">m</a>',
            "a/index.html": '<h1 id="top">A</h1><link href="../style.css" rel="stylesheet"><a href="https://other.example/">x</a>',
            "style.css": "",
            "i.png": "",
        },
    )
    assert broken_links(site, "/sub/") == []


def test_missing_file_missing_fragment_and_root_absolute_path_are_reported(tmp_path):
    site = make_site(
        tmp_path,
        {
            "index.html": '<a href="gone/">g</a><a href="a/#nowhere">n</a><script src="/app.js"></script>',
            "a/index.html": "<h1>A</h1>",
            "app.js": "",
        },
    )
    reasons = sorted(b.reason.split(" ")[0] for b in broken_links(site, "/sub/"))
    assert reasons == ["leaves", "no", "no"]


def test_site_url_links_in_feeds_sitemaps_json_and_robots_are_checked(tmp_path):
    site = make_site(
        tmp_path,
        {
            "index.html": "<h1>home</h1>",
            "sitemap.xml": '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"><url><loc>https://s.example/sub/missing/</loc></url></urlset>',
            "calls.atom": '<feed xmlns="http://www.w3.org/2005/Atom"><link href="https://s.example/sub/"/></feed>',
            "calls.json": '{"pages": {"it": "https://s.example/sub/gone/"}, "other": "https://elsewhere.example/"}',
            "robots.txt": "User-agent: *\nSitemap: https://s.example/sub/sitemap.xml\n",
        },
    )
    broken = {(b.source, b.url) for b in broken_links(site, "/sub/", "https://s.example/sub/")}
    assert broken == {("sitemap.xml", "https://s.example/sub/missing/"), ("calls.json", "https://s.example/sub/gone/")}


def test_404_page_needs_links_that_work_from_any_address(tmp_path):
    site = make_site(
        tmp_path,
        {
            "404.html": '<link rel="stylesheet" href="style.css"><a href="/sub/">home</a>'
            '<a href="#it">skip</a><section id="it"></section><a href="#gone">x</a>',
            "style.css": "",
            "index.html": "",
        },
    )
    assert [b.url for b in broken_links(site, "/sub/")] == ["style.css", "#gone"]
