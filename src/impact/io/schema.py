"""The assessment file format: sheet and column names and limits (the other names a file
may use for them are in :mod:`impact.io.aliases`)."""

from __future__ import annotations

JSON_FORMAT = "impactbalans-assessment"
JSON_VERSION = 1

SHEET_ORDER = ("assessment", "criteria", "measures", "profiles", "evidence")
CRITERIA_COLUMNS = (
    "id", "pillar", "label_nl", "label_en", "unit", "direction", "scale_min", "scale_max",
    "description", "weight", "unit_en", "description_en", "knockout",
    # method settings (impact.methods): PROMETHEE's preference function and thresholds,
    # SPOTIS's expected solution point
    "pref_function", "q", "p", "s", "spotis_expected",
)
CRITERIA_REQUIRED = ("id", "pillar", "label_nl", "direction", "scale_min", "scale_max")
# The first four are reserved: no criterion may take their name. A criterion named like a
# later, optional column ("cost") keeps that column as its score column.
MEASURE_COLUMNS = ("measure_id", "label_nl", "label_en", "description", "description_en",
                   "cost", "cost_unit", "exclusive_group")
RESERVED_MEASURE_COLUMNS = MEASURE_COLUMNS[:4]
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

MAX_UPLOAD_BYTES = 50 * 1024 * 1024  # per file inside a zip, and for a zip in total

# Limits that keep a hostile or mistaken file from taking the server down; each one is
# checked while reading, before the bulk of the work, and reported with its location.
MAX_UNPACKED_BYTES = 200 * 1024 * 1024  # a workbook's parts together, once decompressed
MAX_TEXT_CHARS = 10_000  # per cell
MAX_CRITERIA = 500
MAX_MEASURES = 100_000
# data rows per sheet; criteria are bounded by their own limit
MAX_SHEET_ROWS = {"criteria": MAX_CRITERIA, "assessment": 100}
MAX_ROWS = MAX_MEASURES
# a spreadsheet row or column further out than this holds no assessment data: refused
# rather than walked (blank rows and columns in between are allowed up to this point)
MAX_ROW_NUMBER = 2 * MAX_MEASURES + 1
MAX_COLUMNS = MAX_CRITERIA + 20
MAX_WEIGHT = 1e12  # larger weights would overflow once summed and normalised
MAX_JSON_DEPTH = 32  # the format itself needs 4
MAX_NUMBER_CHARS = 100  # digits (with sign, point, exponent) of one number in JSON
MAX_ISSUES = 1_000  # issues reported of one file; the rest is summarised in one line
