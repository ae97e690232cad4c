"""Portfolio page: the best package of measures within a budget (impact.portfolio)."""

import streamlit as st

from impact import engine, portfolio, ui
from impact.charts.portfolio import cost_unit
from impact.ui import portfolio_views as views
from impact.ui import widgets

assessment = ui.page(ui.tr("portfolio.title"))
st.caption(ui.tr("portfolio.intro"))
weighting = widgets.pillar_weight_sliders("portfolio")
try:
    options = portfolio.candidates(assessment, weighting)
except engine.EngineError as err:
    st.warning(ui.plain(err.message(ui.lang())))
    st.stop()
if not options.ids:
    st.info(ui.tr("portfolio.no_costs"))
    views.excluded_view(assessment, options)
    st.stop()

unit = cost_unit(assessment)
budget = views.budget_slider(assessment, options, unit)
package = portfolio.best_package(options, budget)
views.package_view(assessment, options, package, unit)
views.drops_view(assessment, options, package)
views.excluded_view(assessment, options)
views.frontier_view(options, package, unit)
views.per_profile_view(assessment, budget, weighting)
