"""From scores to ranks: competition ranking ("1, 1, 3"), vectorised along the last axis.

Ties share a rank and the next rank is skipped. Scores are rounded to
`RANK_DECIMALS` decimals first so float noise never splits a true tie.
"""

from __future__ import annotations

import numpy as np

__all__ = ["RANK_DECIMALS", "competition_rank", "dense_to_competition", "sorted_ranks"]

# Scores are rounded to this many decimals before ranking, so that float noise
# (e.g. from normalising the same weights twice) does not break true ties.
RANK_DECIMALS = 12


def sorted_ranks(
    scores: np.ndarray, higher_is_better: bool = True, *, ties: bool = True
) -> tuple[np.ndarray, np.ndarray]:
    """(order, ranks in that order) along the last axis, with competition ranks.

    `order[..., i]` is the index of the measure in position i (best first) and
    `ranks[..., i]` its rank: i + 1, or the rank of the first of a group of ties.
    Scores are rounded to `RANK_DECIMALS` decimals first so float noise does not
    break true ties. One sort; the order among tied measures is arbitrary, their
    rank is not. With ``ties=False`` the caller guarantees that no two scores in a
    row are equal (SMAA with continuous weights and distinct measures), which skips
    looking for them.
    """
    scores = np.asarray(scores, dtype=float)
    n = scores.shape[-1]
    positions = np.arange(n)
    if not ties:
        order = np.argsort(scores, axis=-1)
        if higher_is_better:
            order = order[..., ::-1]
        return order, np.broadcast_to(positions + 1, scores.shape)
    s = np.round(scores, RANK_DECIMALS)
    if higher_is_better:
        np.negative(s, out=s)
    order = np.argsort(s, axis=-1)
    sorted_s = np.take_along_axis(s, order, axis=-1)
    tie = sorted_s[..., 1:] == sorted_s[..., :-1]
    if not tie.any():
        return order, np.broadcast_to(positions + 1, s.shape)
    start = np.ones(s.shape, dtype=bool)
    start[..., 1:] = ~tie
    first = np.maximum.accumulate(np.where(start, positions, 0), axis=-1)
    return order, first + 1


def competition_rank(scores: np.ndarray, higher_is_better: bool = True) -> np.ndarray:
    """1-based ranks, ties share the best rank and skip the next (1, 1, 3).

    Works along the last axis, so a (samples x measures) array is ranked per row.
    Scores are rounded to `RANK_DECIMALS` decimals first so float noise does not
    break true ties.
    """
    order, ranks_sorted = sorted_ranks(scores, higher_is_better)
    ranks = np.empty(order.shape, dtype=np.int64)
    np.put_along_axis(ranks, order, ranks_sorted, axis=-1)
    return ranks


def dense_to_competition(dense: np.ndarray) -> np.ndarray:
    """Renumber dense ranks (1, 1, 2) to competition ranks (1, 1, 3); order kept."""
    dense = np.asarray(dense)
    return 1 + (dense[None, :] < dense[:, None]).sum(axis=1)
