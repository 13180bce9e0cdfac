"""The offline link checker finds each kind of broken link and accepts good ones."""
from pathlib import Path

from linkcheck import broken_links


def write(root: Path, rel: str, body: str) -> None:
    (root / rel).parent.mkdir(parents=True, exist_ok=True)
    (root / rel).write_text(f"<!doctype html><html><head></head><body>{body}</body></html>", encoding="utf-8")


def small_site(root: Path) -> Path:
    write(root, "index.html", '<a href="guide/">guide</a> <a href="guide/#start">start</a> '
          '<link rel="stylesheet" href="assets/site.css"> <a href="https://example.org/x">out</a> '
          '<a href="https://example.net/bandi/guide/">own host</a> <a href="#top">top</a><h1 id="top">Home</h1>')
    write(root, "guide/index.html", '<h1 id="start">Guide</h1><a href="../">home</a><img src="../assets/logo.png" alt="">'
          '<a href="/bandi/guide/">rooted</a>')
    (root / "assets").mkdir()
    (root / "assets/site.css").write_text("")
    (root / "assets/logo.png").write_bytes(b"")
    return root


def test_a_site_whose_links_all_resolve_has_no_broken_link(tmp_path):
    assert broken_links(small_site(tmp_path), "/bandi/", "https://example.net/bandi/") == []


def test_missing_page_missing_anchor_and_missing_asset_are_each_reported(tmp_path):
    site = small_site(tmp_path)
    write(site, "other/index.html", '<a href="../nowhere/">x</a><a href="../guide/#finish">y</a>'
          '<script src="../assets/app.js"></script><a href="https://example.net/bandi/gone/">z</a>')
    found = {(b.page, b.url): b.reason for b in broken_links(site, "/bandi/", "https://example.net/bandi/")}
    assert found == {
        ("/bandi/other/", "../nowhere/"): "no such page or file",
        ("/bandi/other/", "../guide/#finish"): "no element with id 'finish'",
        ("/bandi/other/", "../assets/app.js"): "no such page or file",
        ("/bandi/other/", "https://example.net/bandi/gone/"): "no such page or file",
    }


def test_a_root_relative_link_breaks_when_the_site_moves_to_another_base(tmp_path):
    site = small_site(tmp_path)
    assert [str(b) for b in broken_links(site, "/")] == ["/guide/: /bandi/guide/ (no such page or file)"]
