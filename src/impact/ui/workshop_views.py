"""The facilitator's workshop screen, in parts: entry, header, controls, the live view.

The page (`views/workshop.py`) decides who may see the controls (`ws.may_facilitate`);
every write here passes `by=` the principal and the facilitator key this browser session
holds. The key is shown once, in a dialog, and then kept in the session state only: never
in the address bar, never on the projected part of the page.
"""

from __future__ import annotations

import os
from datetime import datetime

import pandas as pd
import streamlit as st

from impact import charts
from impact import workshop as ws
from impact.access import Principal
from impact.engine import EngineError
from impact.export.tables import frame_to_csv_bytes
from impact.model import PILLARS, seven_point_label
from impact.store import get_store
from impact.ui import cache, session
from impact.ui.session import current_assessment, lang, store
from impact.ui.text import plain, tr
from impact.ui.widgets import chart, no_assessment_notice, table
from impact.workshop import RoundState, WorkshopError

GRANT_COOKIE = "impact_facilitator_"  # + code; a grant, never the key itself
PEEK = "peek"  # the toggle that shows the figures before the reveal


def db() -> str:
    return str(store().path)


def current_session(code: str) -> ws.Session:
    """The briefly cached session row the live view reads too, so both agree on the state."""
    return cache.workshop_session(db(), code)


def may_run(code: str, me: Principal) -> bool:
    """Whether this browser session may run `code` (its key, a grant, or the owner)."""
    return bool(code) and ws.may_facilitate(store(), code, by=me,
                                            key=session.facilitator_key(code))


def session_or_stop(code: str) -> ws.Session:
    """The session; one that cannot be read stops the page with its message."""
    try:
        return current_session(code)
    except WorkshopError as exc:
        show_error(exc)
        st.stop()


def names_of(session_: ws.Session) -> tuple[dict[str, str], dict[str, str], str]:
    s = store()
    return cache.workshop_names(db(), session_.assessment_id,
                                s.data_version(session_.assessment_id), lang())


def base_url() -> str:
    host = None
    try:
        host = st.context.headers.get("Host")
    except Exception:  # noqa: BLE001 - no request headers (tests)
        host = None
    return ws.public_base_url(st.context.url, host=host,
                              override=os.environ.get("IMPACT_PUBLIC_URL"))


def requested_code() -> str:
    """The session of `?session=`; an old link's `?key=` is kept here, not in the URL."""
    code = ws.normalise_code(session.requested_session())
    url_key = session.old_link_key()
    if url_key is not None:
        if code and ws.verify_key(store(), code, url_key):
            session.remember_facilitator_key(code, url_key)
        session.drop_old_link_key()
    if code:
        key_from_browser(code)
    return code


def remember_in_browser(code: str) -> None:
    """Once per browser session: a cookie with a grant (not the key), so a reload of
    this screen keeps the controls without the key in the address bar."""
    grant = ws.facilitator_grant(store(), code, session.facilitator_key(code))
    if grant and session.first_grant_cookie(code):
        # Code (A-Z, 2-9) and grant (hex) are ours: no user text reaches this script.
        st.html(f"<script>document.cookie = '{GRANT_COOKIE}{code}={grant}; path=/; "
                "max-age=86400; samesite=strict';</script>", unsafe_allow_javascript=True)


def key_from_browser(code: str) -> None:
    grant = st.context.cookies.get(GRANT_COOKIE + code)
    if (isinstance(grant, str) and session.facilitator_key(code) is None
            and ws.verify_grant(store(), code, grant)):
        session.remember_facilitator_key(code, grant)


def open_session(code: str) -> None:
    session.show_session(code)
    st.rerun()


def show_error(exc: WorkshopError) -> None:
    params = {k: plain(str(v)) for k, v in exc.params.items()}
    for name in ("state", "new"):
        if name in exc.params:
            params[name] = tr(f"workshop.state.{exc.params[name]}")
    st.error(tr(exc.key, **params))


