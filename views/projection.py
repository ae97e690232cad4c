"""Projection (facilitator): the workshop for the beamer, full screen, following the round.

Opened from the facilitator's screen (`projection?session=CODE`) in a second tab; the
same rights as the facilitator's screen (the key, a grant cookie of this browser, or the
owner). The parts are in `impact.ui.projection_views`.
"""

import streamlit as st

from impact import ui
from impact.ui import projection_views as view
from impact.ui import workshop_views as wv

code = wv.requested_code()
if not wv.may_run(code, ui.principal()):
    st.error(ui.tr("workshop.projection.no_rights"))
    st.stop()
view.projection(wv.session_or_stop(code))
