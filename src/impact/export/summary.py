"""The report's first page: the question, the recommendation and why, how certain it is,
the no-regret measures, the balance and the open issues, in plain words.

`top_set_share` measures robustness the way a board asks it ("in how many of ten
weightings do the same three measures come out on top?"); `build_summary` turns a
`ReportData` into the sentences the template shows.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np
import pandas as pd

from impact.i18n import t
from impact.model import PILLARS, Assessment, Pillar
from impact.numbers import format_count, format_number
from impact.weighting import Weighting, whole_points

TOP_K = 3
TOP_SAMPLES = 2_000
SPREAD = 0.15  # as the robustness analysis: 15 points around the chosen pillar weights
CLOSE_GAP = 0.02  # two scores closer than this are "close" (on a 0..1 score)


@dataclass(frozen=True)
class Recommendation:
    measure_id: str
    name: str
    why: str


@dataclass(frozen=True)
class Summary:
    question: str
    weights: str
    recommended: list[Recommendation]
    robustness: str
    no_regret: str
    balance: str
    open_issues: list[str]


def top_set_share(assessment: Assessment, evaluation: Any, weighting: Weighting, *,
                  k: int = TOP_K, samples: int = TOP_SAMPLES, seed: int = 0) -> float | None:
    """The share of pillar weightings under which the same `k` measures come out on top.

    The weightings are drawn as the robustness analysis draws them
    (`robustness.sampled_pillar_ranks`: uniform when the weighting sets no pillar
    weights, else uniform within `SPREAD` of them; weights within a pillar stay) and
    ranked as the engine ranks: the method with its settings, knock-outs and floors
    last. None when it cannot be computed (no more than `k` measures ranked before the
    excluded ones, a method error).
    """
    from impact import engine, robustness

    table = evaluation.table
    excluded = table["knocked_out"].fillna(False).astype(bool)
    if "floor_violation" in table:
        excluded |= table["floor_violation"].fillna(False).astype(bool)
    if (~excluded).sum() <= k:
        return None
    try:
        ranks = robustness.sampled_pillar_ranks(assessment, weighting, spread=SPREAD,
                                                samples=samples, seed=seed)
    except engine.EngineError:
        return None
    chosen = set(table.index[table["rank"].to_numpy() <= k])
    on_top = ranks.to_numpy() <= k
    wanted = np.array([m in chosen for m in ranks.columns])
    return float((on_top == wanted).all(axis=1).mean())


def build_summary(data: Any) -> Summary:
    """The first page's sentences from a `ReportData` (see `impact.export.report`)."""
    lang, a = data.lang, data.assessment
    ranking = data.ranking.sort_values(["rank", "score"], ascending=[True, False])
    top = ranking[ranking["rank"] <= TOP_K].head(max(TOP_K, 1))
    names = {m.id: m.label(lang) for m in a.measures}
    points = whole_points(data.pillar_weights)
    weights = " · ".join(f"{t(f'pillar.{p}', lang)} {points[p]}" for p in PILLARS)
    description = a.description.strip().split("\n\n")[0].strip()
    return Summary(
        question=description or t("export.summary.question_default", lang),
        weights=weights,
        recommended=[Recommendation(str(m), names.get(str(m), str(m)),
                                    _why(row, str(m) in set(data.no_regret), lang))
                     for m, row in top.iterrows()],
        robustness=_robustness(data),
        no_regret=_no_regret(data, names),
        balance=_balance(top, lang),
        open_issues=_open_issues(data, ranking, top),
    )


def _pillar_scores(row: Mapping[str, Any]) -> dict[Pillar, float]:
    scores = {p: float(row.get(p.value, np.nan)) for p in PILLARS}
    return {p: v for p, v in scores.items() if np.isfinite(v)}


