"""Every Python package the project installs is pinned (==) in a requirements file, the packages it
needs in turn included, so that a fresh set-up installs what the tests passed with."""

from __future__ import annotations

import re
from importlib import metadata

from packaging.requirements import Requirement
from packaging.utils import canonicalize_name

from sitebuild import ROOT

REQUIREMENTS = ["requirements-setup.txt", "requirements.txt", "requirements-test.txt"]
PIN = re.compile(r"^([A-Za-z0-9][A-Za-z0-9._-]*)==(\S+)")


def pins() -> dict[str, str]:
    found: dict[str, str] = {}
    for name in REQUIREMENTS:
        for line in (ROOT / name).read_text(encoding="utf-8").splitlines():
            line = line.split("#", 1)[0].strip()
            if not line or line.startswith("-r "):
                continue
            match = PIN.match(line)
            assert match, f"{name}: {line!r} is not pinned with =="
            found[canonicalize_name(match[1])] = match[2]
    return found


def needed_by(package: str) -> set[str]:
    """What the installed `package` requires on this machine (extras left out)."""
    needed: set[str] = set()
    for text in metadata.requires(package) or []:
        requirement = Requirement(text)
        if requirement.marker is None or requirement.marker.evaluate({"extra": ""}):
            needed.add(canonicalize_name(requirement.name))
    return needed


def test_every_package_and_what_it_needs_is_pinned_at_the_installed_version():
    pinned = pins()
    unpinned = {need: package for package in pinned for need in needed_by(package) if need not in pinned}
    assert unpinned == {}, f"pin these in {REQUIREMENTS[1]} (needed by): {unpinned}"
    wrong = {
        name: (version, metadata.version(name)) for name, version in pinned.items() if metadata.version(name) != version
    }
    assert wrong == {}, f"pinned, installed: {wrong} (run make test again to install the pins)"
