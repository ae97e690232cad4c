"""The DuckDB store: the schema's migrations applied, transactions, assessments.

One connection per process and database file (DuckDB locks the file against
other processes), a fresh `.cursor()` per call, and every write behind one
process-wide lock inside a transaction: measured, 50 threads upserting the same
keys without the lock fail about 1 in 100 writes.

Every content write is a change of one assessment (`Store._change`): it may name the
version it was made on (`expected_version`) and is refused when someone else saved in
between, instead of overwriting their work; it raises the version by one and records
who changed what (`impact.store.history`). Rows are built before the lock is taken and
written in bulk (`impact.store.rows`), so an import holds the lock for a moment only.

The database is a DuckDB file or a PostgreSQL URL (`impact.store.backends`, which holds
every difference between the two, the lock across processes on PostgreSQL included).
"""

from __future__ import annotations

import threading
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any

from impact import dbfile
from impact.access import Principal, require_editor
from impact.dbfile import StoreError
from impact.migrations import MIGRATIONS, statements
from impact.model import Assessment, Criterion, Measure, Score, WeightProfile
from impact.store import backends, history, items, reading
from impact.store.backends import FILE_ERRORS, Cursor
from impact.store.history import Version
from impact.store.items import DeletionImpact
from impact.store.rows import (
    CONTENT_TABLES,
    Table,
    bulk_insert,
    check_scores,
    content_tables,
    criterion_rows,
    measure_rows,
    profile_tables,
    score_rows,
)

# A session's rows, deleted with the assessment it belongs to (children first).
_WORKSHOP_TABLES = ("workshop_answers", "workshop_reasons", "workshop_splits",
                    "workshop_participants", "workshop_rounds", "workshop_items")


@dataclass(frozen=True)
class AssessmentInfo:
    id: int
    name: str
    description: str
    created_at: datetime
    updated_at: datetime
    version: int


@dataclass
class _Change:
    """An open change of one assessment: the cursor, and the version it will become."""

    cur: Cursor
    assessment_id: int
    version: int
    params: dict[str, Any] = field(default_factory=dict)


