"""Scoring page: the measures x criteria grids per pillar, with source and confidence.

Edits stay in the grids until Save (or until the analyst goes to another page, when
valid edits are saved): `impact.ui.score_grid`.
"""

import streamlit as st

from impact import ui
from impact.ui import score_grid

assessment = ui.page(ui.tr("scoring.title"))
lang = ui.lang()
editable = ui.read_only_notice()
st.caption(ui.tr("grid.intro"))
total = len(assessment.measures) * len(assessment.criteria)
filled = sum(1 for key in assessment.scores if key[1] in {c.id for c in assessment.criteria})
st.progress(filled / total if total else 0.0,
            text=ui.tr("scoring.progress", filled=filled, total=total))

bar = st.container()  # above the grids, filled once they have told what is pending
pending = score_grid.score_grids(assessment, editable, lang)
if editable:
    with bar:
        score_grid.save_bar(pending, assessment)
