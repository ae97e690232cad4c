"""The Portfolio page's pieces: the budget, the package, the frontier, per perspective."""

from __future__ import annotations

from dataclasses import replace

import pandas as pd
import streamlit as st

from impact import export, portfolio
from impact.charts.portfolio import frontier_chart, pareto_chart
from impact.charts.table import shown_numbers
from impact.export.packages import package_table
from impact.model import PILLARS, Assessment, WeightProfile
from impact.numbers import format_number
from impact.ui.downloads import table_buttons
from impact.ui.session import budget, default_widget, lang, set_budget
from impact.ui.text import plain, tr
from impact.ui.widgets import chart, table
from impact.weighting import Weighting


def budget_slider(assessment: Assessment, options: portfolio.Candidates, unit: str) -> float:
    """The budget slider; it starts at the budget last chosen in this session (else half of
    all costs), which the export page then uses for the report and the slides."""
    total = float(options.cost.sum())
    step = max(round(total / 200, -int(max(0, len(str(int(total))) - 3))), 1.0)
    key = f"budget:{assessment.id}"
    kept = budget(assessment.id)
    # half of all costs on a whole step; whole steps show without decimals
    default_widget(key, min(kept, total) if kept is not None else
                   min(total, round(total / 2 / step) * step))
    value = float(st.slider(tr("portfolio.budget", unit=unit), 0.0, total, step=float(step),
                            key=key, format="%.0f" if float(step).is_integer() else "%.2f"))
    set_budget(assessment.id, value)
    return value


def package_view(assessment: Assessment, options: portfolio.Candidates,
                 package: portfolio.Package, unit: str) -> None:
    if not package.feasible or not package.measures:
        st.warning(tr("portfolio.infeasible"))
        return
    language = lang()
    # the one number notation (Babel): 1.250 and 0,68 in Dutch
    st.markdown(tr("portfolio.package", count=len(package.measures), unit=unit,
                   cost=format_number(package.cost, language, 0),
                   budget=format_number(package.budget, language, 0),
                   score=format_number(package.score, language, 2)))
    frame = package_table(assessment, options, package, language)
    # numbers in the one notation of the charts and the report (0,68 in Dutch)
    columns = list(frame.columns)
    digits = {columns[2]: 0 if frame[columns[2]].map(float.is_integer).all() else 1,
              **{c: 2 for c in columns[4:]}}
    table(shown_numbers(frame, digits, language), hide_index=True, width="stretch")
    st.caption(tr("portfolio.balance") + ": " + ", ".join(
        f"{tr(f'pillar.{p}')} {format_number(package.pillars[str(p)], language, 2)}"
        for p in PILLARS))
    st.markdown(f"**{tr('portfolio.download')}**")
    table_buttons("package", lambda: export.frame_to_csv_bytes(frame, language),
                  lambda: export.frames_to_xlsx_bytes({tr("portfolio.title"): frame}),
                  f"{export.safe_stem(assessment.name)}-pakket")


def drops_view(assessment: Assessment, options: portfolio.Candidates,
               package: portfolio.Package) -> None:
    if not package.measures:
        return
    dropped, _ = portfolio.drops_out(options, package)
    labels = {m.id: m.label(lang()) for m in assessment.measures}
    st.info(tr("portfolio.drops", measures=plain(", ".join(labels[m] for m in dropped)))
            if dropped else tr("portfolio.drops_none"), icon=":material/trending_down:")


def frontier_view(options: portfolio.Candidates, package: portfolio.Package,
                  unit: str) -> None:
    packages = portfolio.frontier(options)
    chart(frontier_chart(packages, package, unit, lang()), "portfolio-frontier",
          downloads="dl-portfolio-frontier")
    chart(pareto_chart(portfolio.pareto(packages), lang()), "portfolio-pareto",
          downloads="dl-portfolio-pareto")


def excluded_view(assessment: Assessment, options: portfolio.Candidates) -> None:
    if not options.excluded:
        return
    labels = {m.id: m.label(lang()) for m in assessment.measures}
    with st.expander(tr("portfolio.excluded")):
        st.markdown("\n".join(f"- {plain(labels[m])}: {tr(reason)}"
                              for m, reason in options.excluded.items()))


def per_profile_view(assessment: Assessment, budget: float, weighting: Weighting) -> None:
    """The package each stakeholder perspective would choose, side by side: each profile's
    weights with the page's method (and VIKOR's v)."""
    if not assessment.profiles:
        return
    st.subheader(tr("portfolio.profiles"))
    labels = {m.id: m.label(lang()) for m in assessment.measures}
    chosen = {}
    for profile in assessment.profiles:
        options = portfolio.candidates(assessment, profile_weighting(profile, weighting))
        chosen[profile.name] = set(portfolio.best_package(options, budget).measures)
    rows = sorted(set().union(*chosen.values()), key=[m.id for m in assessment.measures].index)
    table(pd.DataFrame({name: ["✓" if m in ids else "" for m in rows]
                        for name, ids in chosen.items()},
                       index=[labels[m] for m in rows]), width="stretch")
    common = set.intersection(*chosen.values()) if chosen else set()
    if common:
        st.caption(tr("portfolio.in_every", measures=plain(", ".join(
            labels[m] for m in rows if m in common))))


def profile_weighting(profile: WeightProfile, weighting: Weighting) -> Weighting:
    """A profile's weights under the page's method and VIKOR's v."""
    return replace(Weighting.from_profile(profile, weighting.method), vikor_v=weighting.vikor_v)