# -- without a session: create one, or open one with its key -------------------------------
def entry_view(code: str, me: Principal) -> None:
    if code:
        st.error(tr("workshop.key_wrong", code=code))
    create_tab, open_tab = st.tabs([tr("workshop.create_tab"), tr("workshop.open_tab")])
    with create_tab:
        if me.can_edit:  # only an editor starts a session
            create_form(me)
        else:
            st.info(tr("workshop.viewer_cannot_create"))
    with open_tab:
        with st.form("open_session", border=False):
            typed_code = st.text_input(tr("workshop.code"), value=code, max_chars=12)
            typed_key = st.text_input(tr("workshop.key"), type="password")
            if st.form_submit_button(tr("workshop.open_button")):
                typed_code = ws.normalise_code(typed_code)
                if ws.verify_key(store(), typed_code, typed_key.strip()):
                    session.remember_facilitator_key(typed_code, typed_key.strip())
                    open_session(typed_code)
                else:
                    st.error(tr("workshop.key_wrong", code=typed_code or "—"))


def create_form(me: Principal) -> None:
    assessment = current_assessment()
    if assessment is None:
        no_assessment_notice()
        return
    language = lang()
    st.caption(tr("workshop.create_intro", name=plain(assessment.name)))
    measure_names = {m.id: m.label(language) for m in assessment.measures}
    criterion_names = {c.id: c.label(language) for c in assessment.criteria}
    seven = [c.id for c in assessment.criteria if c.is_seven_point]
    with st.form(f"create_session:{assessment.id}", border=True):
        measures = st.multiselect(tr("workshop.measures"), list(measure_names),
                                  default=list(measure_names), format_func=measure_names.get)
        criteria = st.multiselect(tr("workshop.criteria"), list(criterion_names),
                                  default=seven, format_func=criterion_names.get,
                                  help=tr("workshop.criteria_help"))
        pillar_split = st.checkbox(tr("workshop.opt_split"), value=True,
                                   help=tr("workshop.opt_split_help"))
        anonymous = st.checkbox(tr("workshop.opt_anonymous"), value=True,
                                help=tr("workshop.opt_anonymous_help", n=ws.ANONYMOUS_MIN_N))
        hide = st.checkbox(tr("workshop.opt_hide"), value=True, help=tr("workshop.opt_hide_help"))
        shuffle = st.checkbox(tr("workshop.opt_shuffle"), value=False,
                              help=tr("workshop.opt_shuffle_help"))
        cap = st.number_input(tr("workshop.opt_cap"), min_value=1,
                              max_value=ws.MAX_PARTICIPANTS_LIMIT,
                              value=ws.DEFAULT_MAX_PARTICIPANTS, step=10,
                              help=tr("workshop.opt_cap_help"))
        if st.form_submit_button(tr("workshop.create_button"), type="primary"):
            try:
                created, key = ws.create_session(
                    store(), assessment.id, measures, criteria, pillar_split=pillar_split,
                    anonymous=anonymous, hide_until_reveal=hide, shuffle=shuffle,
                    by=me, max_participants=int(cap),
                )
            except WorkshopError as exc:
                show_error(exc)
                return
            session.remember_facilitator_key(created.code, key)
            session.announce_new_key(created.code, key)
            open_session(created.code)


# -- a session: header and controls --------------------------------------------------------
def _key_dialog_body(code: str, key: str) -> None:
    st.warning(tr("workshop.key_once", code=code))
    st.code(key, language=None)  # has a copy button
    if st.button(tr("workshop.key_saved"), key="key_saved", type="primary"):
        st.rerun()


def key_dialog(code: str, key: str) -> None:
    # Made on each call, not once at import: its title follows the session's language.
    st.dialog(tr("workshop.key_dialog_title"), dismissible=True)(_key_dialog_body)(code, key)


