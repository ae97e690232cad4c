"""The three pillars: hierarchical weights, pillar scores, balance, Pareto set, trade-offs.

Every measure is looked at through three lenses: ecology, economy and people. A
criterion belongs to one pillar; its weight is its pillar's weight times its weight
within the pillar. A pillar score is the within-weighted mean of the value
functions of its criteria (0..1). Balance, the Pareto set and the trade-off
classes all work on a table of pillar scores (measures x pillars).
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

import numpy as np
import pandas as pd

from impact.methods.problem import (
    EngineError,
    Problem,
    as_number,
    check_weight_value,
    prepare,
    require_value_range,
    unknown_keys,
    values,
)

__all__ = [
    "PILLAR_NAMES",
    "PILLAR_PAIRS",
    "TRADEOFF_CLASSES",
    "PillarStructure",
    "balance_index",
    "hierarchical_weights",
    "neutral_pillar_scores",
    "normalise_pillar_weights",
    "pareto_front",
    "pillar_correlation",
    "pillar_effects",
    "pillar_map",
    "pillar_name",
    "pillar_scores",
    "present_pillars",
    "tradeoff_classes",
    "within_normalised",
]

PILLAR_NAMES: tuple[str, ...] = ("ecology", "economy", "people")
PILLAR_PAIRS: tuple[tuple[str, str], ...] = (
    ("ecology", "economy"),
    ("ecology", "people"),
    ("economy", "people"),
)
TRADEOFF_CLASSES: tuple[str, ...] = ("win-win", "trade-off", "lose-lose", "neutral")


# --------------------------------------------------------------------------------------
# hierarchical weights
# --------------------------------------------------------------------------------------

def pillar_name(pillar: Any) -> str:
    """A pillar's name ("ecology", ...) from a string or a `Pillar`, or an `EngineError`."""
    name = str(pillar).lower()
    if name not in PILLAR_NAMES:
        raise EngineError("engine.error.unknown_pillar", pillar=str(pillar))
    return name


def pillar_map(pillar_of: Mapping[str, Any], criteria: pd.Index | None = None) -> dict[str, str]:
    """criterion -> pillar name; with `criteria`, every criterion and no other needs one."""
    result = {str(c): pillar_name(p) for c, p in pillar_of.items()}
    if criteria is not None:
        unknown_keys(result, criteria, "pillar")
        for c in criteria:
            if c not in result:
                raise EngineError("engine.error.missing_pillar", criterion=c)
    return result


def present_pillars(pmap: Mapping[str, str]) -> list[str]:
    """The pillars that have criteria, in the order of `PILLAR_NAMES`."""
    return [q for q in PILLAR_NAMES if q in pmap.values()]


def normalise_pillar_weights(
    pillar_weights: Mapping[Any, float] | None,
    present: tuple[str, ...] | list[str] = PILLAR_NAMES,
) -> dict[str, float]:
    """Pillar weights normalised to sum 1 over the `present` pillars (equal when None).

    Pillars that are not present get weight 0. Keys may be strings or `Pillar`s.
    """
    if pillar_weights is None:
        return {p: (1.0 / len(present) if p in present else 0.0) for p in PILLAR_NAMES}
    raw = {p: 0.0 for p in PILLAR_NAMES}
    for key, value in pillar_weights.items():
        name = pillar_name(key)
        number = as_number(value)
        if not math.isfinite(number) or number < 0:
            raise EngineError("engine.error.negative_pillar_weight", pillar=name,
                              value=str(value))
        raw[name] = number
    total = sum(raw[p] for p in present)
    if total <= 0:
        raise EngineError("engine.error.zero_pillar_weights")
    return {p: (raw[p] / total if p in present else 0.0) for p in PILLAR_NAMES}


def within_normalised(
    pillar_of: dict[str, str], within: Mapping[str, float] | None
) -> dict[str, float]:
    """Within-pillar weights normalised per pillar (equal when None)."""
    lookup: dict[str, float] = {}
    if within is not None:
        for c, v in within.items():
            c = str(c)
            if c not in pillar_of:
                raise EngineError("engine.error.unknown_criterion", criterion=c, what="weight")
            lookup[c] = check_weight_value(c, v)
    result: dict[str, float] = {}
    for pillar in PILLAR_NAMES:
        members = [c for c, p in pillar_of.items() if p == pillar]
        if not members:
            continue
        raw = [lookup.get(c, 1.0) if within is not None else 1.0 for c in members]
        total = sum(raw)
        if total <= 0:
            raise EngineError("engine.error.zero_within_weights", pillar=pillar)
        result.update({c: r / total for c, r in zip(members, raw, strict=True)})
    return result


