"""No broken internal link, anchor or asset, with the site at its sub-path (/bandi/) and at a host's root."""
from __future__ import annotations

from pathlib import Path

from conftest import SITE_NOW_DURING_CALL
from linkcheck import broken_links
from sitebuild import build, copy_project
from sitepages import configured_site_url

SITE_URL = configured_site_url()

ROOT_SITE_URL = "https://clust-er.example.org/"


def test_no_broken_internal_link_anchor_or_asset_under_the_sub_path(site_dir):
    broken = broken_links(site_dir, "/bandi/", SITE_URL)
    assert broken == [], "\n".join(map(str, broken))


def test_no_broken_internal_link_anchor_or_asset_at_the_root_of_a_host(tmp_path):
    project = copy_project(tmp_path)
    config = project / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    assert f"site_url: {SITE_URL}\n" in text
    config.write_text(text.replace(f"site_url: {SITE_URL}\n", f"site_url: {ROOT_SITE_URL}\n"), encoding="utf-8")
    result = build(project, tmp_path / "site", site_now=SITE_NOW_DURING_CALL)
    assert result.returncode == 0, result.output
    broken = broken_links(Path(result.site_dir), "/", ROOT_SITE_URL)
    assert broken == [], "\n".join(map(str, broken))
