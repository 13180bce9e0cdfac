"""Every Python package the project installs is pinned (==) with the hashes of its files, in files
generated from short lists of direct dependencies: requirements.txt alone holds the whole build (what
`make site` installs), each package once, so that a fresh set-up installs what the tests passed with."""

from __future__ import annotations

import re
import sys
from importlib import metadata

import pytest
from packaging.requirements import Requirement
from packaging.utils import canonicalize_name

from sitebuild import ROOT

REQUIREMENTS = ["requirements-setup.txt", "requirements.txt", "requirements-test.txt"]
PIN = re.compile(r"^([A-Za-z0-9][A-Za-z0-9._-]*)==([^\s;\\]+)")
HASH = re.compile(r"--hash=sha256:[0-9a-f]{64}")


def entries(name: str, here_only: bool = False) -> list[tuple[str, str, list[str]]]:
    """(package, version, hashes) for every requirement of the file, continuation lines joined;
    `here_only`: only those whose environment marker holds on this machine."""
    text = (ROOT / name).read_text(encoding="utf-8").replace("\\\n", " ")
    found: list[tuple[str, str, list[str]]] = []
    for line in text.splitlines():
        requirement_text = line.split("--hash", 1)[0].split("#", 1)[0].strip()
        if not requirement_text:
            continue
        requirement = Requirement(requirement_text)
        match = PIN.match(requirement_text)
        assert match and len(requirement.specifier) == 1, f"{name}: {requirement_text!r} is not pinned with =="
        if here_only and requirement.marker is not None and not requirement.marker.evaluate():
            continue
        found.append((canonicalize_name(requirement.name), match[2], HASH.findall(line)))
    return found


def pins(name: str, here_only: bool = False) -> dict[str, str]:
    listed = entries(name, here_only)
    names = [package for package, _, _ in listed]
    assert len(names) == len(set(names)), f"{name}: pinned twice: {sorted({n for n in names if names.count(n) > 1})}"
    return {package: version for package, version, _ in listed}


def needed_by(package: str) -> set[str]:
    """What the installed `package` requires on this machine (extras left out)."""
    needed: set[str] = set()
    for text in metadata.requires(package) or []:
        requirement = Requirement(text)
        if requirement.marker is None or requirement.marker.evaluate({"extra": ""}):
            needed.add(canonicalize_name(requirement.name))
    return needed


def unpinned_needs(pinned: dict[str, str]) -> dict[str, str]:
    return {need: package for package in pinned for need in needed_by(package) if need not in pinned}


def test_the_build_and_everything_it_needs_is_pinned_in_requirements_txt_alone():
    # `make site` installs requirements.txt and nothing else: what MkDocs needs at run time
    # (packaging, pathspec) must be there, not only in the tests' file.
    runtime = pins("requirements.txt")
    assert {"mkdocs", "packaging", "pathspec"} <= set(runtime)
    assert unpinned_needs(runtime) == {}, "pin these in requirements.in's resolution (needed by)"


@pytest.mark.parametrize("name", REQUIREMENTS)
def test_every_pin_carries_the_hashes_of_its_files(name):
    listed = entries(name)
    assert listed and all(hashes for _, _, hashes in listed), [p for p, _, h in listed if not h]


def test_the_tests_install_the_build_at_the_same_versions_and_files():
    runtime = {p: (v, sorted(h)) for p, v, h in entries("requirements.txt")}
    test = {p: (v, sorted(h)) for p, v, h in entries("requirements-test.txt")}
    assert {p: test.get(p) for p in runtime} == runtime


def test_make_installs_with_hashes_required():
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    installs = [line for line in makefile.splitlines() if re.search(r"(pip|UV_INSTALL\)) .*-r requirements", line)]
    assert installs and all("--require-hashes" in line or "UV_INSTALL)" in line for line in installs), installs
    assert re.search(r"^UV_INSTALL := .*--require-hashes", makefile, re.MULTILINE)


def test_every_package_and_what_it_needs_is_pinned_at_the_installed_version():
    pinned = {p: v for name in REQUIREMENTS for p, v in pins(name, here_only=True).items()}
    assert unpinned_needs(pinned) == {}
    wrong = {
        name: (version, metadata.version(name)) for name, version in pinned.items() if metadata.version(name) != version
    }
    assert wrong == {}, f"pinned, installed: {wrong} (run make test again to install the pins)"


@pytest.mark.parametrize("name", REQUIREMENTS)
def test_every_line_of_a_requirements_file_is_a_comment_or_a_whole_pinned_requirement(name):
    """Read line by line, as scanners and quick checks read it, no line is a bare --hash= or a
    package without == (make requirements joins uv's continuation lines: tools/one_line_requirements.py)."""
    for line in (ROOT / name).read_text(encoding="utf-8").splitlines():
        text = line.strip()
        if text and not text.startswith("#"):
            assert PIN.match(text) and HASH.search(text) and not text.endswith("\\"), (
                f"{name}: {text[:80]!r}: run `make requirements` (it keeps every pin; a Dependabot pull request "
                "writes uv's continuation lines) and commit the files"
            )


def test_joining_continuation_lines_keeps_comments_and_every_hash():
    sys.path.insert(0, str(ROOT / "tools"))
    from one_line_requirements import one_line

    text = "# header\nabc==1.0 \\\n    --hash=sha256:aa \\\n    --hash=sha256:bb\n    # via x\nd==2 ; os_name == 'nt' \\\n    --hash=sha256:cc\n"
    assert one_line(text) == (
        "# header\nabc==1.0 --hash=sha256:aa --hash=sha256:bb\n    # via x\nd==2 ; os_name == 'nt' --hash=sha256:cc\n"
    )
