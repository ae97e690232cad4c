"""A package of measures within a budget: knock-outs, the best package, the frontier.

Regional programmes choose a package, not one measure. The package maximises the sum
of the measures' overall scores (the same weighting as the ranking) within a budget,
with at most one measure per exclusive group, optional floors per pillar (the
package's mean pillar score), and measures the user requires or forbids. A measure
that fails a knock-out (a legal go/no-go on a criterion) is never in a package. The
problem is a small 0-1 programme, solved exactly by `scipy.optimize.milp` (HiGHS).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

import numpy as np
from scipy.optimize import Bounds, LinearConstraint, milp

from impact import engine
from impact.errors import UserError
from impact.knockouts import knockouts
from impact.model import PILLARS, Assessment, Pillar
from impact.weighting import Weighting


class PortfolioError(UserError):
    """A package that cannot be asked for (no costs, a negative budget, ...)."""


@dataclass(frozen=True)
class Package:
    """The chosen measures, their cost and what they bring, per pillar too."""

    measures: tuple[str, ...]
    cost: float
    score: float  # the sum of the measures' overall scores
    pillars: dict[str, float]  # the package's mean pillar score per pillar (0..1)
    budget: float
    feasible: bool = True


@dataclass(frozen=True)
class Candidates:
    """The measures a package may hold, and why the others may not."""

    ids: list[str]
    cost: np.ndarray
    score: np.ndarray
    pillar: dict[str, np.ndarray]  # pillar -> pillar score per candidate (0..1)
    groups: dict[str, list[int]]  # exclusive group -> candidate positions
    excluded: dict[str, str] = field(default_factory=dict)  # measure -> reason key


def candidates(assessment: Assessment, weighting: Weighting | None = None) -> Candidates:
    """Score every measure with the ranking's weighting; leave out the knocked-out ones
    and those without a cost."""
    table = engine.evaluate(assessment, weighting).table
    failing = knockouts(assessment)
    ids, excluded = [], {}
    for m in assessment.measures:
        if m.id in failing:
            excluded[m.id] = "portfolio.excluded.knockout"
        elif m.cost is None:
            excluded[m.id] = "portfolio.excluded.no_cost"
        else:
            ids.append(m.id)
    by_id = {m.id: m for m in assessment.measures}
    groups: dict[str, list[int]] = {}
    for i, mid in enumerate(ids):
        if by_id[mid].exclusive_group:
            groups.setdefault(by_id[mid].exclusive_group, []).append(i)
    return Candidates(
        ids=ids, cost=np.array([float(by_id[i].cost) for i in ids]),
        score=table.loc[ids, "score"].to_numpy(dtype=float),
        pillar={str(p): table.loc[ids, str(p)].to_numpy(dtype=float) for p in PILLARS},
        groups=groups, excluded=excluded)


def best_package(
    options: Candidates, budget: float, *, floors: Mapping[Pillar | str, float] | None = None,
    required: Iterable[str] = (), forbidden: Iterable[str] = (),
) -> Package:
    """The package with the highest total score within `budget` (exact); `feasible` is
    False when no package meets the floors and the required measures."""
    if budget < 0:
        raise PortfolioError("portfolio.error.negative_budget", budget=budget)
    n = len(options.ids)
    if n == 0:
        return Package((), 0.0, 0.0, {str(p): 0.0 for p in PILLARS}, budget)
    lower, upper = np.zeros(n), np.ones(n)
    for mid in required:
        if mid in options.ids:
            lower[options.ids.index(mid)] = 1
    for mid in forbidden:
        if mid in options.ids:
            upper[options.ids.index(mid)] = 0
    rows, low, high = [options.cost], [-np.inf], [budget]
    for members in options.groups.values():
        row = np.zeros(n)
        row[members] = 1
        rows.append(row)
        low.append(-np.inf)
        high.append(1)
    for pillar, floor in (floors or {}).items():
        if floor:  # mean pillar score >= floor  <=>  sum x_i (p_i - floor) >= 0
            rows.append(options.pillar[str(pillar)] - float(floor))
            low.append(0)
            high.append(np.inf)
    result = milp(-options.score, integrality=np.ones(n),
                  bounds=Bounds(lower, np.maximum(lower, upper)),
                  constraints=LinearConstraint(np.array(rows), low, high))
    if result.x is None or not result.success:
        return Package((), 0.0, 0.0, {str(p): 0.0 for p in PILLARS}, budget, feasible=False)
    chosen = np.flatnonzero(np.round(result.x) == 1)
    return _package(options, chosen, budget)


def _package(options: Candidates, chosen: np.ndarray, budget: float) -> Package:
    count = max(len(chosen), 1)
    return Package(
        measures=tuple(options.ids[i] for i in chosen),
        cost=float(options.cost[chosen].sum()), score=float(options.score[chosen].sum()),
        pillars={p: float(v[chosen].sum() / count) if len(chosen) else 0.0
                 for p, v in options.pillar.items()},
        budget=budget)


def frontier(options: Candidates, steps: int = 20, **constraints: object) -> list[Package]:
    """The best package for `steps` budgets from the cheapest measure to all of them."""
    if not options.ids:
        return []
    top = float(options.cost.sum())
    budgets = np.linspace(float(options.cost.min()), top, steps) if top > 0 else [0.0]
    return [best_package(options, float(b), **constraints) for b in budgets]


def pareto(packages: Iterable[Package]) -> list[Package]:
    """The packages no other beats on both ecology and economy (people is the colour)."""
    packages = [p for p in packages if p.feasible and p.measures]
    kept = []
    for p in packages:
        eco, econ = p.pillars["ecology"], p.pillars["economy"]
        if not any(q.pillars["ecology"] >= eco and q.pillars["economy"] >= econ
                   and (q.pillars["ecology"], q.pillars["economy"]) != (eco, econ)
                   for q in packages):
            kept.append(p)
    unique = {p.measures: p for p in kept}
    return sorted(unique.values(), key=lambda p: p.pillars["ecology"])


def drops_out(options: Candidates, package: Package, share: float = 0.10,
              **constraints: object) -> tuple[list[str], Package]:
    """What leaves the package when the budget falls by `share` (and the new package)."""
    smaller = best_package(options, package.budget * (1 - share), **constraints)
    return [m for m in package.measures if m not in smaller.measures], smaller
