"""The participant's screens, in parts: the code entry, joining, scoring, the room's result.

Every tap reruns the participant's page, so these read only what they need, through the
briefly cached reads of `impact.ui.cache`; the store is opened without the first-start
seeding check (a session implies a seeded database). Nothing here shows another
participant's answers.
"""

from __future__ import annotations

import pandas as pd
import streamlit as st

from impact import workshop as ws
from impact.i18n import LANGUAGES, t
from impact.model import PILLARS, seven_point_label
from impact.store import Store
from impact.ui import cache, session
from impact.ui.auth import client_address
from impact.ui.session import lang
from impact.ui.text import plain, tr
from impact.workshop import RoundState, WorkshopError

SEVEN = list(range(-3, 4))


def store() -> Store:
    return session.open_store(seed=False)


def db() -> str:
    return str(store().path)


def content(current: ws.Session) -> dict:
    return cache.participant_content(db(), current.assessment_id, lang())


def error_text(exc: WorkshopError) -> str:
    return tr(exc.key, **{k: plain(str(v)) for k, v in exc.params.items()})


def show_pending_error() -> None:
    pending = session.take_participant_error()
    if pending:
        st.error(tr(pending[0], **{k: plain(str(v)) for k, v in pending[1].items()}))


# -- joining -------------------------------------------------------------------------------
def code_entry(problem: WorkshopError | None = None) -> None:
    st.title(tr("workshop.p.title"))
    if problem is not None:
        st.error(error_text(problem))
    with st.form("enter_code", border=False):
        typed = st.text_input(tr("workshop.p.code_label"), max_chars=12, placeholder="ABC234")
        if st.form_submit_button(tr("workshop.p.code_button"), type="primary", width="stretch"):
            session.ask_to_join(ws.normalise_code(typed))
            st.rerun()


def join_view(joining: ws.Session) -> None:
    code = joining.code
    info = content(joining)
    st.title(tr("workshop.p.welcome"))
    st.caption(tr("workshop.p.welcome_intro", code=code))
    other = t("workshop.p.group_other", "nl")
    groups = [*info["profiles"], other]
    with st.form("join", border=False):
        name = None
        if not joining.anonymous:
            name = st.text_input(tr("workshop.p.name"), max_chars=80)
        else:
            st.caption(tr("workshop.p.anonymous"))
        group = st.selectbox(tr("workshop.p.group"), groups, index=None,
                             placeholder=tr("workshop.p.group_placeholder"),
                             format_func=lambda g: tr("workshop.p.group_other")
                             if g == other else g)
        if st.form_submit_button(tr("workshop.p.join_button"), type="primary",
                                 width="stretch"):
            try:
                me = ws.join(store(), code, name=name, group=group, client=client_address())
            except WorkshopError as exc:
                st.error(error_text(exc))
                return
            session.joined(me.token)
            st.rerun()


# -- scoring -------------------------------------------------------------------------------
WAITING_POLL_SECONDS = 5  # how often a waiting participant's page looks at the round
SCORING_POLL_SECONDS = 120  # ... and a scoring one (see follow_slowly)
# Every label a seven-point pill can show, per language: built once, not per rerun.
OPTION_LABELS = {
    language: {v: f"{v:+d} {seven_point_label(v, language)}".replace("+0 ", "0 ") for v in SEVEN}
    for language in LANGUAGES
}


def option_label(value: int) -> str:
    return OPTION_LABELS[lang()][value]


def first_open_step(order: list[str], criteria: tuple[str, ...],
                    answers: dict[tuple[str, str], float], split_needed: bool) -> int:
    for i, m in enumerate(order):
        if any((m, c) not in answers for c in criteria):
            return i
    return len(order) if split_needed else len(order) + 1


def done_step_index(current: ws.Session) -> int:
    """The first step past the questions: the "done" screen (the split step comes
    before it only when the session asks for one)."""
    return len(current.measures) + (1 if current.pillar_split else 0)


def is_waiting(current: ws.Session, state: ws.Status) -> bool:
    """Whether this page has nothing to answer and should follow the round by itself:
    every state but an open round, and the "done" screen of an open round. While the
    participant answers the page looks only every 2 minutes: a closed round shows on
    the next submit."""
    if state.closed or state.round_state != RoundState.SCORING:
        return True
    step = session.step(state.round)
    return step is not None and step >= done_step_index(current)


def look_at_round(db_path: str, code: str, rendered: tuple[int, str, bool]) -> None:
    """Reads one cached status row; redraws the page only when the state moved on."""
    latest = cache.participant_status(db_path, code)
    if (latest.round, str(latest.round_state), latest.closed) != rendered:
        st.rerun()