def _why(row: pd.Series, no_regret: bool, lang: str) -> str:
    """'totaalscore 0,68; sterkst op economie (0,73), zwakst op ecologie (0,60)' and more."""
    scores = _pillar_scores(row)
    parts = [t("export.summary.why_score", lang, score=format_number(row["score"], lang))]
    if len(scores) > 1:
        best = max(scores, key=scores.__getitem__)
        worst = min(scores, key=scores.__getitem__)
        parts.append(t("export.summary.why_pillars", lang,
                       best=t(f"pillar.{best.value}", lang).lower(),
                       best_score=format_number(scores[best], lang),
                       worst=t(f"pillar.{worst.value}", lang).lower(),
                       worst_score=format_number(scores[worst], lang)))
    if bool(row.get("pareto", False)):
        parts.append(t("export.summary.why_pareto", lang))
    if no_regret:
        parts.append(t("export.summary.why_no_regret", lang))
    return "; ".join(parts) + "."


def _robustness(data: Any) -> str:
    lang = data.lang
    if data.top_same is None:
        return t("export.summary.robust_unknown", lang)
    key = "export.summary.robust_around" if data.smaa_around else "export.summary.robust_uniform"
    return t(key, lang, same=int(round(10 * data.top_same)),
             draws=format_count(data.top_samples, lang))


def _name_list(names: Sequence[str], lang: str) -> str:
    """'A, B en C' / 'A, B and C'."""
    quoted = [f"‘{n}’" for n in names]
    if len(quoted) <= 1:
        return "".join(quoted)
    return ", ".join(quoted[:-1]) + t("export.summary.and", lang) + quoted[-1]


def _no_regret(data: Any, names: Mapping[str, str]) -> str:
    lang = data.lang
    if data.no_regret:
        chosen = [names.get(m, m) for m in data.no_regret]
        return t("export.summary.no_regret_some", lang, names=_name_list(chosen, lang),
                 count=len(chosen))
    if data.perspective_ranks is None:
        return t("export.summary.no_regret_no_profiles", lang)
    return t("export.summary.no_regret_none", lang)


def _balance(top: pd.DataFrame, lang: str) -> str:
    """Where the recommended measures' score comes from, as whole percentages."""
    from impact.charts import pillar_shares

    if top.empty:
        return ""
    shares = pillar_shares(top).mean()
    percent = whole_points({p: float(shares[p.value]) for p in PILLARS})
    leading = max(PILLARS, key=lambda p: percent[p])
    how = (t("export.summary.balance_mainly", lang,
             pillar=t(f"pillar.{leading.value}", lang).lower())
           if percent[leading] >= 45 else t("export.summary.balance_even", lang))
    listed = ", ".join(f"{t(f'pillar.{p.value}', lang).lower()} {percent[p]}%" for p in PILLARS)
    return t("export.summary.balance_text", lang, how=how, shares=listed)


def _open_issues(data: Any, ranking: pd.DataFrame, top: pd.DataFrame) -> list[str]:
    lang, a = data.lang, data.assessment
    issues: list[str] = []
    below = [m for m, v in ranking["floor_violation"].fillna(False).items() if bool(v)]
    if below:
        issues.append(t("export.summary.open_floor", lang, count=len(below),
                        names=_name_list([a.measure(m).label(lang) for m in below], lang)))
    scores = ranking["score"].astype(float).to_numpy()
    if len(scores) > TOP_K and scores[TOP_K - 1] - scores[TOP_K] < CLOSE_GAP:
        issues.append(t("export.summary.open_close", lang, a=TOP_K, b=TOP_K + 1,
                        score_a=format_number(scores[TOP_K - 1], lang),
                        score_b=format_number(scores[TOP_K], lang)))
    if data.top_same is not None and data.top_same < 0.5:
        issues.append(t("export.summary.open_unstable", lang))
    chosen = {str(m) for m in top.index}
    held = [s for (m, _c), s in a.scores.items() if m in chosen]
    low = sum(1 for s in held if s.confidence == "low")
    if low:
        issues.append(t("export.summary.open_low_confidence", lang, count=low))
    unsourced = sum(1 for s in held if not (s.source or "").strip())
    if unsourced:
        issues.append(t("export.summary.open_no_source", lang, count=unsourced))
    if data.workshop_rounds is not None and not data.workshop_rounds:
        issues.append(t("export.summary.open_no_workshop", lang))
    return issues or [t("export.summary.open_none", lang)]
