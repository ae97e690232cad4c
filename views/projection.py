"""Projection (facilitator): the workshop for the beamer, full screen, following the round.

Opened from the facilitator's screen (`projection?session=CODE`) in a second tab; the
same rights as the facilitator's screen (the key, a grant cookie of this browser, or the
owner). The parts are in `impact.ui.projection_views`.
"""

import streamlit as st

from impact import ui
from impact import workshop as ws
from impact.ui import projection_views as view
from impact.ui import session
from impact.ui import workshop_views as wv
from impact.workshop import WorkshopError

code = wv.requested_code()
if not (code and ws.may_facilitate(ui.store(), code, by=ui.principal(),
                                   key=session.facilitator_key(code))):
    st.error(ui.tr("workshop.projection.no_rights"))
    st.stop()
try:
    current = wv.current_session(code)
except WorkshopError as exc:
    wv.show_error(exc)
    st.stop()
view.projection(current)
