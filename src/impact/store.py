"""DuckDB persistence: the schema's migrations applied, transactions, assessments.

The schema itself is `impact.migrations.MIGRATIONS` (also importable from here).

One connection per process and database file (DuckDB locks the file against
other processes), a fresh `.cursor()` per call, and every write behind one
process-wide lock inside a transaction: measured, 50 threads upserting the same
keys without the lock fail about 1 in 100 writes.

SQL stays portable (sequences, ON CONFLICT, no DuckDB-only types) so that
PostgreSQL can take DuckDB's place behind several app servers.
"""

from __future__ import annotations

import os
import threading
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime
from importlib import resources
from pathlib import Path

import duckdb
from platformdirs import user_data_dir

from impact import dbfile
from impact.access import SYSTEM, Principal, require_editor
from impact.dbfile import StoreError
from impact.migrations import MIGRATIONS
from impact.model import (
    PILLARS,
    Assessment,
    Confidence,
    Criterion,
    Direction,
    Measure,
    Pillar,
    Score,
    WeightProfile,
)

# The example ships inside the package, so a non-editable install can seed it too.
# (A zipped install is not supported: the example is read as a folder.)
EXAMPLE_DIR = Path(str(resources.files("impact") / "example"))

# What reading a damaged file raises (a Binder Error and the like stays a bug to see).
_FILE_ERRORS = (duckdb.IOException, duckdb.SerializationException, duckdb.InternalException)
_CONTENT_TABLES = ("criteria", "measures", "scores", "profiles", "profile_criterion_weights")
# A session's rows, deleted with the assessment it belongs to (children first).
_WORKSHOP_TABLES = ("workshop_answers", "workshop_splits", "workshop_participants",
                    "workshop_rounds", "workshop_items")


__all__ = ["MIGRATIONS", "AssessmentInfo", "Store", "StoreError", "get_store", "restore_backup"]


@dataclass(frozen=True)
class AssessmentInfo:
    id: int
    name: str
    description: str
    created_at: datetime
    updated_at: datetime
    version: int


def default_db_path() -> Path:
    """`IMPACT_DB` when set, else a file in the user's data folder."""
    env = os.environ.get("IMPACT_DB")
    if env:
        return Path(env).expanduser()
    return Path(user_data_dir("impactbalans", appauthor=False)) / "impactbalans.duckdb"