def header(current: ws.Session) -> None:
    link = ws.join_url(base_url(), current.code)
    new = session.take_new_key()
    if new and new[0] == current.code:
        key_dialog(*new)  # once: the next run no longer has it
    qr_col, info_col = st.columns([2, 3], vertical_alignment="center")
    with qr_col:
        # As wide as its column (about 450 px on a laptop): readable from the back of a room.
        st.image(cache.workshop_qr(link), width="stretch", caption=tr("workshop.qr_caption"))
    with info_col:
        st.markdown(f"{tr('workshop.join_at')}")
        st.code(link, language=None)
        if not ws.links_reach_the_room(link):
            st.warning(tr("workshop.link_is_local"))
        st.markdown(tr("workshop.or_code"))
        # The code uses only A-Z/2-9 (our alphabet): safe to show as Markdown.
        st.markdown(f"# `{current.code}`")


def controls(current: ws.Session, me: Principal) -> None:
    state = current.round_state
    st.subheader(tr("workshop.round_title", round=current.round,
                    state=tr(f"workshop.state.{state}")))
    if current.closed:
        st.info(tr("workshop.session_closed"))
        return
    key = session.facilitator_key(current.code)
    cols = st.columns(5)
    actions = [
        ("open", ws.open_round, state in (RoundState.WAITING, RoundState.CLOSED)),
        ("close", ws.close_round, state == RoundState.SCORING),
        ("reveal", ws.reveal_round, state in (RoundState.SCORING, RoundState.CLOSED)),
        ("new_round", ws.new_round, state in (RoundState.CLOSED, RoundState.REVEALED)),
    ]
    for col, (name, action, enabled) in zip(cols, actions, strict=False):
        primary = enabled and name in ("open", "close", "reveal") and not (
            name == "reveal" and state == RoundState.SCORING)
        if col.button(tr(f"workshop.action.{name}"), key=f"action_{name}",
                      disabled=not enabled, type="primary" if primary else "secondary",
                      width="stretch"):
            try:
                action(store(), current.code, by=me, key=key)
            except WorkshopError as exc:
                show_error(exc)
            else:
                cache.workshop_session.clear()
                cache.workshop_live.clear()
                st.rerun()
    timer_slot = st.container()  # always there: the page below keeps its place (and keys)
    if state == RoundState.SCORING:
        with timer_slot:
            timer_control(current, me, key)
    with cols[4].popover(tr("workshop.action.close_session"), width="stretch"):
        st.write(tr("workshop.close_session_confirm"))
        if st.button(tr("workshop.action.close_session_yes"), key="action_close_session",
                     type="primary"):
            ws.close_session(store(), current.code, by=me, key=key)
            cache.workshop_session.clear()
            st.rerun()


def timer_control(current: ws.Session, me: Principal, key: str | None) -> None:
    """An optional timer for the open round: it closes itself at zero."""
    with st.form("timer", border=False, enter_to_submit=False):
        minutes_col, button_col = st.columns([1, 2], vertical_alignment="bottom")
        minutes = minutes_col.number_input(tr("workshop.timer_minutes"), min_value=1,
                                           max_value=ws.TIMER_SECONDS[1] // 60, value=3,
                                           step=1, key="timer_minutes")
        if button_col.form_submit_button(tr("workshop.timer_start"), key="action_timer",
                                         help=tr("workshop.timer_help")):
            try:
                ws.start_timer(store(), current.code, minutes * 60, by=me, key=key)
            except WorkshopError as exc:
                show_error(exc)
            else:
                cache.workshop_session.clear()
                st.rerun()


def timer_left(current: ws.Session) -> None:
    """The time left on the round's timer (the live view redraws it every second)."""
    if current.closes_at is None or current.round_state != RoundState.SCORING:
        return
    left = max(0, int((current.closes_at - datetime.now()).total_seconds()))
    st.info(tr("workshop.timer_left", left=f"{left // 60}:{left % 60:02d}"),
            icon=":material/timer:")


