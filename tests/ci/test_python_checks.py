"""The project's Python (hooks, tools, benchmarks, tests) passes ruff's lint, its format check and
mypy with the settings in pyproject.toml: `make lint` runs the same three, `make lint-fix` fixes
what ruff can."""

from __future__ import annotations

import subprocess
import sys

import pytest

from sitebuild import ROOT

CHECKS = {
    "ruff check": ["-m", "ruff", "check", "--output-format", "concise"],
    "ruff format --check": ["-m", "ruff", "format", "--check", "--output-format", "concise"],
    "mypy": ["-m", "mypy"],
}


@pytest.mark.parametrize("name", CHECKS)
def test_the_python_code_passes(name):
    proc = subprocess.run([sys.executable, *CHECKS[name]], cwd=ROOT, capture_output=True, text=True, timeout=600)
    assert proc.returncode == 0, (
        f"{name} found problems (fix: make lint-fix, then by hand):\n{proc.stdout}{proc.stderr}"
    )


def test_ruff_refuses_naive_dates_and_times():
    # "now" is the build clock (SITE_NOW); the machine's local date is a bug waiting for a UTC runner.
    code = "from datetime import date, datetime\n\nprint(date.today(), datetime.now())\n"
    proc = subprocess.run(
        [sys.executable, "-m", "ruff", "check", "--output-format", "concise", "--stdin-filename", "hooks/sitekit/x.py"],
        input=code,
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert proc.returncode == 1 and "DTZ011" in proc.stdout and "DTZ005" in proc.stdout, proc.stdout
