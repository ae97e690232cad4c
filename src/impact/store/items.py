"""Edits of single measures and criteria inside a write transaction (the dialogs' saves).

Each function changes only the rows it concerns, so two people editing different
measures of one assessment do not overwrite each other; ids stay unique per assessment.
"""

from __future__ import annotations

from dataclasses import dataclass

from impact.dbfile import StoreError
from impact.model import Criterion, Measure
from impact.store.backends import Cursor
from impact.store.rows import bulk_insert, criterion_rows, measure_rows

# kind -> (table, the scores column that refers to it)
KINDS = {"measure": ("measures", "measure_id"), "criterion": ("criteria", "criterion_id")}


@dataclass(frozen=True)
class DeletionImpact:
    """What deleting a measure or criterion takes with it (for the confirmation)."""

    scores: int
    evidence: int  # scores with a source or a confidence
    profile_weights: int


def save_measure(cur: Cursor, assessment_id: int, measure: Measure,
                 replaces: str | None, copy_of: str | None = None) -> None:
    """Add `measure` at the end (with the scores of `copy_of` when it is a copy), or
    update the measure `replaces` (its id may change)."""
    if replaces is None:
        _require_free(cur, assessment_id, "measure", measure.id)
        bulk_insert(cur, assessment_id, measure_rows([measure], _next_position(
            cur, assessment_id, "measure")))
        if copy_of is not None:
            _copy_scores(cur, assessment_id, "measure", copy_of, measure.id)
        return
    _rename(cur, assessment_id, "measure", replaces, measure.id)
    cur.execute(
        "UPDATE measures SET label_nl = ?, label_en = ?, description = ?, description_en = ?, "
        "cost = ?, cost_unit = ?, exclusive_group = ? WHERE assessment_id = ? AND id = ?",
        [measure.label_nl, measure.label_en, measure.description, measure.description_en,
         measure.cost, measure.cost_unit, measure.exclusive_group, assessment_id, measure.id],
    )


def save_criterion(cur: Cursor, assessment_id: int, criterion: Criterion,
                   replaces: str | None, copy_of: str | None = None) -> None:
    """Add `criterion` at the end (with the scores of `copy_of` when it is a copy), or
    update `replaces`; a new scale must hold its scores."""
    if replaces is None:
        _require_free(cur, assessment_id, "criterion", criterion.id)
        bulk_insert(cur, assessment_id, criterion_rows([criterion], _next_position(
            cur, assessment_id, "criterion")))
        if copy_of is not None:
            _copy_scores(cur, assessment_id, "criterion", copy_of, criterion.id)
            _check_scale(cur, assessment_id, criterion)
        return
    _rename(cur, assessment_id, "criterion", replaces, criterion.id)
    _check_scale(cur, assessment_id, criterion)
    cur.execute(
        "UPDATE criteria SET pillar = ?, label_nl = ?, label_en = ?, unit = ?, direction = ?, "
        "scale_min = ?, scale_max = ?, description = ?, weight = ?, unit_en = ?, "
        "description_en = ?, knockout = ? WHERE assessment_id = ? AND id = ?",
        [str(criterion.pillar), criterion.label_nl, criterion.label_en, criterion.unit,
         str(criterion.direction), float(criterion.scale_min), float(criterion.scale_max),
         criterion.description, float(criterion.weight), criterion.unit_en,
         criterion.description_en, criterion.knockout, assessment_id, criterion.id],
    )


def _check_scale(cur: Cursor, assessment_id: int,
                 criterion: Criterion) -> None:
    """The criterion's scores must lie on its (new) scale."""
    low, high = sorted((float(criterion.scale_min), float(criterion.scale_max)))
    outside = cur.execute(
        "SELECT count(*), min(measure_id) FROM scores WHERE assessment_id = ? "
        "AND criterion_id = ? AND (value < ? OR value > ?)",
        [assessment_id, criterion.id, low, high],
    ).fetchone()
    if outside[0]:
        raise StoreError("store.error.scale_excludes_scores", criterion=criterion.id,
                         count=outside[0], measure=outside[1], min=f"{low:g}", max=f"{high:g}")


def _copy_scores(cur: Cursor, assessment_id: int, kind: str, source: str,
                 target: str) -> None:
    _require_exists(cur, assessment_id, kind, source)
    _, column = KINDS[kind]
    other = "criterion_id" if kind == "measure" else "measure_id"
    cur.execute(
        f"INSERT INTO scores (assessment_id, {column}, {other}, value, source, confidence) "  # noqa: S608
        f"SELECT assessment_id, ?, {other}, value, source, confidence FROM scores "
        f"WHERE assessment_id = ? AND {column} = ?",
        [target, assessment_id, source],
    )


