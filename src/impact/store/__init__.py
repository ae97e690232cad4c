"""Persistence: the process-wide store per database (a DuckDB file or a PostgreSQL URL).

`Store` (in `impact.store.core`) holds the connection, the write lock and every write;
`backends` every difference between DuckDB and PostgreSQL;
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

from impact.store.backends import close_pools, is_url, shown_url  # noqa: E402
from impact.store.core import AssessmentInfo, Store  # noqa: E402 - core reads EXAMPLE_DIR late
from impact.store.history import Version  # noqa: E402
from impact.store.items import DeletionImpact  # noqa: E402

__all__ = ["EXAMPLE_DIR", "MIGRATIONS", "AssessmentInfo", "DeletionImpact", "Store",
           "StoreError", "Version", "default_db_path", "forget_store", "get_store", "is_url",
           "restore_backup"]


def default_db_path() -> Path | str:
    """`IMPACT_DB` when set (a file path, or a `postgresql://` URL as it is), else a file
    in the user's data folder."""
    env = os.environ.get("IMPACT_DB")
    if env:
        return env if is_url(env) else Path(env).expanduser()
    return Path(user_data_dir("impactbalans", appauthor=False)) / "impactbalans.duckdb"


def _key(target: str | Path | None) -> Path | str:
    """What a database is known by in this process: a resolved file path, or its URL."""
    target = target or default_db_path()
    return str(target) if is_url(target) else Path(target).expanduser().resolve()


_stores: dict[Path | str, Store] = {}
_stores_lock = threading.Lock()


def restore_backup(backup: str | Path, path: str | Path | None = None) -> Path | None:
    """Put a backup in place of the database (`impact restore`); returns where the
    replaced file was kept. Refused while a process, this one included, has it open."""
    if is_url(path or default_db_path()):
        raise StoreError("store.error.pg_no_backup", url=shown_url(str(path or default_db_path())))
    resolved = Path(path or default_db_path()).expanduser().resolve()
    with _stores_lock:
        if resolved in _stores:
            raise StoreError("store.error.restore_in_use_here", path=str(resolved))
        return dbfile.restore(Path(backup).expanduser(), resolved)


def get_store(path: str | Path | None = None, *, seed: bool = True) -> Store:
    """The process-wide store for a database (one connection or pool per process)."""
    resolved = _key(path)
    with _stores_lock:
        store = _stores.get(resolved)
        if store is None:
            store = Store(resolved)
            _stores[resolved] = store
    if seed and not store.seed_checked:
        store.seed_example_if_empty()
        store.seed_checked = True  # once per process: the check is a query on every page run
    return store


def forget_store(path: str | Path | None = None) -> None:
    """Close this process's store for a database and forget it; on PostgreSQL also every
    other pool this process has open on it (tests, `impact migrate --replace`)."""
    with _stores_lock:
        store = _stores.pop(_key(path), None)
    if store is not None:
        store.close()
    if is_url(path or default_db_path()):
        close_pools(str(path or default_db_path()))
