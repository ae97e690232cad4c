"""Rankings under several stakeholder perspectives, their agreement and the no-regret set."""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

import numpy as np
import pandas as pd
from scipy import stats

from impact.engine import evaluate
from impact.methods.problem import EngineError, as_int
from impact.weighting import VIKOR_V, resolve_weighting

if TYPE_CHECKING:
    from impact.model import Assessment, WeightProfile

__all__ = ["Perspectives", "perspectives"]


@dataclass
class Perspectives:
    """Rankings under several stakeholder profiles.

    ranks / scores: measures x profile names (a measure that fails a knock-out or is
    below one of the floors ranks after every other one, as in the engine's ranking,
    so it is never no-regret unless every measure does). kendall_tau: profiles x profiles
    (Kendall's tau-b between the rankings; 1 = same order, -1 = reversed).
    no_regret: measures in the top k under every profile (ties at place k count),
    in the assessment's order.
    """

    ranks: pd.DataFrame
    scores: pd.DataFrame
    kendall_tau: pd.DataFrame
    no_regret: list[str]
    k: int
    method: str = "wsm"


def perspectives(
    assessment: Assessment,
    *,
    profiles: Sequence[WeightProfile] | None = None,
    k: int = 3,
    method: str = "wsm",
    vikor_v: float = VIKOR_V,
    floors: Mapping[str, float] | Iterable[tuple[str, float]] = (),
) -> Perspectives:
    """The ranking under each profile, their agreement and the no-regret set (`vikor_v`:
    VIKOR's v, for ``vikor``; `floors`: pillar -> minimum pillar score, the user's own,
    applied under every profile as in `impact.engine.evaluate`)."""
    k = as_int(k, "engine.error.invalid_k")
    if k < 1:
        raise EngineError("engine.error.invalid_k", value=str(k))
    chosen = list(assessment.profiles if profiles is None else profiles)
    if not chosen:
        raise EngineError("engine.error.no_profiles")
    ranks: dict[str, pd.Series] = {}
    scores: dict[str, pd.Series] = {}
    for prof in chosen:
        chosen = resolve_weighting(assessment, profile=prof, method=method)
        ev = evaluate(assessment, replace(chosen, vikor_v=vikor_v, floors=floors))
        ranks[prof.name] = ev.table["rank"]  # knock-outs and floors last, as everywhere
        scores[prof.name] = ev.table["score"]
    rank_df = pd.DataFrame(ranks)
    score_df = pd.DataFrame(scores)
    names = list(rank_df.columns)
    tau = pd.DataFrame(np.eye(len(names)), index=names, columns=names)
    for i, a in enumerate(names):
        for b in names[i + 1:]:
            value = stats.kendalltau(rank_df[a], rank_df[b]).statistic
            tau.loc[a, b] = tau.loc[b, a] = value
    no_regret = [str(m) for m in rank_df.index if (rank_df.loc[m] <= k).all()]
    return Perspectives(ranks=rank_df, scores=score_df, kendall_tau=tau, no_regret=no_regret,
                        k=k, method=method)
