"""Every page, both languages, on a desktop: axe-core finds nothing, no third-party request, a quiet
console, Tab reaches every control with the focus shown (tests in axe_suite.py)."""

from __future__ import annotations

import pytest

from axe_suite import *  # noqa: F403 (the tests and fixtures of axe_suite, run at VIEWPORT)

pytestmark = pytest.mark.browser
VIEWPORT = "desktop"
