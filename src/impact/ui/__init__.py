"""Small Streamlit helpers shared by app.py and the pages.

The only package under src/impact that imports Streamlit: language, the store,
the current assessment, the person signed in (`auth`) and the working weight
settings live here, so that pages stay short scripts.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import streamlit as st

from impact.i18n import DEFAULT_LANGUAGE, LANGUAGES, t
from impact.model import PILLARS, Assessment, Pillar
from impact.store import Store, get_store
from impact.ui.auth import can_edit, principal  # noqa: F401 - re-exported for the pages


def lang() -> str:
    value = st.session_state.get("lang")
    if value not in LANGUAGES:
        value = st.query_params.get("lang", DEFAULT_LANGUAGE)
        value = value if value in LANGUAGES else DEFAULT_LANGUAGE
        st.session_state["lang"] = value
    return value


def tr(key: str, **params: object) -> str:
    """The string for `key` in the session's language."""
    return t(key, lang(), **params)


def store() -> Store:
    return get_store()


def current_assessment_id() -> int | None:
    """The assessment picked in the sidebar; kept in the URL so a reload keeps it."""
    s = store()
    infos = s.list_assessments()
    if not infos:
        return None
    ids = [i.id for i in infos]
    chosen = st.session_state.get("assessment_id")
    if chosen not in ids:
        raw = st.query_params.get("a")
        chosen = int(raw) if raw and raw.isdigit() and int(raw) in ids else ids[0]
        st.session_state["assessment_id"] = chosen
    return chosen


def set_current_assessment(assessment_id: int) -> None:
    st.session_state["assessment_id"] = assessment_id
    st.query_params["a"] = str(assessment_id)


@st.cache_data(max_entries=32, show_spinner=False)
def _load(db_path: str, assessment_id: int, version: int) -> Assessment:
    # Keyed on the data version: any write bumps it, so the cache never serves stale data.
    return get_store(db_path).load(assessment_id)


def current_assessment() -> Assessment | None:
    assessment_id = current_assessment_id()
    if assessment_id is None:
        return None
    s = store()
    return _load(str(s.path), assessment_id, s.data_version(assessment_id))


@dataclass
class WeightSettings:
    """The working weights of this session: what the results pages show."""

    pillar_weights: dict[Pillar, float] = field(
        default_factory=lambda: {p: 100 / 3 for p in PILLARS}
    )
    floors: dict[Pillar, float] = field(default_factory=dict)  # 0..1 per pillar, absent = none
    method: str = "wsm"
    profile: str | None = None  # the stakeholder profile these weights came from, if any
    criterion_weights: dict[str, float] = field(default_factory=dict)  # within-pillar overrides


def weight_settings() -> WeightSettings:
    """This session's weight settings, per assessment."""
    key = f"weights:{current_assessment_id()}"
    if key not in st.session_state:
        st.session_state[key] = WeightSettings()
    return st.session_state[key]


def set_weight_settings(settings: WeightSettings) -> None:
    st.session_state[f"weights:{current_assessment_id()}"] = settings


def no_assessment_notice() -> None:
    st.info(tr("core.no_assessment") if can_edit() else tr("core.no_assessment_viewer"))


def read_only_notice() -> bool:
    """Show the read-only note to a viewer; True when this person may edit."""
    if can_edit():
        return True
    st.info(tr("access.read_only"), icon=":material/visibility:")
    return False


_MARKDOWN_SPECIALS = set("\\`*_{}[]()#+-.!|<>~=$:")


def plain(text: str) -> str:
    """User text made safe for st.markdown/st.error: Markdown and HTML show literally."""
    return "".join("\\" + ch if ch in _MARKDOWN_SPECIALS else ch for ch in str(text))


def table_height(rows: int, *, extra_row: bool = False, max_rows: int = 25) -> int:
    """Pixel height that shows every row of a table (Streamlit's default shows ~10)."""
    shown = min(rows + (1 if extra_row else 0), max_rows)
    return (shown + 1) * 35 + 3  # 35 px per row plus the header; 3 px of border
