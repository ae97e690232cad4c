"""Workshop (facilitator): create a session, show code and QR, run rounds, watch the room.

The controls of a session need its facilitator key, or the signed-in person who
started it. The key is shown once, in a dialog, and then kept in this browser session
only: never in the address bar, never on the projected part of the page (`?session=CODE`
holds just the public code). Only an editor starts a session.
"""

import os

import pandas as pd
import streamlit as st

from impact import charts, ui
from impact import workshop as ws
from impact.engine import EngineError
from impact.model import PILLARS
from impact.workshop import RoundState, WorkshopError

LIVE_SECONDS = 1  # the facilitator's live view refresh (two screens at most: cheap)
CACHE_SECONDS = 1  # shared queries: two facilitator screens share one result
RESULT_SECONDS = 10  # the group result (engine + SMAA) is heavier

store = ui.store()
lang = ui.lang()
db = str(store.path)
me = ui.principal()
KEYS = "facilitator_keys"  # session state: code -> key, once it has been used here


# -- shared, briefly cached queries ----------------------------------------------------
@st.cache_data(ttl=CACHE_SECONDS, show_spinner=False)
def cached_session(db_path: str, code: str) -> ws.Session:
    return ws.get_session(ui.store(), code)


@st.cache_data(ttl=CACHE_SECONDS, show_spinner=False)
def cached_live(db_path: str, code: str, round_no: int) -> tuple[ws.Progress, pd.DataFrame]:
    session = ws.get_session(ui.store(), code)
    return ws.progress(ui.store(), session, round_no), ws.aggregates(ui.store(), session, round_no)


@st.cache_data(ttl=CACHE_SECONDS, show_spinner=False)
def cached_shift(db_path: str, code: str, a: int, b: int) -> tuple[pd.DataFrame, pd.DataFrame]:
    session = ws.get_session(ui.store(), code)
    return ws.shift(ui.store(), session, a, b), ws.group_shift(ui.store(), session, a, b)


@st.cache_data(ttl=CACHE_SECONDS, show_spinner=False)
def cached_splits(db_path: str, code: str, round_no: int) -> pd.DataFrame:
    return ws.splits_summary(ui.store(), code, round_no)


@st.cache_data(ttl=RESULT_SECONDS, show_spinner=False)
def cached_group_result(db_path: str, code: str, round_no: int) -> ws.GroupResult:
    return ws.group_result(ui.store(), code, round_no)


@st.cache_data(ttl=60, show_spinner=False)
def cached_names(db_path: str, assessment_id: int, version: int, language: str):
    assessment = ui.store().load(assessment_id)
    return (
        {m.id: m.label(language) for m in assessment.measures},
        {c.id: c.label(language) for c in assessment.criteria},
        assessment.name,
    )


@st.cache_data(max_entries=16, show_spinner=False)
def cached_qr(url: str) -> bytes:
    return ws.qr_png(url)


def names_of(session: ws.Session) -> tuple[dict[str, str], dict[str, str], str]:
    return cached_names(db, session.assessment_id, store.data_version(session.assessment_id),
                        lang)


def base_url() -> str:
    host = None
    try:
        host = st.context.headers.get("Host")
    except Exception:  # noqa: BLE001 - no request headers (tests)
        host = None
    return ws.public_base_url(st.context.url, host=host,
                              override=os.environ.get("IMPACT_PUBLIC_URL"))


GRANT_COOKIE = "impact_facilitator_"  # + code; a grant, never the key itself


def remember_key(code: str, key: str) -> None:
    st.session_state.setdefault(KEYS, {})[code] = key


def remember_in_browser(code: str) -> None:
    """Once per browser session: a cookie with a grant (not the key), so a reload of
    this screen keeps the controls without the key in the address bar."""
    flag = f"grant_cookie:{code}"
    grant = ws.facilitator_grant(store, code, known_key(code))
    if grant and not st.session_state.get(flag):
        st.session_state[flag] = True
        # Code (A-Z, 2-9) and grant (hex) are ours: no user text reaches this script.
        st.html(f"<script>document.cookie = '{GRANT_COOKIE}{code}={grant}; path=/; "
                "max-age=86400; samesite=strict';</script>", unsafe_allow_javascript=True)