# -- the live view -------------------------------------------------------------------------
def live_view(code: str) -> None:
    current = cache.workshop_session(db(), code)
    progress, agg = cache.workshop_live(db(), code, current.round)
    measure_names, criterion_names, _name = names_of(current)
    with st.container():  # always there, so the view below keeps its place
        timer_left(current)
    c1, c2, c3 = st.columns(3)
    c1.metric(tr("workshop.joined"), progress.joined,
              help=tr("workshop.cap_note", cap=current.max_participants))
    c2.metric(tr("workshop.finished"), f"{progress.finished} / {progress.joined}")
    c3.metric(tr("workshop.answers"), f"{progress.answers} / {progress.expected}")
    st.progress(progress.finished / progress.joined if progress.joined else 0.0)
    if current.statistics_hidden(current.round):
        st.caption(tr("workshop.anonymous_open_note"))
    elif current.anonymous:
        st.caption(tr("workshop.anonymous_note", n=ws.ANONYMOUS_MIN_N))

    visible = (not current.hide_until_reveal or current.round_state == RoundState.REVEALED
               or session.widget_value(PEEK, False))
    if not visible:
        st.info(tr("workshop.hidden_note"))
        return
    tabs = st.tabs([tr("workshop.tab.hotspots"), tr("workshop.tab.cells"),
                    tr("workshop.tab.shift"), tr("workshop.tab.group")])
    with tabs[0]:
        hotspots_view(agg, measure_names, criterion_names)
        reasons_view(current, agg, measure_names, criterion_names)
    with tabs[1]:
        cells_view(current, agg, measure_names, criterion_names)
    with tabs[2]:
        shift_view(current, measure_names, criterion_names)
    with tabs[3]:
        group_view(current)


def hotspots_view(agg: pd.DataFrame, measure_names: dict[str, str],
                  criterion_names: dict[str, str]) -> None:
    hot = ws.hotspots(agg, top=10)
    if hot.empty:
        st.info(tr("workshop.no_hotspots"))
    else:
        st.caption(tr("workshop.hotspots_intro"))
        table(
            pd.DataFrame({
                "#": hot["hotspot_rank"],
                tr("word.measure"): hot["measure_id"].map(measure_names),
                tr("word.criterion"): hot["criterion_id"].map(criterion_names),
                tr("workshop.col.median"): hot["median"],
                tr("workshop.col.iqr"): hot["iqr"].round(2),
                tr("workshop.col.sd"): hot["sd"].round(2),
                "n": hot["n"],
            }),
            hide_index=True, width="stretch",
        )
    if (agg["n"] > 0).any():
        chart(charts.disagreement_heatmap(agg, measure_names, criterion_names, lang()),
              "disagreement", key="heatmap")


REASON_HOTSPOTS = 5  # the hotspots whose reasons the facilitator sees, in rank order


def reasons_view(current: ws.Session, agg: pd.DataFrame, measure_names: dict[str, str],
                 criterion_names: dict[str, str]) -> None:
    """Per hotspot, what the room gave as its reasons, grouped by the score given."""
    st.subheader(tr("workshop.reasons_title"))
    st.caption(tr("workshop.reasons_intro"))
    if current.anonymous:
        st.caption(tr("workshop.reasons_anonymous"))
    given = cache.workshop_reasons(db(), current.code, current.round)
    language = lang()
    criteria = cache.participant_content(db(), current.assessment_id, language)["criteria"]
    shown = 0
    for row in ws.hotspots(agg, top=REASON_HOTSPOTS).itertuples():
        groups = ws.by_score(given, row.measure_id, row.criterion_id)
        if not groups:
            continue
        shown += 1
        title = tr("workshop.reasons_cell", rank=row.hotspot_rank,
                   measure=measure_names.get(row.measure_id, row.measure_id),
                   criterion=criterion_names.get(row.criterion_id, row.criterion_id),
                   n=sum(len(g) for _v, g in groups))
        with st.expander(plain(title), expanded=shown == 1):
            for value, items in groups:
                st.markdown("**" + plain(tr("workshop.reasons_score", n=len(items),
                                            score=score_text(value, criteria.get(
                                                row.criterion_id), language))) + "**")
                for reason, name in items:
                    # plain text: a reason is the participant's own words, never Markdown
                    st.text(f"“{reason}”" + (f" — {name}" if name else ""))
    if not shown:
        st.info(tr("workshop.reasons_none"))
    reasons_download(current, measure_names)


