"""Validation: one function per sheet, run in sheet order, then the Assessment is built.

Each sheet validator adds every problem it finds to the file's Collector and returns what
the later sheets need (criteria → measures → profiles, evidence). Nothing is built when any
problem was found, so a file with an error imports nothing.
"""

from __future__ import annotations

from typing import Any

from impact.io.issues import Collector
from impact.io.tables import Table
from impact.io.validate.assessment import validate_assessment_sheet, validate_json_head
from impact.io.validate.criteria import CriteriaSheet, validate_criteria
from impact.io.validate.evidence import Evidence, validate_evidence
from impact.io.validate.measures import MeasuresSheet, validate_measures
from impact.io.validate.profiles import validate_profiles
from impact.model import Assessment, Criterion, Score, WeightProfile

__all__ = ["validate_sheets"]


def validate_sheets(
    tables: dict[str, Table], out: Collector, default_name: str, head: dict[str, Any],
    allow_missing: bool,
) -> Assessment | None:
    """The assessment in `tables`, or None when `out` holds any issue (also a reader's)."""
    if out.kind == "json":
        name, description = validate_json_head(head, out, default_name)
    else:
        name, description = validate_assessment_sheet(tables, out, default_name)
    criteria = validate_criteria(tables, out)
    measures = validate_measures(tables, out, criteria, allow_missing)
    profiles = validate_profiles(tables, out, criteria)
    evidence = validate_evidence(tables, out, criteria, measures)
    if out.issues:
        return None
    return _build(name, description, criteria, measures, profiles, evidence)


def _build(
    name: str, description: str, criteria: CriteriaSheet, measures: MeasuresSheet,
    profiles: list[WeightProfile], evidence: Evidence,
) -> Assessment:
    built = [
        Criterion(
            id=c.id, pillar=c.pillar, label_nl=c.fields["label_nl"],
            label_en=c.fields["label_en"], unit=c.fields["unit"],
            direction=c.fields["direction"], scale_min=c.scale[0], scale_max=c.scale[1],
            description=c.fields["description"], weight=c.weight,
            unit_en=c.fields["unit_en"], description_en=c.fields["description_en"],
            knockout=c.fields["knockout"], pref_function=c.fields["pref_function"],
            pref_q=c.fields["pref_q"], pref_p=c.fields["pref_p"], pref_s=c.fields["pref_s"],
            spotis_expected=c.fields["spotis_expected"],
        )
        for c in criteria.valid
    ]
    scores = {}
    for (mid, cid), value in measures.scores.items():
        source, confidence = evidence.get((mid, cid), (None, None))
        scores[(mid, cid)] = Score(mid, cid, value, source, confidence)
    return Assessment(
        name=name, description=description, criteria=built, measures=measures.measures,
        scores=scores, profiles=profiles,
    )
