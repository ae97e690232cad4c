"""The two databases behind the store, and every difference between them.

`IMPACT_DB` is a file path (DuckDB, the default) or a `postgresql://` URL (psycopg 3 with
a connection pool). The store, the workshop and the role table write one set of queries,
in DuckDB's dialect with `?` placeholders; what PostgreSQL needs instead is here only:

- placeholders `?` become `%s` (a literal `%` becomes `%%`) (`translate`)
- `median(x)` and `quantile_cont(x, q)` become `percentile_cont(q) WITHIN GROUP
  (ORDER BY x)` (`translate`)
- the types DOUBLE and BLOB of the migrations become DOUBLE PRECISION and BYTEA (`ddl`)
- a bulk insert scans a registered pandas frame on DuckDB and is a COPY on PostgreSQL
  (`bulk_insert`)
- `.df()` of a result: DuckDB's own, a frame built from the rows on PostgreSQL
- the write lock: DuckDB's file lock keeps other processes out, so the store's thread
  lock suffices; on PostgreSQL several app processes share one database, so every write
  transaction also takes one transaction-level advisory lock (`WRITE_LOCK`), which makes
  the writes of all processes as serial as the threads of one (a change checks the
  version, a join the participant cap, an answer the round's state, all under it)
- a unique key refused: `duckdb.ConstraintException` versus psycopg's `UniqueViolation`
  (`unique_violations`)
- failures: a damaged or locked file (DuckDB, `FILE_ERRORS`) versus a server that cannot
  be reached or refuses (PostgreSQL, `StoreError` "store.error.pg_cannot_connect")

The rest (ON CONFLICT upserts, sequences with nextval, RETURNING, FILTER, starts_with,
`<> ALL(?)` with a list) is written once and runs on both.
"""

from __future__ import annotations

import re
import sys
from collections.abc import Iterable, Iterator, Sequence
from contextlib import ExitStack, contextmanager
from functools import lru_cache
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit, urlunsplit

import duckdb
import pandas as pd

from impact.dbfile import StoreError

# What reading a damaged DuckDB file raises (a Binder Error and the like stays a bug).
FILE_ERRORS = (duckdb.IOException, duckdb.SerializationException, duckdb.InternalException)
# The key of the advisory lock every PostgreSQL write transaction takes (any fixed
# number; it only has to be the same in every process of the app).
WRITE_LOCK = 4_216_031_977
# Connections per process: one writes (behind the thread lock), the others serve reads
# of the page runs going on at the same time.
POOL_SIZE = 8
# How long a page waits for a pooled connection before it says the database is gone
# (a busy pool hands one out in milliseconds: reads hold one per statement).
POOL_TIMEOUT = 15.0
_SCHEMES = ("postgresql://", "postgres://")
_FLOAT_TYPES = {700, 701, 1700}  # float4, float8, numeric
_INT_TYPES = {20, 21, 23}  # int8, int2, int4
_MEDIAN = re.compile(r"\bmedian\(([\w.]+)\)")
_QUANTILE = re.compile(r"\bquantile_cont\(([\w.]+),\s*([0-9.]+)\)")
_DDL_TYPES = ((re.compile(r"\bDOUBLE\b"), "DOUBLE PRECISION"), (re.compile(r"\bBLOB\b"), "BYTEA"))
_names = iter(range(1, 2**62))
# Every open pool of this process, held until closed: a pool dropped unclosed would be
# collected from one of its own worker threads, which cannot join themselves.
_open: set[Postgres] = set()

Cursor = Any  # a DuckDB cursor or a PgCursor: both execute, executemany, fetch*, df


def is_url(target: str | Path) -> bool:
    """Whether `target` names a PostgreSQL database rather than a DuckDB file."""
    return str(target).startswith(_SCHEMES)


def unique_violations() -> tuple[type[Exception], ...]:
    """What either database raises when a unique key refuses a row (psycopg is imported
    only when asked: a DuckDB-only installation never loads it)."""
    from psycopg.errors import UniqueViolation

    return (duckdb.ConstraintException, UniqueViolation)


def _operational_error() -> type[Exception]:
    from psycopg import OperationalError

    return OperationalError


