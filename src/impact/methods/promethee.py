"""``promethee``: PROMETHEE II net flows (Brans & Vincke 1985) and the GAIA plane.

Per criterion j and pair of measures (a, b), d = x_a - x_b ("max"; b - a for "min")
in the criterion's own units, and a preference P_j(d) in 0..1 (option
``preference``: criterion -> {"function": ..., "q": ..., "p": ..., "s": ...}):

- ``usual`` (default): 1 if d > 0, else 0;
- ``vshape`` (V-shape, type III; p > 0): d / p up to p, then 1;
- ``linear`` (type V; 0 <= q < p): 0 up to q, (d - q) / (p - q) up to p, then 1;
- ``gaussian`` (type VI; s > 0, else p): 1 - exp(-d^2 / (2 s^2)) for d > 0.

pi(a, b) = sum of w_j P_j(a, b); the net flow phi(a) = (sum over b of pi(a, b) -
pi(b, a)) / (n - 1), -1..1, is the score (higher is better). It is the weighted sum
of the unicriterion net flows phi_j (`unicriterion_flows`), so it is linear in the
weights: the kernel is one matrix product. The reference computes pi pair by pair,
as the definition reads; tests check both against pymcdm's PROMETHEE_II.

Like TOPSIS and VIKOR, PROMETHEE compares the measures with each other: adding or
removing one can change the order of the others.

GAIA (`gaia`, Mareschal & Brans 1988) is the principal-component plane of the
unicriterion net flows: measures as points, criteria as axes, the weights as the
decision stick, and the share of the flows' variance the plane keeps.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

import numpy as np
import pandas as pd

from impact.methods.base import linear_method
from impact.methods.problem import (
    EngineError,
    Problem,
    as_number,
    format_number,
    require_difference,
    unknown_keys,
)
from impact.methods.ranks import competition_rank
from impact.preferences import FUNCTIONS, USED_THRESHOLDS, threshold_issue

__all__ = ["FUNCTIONS", "USED_THRESHOLDS", "GaiaPlane", "gaia", "preference",
           "threshold_issue", "unicriterion_flows"]

NAME = "promethee"


@dataclass(frozen=True)
class Preference:
    """One criterion's preference function and its thresholds (score units)."""

    function: str = "usual"
    q: float = 0.0
    p: float = 0.0
    s: float = 0.0

    def __call__(self, d: np.ndarray) -> np.ndarray:
        """P(d) in 0..1 (0 for d <= 0)."""
        if self.function == "usual":
            return (d > 0).astype(float)
        if self.function == "vshape":
            return np.clip(d / self.p, 0.0, 1.0)
        if self.function == "linear":
            return np.clip((d - self.q) / (self.p - self.q), 0.0, 1.0)
        return np.where(d > 0, -np.expm1(-(d * d) / (2 * self.s * self.s)), 0.0)


def _one_preference(criterion: str, raw: object) -> Preference:
    if raw is None:
        return Preference()
    if isinstance(raw, str):
        raw = {"function": raw}
    if not isinstance(raw, Mapping):
        raise EngineError("engine.error.unknown_preference", criterion=criterion,
                          value=str(raw), choices=", ".join(FUNCTIONS))
    function = str(raw.get("function") or "usual").strip().lower()
    if function not in FUNCTIONS:
        raise EngineError("engine.error.unknown_preference", criterion=criterion,
                          value=function, choices=", ".join(FUNCTIONS))
    q = as_number(raw["q"]) if raw.get("q") is not None else 0.0
    p = as_number(raw["p"]) if raw.get("p") is not None else 0.0
    s = as_number(raw["s"]) if raw.get("s") is not None else p
    if threshold_issue(function, q, p, s) is not None:
        raise EngineError("engine.error.invalid_thresholds", criterion=criterion,
                          function=function, q=format_number(q), p=format_number(p),
                          s=format_number(s))
    return Preference(function, q, p, s)


def preference(p: Problem) -> list[Preference]:
    """Per criterion its preference function (option ``preference``; default usual)."""
    chosen = p.options.get("preference") or {}
    if not isinstance(chosen, Mapping):
        raise EngineError("engine.error.unknown_preference", criterion="?", value=str(chosen),
                          choices=", ".join(FUNCTIONS))
    unknown_keys(chosen, p.criteria, "preference")
    lookup = {str(k): v for k, v in chosen.items()}
    return [_one_preference(c, lookup.get(c)) for c in p.criteria]


def check(problem: Problem) -> None:
    require_difference(problem, NAME)
    preference(problem)


