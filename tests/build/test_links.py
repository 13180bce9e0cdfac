"""No broken internal link, anchor or asset at a host's root (the sub-path case is in
test_publish_subpath_links.py): the same offline crawler, a second build with another site_url."""

from __future__ import annotations

from pathlib import Path

from conftest import ROOT, SITE_NOW_DURING_CALL
from sitebuild import build
from sitekit.publish.linkcheck import broken_links

ROOT_SITE_URL = "https://clust-er.example.org/"


def test_no_broken_internal_link_anchor_or_asset_at_the_root_of_a_host(tmp_path):
    result = build(ROOT, tmp_path / "site", site_now=SITE_NOW_DURING_CALL, extra_env={"SITE_URL": ROOT_SITE_URL})
    assert result.returncode == 0, result.output
    broken = broken_links(Path(result.site_dir), "/", ROOT_SITE_URL)
    assert broken == [], "\n".join(map(str, broken))
