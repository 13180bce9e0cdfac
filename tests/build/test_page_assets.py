"""What every built page downloads of the site's own: one stylesheet and one script, each made of
the files mkdocs.yml lists, minified and named by their content; and the page itself minified."""

from __future__ import annotations

import hashlib
import re
from pathlib import Path
from urllib.parse import urljoin, urlparse

from mkdocs.utils.yaml import yaml_load

from conftest import ROOT
from sitebuild import build, copy_project, soup
from sitekit.theme.minify import minify_page, minify_text
from sitepages import built_pages, configured_site_url

MATERIAL = ("assets/stylesheets/", "assets/javascripts/")  # the theme's own files, fixed names
BUNDLE = re.compile(r"assets/site\.([0-9a-f]{8})\.(css|js)")


def listed(key: str) -> list[Path]:
    config = yaml_load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"))
    return [ROOT / "docs" / str(entry["path"] if isinstance(entry, dict) else entry) for entry in config[key]]


def site_file(page_path: str, ref: str) -> str:
    """The file, relative to the site root, that `ref` names on the page at `page_path`."""
    root = urlparse(configured_site_url()).path  # "/bandi/": where the 404 page's links start
    return urlparse(urljoin(root + page_path, ref)).path.removeprefix(root)


def assets(page) -> dict[str, list[str]]:
    html = soup(page.file)
    refs = {
        "css": [str(link["href"]) for link in html.select("link[rel=stylesheet]")],
        "js": [str(s["src"]) for s in html.select("script[src]")],
    }
    return {kind: [site_file(page.path, ref) for ref in found] for kind, found in refs.items()}


def test_every_page_loads_one_own_stylesheet_and_one_own_script_named_by_their_content(site_dir):
    seen = set()
    pages = built_pages(site_dir)
    assert any(p.is_404 for p in pages) and any(p.path.startswith("en/") for p in pages)
    for page in pages:
        loaded = assets(page)
        for kind, files in loaded.items():
            own = [f for f in files if not f.startswith(MATERIAL)]
            assert len(own) == 1, (page.path, files)
            match = BUNDLE.fullmatch(own[0])
            assert match and match.group(2) == kind, (page.path, own)
            content = (site_dir / own[0]).read_bytes()
            assert hashlib.sha256(content).hexdigest()[:8] == match.group(1), own[0]
            seen.add(own[0])
        # Material's bundle first, ours after it, as mkdocs.yml lists them after the theme's
        assert loaded["js"][0].startswith("assets/javascripts/bundle.") and BUNDLE.fullmatch(loaded["js"][-1]), (
            page.path
        )
    assert len(seen) == 2  # every language and the 404 page load the same two files


def test_the_bundles_hold_every_listed_source_minified_in_order(site_dir):
    for key, suffix in (("extra_css", "css"), ("extra_javascript", "js")):
        sources = listed(key)
        assert len(sources) >= 2
        [bundle] = site_dir.glob(f"assets/site.*.{suffix}")
        text = bundle.read_text(encoding="utf-8")
        positions = [text.find(minify_text(s.read_text(encoding="utf-8"), s.suffix).strip()) for s in sources]
        assert -1 not in positions, (key, positions)
        assert positions == sorted(positions), key


def test_the_sources_are_not_served_one_by_one(site_dir):
    for source in [*listed("extra_css"), *listed("extra_javascript")]:
        assert not (site_dir / source.relative_to(ROOT / "docs")).exists(), source


def test_every_page_is_served_minified(site_dir):
    for page in built_pages(site_dir):
        text = page.file.read_text(encoding="utf-8")
        assert minify_page(text) == text, page.path


def test_a_listed_file_that_does_not_exist_stops_the_build_naming_it(tmp_path):
    project = copy_project(tmp_path / "project")
    config = project / "mkdocs.yml"
    config.write_text(
        config.read_text(encoding="utf-8").replace(
            "  - assets/css/quality.css\n", "  - assets/css/quality.css\n  - assets/css/missing.css\n", 1
        ),
        encoding="utf-8",
    )
    result = build(project, tmp_path / "site")
    assert result.returncode != 0
    assert "mkdocs.yml: extra_css: 'assets/css/missing.css' is not a file in docs/;" in result.output, result.output


def test_a_relative_url_in_a_stylesheet_stops_the_build_naming_the_file(tmp_path):
    project = copy_project(tmp_path / "project")
    css = project / "docs" / "assets" / "css" / "glossary.css"
    css.write_text(css.read_text(encoding="utf-8") + "\n.x { background: url(icon.svg); }\n", encoding="utf-8")
    result = build(project, tmp_path / "site")
    assert result.returncode != 0
    assert "assets/css/glossary.css: a relative url(...) cannot be bundled" in result.output, result.output


def test_the_theme_stylesheet_leaves_out_only_components_no_page_shows(site_dir):
    """A third of Material's stylesheet styles components this site never turns on (content tabs,
    tags, code annotations...): they are left out, and no page carries a class of one of them."""
    from mkdocs.config import load_config

    from sitekit.theme.unused_css import unused_classes

    config = load_config(str(ROOT / "mkdocs.yml"))
    unused = unused_classes(
        {
            "markdown_extensions": config.markdown_extensions,
            "theme": {"features": config.theme.get("features") or []},
            "plugins": list(config.plugins),
            "extra": config.extra,
        }
    )
    assert "md-tabs" in unused and "md-tooltip" not in unused
    [css] = (site_dir / "assets" / "stylesheets").glob("main.*.min.css")
    theme = next(p for d in config.theme.dirs if (p := Path(d) / "assets" / "stylesheets" / css.name).exists())
    assert css.stat().st_size < theme.stat().st_size * 0.75
    assert ".md-tabs" not in css.read_text(encoding="utf-8") and ".md-tooltip" in css.read_text(encoding="utf-8")
    shown = {
        name for built in built_pages(site_dir) for tag in soup(built.file).select("[class]") for name in tag["class"]
    }
    assert not {name for name in shown if name.startswith(unused)}
