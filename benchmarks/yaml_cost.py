"""What reading hostile YAML costs (issue 18: a 1 KB file never over a second or a few MB): time
and peak memory of sitekit.inputs.yamlfile.parse_yaml on small files built to be expensive.
`python benchmarks/yaml_cost.py` prints one table; each row must stay under 1 s and 5 MB."""

from __future__ import annotations

import sys
import time
import tracemalloc
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "hooks"))

from sitekit.inputs.yamlfile import parse_yaml

LAUGHS = "a: &a [x, x, x, x, x, x, x, x, x]\n" + "".join(
    f"{chr(98 + i)}: &{chr(98 + i)} [{', '.join(['*' + chr(97 + i)] * 9)}]\n" for i in range(9)
)
CASES = {
    "nested aliases (billion laughs)": LAUGHS,
    "self-referencing alias": "a: &a [*a]\n" * 40,
    "deep nesting": "x: " + "[" * 500 + "]" * 500 + "\n",
    "deep block nesting": "".join("  " * i + f"k{i}:\n" for i in range(200)) + "  " * 200 + "v\n",
    "1 KB of plain data": "".join(f"k{i}: [{i}, text {i}]\n" for i in range(60))[:1024].rsplit("\n", 1)[0] + "\n",
    "1 KB of one long line": "a: " + "x" * 1020 + "\n",
}


def main() -> int:
    worst = 0
    print(f"{'input':34} {'bytes':>6} {'seconds':>8} {'peak MB':>8}  result")
    for name, text in CASES.items():
        tracemalloc.start()
        started = time.perf_counter()
        result = parse_yaml(text, "x.yml")
        elapsed = time.perf_counter() - started
        _, peak = tracemalloc.get_traced_memory()
        tracemalloc.stop()
        over = elapsed > 1 or peak > 5_000_000
        worst |= over
        said = str(result).split(": ", 2)[-1][:40] if hasattr(result, "message") else "read"
        print(f"{name:34} {len(text.encode()):>6} {elapsed:>8.3f} {peak / 1e6:>8.2f}  {said}{'  OVER' if over else ''}")
    return 1 if worst else 0


if __name__ == "__main__":
    sys.exit(main())