def deletion_impact(cur: Cursor, assessment_id: int, kind: str,
                    item_id: str) -> DeletionImpact:
    _, column = KINDS[kind]
    scores, evidence = cur.execute(
        f"SELECT count(*), count(*) FILTER (WHERE source IS NOT NULL OR confidence IS NOT NULL) "  # noqa: S608
        f"FROM scores WHERE assessment_id = ? AND {column} = ?",
        [assessment_id, item_id],
    ).fetchone()
    weights = 0
    if kind == "criterion":
        weights = cur.execute(
            "SELECT count(*) FROM profile_criterion_weights WHERE assessment_id = ? "
            "AND criterion_id = ?", [assessment_id, item_id]).fetchone()[0]
    return DeletionImpact(int(scores), int(evidence), int(weights))


def delete_item(cur: Cursor, assessment_id: int, kind: str,
                item_id: str) -> DeletionImpact:
    """Delete a measure or criterion with its scores (and a criterion's profile weights)."""
    table, column = KINDS[kind]
    _require_exists(cur, assessment_id, kind, item_id)
    impact = deletion_impact(cur, assessment_id, kind, item_id)
    cur.execute(f"DELETE FROM scores WHERE assessment_id = ? AND {column} = ?",  # noqa: S608
                [assessment_id, item_id])
    if kind == "criterion":
        cur.execute("DELETE FROM profile_criterion_weights WHERE assessment_id = ? "
                    "AND criterion_id = ?", [assessment_id, item_id])
    cur.execute(f"DELETE FROM {table} WHERE assessment_id = ? AND id = ?",  # noqa: S608
                [assessment_id, item_id])
    return impact


def move_item(cur: Cursor, assessment_id: int, kind: str, item_id: str,
              step: int) -> bool:
    """Move an item `step` places up (-1) or down (+1); False when it is already at the end."""
    table, _ = KINDS[kind]
    _require_exists(cur, assessment_id, kind, item_id)
    order = [r[0] for r in cur.execute(
        f"SELECT id FROM {table} WHERE assessment_id = ? ORDER BY position",  # noqa: S608
        [assessment_id]).fetchall()]
    at = order.index(item_id)
    to = at + step
    if not 0 <= to < len(order):
        return False
    order.insert(to, order.pop(at))
    cur.executemany(f"UPDATE {table} SET position = ? WHERE assessment_id = ? AND id = ?",  # noqa: S608
                    [[i, assessment_id, item] for i, item in enumerate(order)])
    return True


def _next_position(cur: Cursor, assessment_id: int, kind: str) -> int:
    table, _ = KINDS[kind]
    return int(cur.execute(
        f"SELECT coalesce(max(position) + 1, 0) FROM {table} WHERE assessment_id = ?",  # noqa: S608
        [assessment_id]).fetchone()[0])


def _exists(cur: Cursor, assessment_id: int, kind: str, item_id: str) -> bool:
    table, _ = KINDS[kind]
    return bool(cur.execute(
        f"SELECT count(*) FROM {table} WHERE assessment_id = ? AND id = ?",  # noqa: S608
        [assessment_id, item_id]).fetchone()[0])


def _require_exists(cur, assessment_id: int, kind: str, item_id: str) -> None:
    if not _exists(cur, assessment_id, kind, item_id):
        raise StoreError(f"store.error.{kind}_gone", id=item_id)


def _require_free(cur, assessment_id: int, kind: str, item_id: str) -> None:
    if _exists(cur, assessment_id, kind, item_id):
        raise StoreError(f"store.error.{kind}_id_taken", id=item_id)


def _rename(cur, assessment_id: int, kind: str, old: str, new: str) -> None:
    """Give an item a new id; its scores (and a criterion's profile weights) follow."""
    _require_exists(cur, assessment_id, kind, old)
    if new == old:
        return
    _require_free(cur, assessment_id, kind, new)
    table, column = KINDS[kind]
    cur.execute(f"UPDATE {table} SET id = ? WHERE assessment_id = ? AND id = ?",  # noqa: S608
                [new, assessment_id, old])
    cur.execute(f"UPDATE scores SET {column} = ? WHERE assessment_id = ? AND {column} = ?",  # noqa: S608
                [new, assessment_id, old])
    if kind == "criterion":
        cur.execute("UPDATE profile_criterion_weights SET criterion_id = ? "
                    "WHERE assessment_id = ? AND criterion_id = ?", [new, assessment_id, old])
