"""Take part in a workshop (participant): join with a code, score one measure at a time.

Opened through `?join=CODE` (or `?join=` to type the code); after joining the URL holds
`?p=<token>`, so a reload or a dropped connection resumes as the same participant. The
page follows the facilitator (waiting, scoring, closed, revealed) through one cached
status row read every few seconds; it never shows another participant's answers.
"""

import pandas as pd
import streamlit as st

from impact import ui
from impact import workshop as ws
from impact.i18n import LANGUAGE_NAMES, LANGUAGES, t
from impact.model import PILLARS, seven_point_label
from impact.store import get_store
from impact.workshop import RoundState, WorkshopError

STATUS_SECONDS = 3  # how often a participant's page looks at the session state
SEVEN = list(range(-3, 4))

# Every participant click reruns this page: keep it to the queries it needs. The store
# is opened without the first-start seeding check (a session implies a seeded database).
store = get_store(seed=False)
db = str(store.path)


# -- shared, briefly cached reads (one result for the whole room) -----------------------
# cache_resource hands out the same immutable object (frozen dataclasses, a read-only
# dict) without the copy cache_data makes: these run on every participant's rerun.
@st.cache_resource(ttl=2, show_spinner=False)
def cached_status(db_path: str, code: str) -> ws.Status:
    return ws.status(get_store(db_path, seed=False), code)


@st.cache_resource(ttl=30, show_spinner=False)
def cached_session(db_path: str, code: str) -> ws.Session:
    # Round and state come from cached_status; the rest of a session never changes.
    return ws.get_session(get_store(db_path, seed=False), code)


@st.cache_resource(ttl=30, show_spinner=False)
def cached_participant(db_path: str, token: str) -> ws.Participant | None:
    return ws.participant(get_store(db_path, seed=False), token)


@st.cache_resource(ttl=30, show_spinner=False)
def cached_content(db_path: str, assessment_id: int, language: str) -> dict:
    a = get_store(db_path, seed=False).load(assessment_id)
    return {
        "measures": {m.id: (m.label(language), m.description) for m in a.measures},
        "criteria": {c.id: c for c in a.criteria},
        "profiles": [p.name for p in a.profiles],
    }


@st.cache_data(ttl=3, show_spinner=False)
def cached_room(db_path: str, code: str, round_no: int) -> pd.DataFrame:
    return ws.aggregates(get_store(db_path, seed=False), code, round_no)


def content(session: ws.Session) -> dict:
    return cached_content(db, session.assessment_id, ui.lang())


def language_switch() -> None:
    choice = st.segmented_control("🌐", LANGUAGES, format_func=LANGUAGE_NAMES.get,
                                  default=ui.lang(), key="p_lang",
                                  label_visibility="collapsed")
    if choice and choice != st.session_state.get("lang"):
        st.session_state["lang"] = choice
        st.rerun()


def error_text(exc: WorkshopError) -> str:
    return ui.tr(exc.key, **{k: ui.plain(str(v)) for k, v in exc.params.items()})


def show_pending_error() -> None:
    pending = st.session_state.pop("p_error", None)
    if pending:
        st.error(ui.tr(pending[0], **{k: ui.plain(str(v)) for k, v in pending[1].items()}))


# -- joining -----------------------------------------------------------------------------
def code_entry(problem: WorkshopError | None = None) -> None:
    st.title(ui.tr("workshop.p.title"))
    if problem is not None:
        st.error(error_text(problem))
    with st.form("enter_code", border=False):
        typed = st.text_input(ui.tr("workshop.p.code_label"), max_chars=12,
                              placeholder="ABC234")
        if st.form_submit_button(ui.tr("workshop.p.code_button"), type="primary",
                                 width="stretch"):
            st.query_params.pop("p", None)
            st.query_params["join"] = ws.normalise_code(typed)
            st.rerun()


