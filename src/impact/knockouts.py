"""Knock-outs: legal go/no-go limits on criteria (a Natura 2000 deterioration test, a
critical-deposition exceedance). A measure that fails one is not admissible: it is
ranked after every admissible measure and never enters a package."""

from __future__ import annotations

from impact.model import Assessment


def knockouts(assessment: Assessment) -> dict[str, list[str]]:
    """Measure id -> the criteria whose knock-out it fails (only failing measures)."""
    failing: dict[str, list[str]] = {}
    for criterion in assessment.criteria:
        if criterion.knockout is None:
            continue
        for measure in assessment.measures:
            score = assessment.scores.get((measure.id, criterion.id))
            if score is not None and criterion.fails(score.value):
                failing.setdefault(measure.id, []).append(criterion.id)
    return failing