def key_from_browser(code: str) -> None:
    grant = st.context.cookies.get(GRANT_COOKIE + code)
    if isinstance(grant, str) and known_key(code) is None and ws.verify_grant(store, code, grant):
        remember_key(code, grant)


def known_key(code: str) -> str | None:
    return st.session_state.get(KEYS, {}).get(code)


def open_session(code: str) -> None:
    st.query_params.pop("key", None)
    st.query_params["session"] = code
    st.rerun()


def show_error(exc: WorkshopError) -> None:
    params = {k: ui.plain(str(v)) for k, v in exc.params.items()}
    for name in ("state", "new"):
        if name in exc.params:
            params[name] = ui.tr(f"workshop.state.{exc.params[name]}")
    st.error(ui.tr(exc.key, **params))


# -- without a session: create one, or open one with its key -----------------------------
def entry_view(code: str) -> None:
    if code:
        st.error(ui.tr("workshop.key_wrong", code=code))
    create_tab, open_tab = st.tabs([ui.tr("workshop.create_tab"), ui.tr("workshop.open_tab")])
    with create_tab:
        if me.can_edit:
            create_form()
        else:
            st.info(ui.tr("workshop.viewer_cannot_create"))
    with open_tab:
        with st.form("open_session", border=False):
            typed_code = st.text_input(ui.tr("workshop.code"), value=code, max_chars=12)
            typed_key = st.text_input(ui.tr("workshop.key"), type="password")
            if st.form_submit_button(ui.tr("workshop.open_button")):
                typed_code = ws.normalise_code(typed_code)
                if ws.verify_key(store, typed_code, typed_key.strip()):
                    remember_key(typed_code, typed_key.strip())
                    open_session(typed_code)
                else:
                    st.error(ui.tr("workshop.key_wrong", code=typed_code or "—"))


def create_form() -> None:
    assessment = ui.current_assessment()
    if assessment is None:
        ui.no_assessment_notice()
        return
    st.caption(ui.tr("workshop.create_intro", name=ui.plain(assessment.name)))
    measure_names = {m.id: m.label(lang) for m in assessment.measures}
    criterion_names = {c.id: c.label(lang) for c in assessment.criteria}
    seven = [c.id for c in assessment.criteria if c.is_seven_point]
    with st.form(f"create_session:{assessment.id}", border=True):
        measures = st.multiselect(ui.tr("workshop.measures"), list(measure_names),
                                  default=list(measure_names), format_func=measure_names.get)
        criteria = st.multiselect(ui.tr("workshop.criteria"), list(criterion_names),
                                  default=seven, format_func=criterion_names.get,
                                  help=ui.tr("workshop.criteria_help"))
        pillar_split = st.checkbox(ui.tr("workshop.opt_split"), value=True,
                                   help=ui.tr("workshop.opt_split_help"))
        anonymous = st.checkbox(ui.tr("workshop.opt_anonymous"), value=True,
                                help=ui.tr("workshop.opt_anonymous_help",
                                           n=ws.ANONYMOUS_MIN_N))
        hide = st.checkbox(ui.tr("workshop.opt_hide"), value=True,
                           help=ui.tr("workshop.opt_hide_help"))
        shuffle = st.checkbox(ui.tr("workshop.opt_shuffle"), value=False,
                              help=ui.tr("workshop.opt_shuffle_help"))
        cap = st.number_input(ui.tr("workshop.opt_cap"), min_value=1,
                              max_value=ws.MAX_PARTICIPANTS_LIMIT,
                              value=ws.DEFAULT_MAX_PARTICIPANTS, step=10,
                              help=ui.tr("workshop.opt_cap_help"))
        if st.form_submit_button(ui.tr("workshop.create_button"), type="primary"):
            try:
                session, key = ws.create_session(
                    store, assessment.id, measures, criteria, pillar_split=pillar_split,
                    anonymous=anonymous, hide_until_reveal=hide, shuffle=shuffle,
                    by=me, max_participants=int(cap),
                )
            except WorkshopError as exc:
                show_error(exc)
                return
            remember_key(session.code, key)
            st.session_state["workshop_new_key"] = (session.code, key)
            open_session(session.code)


