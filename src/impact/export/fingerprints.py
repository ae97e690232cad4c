"""Fingerprints: a SHA-256 of an assessment's content and the settings a result came from.

The same data and settings always give the same fingerprint, whether the assessment
came from the database or from a file; it names what a report or table was made from.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Mapping
from datetime import datetime
from typing import Any

from impact.model import Assessment
from impact.weighting import Weighting


def _plain(value: Any) -> Any:
    """JSON-ready, deterministic: str for enums, sorted mappings, floats as repr-able floats."""
    if isinstance(value, Mapping):
        return {str(k): _plain(v) for k, v in sorted(value.items(), key=lambda kv: str(kv[0]))}
    if isinstance(value, list | tuple):
        return [_plain(v) for v in value]
    if isinstance(value, bool) or value is None:
        return value
    if isinstance(value, int | float):
        return float(value)
    if isinstance(value, datetime):
        return value.isoformat()
    return str(value)


def assessment_payload(assessment: Assessment) -> dict[str, Any]:
    """The content of an assessment that results depend on (no ids, dates or versions)."""
    return {
        "name": assessment.name,
        "description": assessment.description,
        # what decides results; the later, optional fields only when set, so an
        # assessment without them keeps the fingerprint it had
        "criteria": [
            [c.id, str(c.pillar), c.label_nl, c.label_en, c.unit, str(c.direction),
             float(c.scale_min), float(c.scale_max), c.description, float(c.weight)]
            + ([float(c.knockout)] if c.knockout is not None else [])
            for c in assessment.criteria
        ],
        "measures": [
            [m.id, m.label_nl, m.label_en, m.description]
            + ([float(m.cost), m.cost_unit] if m.cost is not None else [])
            + ([m.exclusive_group] if m.exclusive_group else [])
            for m in assessment.measures
        ],
        "scores": [
            [s.measure_id, s.criterion_id, float(s.value), s.source or "",
             str(s.confidence) if s.confidence else ""]
            for _, s in sorted(assessment.scores.items())
        ],
        "profiles": [
            [p.name, {str(k): float(v) for k, v in p.pillar_weights.items()},
             {str(k): float(v) for k, v in p.criterion_weights.items()}]
            for p in assessment.profiles
        ],
    }


def fingerprint(assessment: Assessment, settings: Mapping[str, Any] | None = None) -> str:
    """SHA-256 (hex) of the assessment's content and the settings a result was made from.

    The same data and settings always give the same fingerprint, whether the
    assessment came from the database or from a file; the language of a report
    is presentation and is not part of it.
    """
    blob = json.dumps(
        {"data": _plain(assessment_payload(assessment)), "settings": _plain(settings or {})},
        sort_keys=True, ensure_ascii=False, separators=(",", ":"),
    )
    return hashlib.sha256(blob.encode("utf-8")).hexdigest()


def settings_payload(
    *,
    pillar_weights: Mapping[Any, float] | None = None,
    profile: Any = None,
    method: str = "wsm",
    floors: Mapping[Any, float] | None = None,
    criterion_weights: Mapping[str, float] | None = None,
    **extra: Any,
) -> dict[str, Any]:
    """The settings a result depends on, as plain data (for the fingerprint)."""
    return {
        "pillar_weights": {str(k): float(v) for k, v in (pillar_weights or {}).items()} or None,
        "profile": getattr(profile, "name", profile),
        "method": method,
        "floors": {str(k): float(v) for k, v in (floors or {}).items() if v} or None,
        "criterion_weights": dict(criterion_weights or {}) or None,
        **extra,
    }


def weighting_payload(weighting: Weighting, **extra: Any) -> dict[str, Any]:
    """`settings_payload` of a `Weighting`: the same plain data as its fields would give."""
    return settings_payload(
        pillar_weights=weighting.pillar_mapping(), profile=weighting.profile,
        method=weighting.method, floors=dict(weighting.floors),
        criterion_weights=dict(weighting.criterion_weights),
        # VIKOR's v only where it counts, so other methods' fingerprints stay as they were
        **({"vikor_v": float(weighting.vikor_v)} if weighting.method == "vikor" else {}),
        **extra,
    )
