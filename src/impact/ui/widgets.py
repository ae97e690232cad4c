"""What every page shares: the preamble, charts, notices, the language switch, the weight sliders.

A page is a short script: `assessment = ui.page(ui.tr("results.title"))` sets the title and
returns the current assessment, or shows the no-assessment notice and stops the run.
"""

from __future__ import annotations

from typing import Any

import plotly.graph_objects as go
import streamlit as st

from impact.charts import enlarged
from impact.i18n import LANGUAGE_NAMES, LANGUAGES
from impact.model import PILLARS, Assessment, Pillar
from impact.ui.auth import can_edit
from impact.ui.downloads import chart_downloads
from impact.ui.session import (
    chosen_lang,
    current_assessment,
    current_assessment_id,
    default_widget,
    lang,
    set_lang,
    set_weighting,
    show_in_widget,
    weighting,
    widget_value,
)
from impact.ui.text import tr
from impact.weighting import TOTAL_POINTS, Weighting

# Streamlit colour names matching the pillar colours of the charts.
PILLAR_BADGE = {"ecology": "green", "economy": "blue", "people": "orange"}
CHART_CONFIG = {"displaylogo": False}  # every chart: plotly's mode bar without its logo
# an empty table cell (a statistic over too few answers, an unscored cell): a dash in both
# languages instead of Streamlit's English "None"; data editors can pass it as placeholder
MISSING_CELL = "–"
LANG_SWITCH = "lang_switch"  # the sidebar's language widget
PRESENTATION_SWITCH = "presentation_switch"  # the toggle on the chart pages
PRESENTING = "presenting"  # the mode itself: it lasts from page to page
# Presentation mode: the page uses the whole screen width, text is larger. Fixed rules, no
# user text, so unsafe_allow_html is safe here.
_PRESENTATION_CSS = """<style>
[data-testid="stMainBlockContainer"] { max-width: 100%; padding-left: 2rem;
  padding-right: 2rem; }
[data-testid="stMainBlockContainer"] p, [data-testid="stMainBlockContainer"] li,
[data-testid="stMainBlockContainer"] label { font-size: 1.3rem; }
[data-testid="stCaptionContainer"] p { font-size: 1.15rem; }
[data-testid="stMainBlockContainer"] h1 { font-size: 3rem; }
[data-testid="stMainBlockContainer"] h3 { font-size: 2rem; }
</style>"""
PARTICIPANT_LANG_SWITCH = "p_lang"


# -- the preamble --------------------------------------------------------------------------
def page(title: str) -> Assessment:
    """Title a page about the current assessment and return it; without one, say so and stop."""
    st.title(title)
    assessment = current_assessment()
    if assessment is None:
        no_assessment_notice()
        st.stop()
    return assessment


def no_assessment_notice() -> None:
    st.info(tr("core.no_assessment") if can_edit() else tr("core.no_assessment_viewer"))


def read_only_notice() -> bool:
    """Show the read-only note to a viewer; True when this person may edit."""
    if can_edit():
        return True
    st.info(tr("access.read_only"), icon=":material/visibility:")
    return False


def table(data: Any, **kwargs: Any) -> Any:
    """`st.dataframe` with the app's sign for an empty cell."""
    kwargs.setdefault("placeholder", MISSING_CELL)
    return st.dataframe(data, **kwargs)


def table_height(rows: int, *, extra_row: bool = False, max_rows: int = 25) -> int:
    """Pixel height that shows every row of a table (Streamlit's default shows ~10)."""
    shown = min(rows + (1 if extra_row else 0), max_rows)
    return (shown + 1) * 35 + 3  # 35 px per row plus the header; 3 px of border


# -- charts --------------------------------------------------------------------------------
def chart(fig: go.Figure, name: str, *, key: str | None = None, caption: str | None = None,
          downloads: str | None = None) -> None:
    """A plotly chart, its caption, and (given `downloads`, the menu's key) a download menu.

    `name` is the file name of the downloads (e.g. "ranking"); the chart's key is
    `chart-<name>` unless `key` says otherwise.
    """
    shown = enlarged(fig) if presenting() else fig  # downloads keep the normal size
    # theme=None: our own type sizes and dark ink, not Streamlit's small grey chart theme
    st.plotly_chart(shown, key=key or f"chart-{name}", config=CHART_CONFIG, width="stretch",
                    theme=None)
    if caption:
        st.caption(caption)
    if downloads:
        chart_downloads(fig, name, key=downloads)


def presenting() -> bool:
    """True in presentation mode (larger type, charts across the whole width)."""
    return bool(widget_value(PRESENTING, False))


def _apply_presentation() -> None:
    show_in_widget(PRESENTING, bool(widget_value(PRESENTATION_SWITCH)))


def presentation_toggle() -> bool:
    """The presentation-mode switch of a chart page; on, it widens the page and enlarges
    text and charts (on every chart page until switched off). Returns the mode."""
    show_in_widget(PRESENTATION_SWITCH, presenting())  # the switch follows the mode
    st.toggle(tr("results.presentation"), key=PRESENTATION_SWITCH,
              on_change=_apply_presentation, help=tr("results.presentation_help"))
    if presenting():
        st.markdown(_PRESENTATION_CSS, unsafe_allow_html=True)
    return presenting()


# -- language ------------------------------------------------------------------------------
def _apply_language() -> None:  # a callback runs before the script: the whole page follows
    chosen = widget_value(LANG_SWITCH)
    if chosen:
        set_lang(chosen)


def language_switch() -> None:
    """The dashboard's switch (in the sidebar)."""
    default_widget(LANG_SWITCH, lang())
    st.segmented_control(
        "🌐",
        LANGUAGES,
        format_func=LANGUAGE_NAMES.get,
        key=LANG_SWITCH,
        on_change=_apply_language,
        label_visibility="collapsed",
    )


def participant_language_switch() -> None:
    """The participant page's switch, at the top of a phone's screen."""
    choice = st.segmented_control("🌐", LANGUAGES, format_func=LANGUAGE_NAMES.get,
                                  default=lang(), key=PARTICIPANT_LANG_SWITCH,
                                  label_visibility="collapsed")
    if choice and choice != chosen_lang():
        set_lang(choice)
        st.rerun()


# -- pillar weights ------------------------------------------------------------------------
def _slider_key(prefix: str, pillar: Pillar) -> str:
    return f"{prefix}:weight:{current_assessment_id()}:{pillar.value}"


def _on_weight_change(prefix: str, pillar: Pillar) -> None:
    # rebalanced: the others keep their ratio; the weights no longer are a profile's
    set_weighting(weighting().rebalanced(pillar, widget_value(_slider_key(prefix, pillar))))


def pillar_weight_sliders(prefix: str) -> Weighting:
    """Three sliders, one per pillar, that always add up to 100 points.

    Moving one slider rebalances the other two in their current ratio. The values
    live in `ui.weighting()`, so every page shows the same weights.
    """
    w = weighting()
    shown = w.whole_points()
    columns = st.columns(len(PILLARS))
    for column, pillar in zip(columns, PILLARS, strict=True):
        key = _slider_key(prefix, pillar)
        show_in_widget(key, shown[pillar])  # the widget follows the shared settings
        column.slider(
            tr(f"pillar.{pillar.value}"),
            min_value=0,
            max_value=TOTAL_POINTS,
            step=1,
            key=key,
            on_change=_on_weight_change,
            args=(prefix, pillar),
            help=tr("results.w.slider_help"),
        )
    return w