class Store:
    def __init__(self, path: str | Path):
        self.path = Path(path)
        self.path.parent.mkdir(parents=True, exist_ok=True)
        existed = self.path.exists() and self.path.stat().st_size > 0
        self._conn = dbfile.connect(self.path)  # a StoreError: locked, damaged, ...
        self._write_lock = threading.RLock()
        self.seed_checked = False
        try:
            if existed:
                dbfile.check_size(self._conn, self.path)
            self.migrate()
            if existed and not dbfile.has_backup_of(self.path, datetime.now().date()):
                self.backup()  # the first open of the day
        except BaseException as exc:
            self._conn.close()
            if isinstance(exc, _FILE_ERRORS):
                raise dbfile.open_error(self.path, exc) from None
            raise

    # -- plumbing ----------------------------------------------------------
    def cursor(self) -> duckdb.DuckDBPyConnection:
        """A cursor for reads; cheap, one per call, safe to use from any thread."""
        return self._conn.cursor()

    @contextmanager
    def transaction(self) -> Iterator[duckdb.DuckDBPyConnection]:
        """All writes go through here: one process-wide lock, one transaction."""
        with self._write_lock:
            cur = self._conn.cursor()
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

    @contextmanager
    def _edit(self, by: Principal) -> Iterator[duckdb.DuckDBPyConnection]:
        """A write transaction for an editor; anyone else gets AccessDenied."""
        require_editor(by)
        with self.transaction() as cur:
            yield cur

    def close(self) -> None:
        self._conn.close()

    def backup(self, now: datetime | None = None) -> Path:
        """Copy the database next to it now; returns the backup's path. Keeps the newest
        `dbfile.KEEP`."""
        with self._write_lock:  # the copy is one state: no write can slip in
            self._conn.execute("CHECKPOINT")
            return dbfile.write_backup(self._conn.cursor(), self.path, now)

    def schema_version(self) -> int:
        cur = self.cursor()
        exists = cur.execute(
            "SELECT count(*) FROM information_schema.tables WHERE table_name = 'schema_version'"
        ).fetchone()[0]
        if not exists:
            return 0
        row = cur.execute("SELECT coalesce(max(version), 0) FROM schema_version").fetchone()
        return int(row[0])

    def migrate(self) -> int:
        """Apply the migrations this file has not had yet, each in its own transaction.

        A file of a newer schema is refused before anything is written; an existing
        database is backed up before its first migration is applied.
        """
        with self._write_lock:
            current = self.schema_version()
            dbfile.refuse_newer(self.path, current, len(MIGRATIONS))
            if 0 < current < len(MIGRATIONS):
                self.backup()
            self._conn.execute(
                "CREATE TABLE IF NOT EXISTS schema_version ("
                "version INTEGER PRIMARY KEY, applied_at TIMESTAMP NOT NULL)"
            )
            for number, script in enumerate(MIGRATIONS, start=1):
                if number <= current:
                    continue
                with self.transaction() as cur:
                    for statement in _split_sql(script):
                        cur.execute(statement)
                    cur.execute(
                        "INSERT INTO schema_version VALUES (?, ?)", [number, datetime.now()]
                    )
            return self.schema_version()

    def _bump(self, cur: duckdb.DuckDBPyConnection, assessment_id: int) -> None:
        cur.execute(
            "UPDATE assessments SET version = version + 1, updated_at = ? WHERE id = ?",
            [datetime.now(), assessment_id],
        )

    # -- assessments -------------------------------------------------------
    def list_assessments(self) -> list[AssessmentInfo]:
        rows = self.cursor().execute(
            "SELECT id, name, description, created_at, updated_at, version "
            "FROM assessments ORDER BY id"
        ).fetchall()
        return [AssessmentInfo(*row) for row in rows]

    def unique_name(self, name: str) -> str:
        """`name`, or `name (2)`, `name (3)`, ... when an assessment already has it."""
        taken = {info.name for info in self.list_assessments()}
        candidate, number = name, 2
        while candidate in taken:
            candidate, number = f"{name} ({number})", number + 1
        return candidate

    def exists(self, assessment_id: int) -> bool:
        row = self.cursor().execute(
            "SELECT count(*) FROM assessments WHERE id = ?", [assessment_id]
        ).fetchone()
        return bool(row[0])

    def data_version(self, assessment_id: int) -> int:
        row = self.cursor().execute(
            "SELECT version FROM assessments WHERE id = ?", [assessment_id]
        ).fetchone()
        if row is None:
            raise StoreError("store.error.unknown_assessment", id=assessment_id)
        return int(row[0])

    def load(self, assessment_id: int) -> Assessment:
        cur = self.cursor()
        head = cur.execute(
            "SELECT name, description, created_at, updated_at, version "
            "FROM assessments WHERE id = ?",
            [assessment_id],
        ).fetchone()
        if head is None:
            raise StoreError("store.error.unknown_assessment", id=assessment_id)
        criteria = [
            Criterion(
                id=r[0], pillar=Pillar(r[1]), label_nl=r[2], label_en=r[3], unit=r[4],
                direction=Direction(r[5]), scale_min=r[6], scale_max=r[7], description=r[8],
                weight=r[9],
            )
            for r in cur.execute(
                "SELECT id, pillar, label_nl, label_en, unit, direction, scale_min, scale_max, "
                "description, weight FROM criteria WHERE assessment_id = ? ORDER BY position",
                [assessment_id],
            ).fetchall()
        ]
        measures = [
            Measure(id=r[0], label_nl=r[1], label_en=r[2], description=r[3])
            for r in cur.execute(
                "SELECT id, label_nl, label_en, description FROM measures "
                "WHERE assessment_id = ? ORDER BY position",
                [assessment_id],
            ).fetchall()
        ]
        scores = {
            (r[0], r[1]): Score(r[0], r[1], r[2], r[3], Confidence(r[4]) if r[4] else None)
            for r in cur.execute(
                "SELECT measure_id, criterion_id, value, source, confidence FROM scores "
                "WHERE assessment_id = ?",
                [assessment_id],
            ).fetchall()
        }
        overrides: dict[str, dict[str, float]] = {}
        for profile, criterion_id, weight in cur.execute(
            "SELECT profile, criterion_id, weight FROM profile_criterion_weights "
            "WHERE assessment_id = ?",
            [assessment_id],
        ).fetchall():
            overrides.setdefault(profile, {})[criterion_id] = weight
        profiles = [
            WeightProfile(
                name=r[0],
                pillar_weights={Pillar.ECOLOGY: r[1], Pillar.ECONOMY: r[2], Pillar.PEOPLE: r[3]},
                criterion_weights=overrides.get(r[0], {}),
            )
            for r in cur.execute(
                "SELECT name, ecology, economy, people FROM profiles "
                "WHERE assessment_id = ? ORDER BY position",
                [assessment_id],
            ).fetchall()
        ]
        return Assessment(
            name=head[0], description=head[1], criteria=criteria, measures=measures,
            scores=scores, profiles=profiles, id=assessment_id, created_at=head[2],
            updated_at=head[3], version=head[4],
        )

    def create(self, assessment: Assessment, *, by: Principal) -> int:
        """Store a whole assessment as a new one; returns its id."""
        with self._edit(by) as cur:
            now = datetime.now()
            new_id = cur.execute(
                "INSERT INTO assessments (name, description, created_at, updated_at) "
                "VALUES (?, ?, ?, ?) RETURNING id",
                [assessment.name, assessment.description, now, now],
            ).fetchone()[0]
            self._write_content(cur, new_id, assessment)
        return int(new_id)

    def replace(self, assessment_id: int, assessment: Assessment, *, by: Principal) -> None:
        """Replace an assessment's whole content (name and description too)."""
        with self._edit(by) as cur:
            self._require(cur, assessment_id)
            for table in _CONTENT_TABLES:
                cur.execute(f"DELETE FROM {table} WHERE assessment_id = ?", [assessment_id])  # noqa: S608
            cur.execute(
                "UPDATE assessments SET name = ?, description = ? WHERE id = ?",
                [assessment.name, assessment.description, assessment_id],
            )
            self._write_content(cur, assessment_id, assessment)
            self._bump(cur, assessment_id)

    def rename(self, assessment_id: int, name: str, description: str | None = None, *,
               by: Principal) -> None:
        with self._edit(by) as cur:
            self._require(cur, assessment_id)
            cur.execute("UPDATE assessments SET name = ? WHERE id = ?", [name, assessment_id])
            if description is not None:
                cur.execute(
                    "UPDATE assessments SET description = ? WHERE id = ?",
                    [description, assessment_id],
                )
            self._bump(cur, assessment_id)

    def duplicate(self, assessment_id: int, new_name: str, *, by: Principal) -> int:
        require_editor(by)
        copy = self.load(assessment_id)
        copy.name = new_name
        return self.create(copy, by=by)

    def delete(self, assessment_id: int, *, by: Principal) -> None:
        with self._edit(by) as cur:
            for table in _CONTENT_TABLES:
                cur.execute(f"DELETE FROM {table} WHERE assessment_id = ?", [assessment_id])  # noqa: S608
            codes = "SELECT code FROM workshop_sessions WHERE assessment_id = ?"
            for table in _WORKSHOP_TABLES:
                cur.execute(f"DELETE FROM {table} WHERE code IN ({codes})",  # noqa: S608
                            [assessment_id])
            cur.execute("DELETE FROM workshop_sessions WHERE assessment_id = ?", [assessment_id])
            cur.execute("DELETE FROM assessments WHERE id = ?", [assessment_id])

    # -- content edits -----------------------------------------------------
    def replace_criteria(
        self, assessment_id: int, criteria: list[Criterion], *, by: Principal
    ) -> None:
        """Replace the criteria; scores of removed criteria go with them."""
        with self._edit(by) as cur:
            self._require(cur, assessment_id)
            cur.execute("DELETE FROM criteria WHERE assessment_id = ?", [assessment_id])
            self._insert_criteria(cur, assessment_id, criteria)
            keep = [c.id for c in criteria]
            cur.execute(
                "DELETE FROM scores WHERE assessment_id = ? AND NOT list_contains(?, criterion_id)",
                [assessment_id, keep],
            )
            self._bump(cur, assessment_id)

    def replace_measures(
        self, assessment_id: int, measures: list[Measure], *, by: Principal
    ) -> None:
        """Replace the measures; scores of removed measures go with them."""
        with self._edit(by) as cur:
            self._require(cur, assessment_id)
            cur.execute("DELETE FROM measures WHERE assessment_id = ?", [assessment_id])
            self._insert_measures(cur, assessment_id, measures)
            keep = [m.id for m in measures]
            cur.execute(
                "DELETE FROM scores WHERE assessment_id = ? AND NOT list_contains(?, measure_id)",
                [assessment_id, keep],
            )
            self._bump(cur, assessment_id)

    def set_scores(self, assessment_id: int, scores: Iterable[Score], *, by: Principal) -> None:
        """Upsert scores (value, source, confidence) in one transaction."""
        require_editor(by)
        rows = [
            [assessment_id, s.measure_id, s.criterion_id, float(s.value), s.source,
             str(s.confidence) if s.confidence else None]
            for s in scores
        ]
        if not rows:
            return
        with self._edit(by) as cur:
            self._require(cur, assessment_id)
            self._check_scores(cur, assessment_id, rows)
            cur.executemany(
                "INSERT INTO scores (assessment_id, measure_id, criterion_id, value, source, "
                "confidence) VALUES (?, ?, ?, ?, ?, ?) "
                "ON CONFLICT (assessment_id, measure_id, criterion_id) DO UPDATE SET "
                "value = excluded.value, source = excluded.source, "
                "confidence = excluded.confidence",
                rows,
            )
            self._bump(cur, assessment_id)

    def set_score(self, assessment_id: int, score: Score, *, by: Principal) -> None:
        self.set_scores(assessment_id, [score], by=by)

    def delete_score(
        self, assessment_id: int, measure_id: str, criterion_id: str, *, by: Principal
    ) -> None:
        with self._edit(by) as cur:
            cur.execute(
                "DELETE FROM scores WHERE assessment_id = ? AND measure_id = ? "
                "AND criterion_id = ?",
                [assessment_id, measure_id, criterion_id],
            )
            self._bump(cur, assessment_id)

    def save_profile(self, assessment_id: int, profile: WeightProfile, *, by: Principal) -> None:
        """Create or update a weight profile by name."""
        with self._edit(by) as cur:
            self._require(cur, assessment_id)
            position = cur.execute(
                "SELECT coalesce((SELECT position FROM profiles WHERE assessment_id = ? "
                "AND name = ?), (SELECT coalesce(max(position) + 1, 0) FROM profiles "
                "WHERE assessment_id = ?))",
                [assessment_id, profile.name, assessment_id],
            ).fetchone()[0]
            self._delete_profile(cur, assessment_id, profile.name)
            self._insert_profiles(cur, assessment_id, [profile], start=position)
            self._bump(cur, assessment_id)

    def delete_profile(self, assessment_id: int, name: str, *, by: Principal) -> None:
        with self._edit(by) as cur:
            self._delete_profile(cur, assessment_id, name)
            self._bump(cur, assessment_id)

    # -- seeding -----------------------------------------------------------
    def seed_example_if_empty(self) -> int | None:
        """On a database without assessments, store the example; returns its id."""
        from impact.io import read_assessment  # io builds on model; imported late on purpose

        with self._write_lock:  # two first sessions at once must not seed twice
            if self.list_assessments():
                return None
            return self.create(read_assessment(EXAMPLE_DIR), by=SYSTEM)

    # -- helpers -----------------------------------------------------------
    @staticmethod
    def _require(cur: duckdb.DuckDBPyConnection, assessment_id: int) -> None:
        found = cur.execute(
            "SELECT count(*) FROM assessments WHERE id = ?", [assessment_id]
        ).fetchone()[0]
        if not found:
            raise StoreError("store.error.unknown_assessment", id=assessment_id)

    @staticmethod
    def _check_scores(cur: duckdb.DuckDBPyConnection, assessment_id: int,
                      rows: list[list]) -> None:
        """Scores refer to this assessment's measures and criteria and lie on the scale."""
        measures = {r[0] for r in cur.execute(
            "SELECT id FROM measures WHERE assessment_id = ?", [assessment_id]).fetchall()}
        scales = {r[0]: (r[1], r[2]) for r in cur.execute(
            "SELECT id, scale_min, scale_max FROM criteria WHERE assessment_id = ?",
            [assessment_id]).fetchall()}
        for _, measure, criterion, value, *_rest in rows:
            where = dict(id=assessment_id, measure=measure, criterion=criterion, value=value)
            if measure not in measures:
                raise StoreError("store.error.unknown_measure", **where)
            if criterion not in scales:
                raise StoreError("store.error.unknown_criterion", **where)
            low, high = sorted(scales[criterion])
            if not low <= value <= high:  # also refuses NaN
                raise StoreError("store.error.score_off_scale", **where, min=f"{low:g}",
                                 max=f"{high:g}")

    def _write_content(
        self, cur: duckdb.DuckDBPyConnection, assessment_id: int, a: Assessment
    ) -> None:
        self._insert_criteria(cur, assessment_id, a.criteria)
        self._insert_measures(cur, assessment_id, a.measures)
        score_rows = [
            [assessment_id, s.measure_id, s.criterion_id, float(s.value), s.source,
             str(s.confidence) if s.confidence else None]
            for s in a.scores.values()
        ]
        if score_rows:
            cur.executemany("INSERT INTO scores VALUES (?, ?, ?, ?, ?, ?)", score_rows)
        self._insert_profiles(cur, assessment_id, a.profiles)

    @staticmethod
    def _insert_criteria(cur, assessment_id: int, criteria: list[Criterion]) -> None:
        rows = [
            [assessment_id, c.id, i, str(c.pillar), c.label_nl, c.label_en, c.unit,
             str(c.direction), float(c.scale_min), float(c.scale_max), c.description,
             float(c.weight)]
            for i, c in enumerate(criteria)
        ]
        if rows:
            cur.executemany(
                "INSERT INTO criteria VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", rows
            )

    @staticmethod
    def _insert_measures(cur, assessment_id: int, measures: list[Measure]) -> None:
        rows = [
            [assessment_id, m.id, i, m.label_nl, m.label_en, m.description]
            for i, m in enumerate(measures)
        ]
        if rows:
            cur.executemany("INSERT INTO measures VALUES (?, ?, ?, ?, ?, ?)", rows)

    @staticmethod
    def _insert_profiles(
        cur, assessment_id: int, profiles: list[WeightProfile], start: int = 0
    ) -> None:
        for i, p in enumerate(profiles, start=start):
            cur.execute(
                "INSERT INTO profiles VALUES (?, ?, ?, ?, ?, ?)",
                [assessment_id, p.name, i] + [float(p.pillar_weights.get(x, 0.0)) for x in PILLARS],
            )
            weights = [
                [assessment_id, p.name, cid, float(w)] for cid, w in p.criterion_weights.items()
            ]
            if weights:
                cur.executemany(
                    "INSERT INTO profile_criterion_weights VALUES (?, ?, ?, ?)", weights
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


def _split_sql(script: str) -> list[str]:
    return [s.strip() for s in script.split(";") if s.strip()]


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


def get_store(path: str | Path | None = None, *, seed: bool = True) -> Store:
    """The process-wide store for a database file (one connection per process)."""
    resolved = Path(path or default_db_path()).expanduser().resolve()
    with _stores_lock:
        store = _stores.get(resolved)
        if store is None:
            store = Store(resolved)
            _stores[resolved] = store
    if seed and not store.seed_checked:
        store.seed_example_if_empty()
        store.seed_checked = True  # once per process: the check is a query on every page run
    return store
