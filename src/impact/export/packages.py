"""A package within a budget in the exports: its table (the Portfolio page's downloads),
and the report's and the slides' package section (`package_section`)."""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd
import plotly.graph_objects as go

from impact.charts.portfolio import cost_unit
from impact.i18n import t
from impact.model import PILLARS, Assessment
from impact.numbers import format_number
from impact.portfolio import Candidates, Package
from impact.weighting import Weighting


def package_table(assessment: Assessment, options: Candidates, package: Package,
                  lang: str = "nl") -> pd.DataFrame:
    """One row per measure in the package: code, name, cost, what it adds to the
    package's score, and its pillar scores."""
    labels = {m.id: m.label(lang) for m in assessment.measures}
    units = {m.id: m.cost_unit for m in assessment.measures}
    at = [options.ids.index(m) for m in package.measures]
    return pd.DataFrame({
        t("export.col.measure_id", lang): list(package.measures),
        t("word.measure", lang): [labels[m] for m in package.measures],
        t("portfolio.col.cost", lang): options.cost[at],
        t("export.col.cost_unit", lang): [units[m] for m in package.measures],
        t("portfolio.col.adds", lang): options.score[at],
        **{t(f"pillar.{p}", lang): options.pillar[str(p)][at] for p in PILLARS},
    })


@dataclass(frozen=True)
class PackageSection:
    """The best package within a budget, as the report and the slides show it."""

    package: Package
    unit: str
    names: list[str]  # the chosen measures' names, in the package's order
    dropped: list[str]  # the names that leave the package at 10 % less budget
    excluded: list[str]  # knocked-out measures' names (never in a package)
    table: pd.DataFrame  # `package_table`
    frontier: go.Figure  # the frontier chart, the chosen budget marked

    def sentence(self, lang: str) -> str:
        """'3 maatregelen voor 85 mln € binnen een budget van 100 mln €: A, B en C.'"""
        p = self.package
        if not p.feasible or not p.measures:
            return t("export.package.none", lang, budget=money(p.budget, self.unit, lang))
        return t("export.package.sentence", lang, count=len(p.measures),
                 cost=money(p.cost, self.unit, lang), budget=money(p.budget, self.unit, lang),
                 names=name_list(self.names, lang))

    def balance(self, lang: str) -> str:
        """'Balans van het pakket (gemiddelde pijlerscore): ecologie 0,62 · ...'."""
        return t("portfolio.balance", lang) + ": " + " · ".join(
            f"{t(f'pillar.{p}', lang).lower()} "
            f"{format_number(self.package.pillars[str(p)], lang, 2)}" for p in PILLARS)

    def drops(self, lang: str) -> str:
        if not self.package.measures:
            return ""
        if not self.dropped:
            return t("portfolio.drops_none", lang)
        return t("portfolio.drops", lang, measures=name_list(self.dropped, lang))

    def lines(self, lang: str) -> list[str]:
        """The section as plain sentences (the summary page, a slide)."""
        return [line for line in (self.sentence(lang), self.balance(lang)
                                  if self.package.measures else "", self.drops(lang)) if line]


def money(value: float, unit: str, lang: str) -> str:
    """'85 mln €' / '1.250 €': whole amounts, a decimal where the amount is small."""
    digits = 0 if float(value).is_integer() or abs(value) >= 100 else 1
    return f"{format_number(value, lang, digits)} {unit}".strip()


def name_list(names: list[str], lang: str) -> str:
    """'A, B en C' / 'A, B and C'."""
    if len(names) <= 1:
        return "".join(names)
    return ", ".join(names[:-1]) + t("export.summary.and", lang) + names[-1]


def package_section(assessment: Assessment, weighting: Weighting | None, budget: float | None,
                    lang: str = "nl") -> PackageSection | None:
    """The package within `budget` under `weighting` (None: no budget, or no measure
    with a cost, so no package section)."""
    if budget is None:
        return None
    from impact import portfolio
    from impact.charts.portfolio import frontier_chart

    options = portfolio.candidates(assessment, weighting)
    if not options.ids:
        return None
    package = portfolio.best_package(options, float(budget))
    dropped, _ = portfolio.drops_out(options, package)
    labels = {m.id: m.label(lang) for m in assessment.measures}
    unit = cost_unit(assessment)
    return PackageSection(
        package=package, unit=unit, names=[labels[m] for m in package.measures],
        dropped=[labels[m] for m in dropped],
        excluded=[labels[m] for m, why in options.excluded.items()
                  if why == "portfolio.excluded.knockout"],
        table=package_table(assessment, options, package, lang),
        frontier=frontier_chart(portfolio.frontier(options), package, unit, lang,
                                _subtitle(assessment, weighting, lang)))


def _subtitle(assessment: Assessment, weighting: Weighting | None, lang: str) -> str:
    """The weights under the frontier's title, as every chart of the export shows them."""
    from impact import engine
    from impact.charts.labels import weights_subtitle

    ev = engine.evaluate(assessment, weighting)
    return weights_subtitle(ev.pillar_weights, lang, ev.method,
                            weighting.profile if weighting else None)
