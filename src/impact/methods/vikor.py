"""``vikor``: VIKOR with v = 0.5 (scikit-criteria ``VIKOR``).

The measures of the compromise set share rank 1; score = 1 - Q (0..1, higher is
better). Ranks are scikit-criteria's own (with its compromise set), renumbered
from dense (1, 1, 2) to competition ranks. The kernel reproduces that compromise
set for every weight vector, so it returns ranks rather than scores.
"""

from __future__ import annotations

import warnings

import numpy as np

from impact.methods.base import Method
from impact.methods.problem import Problem, require_difference
from impact.methods.ranks import dense_to_competition
from impact.methods.scikit import VIKOR, SumScaler, decision_matrix, mkpipe

# VIKOR warns when a criterion does not discriminate (it then ignores it, as it should).
warnings.filterwarnings("ignore", message=r"Some criteria \(or distance\) was equal")

NAME = "vikor"
V = 0.5  # weight of the group utility S against the individual regret R

_PIPE = mkpipe(SumScaler(target="weights"), VIKOR(v=V))


def check(problem: Problem) -> None:
    require_difference(problem, NAME)


def reference(p: Problem) -> tuple[np.ndarray, np.ndarray]:
    """Score (1 - Q) and rank (with the compromise set) through scikit-criteria."""
    result = _PIPE.evaluate(decision_matrix(p))
    return 1.0 - np.asarray(result.e_.q_k, dtype=float), dense_to_competition(result.rank_)


def _dense_rank_ascending(q: np.ndarray) -> np.ndarray:
    """Dense 1-based ranks per row, lowest first (exact comparisons, like scipy 'dense')."""
    order = np.argsort(q, axis=-1, kind="stable")
    sorted_q = np.take_along_axis(q, order, axis=-1)
    new = np.ones(q.shape, dtype=np.int64)
    new[..., 1:] = sorted_q[..., 1:] != sorted_q[..., :-1]
    dense = np.empty(q.shape, dtype=np.int64)
    np.put_along_axis(dense, order, np.cumsum(new, axis=-1), axis=-1)
    return dense


def _scale_to_unit(d: np.ndarray) -> np.ndarray:
    """(d - min) / (max - min) over the measures axis (-2 or -1); 0/0 -> 0, as skcriteria."""
    lo = d.min(axis=-1, keepdims=True)
    hi = d.max(axis=-1, keepdims=True)
    with np.errstate(divide="ignore", invalid="ignore"):
        return np.nan_to_num((d - lo) / (hi - lo))


def q_values(
    p: Problem, w: np.ndarray, x: np.ndarray | None
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """(Q, S, R), each k x n: VIKOR's index and its scaled group utility and regret."""
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
    return V * s_k + (1 - V) * r_k, s_k, r_k


def compromise_ranks(p: Problem, w: np.ndarray, x: np.ndarray | None) -> tuple[np.ndarray, bool]:
    """k x n ranks with the compromise set at rank 1 (the kernel; lower is better)."""
    q, s_k, r_k = q_values(p, w, x)
    n = q.shape[-1]
    rank_q = _dense_rank_ascending(q)
    chosen = rank_q == 1
    # acceptable advantage: the best measures lead the next by at least 1 / (n - 1)
    advantage_set = (q - q.min(axis=-1, keepdims=True)) < 1.0 / (n - 1)
    has_advantage = (advantage_set.sum(axis=-1) == chosen.sum(axis=-1))[:, None]
    # acceptable stability: the best on Q is also best on S or on R
    best_somewhere = (s_k == 0) | (r_k == 0)
    has_stability = ~(chosen & ~best_somewhere).any(axis=-1, keepdims=True)
    compromise = np.where(
        has_advantage & has_stability, chosen,
        np.where(has_advantage, rank_q <= 2, advantage_set),
    )
    top_rank = np.where(compromise, rank_q, 0).max(axis=-1, keepdims=True)
    return np.where(rank_q <= top_rank, 1, rank_q - top_rank + 1), False


METHOD = Method(name=NAME, check=check, rank=reference, reference=reference,
                kernel=compromise_ranks, dense_kernel=True)
