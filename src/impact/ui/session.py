"""Every session-state and URL key the app uses, by name, and the functions that read them.

Two kinds of memory:
- the URL (`st.query_params`): what a reload, a shared link or a dropped connection must
  keep. A phone going to sleep starts a new Streamlit session, so a participant's identity
  lives in the URL (and the database), never only in the session state;
- the session state (`st.session_state`): what this browser tab remembers between reruns.

Widget keys stay with the widgets in the pages; when a page makes a widget follow a shared
value, it does so through `show_in_widget`/`default_widget`, so that this module remains the
one place that touches `st.session_state`. The principal cache lives in `impact.ui.auth`.
"""

from __future__ import annotations

from typing import Any

import streamlit as st

from impact.i18n import DEFAULT_LANGUAGE, LANGUAGES
from impact.model import Assessment
from impact.store import Store, StoreError, get_store
from impact.ui import cache
from impact.weighting import Weighting

# -- URL keys ------------------------------------------------------------------------------
URL_LANG = "lang"  # ?lang=en: a link that opens in English
URL_ASSESSMENT = "a"  # ?a=3: the assessment picked in the sidebar
URL_JOIN = "join"  # ?join=CODE: a participant's invitation (?join= asks for the code)
URL_PARTICIPANT = "p"  # ?p=TOKEN: a participant who joined; a reload resumes as them
URL_SESSION = "session"  # ?session=CODE: the facilitator's screen (the public code only)
URL_OLD_KEY = "key"  # old facilitator links carried the key: taken out of the URL at once

# -- session-state keys --------------------------------------------------------------------
LANG = "lang"
ASSESSMENT = "assessment_id"
WEIGHTS = "weights:{assessment_id}"  # the working Weighting, per assessment
IMPORT_ERRORS = "import_errors"  # a failed import's messages, shown after the rerun
IMPORTS_DONE = "imports_done"  # successful imports: part of the uploader's key
FACILITATOR_KEYS = "facilitator_keys"  # session code -> facilitator key, once used here
NEW_KEY = "workshop_new_key"  # (code, key) of a session just created: shown once
GRANT_COOKIE_SET = "grant_cookie:{code}"  # the grant cookie was written in this session
PARTICIPANT_ERROR = "p_error"  # (i18n key, params) of a refused answer
STEP = "step:{round_no}"  # the participant's screen in a round
MADE_FILE = "export:{kind}"  # a file made on the export page ("zip", "report")
GRID_BASE = "grid_base:{assessment_id}"  # (version, generation) the score grids were built on
PENDING_SCORES = "pending_scores"  # what the Save bar saw unsaved, saved on leaving
FORM_ERRORS = "form_errors:{form}"  # a dialog's errors per field, shown after its rerun
OPEN_DIALOG = "open_dialog"  # the editor dialog that is open: (kind, mode, item id, pillar)
BUDGET = "portfolio_budget:{assessment_id}"  # the Portfolio page's budget, for the exports


def open_store(*, seed: bool = True) -> Store:
    """The database of this server process (`IMPACT_DB`). A file that cannot be used
    (newer schema, damaged, locked by another process) stops the page with the
    store's own message in the user's language, never a traceback."""
    try:
        return get_store(seed=seed)
    except StoreError as err:
        language = st.session_state.get(LANG)
        st.error(err.message(language if language in LANGUAGES else DEFAULT_LANGUAGE))
        st.stop()


def store() -> Store:
    """The database this server process works on (`IMPACT_DB`)."""
    return open_store()


# -- widgets that follow shared state ------------------------------------------------------
def widget_value(key: str, default: Any = None) -> Any:
    return st.session_state.get(key, default)


def show_in_widget(key: str, value: Any) -> None:
    """The widget under `key` shows `value` on this run (it follows the shared settings)."""
    st.session_state[key] = value


def default_widget(key: str, value: Any) -> None:
    """The widget under `key` starts at `value`; once touched it keeps its own value."""
    if key not in st.session_state:
        st.session_state[key] = value


# -- language ------------------------------------------------------------------------------
def lang() -> str:
    value = st.session_state.get(LANG)
    if value not in LANGUAGES:
        value = st.query_params.get(URL_LANG, DEFAULT_LANGUAGE)
        value = value if value in LANGUAGES else DEFAULT_LANGUAGE
        st.session_state[LANG] = value
    return value


