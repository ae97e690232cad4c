"""Every `st.cache_data` / `st.cache_resource` of the app, with one table of lifetimes.

The cached functions live in this module, not in the page scripts: a page script runs
again on every rerun (and a participant's page on every tap), so a decorator there runs
again each time; here each is decorated once per process.

Two kinds (Streamlit's): `data` hands every caller a copy (safe for DataFrames a page may
change); `resource` hands out the one stored object, without the copy, for immutable
values (frozen dataclasses, read-only dicts) read on every participant's rerun.

Results keyed on the data version (any write to an assessment bumps it) never go stale and
need no TTL; `max_entries` only bounds the memory. Workshop reads change while a room
scores: their TTL is how late a screen may be, and every screen of the room shares one
result within it.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Callable
from typing import Any, Literal

import pandas as pd
import streamlit as st

from impact import engine, robustness
from impact import workshop as ws
from impact.model import Assessment
from impact.store import get_store
from impact.weighting import Weighting

Kind = Literal["data", "resource"]

# The one table of lifetimes. name: (kind, ttl in seconds or None, max entries or None)
CACHES: dict[str, tuple[Kind, float | None, int | None]] = {
    # The dashboard: keyed on the data version, so never stale; no TTL.
    "assessment": ("data", None, 32),  # a loaded assessment
    "evaluation": ("data", None, 128),  # engine.evaluate per weight settings (every slider step)
    "perspectives": ("data", None, 32),  # the ranking per stakeholder profile
    "stability": ("data", None, 64),  # weight-stability intervals per weight settings
    # The facilitator: the live fragment runs every second on at most two screens; 1 s lets
    # both share one query and keeps the view current within the 3 s target (DESIGN.md).
    "workshop_session": ("data", 1, None),
    "workshop_live": ("data", 1, None),  # progress and the cells' statistics
    "workshop_shift": ("data", 1, None),
    "workshop_splits": ("data", 1, None),
    "workshop_reasons": ("data", 1, None),  # the reasons per cell, beside the hotspots
    # The group result runs the engine and SMAA over the room: heavier, and it changes only
    # when a round closes.
    "workshop_group": ("data", 10, None),
    # Keyed on the data version, so never stale: the TTL only lets old versions go.
    "workshop_names": ("data", 60, None),
    "workshop_qr": ("data", None, 16),  # a QR image per join link: never changes
    # The participant: every tap reruns the page, on up to 200 phones. Resources (no copy
    # per read) for the immutable values; the room's aggregate is a DataFrame: data.
    # Round and state: one query per 2 s serves the whole room.
    "participant_status": ("resource", 2, None),
    # Round and state come from the status; the rest of a session, and a participant's
    # row, never change: 30 s only bounds how long an ended session stays in memory.
    "participant_session": ("resource", 30, None),
    "participant": ("resource", 30, None),
    "participant_content": ("resource", 30, None),  # labels: an edit reaches phones in 30 s
    "participant_room": ("data", 3, None),  # as often as a phone looks at the status
    "participant_distribution": ("data", 3, None),  # the room's chart on the phones
}
SMAA_ENTRIES = 32  # see smaa(): a process-wide LRU, not st.cache_data


def _cached(name: str) -> Callable[[Callable[..., Any]], Any]:
    kind, ttl, entries = CACHES[name]
    decorator = st.cache_data if kind == "data" else st.cache_resource
    return decorator(ttl=ttl, max_entries=entries, show_spinner=False)


# -- the dashboard -------------------------------------------------------------------------
# Results are keyed on (database file, assessment id, data version, Weighting, ...): the
# frozen Weighting is hashed as it is; the Assessment is an underscore argument, which
# Streamlit does not hash (the id and data version stand for it).

@_cached("assessment")
def assessment(db_path: str, assessment_id: int, version: int) -> Assessment:
    return get_store(db_path).load(assessment_id)


@_cached("evaluation")
def evaluation(db: str, assessment_id: int, version: int, weighting: Weighting,
               _assessment: Assessment) -> engine.Evaluation:
    return engine.evaluate(_assessment, weighting)


@_cached("perspectives")
def perspectives(db: str, assessment_id: int, version: int, method: str, k: int,
                 _assessment: Assessment, vikor_v: float = 0.5,
                 floors: tuple[tuple[str, float], ...] = ()
                 ) -> robustness.Perspectives | None:
    if not _assessment.profiles:
        return None
    return robustness.perspectives(_assessment, method=method, k=k, vikor_v=vikor_v,
                                   floors=floors)


@_cached("stability")
def stability(db: str, assessment_id: int, version: int, weighting: Weighting,
              _assessment: Assessment) -> Any:
    return robustness.weight_stability(_assessment, weighting)


# SMAA reports progress while it runs, which st.cache_data would replay on a cache hit; a
# small process-wide LRU keeps its results instead.
_SMAA_CACHE: OrderedDict[tuple[Any, ...], robustness.SmaaResult] = OrderedDict()
_SMAA_LOCK = threading.Lock()


def smaa(key: tuple[Any, ...], compute: Callable[[], robustness.SmaaResult]
         ) -> robustness.SmaaResult:
    """The SMAA result under `key`, computed by `compute` when not cached."""
    with _SMAA_LOCK:
        hit = _SMAA_CACHE.get(key)
        if hit is not None:
            _SMAA_CACHE.move_to_end(key)
            return hit
    result = compute()
    with _SMAA_LOCK:
        _SMAA_CACHE[key] = result
        while len(_SMAA_CACHE) > SMAA_ENTRIES:
            _SMAA_CACHE.popitem(last=False)
    return result


# -- the facilitator -----------------------------------------------------------------------
@_cached("workshop_session")
def workshop_session(db_path: str, code: str) -> ws.Session:
    return ws.get_session(get_store(), code)


@_cached("workshop_live")
def workshop_live(db_path: str, code: str, round_no: int) -> tuple[ws.Progress, pd.DataFrame]:
    store = get_store()
    session = ws.get_session(store, code)
    return ws.progress(store, session, round_no), ws.aggregates(store, session, round_no)


@_cached("workshop_shift")
def workshop_shift(db_path: str, code: str, a: int, b: int) -> tuple[pd.DataFrame, pd.DataFrame]:
    store = get_store()
    session = ws.get_session(store, code)
    return ws.shift(store, session, a, b), ws.group_shift(store, session, a, b)


@_cached("workshop_splits")
def workshop_splits(db_path: str, code: str, round_no: int) -> pd.DataFrame:
    return ws.splits_summary(get_store(), code, round_no)


@_cached("workshop_reasons")
def workshop_reasons(db_path: str, code: str, round_no: int) -> pd.DataFrame:
    return ws.reasons(get_store(), code, round_no)


@_cached("workshop_group")
def workshop_group(db_path: str, code: str, round_no: int) -> ws.GroupResult:
    return ws.group_result(get_store(), code, round_no)


@_cached("workshop_names")
def workshop_names(db_path: str, assessment_id: int, version: int, language: str
                   ) -> tuple[dict[str, str], dict[str, str], str]:
    loaded = get_store().load(assessment_id)
    return (
        {m.id: m.label(language) for m in loaded.measures},
        {c.id: c.label(language) for c in loaded.criteria},
        loaded.name,
    )


@_cached("workshop_qr")
def workshop_qr(url: str) -> bytes:
    return ws.qr_png(url)


# -- the participant (the store opened without the first-start seeding check) --------------
@_cached("participant_status")
def participant_status(db_path: str, code: str) -> ws.Status:
    return ws.status(get_store(db_path, seed=False), code)


@_cached("participant_session")
def participant_session(db_path: str, code: str) -> ws.Session:
    return ws.get_session(get_store(db_path, seed=False), code)


@_cached("participant")
def participant(db_path: str, token: str) -> ws.Participant | None:
    return ws.participant(get_store(db_path, seed=False), token)


@_cached("participant_content")
def participant_content(db_path: str, assessment_id: int, language: str) -> dict:
    a = get_store(db_path, seed=False).load(assessment_id)
    return {
        "measures": {m.id: (m.label(language), m.describe(language)) for m in a.measures},
        "criteria": {c.id: c for c in a.criteria},
        "profiles": [p.name for p in a.profiles],
    }


@_cached("participant_room")
def participant_room(db_path: str, code: str, round_no: int) -> pd.DataFrame:
    return ws.aggregates(get_store(db_path, seed=False), code, round_no)


@_cached("participant_distribution")
def participant_distribution(db_path: str, code: str, round_no: int) -> pd.DataFrame:
    return ws.distribution(get_store(db_path, seed=False), code, round_no)