def join_view(session: ws.Session) -> None:
    code = session.code
    info = content(session)
    st.title(ui.tr("workshop.p.welcome"))
    st.caption(ui.tr("workshop.p.welcome_intro", code=code))
    other = t("workshop.p.group_other", "nl")
    groups = [*info["profiles"], other]
    with st.form("join", border=False):
        name = None
        if not session.anonymous:
            name = st.text_input(ui.tr("workshop.p.name"), max_chars=80)
        else:
            st.caption(ui.tr("workshop.p.anonymous"))
        group = st.selectbox(ui.tr("workshop.p.group"), groups, index=None,
                             placeholder=ui.tr("workshop.p.group_placeholder"),
                             format_func=lambda g: ui.tr("workshop.p.group_other")
                             if g == other else g)
        if st.form_submit_button(ui.tr("workshop.p.join_button"), type="primary",
                                 width="stretch"):
            try:
                me = ws.join(store, code, name=name, group=group,
                             client=ui.auth.client_address())
            except WorkshopError as exc:
                st.error(error_text(exc))
                return
            st.query_params.pop("join", None)
            st.query_params["p"] = me.token
            st.rerun()


# -- scoring -----------------------------------------------------------------------------
def save_answer(token: str, measure_id: str, criterion_id: str, widget: str,
                round_no: int) -> None:
    value = st.session_state.get(widget)
    try:
        # The round this question was shown in: a late click on a past round is refused.
        ws.submit_answer(store, token, measure_id, criterion_id,
                         None if value is None else float(value), round_no=round_no)
    except WorkshopError as exc:
        st.session_state["p_error"] = (exc.key, exc.params)
        cached_status.clear()  # the round probably moved on: look again at once


def go_to(step_key: str, step: int) -> None:
    st.session_state[step_key] = step


def option_label(value: int) -> str:
    return f"{value:+d} {seven_point_label(value, ui.lang())}".replace("+0 ", "0 ")


def first_open_step(order: list[str], criteria: tuple[str, ...],
                    answers: dict[tuple[str, str], float], split_needed: bool) -> int:
    for i, m in enumerate(order):
        if any((m, c) not in answers for c in criteria):
            return i
    return len(order) if split_needed else len(order) + 1


def question(session: ws.Session, token: str, round_no: int, measure_id: str,
             criterion_id: str, answers: dict[tuple[str, str], float], info: dict) -> None:
    criterion = info["criteria"][criterion_id]
    c_index = session.criteria.index(criterion_id)
    widget = f"ans-{round_no}-{session.measures.index(measure_id)}-{c_index}"
    stored = answers.get((measure_id, criterion_id))
    label = ui.plain(criterion.label(ui.lang()))
    help_text = ui.plain(criterion.description) if criterion.description else None
    args = (token, measure_id, criterion_id, widget, round_no)
    if criterion.is_seven_point:
        st.pills(label, SEVEN, format_func=option_label, key=widget, help=help_text,
                 default=None if stored is None else int(round(stored)),
                 on_change=save_answer, args=args)
    else:
        span = criterion.scale_max - criterion.scale_min
        st.number_input(
            f"{label} ({ui.plain(criterion.unit)}, {criterion.scale_min:g} … "
            f"{criterion.scale_max:g})",
            min_value=float(criterion.scale_min), max_value=float(criterion.scale_max),
            value=stored, step=1.0 if span >= 10 else 0.1, key=widget, help=help_text,
            on_change=save_answer, args=args,
        )