def set_lang(value: str) -> None:
    st.session_state[LANG] = value


def chosen_lang() -> str | None:
    """The language this session chose, None before anything set it."""
    return st.session_state.get(LANG)


# -- the current assessment ----------------------------------------------------------------
def current_assessment_id() -> int | None:
    """The assessment picked in the sidebar; kept in the URL so a reload keeps it."""
    infos = store().list_assessments()
    if not infos:
        return None
    ids = [i.id for i in infos]
    chosen = st.session_state.get(ASSESSMENT)
    if chosen not in ids:
        raw = st.query_params.get(URL_ASSESSMENT)
        chosen = int(raw) if raw and raw.isdigit() and int(raw) in ids else ids[0]
        st.session_state[ASSESSMENT] = chosen
    return chosen


def set_current_assessment(assessment_id: int) -> None:
    st.session_state[ASSESSMENT] = assessment_id
    st.query_params[URL_ASSESSMENT] = str(assessment_id)


def forget_current_assessment() -> None:
    """After a delete: the next run picks the first assessment left."""
    st.session_state.pop(ASSESSMENT, None)
    st.query_params.pop(URL_ASSESSMENT, None)


def current_assessment() -> Assessment | None:
    assessment_id = current_assessment_id()
    if assessment_id is None:
        return None
    s = store()
    return cache.assessment(str(s.path), assessment_id, s.data_version(assessment_id))


def take_import_errors() -> list[str]:
    return st.session_state.pop(IMPORT_ERRORS, [])


def keep_import_errors(lines: list[str]) -> None:
    st.session_state[IMPORT_ERRORS] = lines


def import_uploader_key() -> str:
    """The import uploader's key; a new one after each successful import, so the
    uploader comes back empty instead of offering the imported file again."""
    return f"import_upload:{st.session_state.get(IMPORTS_DONE, 0)}"


def import_done() -> None:
    st.session_state[IMPORTS_DONE] = st.session_state.get(IMPORTS_DONE, 0) + 1


# -- weight settings -----------------------------------------------------------------------
def weighting() -> Weighting:
    """This session's weights (what the results pages show), per assessment.

    Starts from equal points (`Weighting.equal()`), not from `Weighting()`: "no pillar
    weights chosen" would make SMAA sample uniformly instead of around 34/33/33.
    """
    key = WEIGHTS.format(assessment_id=current_assessment_id())
    if key not in st.session_state:
        st.session_state[key] = Weighting.equal()
    return st.session_state[key]


def set_weighting(value: Weighting) -> None:
    st.session_state[WEIGHTS.format(assessment_id=current_assessment_id())] = value


# -- the budget of the Portfolio page ------------------------------------------------------
def budget(assessment_id: int | None) -> float | None:
    """The budget last set on the Portfolio page in this session (None: never opened)."""
    return st.session_state.get(BUDGET.format(assessment_id=assessment_id))


def set_budget(assessment_id: int | None, value: float) -> None:
    st.session_state[BUDGET.format(assessment_id=assessment_id)] = float(value)


# -- files made on the export page ---------------------------------------------------------
def made_file(kind: str) -> Any:
    return st.session_state.get(MADE_FILE.format(kind=kind))


def keep_made_file(kind: str, made: Any) -> None:
    st.session_state[MADE_FILE.format(kind=kind)] = made


# -- workshop: the facilitator -------------------------------------------------------------
def requested_session() -> str:
    """The code in `?session=` (as typed; normalise it before use)."""
    return st.query_params.get(URL_SESSION, "")


def old_link_key() -> str | None:
    """The facilitator key of an old link (`?key=`), if the URL still has one."""
    return st.query_params.get(URL_OLD_KEY) if URL_OLD_KEY in st.query_params else None


def drop_old_link_key() -> None:
    st.query_params.pop(URL_OLD_KEY, None)


def show_session(code: str) -> None:
    """The facilitator's screen of this session: only the public code goes into the URL."""
    st.query_params.pop(URL_OLD_KEY, None)
    st.query_params[URL_SESSION] = code


def facilitator_key(code: str) -> str | None:
    return st.session_state.get(FACILITATOR_KEYS, {}).get(code)