class Store:
    def __init__(self, path: str | Path):
        """Open (and migrate) the database: a DuckDB file, or a `postgresql://` URL."""
        self._write_lock = threading.RLock()
        self.seed_checked = False
        self.postgres = backends.is_url(path)
        if self.postgres:
            self.path: str | Path = str(path)  # what get_store and the caches key on
            self.shown = backends.shown_url(self.path)
            self._conn = None
            self._db: backends.Postgres | backends.DuckDB = backends.Postgres(self.path)
            try:
                self.migrate()
            except BaseException:
                self._db.close()
                raise
            return
        self.path = Path(path)
        self.shown = str(self.path)
        self.path.parent.mkdir(parents=True, exist_ok=True)
        existed = self.path.exists() and self.path.stat().st_size > 0
        self._conn = dbfile.connect(self.path)  # a StoreError: locked, damaged, ...
        self._db = backends.DuckDB(self._conn)
        try:
            if existed:
                dbfile.check_size(self._conn, self.path)
            self.migrate()
            if existed and not dbfile.has_backup_of(self.path, datetime.now().date()):
                self.backup()  # the first open of the day
        except BaseException as exc:
            self._conn.close()
            if isinstance(exc, FILE_ERRORS):
                raise dbfile.open_error(self.path, exc) from None
            raise

    # -- plumbing ----------------------------------------------------------
    def cursor(self) -> Cursor:
        """A cursor for reads; cheap, one per call, safe to use from any thread."""
        return self._db.cursor()

    @contextmanager
    def transaction(self) -> Iterator[Cursor]:
        """All writes go through here: one process-wide lock, one transaction (on
        PostgreSQL also the advisory lock that orders the writes of all processes)."""
        with self._write_lock, self._db.transaction() as cur:
            yield cur

    @contextmanager
    def _change(self, assessment_id: int, by: Principal, expected_version: int | None,
                change_key: str, **params: Any) -> Iterator[_Change]:
        """A write of one assessment's content by an editor, refused when stale; on
        success the version goes up by one and the change is recorded."""
        require_editor(by)
        with self.transaction() as cur:
            current = reading.version_of(cur, assessment_id)
            if expected_version is not None and expected_version != current:
                raise self._stale(cur, assessment_id, expected_version)
            change = _Change(cur, assessment_id, current + 1, dict(params))
            yield change
            now = datetime.now()
            cur.execute("UPDATE assessments SET version = ?, updated_at = ? WHERE id = ?",
                        [change.version, now, assessment_id])
            history.record(cur, assessment_id, change.version, by, change_key, change.params,
                           now)

    @staticmethod
    def _stale(cur: Cursor, assessment_id: int, yours: int) -> StoreError:
        last = history.versions(cur, assessment_id, limit=1)
        who = last[0].saved_by if last else "?"
        when = f"{last[0].saved_at:%H:%M}" if last else "?"
        return StoreError("store.error.stale_version", id=assessment_id, yours=yours,
                          who=who, when=when)

    def close(self) -> None:
        self._db.close()

    def backup(self, now: datetime | None = None) -> Path:
        """Copy the database next to it now; returns the backup's path. Keeps the newest
        `dbfile.KEEP`. (A PostgreSQL database is backed up with its own tools.)"""
        if self._conn is None:
            raise StoreError("store.error.pg_no_backup", url=self.shown)
        with self._write_lock:  # the copy is one state: no write can slip in
            self._conn.execute("CHECKPOINT")
            return dbfile.write_backup(self._conn.cursor(), self.path, now)

    def schema_version(self) -> int:
        return reading.schema_version(self.cursor())

    def migrate(self) -> int:
        """Apply the migrations this database has not had yet, each in its own transaction.

        A database of a newer schema is refused before anything is written; an existing
        DuckDB file is backed up before its first migration is applied. Each migration
        checks the version again under the write lock: another process may have applied
        it in the meantime (PostgreSQL).
        """
        with self._write_lock:
            current = self.schema_version()
            dbfile.refuse_newer(self.shown, current, len(MIGRATIONS))
            if 0 < current < len(MIGRATIONS) and self._conn is not None:
                self.backup()
            with self.transaction() as cur:
                cur.execute("CREATE TABLE IF NOT EXISTS schema_version ("
                            "version INTEGER PRIMARY KEY, applied_at TIMESTAMP NOT NULL)")
            for number, script in enumerate(MIGRATIONS, start=1):
                if number <= current:
                    continue
                with self.transaction() as cur:
                    if reading.schema_version(cur) >= number:
                        continue
                    for statement in statements(script):
                        cur.execute(backends.ddl(statement, postgres=self.postgres))
                    cur.execute(
                        "INSERT INTO schema_version VALUES (?, ?)", [number, datetime.now()]
                    )
            return self.schema_version()

    # -- reading -----------------------------------------------------------
    def list_assessments(self) -> list[AssessmentInfo]:
        rows = self.cursor().execute(
            "SELECT id, name, description, created_at, updated_at, version "
            "FROM assessments ORDER BY id"
        ).fetchall()
        return [AssessmentInfo(*row) for row in rows]

    def info(self, assessment_id: int) -> AssessmentInfo:
        row = self.cursor().execute(
            "SELECT id, name, description, created_at, updated_at, version "
            "FROM assessments WHERE id = ?", [assessment_id]).fetchone()
        if row is None:
            raise StoreError("store.error.unknown_assessment", id=assessment_id)
        return AssessmentInfo(*row)

    def unique_name(self, name: str) -> str:
        """`name`, or `name (2)`, `name (3)`, ... when an assessment already has it (a
        suggestion: `create` picks the free name itself, under the write lock)."""
        return reading.free_name(self.cursor(), name)

    def exists(self, assessment_id: int) -> bool:
        row = self.cursor().execute(
            "SELECT count(*) FROM assessments WHERE id = ?", [assessment_id]
        ).fetchone()
        return bool(row[0])

    def data_version(self, assessment_id: int) -> int:
        return reading.version_of(self.cursor(), assessment_id)

    def load(self, assessment_id: int) -> Assessment:
        return reading.load(self.cursor(), assessment_id)

    def versions(self, assessment_id: int, limit: int | None = None) -> list[Version]:
        """Who saved what when, newest first (the History panel)."""
        cur = self.cursor()
        reading.version_of(cur, assessment_id)  # an unknown id says so
        return history.versions(cur, assessment_id, limit)

    def deletion_impact(self, assessment_id: int, kind: str, item_id: str) -> DeletionImpact:
        """What deleting measure/criterion `item_id` would also delete."""
        return items.deletion_impact(self.cursor(), assessment_id, kind, item_id)

    # -- whole assessments -------------------------------------------------
    def create(self, assessment: Assessment, *, by: Principal, rename_if_taken: bool = True,
               change_key: str = "history.created", only_into_empty: bool = False
               ) -> int | None:
        """Store a whole assessment as a new one; returns its id. A name already in use
        gets a number added (`rename_if_taken`) or is refused. `only_into_empty`: only
        when the database holds no assessment yet (else None), checked under the lock."""
        require_editor(by)
        tables = content_tables(assessment)  # built before the lock is taken
        with self.transaction() as cur:
            if only_into_empty and cur.execute("SELECT count(*) FROM assessments").fetchone()[0]:
                return None
            name = reading.free_name(cur, assessment.name)
            if name != assessment.name and not rename_if_taken:
                raise StoreError("store.error.name_taken", name=assessment.name)
            now = datetime.now()
            new_id = int(cur.execute(
                "INSERT INTO assessments (name, description, created_at, updated_at) "
                "VALUES (?, ?, ?, ?) RETURNING id",
                [name, assessment.description, now, now],
            ).fetchone()[0])
            for table in tables:
                bulk_insert(cur, new_id, table)
            history.record(cur, new_id, 1, by, change_key, {"name": name}, now)
        return new_id

    def replace(self, assessment_id: int, assessment: Assessment, *, by: Principal,
                expected_version: int | None = None) -> int:
        """Replace an assessment's whole content (name and description too); returns the
        new version."""
        tables = content_tables(assessment)
        with self._change(assessment_id, by, expected_version, "history.replaced") as change:
            self._rename(change.cur, assessment_id, assessment.name, assessment.description)
            self._replace_tables(change.cur, assessment_id, tables)
        return change.version

    def rename(self, assessment_id: int, name: str, description: str | None = None, *,
               by: Principal, expected_version: int | None = None) -> int:
        with self._change(assessment_id, by, expected_version, "history.renamed",
                          name=name) as change:
            self._rename(change.cur, assessment_id, name, description)
        return change.version

    def duplicate(self, assessment_id: int, new_name: str, *, by: Principal) -> int:
        require_editor(by)
        copy = self.load(assessment_id)
        copy.name = new_name
        return self.create(copy, by=by, change_key="history.copied")

    def delete(self, assessment_id: int, *, by: Principal) -> None:
        require_editor(by)
        with self.transaction() as cur:
            for table in (*CONTENT_TABLES, "assessment_versions"):
                cur.execute(f"DELETE FROM {table} WHERE assessment_id = ?", [assessment_id])  # noqa: S608
            codes = "SELECT code FROM workshop_sessions WHERE assessment_id = ?"
            for table in _WORKSHOP_TABLES:
                cur.execute(f"DELETE FROM {table} WHERE code IN ({codes})",  # noqa: S608
                            [assessment_id])
            cur.execute("DELETE FROM workshop_sessions WHERE assessment_id = ?", [assessment_id])
            cur.execute("DELETE FROM assessments WHERE id = ?", [assessment_id])

    def restore_version(self, assessment_id: int, version: int, *, by: Principal,
                        expected_version: int | None = None) -> int:
        """Put an older version's content back, as a new version; returns that."""
        with self._change(assessment_id, by, expected_version, "history.restored",
                          version=version) as change:
            name = history.restore(change.cur, assessment_id, version)
            if reading.free_name(change.cur, name, assessment_id) == name:
                self._rename(change.cur, assessment_id, name, None)
        return change.version

    def undo(self, assessment_id: int, *, by: Principal,
             expected_version: int | None = None) -> int:
        """Undo the last save (restores the version before it, as a new version)."""
        require_editor(by)
        current = self.data_version(assessment_id)
        if current <= 1:
            raise StoreError("store.error.nothing_to_undo")
        return self.restore_version(assessment_id, current - 1, by=by,
                                    expected_version=expected_version or current)

    # -- content edits -----------------------------------------------------
    def replace_criteria(self, assessment_id: int, criteria: list[Criterion], *,
                         by: Principal, expected_version: int | None = None) -> int:
        """Replace the criteria; scores of removed criteria go with them."""
        rows = criterion_rows(criteria)
        with self._change(assessment_id, by, expected_version, "history.criteria_saved",
                          count=len(criteria)) as change:
            self._replace_list(change.cur, assessment_id, rows, "criterion_id")
        return change.version

    def replace_measures(self, assessment_id: int, measures: list[Measure], *,
                         by: Principal, expected_version: int | None = None) -> int:
        """Replace the measures; scores of removed measures go with them."""
        rows = measure_rows(measures)
        with self._change(assessment_id, by, expected_version, "history.measures_saved",
                          count=len(measures)) as change:
            self._replace_list(change.cur, assessment_id, rows, "measure_id")
        return change.version

    def save_measure(self, assessment_id: int, measure: Measure, *, by: Principal,
                     replaces: str | None = None, copy_of: str | None = None,
                     expected_version: int | None = None) -> int:
        """Add a measure (at the end; a copy of `copy_of` gets its scores) or change the
        one with id `replaces`."""
        key = "history.measure_added" if replaces is None else "history.measure_changed"
        with self._change(assessment_id, by, expected_version, key, id=measure.id) as change:
            items.save_measure(change.cur, assessment_id, measure, replaces, copy_of)
        return change.version

    def save_criterion(self, assessment_id: int, criterion: Criterion, *, by: Principal,
                       replaces: str | None = None, copy_of: str | None = None,
                       expected_version: int | None = None) -> int:
        """Add a criterion (at the end; a copy of `copy_of` gets its scores) or change
        the one with id `replaces`."""
        key = "history.criterion_added" if replaces is None else "history.criterion_changed"
        with self._change(assessment_id, by, expected_version, key, id=criterion.id) as change:
            items.save_criterion(change.cur, assessment_id, criterion, replaces, copy_of)
        return change.version

    def delete_item(self, assessment_id: int, kind: str, item_id: str, *, by: Principal,
                    expected_version: int | None = None) -> int:
        """Delete a measure or criterion (`kind`) with its scores."""
        with self._change(assessment_id, by, expected_version, f"history.{kind}_deleted",
                          id=item_id) as change:
            items.delete_item(change.cur, assessment_id, kind, item_id)
        return change.version

    def move_item(self, assessment_id: int, kind: str, item_id: str, step: int, *,
                  by: Principal, expected_version: int | None = None) -> int:
        """Move a measure or criterion up (-1) or down (+1) in the list."""
        with self._change(assessment_id, by, expected_version, f"history.{kind}_moved",
                          id=item_id) as change:
            items.move_item(change.cur, assessment_id, kind, item_id, step)
        return change.version

    def set_scores(self, assessment_id: int, scores: Iterable[Score], *, by: Principal,
                   cleared: Iterable[tuple[str, str]] = (),
                   expected_version: int | None = None) -> int | None:
        """Upsert scores (value, source, confidence) and clear the (measure, criterion)
        cells in `cleared`, in one transaction; returns the new version, or None when
        there was nothing to save."""
        require_editor(by)
        table, cleared = score_rows(scores), [list(cell) for cell in cleared]
        if not table.rows and not cleared:
            return None
        with self._change(assessment_id, by, expected_version, "history.scores_saved",
                          count=len(table.rows) + len(cleared)) as change:
            check_scores(change.cur, assessment_id, table)
            if table.rows:
                change.cur.executemany(
                    "INSERT INTO scores (assessment_id, measure_id, criterion_id, value, "
                    "source, confidence) VALUES (?, ?, ?, ?, ?, ?) "
                    "ON CONFLICT (assessment_id, measure_id, criterion_id) DO UPDATE SET "
                    "value = excluded.value, source = excluded.source, "
                    "confidence = excluded.confidence",
                    [[assessment_id, *row] for row in table.rows],
                )
            if cleared:
                change.cur.executemany(
                    "DELETE FROM scores WHERE assessment_id = ? AND measure_id = ? "
                    "AND criterion_id = ?", [[assessment_id, *cell] for cell in cleared])
        return change.version

    def set_score(self, assessment_id: int, score: Score, *, by: Principal,
                  expected_version: int | None = None) -> int | None:
        return self.set_scores(assessment_id, [score], by=by, expected_version=expected_version)

    def delete_score(self, assessment_id: int, measure_id: str, criterion_id: str, *,
                     by: Principal, expected_version: int | None = None) -> int:
        with self._change(assessment_id, by, expected_version, "history.score_deleted",
                          measure=measure_id, criterion=criterion_id) as change:
            change.cur.execute(
                "DELETE FROM scores WHERE assessment_id = ? AND measure_id = ? "
                "AND criterion_id = ?",
                [assessment_id, measure_id, criterion_id],
            )
        return change.version

    def save_profile(self, assessment_id: int, profile: WeightProfile, *, by: Principal,
                     expected_version: int | None = None) -> int:
        """Create or update a weight profile by name."""
        with self._change(assessment_id, by, expected_version, "history.profile_saved",
                          name=profile.name) as change:
            cur = change.cur
            position = cur.execute(
                "SELECT coalesce((SELECT position FROM profiles WHERE assessment_id = ? "
                "AND name = ?), (SELECT coalesce(max(position) + 1, 0) FROM profiles "
                "WHERE assessment_id = ?))",
                [assessment_id, profile.name, assessment_id],
            ).fetchone()[0]
            self._delete_profile(cur, assessment_id, profile.name)
            for table in profile_tables([profile], start=position):
                bulk_insert(cur, assessment_id, table)
        return change.version

    def delete_profile(self, assessment_id: int, name: str, *, by: Principal,
                       expected_version: int | None = None) -> int:
        with self._change(assessment_id, by, expected_version, "history.profile_deleted",
                          name=name) as change:
            self._delete_profile(change.cur, assessment_id, name)
        return change.version

    # -- seeding -----------------------------------------------------------
    def seed_example_if_empty(self) -> int | None:
        """On a database without assessments, store the example; returns its id."""
        from impact.access import SYSTEM
        from impact.io import read_assessment  # io builds on model; imported late on purpose
        from impact.store import EXAMPLE_DIR

        if self.list_assessments():
            return None
        # Two first sessions at once (or two processes) must not seed twice: the
        # emptiness is checked again inside the write.
        return self.create(read_assessment(EXAMPLE_DIR), by=SYSTEM,
                           change_key="history.example", only_into_empty=True)

    # -- helpers -----------------------------------------------------------
    @staticmethod
    def _rename(cur: Cursor, assessment_id: int, name: str,
                description: str | None) -> None:
        if reading.free_name(cur, name, assessment_id) != name:
            raise StoreError("store.error.name_taken", name=name)
        cur.execute("UPDATE assessments SET name = ? WHERE id = ? AND name <> ?",
                    [name, assessment_id, name])
        if description is not None:
            cur.execute("UPDATE assessments SET description = ? WHERE id = ?",
                        [description, assessment_id])

    @staticmethod
    def _replace_tables(cur: Cursor, assessment_id: int,
                        tables: list[Table]) -> None:
        for table in CONTENT_TABLES:
            cur.execute(f"DELETE FROM {table} WHERE assessment_id = ?", [assessment_id])  # noqa: S608
        for table in tables:
            bulk_insert(cur, assessment_id, table)

    @staticmethod
    def _replace_list(cur: Cursor, assessment_id: int, rows: Table,
                      score_column: str) -> None:
        """Replace all measures or all criteria; scores of the ones left out go too."""
        cur.execute(f"DELETE FROM {rows.name} WHERE assessment_id = ?", [assessment_id])  # noqa: S608
        bulk_insert(cur, assessment_id, rows)
        cur.execute(
            f"DELETE FROM scores WHERE assessment_id = ? "  # noqa: S608 - fixed names
            f"AND {score_column} <> ALL(?)",
            [assessment_id, [r[0] for r in rows.rows]],
        )
        if score_column == "criterion_id":
            cur.execute(
                "DELETE FROM profile_criterion_weights WHERE assessment_id = ? "
                "AND criterion_id <> ALL(?)",
                [assessment_id, [r[0] for r in rows.rows]],
            )

    @staticmethod
    def _delete_profile(cur, assessment_id: int, name: str) -> None:
        cur.execute(
            "DELETE FROM profiles WHERE assessment_id = ? AND name = ?", [assessment_id, name]
        )
        cur.execute(
            "DELETE FROM profile_criterion_weights WHERE assessment_id = ? AND profile = ?",
            [assessment_id, name],
        )
