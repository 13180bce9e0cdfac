"""`mkdocs serve` says what `mkdocs build` says: a rebuild that cannot read mkdocs.yml (a tab, a broken
quote) prints MkDocs' message as the build does, without the Python traceback of its rebuild loop."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from mkdocs.exceptions import Abort, ConfigurationError


def rebuild_as_the_build_says(builder: Callable[..., Any]) -> Callable[..., Any]:
    """`builder` (the live-reload server's), whose configuration errors end as the build's do: the
    server prints an Abort's message alone (it is a SystemExit), then "An error happened during the
    rebuild", and keeps watching."""

    def rebuild(*args: Any, **kwargs: Any) -> Any:
        try:
            return builder(*args, **kwargs)
        except ConfigurationError as err:
            raise Abort(f"Error: {err}") from None

    return rebuild