def _preference_arrays(prefs: list[Preference]) -> list[tuple[str, np.ndarray, Preference]]:
    """(function, criterion columns, thresholds as arrays over those columns) per function."""
    groups = []
    for function in FUNCTIONS:
        cols = np.array([j for j, pref in enumerate(prefs) if pref.function == function])
        if len(cols):
            picked = [prefs[j] for j in cols]
            groups.append((function, cols, Preference(
                function, *(np.array([getattr(x, t) for x in picked]) for t in "qps"))))
    return groups


def unicriterion_flows(p: Problem, x: np.ndarray | None = None) -> np.ndarray:
    """(..., n, m) unicriterion net flows phi_j(a) = mean over b != a of P_j(a, b) - P_j(b, a).

    One measure b at a time, all criteria of one preference function at once (their
    thresholds broadcast), so sampled scores (k x n x m) need no n x n array.
    """
    data = p.x if x is None else x
    groups = _preference_arrays(preference(p))
    n = data.shape[-2]
    signed = data * p.sign
    flows = np.zeros(data.shape)
    if data.ndim == 2 and groups and groups[0][0] == "usual":
        # usual: measures strictly worse minus strictly better, by sorting (n log n)
        _, cols, _ = groups.pop(0)
        for j in cols:
            ordered = np.sort(signed[:, j])
            below = np.searchsorted(ordered, signed[:, j], side="left")
            above = n - np.searchsorted(ordered, signed[:, j], side="right")
            flows[:, j] = below - above
    for b in range(n if groups else 0):
        d = signed - signed[..., b:b + 1, :]  # a - b for every a, per criterion
        for _, cols, pref in groups:
            dc = d[..., cols]
            flows[..., cols] += pref(dc) - pref(-dc)
    return flows / (n - 1)


def reference(p: Problem) -> tuple[np.ndarray, np.ndarray]:
    """Net flow from the preference matrix pi, pair by pair (the textbook definition)."""
    assert p.weights is not None
    prefs = preference(p)
    n = len(p.measures)
    signed = p.x * p.sign
    pi = np.zeros((n, n))
    for a in range(n):
        for b in range(n):
            if a != b:
                pi[a, b] = sum(w * pref(np.asarray(signed[a, j] - signed[b, j]))
                               for j, (w, pref) in enumerate(zip(p.weights, prefs, strict=True)))
    phi = (pi.sum(axis=1) - pi.sum(axis=0)) / (n - 1)
    return phi, competition_rank(phi)


# the net flow is the weighted sum of the unicriterion flows: rank and kernel are products
METHOD = linear_method(NAME, check, reference, unicriterion_flows)


# --------------------------------------------------------------------------------------
# GAIA
# --------------------------------------------------------------------------------------


@dataclass(frozen=True)
class GaiaPlane:
    """The GAIA plane: the first two principal components of the unicriterion net flows.

    - `measures`: n x 2 (columns u, v), each measure's flows projected on the plane;
    - `criteria`: m x 2, each criterion's unit axis projected (its direction);
    - `stick`: the weight vector projected (the decision stick; PROMETHEE II's
      best measures lie furthest along it);
    - `kept`: the share of the flows' variance the plane keeps (delta, 0..1).

    Axis signs are fixed so that the stick has u >= 0 and v >= 0 (a plane's
    orientation is otherwise arbitrary).
    """

    measures: pd.DataFrame
    criteria: pd.DataFrame
    stick: pd.Series
    kept: float


def gaia(p: Problem) -> GaiaPlane:
    """The GAIA plane of a prepared problem with weights."""
    assert p.weights is not None
    phi = unicriterion_flows(p)
    # net flows sum to 0 over the measures, so the columns are centred already;
    # the covariance's eigenvectors are the right singular vectors of phi
    _, sv, vt = np.linalg.svd(phi, full_matrices=False)
    axes = np.zeros((len(p.criteria), 2))
    k = min(2, vt.shape[0])
    axes[:, :k] = vt[:k].T
    stick = p.weights @ axes
    flip = np.where(stick < 0, -1.0, 1.0)
    axes *= flip
    variance = sv ** 2
    kept = float(variance[:2].sum() / variance.sum()) if variance.sum() > 0 else 1.0
    cols = ["u", "v"]
    return GaiaPlane(
        measures=pd.DataFrame(phi @ axes, index=p.measures, columns=cols),
        criteria=pd.DataFrame(axes, index=p.criteria, columns=cols),
        stick=pd.Series(p.weights @ axes, index=cols),
        kept=kept,
    )
