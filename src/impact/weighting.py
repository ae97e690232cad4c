"""The weight settings of a result as one value: pillar and criterion weights, floors, method.

A `Weighting` is what the sliders, a stakeholder profile or the command line choose, and
what `impact.engine`, `impact.robustness`, `impact.charts` and `impact.export` compute
with. It is frozen and hashable (its mappings are kept as sorted tuples of pairs), so
it serves as the cache key of a result.

Values are kept as given and checked where they are used (`impact.engine`), so a bad
value fails with the same `EngineError`, in the same words, as it always has.

Shown to people, pillar weights are points out of 100: `to_points` scales them, and
`whole_points` rounds them to whole points that sum to exactly 100 (largest
remainder). Every place that shows pillar weights uses that one rounding, so equal
thirds read 34/33/33 on the sliders, in chart subtitles, tables and the report alike.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING, Any

from impact.model import PILLARS, Pillar

if TYPE_CHECKING:
    from impact.model import Assessment, WeightProfile

__all__ = [
    "TOTAL_POINTS",
    "VIKOR_V",
    "Weighting",
    "rebalance",
    "resolve_weighting",
    "to_points",
    "whole_points",
]

TOTAL_POINTS = 100
VIKOR_V = 0.5  # VIKOR's default v (impact.methods.vikor.V; not imported: that loads skcriteria)

Pairs = tuple[tuple[str, Any], ...]
# what the constructor takes for a mapping field: a mapping or (key, value) pairs
WeightsIn = Mapping[Any, Any] | Iterable[tuple[Any, Any]]

_PILLAR_ORDER = {str(p): i for i, p in enumerate(PILLARS)}


# --------------------------------------------------------------------------------------
# points: one rounding for every place that shows pillar weights
# --------------------------------------------------------------------------------------


def to_points(weights: Mapping[Pillar | str, float] | None) -> dict[Pillar, float]:
    """Pillar weights scaled to sum to 100 points (equal when all are 0 or missing)."""
    raw = {p: max(float((weights or {}).get(p, 0.0)), 0.0) for p in PILLARS}
    total = sum(raw.values())
    if total <= 0:
        return {p: TOTAL_POINTS / len(PILLARS) for p in PILLARS}
    return {p: TOTAL_POINTS * v / total for p, v in raw.items()}


def _largest_remainder(exact: Mapping[Pillar, float], total: int) -> dict[Pillar, int]:
    """Whole numbers summing to `total`: each exact value rounded down, then one more for
    the largest remainders (ties go to the first key)."""
    result = {p: int(v) for p, v in exact.items()}
    left = total - sum(result.values())
    for p in sorted(exact, key=lambda p: -(exact[p] - result[p]))[:left]:
        result[p] += 1
    return result


def whole_points(weights: Mapping[Pillar | str, float] | None) -> dict[Pillar, int]:
    """Whole points summing to exactly 100 (largest remainder; ties go to the first pillar)."""
    return _largest_remainder(to_points(weights), TOTAL_POINTS)


def rebalance(
    weights: Mapping[Pillar | str, float] | None, changed: Pillar | str, value: float
) -> dict[Pillar, int]:
    """Set one pillar to `value` points; the others share the rest in their current ratio.

    What moving one pillar slider does. The result is whole points that always sum to
    100. When the other pillars both weigh 0, they share the rest equally.
    """
    changed = Pillar(changed)
    value = int(round(min(max(float(value), 0.0), TOTAL_POINTS)))
    current = to_points(weights)
    others = [p for p in PILLARS if p != changed]
    base = sum(current[p] for p in others)
    rest = TOTAL_POINTS - value
    exact = {p: rest * (current[p] / base if base > 0 else 1 / len(others)) for p in others}
    result = {changed: value, **_largest_remainder(exact, rest)}
    return {p: result[p] for p in PILLARS}


# --------------------------------------------------------------------------------------
# the value object
# --------------------------------------------------------------------------------------


def _pairs(items: WeightsIn | None, key_of: Any) -> Pairs:
    """Sorted (key, value) pairs; a later duplicate key wins, as in a dict."""
    merged = {key_of(k): v for k, v in dict(items or {}).items()}
    return tuple(sorted(merged.items(), key=lambda kv: _sort_key(kv[0])))


def _pillar_key(key: Any) -> str:
    """'ecology' for Pillar.ECOLOGY or 'Ecology'; an unknown name is kept for the engine's
    error message."""
    name = str(key).lower()
    return name if name in _PILLAR_ORDER else str(key)


def _sort_key(key: str) -> tuple[int, str]:
    return (_PILLAR_ORDER.get(key, len(_PILLAR_ORDER)), key)


@dataclass(frozen=True)
class Weighting:
    """How a result is weighted: one frozen, hashable value.

    - `pillar_weights`: pillar -> relative weight (any non-negative scale: the sliders'
      points, a profile's own numbers); None = not chosen, which means equal weights
      for a ranking and weights drawn uniformly for SMAA.
    - `criterion_weights`: criterion -> weight within its pillar, overriding the
      criterion's own weight.
    - `floors`: pillar -> minimum pillar score 0..1 (see `impact.engine.evaluate`).
    - `method`: the ranking method (see `impact.methods`).
    - `vikor_v`: VIKOR's v, 0..1: the weight of the group utility against the largest
      regret (used only by ``vikor``; kept when another method is picked, so switching
      back finds it).
    - `profile`: the name of the stakeholder profile the weights came from, if any (a
      label: the weights themselves are in the fields above).

    The mapping fields accept a mapping (or pairs) and are kept as (key, value) tuples
    sorted by pillar or criterion; pillar keys may be `Pillar`s or names. Change a field
    with `dataclasses.replace` (mappings are accepted there too).
    """

    pillar_weights: Pairs | None = None
    criterion_weights: Pairs = ()
    floors: Pairs = ()
    method: str = "wsm"
    profile: str | None = None
    vikor_v: float = VIKOR_V

    def __post_init__(self) -> None:
        # frozen: canonical forms are set once, here, so equal settings are equal values
        if self.pillar_weights is not None:
            object.__setattr__(self, "pillar_weights", _pairs(self.pillar_weights, _pillar_key))
        object.__setattr__(self, "criterion_weights", _pairs(self.criterion_weights, str))
        object.__setattr__(self, "floors", _pairs(self.floors, _pillar_key))

    # -- made from ---------------------------------------------------------------------

    @classmethod
    def equal(cls, method: str = "wsm") -> Weighting:
        """Equal pillar weights as points (100/3 each): the app's starting point."""
        return cls(pillar_weights={p: TOTAL_POINTS / len(PILLARS) for p in PILLARS},
                   method=method)

    @classmethod
    def from_profile(cls, profile: WeightProfile, method: str = "wsm") -> Weighting:
        """A stakeholder profile's pillar and criterion weights, named after it (its own
        numbers, as the command line and the export use a profile)."""
        return cls(
            pillar_weights=profile.pillar_weights,
            criterion_weights={str(k): float(v) for k, v in profile.criterion_weights.items()},
            method=method,
            profile=profile.name,
        )

    # -- changed -----------------------------------------------------------------------

    def rebalanced(self, pillar: Pillar | str, value: float) -> Weighting:
        """What moving one pillar slider to `value` points does (see `rebalance`).

        The other pillars keep their proportions; the pillar weights become whole
        points summing to 100; the weights are no longer a profile's (`profile` None).
        """
        points = rebalance(self.pillar_mapping(), pillar, value)
        return replace(self, pillar_weights=points, profile=None)

    def with_profile(self, profile: WeightProfile) -> Weighting:
        """What picking a profile on the weights page does: its pillar weights as points,
        its criterion weights and its name; the method (and its v) and the floors stay."""
        chosen = Weighting.from_profile(profile, self.method)
        return replace(chosen, pillar_weights=to_points(profile.pillar_weights),
                       floors=self.floors, vikor_v=self.vikor_v)

    def with_floor(self, pillar: Pillar | str, value: float) -> Weighting:
        """A pillar's floor set to `value`, or removed when it is 0 or less (a floor of 0
        would still show as a floor in the tables)."""
        floors = dict(self.floors)
        floors.pop(_pillar_key(pillar), None)
        if value > 0:
            floors[_pillar_key(pillar)] = float(value)
        return replace(self, floors=floors)

    def with_criterion_weight(self, criterion: str, value: float) -> Weighting:
        """One criterion's weight within its pillar changed; no longer a profile's."""
        weights = {**dict(self.criterion_weights), str(criterion): float(value)}
        return replace(self, criterion_weights=weights, profile=None)

    # -- read --------------------------------------------------------------------------

    def pillar_mapping(self) -> dict[str, Any] | None:
        """The pillar weights as a dict (None: not chosen)."""
        return None if self.pillar_weights is None else dict(self.pillar_weights)

    def points(self) -> dict[Pillar, float]:
        """The pillar weights as points summing to 100 (equal when not chosen)."""
        return to_points(self.pillar_mapping())

    def whole_points(self) -> dict[Pillar, int]:
        """The pillar weights as whole points summing to exactly 100: what is shown."""
        return whole_points(self.pillar_mapping())

    def within(self, assessment: Assessment) -> dict[str, Any]:
        """Criterion weights within their pillar for `assessment`: each criterion's own
        weight, overridden by this weighting's criterion weights."""
        within: dict[str, Any] = assessment.within_weights()
        within.update(self.criterion_weights)
        return within


def resolve_weighting(
    assessment: Assessment,
    weighting: Weighting | None = None,
    *,
    pillar_weights: Mapping[Any, float] | None = None,
    profile: WeightProfile | None = None,
    method: str | None = None,
    floors: Mapping[Any, float] | None = None,
    criterion_weights: Mapping[str, float] | None = None,
) -> Weighting:
    """`weighting`, or the one the separate keywords of the older signatures describe.

    Kept so that callers of `evaluate(..., pillar_weights=..., profile=..., method=...,
    floors=..., criterion_weights=...)` keep working. As there: explicit
    `pillar_weights` win over the profile's, else the profile's, else none chosen;
    within-pillar weights are the profile's (for the assessment's criteria; it
    ignores others), overridden by `criterion_weights`. Giving both a weighting and
    separate keywords is a `TypeError`.
    """
    separate = (pillar_weights, profile, method, floors, criterion_weights)
    if weighting is not None:
        if any(value is not None for value in separate):
            raise TypeError("give either weighting= or the separate weight settings, not both")
        return weighting
    within: dict[str, Any] = {}
    if profile is not None:
        overrides = profile.criterion_weights
        within = {c.id: float(overrides[c.id]) for c in assessment.criteria if c.id in overrides}
        if pillar_weights is None:
            pillar_weights = profile.pillar_weights
    within.update({str(k): v for k, v in (criterion_weights or {}).items()})
    return Weighting(
        pillar_weights=pillar_weights,
        criterion_weights=within,
        floors=floors or {},
        method="wsm" if method is None else method,
        profile=None if profile is None else profile.name,
    )
