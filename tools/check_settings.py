"""The site's settings (mkdocs.yml and SITE_URL) checked before MkDocs reads them.

MkDocs and its plugins check some settings before any of the project's hooks can run, and stop in
English with their own words (a tab in mkdocs.yml, no language with `default: true`). `make site` and
`make serve` run this first, so that editors read the message the build gives for every other
mistake: in the site's language, as file:line: field, and on GitHub as an annotation. It reads no
page; `mkdocs build` checks everything again, with the pages and data.

    python tools/check_settings.py [mkdocs.yml]
"""

from __future__ import annotations

import os
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "hooks"))

from sitekit.checks.github import report_on_github  # noqa: E402
from sitekit.checks.validation import validate_settings  # noqa: E402
from sitekit.messages import use_site_language  # noqa: E402
from sitekit.problems import SiteDataError  # noqa: E402

# The theme's language, found even in a file the YAML reader cannot read (the messages' language).
_THEME_LANGUAGE = re.compile(r"^\s+language:\s*[\"']?([A-Za-z_-]+)", re.MULTILINE)


def site_language(mkdocs_yml: Path) -> str | None:
    """The first `language:` setting of `mkdocs_yml` (the theme's), read line by line."""
    try:
        match = _THEME_LANGUAGE.search(mkdocs_yml.read_text(encoding="utf-8", errors="replace"))
    except OSError:
        return None
    return match.group(1) if match else None


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    mkdocs_yml = Path(args[0] if args else "mkdocs.yml")
    use_site_language(site_language(mkdocs_yml))
    try:
        validate_settings(mkdocs_yml, os.environ)
    except SiteDataError as err:
        print(err, file=sys.stderr)
        report_on_github(err.problems, os.environ, sys.stdout)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