def shown_url(url: str) -> str:
    """The URL without its password, to show or log."""
    parts = urlsplit(url)
    if parts.password is None:
        return url
    host = parts.netloc.rsplit("@", 1)[1]
    return urlunsplit(parts._replace(netloc=f"{parts.username}:***@{host}"))


# --- the dialect ---------------------------------------------------------------------

@lru_cache(maxsize=2048)
def translate(sql: str, placeholders: bool = True) -> str:
    """The store's SQL (DuckDB's dialect) as PostgreSQL reads it."""
    sql = _MEDIAN.sub(r"percentile_cont(0.5) WITHIN GROUP (ORDER BY \1)", sql)
    sql = _QUANTILE.sub(r"percentile_cont(\2) WITHIN GROUP (ORDER BY \1)", sql)
    if placeholders:  # psycopg reads %-placeholders only when there are parameters
        sql = sql.replace("%", "%%").replace("?", "%s")
    return sql


def ddl(statement: str, *, postgres: bool) -> str:
    """A migration's statement for the database it runs on."""
    if postgres:
        for pattern, name in _DDL_TYPES:
            statement = pattern.sub(name, statement)
    return statement


def bulk_insert(cur: Cursor, name: str, columns: Sequence[str], assessment_id: int,
                table: Any) -> None:
    """Insert `table`'s rows (a `rows.Table`) for one assessment in one statement."""
    if isinstance(cur, PgCursor):
        cur.copy(name, ("assessment_id", *columns), ((assessment_id, *r) for r in table.rows))
        return
    view = f"rows_{next(_names)}"  # unique per call: cursors of one connection share names
    cur.complete()  # a half-read earlier result would make register() refuse
    cur.register(view, table.frame)
    try:
        listed = ", ".join(columns)
        cur.execute(f"INSERT INTO {name} (assessment_id, {listed}) "  # noqa: S608 - fixed names
                    f"SELECT ?, {listed} FROM {view}", [assessment_id])
    finally:
        cur.unregister(view)


def frame(description: Sequence[Any], rows: list[tuple]) -> pd.DataFrame:
    """A result as DuckDB's `.df()` gives it: numbers as float64 (NULL as NaN), whole
    numbers as int64 unless a NULL makes them float."""
    columns = [d.name for d in description]
    result = pd.DataFrame.from_records(rows, columns=columns)
    for d in description:
        column = result[d.name]
        if d.type_code in _FLOAT_TYPES or (d.type_code in _INT_TYPES and column.isna().any()):
            result[d.name] = pd.to_numeric(column).astype("float64")
        elif d.type_code in _INT_TYPES:
            result[d.name] = column.astype("int64")
    return result


# --- PostgreSQL ------------------------------------------------------------------------

class PgCursor:
    """A cursor that reads the store's SQL on PostgreSQL; results are fetched whole.

    Inside a transaction it runs on that transaction's connection; outside (reads, as
    `Store.cursor()`) each statement borrows a pooled connection for its own duration.
    """

    def __init__(self, pool: Any = None, conn: Any = None) -> None:
        self._pool, self._conn = pool, conn
        self.description: Sequence[Any] | None = None
        self._rows: list[tuple] = []
        self._next = 0

    @contextmanager
    def _connection(self) -> Iterator[Any]:
        if self._conn is not None:
            yield self._conn
        else:
            with self._pool.connection() as conn:
                yield conn

    def execute(self, sql: str, params: Sequence[Any] | None = None) -> PgCursor:
        query = translate(sql, params is not None)
        if self._conn is not None:
            self._take(self._conn.execute(query, params))
            return self
        try:
            self._read(query, params)
        except _operational_error() as exc:  # the server is gone, not just restarted
            raise lost_connection(self._pool.conninfo, exc) from None
        return self

    def _read(self, query: str, params: Sequence[Any] | None) -> None:
        for attempt in (1, 2):
            with self._pool.connection() as conn:
                try:
                    self._take(conn.execute(query, params))
                    return
                except _operational_error():
                    if attempt == 2 or not conn.broken:
                        raise
            # The server dropped the connection (a restart), so it dropped the other
            # idle ones too: the pool checks them all, and the read runs again.
            self._pool.check()
        raise AssertionError("unreachable")  # pragma: no cover

    def _take(self, result: Any) -> None:
        self.description = result.description
        self._rows = result.fetchall() if result.description else []
        self._next = 0

    def executemany(self, sql: str, params: Iterable[Sequence[Any]]) -> PgCursor:
        with self._connection() as conn, conn.cursor() as cur:
            cur.executemany(translate(sql), list(params))
        self.description, self._rows = None, []
        return self

    def copy(self, table: str, columns: Sequence[str], rows: Iterable[Sequence[Any]]) -> None:
        listed = ", ".join(columns)
        with self._connection() as conn, conn.cursor() as cur, \
                cur.copy(f"COPY {table} ({listed}) FROM STDIN") as copy:
            for row in rows:
                copy.write_row(row)

    def fetchone(self) -> tuple | None:
        if self._next >= len(self._rows):
            return None
        self._next += 1
        return self._rows[self._next - 1]

    def fetchall(self) -> list[tuple]:
        rows, self._next = self._rows[self._next:], len(self._rows)
        return rows

    def df(self) -> pd.DataFrame:
        return frame(self.description or [], self.fetchall())

    def close(self) -> None:
        self._rows = []


