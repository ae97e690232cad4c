"""The room's result through the engine: the assessment with the room's median scores,
pillar weights from the participants' splits, and SMAA over the range of those splits."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
import pandas as pd

from impact.access import Principal, require_editor
from impact.i18n import t
from impact.model import PILLARS, Assessment, Confidence, Pillar, Score
from impact.store import Store
from impact.workshop.aggregation import aggregates, split_matrix
from impact.workshop.base import Session
from impact.workshop.rights import require_facilitator
from impact.workshop.sessions import session_and_round


def _confidence_of(iqr_rel: float) -> Confidence:
    """Consensus as confidence: an IQR within one step of seven is high, two steps medium."""
    if iqr_rel <= 1 / 6 + 1e-9:
        return Confidence.HIGH
    if iqr_rel <= 2 / 6 + 1e-9:
        return Confidence.MEDIUM
    return Confidence.LOW


def group_assessment(store: Store, code: str | Session, round_no: int | None = None,
                     *, name: str | None = None, lang: str = "nl") -> Assessment:
    """The session's assessment with the room's median scores in place of the analyst's.

    Cells the room did not score (or that are suppressed for anonymity) keep their
    scores. Each substituted score's source names the session, round and n; its
    confidence follows the room's consensus (IQR as a share of the scale).
    """
    session, round_no = session_and_round(store, code, round_no)
    base = store.load(session.assessment_id)
    agg = aggregates(store, session, round_no)
    known = {(m.id, c.id) for m in base.measures for c in base.criteria}
    scored = agg[agg["median"].notna()]
    new_scores = [
        Score(
            r.measure_id, r.criterion_id, float(r.median),
            source=t("workshop.score_source", lang, code=session.code, round=round_no,
                     n=int(r.n)),
            confidence=_confidence_of(float(r.iqr_rel)),
        )
        for r in scored.itertuples()
        if (r.measure_id, r.criterion_id) in known
    ]
    result = base.with_scores(new_scores)
    result.id = None
    result.version = 0
    result.name = name or t("workshop.result_name", lang, name=base.name, code=session.code,
                            round=round_no)
    return result


def group_pillar_weights(store: Store, code: str | Session,
                         round_no: int | None = None) -> dict[Pillar, float] | None:
    """The room's pillar weights: the mean of the participants' splits (None if none)."""
    session, round_no = session_and_round(store, code, round_no)
    matrix = split_matrix(store, session.code, round_no)
    if len(matrix) == 0 or len(matrix) < session.min_n or session.statistics_hidden(round_no):
        return None
    return {p: float(v) for p, v in zip(PILLARS, matrix.mean(axis=0), strict=True)}


def split_weight_ranges(
    assessment: Assessment, splits: np.ndarray, criteria: Sequence[str] | None = None
) -> dict[str, tuple[float, float]]:
    """Criterion weight ranges spanned by the participants' pillar splits.

    Each participant's split becomes criterion weights through the engine's
    hierarchical weights (pillar share x the criterion's share within its pillar);
    the result holds, per criterion, the lowest and highest weight any participant
    implies. These ranges are the SMAA's weight space.
    """
    from impact.engine import hierarchical_weights

    wanted = list(criteria) if criteria else [c.id for c in assessment.criteria]
    pillar_of = {c: p for c, p in assessment.pillar_of().items() if c in set(wanted)}
    within = {c: w for c, w in assessment.within_weights().items() if c in pillar_of}
    samples = np.array([
        [hierarchical_weights(pillar_of, dict(zip(PILLARS, row, strict=True)), within)[c]
         for c in wanted]
        for row in splits
    ]).reshape(-1, len(wanted))
    return {c: (float(samples[:, j].min()), float(samples[:, j].max()))
            for j, c in enumerate(wanted)}


@dataclass
class GroupResult:
    assessment: Assessment  # the substituted assessment (all measures), as it would be saved
    table: pd.DataFrame  # engine table for the session's measures (score, rank, pillars...)
    pillar_weights: dict[Pillar, float] | None  # mean split; None = equal weights
    acceptability: pd.DataFrame | None  # SMAA over the participants' splits, if any
    participants_with_split: int


def group_result(store: Store, code: str | Session, round_no: int | None = None, *,
                 samples: int = 2000, seed: int = 0, method: str = "wsm") -> GroupResult:
    """Rank and balance with the room's scores and weights, through `impact.engine`.

    Only the session's measures are ranked (the room did not score the others). Pillar
    weights are the mean of the participants' splits when the session asked for them
    (else equal); the SMAA samples weights within the range of the participants' splits.
    Raises `impact.engine.EngineError` if a cell has no score at all.
    """
    from impact import engine  # imported late: heavy, and only the facilitator needs it

    session, round_no = session_and_round(store, code, round_no)
    assessment = group_assessment(store, session, round_no)
    keep_ids = set(session.measures)
    keep = [m for m in assessment.measures if m.id in keep_ids]
    scoped = Assessment(
        name=assessment.name, description=assessment.description,
        criteria=assessment.criteria, measures=keep,
        scores={k: v for k, v in assessment.scores.items() if k[0] in keep_ids},
        profiles=assessment.profiles,
    )
    weights = group_pillar_weights(store, session, round_no) if session.pillar_split else None
    evaluation = engine.evaluate(scoped, pillar_weights=weights, method=method)
    splits = (split_matrix(store, session.code, round_no) if session.pillar_split
              else np.empty((0, 3)))
    acceptability = None
    if len(splits) >= max(2, session.min_n) and len(keep) >= 2:
        acceptability = _smaa_over_splits(scoped, splits, samples=samples, seed=seed,
                                          method=method)
    return GroupResult(assessment, evaluation.table, weights, acceptability, len(splits))


def _smaa_over_splits(assessment: Assessment, splits: np.ndarray, *, samples: int,
                      seed: int, method: str) -> pd.DataFrame:
    from impact import robustness  # imported late: built beside this module

    performance = assessment.performance()
    ranges = split_weight_ranges(assessment, splits, list(performance.columns))
    result = robustness.smaa(
        performance, objectives=assessment.objectives(), weights=ranges, samples=samples,
        seed=seed, method=method, scale=assessment.scale(),
    )
    return result.acceptability


def save_group_result(store: Store, code: str | Session, round_no: int | None = None, *,
                      by: Principal, key: str | None = None, name: str | None = None,
                      lang: str = "nl") -> int:
    """Store the group's scores as a new assessment (all measures); returns its id.
    Needs an editor who facilitates the session."""
    session, round_no = session_and_round(store, code, round_no)
    require_editor(by)
    require_facilitator(store, session.code, by=by, key=key)
    return store.create(group_assessment(store, session, round_no, name=name, lang=lang),
                        by=by, change_key="history.group_result")
