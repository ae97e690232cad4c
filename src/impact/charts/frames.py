"""The data the charts draw: evaluation tables best first, criterion values 0..1."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

import numpy as np
import pandas as pd

from impact import engine
from impact.model import Assessment, Pillar


def _sorted(table: pd.DataFrame) -> pd.DataFrame:
    """Best first: by rank, ties by score (descending), then by original order."""
    order = table.assign(_pos=np.arange(len(table)))
    return order.sort_values(["rank", "score", "_pos"], ascending=[True, False, True]).drop(
        columns="_pos"
    )


def _pillar_dict(values: Mapping[Pillar | str, float] | pd.Series | None) -> dict[Pillar, float]:
    """Pillar -> float from a mapping or a Series keyed by pillar names (None -> {})."""
    if values is None:
        return {}
    return {Pillar(str(k)): float(v) for k, v in values.items()}


def _filter(table: pd.DataFrame, measures: Sequence[str] | None) -> pd.DataFrame:
    if measures is None:
        return table
    wanted = [m for m in measures if m in table.index]
    return table.loc[wanted]


def criterion_neutral_values(assessment: Assessment) -> dict[str, float]:
    """Per criterion the value (0..1, 1 = best) of "no change": a score of 0.

    As in `engine.neutral_pillar_scores`, 0 is clipped to the criterion's scale first.
    """
    out: dict[str, float] = {}
    for c in assessment.criteria:
        lo, hi = float(c.scale_min), float(c.scale_max)
        if hi <= lo:
            out[c.id] = 0.5
            continue
        v = (min(max(0.0, lo), hi) - lo) / (hi - lo)
        out[c.id] = v if c.objective == "max" else 1.0 - v
    return out


def criterion_values(assessment: Assessment) -> pd.DataFrame:
    """Scores on the value scale 0..1 (1 = best), normalised on the declared scales."""
    return engine.value_matrix(
        assessment.performance(), objectives=assessment.objectives(), scale=assessment.scale()
    )


def with_knockout_names(table: pd.DataFrame, assessment: Assessment) -> pd.DataFrame:
    """`table` (an evaluation's) with the failing criteria's names per language
    (`knockout_names_nl`, `knockout_names_en`), for the charts' hover and keys."""
    if "knockout_criteria" not in table:
        return table
    labels = {c.id: (c.label("nl"), c.label("en")) for c in assessment.criteria}

    def names(cell: object, k: int) -> str:
        ids = [i for i in str(cell or "").split(",") if i]
        return ", ".join(labels.get(i, (i, i))[k] for i in ids)

    return table.assign(**{f"knockout_names_{lang}": [names(v, k) for v in
                                                       table["knockout_criteria"]]
                           for k, lang in enumerate(("nl", "en"))})
