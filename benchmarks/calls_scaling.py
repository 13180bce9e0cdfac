"""Build time and index page weight as the number of calls grows: prints a table, asserts nothing.

Run: /work/main/.venv/bin/python benchmarks/calls_scaling.py [counts...]   (default 1 50 200)
"""

from __future__ import annotations

import gzip
import sys
import tempfile
import time
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT / "tests"), str(ROOT / "tests" / "build"), str(ROOT / "hooks")]

from sitebuild import build, copy_project  # noqa: E402
from synthetic import call_yaml  # noqa: E402


def main(counts: list[int]) -> None:
    script = ROOT / "docs" / "assets" / "js" / "countdown.js"
    print(f"countdown.js: {script.stat().st_size} B, {len(gzip.compress(script.read_bytes(), 9))} B gzipped")
    print(f"{'calls':>6} {'build s':>8} {'index KiB':>10} {'.ics files':>10}")
    for count in counts:
        with tempfile.TemporaryDirectory() as tmp:
            project = copy_project(Path(tmp))
            for i in range(count - 1):  # plus the real call
                data = call_yaml(f"{2021 + i % 6}-{1 + i % 12:02d}-{10 + i % 18} 12:00", f"Call {i}")
                (project / "data" / "calls" / f"call-{i:04d}.yml").write_text(yaml.safe_dump(data), encoding="utf-8")
            start = time.monotonic()
            result = build(project, Path(tmp) / "site", site_now="2023-06-01T12:00:00+02:00", preloaded=False)
            seconds = time.monotonic() - start
            if result.returncode:
                raise SystemExit(result.output)
            index = (Path(tmp) / "site" / "bandi" / "index.html").stat().st_size / 1024
            ics = len(list((Path(tmp) / "site").rglob("*.ics")))
            print(f"{count:>6} {seconds:>8.2f} {index:>10.1f} {ics:>10}")


if __name__ == "__main__":
    main([int(arg) for arg in sys.argv[1:]] or [1, 50, 200])
