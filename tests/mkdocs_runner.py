"""`mkdocs build` for the tests, each run in a new process forked from one that has already imported
MkDocs and the libraries the hooks, plugins and Markdown extensions use.

A test build is the real command-line build (`mkdocs build --strict -f … -d …`) in a process of its
own, with its own environment, working folder, arguments and output, as an editor runs it. What the
fork saves is the half second of imports that each of the suite's ~85 builds spent before reading a
file. The project's own code (hooks/, sitekit) is never imported here: each build loads it from the
project it builds, which tests change in their copies. What a library reads from the environment
when it is imported (Babel's default locale from LANG, say) is the test process's, as before: the
builds of a test run get that environment plus their own SITE_* variables. Builds of one test
process share a hash seed.

Run by `RUNNER.run(...)` (tests/sitebuild.py): the first call starts `python tests/mkdocs_runner.py`
for this test process, which then serves one request at a time on its standard input and output.
"""

from __future__ import annotations

import ast
import atexit
import contextlib
import importlib
import importlib.metadata
import json
import os
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


# --- the parent: imports once, forks a child per build ----------------------------------------------


def third_party_imports(root: Path) -> list[str]:
    """The modules the project's Python imports that are neither the standard library nor its own:
    every `import x` and `from x import y` under hooks/, read with `ast` (no project code runs)."""
    own = {path.stem for path in (root / "hooks").iterdir()} | {"sitekit"}
    found: set[str] = set()
    for path in (root / "hooks").rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                found.update(alias.name for alias in node.names)
            elif isinstance(node, ast.ImportFrom) and node.module and not node.level:
                found.add(node.module)
    return sorted(
        name for name in found if name.split(".")[0] not in sys.stdlib_module_names and name.split(".")[0] not in own
    )


def configured_modules(root: Path) -> list[str]:
    """The modules of the plugins, Markdown extensions and theme that mkdocs.yml names."""
    import yaml

    class Loose(yaml.SafeLoader):  # mkdocs.yml's own tags (!ENV, !!python/name) read as plain values
        pass

    Loose.add_multi_constructor("", lambda loader, suffix, node: None)
    config = yaml.load((root / "mkdocs.yml").read_text(encoding="utf-8"), Loose) or {}

    def names(entries) -> list[str]:
        return [next(iter(e)) if isinstance(e, dict) else e for e in entries or [] if e]

    plugins = {ep.name: ep.value.split(":")[0] for ep in importlib.metadata.entry_points(group="mkdocs.plugins")}
    modules = [plugins[name] for name in names(config.get("plugins")) if name in plugins]
    for name in names(config.get("markdown_extensions")):
        modules += [name, f"markdown.extensions.{name}"]
    theme = config.get("theme") or {}
    modules.append(theme.get("name", "mkdocs") if isinstance(theme, dict) else theme)
    return modules


def preload(root: Path) -> None:
    """Import what every build imports first; a name that is not a module here is left out. A
    project that cannot be read (a hook with a syntax error, a broken mkdocs.yml) preloads MkDocs
    alone: its builds then fail with MkDocs' own message, as they would in a fresh process."""
    names = ["mkdocs.__main__", "mkdocs.commands.build"]
    with contextlib.suppress(Exception):
        names += configured_modules(root)
    with contextlib.suppress(Exception):
        names += third_party_imports(root)
    for name in names:
        # not a module (an extension given by its short name), or one that a hook guards
        with contextlib.suppress(Exception):
            importlib.import_module(name)


def run_forked(request: dict) -> int:
    """One `mkdocs <args>` in a child process with the request's environment, folder and output file;
    its exit status as subprocess gives it (negative: the signal that ended it)."""
    pid = os.fork()
    if pid == 0:
        code = 1
        try:
            os.chdir(request["cwd"])
            os.environ.clear()
            os.environ.update(request["env"])
            time.tzset()  # TZ as the request has it
            import mkdocs.__main__

            sys.path[0] = os.getcwd()  # as `python -m mkdocs` run in that folder has them
            sys.argv = [mkdocs.__main__.__file__, *request["args"]]
            null = os.open(os.devnull, os.O_RDONLY)  # the request pipe is the parent's alone
            os.dup2(null, 0)
            out = os.open(request["output"], os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o644)
            os.dup2(out, 1)
            os.dup2(out, 2)
            try:
                mkdocs.__main__.cli.main(args=request["args"], prog_name="mkdocs", standalone_mode=True)
                code = 0
            except SystemExit as stop:
                code = stop.code if isinstance(stop.code, int) else (0 if stop.code is None else 1)
        except BaseException:
            import traceback

            traceback.print_exc()
        finally:
            atexit._run_exitfuncs()  # what the build registered (its clean-up), as at a normal exit
            sys.stdout.flush()
            sys.stderr.flush()
            os._exit(code)
    _, status = os.waitpid(pid, 0)
    return os.waitstatus_to_exitcode(status)


def serve(root: Path) -> None:
    preload(root)
    for line in sys.stdin:
        print(json.dumps({"returncode": run_forked(json.loads(line))}), flush=True)


# --- the test process's side --------------------------------------------------------------------------


class Runner:
    """The test process's handle on its forking parent, started on first use."""

    def __init__(self) -> None:
        self.proc: subprocess.Popen | None = None
        self.lock = threading.Lock()

    def run(self, args: list[str], cwd: Path, env: dict[str, str]) -> tuple[int, str]:
        """`mkdocs <args>` as `subprocess.run([python, -m, mkdocs, *args], cwd, env)` would run it:
        its exit status and everything it printed (standard output and error, interleaved)."""
        with self.lock, tempfile.NamedTemporaryFile("r", encoding="utf-8", suffix=".log") as output:
            if self.proc is None or self.proc.poll() is not None:
                self.proc = subprocess.Popen(
                    [sys.executable, __file__, str(ROOT)],
                    stdin=subprocess.PIPE,
                    stdout=subprocess.PIPE,
                    text=True,
                    env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
                )
            assert self.proc.stdin is not None and self.proc.stdout is not None
            request = {"args": args, "cwd": str(cwd), "env": env, "output": output.name}
            self.proc.stdin.write(json.dumps(request) + "\n")
            self.proc.stdin.flush()
            reply = self.proc.stdout.readline()
            if not reply:
                raise RuntimeError(f"the mkdocs runner ended (exit status {self.proc.wait()})")
            return json.loads(reply)["returncode"], output.read()


RUNNER = Runner()

if __name__ == "__main__":
    serve(Path(sys.argv[1]))
