"""From scores to ranks: competition ranking ("1, 1, 3"), vectorised along the last axis.

The one ranking function of every method, its reference and its kernel. Ties share
a rank and the next rank is skipped. Two scores tie when, after sorting, they lie
within `RANK_RTOL` of the row's largest absolute score: float noise (normalising
the same weights twice, 9/14 computed two ways) never splits a true tie, and a
row scaled by any factor ranks the same (a relative tolerance, unlike rounding to
fixed decimals, has no boundaries a noisy value can fall across).
"""

from __future__ import annotations

import numpy as np

__all__ = ["RANK_RTOL", "competition_rank", "dense_rank", "dense_to_competition",
           "sorted_ranks"]

# Scores this close (relative to the row's largest absolute score) are equal. Far
# above float noise (1e-16 per operation), far below any difference a user could mean.
RANK_RTOL = 1e-9


def _sorted_with_ties(
    scores: np.ndarray, higher_is_better: bool
) -> tuple[np.ndarray, np.ndarray]:
    """(order best first, whether position i ties with position i - 1) along the last axis."""
    s = np.asarray(scores, dtype=float)
    if higher_is_better:
        s = -s
    order = np.argsort(s, axis=-1, kind="stable")
    sorted_s = np.take_along_axis(s, order, axis=-1)
    size = np.abs(sorted_s).max(axis=-1, keepdims=True) if s.shape[-1] else 0.0
    tie = np.zeros(s.shape, dtype=bool)
    tie[..., 1:] = (sorted_s[..., 1:] - sorted_s[..., :-1]) <= RANK_RTOL * size
    return order, tie


def sorted_ranks(
    scores: np.ndarray, higher_is_better: bool = True, *, ties: bool = True
) -> tuple[np.ndarray, np.ndarray]:
    """(order, ranks in that order) along the last axis, with competition ranks.

    `order[..., i]` is the index of the measure in position i (best first) and
    `ranks[..., i]` its rank: i + 1, or the rank of the first of a group of ties
    (see `RANK_RTOL`). One sort; the order among tied measures is their input
    order, their rank is shared. With ``ties=False`` the caller guarantees that no
    two scores in a row are equal (SMAA with continuous weights and distinct
    measures), which skips looking for them.
    """
    scores = np.asarray(scores, dtype=float)
    positions = np.arange(scores.shape[-1])
    if not ties:
        order = np.argsort(scores, axis=-1)
        if higher_is_better:
            order = order[..., ::-1]
        return order, np.broadcast_to(positions + 1, scores.shape)
    order, tie = _sorted_with_ties(scores, higher_is_better)
    if not tie.any():
        return order, np.broadcast_to(positions + 1, scores.shape)
    first = np.maximum.accumulate(np.where(tie, 0, positions), axis=-1)
    return order, first + 1


def _unsort(order: np.ndarray, ranks_sorted: np.ndarray) -> np.ndarray:
    ranks = np.empty(order.shape, dtype=np.int64)
    np.put_along_axis(ranks, order, ranks_sorted, axis=-1)
    return ranks


def competition_rank(scores: np.ndarray, higher_is_better: bool = True) -> np.ndarray:
    """1-based ranks, ties share the best rank and skip the next (1, 1, 3).

    Works along the last axis, so a (samples x measures) array is ranked per row.
    Ties as in `sorted_ranks` (within `RANK_RTOL`).
    """
    return _unsort(*sorted_ranks(scores, higher_is_better))


def dense_rank(scores: np.ndarray, higher_is_better: bool = True) -> np.ndarray:
    """1-based dense ranks (1, 1, 2) along the last axis, ties as in `competition_rank`."""
    order, tie = _sorted_with_ties(scores, higher_is_better)
    return _unsort(order, np.cumsum(~tie, axis=-1))


def dense_to_competition(dense: np.ndarray) -> np.ndarray:
    """Renumber dense ranks (1, 1, 2) to competition ranks (1, 1, 3); order kept."""
    dense = np.asarray(dense)
    return 1 + (dense[None, :] < dense[:, None]).sum(axis=1)