# -- a session: header, controls, live view ----------------------------------------------
@st.dialog(ui.tr("workshop.key_dialog_title"), dismissible=True)
def key_dialog(code: str, key: str) -> None:
    st.warning(ui.tr("workshop.key_once", code=code))
    st.code(key, language=None)  # has a copy button
    if st.button(ui.tr("workshop.key_saved"), key="key_saved", type="primary"):
        st.rerun()


def header(session: ws.Session) -> None:
    link = ws.join_url(base_url(), session.code)
    new = st.session_state.pop("workshop_new_key", None)
    if new and new[0] == session.code:
        key_dialog(*new)  # once: the next run no longer has it
    qr_col, info_col = st.columns([2, 3], vertical_alignment="center")
    with qr_col:
        # As wide as its column (about 450 px on a laptop): readable from the back of a room.
        st.image(cached_qr(link), width="stretch", caption=ui.tr("workshop.qr_caption"))
    with info_col:
        st.markdown(f"{ui.tr('workshop.join_at')}")
        st.code(link, language=None)
        if not ws.links_reach_the_room(link):
            st.warning(ui.tr("workshop.link_is_local"))
        st.markdown(ui.tr("workshop.or_code"))
        # The code uses only A-Z/2-9 (our alphabet): safe to show as Markdown.
        st.markdown(f"# `{session.code}`")


def controls(session: ws.Session) -> None:
    state = session.round_state
    st.subheader(ui.tr("workshop.round_title", round=session.round,
                       state=ui.tr(f"workshop.state.{state}")))
    if session.closed:
        st.info(ui.tr("workshop.session_closed"))
        return
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
        if col.button(ui.tr(f"workshop.action.{name}"), key=f"action_{name}",
                      disabled=not enabled, type="primary" if primary else "secondary",
                      width="stretch"):
            try:
                action(store, session.code, by=me, key=known_key(session.code))
            except WorkshopError as exc:
                show_error(exc)
            else:
                cached_session.clear()
                cached_live.clear()
                st.rerun()
    with cols[4].popover(ui.tr("workshop.action.close_session"), width="stretch"):
        st.write(ui.tr("workshop.close_session_confirm"))
        if st.button(ui.tr("workshop.action.close_session_yes"), key="action_close_session",
                     type="primary"):
            ws.close_session(store, session.code, by=me, key=known_key(session.code))
            cached_session.clear()
            st.rerun()


def cell_table(agg: pd.DataFrame, measure_names: dict[str, str],
               criterion_names: dict[str, str]) -> pd.DataFrame:
    table = pd.DataFrame({
        ui.tr("word.measure"): agg["measure_id"].map(measure_names),
        ui.tr("word.criterion"): agg["criterion_id"].map(criterion_names),
        "n": agg["n"],
        ui.tr("workshop.col.mean"): agg["mean"].round(2),
        ui.tr("workshop.col.median"): agg["median"],
        ui.tr("workshop.col.iqr"): agg["iqr"].round(2),
        ui.tr("workshop.col.sd"): agg["sd"].round(2),
    })
    return table