def remember_facilitator_key(code: str, key: str) -> None:
    st.session_state.setdefault(FACILITATOR_KEYS, {})[code] = key


def announce_new_key(code: str, key: str) -> None:
    st.session_state[NEW_KEY] = (code, key)


def take_new_key() -> tuple[str, str] | None:
    """The (code, key) of a session just created, once: the next run no longer has it."""
    return st.session_state.pop(NEW_KEY, None)


def first_grant_cookie(code: str) -> bool:
    """True the first time this browser session asks (the grant cookie is written once)."""
    flag = GRANT_COOKIE_SET.format(code=code)
    if st.session_state.get(flag):
        return False
    st.session_state[flag] = True
    return True


# -- workshop: the participant -------------------------------------------------------------
def is_participant_link() -> bool:
    """A participant's link (join code or participant token) opens only the participant page."""
    return URL_JOIN in st.query_params or URL_PARTICIPANT in st.query_params


def participant_token() -> str:
    return st.query_params.get(URL_PARTICIPANT, "")


def join_code() -> str:
    """The code in `?join=` (as typed; normalise it before use)."""
    return st.query_params.get(URL_JOIN, "")


def ask_to_join(code: str) -> None:
    """Go to the join form of `code` (a typed code replaces a stale participant link)."""
    st.query_params.pop(URL_PARTICIPANT, None)
    st.query_params[URL_JOIN] = code


def joined(token: str) -> None:
    """From now on the URL names the participant, so a reload resumes as them."""
    st.query_params.pop(URL_JOIN, None)
    st.query_params[URL_PARTICIPANT] = token


def keep_participant_error(key: str, params: dict[str, Any]) -> None:
    st.session_state[PARTICIPANT_ERROR] = (key, params)


def has_participant_error() -> bool:
    return PARTICIPANT_ERROR in st.session_state


def take_participant_error() -> tuple[str, dict[str, Any]] | None:
    return st.session_state.pop(PARTICIPANT_ERROR, None)


def step(round_no: int) -> int | None:
    """The participant's screen in this round; None before the first."""
    value = st.session_state.get(STEP.format(round_no=round_no))
    return None if value is None else int(value)


def set_step(round_no: int, value: int) -> None:
    st.session_state[STEP.format(round_no=round_no)] = value


# -- the editor ----------------------------------------------------------------------------
def grid_base(assessment_id: int) -> tuple[int, int, Any] | None:
    """(data version, generation, input frames) of this tab's score grids; None at first."""
    return st.session_state.get(GRID_BASE.format(assessment_id=assessment_id))


def set_grid_base(assessment_id: int, version: int, frames: Any = None) -> None:
    """Grids built on `version` from `frames` (None: rebuilt on the next run), under a
    new generation of widget keys."""
    old = grid_base(assessment_id)
    st.session_state[GRID_BASE.format(assessment_id=assessment_id)] = (
        version, (old[1] + 1) if old else 0, frames)


def grid_edits(key: str) -> dict:
    """The edited cells a data editor holds: row position -> column -> value."""
    state = st.session_state.get(key)
    return state.get("edited_rows", {}) if isinstance(state, dict) else {}


def has_grid_edits(keys: list[str]) -> bool:
    """Whether any of these data editors holds an edit (typed before this run started)."""
    return any(grid_edits(key) for key in keys)


def keep_pending_scores(pending: Any) -> None:
    st.session_state[PENDING_SCORES] = pending


def take_pending_scores() -> Any:
    return st.session_state.pop(PENDING_SCORES, None)


def form_errors(form: str) -> dict[str, str]:
    return st.session_state.get(FORM_ERRORS.format(form=form), {})


def set_form_errors(form: str, errors: dict[str, str]) -> None:
    if errors:
        st.session_state[FORM_ERRORS.format(form=form)] = errors
    else:
        st.session_state.pop(FORM_ERRORS.format(form=form), None)


def open_dialog(spec: tuple) -> None:
    st.session_state[OPEN_DIALOG] = spec


def opened_dialog() -> tuple | None:
    return st.session_state.get(OPEN_DIALOG)


def close_dialog() -> None:
    """The dialog is saved, cancelled or dismissed: forget it and its messages."""
    st.session_state.pop(OPEN_DIALOG, None)
    for key in [k for k in st.session_state if str(k).startswith("form_errors:")]:
        del st.session_state[key]