class Postgres:
    """A PostgreSQL database: a connection pool, transactions under the advisory lock."""

    def __init__(self, url: str) -> None:
        import psycopg
        from psycopg_pool import ConnectionPool

        self.url = url
        try:  # one direct connection first: a pool that cannot connect only times out
            psycopg.connect(url, connect_timeout=10).close()
        except psycopg.Error as exc:
            message = str(exc).strip().splitlines()
            raise StoreError("store.error.pg_cannot_connect", url=shown_url(url),
                             error=message[0] if message else type(exc).__name__) from None
        self.pool = ConnectionPool(url, min_size=1, max_size=POOL_SIZE, open=True,
                                   timeout=POOL_TIMEOUT, kwargs={"autocommit": True},
                                   name="impact")
        _open.add(self)

    def cursor(self) -> PgCursor:
        return PgCursor(pool=self.pool)

    @contextmanager
    def transaction(self) -> Iterator[PgCursor]:
        with ExitStack() as stack:
            try:
                conn = self._locked(stack)
            except _operational_error() as exc:  # before anything was written
                raise lost_connection(self.url, exc) from None
            yield PgCursor(conn=conn)

    def _locked(self, stack: ExitStack) -> Any:
        """A pooled connection in a transaction that holds the write lock. Connections
        the server dropped (a restart) show only now, before anything is written: the
        pool checks its connections and the transaction starts again, once."""
        for attempt in (1, 2):
            begun = ExitStack()
            conn = begun.enter_context(self.pool.connection())
            try:
                begun.enter_context(conn.transaction())
                conn.execute("SELECT pg_advisory_xact_lock(%s)", [WRITE_LOCK])
            except _operational_error():
                broken = conn.broken
                begun.__exit__(*sys.exc_info())  # rolled back; the pool drops a broken one
                if attempt == 2 or not broken:
                    raise
                self.pool.check()  # the other idle connections were dropped as well
                continue
            stack.enter_context(begun)
            return conn
        raise AssertionError("unreachable")  # pragma: no cover

    def close(self) -> None:
        self.pool.close()
        _open.discard(self)


def lost_connection(url: str, exc: Exception) -> StoreError:
    """What a page says when the database server cannot be reached any more (no
    traceback, no password)."""
    message = str(exc).strip().splitlines()
    return StoreError("store.error.pg_lost", url=shown_url(url),
                      error=message[0] if message else type(exc).__name__)


def close_pools(url: str) -> None:
    """Close every pool this process has open on `url` (before the database is dropped
    or replaced: a pool reconnects by itself)."""
    for backend in [b for b in _open if b.url == url]:
        backend.close()


class DuckDB:
    """A DuckDB file: one connection per process, a fresh cursor per call."""

    def __init__(self, conn: duckdb.DuckDBPyConnection) -> None:
        self.conn = conn

    def cursor(self) -> duckdb.DuckDBPyConnection:
        return self.conn.cursor()

    @contextmanager
    def transaction(self) -> Iterator[duckdb.DuckDBPyConnection]:
        cur = self.conn.cursor()
        cur.execute("BEGIN TRANSACTION")
        try:
            yield cur
        except BaseException:
            cur.execute("ROLLBACK")
            raise
        else:
            cur.execute("COMMIT")
        finally:
            cur.close()

    def close(self) -> None:
        self.conn.close()