def live_view(code: str) -> None:
    session = cached_session(db, code)
    progress, agg = cached_live(db, code, session.round)
    measure_names, criterion_names, _name = names_of(session)
    c1, c2, c3 = st.columns(3)
    c1.metric(ui.tr("workshop.joined"), progress.joined,
              help=ui.tr("workshop.cap_note", cap=session.max_participants))
    c2.metric(ui.tr("workshop.finished"), f"{progress.finished} / {progress.joined}")
    c3.metric(ui.tr("workshop.answers"), f"{progress.answers} / {progress.expected}")
    st.progress(progress.finished / progress.joined if progress.joined else 0.0)
    if session.statistics_hidden(session.round):
        st.caption(ui.tr("workshop.anonymous_open_note"))
    elif session.anonymous:
        st.caption(ui.tr("workshop.anonymous_note", n=ws.ANONYMOUS_MIN_N))

    visible = (not session.hide_until_reveal or session.round_state == RoundState.REVEALED
               or st.session_state.get("peek", False))
    if not visible:
        st.info(ui.tr("workshop.hidden_note"))
        return
    tabs = st.tabs([ui.tr("workshop.tab.hotspots"), ui.tr("workshop.tab.cells"),
                    ui.tr("workshop.tab.shift"), ui.tr("workshop.tab.group")])
    with tabs[0]:
        hot = ws.hotspots(agg, top=10)
        if hot.empty:
            st.info(ui.tr("workshop.no_hotspots"))
        else:
            st.caption(ui.tr("workshop.hotspots_intro"))
            st.dataframe(
                pd.DataFrame({
                    "#": hot["hotspot_rank"],
                    ui.tr("word.measure"): hot["measure_id"].map(measure_names),
                    ui.tr("word.criterion"): hot["criterion_id"].map(criterion_names),
                    ui.tr("workshop.col.median"): hot["median"],
                    ui.tr("workshop.col.iqr"): hot["iqr"].round(2),
                    ui.tr("workshop.col.sd"): hot["sd"].round(2),
                    "n": hot["n"],
                }),
                hide_index=True, width="stretch",
            )
        if (agg["n"] > 0).any():
            st.plotly_chart(charts.disagreement_heatmap(agg, measure_names, criterion_names, lang),
                            key="heatmap", config={"displaylogo": False})
    with tabs[1]:
        st.dataframe(cell_table(agg, measure_names, criterion_names), hide_index=True,
                     width="stretch", key="cells")
        if session.pillar_split:
            splits = cached_splits(db, code, session.round)
            st.caption(ui.tr("workshop.splits_title"))
            st.dataframe(pd.DataFrame({
                ui.tr("word.pillar"): [ui.tr(f"pillar.{p}") for p in PILLARS],
                "n": splits["n"].to_numpy(),
                ui.tr("workshop.col.mean"): splits["mean"].round(1).to_numpy(),
                ui.tr("workshop.col.median"): splits["median"].round(1).to_numpy(),
            }), hide_index=True)
    with tabs[2]:
        shift_view(session, measure_names, criterion_names)
    with tabs[3]:
        group_view(session)


def shift_view(session: ws.Session, measure_names: dict[str, str],
               criterion_names: dict[str, str]) -> None:
    if session.round < 2:
        st.info(ui.tr("workshop.shift_after_round2"))
        return
    a, b = session.round - 1, session.round
    cells, groups = cached_shift(db, session.code, a, b)
    st.caption(ui.tr("workshop.shift_intro", a=a, b=b))
    if cells["median_shift"].notna().any():
        st.plotly_chart(charts.shift_heatmap(cells, measure_names, criterion_names, lang),
                        key="shift_heatmap", config={"displaylogo": False})
    st.dataframe(pd.DataFrame({
        ui.tr("word.measure"): cells["measure_id"].map(measure_names),
        ui.tr("word.criterion"): cells["criterion_id"].map(criterion_names),
        ui.tr("workshop.col.median_from", round=a): cells["median_from"],
        ui.tr("workshop.col.median_to", round=b): cells["median_to"],
        ui.tr("workshop.col.mean_shift"): cells["mean_shift"].round(2),
        ui.tr("workshop.col.iqr_shift"): cells["iqr_shift"].round(2),
    }), hide_index=True, width="stretch", key="shift_cells")
    st.caption(ui.tr("workshop.group_shift_intro"))
    st.dataframe(pd.DataFrame({
        ui.tr("workshop.col.group"): groups["grp"].replace("", ui.tr("workshop.no_group")),
        ui.tr("workshop.col.members"): groups["members"],
        ui.tr("workshop.col.mean_shift"): groups["mean_shift"].round(2),
        ui.tr("workshop.col.abs_shift"): groups["abs_shift"].round(2),
        ui.tr("workshop.col.gap_from"): groups["gap_from"].round(2),
        ui.tr("workshop.col.gap_to"): groups["gap_to"].round(2),
    }), hide_index=True, width="stretch", key="shift_groups")