# Both decorated here, once per process, not in the page script on every run.
@st.fragment(run_every=WAITING_POLL_SECONDS)
def follow_facilitator(db_path: str, code: str, rendered: tuple[int, str, bool]) -> None:
    look_at_round(db_path, code, rendered)


@st.fragment(run_every=SCORING_POLL_SECONDS)
def follow_slowly(db_path: str, code: str, rendered: tuple[int, str, bool]) -> None:
    """While the participant scores. Cheap (500 phones: 4 status reads a second), and
    a page with a timed fragment is one Streamlit's frontend reruns in full when its
    websocket reconnects: after a server restart the phone is redrawn by the new
    server at once. Without it a phone whose last run was a full one (just joined, a
    new round) kept the old page, whose fragment the new server does not know: every
    "Volgende" was dropped until a reload."""
    look_at_round(db_path, code, rendered)


def save_measure(token: str, round_no: int, measure_id: str,
                 widgets: tuple[tuple[str, str], ...], stored: dict[str, float],
                 reason: tuple[str, str | None], target: int) -> None:
    """The form's submit: the measure's changed answers and reason in one write, then
    the next screen. A refusal (the round closed meanwhile) is kept for the full rerun
    that shows it together with the round's new state."""
    changed: dict[tuple[str, str], float | None] = {}
    for criterion_id, widget in widgets:
        value = session.widget_value(widget)
        value = None if value is None else float(value)
        if value != stored.get(criterion_id):
            changed[(measure_id, criterion_id)] = value
    reason_widget, stored_reason = reason
    typed = (session.widget_value(reason_widget) or "").strip() or None
    reasons = {measure_id: typed} if typed != stored_reason else {}
    try:
        # Also with nothing changed: the write checks the round (seen in round_no).
        ws.submit_answers(store(), token, changed, round_no=round_no, reasons=reasons)
    except WorkshopError as exc:
        session.keep_participant_error(exc.key, exc.params)
        cache.participant_status.clear()  # the round probably moved on: look again at once
        return
    session.set_step(round_no, target)


def question(current: ws.Session, round_no: int, m_index: int, criterion_id: str,
             stored: float | None, info: dict, language: str) -> str:
    """One criterion of the measure's form; returns its widget key."""
    criterion = info["criteria"][criterion_id]
    widget = f"ans-{round_no}-{m_index}-{current.criteria.index(criterion_id)}"
    label = plain(criterion.label(language))
    help_text = plain(criterion.describe(language)) if criterion.description else None
    if criterion.is_seven_point:
        st.pills(label, SEVEN, format_func=OPTION_LABELS[language].__getitem__, key=widget,
                 help=help_text, default=None if stored is None else int(round(stored)))
    else:
        span = criterion.scale_max - criterion.scale_min
        st.number_input(
            f"{label} ({plain(criterion.unit_in(language))}, {criterion.scale_min:g} … "
            f"{criterion.scale_max:g})",
            min_value=float(criterion.scale_min), max_value=float(criterion.scale_max),
            value=stored, step=1.0 if span >= 10 else 0.1, key=widget, help=help_text,
        )
    return widget


def measure_form(current: ws.Session, token: str, round_no: int, step: int,
                 order: list[str], answers: dict[tuple[str, str], float],
                 stored_reason: str | None, info: dict, language: str) -> None:
    """The criteria of one measure in one form: a tap changes only the phone's screen;
    "Volgende" or "Vorige" stores the measure in one write (one rerun per measure)."""
    measure_id = order[step]
    m_index = current.measures.index(measure_id)
    label, description = info["measures"].get(measure_id, (measure_id, ""))
    st.caption(t("workshop.p.measure_of", language, i=step + 1, n=len(order)))
    st.subheader(plain(label))
    if description:
        st.caption(plain(description))
    stored = {c: answers[(measure_id, c)] for c in current.criteria
              if (measure_id, c) in answers}
    with st.form(f"measure-{round_no}-{m_index}", border=False, enter_to_submit=False):
        widgets = tuple((c, question(current, round_no, m_index, c, stored.get(c), info,
                                     language)) for c in current.criteria)
        reason_widget = f"reason-{round_no}-{m_index}"
        st.text_area(t("workshop.p.reason", language), value=stored_reason or "",
                     max_chars=ws.REASON_MAX_CHARS, key=reason_widget, height=80,
                     placeholder=t("workshop.p.reason_placeholder", language))
        reason = (reason_widget, stored_reason)
        last = len(order) + 1
        nxt = step + 1 if (step + 1 != len(order) or current.pillar_split) else last
        back, forward = st.columns(2)
        back.form_submit_button(
            t("workshop.p.back", language), key="back", disabled=step == 0,
            on_click=save_measure, args=(token, round_no, measure_id, widgets, stored,
                                         reason, step - 1),
            width="stretch", icon=":material/arrow_back:")
        forward.form_submit_button(
            t("workshop.p.next", language), key="next", type="primary",
            on_click=save_measure,
            args=(token, round_no, measure_id, widgets, stored, reason, nxt),
            width="stretch", icon=":material/arrow_forward:")