def score_text(value: float, criterion, language: str) -> str:
    if criterion is not None and criterion.is_seven_point:
        return f"{int(value):+d} {seven_point_label(value, language)}".replace("+0 ", "0 ")
    unit = f" {criterion.unit_in(language)}" if criterion is not None and criterion.unit else ""
    return f"{value:g}{unit}"


def reasons_download(current: ws.Session, measure_names: dict[str, str]) -> None:
    """The session's reasons as CSV, built only when clicked (the live view reruns
    every second)."""
    columns = [tr("workshop.col.session"), tr("workshop.col.round"), tr("word.measure"),
               tr("workshop.col.name"), tr("workshop.col.reason")]
    path = db()

    def csv() -> bytes:  # runs on click, outside this script run: no st.* in here
        frame = ws.session_reasons(get_store(path), current.code)
        named = pd.DataFrame(dict(zip(columns, [
            frame["session"], frame["round"],
            frame["measure_id"].map(measure_names).fillna(frame["measure_id"]),
            frame["participant"], frame["reason"]], strict=True)))
        return frame_to_csv_bytes(named.drop(columns=columns[3]) if current.anonymous
                                  else named)

    st.download_button(tr("workshop.reasons_download"), csv,
                       file_name=f"workshop-{current.code}-reasons.csv", mime="text/csv",
                       key="reasons-csv", icon=":material/download:", on_click="ignore")


def cells_view(current: ws.Session, agg: pd.DataFrame, measure_names: dict[str, str],
               criterion_names: dict[str, str]) -> None:
    table(pd.DataFrame({
        tr("word.measure"): agg["measure_id"].map(measure_names),
        tr("word.criterion"): agg["criterion_id"].map(criterion_names),
        "n": agg["n"],
        tr("workshop.col.mean"): agg["mean"].round(2),
        tr("workshop.col.median"): agg["median"],
        tr("workshop.col.iqr"): agg["iqr"].round(2),
        tr("workshop.col.sd"): agg["sd"].round(2),
    }), hide_index=True, width="stretch", key="cells")
    if current.pillar_split:
        splits = cache.workshop_splits(db(), current.code, current.round)
        st.caption(tr("workshop.splits_title"))
        table(pd.DataFrame({
            tr("word.pillar"): [tr(f"pillar.{p}") for p in PILLARS],
            "n": splits["n"].to_numpy(),
            tr("workshop.col.mean"): splits["mean"].round(1).to_numpy(),
            tr("workshop.col.median"): splits["median"].round(1).to_numpy(),
        }), hide_index=True)


def shift_view(current: ws.Session, measure_names: dict[str, str],
               criterion_names: dict[str, str]) -> None:
    if current.round < 2:
        st.info(tr("workshop.shift_after_round2"))
        return
    a, b = current.round - 1, current.round
    cells, groups = cache.workshop_shift(db(), current.code, a, b)
    st.caption(tr("workshop.shift_intro", a=a, b=b))
    if cells["median_shift"].notna().any():
        chart(charts.shift_heatmap(cells, measure_names, criterion_names, lang()), "shift",
              key="shift_heatmap")
    table(pd.DataFrame({
        tr("word.measure"): cells["measure_id"].map(measure_names),
        tr("word.criterion"): cells["criterion_id"].map(criterion_names),
        tr("workshop.col.median_from", round=a): cells["median_from"],
        tr("workshop.col.median_to", round=b): cells["median_to"],
        tr("workshop.col.mean_shift"): cells["mean_shift"].round(2),
        tr("workshop.col.iqr_shift"): cells["iqr_shift"].round(2),
    }), hide_index=True, width="stretch", key="shift_cells")
    st.caption(tr("workshop.group_shift_intro"))
    table(pd.DataFrame({
        tr("workshop.col.group"): groups["grp"].replace("", tr("workshop.no_group")),
        tr("workshop.col.members"): groups["members"],
        tr("workshop.col.mean_shift"): groups["mean_shift"].round(2),
        tr("workshop.col.abs_shift"): groups["abs_shift"].round(2),
        tr("workshop.col.gap_from"): groups["gap_from"].round(2),
        tr("workshop.col.gap_to"): groups["gap_to"].round(2),
    }), hide_index=True, width="stretch", key="shift_groups")