def group_view(session: ws.Session) -> None:
    if session.round_state in (RoundState.WAITING, RoundState.SCORING):
        st.info(ui.tr("workshop.group_after_close"))
        return
    try:
        with st.spinner(ui.tr("workshop.group_computing")):
            result = cached_group_result(db, session.code, session.round)
    except EngineError as exc:
        st.error(ui.tr("workshop.group_failed", reason=exc.message(lang)))
        return
    weights = result.pillar_weights
    subtitle = charts.weights_subtitle(weights, lang) if weights else None
    st.caption(ui.tr("workshop.group_intro_split", n=result.participants_with_split)
               if weights else ui.tr("workshop.group_intro_equal"))
    st.plotly_chart(charts.ranking_chart(result.table, lang=lang, subtitle=subtitle),
                    key="group_ranking", config={"displaylogo": False})
    st.plotly_chart(charts.balance_chart(result.table, lang=lang, subtitle=subtitle),
                    key="group_balance", config={"displaylogo": False})
    if result.acceptability is not None:
        names = charts.measure_labels(result.table, lang).to_dict()
        st.plotly_chart(
            charts.acceptability_chart(result.acceptability, measure_names=names, lang=lang,
                                       subtitle=ui.tr("workshop.smaa_subtitle",
                                                      n=result.participants_with_split)),
            key="group_smaa", config={"displaylogo": False},
        )
    st.dataframe(pd.DataFrame({
        ui.tr("word.rank"): result.table["rank"],
        ui.tr("word.measure"): charts.measure_labels(result.table, lang).map(str),
        ui.tr("word.score"): result.table["score"].round(3),
        ui.tr("workshop.col.balance"): result.table["balance"].round(2),
    }).sort_values(ui.tr("word.rank")), hide_index=True, width="stretch", key="group_table")


def save_view(session: ws.Session) -> None:
    if session.round_state in (RoundState.WAITING, RoundState.SCORING) or not me.can_edit:
        return
    _m, _c, assessment_name = names_of(session)
    default = ui.tr("workshop.result_name", name=assessment_name, code=session.code,
                    round=session.round)
    with st.form(f"save_result:{session.code}:{session.round}", border=True):
        st.markdown(ui.tr("workshop.save_title"))
        name = st.text_input(ui.tr("workshop.save_name"), value=default, max_chars=200)
        if st.form_submit_button(ui.tr("workshop.save_button"), icon=":material/save:"):
            try:
                new_id = ws.save_group_result(store, session.code, session.round, by=me,
                                              key=known_key(session.code),
                                              name=name.strip() or default, lang=lang)
            except WorkshopError as exc:
                show_error(exc)
            else:
                st.success(ui.tr("workshop.saved", name=ui.plain(name.strip() or default),
                                 id=new_id))


def participants_view(session: ws.Session) -> None:
    if session.anonymous:
        return
    with st.expander(ui.tr("workshop.participants_title")):
        people = ws.participants(store, session)
        st.dataframe(pd.DataFrame({
            ui.tr("workshop.col.name"): people["name"].fillna("—"),
            ui.tr("workshop.col.group"): people["grp"].fillna("—"),
            ui.tr("workshop.answers"): people["answers"],
        }), hide_index=True, width="stretch")


# -- page --------------------------------------------------------------------------------
st.title(ui.tr("workshop.title"))
code = ws.normalise_code(st.query_params.get("session", ""))
if "key" in st.query_params:  # an old facilitator link: keep the key here, not in the URL
    url_key = st.query_params["key"]
    if code and ws.verify_key(store, code, url_key):
        remember_key(code, url_key)
    st.query_params.pop("key", None)
if code:
    key_from_browser(code)
if not (code and ws.may_facilitate(store, code, by=me, key=known_key(code))):
    entry_view(code)
    st.stop()

try:
    # The same briefly cached row the live view reads, so both agree on the state.
    current = cached_session(db, code)
except WorkshopError as exc:
    show_error(exc)
    st.stop()
header(current)
remember_in_browser(current.code)
controls(current)
if current.hide_until_reveal and current.round_state != RoundState.REVEALED:
    st.toggle(ui.tr("workshop.peek"), key="peek", help=ui.tr("workshop.peek_help"))


@st.fragment(run_every=LIVE_SECONDS)
def live_fragment() -> None:
    latest = cached_session(db, code)
    if (latest.round, latest.round_state, latest.closed) != (
            current.round, current.round_state, current.closed):
        st.rerun()  # another facilitator screen moved the session on: redraw the controls
    live_view(code)


live_fragment()
save_view(current)
participants_view(current)