def hierarchical_weights(
    pillar_of: Mapping[str, Any],
    pillar_weights: Mapping[Any, float] | None = None,
    within: Mapping[str, float] | None = None,
) -> dict[str, float]:
    """Criterion weights from pillar weights and weights within each pillar.

    A criterion's weight = its pillar's normalised weight x its normalised weight
    within the pillar. Pillar weights are normalised over the pillars that have
    criteria (equal when None); within-pillar weights are normalised per pillar
    (equal when None; a criterion missing from `within` weighs 1). The result sums
    to 1 and keeps the order of `pillar_of`.
    """
    pmap = pillar_map(pillar_of)
    present = present_pillars(pmap)
    if not present:
        raise EngineError("engine.error.no_criteria")
    pw = normalise_pillar_weights(pillar_weights, present)
    inner = within_normalised(pmap, within)
    return {c: pw[p] * inner[c] for c, p in pmap.items()}


# --------------------------------------------------------------------------------------
# pillar scores
# --------------------------------------------------------------------------------------


@dataclass(frozen=True)
class PillarStructure:
    """Which pillar each criterion of a problem is in, and its normalised weight there.

    `pillar_of` maps criterion -> pillar name and `within` criterion -> weight within
    its pillar (summing to 1 per pillar); `criteria` is the problem's column order.
    """

    criteria: pd.Index
    pillar_of: dict[str, str]
    within: dict[str, float]

    @classmethod
    def build(
        cls, criteria: pd.Index, pmap: dict[str, str], within: Mapping[str, float] | None
    ) -> PillarStructure:
        """The structure with `within` normalised per pillar (see `within_normalised`)."""
        return cls(criteria, pmap, within_normalised(pmap, within))

    @property
    def present(self) -> list[str]:
        return present_pillars(self.pillar_of)

    @property
    def mask(self) -> np.ndarray:
        """Per pillar of `PILLAR_NAMES`: whether it has criteria."""
        present = self.present
        return np.array([q in present for q in PILLAR_NAMES])

    @property
    def index(self) -> np.ndarray:
        """Per criterion the position of its pillar in `PILLAR_NAMES`."""
        return np.array([PILLAR_NAMES.index(self.pillar_of[c]) for c in self.criteria])

    @property
    def inner(self) -> np.ndarray:
        """Per criterion its weight within its pillar."""
        return np.array([self.within[c] for c in self.criteria])

    def to_criteria(self, pillar_weights: np.ndarray) -> np.ndarray:
        """Criterion weights (k x m) from pillar weights (k x 3, in `PILLAR_NAMES` order)."""
        return pillar_weights[:, self.index] * self.inner

    def matrix(self) -> np.ndarray:
        """m x 3 matrix A with A[j, k] = within weight of criterion j if it is in pillar k."""
        return pillar_matrix(self.criteria, self.pillar_of, self.within)

    def scores(self, p: Problem) -> pd.DataFrame:
        """Pillar scores of the problem's measures (NaN for a pillar without criteria)."""
        v = p.values()
        return pd.DataFrame(pillar_values(v, self.matrix()), index=p.measures,
                            columns=list(PILLAR_NAMES))

    def neutral(self, p: Problem) -> pd.Series:
        """Pillar scores of a measure scoring 0 on every criterion, clipped to the scale."""
        zero = np.clip(np.zeros(len(p.criteria)), p.lo, p.hi)
        v = values(zero, p.sign, p.lo, p.hi)
        return pd.Series(pillar_values(v[None, :], self.matrix())[0],
                         index=list(PILLAR_NAMES), name="neutral")


def pillar_matrix(
    criteria: pd.Index, pmap: dict[str, str], inner: dict[str, float]
) -> np.ndarray:
    """m x 3 matrix A with A[j, k] = within weight of criterion j if it is in pillar k."""
    a = np.zeros((len(criteria), len(PILLAR_NAMES)))
    for j, c in enumerate(criteria):
        a[j, PILLAR_NAMES.index(pmap[c])] = inner[c]
    return a


def pillar_values(v: np.ndarray, a: np.ndarray) -> np.ndarray:
    """Pillar scores from value functions; NaN for a pillar without criteria."""
    out = v @ a
    empty = a.sum(axis=0) == 0
    if empty.any():
        out = out.astype(float)
        out[..., empty] = np.nan
    return out


def _pillar_setup(
    performance: pd.DataFrame,
    objectives: Mapping[str, Any],
    pillar_of: Mapping[str, Any],
    within: Mapping[str, float] | None,
    scale: Mapping[str, tuple[float, float]] | None,
) -> tuple[Problem, PillarStructure]:
    p = prepare(performance, objectives, None, scale)
    require_value_range(p)
    pmap = pillar_map(pillar_of, p.criteria)
    pmap = {c: pmap[c] for c in p.criteria}
    return p, PillarStructure.build(p.criteria, pmap, within)


def pillar_scores(
    performance: pd.DataFrame,
    *,
    objectives: Mapping[str, Any],
    pillar_of: Mapping[str, Any],
    within: Mapping[str, float] | None = None,
    scale: Mapping[str, tuple[float, float]] | None = None,
) -> pd.DataFrame:
    """Per measure a 0..1 score per pillar: the within-weighted mean of its value functions.

    Columns ecology, economy, people (NaN for a pillar without criteria).
    """
    p, structure = _pillar_setup(performance, objectives, pillar_of, within, scale)
    return structure.scores(p)


