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

from impact.methods.ranks import competition_rank, sorted_ranks
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


def sorted_last(scores: np.ndarray, higher_is_better: bool, knocked: np.ndarray, *,
                ties: bool = True) -> tuple[np.ndarray, np.ndarray]:
    """`impact.methods.ranks.sorted_ranks` (order best first, ranks in that order) with
    every `knocked` measure after every admissible one: `ranked_last` for many rows.

    The admissible and the knocked-out columns are sorted each on their own (two
    sorts of part of the row cost no more than one of the whole); ties as in
    `sorted_ranks`, within each group.
    """
    orders, ranks, offset = [], [], 0
    for columns in (np.flatnonzero(~knocked), np.flatnonzero(knocked)):
        order, rank = sorted_ranks(np.take(scores, columns, axis=-1), higher_is_better,
                                   ties=ties)
        orders.append(np.take(columns, order))
        ranks.append(rank + offset if ties else None)
        offset += len(columns)
    order = np.concatenate(orders, axis=-1)
    if not ties:  # no ties: the rank is the position (no array needed)
        return order, np.broadcast_to(np.arange(1, order.shape[-1] + 1), order.shape)
    return order, np.concatenate(ranks, axis=-1)
