"""Write each requirement of generated requirements files on one line: `name==version --hash=...`.

`uv pip compile --generate-hashes` puts each hash on a continuation line of its own; pip and uv read
both forms, but tools that read a requirements file line by line (checks of pins, scanners) take a
`--hash=` line for an unpinned requirement. Comments (the header, `# via`) stay as they are.
Usage: python tools/one_line_requirements.py requirements.txt [more files]
"""

from __future__ import annotations

import sys
from pathlib import Path


def one_line(text: str) -> str:
    """`text` with every backslash continuation joined to the line it continues."""
    out: list[str] = []
    pending = ""
    for line in text.splitlines():
        stripped = line.strip()
        if pending:
            pending += " " + stripped.removesuffix("\\").strip()
            if not stripped.endswith("\\"):
                out.append(pending)
                pending = ""
        elif stripped.endswith("\\") and not stripped.startswith("#"):
            pending = stripped.removesuffix("\\").strip()
        else:
            out.append(line)
    if pending:
        out.append(pending)
    return "\n".join(out) + "\n"


def main(paths: list[str]) -> None:
    for name in paths:
        path = Path(name)
        path.write_text(one_line(path.read_text(encoding="utf-8")), encoding="utf-8")


if __name__ == "__main__":
    main(sys.argv[1:])
