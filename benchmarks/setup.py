"""Set-up from nothing: `make site` (or `make test`) in a fresh clone, with empty package caches, from
the package index.

Usage: python benchmarks/setup.py [--test] [--keep]
  prints the seconds; the targets on 2 cores: `make site` 60 s, `make test` (--test) 240 s.
Clones the committed HEAD (uncommitted changes are not measured), so commit first. `make test` needs
what `.ci/run` installs from Debian (Chromium, Java, Node.js, the fonts).
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from machine import speed_line

ROOT = Path(__file__).resolve().parent.parent
TARGET_S = {"site": 60.0, "test": 240.0}


def fresh_make(target: str = "site", root: Path = ROOT, keep: bool = False) -> tuple[float, str]:
    """Seconds that `make <target>` takes in a fresh clone of `root` (no venv, no package cache), and
    its output."""
    work = Path(tempfile.mkdtemp(prefix=f"site-{target}-"))
    try:
        clone = work / "clone"
        subprocess.run(["git", "clone", "--quiet", "--no-hardlinks", str(root), str(clone)], check=True)
        env = {k: v for k, v in os.environ.items() if k not in ("VIRTUAL_ENV", "SITE_NOW", "SITE_URL")}
        # Empty caches of pip's, uv's and npm's own, and no wheel left from an earlier run: everything
        # comes from the registries.
        env |= {
            "PIP_CACHE_DIR": str(work / "pip-cache"),
            "PIP_NO_CACHE_DIR": "1",
            "UV_CACHE_DIR": str(work / "uv-cache"),
            "npm_config_cache": str(work / "npm-cache"),
            "NO_MKDOCS_2_WARNING": "1",
            "CI": "true",
        }
        start = time.monotonic()
        run = subprocess.run(["make", target], cwd=clone, env=env, capture_output=True, text=True)
        took = time.monotonic() - start
        if run.returncode:
            raise RuntimeError(f"`make {target}` failed in a fresh clone:\n{run.stdout[-4000:]}{run.stderr[-4000:]}")
        return took, run.stdout + run.stderr
    finally:
        if keep:
            print(f"(kept {work})", file=sys.stderr)
        else:
            shutil.rmtree(work, ignore_errors=True)


def main(argv: list[str]) -> int:
    target = "test" if "--test" in argv else "site"
    print(f"before: {speed_line()}", flush=True)
    took, _ = fresh_make(target, keep="--keep" in argv)
    print(f"after: {speed_line()}")
    print(f"make {target} from a fresh clone, empty package caches: {took:.1f} s (target <= {TARGET_S[target]:.0f} s)")
    return 0 if took <= TARGET_S[target] else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
