"""DuckDB persistence: the process-wide store per database file.

`Store` (in `impact.store.core`) holds the connection, the write lock and every write;
`rows` builds table rows and writes them in bulk, `reading` loads, `items` edits single
measures and criteria, `history` records every save. The schema is
`impact.migrations.MIGRATIONS` (also importable from here).
"""

from __future__ import annotations

import os
import threading
from importlib import resources
from pathlib import Path

from platformdirs import user_data_dir

from impact import dbfile
from impact.dbfile import StoreError
from impact.migrations import MIGRATIONS

# The example ships inside the package, so a non-editable install can seed it too.
# (A zipped install is not supported: the example is read as a folder.)
EXAMPLE_DIR = Path(str(resources.files("impact") / "example"))

from impact.store.core import AssessmentInfo, Store  # noqa: E402 - core reads EXAMPLE_DIR late
from impact.store.history import Version  # noqa: E402
from impact.store.items import DeletionImpact  # noqa: E402

__all__ = ["EXAMPLE_DIR", "MIGRATIONS", "AssessmentInfo", "DeletionImpact", "Store",
           "StoreError", "Version", "default_db_path", "get_store", "restore_backup"]


def default_db_path() -> Path:
    """`IMPACT_DB` when set, else a file in the user's data folder."""
    env = os.environ.get("IMPACT_DB")
    if env:
        return Path(env).expanduser()
    return Path(user_data_dir("impactbalans", appauthor=False)) / "impactbalans.duckdb"


_stores: dict[Path, Store] = {}
_stores_lock = threading.Lock()


def restore_backup(backup: str | Path, path: str | Path | None = None) -> Path | None:
    """Put a backup in place of the database (`impact restore`); returns where the
    replaced file was kept. Refused while a process, this one included, has it open."""
    resolved = Path(path or default_db_path()).expanduser().resolve()
    with _stores_lock:
        if resolved in _stores:
            raise StoreError("store.error.restore_in_use_here", path=str(resolved))
        return dbfile.restore(Path(backup).expanduser(), resolved)


_resolved: dict[tuple[str, str], Path] = {}  # (path as given, cwd) -> resolved


def get_store(path: str | Path | None = None, *, seed: bool = True) -> Store:
    """The process-wide store for a database file (one connection per process)."""
    given = (str(path or default_db_path()), os.getcwd())
    # Resolved once per path: resolving costs a syscall per part of the path, and a
    # workshop page asks for the store several times per tap.
    resolved = _resolved.get(given)
    if resolved is None:
        resolved = _resolved.setdefault(given, Path(given[0]).expanduser().resolve())
    with _stores_lock:
        store = _stores.get(resolved)
        if store is None:
            store = Store(resolved)
            _stores[resolved] = store
    if seed and not store.seed_checked:
        store.seed_example_if_empty()
        store.seed_checked = True  # once per process: the check is a query on every page run
    return store
