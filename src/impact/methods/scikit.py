"""scikit-criteria, the reference library: imported once, its import-time warnings silenced.

Its import takes about 2 s, so it happens here at start-up (when the registry is
imported), never inside a rerun.
"""

from __future__ import annotations

import warnings

from impact.methods.problem import Problem

with warnings.catch_warnings():  # skcriteria warns about its own deprecated modules on import
    warnings.simplefilter("ignore")
    import skcriteria as skc
    from skcriteria.agg.simple import WeightedSumModel
    from skcriteria.agg.spotis import SPOTIS
    from skcriteria.agg.topsis import TOPSIS
    from skcriteria.agg.vikor import VIKOR
    from skcriteria.pipelines import mkpipe
    from skcriteria.preprocessing.scalers import SumScaler, VectorScaler

__all__ = [
    "SPOTIS",
    "TOPSIS",
    "VIKOR",
    "SumScaler",
    "VectorScaler",
    "WeightedSumModel",
    "decision_matrix",
    "mkpipe",
]


def decision_matrix(p: Problem, x=None, objectives=None):
    """The problem as a scikit-criteria DecisionMatrix (optionally other scores/objectives)."""
    return skc.mkdm(
        p.x if x is None else x,
        objectives if objectives is not None else p.objectives,
        weights=p.weights,
        alternatives=list(p.measures),
        criteria=list(p.criteria),
    )