def neutral_pillar_scores(
    performance: pd.DataFrame,
    *,
    objectives: Mapping[str, Any],
    pillar_of: Mapping[str, Any],
    within: Mapping[str, float] | None = None,
    scale: Mapping[str, tuple[float, float]] | None = None,
) -> pd.Series:
    """Pillar scores of a "no change" measure: 0 on every criterion, clipped to its scale.

    This is the neutral point against which gains and losses are judged: on a
    -3..+3 scale it is 0.5; for "lower cost is better" on 0..60 it is 1 (no cost).
    """
    p, structure = _pillar_setup(performance, objectives, pillar_of, within, scale)
    return structure.neutral(p)


# --------------------------------------------------------------------------------------
# balance, Pareto set, trade-offs, correlation
# --------------------------------------------------------------------------------------


def _pillar_columns(pillars: pd.DataFrame) -> list[str]:
    present = [p for p in PILLAR_NAMES if p in pillars.columns]
    filled = pillars[present].notna().any(axis=0).to_numpy()
    return [p for p, f in zip(present, filled, strict=True) if f]


def balance_index(pillars: pd.DataFrame) -> pd.Series:
    """How evenly a measure scores on its pillars: weakest pillar / mean pillar score.

    1 = all pillars equal (perfectly balanced); towards 0 = one pillar far behind
    the others; 0 = one pillar at the very bottom of its scales. Pillars without
    criteria are left out. A measure with all pillar scores 0 counts as balanced (1).
    Balance says nothing about how good a measure is, only how even.
    """
    cols = _pillar_columns(pillars)
    values = pillars[cols].to_numpy(dtype=float)
    low = values.min(axis=1)
    mean = values.mean(axis=1)
    with np.errstate(divide="ignore", invalid="ignore"):
        ratio = np.where(mean > 0, low / np.where(mean > 0, mean, 1.0), 1.0)
    return pd.Series(ratio, index=pillars.index, name="balance")


def pareto_front(pillars: pd.DataFrame) -> pd.Series:
    """True for measures no other measure beats on every pillar (non-dominated set).

    A measure is dominated when another one scores at least as well on all pillars
    and strictly better on at least one.
    """
    cols = _pillar_columns(pillars)
    v = pillars[cols].to_numpy(dtype=float)
    ge = (v[:, None, :] >= v[None, :, :]).all(axis=2)  # ge[j, i]: j at least as good as i
    gt = (v[:, None, :] > v[None, :, :]).any(axis=2)
    dominated = (ge & gt).any(axis=0)
    return pd.Series(~dominated, index=pillars.index, name="pareto")


def pillar_effects(
    pillars: pd.DataFrame, neutral: pd.Series | Mapping[str, float], tol: float = 1e-9
) -> pd.DataFrame:
    """Per measure and pillar: +1 gain, -1 loss, 0 no change against the neutral point."""
    cols = _pillar_columns(pillars)
    diff = pillars[cols].to_numpy(dtype=float) - np.array([float(neutral[c]) for c in cols])
    out = np.where(np.abs(diff) > tol, np.sign(diff), 0.0).astype(int)
    return pd.DataFrame(out, index=pillars.index, columns=cols)


def tradeoff_classes(
    pillars: pd.DataFrame, neutral: pd.Series | Mapping[str, float], tol: float = 1e-9
) -> pd.DataFrame:
    """Per measure and pillar pair the kind of effect against the neutral point.

    Columns "ecology-economy", "ecology-people", "economy-people"; values:
    "win-win" (both pillars better than doing nothing), "lose-lose" (both worse),
    "trade-off" (one better, the other worse), "neutral" (at least one pillar
    unchanged, within `tol`). Pairs with a pillar without criteria are left out.
    """
    effects = pillar_effects(pillars, neutral, tol)
    data: dict[str, list[str]] = {}
    for a, b in PILLAR_PAIRS:
        if a not in effects.columns or b not in effects.columns:
            continue
        ea, eb = effects[a].to_numpy(), effects[b].to_numpy()
        cls = np.where(
            (ea == 0) | (eb == 0),
            "neutral",
            np.where((ea > 0) & (eb > 0), "win-win",
                     np.where((ea < 0) & (eb < 0), "lose-lose", "trade-off")),
        )
        data[f"{a}-{b}"] = list(cls)
    return pd.DataFrame(data, index=pillars.index)


def pillar_correlation(pillars: pd.DataFrame, method: str = "pearson") -> pd.DataFrame:
    """Correlation between pillar scores across the measures (pillars x pillars).

    Negative = measures that do well on one pillar tend to do badly on the other
    (a structural trade-off). NaN where a pillar does not vary.
    """
    cols = _pillar_columns(pillars)
    return pillars[cols].corr(method=method)

