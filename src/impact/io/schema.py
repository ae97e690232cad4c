"""The assessment file format: sheet and column names, accepted spellings, limits."""

from __future__ import annotations

from impact.model import Confidence, Direction, Pillar

JSON_FORMAT = "impactbalans-assessment"
JSON_VERSION = 1

SHEET_ORDER = ("assessment", "criteria", "measures", "profiles", "evidence")
CRITERIA_COLUMNS = (
    "id", "pillar", "label_nl", "label_en", "unit", "direction", "scale_min", "scale_max",
    "description", "weight",
)
CRITERIA_REQUIRED = ("id", "pillar", "label_nl", "direction", "scale_min", "scale_max")
MEASURE_COLUMNS = ("measure_id", "label_nl", "label_en", "description")
MEASURE_REQUIRED = ("measure_id", "label_nl")
PROFILE_COLUMNS = ("profile", "ecology", "economy", "people")
EVIDENCE_COLUMNS = ("measure_id", "criterion_id", "source", "confidence")
EVIDENCE_REQUIRED = ("measure_id", "criterion_id")
ASSESSMENT_COLUMNS = ("key", "value")
ASSESSMENT_KEYS = ("name", "description")
WEIGHT_PREFIX = "w:"
REQUIRED_SHEETS = ("criteria", "measures")
FIXED_COLUMNS = frozenset(
    CRITERIA_COLUMNS + MEASURE_COLUMNS + PROFILE_COLUMNS + EVIDENCE_COLUMNS + ASSESSMENT_COLUMNS
)

PILLAR_ALIASES = {
    "ecology": Pillar.ECOLOGY, "ecologie": Pillar.ECOLOGY, "milieu": Pillar.ECOLOGY,
    "economy": Pillar.ECONOMY, "economie": Pillar.ECONOMY,
    "people": Pillar.PEOPLE, "mens": Pillar.PEOPLE,
}
DIRECTION_ALIASES = {
    "higher_is_better": Direction.HIGHER_IS_BETTER, "max": Direction.HIGHER_IS_BETTER,
    "lower_is_better": Direction.LOWER_IS_BETTER, "min": Direction.LOWER_IS_BETTER,
}
CONFIDENCE_ALIASES = {
    "low": Confidence.LOW, "laag": Confidence.LOW,
    "medium": Confidence.MEDIUM, "gemiddeld": Confidence.MEDIUM, "middel": Confidence.MEDIUM,
    "high": Confidence.HIGH, "hoog": Confidence.HIGH,
}

MAX_UPLOAD_BYTES = 50 * 1024 * 1024  # per file inside a zip, and for a zip in total
