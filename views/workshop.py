"""Workshop (facilitator): create a session, show code and QR, run rounds, watch the room.

The controls of a session need its facilitator key, or the signed-in person who
started it. The key is shown once, in a dialog, and then kept in this browser session
only: never in the address bar, never on the projected part of the page (`?session=CODE`
holds just the public code). Only an editor starts a session. The parts of this screen
are in `impact.ui.workshop_views`.
"""

import streamlit as st

from impact import ui
from impact.ui import projection_views
from impact.ui import workshop_views as view
from impact.workshop import RoundState

LIVE_SECONDS = 1  # the facilitator's live view refresh (two screens at most: cheap)

me = ui.principal()
st.title(ui.tr("workshop.title"))
code = view.requested_code()
if not view.may_run(code, me):
    view.entry_view(code, me)
    st.stop()
current = view.session_or_stop(code)
view.header(current)
projection_views.projection_link(current.code)
view.remember_in_browser(current.code)
view.controls(current, me)
if current.hide_until_reveal and current.round_state != RoundState.REVEALED:
    st.toggle(ui.tr("workshop.peek"), key=view.PEEK, help=ui.tr("workshop.peek_help"))


@st.fragment(run_every=LIVE_SECONDS)
def live_fragment() -> None:
    latest = view.current_session(code)
    if (latest.round, latest.round_state, latest.closed) != (
            current.round, current.round_state, current.closed):
        st.rerun()  # another facilitator screen moved the session on: redraw the controls
    view.live_view(code)


live_fragment()
if me.can_edit:
    view.save_view(current, me)
view.participants_view(current)