def split_step(current: ws.Session, token: str, round_no: int) -> None:
    st.subheader(tr("workshop.p.split_title"))
    st.caption(tr("workshop.p.split_intro"))
    own = ws.own_split(store(), token, round_no)
    defaults = ([own[p] for p in PILLARS] if own else [34.0, 33.0, 33.0])
    with st.form(f"split-{round_no}", border=False):
        values = [
            st.number_input(tr(f"pillar.{p}"), min_value=0, max_value=100, step=5,
                            value=int(round(v)), key=f"split-{round_no}-{p}")
            for p, v in zip(PILLARS, defaults, strict=True)
        ]
        if st.form_submit_button(tr("workshop.p.split_save"), type="primary",
                                 width="stretch"):
            try:
                ws.submit_split(store(), token, dict(zip(PILLARS, values, strict=True)),
                                round_no=round_no)
            except WorkshopError as exc:
                st.error(error_text(exc))
            else:
                session.set_step(round_no, len(current.measures) + 1)
                st.rerun()
    if own:
        st.caption(tr("workshop.p.split_saved"))
    # One primary button per screen: going back is secondary (and saves nothing here).
    st.button(tr("workshop.p.back"), key="back", on_click=session.set_step,
              args=(round_no, len(current.measures) - 1), width="stretch",
              icon=":material/arrow_back:")


def done_step(current: ws.Session, order: list[str], answers: dict, split_missing: bool,
              round_no: int, info: dict) -> None:
    missing = [i for i, m in enumerate(order)
               if any((m, c) not in answers for c in current.criteria)]
    if not missing and not split_missing:
        st.success(tr("workshop.p.done"))
    else:
        st.warning(tr("workshop.p.incomplete"))
        for i in missing:
            st.button(plain(info["measures"][order[i]][0]), key=f"jump-{i}",
                      on_click=session.set_step, args=(round_no, i), width="stretch")
        if split_missing:
            st.button(tr("workshop.p.split_title"), key="jump-split", on_click=session.set_step,
                      args=(round_no, len(order)), width="stretch")
    st.caption(tr("workshop.p.can_change"))
    st.button(tr("workshop.p.review"), key="review", on_click=session.set_step,
              args=(round_no, 0), width="stretch")


@st.fragment
def scoring_view(current: ws.Session, me: ws.Participant, round_no: int,
                 polling: bool) -> None:
    """One measure at a time. A fragment: a submit reruns only this part of the page.
    `polling`: whether the page around it follows the round (the "done" screen)."""
    if session.has_participant_error():
        st.rerun()  # an answer was refused (round closed?): redraw the whole page
    language = lang()  # once per run: every text below is in it
    info = content(current)
    answers = ws.own_answers(store(), me.token, round_no)
    order = ws.measure_order(current, me.token)
    split_missing = current.pillar_split and ws.own_split(store(), me.token, round_no) is None
    if session.step(round_no) is None:
        session.set_step(round_no, first_open_step(order, current.criteria, answers,
                                                   split_missing))
    last = len(order) + 1  # the "done" screen
    step = min(max(session.step(round_no) or 0, 0), last)
    if not current.pillar_split and step == len(order):
        step = last
    if (step == last) != polling:
        st.rerun()  # to or from the "done" screen: the page starts or stops following

    criteria = set(current.criteria)
    answered = sum(1 for m, c in answers if c in criteria and m in order)
    total = current.questions_per_round
    st.progress(answered / total if total else 0.0,
                text=t("workshop.p.progress", language, done=answered, total=total,
                       round=round_no))
    # The shared status row (cached, 2 s): a timer set after this page was drawn shows
    # with the next measure. Nothing polls it while the participant answers.
    closes_at = cache.participant_status(db(), current.code).closes_at
    if closes_at is not None:
        st.caption(t("workshop.p.timer", language, time=closes_at.strftime("%H:%M:%S")))
    if step < len(order):
        reasons = ws.own_reasons(store(), me.token, round_no)
        measure_form(current, me.token, round_no, step, order, answers,
                     reasons.get(order[step]), info, language)
    elif step == len(order):
        split_step(current, me.token, round_no)
    else:
        done_step(current, order, answers, split_missing, round_no, info)
        # An anonymous room shows no figures while the round is open (see ws.aggregates).
        if not current.hide_until_reveal and not current.anonymous:
            room_view(current, round_no, live=True, token=me.token)


# -- the room's aggregate ------------------------------------------------------------------
def _median_text(value: float, criterion, language: str) -> str:
    if pd.isna(value):
        return tr("workshop.p.too_few")
    if criterion.is_seven_point:
        return option_label(int(value)) if value == round(value) else f"{value:+.1f}"
    return f"{value:g} {criterion.unit_in(language)}"


