"""Reads of the store on a given cursor (inside or outside a write transaction)."""

from __future__ import annotations

from impact.dbfile import StoreError
from impact.model import (
    Assessment,
    Confidence,
    Criterion,
    Direction,
    Measure,
    Pillar,
    Score,
    WeightProfile,
)
from impact.store.backends import Cursor


def schema_version(cur: Cursor) -> int:
    exists = cur.execute(
        "SELECT count(*) FROM information_schema.tables WHERE table_name = 'schema_version' "
        "AND table_schema = current_schema()"
    ).fetchone()[0]
    if not exists:
        return 0
    row = cur.execute("SELECT coalesce(max(version), 0) FROM schema_version").fetchone()
    return int(row[0])


def version_of(cur: Cursor, assessment_id: int) -> int:
    """The assessment's current version; an unknown id is a StoreError."""
    row = cur.execute("SELECT version FROM assessments WHERE id = ?", [assessment_id]).fetchone()
    if row is None:
        raise StoreError("store.error.unknown_assessment", id=assessment_id)
    return int(row[0])


def free_name(cur: Cursor, name: str, own_id: int | None = None) -> str:
    """`name`, or `name (2)`, `name (3)`, ... when another assessment already has it."""
    taken = {r[0] for r in cur.execute(
        "SELECT name FROM assessments WHERE (name = ? OR starts_with(name, ?)) AND id <> ?",
        [name, f"{name} (", -1 if own_id is None else own_id],
    ).fetchall()}
    candidate, number = name, 2
    while candidate in taken:
        candidate, number = f"{name} ({number})", number + 1
    return candidate


def load(cur: Cursor, assessment_id: int) -> Assessment:
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
            weight=r[9], unit_en=r[10], description_en=r[11], knockout=r[12],
        )
        for r in cur.execute(
            "SELECT id, pillar, label_nl, label_en, unit, direction, scale_min, scale_max, "
            "description, weight, unit_en, description_en, knockout FROM criteria "
            "WHERE assessment_id = ? ORDER BY position",
            [assessment_id],
        ).fetchall()
    ]
    measures = [
        Measure(id=r[0], label_nl=r[1], label_en=r[2], description=r[3], description_en=r[4],
                cost=r[5], cost_unit=r[6], exclusive_group=r[7])
        for r in cur.execute(
            "SELECT id, label_nl, label_en, description, description_en, cost, cost_unit, "
            "exclusive_group FROM measures "
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
    return Assessment(
        name=head[0], description=head[1], criteria=criteria, measures=measures,
        scores=scores, profiles=_profiles(cur, assessment_id), id=assessment_id,
        created_at=head[2], updated_at=head[3], version=head[4],
    )


def _profiles(cur: Cursor, assessment_id: int) -> list[WeightProfile]:
    overrides: dict[str, dict[str, float]] = {}
    for profile, criterion_id, weight in cur.execute(
        "SELECT profile, criterion_id, weight FROM profile_criterion_weights "
        "WHERE assessment_id = ?",
        [assessment_id],
    ).fetchall():
        overrides.setdefault(profile, {})[criterion_id] = weight
    return [
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
