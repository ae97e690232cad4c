"""Take part in a workshop (participant): join with a code, score one measure at a time.

Opened through `?join=CODE` (or `?join=` to type the code); after joining the URL holds
`?p=<token>`, so a reload or a dropped connection resumes as the same participant. While
the participant answers, the page polls only every 2 minutes (a round closed meanwhile shows on the
next submit, or within 2 minutes); while waiting (before, between and after rounds, and
once all is answered) it follows the facilitator through one cached status row read
every few seconds. A page with a timed fragment is one Streamlit's frontend reruns when
its websocket reconnects, so after a server restart every phone goes on by itself. It
never shows another participant's answers. The
parts of these screens are in `impact.ui.participant_views`.
"""

import streamlit as st

from impact import ui
from impact import workshop as ws
from impact.ui import cache, session, widgets
from impact.ui import participant_views as view
from impact.workshop import RoundState, WorkshopError

# Every participant click reruns this page: keep it to the queries it needs.
db = view.db()
widgets.participant_language_switch()
token = session.participant_token()
me = cache.participant(db, token) if token else None
if me is None:
    if token:
        st.warning(ui.tr("workshop.p.unknown_link"))
    code = ws.normalise_code(session.join_code())
    if not code:
        view.code_entry()
        st.stop()
    try:  # an ended session's code no longer opens; wrong codes are throttled
        joining = ws.session_for_joining(view.store(), code, client=ui.auth.client_address())
    except WorkshopError as exc:
        view.code_entry(exc)
    else:
        view.join_view(joining)
    st.stop()

state = cache.participant_status(db, me.code)
current = cache.participant_session(db, me.code)
rendered = (state.round, str(state.round_state), state.closed)
waiting = view.is_waiting(current, state)
who = " · ".join(x for x in (me.name, me.group) if x)
st.caption(ui.tr("workshop.p.header", code=me.code))
if who:
    st.text(who)  # plain text: Markdown would still turn a URL in a name into a link
view.show_pending_error()

if state.closed:
    st.info(ui.tr("workshop.p.session_over"))
    if state.round_state == RoundState.REVEALED:
        view.room_view(current, state.round, token=me.token)
elif state.round_state == RoundState.WAITING:
    st.info(ui.tr("workshop.p.waiting" if state.round == 1 else "workshop.p.waiting_next",
                  round=state.round))
elif state.round_state == RoundState.SCORING:
    view.scoring_view(current, me, state.round, waiting)
elif state.round_state == RoundState.CLOSED:
    st.info(ui.tr("workshop.p.closed", round=state.round))
    if not current.hide_until_reveal:
        view.room_view(current, state.round, token=me.token)
else:
    st.success(ui.tr("workshop.p.revealed", round=state.round))
    view.room_view(current, state.round, token=me.token)

# Waiting pages follow the round every few seconds, scoring pages every 2 minutes.
(view.follow_facilitator if waiting else view.follow_slowly)(db, me.code, rendered)
