"""The projection view: the facilitator's second screen, for the beamer.

Full screen, no sidebar, large type readable from the back of the room. It follows the
round by itself (a fragment looks at the cached session every 2 s and redraws the page
when the state moved on): before the round a big code, short link and QR; during the
round a live count; after the reveal the room's result (the largest disagreements,
the spread per cell and the group ranking). The controls stay on the facilitator's own
screen. It shows nothing the room does not see: counts while a round is open, results
once revealed (or closed, when the session does not hide them until the reveal).
"""

from __future__ import annotations

import html

import streamlit as st

from impact import charts
from impact import workshop as ws
from impact.engine import EngineError
from impact.ui import cache
from impact.ui import workshop_views as wv
from impact.ui.session import lang
from impact.ui.text import plain, tr
from impact.ui.widgets import chart
from impact.workshop import RoundState

FOLLOW_SECONDS = 2  # how often the projection looks at the round's state
# Large type and no sidebar: this page is read from the back of a room.
STYLE = """<style>
[data-testid="stSidebar"], [data-testid="stSidebarCollapsedControl"],
[data-testid="stHeader"] {display: none;}
.projection-code {font-size: 16vh; font-weight: 800; letter-spacing: .12em; line-height: 1.1;}
.projection-big {font-size: 6vh; font-weight: 600; line-height: 1.3;}
.projection-huge {font-size: 20vh; font-weight: 800; line-height: 1.05;}
[data-testid="stMetricValue"] {font-size: 10vh;}
[data-testid="stMetricLabel"] p {font-size: 3.5vh;}
</style>"""


def big(text: str, kind: str = "big") -> None:
    """Large text, HTML-escaped here (it may hold a measure's name). A one-line HTML
    block is not read as Markdown, so no Markdown escaping (it would show)."""
    escaped = html.escape(" ".join(str(text).split()))
    st.markdown(f'<div class="projection-{kind}">{escaped}</div>', unsafe_allow_html=True)


def join_block(current: ws.Session, *, compact: bool = False) -> None:
    link = ws.join_url(wv.base_url(), current.code)
    if compact:  # during the round: late arrivals can still join
        big(tr("workshop.projection.join_compact", code=current.code, link=link))
        return
    qr_col, text_col = st.columns([2, 3], vertical_alignment="center")
    qr_col.image(cache.workshop_qr(link), width="stretch")
    with text_col:
        big(tr("workshop.projection.join_at"))
        big(link)
        big(tr("workshop.projection.or_code"))
        # The code uses only A-Z/2-9 (our alphabet): safe in HTML.
        st.markdown(f'<div class="projection-code">{current.code}</div>',
                    unsafe_allow_html=True)


def live_count(current: ws.Session) -> None:
    progress, _agg = cache.workshop_live(wv.db(), current.code, current.round)
    wv.timer_left(current)
    joined, answers, finished = st.columns(3)
    joined.metric(tr("workshop.joined"), progress.joined)
    answers.metric(tr("workshop.answers"), f"{progress.answers} / {progress.expected}")
    finished.metric(tr("workshop.finished"), f"{progress.finished} / {progress.joined}")
    st.progress(progress.answers / progress.expected if progress.expected else 0.0)


def results(current: ws.Session) -> None:
    """The room's result: hotspots, the spread per cell and the group ranking."""
    _progress, agg = cache.workshop_live(wv.db(), current.code, current.round)
    measure_names, criterion_names, _name = wv.names_of(current)
    language = lang()
    big(tr("workshop.projection.hotspots"))
    hot = ws.hotspots(agg, top=3)
    if hot.empty:
        big(tr("workshop.no_hotspots"))
    given = cache.workshop_reasons(wv.db(), current.code, current.round)
    criteria = cache.participant_content(wv.db(), current.assessment_id, language)["criteria"]
    for row in hot.itertuples():
        big(f"{row.hotspot_rank}. {measure_names.get(row.measure_id, row.measure_id)} · "
            f"{criterion_names.get(row.criterion_id, row.criterion_id)}")
        hotspot_reasons(ws.by_score(given, row.measure_id, row.criterion_id),
                        criteria.get(row.criterion_id), language)
    spread_col, rank_col = st.columns(2)
    with spread_col:
        if (agg["n"] > 0).any():
            chart(charts.disagreement_heatmap(agg, measure_names, criterion_names, language),
                  "disagreement", key="projection_heatmap")
    with rank_col:
        try:
            result = cache.workshop_group(wv.db(), current.code, current.round)
        except EngineError as exc:
            st.error(tr("workshop.group_failed", reason=exc.message(language)))
        else:
            weights = result.pillar_weights
            subtitle = charts.weights_subtitle(weights, language) if weights else None
            chart(charts.ranking_chart(result.table, lang=language, subtitle=subtitle),
                  "ranking", key="projection_ranking")


PROJECTED_REASONS = 3  # per score: what a beamer can show under a hotspot


def hotspot_reasons(groups: list, criterion, language: str) -> None:
    """A hotspot's reasons by the score given, a few per score, never with a name (a
    beamer is public, also in a named session)."""
    if not groups:
        return
    columns = st.columns(len(groups))
    for col, (value, items) in zip(columns, groups, strict=True):
        with col:
            st.markdown("**" + plain(tr("workshop.reasons_score", n=len(items),
                                        score=wv.score_text(value, criterion, language)))
                        + "**")
            for reason, _name in items[:PROJECTED_REASONS]:
                st.text(f"“{reason}”")  # the participant's own words: plain text


def shows_results(current: ws.Session) -> bool:
    return (current.round_state == RoundState.REVEALED
            or (current.round_state == RoundState.CLOSED and not current.hide_until_reveal))


def projection(current: ws.Session) -> None:
    """The screen for the current state."""
    st.html(STYLE)
    title = tr(f"workshop.state.{current.round_state}")
    st.caption(tr("workshop.projection.header", code=current.code, round=current.round,
                  state=title))
    if current.closed:
        big(tr("workshop.session_closed"))
    elif current.round_state == RoundState.WAITING:
        join_block(current)
    elif current.round_state == RoundState.SCORING:
        big(tr("workshop.projection.scoring", round=current.round))
        join_block(current, compact=True)
        follow_count(current.code)
        return
    elif not shows_results(current):
        big(tr("workshop.projection.closed", round=current.round))
    if shows_results(current):
        results(current)
    follow_state(current.code, (current.round, str(current.round_state), current.closed))


@st.fragment(run_every=FOLLOW_SECONDS)
def follow_count(code: str) -> None:
    """During the round: the live count, and a redraw once the round moved on."""
    latest = wv.current_session(code)
    if latest.round_state != RoundState.SCORING or latest.closed:
        st.rerun()
    live_count(latest)


@st.fragment(run_every=FOLLOW_SECONDS)
def follow_state(code: str, rendered: tuple[int, str, bool]) -> None:
    latest = wv.current_session(code)
    if (latest.round, str(latest.round_state), latest.closed) != rendered:
        st.rerun()


def projection_link(code: str) -> None:
    """On the facilitator's screen: open the projection in a new tab for the beamer."""
    st.link_button(tr("workshop.projection.open"), f"projection?session={code}",
                   icon=":material/present_to_all:")

