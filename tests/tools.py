"""External programs the checks need (Java, the npm tools): found, or a clear skip locally and a failure in CI."""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path

import pytest

from sitebuild import ROOT

NODE_MODULES = ROOT / "node_modules"
VNU_JAR = NODE_MODULES / "vnu-jar" / "build" / "dist" / "vnu.jar"
AXE_JS = NODE_MODULES / "axe-core" / "axe.min.js"


def require(found: bool, what: str, how: str) -> None:
    """Skip with `how` on a developer's machine; fail in CI (CI set), where `.ci/run` installs it."""
    if found:
        return
    if os.environ.get("CI"):
        pytest.fail(f"{what} is missing in CI: {how} (.ci/run should have done it)")
    pytest.skip(f"{what} is missing: {how}")


def java() -> str:
    path = shutil.which("java")
    require(path is not None, "Java (for the W3C Nu HTML checker)", "apt install default-jre-headless")
    assert path is not None  # require() stopped the test otherwise
    return path


def vnu_jar() -> Path:
    require(VNU_JAR.is_file(), "the W3C Nu HTML checker (npm vnu-jar)", "run `npm ci` in the project folder")
    return VNU_JAR


def axe_js() -> Path:
    """axe-core as pinned in package-lock.json."""
    require(AXE_JS.is_file(), "axe-core (npm axe-core)", "run `npm ci` in the project folder")
    return AXE_JS


def locked_npm_version(package: str) -> str:
    """The version of an npm package that package-lock.json pins."""
    lock = json.loads((ROOT / "package-lock.json").read_text(encoding="utf-8"))
    return lock["packages"][f"node_modules/{package}"]["version"]
