"""The Lighthouse benchmark says when Node.js is too old for Lighthouse 13 (22.19 or newer)."""

from __future__ import annotations

import sys

import pytest

from conftest import ROOT

sys.path.insert(0, str(ROOT / "benchmarks"))
from lighthouse import node_too_old


@pytest.mark.parametrize("version", ["v22.19.0", "v22.21.1\n", "v24.11.1", "v25.0.0"])
def test_node_22_19_and_newer_run_lighthouse(version):
    assert node_too_old(version) is None


@pytest.mark.parametrize("version", ["v22.18.0", "v20.19.5", "v18.19.0"])
def test_older_node_is_named_with_the_version_lighthouse_needs(version):
    assert node_too_old(version) == f"Lighthouse needs Node.js 22.19 or newer; this machine has {version}"


def test_the_benchmarks_readme_says_which_node_lighthouse_needs():
    assert "Node.js 22.19 or newer" in (ROOT / "benchmarks" / "README.md").read_text(encoding="utf-8")


def test_the_benchmark_prints_n_a_with_the_reason_when_node_is_too_old(tmp_path, monkeypatch):
    """Lighthouse is optional: an old Node.js is a row saying why, never an error or a failed run."""
    import run  # benchmarks/run.py

    node = tmp_path / "node"
    node.write_text("#!/bin/sh\necho v20.19.5\n", encoding="utf-8")
    node.chmod(0o755)
    monkeypatch.setenv("PATH", f"{tmp_path}:/usr/bin:/bin")
    monkeypatch.setattr(run.shutil, "which", lambda name: "/usr/bin/chromium")
    monkeypatch.setattr(run.Path, "exists", lambda self: True)  # Chromium and lighthouse.py "there"
    [row] = run.lighthouse(ROOT, tmp_path)
    assert row.value == "n/a (Lighthouse needs Node.js 22.19 or newer; this machine has v20.19.5)"
