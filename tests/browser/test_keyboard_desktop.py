"""Keyboard alone on a desktop: the tests of keyboard_suite.py at the desktop's viewport (the walk
with Tab through every page is in the page visits of axe_suite.py)."""

from __future__ import annotations

import pytest

from keyboard_suite import *  # noqa: F403 (the tests and fixtures of keyboard_suite, run at VIEWPORT)

pytestmark = pytest.mark.browser
VIEWPORT = "desktop"
