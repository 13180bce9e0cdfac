"""Every built page is valid HTML for the W3C Nu HTML checker (one Java run over all pages)."""

from __future__ import annotations

import json
import subprocess

from lastcheck import record
from sitebuild import html_pages
from tools import java, vnu_jar


def test_nu_html_checker_reports_no_error_on_any_page(site_dir):
    pages = html_pages(site_dir)
    assert len(pages) > 10
    run = subprocess.run(
        [java(), "-jar", str(vnu_jar()), "--errors-only", "--format", "json", *map(str, pages)],
        capture_output=True,
        text=True,
    )
    messages = json.loads(run.stderr or run.stdout)["messages"]
    errors = [
        f"{m.get('url', '').removeprefix('file:' + str(site_dir))}:{m.get('lastLine', '?')}: {m['message']}"
        for m in messages
        if m["type"] in ("error", "non-document-error")
    ]
    version = subprocess.run([java(), "-jar", str(vnu_jar()), "--version"], capture_output=True, text=True).stdout
    record(
        "nu-html-checker", version.split()[0] if version.split() else "?", len(pages), len(errors)
    )  # what this run found, passed or not
    assert errors == [], "\n".join(errors)
    assert run.returncode == 0, run.stderr