def split_step(session: ws.Session, token: str, round_no: int) -> None:
    st.subheader(ui.tr("workshop.p.split_title"))
    st.caption(ui.tr("workshop.p.split_intro"))
    current = ws.own_split(store, token, round_no)
    defaults = ([current[p] for p in PILLARS] if current else [34.0, 33.0, 33.0])
    with st.form(f"split-{round_no}", border=False):
        values = [
            st.number_input(ui.tr(f"pillar.{p}"), min_value=0, max_value=100, step=5,
                            value=int(round(v)), key=f"split-{round_no}-{p}")
            for p, v in zip(PILLARS, defaults, strict=True)
        ]
        if st.form_submit_button(ui.tr("workshop.p.split_save"), type="primary",
                                 width="stretch"):
            try:
                ws.submit_split(store, token, dict(zip(PILLARS, values, strict=True)),
                                round_no=round_no)
            except WorkshopError as exc:
                st.error(error_text(exc))
            else:
                st.session_state[f"step:{round_no}"] = len(session.measures) + 1
                st.rerun()
    if current:
        st.caption(ui.tr("workshop.p.split_saved"))


def done_step(session: ws.Session, order: list[str], answers: dict, split_missing: bool,
              step_key: str, info: dict) -> None:
    missing = [i for i, m in enumerate(order)
               if any((m, c) not in answers for c in session.criteria)]
    if not missing and not split_missing:
        st.success(ui.tr("workshop.p.done"))
    else:
        st.warning(ui.tr("workshop.p.incomplete"))
        for i in missing:
            st.button(ui.plain(info["measures"][order[i]][0]), key=f"jump-{i}",
                      on_click=go_to, args=(step_key, i), width="stretch")
        if split_missing:
            st.button(ui.tr("workshop.p.split_title"), key="jump-split", on_click=go_to,
                      args=(step_key, len(order)), width="stretch")
    st.caption(ui.tr("workshop.p.can_change"))
    st.button(ui.tr("workshop.p.review"), key="review", on_click=go_to, args=(step_key, 0),
              width="stretch")


@st.fragment
def scoring_view(session: ws.Session, me: ws.Participant, round_no: int) -> None:
    """One measure at a time. A fragment: a click reruns only this part of the page."""
    if "p_error" in st.session_state:
        st.rerun()  # an answer was refused (round closed?): redraw the whole page
    info = content(session)
    answers = ws.own_answers(store, me.token, round_no)
    order = ws.measure_order(session, me.token)
    split_missing = session.pillar_split and ws.own_split(store, me.token, round_no) is None
    step_key = f"step:{round_no}"
    if step_key not in st.session_state:
        st.session_state[step_key] = first_open_step(order, session.criteria, answers,
                                                     split_missing)
    last = len(order) + 1  # the "done" screen
    step = min(max(int(st.session_state[step_key]), 0), last)
    if not session.pillar_split and step == len(order):
        step = last

    answered = sum(1 for k in answers if k[0] in set(order) and k[1] in set(session.criteria))
    total = session.questions_per_round
    st.progress(answered / total if total else 0.0,
                text=ui.tr("workshop.p.progress", done=answered, total=total,
                           round=round_no))

    if step < len(order):
        measure_id = order[step]
        label, description = info["measures"].get(measure_id, (measure_id, ""))
        st.caption(ui.tr("workshop.p.measure_of", i=step + 1, n=len(order)))
        st.subheader(ui.plain(label))
        if description:
            st.caption(ui.plain(description))
        for criterion_id in session.criteria:
            question(session, me.token, round_no, measure_id, criterion_id, answers, info)
    elif step == len(order):
        split_step(session, me.token, round_no)
    else:
        done_step(session, order, answers, split_missing, step_key, info)
        # An anonymous room shows no figures while the round is open (see ws.aggregates).
        if not session.hide_until_reveal and not session.anonymous:
            room_view(session, round_no, live=True)
        return

    back, forward = st.columns(2)
    back.button(ui.tr("workshop.p.back"), key="back", disabled=step == 0, on_click=go_to,
                args=(step_key, step - 1), width="stretch", icon=":material/arrow_back:")
    nxt = step + 1 if (step + 1 != len(order) or session.pillar_split) else last
    forward.button(ui.tr("workshop.p.next"), key="next", on_click=go_to, args=(step_key, nxt),
                   width="stretch", type="primary", icon=":material/arrow_forward:")


