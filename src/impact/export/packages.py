"""A package within a budget as a table (the Portfolio page's downloads)."""

from __future__ import annotations

import pandas as pd

from impact.i18n import t
from impact.model import PILLARS, Assessment
from impact.portfolio import Candidates, Package


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
