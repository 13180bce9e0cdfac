"""External programs the checks need (Java, the npm tools): found, or a clear skip locally and a failure in CI."""
from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from sitebuild import ROOT

NODE_MODULES = ROOT / "node_modules"
VNU_JAR = NODE_MODULES / "vnu-jar" / "build" / "dist" / "vnu.jar"


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
    return path


def vnu_jar() -> Path:
    require(VNU_JAR.is_file(), "the W3C Nu HTML checker (npm vnu-jar)", "run `npm ci` in the project folder")
    return VNU_JAR
