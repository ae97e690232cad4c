"""``spotis``: SPOTIS (Dezert et al. 2020), expected solution point (scikit-criteria ``SPOTIS``).

The bounds of every criterion are its declared scale (SPOTIS refuses a criterion
without one): they are fixed before any measure is seen. Per criterion the
expected solution point (ESP, option ``esp``: criterion -> value on its scale) is
the value one aims at; by default the best end of the scale (the ideal solution
point). Distance d = |x - esp| / (hi - lo); score = 1 - sum of w d (0..1, higher
is better).

Because the score of a measure depends only on its own scores, the weights, the
bounds and the ESP, never on the other measures, adding or removing measures never
changes the order of the others (no rank reversal). With the default ESP the score
is exactly the weighted sum of the value functions (``wsm`` on the declared
scales): d = 1 - v. An ESP inside the scale (a target, such as "as close to 50% as
possible") is what makes SPOTIS differ from the weighted sum.
"""

from __future__ import annotations

from collections.abc import Mapping

import numpy as np

from impact.methods.base import linear_method
from impact.methods.problem import EngineError, Problem, as_number, format_number, unknown_keys
from impact.methods.ranks import competition_rank
from impact.methods.scikit import SPOTIS, SumScaler, decision_matrix

NAME = "spotis"

_WEIGHT_SCALER = SumScaler(target="weights")


def expected_point(p: Problem) -> np.ndarray:
    """Per criterion the ESP: option ``esp``, else the best end of the declared scale."""
    esp = np.where(p.sign > 0, p.hi, p.lo)
    chosen = p.options.get("esp") or {}
    if not isinstance(chosen, Mapping):
        raise EngineError("engine.error.invalid_esp", criterion="?", value=str(chosen),
                          lo="?", hi="?")
    unknown_keys(chosen, p.criteria, "esp")
    lookup = {str(k): v for k, v in chosen.items()}
    for j, c in enumerate(p.criteria):
        if lookup.get(c) is None:
            continue
        value = as_number(lookup[c])
        if not p.lo[j] <= value <= p.hi[j]:  # NaN fails too
            raise EngineError("engine.error.invalid_esp", criterion=c, value=str(lookup[c]),
                              lo=format_number(p.lo[j]), hi=format_number(p.hi[j]))
        esp[j] = value
    return esp


def check(problem: Problem) -> None:
    for j in np.flatnonzero(~problem.declared):
        raise EngineError("engine.error.spotis_needs_scale", criterion=problem.criteria[j])
    expected_point(problem)


def closeness(p: Problem, x: np.ndarray | None = None) -> np.ndarray:
    """(..., n, m) 1 - |x - esp| / (hi - lo): the per-criterion part of the score."""
    data = p.x if x is None else x
    return 1.0 - np.abs(data - expected_point(p)) / (p.hi - p.lo)


def reference(p: Problem) -> tuple[np.ndarray, np.ndarray]:
    """Score through scikit-criteria, ranked by `competition_rank`."""
    dm = _WEIGHT_SCALER.transform(decision_matrix(p))
    result = SPOTIS().evaluate(dm, bounds=np.column_stack([p.lo, p.hi]),
                               isp=expected_point(p))
    score = 1.0 - np.asarray(result.e_.score, dtype=float)
    return score, competition_rank(score)


# the score is the weighted sum of `closeness`: rank and kernel are matrix products
METHOD = linear_method(NAME, check, reference, closeness)
