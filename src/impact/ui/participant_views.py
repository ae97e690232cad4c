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
from impact.i18n import t
from impact.model import PILLARS, seven_point_label
from impact.store import Store
from impact.ui import cache, session
from impact.ui.auth import client_address
from impact.ui.session import lang
from impact.ui.text import plain, tr
from impact.workshop import WorkshopError

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
def save_answer(token: str, measure_id: str, criterion_id: str, widget: str,
                round_no: int) -> None:
    value = session.widget_value(widget)
    try:
        # The round this question was shown in: a late click on a past round is refused.
        ws.submit_answer(store(), token, measure_id, criterion_id,
                         None if value is None else float(value), round_no=round_no)
    except WorkshopError as exc:
        session.keep_participant_error(exc.key, exc.params)
        cache.participant_status.clear()  # the round probably moved on: look again at once


def option_label(value: int) -> str:
    return f"{value:+d} {seven_point_label(value, lang())}".replace("+0 ", "0 ")


def first_open_step(order: list[str], criteria: tuple[str, ...],
                    answers: dict[tuple[str, str], float], split_needed: bool) -> int:
    for i, m in enumerate(order):
        if any((m, c) not in answers for c in criteria):
            return i
    return len(order) if split_needed else len(order) + 1


def question(current: ws.Session, token: str, round_no: int, measure_id: str,
             criterion_id: str, answers: dict[tuple[str, str], float], info: dict) -> None:
    criterion = info["criteria"][criterion_id]
    c_index = current.criteria.index(criterion_id)
    widget = f"ans-{round_no}-{current.measures.index(measure_id)}-{c_index}"
    stored = answers.get((measure_id, criterion_id))
    label = plain(criterion.label(lang()))
    help_text = plain(criterion.description) if criterion.description else None
    args = (token, measure_id, criterion_id, widget, round_no)
    if criterion.is_seven_point:
        st.pills(label, SEVEN, format_func=option_label, key=widget, help=help_text,
                 default=None if stored is None else int(round(stored)),
                 on_change=save_answer, args=args)
    else:
        span = criterion.scale_max - criterion.scale_min
        st.number_input(
            f"{label} ({plain(criterion.unit)}, {criterion.scale_min:g} … "
            f"{criterion.scale_max:g})",
            min_value=float(criterion.scale_min), max_value=float(criterion.scale_max),
            value=stored, step=1.0 if span >= 10 else 0.1, key=widget, help=help_text,
            on_change=save_answer, args=args,
        )


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
def scoring_view(current: ws.Session, me: ws.Participant, round_no: int) -> None:
    """One measure at a time. A fragment: a click reruns only this part of the page."""
    if session.has_participant_error():
        st.rerun()  # an answer was refused (round closed?): redraw the whole page
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

    answered = sum(1 for k in answers if k[0] in set(order) and k[1] in set(current.criteria))
    total = current.questions_per_round
    st.progress(answered / total if total else 0.0,
                text=tr("workshop.p.progress", done=answered, total=total, round=round_no))

    if step < len(order):
        measure_id = order[step]
        label, description = info["measures"].get(measure_id, (measure_id, ""))
        st.caption(tr("workshop.p.measure_of", i=step + 1, n=len(order)))
        st.subheader(plain(label))
        if description:
            st.caption(plain(description))
        for criterion_id in current.criteria:
            question(current, me.token, round_no, measure_id, criterion_id, answers, info)
    elif step == len(order):
        split_step(current, me.token, round_no)
    else:
        done_step(current, order, answers, split_missing, round_no, info)
        # An anonymous room shows no figures while the round is open (see ws.aggregates).
        if not current.hide_until_reveal and not current.anonymous:
            room_view(current, round_no, live=True)
        return

    back, forward = st.columns(2)
    back.button(tr("workshop.p.back"), key="back", disabled=step == 0, on_click=session.set_step,
                args=(round_no, step - 1), width="stretch", icon=":material/arrow_back:")
    nxt = step + 1 if (step + 1 != len(order) or current.pillar_split) else last
    forward.button(tr("workshop.p.next"), key="next", on_click=session.set_step,
                   args=(round_no, nxt), width="stretch", type="primary",
                   icon=":material/arrow_forward:")


# -- the room's aggregate ------------------------------------------------------------------
def _median_text(value: float, criterion) -> str:
    if pd.isna(value):
        return tr("workshop.p.too_few")
    if criterion.is_seven_point:
        return option_label(int(value)) if value == round(value) else f"{value:+.1f}"
    return f"{value:g} {criterion.unit}"


def room_view(current: ws.Session, round_no: int, *, live: bool = False) -> None:
    agg = cache.participant_room(db(), current.code, round_no)
    info = content(current)
    language = lang()
    st.subheader(tr("workshop.p.room_live" if live else "workshop.p.room_title", round=round_no))
    if current.anonymous:
        st.caption(tr("workshop.anonymous_note", n=ws.ANONYMOUS_MIN_N))
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
                st.text(f"{criterion.label(language)}: "
                        f"{_median_text(row['median'], criterion)}{spread} · n={int(row['n'])}")
