"""The benchmark script runs end to end on a tiny input and prints its table (no timing asserted)."""

from __future__ import annotations

import os
import re
import subprocess
import sys

from conftest import ROOT

SECTIONS = ["1 build", "2 hooks", "3 scaling", "4 preview", "5 weight", "6 lighthouse", "7 setup"]


def test_quick_benchmark_prints_every_section_of_the_table():
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    proc = subprocess.run(
        [sys.executable, str(ROOT / "benchmarks" / "run.py"), "--quick"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert proc.returncode == 0, proc.stdout + proc.stderr
    rows = [line for line in proc.stdout.splitlines() if line.startswith("| ")]
    assert [cell.strip() for cell in rows[0].split("|")[1:4]] == ["section", "figure", "value"]
    sections = {row.split("|")[1].strip() for row in rows[1:]}
    assert set(SECTIONS) <= sections, proc.stdout
    assert any("2 calls/language" in row and re.search(r"CPU \d+\.\d+ s", row) for row in rows), proc.stdout
    assert any("home (it)" in row and "KiB gz" in row for row in rows), proc.stdout
    # The plain baseline is built beside the largest synthetic site and compared with it.
    assert any("plain Material + i18n, 2 calls/language in the nav" in row for row in rows), proc.stdout
    assert any(re.search(r"this site / plain baseline.*= \d+\.\d+", row) for row in rows), proc.stdout
    # ... and without the project's hooks, to show what the hooks add at that size.
    assert any(re.search(r"without the project's hooks.*the hooks add -?\d+\.\d+ s", row) for row in rows), proc.stdout
    for hook in ("hooks/strings_hook.py", "hooks/i18n_hook.py"):
        assert hook in proc.stdout  # the hooks mkdocs.yml lists are the ones measured
