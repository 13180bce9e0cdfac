"""Run `mkdocs build` as an editor would, measuring wall time, MkDocs' own time and peak memory."""

from __future__ import annotations

import os
import re
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

# The build clock is fixed so that every run computes the same statuses (DESIGN.md, SITE_NOW).
SITE_NOW = "2020-11-20T12:00:00+01:00"
_BUILT_IN = re.compile(r"Documentation built in ([0-9.]+) seconds")


def build_environment() -> dict[str, str]:
    """The environment of a build as an editor's machine or CI runs it. Python keeps the compiled
    hooks (__pycache__) as it does there, even where PYTHONDONTWRITEBYTECODE is set (this
    sandbox sets it): else every timed build would compile the hooks' modules again (~30 ms)."""
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "SITE_NOW": SITE_NOW}
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    return env


@dataclass
class BuildRun:
    ok: bool
    wall: float  # seconds, process start to exit (what an editor waits for)
    built_in: float  # seconds, MkDocs' own "Documentation built in" (no start-up, no imports)
    cpu: float  # seconds of CPU (user + system): less sensitive to a busy machine
    max_rss_kib: int  # peak resident memory of the build process
    pages: int  # HTML files written
    output: str


def build(project: Path, site_dir: Path, strict: bool = True, config_file: Path | None = None) -> BuildRun:
    """Build `project` into `site_dir` in a child process and measure it."""
    config = config_file or project / "mkdocs.yml"
    cmd = [sys.executable, "-m", "mkdocs", "build", "-f", str(config), "-d", str(site_dir)]
    if strict:
        cmd.append("--strict")
    env = build_environment()
    with tempfile.TemporaryFile("w+", encoding="utf-8") as log:
        start = time.perf_counter()
        proc = subprocess.Popen(cmd, cwd=project, env=env, stdout=log, stderr=subprocess.STDOUT)
        # wait4 gives the child's own resource usage (its peak RSS), which Popen.wait does not.
        _, status, usage = os.wait4(proc.pid, 0)
        wall = time.perf_counter() - start
        proc.returncode = os.waitstatus_to_exitcode(status)
        log.seek(0)
        output = log.read()
    found = _BUILT_IN.search(output)
    pages = sum(1 for _ in site_dir.rglob("*.html")) if site_dir.exists() else 0
    return BuildRun(
        ok=proc.returncode == 0,
        wall=wall,
        built_in=float(found.group(1)) if found else wall,
        cpu=usage.ru_utime + usage.ru_stime,
        max_rss_kib=usage.ru_maxrss,
        pages=pages,
        output=output,
    )


def without_hooks(config_text: str) -> str:
    """The MkDocs configuration with its top-level `hooks:` list removed, everything else kept."""
    return "".join(line for line, in_hooks in _hooks_block(config_text) if not in_hooks)


def listed_hooks(config_text: str) -> list[str]:
    """The hook files the top-level `hooks:` list names, in order."""
    return [
        line.split("#", 1)[0].strip().removeprefix("-").strip()
        for line, in_hooks in _hooks_block(config_text)
        if in_hooks and line.strip().startswith("-")
    ]


def _hooks_block(config_text: str):
    """Each line of the configuration, with whether it belongs to the top-level `hooks:` list
    (a line-based cut keeps the rest byte for byte, MkDocs' own YAML tags included)."""
    inside = False
    for line in config_text.splitlines(keepends=True):
        if line.startswith("hooks:"):
            inside = True
        elif inside and not (line.startswith((" ", "\t", "-")) or not line.strip()):
            inside = False
        yield line, inside


STUB_HOOK = Path(__file__).resolve().parent / "hookless_stub.py"


def write_hookless_config(project: Path) -> Path:
    """A sibling of `project`/mkdocs.yml (same folder, so relative paths hold) whose hooks are
    replaced by a stub that lets templates render without the values the hooks provide."""
    target = project / "mkdocs.nohooks.yml"
    text = without_hooks((project / "mkdocs.yml").read_text(encoding="utf-8"))
    target.write_text(text.rstrip("\n") + f"\n\nhooks:\n  - {STUB_HOOK}\n", encoding="utf-8")
    return target
