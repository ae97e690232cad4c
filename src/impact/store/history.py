"""The history of an assessment: every save is a version with who, when and what changed.

Each version keeps a compressed copy of the assessment's content rows, so any version
can be restored (the restore is itself a new version). Copies of large assessments
(over `SNAPSHOT_MAX_SCORES` scores) and of versions older than the newest `KEEP_SNAPSHOTS`
are not kept: they would make every save of such an assessment slow and the file large.
"""

from __future__ import annotations

import json
import zlib
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from impact.access import Principal
from impact.dbfile import StoreError
from impact.store.backends import Cursor
from impact.store.rows import CONTENT_TABLES, Table, bulk_insert

SNAPSHOT_MAX_SCORES = 50_000
KEEP_SNAPSHOTS = 100


@dataclass(frozen=True)
class Version:
    """One save of an assessment; `change_key` is an i18n key, `params` its values."""

    version: int
    saved_at: datetime
    saved_by: str
    change_key: str
    params: dict[str, Any]
    restorable: bool


def who(by: Principal) -> str:
    return by.name or by.subject


def record(cur: Cursor, assessment_id: int, version: int, by: Principal,
           change_key: str, params: dict[str, Any], now: datetime) -> None:
    """Note version `version` (already written) and keep a copy of its content."""
    cur.execute(
        "INSERT INTO assessment_versions VALUES (?, ?, ?, ?, ?, ?, ?)",
        [assessment_id, version, now, who(by), change_key, json.dumps(params, default=str),
         _snapshot(cur, assessment_id)],
    )
    cur.execute(
        "UPDATE assessment_versions SET snapshot = NULL "
        "WHERE assessment_id = ? AND version <= ? AND snapshot IS NOT NULL",
        [assessment_id, version - KEEP_SNAPSHOTS],
    )


def versions(cur: Cursor, assessment_id: int,
             limit: int | None = None) -> list[Version]:
    """The assessment's versions, newest first (the newest `limit` when given)."""
    rows = cur.execute(
        "SELECT version, saved_at, saved_by, change_key, change_params, snapshot IS NOT NULL "
        "FROM assessment_versions WHERE assessment_id = ? ORDER BY version DESC LIMIT ?",
        [assessment_id, limit if limit is not None else 2**31 - 1],
    ).fetchall()
    return [Version(r[0], r[1], r[2], r[3], json.loads(r[4]), bool(r[5])) for r in rows]


def restore(cur: Cursor, assessment_id: int, version: int) -> str:
    """Put version `version`'s content back in place; returns that version's name."""
    row = cur.execute(
        "SELECT snapshot FROM assessment_versions WHERE assessment_id = ? AND version = ?",
        [assessment_id, version],
    ).fetchone()
    if row is None or row[0] is None:
        raise StoreError("store.error.version_not_restorable", version=version)
    copy = json.loads(zlib.decompress(row[0]))
    for table in CONTENT_TABLES:
        cur.execute(f"DELETE FROM {table} WHERE assessment_id = ?", [assessment_id])  # noqa: S608
        saved = copy["tables"][table]
        columns = _columns(cur, table)
        keep = [i for i, name in enumerate(saved["columns"]) if name in columns]
        bulk_insert(cur, assessment_id, Table(
            table, tuple(saved["columns"][i] for i in keep),
            [tuple(r[i] for i in keep) for r in saved["rows"]]))
    cur.execute("UPDATE assessments SET description = ? WHERE id = ?",
                [copy["description"], assessment_id])
    return str(copy["name"])


def _snapshot(cur: Cursor, assessment_id: int) -> bytes | None:
    scores = cur.execute("SELECT count(*) FROM scores WHERE assessment_id = ?",
                         [assessment_id]).fetchone()[0]
    if scores > SNAPSHOT_MAX_SCORES:
        return None
    name, description = cur.execute(
        "SELECT name, description FROM assessments WHERE id = ?", [assessment_id]).fetchone()
    tables = {}
    for table in CONTENT_TABLES:
        columns = [c for c in _columns(cur, table) if c != "assessment_id"]
        rows = cur.execute(
            f"SELECT {', '.join(columns)} FROM {table} WHERE assessment_id = ?",  # noqa: S608
            [assessment_id],
        ).fetchall()
        tables[table] = {"columns": columns, "rows": rows}
    data = {"name": name, "description": description, "tables": tables}
    return zlib.compress(json.dumps(data).encode("utf-8"), 6)


def _columns(cur: Cursor, table: str) -> list[str]:
    rows = cur.execute(
        "SELECT column_name FROM information_schema.columns WHERE table_name = ? "
        "AND table_schema = current_schema() ORDER BY ordinal_position", [table]).fetchall()
    return [r[0] for r in rows]