def group_view(current: ws.Session) -> None:
    if current.round_state in (RoundState.WAITING, RoundState.SCORING):
        st.info(tr("workshop.group_after_close"))
        return
    language = lang()
    try:
        with st.spinner(tr("workshop.group_computing")):
            result = cache.workshop_group(db(), current.code, current.round)
    except EngineError as exc:
        st.error(tr("workshop.group_failed", reason=exc.message(language)))
        return
    weights = result.pillar_weights
    subtitle = charts.weights_subtitle(weights, language) if weights else None
    st.caption(tr("workshop.group_intro_split", n=result.participants_with_split)
               if weights else tr("workshop.group_intro_equal"))
    chart(charts.ranking_chart(result.table, lang=language, subtitle=subtitle), "ranking",
          key="group_ranking")
    chart(charts.balance_chart(result.table, lang=language, subtitle=subtitle), "balance",
          key="group_balance")
    if result.acceptability is not None:
        names = charts.measure_labels(result.table, language).to_dict()
        chart(charts.acceptability_chart(result.acceptability, measure_names=names,
                                         lang=language,
                                         subtitle=tr("workshop.smaa_subtitle",
                                                     n=result.participants_with_split)),
              "acceptability", key="group_smaa")
    table(pd.DataFrame({
        tr("word.rank"): result.table["rank"],
        tr("word.measure"): charts.measure_labels(result.table, language).map(str),
        tr("word.score"): result.table["score"].round(3),
        tr("workshop.col.balance"): result.table["balance"].round(2),
    }).sort_values(tr("word.rank")), hide_index=True, width="stretch", key="group_table")


# -- after a round -------------------------------------------------------------------------
def save_view(current: ws.Session, me: Principal) -> None:
    """Save the group result as a new assessment (the page shows this to editors only)."""
    if current.round_state in (RoundState.WAITING, RoundState.SCORING):
        return
    _m, _c, assessment_name = names_of(current)
    default = tr("workshop.result_name", name=assessment_name, code=current.code,
                 round=current.round)
    with st.form(f"save_result:{current.code}:{current.round}", border=True):
        st.markdown(tr("workshop.save_title"))
        name = st.text_input(tr("workshop.save_name"), value=default, max_chars=200)
        if st.form_submit_button(tr("workshop.save_button"), icon=":material/save:"):
            try:
                new_id = ws.save_group_result(store(), current.code, current.round, by=me,
                                              key=session.facilitator_key(current.code),
                                              name=name.strip() or default, lang=lang())
            except WorkshopError as exc:
                show_error(exc)
            else:
                st.success(tr("workshop.saved", name=plain(name.strip() or default), id=new_id))


def participants_view(current: ws.Session) -> None:
    if current.anonymous:
        return
    with st.expander(tr("workshop.participants_title")):
        people = ws.participants(store(), current)
        table(pd.DataFrame({
            tr("workshop.col.name"): people["name"].fillna("—"),
            tr("workshop.col.group"): people["grp"].fillna("—"),
            tr("workshop.answers"): people["answers"],
        }), hide_index=True, width="stretch")
