"""The DuckDB file itself: opening it with clear failures, backups next to it, restore.

A failure of the file (damaged, held by another process, written by a newer version of
the app) becomes a `StoreError` that says which, so nobody is sent hunting for a lock
that is not there. Backups are copies `<name>.backup-YYYYMMDD-HHMMSS.duckdb` beside the
database (the newest `KEEP` are kept): once a day at the first open, before
migrations, and on demand (`impact backup`). Restore puts one back while no process has
the database open.
"""

from __future__ import annotations

import os
import re
import shutil
from datetime import date, datetime
from pathlib import Path

import duckdb

from impact.errors import UserError

KEEP = 7
_STAMP = "%Y%m%d-%H%M%S"
# DuckDB's file starts with three 4 KiB headers; the blocks follow.
_HEADER_BYTES = 3 * 4096
_LOCK = re.compile(r"Conflicting lock is held in (?P<process>.+?) \(PID (?P<pid>\d+)\)")
_DAMAGE = ("not a valid DuckDB database file", "Could not read enough bytes", "corrupt")


class StoreError(UserError):
    """A store operation that cannot be done; `key` (`store.error.*`) gives the message."""


def wal_path(db: Path) -> Path:
    return db.with_name(db.name + ".wal")


# --- opening ---------------------------------------------------------------------

def connect(path: Path) -> duckdb.DuckDBPyConnection:
    """A connection to `path`, or a StoreError saying whether it is locked or damaged."""
    try:
        return duckdb.connect(str(path))
    except duckdb.Error as exc:
        raise open_error(path, exc) from None


def open_error(path: Path, exc: BaseException) -> StoreError:
    """The StoreError for a failure to open or read the database file."""
    text = str(exc)
    lock = _LOCK.search(text)
    if lock:
        return StoreError("store.error.locked_by", path=str(path), process=lock["process"],
                          pid=lock["pid"])
    if isinstance(exc, duckdb.IOException) and not any(d in text for d in _DAMAGE):
        return StoreError("store.error.cannot_open", path=str(path), error=text)
    return damaged(path, text)


def damaged(path: Path, error: str) -> StoreError:
    """The file is damaged: say so, and name the newest backup when there is one."""
    backup = newest_backup(path)
    if backup is None:
        return StoreError("store.error.damaged", path=str(path), error=error)
    return StoreError("store.error.damaged_backup", path=str(path), error=error,
                      backup=str(backup))


def check_size(conn: duckdb.DuckDBPyConnection, path: Path) -> None:
    """A truncated file opens, and fails only on the first read of a missing block:
    compare its size with the blocks DuckDB says it has."""
    block_size, total_blocks = conn.execute(
        "SELECT block_size, total_blocks FROM pragma_database_size()"
    ).fetchone()
    expected = _HEADER_BYTES + int(block_size) * int(total_blocks)
    size = path.stat().st_size
    if size < expected:
        raise damaged(path, f"{size} bytes, {expected} expected (the file is truncated)")


def refuse_newer(path: Path, found: int, known: int) -> None:
    if found > known:
        raise StoreError("store.error.newer_schema", path=str(path), found=found, known=known)


# --- backups ---------------------------------------------------------------------

def backup_path(db: Path, when: datetime) -> Path:
    return db.with_name(f"{db.stem}.backup-{when:{_STAMP}}{db.suffix or '.duckdb'}")


def backups(db: Path) -> list[Path]:
    """The backups of `db`, oldest first."""
    pattern = re.compile(re.escape(db.stem) + r"\.backup-\d{8}-\d{6}"
                         + re.escape(db.suffix or ".duckdb"))
    if not db.parent.is_dir():
        return []
    return sorted(p for p in db.parent.iterdir() if pattern.fullmatch(p.name))


def newest_backup(db: Path) -> Path | None:
    found = backups(db)
    return found[-1] if found else None


def has_backup_of(db: Path, day: date) -> bool:
    return any(f".backup-{day:%Y%m%d}-" in p.name for p in backups(db))


def write_backup(conn: duckdb.DuckDBPyConnection, db: Path,
                 now: datetime | None = None) -> Path:
    """Copy the database `conn` has open to a new backup and drop all but the newest `KEEP`.

    DuckDB copies it (the caller holds the write lock, so the copy is one consistent
    state): copying the file from this process would close a descriptor of it, and that
    drops the lock DuckDB holds on it (POSIX locks are per process), letting another
    process open the same file.
    """
    target = backup_path(db, now or datetime.now())
    partial = target.with_name(target.name + ".partial")
    for leftover in (partial, wal_path(partial)):
        leftover.unlink(missing_ok=True)
    try:
        source = conn.execute("SELECT current_database()").fetchone()[0]
        conn.execute(f"ATTACH {_literal(partial)} AS impact_backup")
        try:
            conn.execute(f"COPY FROM DATABASE {_identifier(source)} TO impact_backup")
        finally:
            conn.execute("DETACH impact_backup")
    except duckdb.Error as exc:
        partial.unlink(missing_ok=True)
        raise StoreError("store.error.copy_failed", source=str(db), target=str(target),
                         error=str(exc)) from None
    os.replace(partial, target)
    for old in backups(db)[:-KEEP]:
        old.unlink(missing_ok=True)
    return target


def _literal(path: Path) -> str:
    return "'" + str(path).replace("'", "''") + "'"


def _identifier(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def copy_database(source: Path, target: Path) -> None:
    """Copy a database file no process has open (and its WAL, if any) atomically."""
    for src, dst in ((source, target), (wal_path(source), wal_path(target))):
        if src.exists():
            partial = dst.with_name(dst.name + ".partial")
            try:
                shutil.copyfile(src, partial)
            except OSError as exc:
                partial.unlink(missing_ok=True)
                raise StoreError("store.error.copy_failed", source=str(src), target=str(dst),
                                 error=exc.strerror or str(exc)) from None
            os.replace(partial, dst)
        else:
            dst.unlink(missing_ok=True)


def restore(backup: Path, db: Path, now: datetime | None = None) -> Path | None:
    """Put `backup` in place of `db`; returns where the replaced database was kept.

    Refused while another process has `db` open, and when the backup is not a readable
    DuckDB file. The replaced file is kept aside (`<name>.before-restore-...`), not
    overwritten, so a restore can be undone.
    """
    if not backup.is_file():
        raise StoreError("store.error.no_backup", backup=str(backup))
    try:
        duckdb.connect(str(backup), read_only=True).close()
    except duckdb.Error as exc:
        raise StoreError("store.error.bad_backup", backup=str(backup), error=str(exc)) from None
    if db.exists():
        _refuse_if_open(db)
    kept = None
    if db.exists():
        kept = db.with_name(f"{db.stem}.before-restore-{now or datetime.now():{_STAMP}}"
                            f"{db.suffix or '.duckdb'}")
        copy_database(db, kept)
    copy_database(backup, db)
    return kept


def _refuse_if_open(db: Path) -> None:
    try:
        duckdb.connect(str(db)).close()
    except duckdb.Error as exc:
        lock = _LOCK.search(str(exc))
        if lock:  # a damaged database is what a restore is for: only a lock stops it
            raise StoreError("store.error.restore_in_use", path=str(db),
                             process=lock["process"], pid=lock["pid"]) from None
