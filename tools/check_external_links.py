"""Optional check of the links to other sites (uses the network; not part of `make test`).

    python tools/check_external_links.py   # every link, its status, where it is written and confirmed
Exit status 1 when a link does not answer or answers with an error.
"""

from __future__ import annotations

import argparse
import sys
import urllib.error
import urllib.request
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "hooks"))

from sitekit.publish.external_links import collect_external_links  # noqa: E402

HEADERS = {"User-Agent": "Mozilla/5.0 (link check of the Clust-ER calls site)"}


def status_of(url: str, timeout: float) -> str:
    """ "200", "404", or why there was no answer. Some servers refuse HEAD: then GET."""
    for method in ("HEAD", "GET"):
        try:
            with urllib.request.urlopen(
                urllib.request.Request(url, method=method, headers=HEADERS), timeout=timeout
            ) as answer:
                return str(answer.status)
        except urllib.error.HTTPError as err:
            if method == "HEAD" and err.code in (403, 405, 501):
                continue
            return str(err.code)
        except (urllib.error.URLError, TimeoutError, OSError) as err:
            return f"no answer ({getattr(err, 'reason', err)})"
    return "no answer"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--timeout", type=float, default=20.0, help="seconds to wait for each site")
    args = parser.parse_args(argv)
    links = collect_external_links(ROOT)
    with ThreadPoolExecutor(max_workers=8) as pool:
        statuses = dict(zip(links, pool.map(lambda url: status_of(url, args.timeout), links), strict=True))
    broken = 0
    for url, status in statuses.items():
        fine = status.isdigit() and int(status) < 400
        broken += not fine
        print(f"{'ok    ' if fine else 'BROKEN'} {status:>4}  {url}")
        for place in links[url]:  # where to fix it, and where the data says it was confirmed
            print(f"              written in {place}")
    print(f"{len(links)} links checked, {broken} broken.")
    return 1 if broken else 0


if __name__ == "__main__":
    sys.exit(main())