# -- the room's aggregate ----------------------------------------------------------------
def room_view(session: ws.Session, round_no: int, *, live: bool = False) -> None:
    agg = cached_room(db, session.code, round_no)
    info = content(session)
    lang = ui.lang()
    st.subheader(ui.tr("workshop.p.room_live" if live else "workshop.p.room_title",
                       round=round_no))
    if session.anonymous:
        st.caption(ui.tr("workshop.anonymous_note", n=ws.ANONYMOUS_MIN_N))
    hot = ws.hotspots(agg, top=3)
    if not hot.empty:
        st.markdown(ui.tr("workshop.p.room_hotspots"))
        for row in hot.itertuples():
            st.text(f"{row.hotspot_rank}. {info['measures'][row.measure_id][0]} · "
                    f"{info['criteria'][row.criterion_id].label(lang)}")

    def median_text(value: float, criterion_id: str) -> str:
        criterion = info["criteria"][criterion_id]
        if pd.isna(value):
            return ui.tr("workshop.p.too_few")
        if criterion.is_seven_point:
            return option_label(int(value)) if value == round(value) else f"{value:+.1f}"
        return f"{value:g} {criterion.unit}"

    # A short list per measure reads better on a phone than a wide table.
    cells = agg.set_index(["measure_id", "criterion_id"])
    for measure_id in session.measures:
        with st.container(border=True):
            st.markdown(f"**{ui.plain(info['measures'][measure_id][0])}**")
            for criterion_id in session.criteria:
                row = cells.loc[(measure_id, criterion_id)]
                spread = "" if pd.isna(row["iqr"]) else ui.tr(
                    "workshop.p.spread", iqr=f"{row['iqr']:g}")
                st.text(f"{info['criteria'][criterion_id].label(lang)}: "
                        f"{median_text(row['median'], criterion_id)}{spread} · n={int(row['n'])}")


# -- page --------------------------------------------------------------------------------
language_switch()
token = st.query_params.get("p", "")
me = cached_participant(db, token) if token else None
if me is None:
    if token:
        st.warning(ui.tr("workshop.p.unknown_link"))
    code = ws.normalise_code(st.query_params.get("join", ""))
    if not code:
        code_entry()
        st.stop()
    try:  # an ended session's code no longer opens; wrong codes are throttled
        joining = ws.session_for_joining(store, code, client=ui.auth.client_address())
    except WorkshopError as exc:
        code_entry(exc)
    else:
        join_view(joining)
    st.stop()

state = cached_status(db, me.code)
session = cached_session(db, me.code)
rendered = (state.round, state.round_state, state.closed)
who = " · ".join(x for x in (me.name, me.group) if x)
st.caption(ui.tr("workshop.p.header", code=me.code))
if who:
    st.text(who)  # plain text: Markdown would still turn a URL in a name into a link
show_pending_error()

if state.closed:
    st.info(ui.tr("workshop.p.session_over"))
    if state.round_state == RoundState.REVEALED:
        room_view(session, state.round)
elif state.round_state == RoundState.WAITING:
    st.info(ui.tr("workshop.p.waiting" if state.round == 1 else "workshop.p.waiting_next",
                  round=state.round))
elif state.round_state == RoundState.SCORING:
    scoring_view(session, me, state.round)
elif state.round_state == RoundState.CLOSED:
    st.info(ui.tr("workshop.p.closed", round=state.round))
    if not session.hide_until_reveal:
        room_view(session, state.round)
else:
    st.success(ui.tr("workshop.p.revealed", round=state.round))
    room_view(session, state.round)


@st.fragment(run_every=STATUS_SECONDS)
def follow_facilitator() -> None:
    """Reads one cached status row; redraws the page only when the state moved on."""
    latest = cached_status(db, me.code)
    if (latest.round, latest.round_state, latest.closed) != rendered:
        st.rerun()


follow_facilitator()
