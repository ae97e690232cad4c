"""Knock-outs: legal go/no-go limits on criteria (a Natura 2000 deterioration test, a
critical-deposition exceedance). A measure that fails one is not admissible: it is
ranked after every admissible measure and never enters a package.

The same rule holds wherever ranks are made: the engine's ranking, every SMAA sample,
the weight-stability sweep and each perspective (`ranked_last`, `sorted_last`). Among
themselves knocked-out measures keep their order on score, ties shared.
"""

from __future__ import annotations

from collections.abc import Collection, Sequence

import numpy as np

from impact.methods.ranks import competition_rank
from impact.model import Assessment


def knockouts(assessment: Assessment) -> dict[str, list[str]]:
    """Measure id -> the criteria whose knock-out it fails (only failing measures)."""
    failing: dict[str, list[str]] = {}
    for criterion in assessment.criteria:
        if criterion.knockout is None:
            continue
        for measure in assessment.measures:
            score = assessment.scores.get((measure.id, criterion.id))
            if score is not None and criterion.fails(score.value):
                failing.setdefault(measure.id, []).append(criterion.id)
    return failing


def knocked_mask(measures: Sequence[object], knocked: Collection[str]) -> np.ndarray | None:
    """Which of `measures` are knocked out, or None when the rule changes nothing (none
    or all are: then the ranks on score stand)."""
    mask = np.array([str(m) in knocked for m in measures], dtype=bool)
    return mask if 0 < mask.sum() < len(mask) else None


def ranked_last(ranks: np.ndarray, knocked: np.ndarray | None) -> np.ndarray:
    """Competition ranks (along the last axis) with every `knocked` measure after every
    other one; within each group the order and ties of `ranks` stay."""
    ranks = np.asarray(ranks)
    if knocked is None or not knocked.any():
        return ranks.astype(int)
    key = ranks.astype(float) + knocked * (ranks.shape[-1] + 1)
    return competition_rank(key, higher_is_better=False).astype(int)


def sorted_last(order: np.ndarray, ranks: np.ndarray,
                knocked: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """`ranked_last` on the sorted form of `impact.methods.ranks.sorted_ranks` (k x n:
    the measure in each position, best first, and its rank): the knocked-out measures
    move behind the admissible ones, keeping their order; ranks are renumbered.

    Vectorised: two cumulative sums give each measure its new position, and a tie group
    (equal consecutive old ranks) stays a tie group when both sides are in one group.
    """
    n = order.shape[-1]
    admissible = n - int(knocked.sum())
    moved = knocked[order]
    position = np.where(moved, admissible + np.cumsum(moved, axis=-1),
                        np.cumsum(~moved, axis=-1)) - 1
    new_order = np.empty_like(order)
    np.put_along_axis(new_order, position, order, axis=-1)
    old = np.empty(order.shape, dtype=np.int64)
    np.put_along_axis(old, position, np.broadcast_to(ranks, order.shape), axis=-1)
    tie = np.zeros(order.shape, dtype=bool)
    tie[..., 1:] = old[..., 1:] == old[..., :-1]
    tie[..., admissible] = False  # the first knocked-out measure starts a group
    first = np.maximum.accumulate(np.where(tie, 0, np.arange(n)), axis=-1)
    return new_order, first + 1