SEVEN_TEXT = [f"{v:+d}".replace("+0", "0") for v in SEVEN]
CHART_MARK = "#d6336c"  # the participant's own answer on the room's chart


def chart_rows(current: ws.Session, counts: pd.DataFrame, own: dict[tuple[str, str], float],
               info: dict, language: str) -> pd.DataFrame:
    """The room's answer counts per seven-point question, the participant's own answer
    flagged; labels in the session's order."""
    seven = [c for c in current.criteria if info["criteria"][c].is_seven_point]
    rows = counts[counts["criterion_id"].isin(seven)]
    own_value = [own.get((m, c)) for m, c in zip(rows["measure_id"], rows["criterion_id"],
                                                 strict=True)]
    return pd.DataFrame({
        "m_label": rows["measure_id"].map(lambda m: info["measures"][m][0]),
        "c_label": rows["criterion_id"].map(lambda c: info["criteria"][c].label(language)),
        "point": [SEVEN_TEXT[int(v) + 3] for v in rows["value"]],
        "n": rows["n"].to_numpy(),
        "is_own": [o is not None and o == v for o, v in zip(own_value, rows["value"], strict=True)],
    })


def room_chart(current: ws.Session, round_no: int, token: str | None, info: dict,
               language: str) -> None:
    """A compact chart per measure: how many chose each point, the own answer outlined.
    Vega-Lite, not plotly: built per phone, and a plotly figure cost about 40 ms each."""
    counts = cache.participant_distribution(db(), current.code, round_no)
    own = ws.own_answers(store(), token, round_no) if token else {}
    data = chart_rows(current, counts, own, info, language)
    if data.empty:
        return
    st.caption(tr("workshop.p.room_chart"))
    order = [info["measures"][m][0] for m in current.measures]
    x = {"field": "point", "type": "ordinal", "sort": SEVEN_TEXT, "title": None,
         "scale": {"domain": SEVEN_TEXT}, "axis": {"labelAngle": 0, "orient": "top"}}
    y = {"field": "c_label", "type": "nominal", "title": None,
         "axis": {"labelLimit": 110}}
    st.vega_lite_chart(data, {
        "facet": {"row": {"field": "m_label", "type": "nominal", "sort": order,
                          "header": {"title": None, "labelOrient": "top",
                                     "labelAnchor": "start", "labelAngle": 0,
                                     "labelLimit": 7 * 26 + 40, "labelFontWeight": "bold"}}},
        "spec": {"width": 7 * 26, "layer": [
            {"mark": "rect", "encoding": {
                "x": x, "y": y, "color": {"field": "n", "type": "quantitative",
                                          "scale": {"scheme": "blues"}, "legend": None}}},
            {"mark": {"type": "text", "fontSize": 12},
             "encoding": {"x": x, "y": y, "text": {"field": "n", "type": "quantitative"}}},
            {"transform": [{"filter": "datum.is_own"}],
             "mark": {"type": "rect", "fillOpacity": 0, "stroke": CHART_MARK,
                      "strokeWidth": 3},
             "encoding": {"x": x, "y": y}},
        ]},
    }, width="content")


def room_view(current: ws.Session, round_no: int, *, live: bool = False,
              token: str | None = None) -> None:
    agg = cache.participant_room(db(), current.code, round_no)
    info = content(current)
    language = lang()
    st.subheader(tr("workshop.p.room_live" if live else "workshop.p.room_title", round=round_no))
    if current.anonymous:
        st.caption(tr("workshop.anonymous_note", n=ws.ANONYMOUS_MIN_N))
    room_chart(current, round_no, token, info, language)
    hot = ws.hotspots(agg, top=3)
    if not hot.empty:
        st.markdown(tr("workshop.p.room_hotspots"))
        for row in hot.itertuples():
            st.text(f"{row.hotspot_rank}. {info['measures'][row.measure_id][0]} · "
                    f"{info['criteria'][row.criterion_id].label(language)}")

    # A short list per measure reads better on a phone than a wide table.
    cells = agg.set_index(["measure_id", "criterion_id"])
    for measure_id in current.measures:
        with st.container(border=True):
            st.markdown(f"**{plain(info['measures'][measure_id][0])}**")
            for criterion_id in current.criteria:
                row = cells.loc[(measure_id, criterion_id)]
                criterion = info["criteria"][criterion_id]
                spread = "" if pd.isna(row["iqr"]) else tr(
                    "workshop.p.spread", iqr=f"{row['iqr']:g}")
                median = _median_text(row["median"], criterion, language)
                st.text(f"{criterion.label(language)}: {median}{spread} · n={int(row['n'])}")
