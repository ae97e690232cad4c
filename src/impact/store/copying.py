"""Copy a DuckDB database into PostgreSQL (`impact migrate --from FILE --to URL`).

Both ends are opened as stores first, so both have the current schema (the file is
migrated, with its backup, as any open does). Then every table of the file is copied
row for row, ids included, in one transaction on the target, and each sequence is set
past the highest id the file ever handed out, so what is added later does not collide.
A target that holds anything is refused unless `replace` is asked for.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from impact.dbfile import StoreError
from impact.store.backends import Cursor, is_url, shown_url
from impact.store.core import Store

_CHUNK = 10_000  # rows read from the file at a time


@dataclass(frozen=True)
class Copied:
    """What a copy wrote: rows per table, and how many assessments."""

    rows: dict[str, int]
    assessments: int


def copy_to_postgres(source: str | Path, target: str, *, replace: bool = False) -> Copied:
    """Copy the DuckDB file `source` into the PostgreSQL database `target`."""
    if is_url(source):
        raise StoreError("store.error.migrate_source", source=shown_url(str(source)))
    if not is_url(target):
        raise StoreError("store.error.migrate_target", target=str(target))
    path = Path(source).expanduser()
    if not path.is_file():
        raise StoreError("store.error.migrate_no_source", source=str(path))
    files, database = Store(path), None
    try:
        database = Store(target)
        tables = _tables(files.cursor())
        with database.transaction() as cur:
            _refuse_or_empty(cur, tables, database.shown, replace)
            rows = {table: _copy_table(files.cursor(), cur, table) for table in tables}
            _set_sequences(files.cursor(), cur)
        return Copied(rows, rows.get("assessments", 0))
    finally:
        files.close()
        if database is not None:
            database.close()


def _tables(cur: Cursor) -> list[str]:
    """The file's tables but the schema's own bookkeeping (the target keeps its own)."""
    rows = cur.execute(
        "SELECT table_name FROM information_schema.tables WHERE table_schema = "
        "current_schema() AND table_type = 'BASE TABLE' AND table_name <> 'schema_version' "
        "ORDER BY table_name").fetchall()
    return [r[0] for r in rows]


def _refuse_or_empty(cur: Cursor, tables: list[str], shown: str, replace: bool) -> None:
    counts = {t: cur.execute(f"SELECT count(*) FROM {t}").fetchone()[0]  # noqa: S608
              for t in tables}
    if not any(counts.values()):
        return
    if not replace:
        raise StoreError("store.error.migrate_not_empty", target=shown,
                         count=counts.get("assessments", 0),
                         sessions=counts.get("workshop_sessions", 0))
    for table in tables:
        cur.execute(f"DELETE FROM {table}")  # noqa: S608 - the schema's own names


def _copy_table(source: Cursor, target: Cursor, table: str) -> int:
    columns = [r[0] for r in source.execute(
        "SELECT column_name FROM information_schema.columns WHERE table_name = ? "
        "AND table_schema = current_schema() ORDER BY ordinal_position", [table]).fetchall()]
    source.execute(f"SELECT {', '.join(columns)} FROM {table}")  # noqa: S608
    count = 0

    def rows() -> Iterator[tuple]:
        nonlocal count
        while chunk := source.fetchmany(_CHUNK):
            count += len(chunk)
            yield from chunk

    target.copy(table, columns, rows())
    return count


def _set_sequences(source: Cursor, target: Cursor) -> None:
    """Each sequence goes on after the last value the file handed out (a deleted
    assessment's id is not given again, as in the file)."""
    for name, last in source.execute(
            "SELECT sequence_name, last_value FROM duckdb_sequences()").fetchall():
        if last is not None:
            target.execute("SELECT setval(?, ?)", [name, int(last)])
