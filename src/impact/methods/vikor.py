"""``vikor``: VIKOR (Opricovic & Tzeng 2004), v settable, default 0.5 (scikit-criteria ``VIKOR``).

Per criterion the best f* and worst f- are the *data's* (the assessed measures'),
not the declared scale: VIKOR is a compromise among the measures at hand, so a
declared scale does not change its result. Regret d = w (f* - f) / (f* - f-);
S = sum of d (group utility), R = max of d (individual regret), and
Q = v (S - S*) / (S- - S*) + (1 - v) (R - R*) / (R- - R*). v (option ``v``, 0..1)
is the weight of the majority rule S against the individual regret R.

Score = 1 - Q (0..1, higher is better). Ranks follow Q with the compromise set of
the method's two conditions (acceptable advantage Q2 - Q1 >= 1 / (n - 1),
acceptable stability: the best on Q is also best on S or R) sharing rank 1, then
renumbered as competition ranks. The reference takes Q, S and R from
scikit-criteria and both paths rank through the same `compromise_ranks`, whose
ties are `impact.methods.ranks`'s (so an exact tie such as Q = 9/14 twice is
never split by float noise).
"""

from __future__ import annotations

import warnings

import numpy as np

from impact.methods.base import Method
from impact.methods.problem import EngineError, Problem, as_number, require_difference
from impact.methods.ranks import RANK_RTOL, competition_rank, dense_rank
from impact.methods.scikit import VIKOR, SumScaler, decision_matrix

# VIKOR warns when a criterion does not discriminate (it then ignores it, as it should).
warnings.filterwarnings("ignore", message=r"Some criteria \(or distance\) was equal")

NAME = "vikor"
V = 0.5  # default weight of the group utility S against the individual regret R

_WEIGHT_SCALER = SumScaler(target="weights")


def strategy_weight(p: Problem) -> float:
    """The problem's v (option ``v``), 0..1; default `V`."""
    v = as_number(p.options.get("v", V))
    if not 0.0 <= v <= 1.0:
        raise EngineError("engine.error.invalid_vikor_v", value=str(p.options.get("v")))
    return v


def check(problem: Problem) -> None:
    require_difference(problem, NAME)
    strategy_weight(problem)


def reference(p: Problem) -> tuple[np.ndarray, np.ndarray]:
    """Score (1 - Q) through scikit-criteria; ranks by `compromise_ranks` on its Q, S, R."""
    dm = _WEIGHT_SCALER.transform(decision_matrix(p))
    extra = VIKOR(v=strategy_weight(p)).evaluate(dm).e_
    q = np.asarray(extra.q_k, dtype=float)[None, :]
    s_k = _scale_to_unit(np.asarray(extra.s_k, dtype=float)[None, :])
    r_k = _scale_to_unit(np.asarray(extra.r_k, dtype=float)[None, :])
    places, _ = _compromise(q, s_k, r_k)
    return 1.0 - q[0], competition_rank(places[0], higher_is_better=False)


def _scale_to_unit(d: np.ndarray) -> np.ndarray:
    """(d - min) / (max - min) over the last axis; 0/0 -> 0, as scikit-criteria."""
    lo = d.min(axis=-1, keepdims=True)
    hi = d.max(axis=-1, keepdims=True)
    with np.errstate(divide="ignore", invalid="ignore"):
        return np.nan_to_num((d - lo) / (hi - lo))


def q_values(
    p: Problem, w: np.ndarray, x: np.ndarray | None
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """(Q, S, R), each k x n: VIKOR's index and its scaled group utility and regret."""
    v = strategy_weight(p)
    sign = p.sign
    data = p.x if x is None else x
    top = data.max(axis=-2, keepdims=True)
    bottom = data.min(axis=-2, keepdims=True)
    with np.errstate(divide="ignore", invalid="ignore"):
        regret = np.nan_to_num(np.where(sign > 0, top - data, data - bottom) / (top - bottom))
    if x is None:
        s_raw = w @ regret.T
        r_raw = (regret[None, :, :] * w[:, None, :]).max(axis=-1)
    else:
        s_raw = np.einsum("knm,km->kn", regret, w)
        r_raw = (regret * w[:, None, :]).max(axis=-1)
    s_k = _scale_to_unit(s_raw)
    r_k = _scale_to_unit(r_raw)
    return v * s_k + (1 - v) * r_k, s_k, r_k


def _compromise(q: np.ndarray, s_k: np.ndarray, r_k: np.ndarray) -> tuple[np.ndarray, bool]:
    """k x n places (lowest best) with the compromise set at place 1."""
    n = q.shape[-1]
    rank_q = dense_rank(q, higher_is_better=False)
    chosen = rank_q == 1
    # acceptable advantage: the best measures lead the next by at least 1 / (n - 1)
    lead = q - q.min(axis=-1, keepdims=True)
    advantage_set = lead < 1.0 / (n - 1) - RANK_RTOL
    has_advantage = (advantage_set.sum(axis=-1) == chosen.sum(axis=-1))[:, None]
    # acceptable stability: the best on Q is also best on S or on R (scaled 0 = best)
    best_somewhere = (s_k <= RANK_RTOL) | (r_k <= RANK_RTOL)
    has_stability = ~(chosen & ~best_somewhere).any(axis=-1, keepdims=True)
    compromise = np.where(
        has_advantage & has_stability, chosen,
        np.where(has_advantage, rank_q <= 2, advantage_set | chosen),
    )
    top_rank = np.where(compromise, rank_q, 0).max(axis=-1, keepdims=True)
    return np.where(rank_q <= top_rank, 1, rank_q - top_rank + 1), False


def compromise_ranks(p: Problem, w: np.ndarray, x: np.ndarray | None) -> tuple[np.ndarray, bool]:
    """k x n places with the compromise set at place 1 (the kernel; lower is better)."""
    return _compromise(*q_values(p, w, x))


METHOD = Method(name=NAME, check=check, rank=reference, reference=reference,
                kernel=compromise_ranks, dense_kernel=True)
