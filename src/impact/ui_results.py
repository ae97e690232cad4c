"""Moved to `impact.ui.results` (and the sliders to `impact.ui.widgets`); kept for old imports."""

from impact.ui.results import (  # noqa: F401 - the old module's names
    TOTAL_POINTS,
    WeightSettings,
    apply_profile,
    evaluation,
    no_regret,
    perspectives,
    rebalance,
    settings_key,
    settings_summary,
    smaa,
    to_points,
    weight_stability,
    whole_points,
)
from impact.ui.widgets import pillar_weight_sliders  # noqa: F401
