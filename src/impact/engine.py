"""Scoring engine: rankings, and the full evaluation of an assessment.

Everything here takes plain pandas objects (see the contracts in DESIGN.md), so it
works the same from pages, the CLI, tests and notebooks. The parts live in their own
modules and are re-exported here, so ``from impact.engine import X`` keeps working:

- `impact.methods`: the registry of ranking methods (`METHODS`), one module per
  method with its scikit-criteria reference and its vectorised kernel;
- `impact.methods.problem`: preparation and validation of the decision problem,
  value functions, `EngineError`;
- `impact.methods.ranks`: competition ranks;
- `impact.pillars`: hierarchical weights, pillar scores, balance, Pareto set,
  trade-offs.

Methods, all built on scikit-criteria and tested against it:

- ``wsm``: weighted sum of linear value functions on the declared scales,
  v = (x - lo) / (hi - lo) for "max" criteria and (hi - x) / (hi - lo) for "min"
  criteria; (lo, hi) from `scale`, or the data's min/max where no scale is given.
  Computed as one numpy matrix product; tests prove it equal to scikit-criteria's
  ``WeightedSumModel`` on the value-function-transformed matrix. Score 0..1.
- ``topsis``: classic TOPSIS on the raw scores (vector normalisation, weighted
  Euclidean distances to the ideal and anti-ideal of the data); score = relative
  closeness 0..1 (scikit-criteria ``VectorScaler`` + ``TOPSIS``).
- ``vikor``: VIKOR (Opricovic & Tzeng 2004), v = 0.5 unless option ``v`` says
  otherwise (scikit-criteria ``VIKOR``); best and worst per criterion are the
  data's, so a declared scale does not change it; the measures of the compromise
  set share rank 1; score = 1 - Q (0..1, higher is better).
- ``spotis``: SPOTIS (Dezert et al. 2020) with the declared scales as bounds (it
  refuses a criterion without one) and an expected solution point per criterion
  (option ``esp``; default the best end of the scale, where SPOTIS equals ``wsm``)
  (scikit-criteria ``SPOTIS``); score = 1 - weighted normalised distance to that
  point. A measure's score depends on no other measure, so adding or removing
  measures never changes the order of the others (no rank reversal).
- ``promethee``: PROMETHEE II net flow (-1..1) with a preference function per
  criterion (option ``preference``; see `impact.methods.promethee`), and its GAIA
  plane (`gaia_plane`, `evaluation_gaia`).

For an assessment (`evaluate`, and `impact.robustness`) the options come from
`method_options`: VIKOR's v from the `Weighting`, SPOTIS's expected points and
PROMETHEE's preference functions from the criteria (`Criterion.spotis_expected`,
`pref_function`, `pref_q`, `pref_p`, `pref_s`).

In every result a higher ``score`` is better and ``rank`` 1 is best. Ties share
a rank and the next rank is skipped (1, 1, 3: "competition" ranking). Every method,
its scikit-criteria reference and its kernel rank through the one function of
`impact.methods.ranks`: scores within a relative 1e-9 of each other tie (so float
noise never splits a true tie, and scaling all weights never changes a rank); for
``vikor`` the compromise set then shares rank 1.

Validation happens before scikit-criteria sees the data: every problem raises an
`EngineError` with an i18n key and parameters, so a page or the CLI can say what
is wrong in the user's words (``err.message("nl")``).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING, Any

import numpy as np
import pandas as pd

# `X as X` imports and the noqa below re-export names engine has always offered
from impact import methods
from impact.i18n import t
from impact.knockouts import knocked_mask, knockouts, ranked_last
from impact.methods import METHOD_HELP as METHOD_HELP
from impact.methods import METHOD_LABELS, METHODS
from impact.methods.problem import (
    EngineError,
    Problem,
    as_number,
    prepare,
    require_value_range,
)
from impact.methods.promethee import GaiaPlane, gaia
from impact.methods.ranks import RANK_RTOL as RANK_RTOL
from impact.methods.ranks import dense_to_competition as dense_to_competition
from impact.methods.ranks import sorted_ranks as sorted_ranks
from impact.methods.vikor import V as VIKOR_V  # noqa: F401
from impact.pillars import (
    PILLAR_NAMES,
    PILLAR_PAIRS,
    PillarStructure,
    balance_index,
    hierarchical_weights,
    neutral_pillar_scores,
    normalise_pillar_weights,
    pareto_front,
    pillar_correlation,
    pillar_effects,
    pillar_map,
    pillar_name,
    pillar_scores,
    present_pillars,
    tradeoff_classes,
)
from impact.pillars import TRADEOFF_CLASSES as TRADEOFF_CLASSES
from impact.weighting import Weighting, resolve_weighting

if TYPE_CHECKING:
    from impact.model import Assessment

__all__ = [
    "METHODS",
    "METHOD_LABELS",
    "PILLAR_NAMES",
    "PILLAR_PAIRS",
    "EngineError",
    "Evaluation",
    "Weighting",
    "balance_index",
    "GaiaPlane",
    "evaluate",
    "evaluation_gaia",
    "gaia_plane",
    "hierarchical_weights",
    "method_label",
    "method_options",
    "neutral_pillar_scores",
    "pareto_front",
    "pillar_correlation",
    "pillar_effects",
    "pillar_scores",
    "prepare_assessment",
    "rank",
    "rank_reference",
    "ranking_table",
    "tradeoff_classes",
    "value_matrix",
]


def method_label(method: str, lang: str = "nl", vikor_v: float | None = None) -> str:
    """The user-facing name of a method, e.g. 'Gewogen som'; VIKOR with its v when given
    ('VIKOR (compromisoplossing), v = 0,7')."""
    label = t(METHOD_LABELS[method], lang)
    if method == "vikor" and vikor_v is not None:
        from impact.numbers import format_number

        label += ", v = " + format_number(float(vikor_v), lang, 2)
    return label


# --------------------------------------------------------------------------------------
# value functions and rankings
# --------------------------------------------------------------------------------------


def value_matrix(
    performance: pd.DataFrame,
    *,
    objectives: Mapping[str, Any],
    scale: Mapping[str, tuple[float, float]] | None = None,
) -> pd.DataFrame:
    """Linear value functions 0..1 per cell (1 = best end of the criterion's scale).

    v = (x - lo) / (hi - lo) for "max" and (hi - x) / (hi - lo) for "min", with
    (lo, hi) from `scale` or else the data's min/max for that criterion.
    """
    p = prepare(performance, objectives, None, scale)
    require_value_range(p)
    return pd.DataFrame(p.values(), index=p.measures, columns=p.criteria)


def rank_reference(
    performance: pd.DataFrame,
    *,
    objectives: Mapping[str, Any],
    weights: Mapping[str, float],
    method: str = "wsm",
    scale: Mapping[str, tuple[float, float]] | None = None,
    options: Mapping[str, Any] | None = None,
) -> pd.DataFrame:
    """Like `rank`, but every method through scikit-criteria, including ``wsm``.

    For ``wsm`` the value-function-transformed matrix (all "max", 0..1) goes
    through scikit-criteria's ``WeightedSumModel``; `rank` computes the same with one
    numpy product. Slower (1-3 ms per call); used by tests and the benchmark.
    """
    return _ranked(performance, objectives, weights, method, scale, options, reference=True)


def rank(
    performance: pd.DataFrame,
    *,
    objectives: Mapping[str, Any],
    weights: Mapping[str, float],
    method: str = "wsm",
    scale: Mapping[str, tuple[float, float]] | None = None,
    options: Mapping[str, Any] | None = None,
) -> pd.DataFrame:
    """Rank measures on criteria (the DESIGN.md contract).

    `performance`: index = measures, columns = criteria. `objectives`: criterion ->
    "max"/"min". `weights`: criterion -> weight >= 0 (normalised here; every
    criterion needs one). `scale`: criterion -> (lo, hi); criteria without a scale
    use the data's min/max. `options`: the method's settings (``vikor``: ``v``;
    ``spotis``: ``esp``, criterion -> expected solution point). Returns one row per
    measure, in input order, with `score` (higher is better) and `rank` (1 = best;
    ties share a rank).
    """
    return _ranked(performance, objectives, weights, method, scale, options, reference=False)


def _ranked(performance, objectives, weights, method, scale, options, *,
            reference: bool) -> pd.DataFrame:
    chosen = methods.get(method)
    p = prepare(performance, objectives, weights, scale, options)
    chosen.check(p)
    score, ranks = (chosen.reference if reference else chosen.rank)(p)
    return pd.DataFrame({"score": score, "rank": ranks.astype(int)}, index=p.measures)


def gaia_plane(
    performance: pd.DataFrame,
    *,
    objectives: Mapping[str, Any],
    weights: Mapping[str, float],
    scale: Mapping[str, tuple[float, float]] | None = None,
    options: Mapping[str, Any] | None = None,
) -> GaiaPlane:
    """PROMETHEE's GAIA plane (see `impact.methods.promethee.gaia`); `options` as for
    ``promethee`` in `rank` (``preference``: criterion -> function and thresholds)."""
    p = prepare(performance, objectives, weights, scale, options)
    methods.get("promethee").check(p)
    return gaia(p)


# --------------------------------------------------------------------------------------
# evaluate an assessment
# --------------------------------------------------------------------------------------


def method_options(assessment: Assessment, weighting: Weighting) -> dict[str, Any]:
    """The methods' settings for `assessment` under `weighting`: ``v`` (VIKOR) from the
    weighting, ``esp`` (SPOTIS) and ``preference`` (PROMETHEE) from the criteria that
    set one. Each method reads only its own."""
    return {
        "v": weighting.vikor_v,
        "esp": {c.id: c.spotis_expected for c in assessment.criteria
                if c.spotis_expected is not None},
        "preference": {c.id: {"function": c.pref_function, "q": c.pref_q, "p": c.pref_p,
                              "s": c.pref_s}
                       for c in assessment.criteria if c.pref_function is not None},
    }


def prepare_assessment(assessment: Assessment, weighting: Weighting) -> Problem:
    """The assessment's decision problem without weights, with `method_options`."""
    return prepare(assessment.performance(), assessment.objectives(), None,
                   assessment.scale(), method_options(assessment, weighting))


def evaluation_gaia(assessment: Assessment, evaluation: Evaluation) -> GaiaPlane:
    """The GAIA plane of an evaluation: its criterion weights as the decision stick and
    the criteria's preference functions (whatever method the evaluation used)."""
    chosen = evaluation.weighting or Weighting()
    p = prepare_assessment(assessment, chosen)
    w = np.array([evaluation.weights[c] for c in p.criteria])
    problem = replace(p, weights=w / w.sum())
    try:
        methods.get("promethee").check(problem)
        return gaia(problem)
    except EngineError as err:
        raise err.with_labels(criterion_labels(assessment)) from None


@dataclass
class Evaluation:
    """The full picture of one assessment under one set of weights and one method.

    `table` (index measure_id, in the assessment's order) has the columns
    label_nl, label_en, score, rank, score_rank, ecology, economy, people,
    contrib_ecology, contrib_economy, contrib_people, balance, floor_violation,
    violated_pillars, pareto, knocked_out, knockout_criteria.

    - score: the method's score (higher is better; for wsm the weighted sum 0..1).
    - rank: the final rank. Measures below a pillar floor are *not* compensated by
      their other pillars: they are ranked after every measure that meets all
      floors (in score order among themselves); so are measures that fail a
      criterion's knock-out (`knocked_out`, the failing criteria in
      `knockout_criteria`; see `impact.knockouts`). Without either rank = score_rank.
    - score_rank: the rank on score alone, ignoring floors.
    - contrib_<pillar>: pillar weight x pillar score; for wsm they sum to score.
    """

    table: pd.DataFrame
    weights: dict[str, float]
    pillar_weights: dict[str, float]
    neutral: pd.Series
    tradeoffs: pd.DataFrame
    correlation: pd.DataFrame
    method: str
    floors: dict[str, float] = field(default_factory=dict)
    within: dict[str, float] = field(default_factory=dict)
    weighting: Weighting | None = None  # what it was computed with

    def ranked(self) -> pd.DataFrame:
        """The table sorted by rank (then by the assessment's order)."""
        return self.table.sort_values("rank", kind="stable")


def criterion_labels(assessment: Assessment) -> dict[str, tuple[str, str]]:
    """id -> (Dutch, English) display names of criteria and measures, for EngineError."""
    labels = {c.id: (c.label_nl, c.label_en or c.label_nl) for c in assessment.criteria}
    for m in assessment.measures:
        labels[m.id] = (f"{m.id} ({m.label_nl})", f"{m.id} ({m.label_en or m.label_nl})")
    return labels


def resolve_weights(
    assessment: Assessment, weighting: Weighting | None = None, **separate: Any
) -> tuple[dict[str, Any], dict[str, Any]]:
    """(pillar weights as given, within-pillar weights) for an assessment.

    Pillar weights: the weighting's, or equal when it has none. Within-pillar weights:
    the criteria's own, overridden by the weighting's criterion weights. `separate`:
    the older keywords instead of a weighting (see `resolve_weighting`).
    """
    chosen = resolve_weighting(assessment, weighting, **separate)
    if chosen.pillar_weights is not None:
        pw = {pillar_name(k): v for k, v in chosen.pillar_weights}
    else:
        pw = {p: 1.0 for p in PILLAR_NAMES}
    return pw, chosen.within(assessment)


def _check_floors(floors: Iterable[tuple[str, Any]]) -> dict[str, float]:
    result: dict[str, float] = {}
    for key, value in floors:
        name = pillar_name(key)
        if value is None:
            continue
        number = as_number(value)
        if not (0.0 <= number <= 1.0):
            raise EngineError("engine.error.invalid_floor", pillar=name, value=str(value))
        result[name] = number
    return result


def evaluate(
    assessment: Assessment, weighting: Weighting | None = None, **separate: Any
) -> Evaluation:
    """Rank an assessment's measures and describe their pillar balance and trade-offs.

    Weights, floors and method come from `weighting` (see `impact.weighting`), or from
    the older keywords in `separate`: pillar_weights, profile, method, floors,
    criterion_weights (see `resolve_weighting`); for the weights see
    `resolve_weights`. Scores are normalised on the criteria's declared scales. The
    floors map pillar -> minimum pillar score 0..1; measures below a floor are flagged
    and ranked after all measures that meet every floor.
    Raises `EngineError` (with criterion and measure names attached) on bad input.
    """
    chosen = resolve_weighting(assessment, weighting, **separate)
    try:
        return _evaluate(assessment, chosen)
    except EngineError as err:
        raise err.with_labels(criterion_labels(assessment)) from None


def _evaluate(assessment: Assessment, weighting: Weighting) -> Evaluation:
    chosen = methods.get(weighting.method)
    floor = _check_floors(weighting.floors)
    pillar_of = assessment.pillar_of()
    pw_raw, within = resolve_weights(assessment, weighting)

    p = prepare_assessment(assessment, weighting)
    pmap = pillar_map(pillar_of, p.criteria)
    pw = normalise_pillar_weights(pw_raw, present_pillars(pmap))
    structure = PillarStructure.build(p.criteria, pmap, within)
    inner = structure.within
    weights = {c: pw[pmap[c]] * inner[c] for c in p.criteria}

    w = np.array([weights[c] for c in p.criteria])
    problem = replace(p, weights=w / w.sum())
    chosen.check(problem)
    score, score_rank = chosen.rank(problem)
    pillars = structure.scores(p)
    neutral = structure.neutral(p)
    table = _evaluation_table(assessment, p.measures, score, score_rank, pillars, pw, floor)
    return Evaluation(
        table=table,
        weights=weights,
        pillar_weights=pw,
        neutral=neutral,
        tradeoffs=tradeoff_classes(pillars, neutral),
        correlation=pillar_correlation(pillars),
        method=weighting.method,
        floors=floor,
        within={c: inner[c] for c in p.criteria},
        weighting=weighting,
    )


def _evaluation_table(
    assessment: Assessment,
    measures: pd.Index,
    score: np.ndarray,
    score_rank: np.ndarray,
    pillars: pd.DataFrame,
    pw: dict[str, float],
    floor: dict[str, float],
) -> pd.DataFrame:
    """The columns of `Evaluation.table` (see there), one row per measure."""
    labels = {m.id: m for m in assessment.measures}
    pv = pillars.to_numpy()
    below = below_floors(pillars, floor)
    failing = knockouts(assessment)
    knocked = np.array([m in failing for m in measures], dtype=bool)
    flagged = below.any(axis=1)
    columns: dict[str, Any] = {
        "label_nl": [labels[m].label_nl for m in measures],
        "label_en": [labels[m].label_en or labels[m].label_nl for m in measures],
        "score": score,
        # below a floor or knocked out: after every measure that is not
        "rank": ranked_last(score_rank, flagged | knocked),
        "score_rank": score_rank.astype(int),
    }
    for k, q in enumerate(PILLAR_NAMES):
        columns[q] = pv[:, k]
    for k, q in enumerate(PILLAR_NAMES):
        columns[f"contrib_{q}"] = pw[q] * np.nan_to_num(pv[:, k])
    columns["balance"] = balance_index(pillars).to_numpy()
    columns["floor_violation"] = flagged
    columns["violated_pillars"] = [
        ",".join(q for k, q in enumerate(PILLAR_NAMES) if row[k]) for row in below
    ]
    columns["pareto"] = pareto_front(pillars).to_numpy()
    columns["knocked_out"] = knocked
    columns["knockout_criteria"] = [",".join(failing.get(m, [])) for m in measures]
    return pd.DataFrame(columns, index=measures)


def below_floors(pillars: pd.DataFrame, floors: Mapping[str, float]) -> np.ndarray:
    """measures x pillars (PILLAR_NAMES order): True where a pillar score is under its
    floor. A pillar without criteria (NaN) is never below."""
    pv = pillars[list(PILLAR_NAMES)].to_numpy(dtype=float)
    below = np.zeros(pv.shape, dtype=bool)
    for k, q in enumerate(PILLAR_NAMES):
        if q in floors:
            below[:, k] = pv[:, k] < floors[q] - 1e-12
    return below


def ranked_last_mask(assessment: Assessment, weighting: Weighting, p: Problem,
                     structure: PillarStructure) -> np.ndarray | None:
    """Which of `p`'s measures rank after all others wherever ranks are made around
    `weighting` (SMAA, the stability sweep): those that fail a knock-out and those
    below one of its pillar floors, as in `evaluate`. None when that changes nothing.

    Those analyses move the pillar weights only; a pillar score depends on the weights
    within its pillar, so the floors are judged once, on the given scores (as the
    knock-outs are)."""
    flagged = set(knockouts(assessment))
    floors = _check_floors(weighting.floors)
    if floors:
        below = below_floors(structure.scores(p), floors).any(axis=1)
        flagged |= {str(m) for m, out in zip(p.measures, below, strict=True) if out}
    return knocked_mask(p.measures, flagged)


def ranking_table(evaluation: Evaluation, lang: str = "nl", *, display: bool = False,
                  label_width: int = 40) -> pd.DataFrame:
    """The ranking as a flat table, best first (index measure_id).

    Columns label, rank, score, ecology, economy, people, balance, pareto,
    floor_violation. With `display`, column names are in `lang`, labels are cut to
    `label_width` characters and pillars without criteria are left out (for a
    terminal or a quick look; the CLI's table format).
    """
    table = evaluation.ranked()
    label = table["label_en"] if lang == "en" else table["label_nl"]
    out = pd.DataFrame({"label": label, "rank": table["rank"], "score": table["score"]})
    for q in PILLAR_NAMES:
        out[q] = table[q]
    out["balance"] = table["balance"]
    out["pareto"] = table["pareto"]
    out["floor_violation"] = table["floor_violation"]
    if not display:
        return out
    out["label"] = [s if len(s) <= label_width else s[: label_width - 1] + "…"
                    for s in out["label"]]
    out["pareto"] = np.where(out["pareto"], "*", "")
    if not evaluation.floors:
        out = out.drop(columns=["floor_violation"])
    else:
        out["floor_violation"] = [
            t("engine.cli.floor_flag", lang, pillars=", ".join(
                t(f"engine.pillar.{q}", lang).lower() for q in v.split(","))) if v else ""
            for v in table["violated_pillars"]
        ]
    out = out.drop(columns=[q for q in PILLAR_NAMES if out[q].isna().all()])
    names = {"label": t("engine.cli.col.label", lang), "rank": t("engine.cli.col.rank", lang),
             "score": t("engine.cli.col.score", lang),
             "balance": t("engine.cli.col.balance", lang), "pareto": "",
             "floor_violation": t("engine.cli.col.flag", lang)}
    names.update({q: t(f"engine.pillar.{q}", lang).lower() for q in PILLAR_NAMES})
    out = out.rename(columns=names)
    out.index.name = t("engine.cli.col.measure", lang)
    return out
