"""Assessment files: import and export with validation.

Three formats hold the same content:

* **Workbook** (``.xlsx``/``.xlsm``) with the sheets below, or a **folder of CSV files**
  named after the sheets (``criteria.csv``, ``measures.csv``, ...), or a ``.zip`` of such
  CSV files (for uploads). Sheet and fixed column names are matched case-insensitively;
  other sheets/files are ignored.

  - ``assessment`` (optional): rows ``key, value`` with keys ``name`` and ``description``.
    Without it the name is the file or folder name.
  - ``criteria`` (required): ``id, pillar, label_nl, label_en, unit, direction, scale_min,
    scale_max, description`` and optional ``weight`` (weight within its pillar; equal when
    the column is absent). Required: ``id, pillar, label_nl, direction, scale_min,
    scale_max``. ``pillar`` is ``ecology|economy|people`` (Dutch ``ecologie``/``milieu``,
    ``economie``, ``mens`` are accepted too), ``direction`` is
    ``higher_is_better|lower_is_better`` (``max``/``min`` accepted).
  - ``measures`` (required): ``measure_id, label_nl, label_en, description``, then one
    column per criterion id with the score (a number on the criterion's scale).
  - ``profiles`` (optional): ``profile, ecology, economy, people`` — pillar weights on any
    non-negative scale (40/30/30 or 0.4/0.3/0.3) — plus optional columns ``w:<criterion id>``
    holding a profile's own criterion weight (an empty cell keeps the criterion's weight).
  - ``evidence`` (optional): ``measure_id, criterion_id, source, confidence
    (low|medium|high)``; ``laag/gemiddeld/hoog`` are accepted too.

  Any other column is an error (a score column that is not a criterion usually means a
  typo in an id; we rather say so than silently drop data). CSV files are read as UTF-8
  (with or without BOM; Windows-1252 as a fallback), with ``,`` or ``;`` as separator, and a
  decimal comma is accepted in numbers. Numbers written by Excel as text are accepted.

* **JSON**, one object::

      {
        "format": "impactbalans-assessment", "version": 1,
        "name": "...", "description": "...",
        "criteria": [{"id": "eco_n", "pillar": "ecology", "label_nl": "...", "label_en": "...",
                      "unit": "...", "direction": "higher_is_better", "scale_min": 0,
                      "scale_max": 100, "description": "...", "weight": 1}],
        "measures": [{"id": "M01", "label_nl": "...", "label_en": "...", "description": "..."}],
        "scores": {"M01": {"eco_n": 35, "eco_bio": 2}},
        "profiles": [{"name": "Provincie", "ecology": 40, "economy": 30, "people": 30,
                      "criterion_weights": {"eco_n": 2}}],
        "evidence": [{"measure_id": "M01", "criterion_id": "eco_n", "source": "...",
                      "confidence": "medium"}]
      }

  ``criteria``, ``measures`` and ``scores`` are required; the rest is optional. JSON errors
  name the part, the item number (1 = first) and the field.

Validation reads the whole file and collects *all* errors before anything is built
(:class:`AssessmentValidationError` carries them as :class:`ValidationIssue` values, each
naming sheet, row and column, with messages in Dutch and English). Row numbers are the
ones a spreadsheet shows: the header is row 1, the first data row is row 2.

Formula injection: :func:`neutralise_cell` prefixes an apostrophe to text that a
spreadsheet would run as a formula (starting with ``= + - @``, tab or CR, also after
apostrophes). CSV export applies it to every text cell; ``.xlsx`` export writes such text as
explicit, quote-prefixed string cells. Import removes exactly one leading apostrophe before
such a character, so export → import gives back the same text.
"""

from __future__ import annotations

import csv
import io as _io
import json
import math
import re
import zipfile
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, time
from pathlib import Path
from typing import Any

from impact.i18n import DEFAULT_LANGUAGE, t
from impact.model import (
    PILLARS,
    Assessment,
    Confidence,
    Criterion,
    Direction,
    Measure,
    Pillar,
    Score,
    WeightProfile,
)

__all__ = [
    "AssessmentValidationError",
    "ValidationIssue",
    "assessment_to_csv_zip_bytes",
    "assessment_to_json",
    "assessment_to_xlsx_bytes",
    "neutralise_cell",
    "read_assessment",
    "read_assessment_bytes",
    "validate_assessment",
    "write_assessment",
]

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
_FIXED_COLUMNS = frozenset(
    CRITERIA_COLUMNS + MEASURE_COLUMNS + PROFILE_COLUMNS + EVIDENCE_COLUMNS + ASSESSMENT_COLUMNS
)

_PILLAR_ALIASES = {
    "ecology": Pillar.ECOLOGY, "ecologie": Pillar.ECOLOGY, "milieu": Pillar.ECOLOGY,
    "economy": Pillar.ECONOMY, "economie": Pillar.ECONOMY,
    "people": Pillar.PEOPLE, "mens": Pillar.PEOPLE,
}
_DIRECTION_ALIASES = {
    "higher_is_better": Direction.HIGHER_IS_BETTER, "max": Direction.HIGHER_IS_BETTER,
    "lower_is_better": Direction.LOWER_IS_BETTER, "min": Direction.LOWER_IS_BETTER,
}
_CONFIDENCE_ALIASES = {
    "low": Confidence.LOW, "laag": Confidence.LOW,
    "medium": Confidence.MEDIUM, "gemiddeld": Confidence.MEDIUM, "middel": Confidence.MEDIUM,
    "high": Confidence.HIGH, "hoog": Confidence.HIGH,
}

_MAX_UPLOAD_BYTES = 50 * 1024 * 1024  # per file inside a zip, and for a zip in total


# --- formula injection ----------------------------------------------------------------

_FORMULA_STARTS = frozenset("=+-@\t\r")


def _looks_like_formula(text: str) -> bool:
    """True when `text`, after any leading apostrophes, starts like a formula."""
    rest = text.lstrip("'")
    return bool(rest) and rest[0] in _FORMULA_STARTS


def neutralise_cell(value: Any) -> Any:
    """Guard a cell against spreadsheet formula injection.

    Text starting with ``= + - @``, tab or CR gets a leading apostrophe, so a spreadsheet
    shows it as text instead of running it. Text that already starts with apostrophes
    followed by such a character gets one more, which keeps the rule reversible: import
    strips exactly one apostrophe before such a character. Other values pass unchanged.
    """
    if isinstance(value, str) and _looks_like_formula(value):
        return "'" + value
    return value


def _unneutralise(text: str) -> str:
    """The inverse of :func:`neutralise_cell` for text read from a CSV or workbook cell."""
    if text.startswith("'") and _looks_like_formula(text):
        return text[1:]
    return text


# --- issues ---------------------------------------------------------------------------

@dataclass(frozen=True)
class ValidationIssue:
    """One problem in an assessment file, located as a spreadsheet user sees it.

    `sheet` is the sheet (or CSV file stem, or JSON part); empty for a problem with the
    file as a whole. `row` is the spreadsheet row (header = 1) or, in JSON, the item number
    (first = 1); `column` the column name (or JSON field). `key` is an i18n key (`io.*`)
    and `params` its parameters.
    """

    sheet: str
    row: int | None
    column: str | None
    key: str
    params: dict = field(default_factory=dict, hash=False)
    kind: str = "table"  # "table" (workbook/CSV) or "json": only changes the wording

    def location(self, lang: str = DEFAULT_LANGUAGE) -> str:
        if not self.sheet:
            return ""
        prefix = "io.loc.json" if self.kind == "json" else "io.loc"
        column = self.column
        if column is not None and self.kind == "json" and column.startswith(WEIGHT_PREFIX):
            column = f"criterion_weights.{column[len(WEIGHT_PREFIX):]}"
        parts = [t(f"{prefix}.sheet", lang, sheet=self.sheet)]
        if self.row is not None:
            parts.append(t(f"{prefix}.row", lang, row=self.row))
        if column is not None:
            parts.append(t(f"{prefix}.column", lang, column=column))
        return ", ".join(parts)

    def message(self, lang: str = DEFAULT_LANGUAGE) -> str:
        params = {k: _display(k, v) for k, v in self.params.items()}
        text = t(self.key, lang, **params)
        where = self.location(lang)
        return f"{where}: {text}" if where else text


def _display(name: str, value: Any) -> str:
    if isinstance(value, bool):
        return str(value)
    if isinstance(value, int | float):
        return _fmt_number(float(value)).replace("-", "\u2212")
    text = str(value)
    if name == "value" and len(text) > 60:
        text = text[:57] + "…"
    return text


class AssessmentValidationError(Exception):
    """An assessment file with one or more problems; nothing was imported."""

    def __init__(self, errors: Iterable[ValidationIssue], lang: str = DEFAULT_LANGUAGE):
        self.errors: list[ValidationIssue] = list(errors)
        super().__init__(self.format(lang))

    def format(self, lang: str = DEFAULT_LANGUAGE) -> str:
        """All errors, one per line, in `lang`."""
        return "\n".join(issue.message(lang) for issue in self.errors)


# --- raw tables -------------------------------------------------------------------------

@dataclass
class _Row:
    number: int
    cells: dict[str, Any]


@dataclass
class _Table:
    name: str
    columns: list[str]
    rows: list[_Row]
    header_row: int = 1
    kind: str = "table"
    score_sheet: str | None = None  # JSON: score cells are reported under "scores"


class _Collector:
    def __init__(self, kind: str = "table"):
        self.kind = kind
        self.issues: list[ValidationIssue] = []

    def add(self, sheet: str, row: int | None, column: str | None, key: str, **params: Any):
        self.issues.append(ValidationIssue(sheet, row, column, key, dict(params), self.kind))


def _column_letter(index: int) -> str:
    letters = ""
    index += 1
    while index:
        index, rem = divmod(index - 1, 26)
        letters = chr(65 + rem) + letters
    return letters


def _is_empty(value: Any) -> bool:
    return value is None or (isinstance(value, str) and value.strip() == "")


def _table_from_records(
    name: str, records: Iterable[tuple[int, Sequence[Any]]], out: _Collector
) -> _Table | None:
    """Header = the first non-empty record; later non-empty records are data rows."""
    header: list[str] | None = None
    header_row = 1
    keep: list[int] = []
    rows: list[_Row] = []
    flagged: set[int] = set()
    for number, values in records:
        if all(_is_empty(v) for v in values):
            continue
        if header is None:
            header_row = number
            header = [_header_text(v) for v in values]
            seen: set[str] = set()
            for i, col in enumerate(header):
                if not col:
                    continue
                # fixed column names match case-insensitively, criterion ids exactly
                canon = col.lower() if col.lower() in _FIXED_COLUMNS else col
                if canon in seen:
                    out.add(name, header_row, col, "io.duplicate_column")
                    continue
                seen.add(canon)
                keep.append(i)
            continue
        cells: dict[str, Any] = {}
        for i, value in enumerate(values):
            if i in keep:
                cells[header[i]] = value
            elif not _is_empty(value) and (i >= len(header) or not header[i]):
                if i not in flagged:
                    flagged.add(i)
                    out.add(name, number, _column_letter(i), "io.unnamed_column")
        rows.append(_Row(number, cells))
    if header is None:
        return None
    return _Table(name, [header[i] for i in keep], rows, header_row)


def _header_text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return _unneutralise(str(value)).strip()


def _decode_text(data: bytes) -> str:
    for encoding in ("utf-8-sig", "cp1252"):
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    return data.decode("latin-1")


def _read_csv(name: str, data: bytes, out: _Collector, shown: str) -> _Table | None:
    text = _decode_text(data)
    first = text.split("\n", 1)[0]
    delimiter = ";" if first.count(";") > first.count(",") else ","
    try:
        reader = csv.reader(_io.StringIO(text, newline=""), delimiter=delimiter)
        records = [
            (number, [None if v == "" else _unneutralise(v) for v in values])
            for number, values in enumerate(reader, start=1)
        ]
    except csv.Error as exc:
        out.add("", None, None, "io.unreadable_csv", path=shown, detail=str(exc))
        return None
    table = _table_from_records(name, records, out)
    if table is None and name in REQUIRED_SHEETS:
        out.add(name, None, None, "io.empty_sheet")
    return table


def _tables_from_csv_files(
    files: dict[str, tuple[bytes, str]], out: _Collector
) -> dict[str, _Table]:
    """`files` maps a lower-case stem to (bytes, shown name)."""
    tables: dict[str, _Table] = {}
    for sheet in SHEET_ORDER:
        if sheet in files:
            data, shown = files[sheet]
            table = _read_csv(sheet, data, out, shown)
            if table is not None:
                tables[sheet] = table
    return tables


def _read_csv_folder(folder: Path, out: _Collector) -> dict[str, _Table]:
    files: dict[str, tuple[bytes, str]] = {}
    for path in sorted(folder.iterdir()):
        if path.is_file() and path.suffix.lower() == ".csv":
            stem = path.stem.strip().lower()
            if stem in SHEET_ORDER and stem not in files:
                try:
                    files[stem] = (path.read_bytes(), str(path))
                except OSError as exc:
                    out.add("", None, None, "io.unreadable_file", path=str(path),
                            detail=exc.strerror or str(exc))
    return _tables_from_csv_files(files, out)


def _read_csv_zip(data: bytes, shown: str, out: _Collector) -> dict[str, _Table]:
    try:
        archive = zipfile.ZipFile(_io.BytesIO(data))
        files: dict[str, tuple[bytes, str]] = {}
        total = 0
        for info in archive.infolist():
            member = info.filename.replace("\\", "/")
            base = member.rsplit("/", 1)[-1]
            if info.is_dir() or member.startswith("__MACOSX/") or base.startswith("."):
                continue
            if not base.lower().endswith(".csv"):
                continue
            stem = base[:-4].strip().lower()
            if stem not in SHEET_ORDER or stem in files:
                continue
            total += info.file_size
            if info.file_size > _MAX_UPLOAD_BYTES or total > _MAX_UPLOAD_BYTES:
                out.add("", None, None, "io.too_large", path=shown)
                return {}
            files[stem] = (archive.read(info), f"{shown}/{member}")
    except (zipfile.BadZipFile, OSError, RuntimeError, NotImplementedError, EOFError):
        out.add("", None, None, "io.unreadable_zip", path=shown)
        return {}
    return _tables_from_csv_files(files, out)


def _read_xlsx(source: Path | bytes, shown: str, out: _Collector) -> dict[str, _Table]:
    from openpyxl import load_workbook

    try:
        handle = _io.BytesIO(source) if isinstance(source, bytes) else source
        workbook = load_workbook(handle, data_only=True)
    except Exception:  # noqa: BLE001 - any failure here means: not a readable workbook
        out.add("", None, None, "io.unreadable_xlsx", path=shown)
        return {}
    by_name = {ws.title.strip().lower(): ws for ws in reversed(workbook.worksheets)}
    tables: dict[str, _Table] = {}
    for sheet in SHEET_ORDER:
        ws = by_name.get(sheet)
        if ws is None:
            continue
        records = (
            (row[0].row, [_xlsx_cell_value(c.value) for c in row])
            for row in ws.iter_rows()
            if row
        )
        table = _table_from_records(sheet, records, out)
        if table is None:
            if sheet in REQUIRED_SHEETS:
                out.add(sheet, None, None, "io.empty_sheet")
        else:
            tables[sheet] = table
    workbook.close()
    return tables


def _xlsx_cell_value(value: Any) -> Any:
    if isinstance(value, str):
        return None if value == "" else _unneutralise(value)
    return value


# --- JSON -> tables ---------------------------------------------------------------------

def _tables_from_json(
    text: str, shown: str, out: _Collector
) -> tuple[dict[str, _Table], dict[str, Any]]:
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        out.add("", None, None, "io.unreadable_json", path=shown, line=exc.lineno,
                detail=exc.msg)
        return {}, {}
    if not isinstance(data, dict):
        out.add("", None, None, "io.json_not_object", path=shown)
        return {}, {}
    known = {"format", "version", "name", "description", "criteria", "measures", "scores",
             "profiles", "evidence"}
    for key in data:
        if key not in known:
            out.add(str(key), None, None, "io.json_unknown_part")
    head = {k: data[k] for k in ("name", "description") if k in data}

    def records(part: str, required: bool) -> list[tuple[int, dict]] | None:
        if part not in data:
            if required:
                out.add(part, None, None, "io.missing_sheet")
            return None
        value = data[part]
        if not isinstance(value, list):
            out.add(part, None, None, "io.json_expected_list")
            return None
        items = []
        for i, item in enumerate(value, start=1):
            if isinstance(item, dict):
                items.append((i, item))
            else:
                out.add(part, i, None, "io.json_expected_object")
        return items

    def table(part: str, items: list[tuple[int, dict]], rename: dict[str, str]) -> _Table:
        columns: list[str] = []
        rows = []
        for number, item in items:
            cells = {rename.get(str(k), str(k)): v for k, v in item.items()}
            for col in cells:
                if col not in columns:
                    columns.append(col)
            rows.append(_Row(number, cells))
        return _Table(part, columns, rows, header_row=0, kind="json")

    tables: dict[str, _Table] = {}
    crit_items = records("criteria", True)
    if crit_items is not None:
        tables["criteria"] = table("criteria", crit_items, {})
    meas_items = records("measures", True)
    scores = data.get("scores")
    if "scores" not in data:
        out.add("scores", None, None, "io.missing_sheet")
        scores = {}
    elif not isinstance(scores, dict):
        out.add("scores", None, None, "io.json_expected_object")
        scores = {}
    if meas_items is not None:
        measures = table("measures", meas_items, {"id": "measure_id"})
        criterion_ids = [
            str(item.get("id")).strip() for _, item in (crit_items or []) if item.get("id")
        ]
        score_columns = list(dict.fromkeys(criterion_ids))
        measure_ids = set()
        for row in measures.rows:
            mid = row.cells.get("measure_id")
            mid = str(mid).strip() if mid is not None else ""
            measure_ids.add(mid)
            given = scores.get(mid, {})
            if not isinstance(given, dict):
                out.add("scores", row.number, None, "io.json_expected_object")
                given = {}
            for cid, value in given.items():
                cid = str(cid)
                if cid not in score_columns:
                    score_columns.append(cid)
                row.cells[cid] = value
        for mid in scores:
            if str(mid).strip() not in measure_ids:
                out.add("scores", None, str(mid), "io.json_unknown_measure", id=str(mid))
        measures.columns = [c for c in measures.columns if c not in score_columns]
        measures.columns += score_columns
        measures.score_sheet = "scores"
        tables["measures"] = measures
    prof_items = records("profiles", False)
    if prof_items is not None:
        for number, item in prof_items:
            weights = item.pop("criterion_weights", None)
            if weights is None:
                continue
            if not isinstance(weights, dict):
                out.add("profiles", number, "criterion_weights", "io.json_expected_object")
                continue
            for cid, w in weights.items():
                item[f"{WEIGHT_PREFIX}{cid}"] = w
        tables["profiles"] = table("profiles", prof_items, {"name": "profile"})
    ev_items = records("evidence", False)
    if ev_items is not None:
        tables["evidence"] = table("evidence", ev_items, {})
    return tables, head


# --- cell values ------------------------------------------------------------------------

class _Bad:
    """A cell value that could not be read as asked."""


_BAD = _Bad()
_EMPTY = object()
_NUMBER = re.compile(r"[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?")
_DECIMAL_COMMA = re.compile(r"[+-]?\d+,\d+")


def _fmt_number(x: float) -> str:
    if math.isfinite(x) and x.is_integer() and abs(x) < 1e16:
        return str(int(x))
    return repr(x)


def _text(value: Any) -> str | _Bad:
    """A text cell as a string ('' when empty); numbers become their compact text."""
    if value is None:
        return ""
    if isinstance(value, str):
        return value
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        return _fmt_number(value)
    if isinstance(value, datetime | date | time):
        return value.isoformat()
    return _BAD


def _number(value: Any) -> float | _Bad | object:
    """A numeric cell: a finite float, _EMPTY, or _BAD."""
    if value is None:
        return _EMPTY
    if isinstance(value, bool):
        return _BAD
    if isinstance(value, int | float):
        number = float(value)
        return number if math.isfinite(number) else _BAD
    if isinstance(value, str):
        text = value.strip().replace("\u2212", "-").replace("\u00a0", "").replace(" ", "")
        if not text:
            return _EMPTY
        if _DECIMAL_COMMA.fullmatch(text):
            text = text.replace(",", ".")
        if not _NUMBER.fullmatch(text):
            return _BAD
        number = float(text)
        return number if math.isfinite(number) else _BAD
    return _BAD


def _value_param(value: Any) -> str:
    text = _text(value)
    return text if isinstance(text, str) else json.dumps(value, ensure_ascii=False)[:60]


# --- validation and building -------------------------------------------------------------

@dataclass
class _CriterionRow:
    row: int
    id: str
    pillar: Pillar | None
    scale: tuple[float, float] | None
    weight: float | None
    fields: dict[str, Any]


class _Builder:
    def __init__(self, tables: dict[str, _Table], out: _Collector, allow_missing: bool):
        self.tables = tables
        self.out = out
        self.allow_missing = allow_missing
        self.criteria: list[_CriterionRow] = []
        self.criterion_ids_seen: set[str] = set()  # every id in the sheet, valid row or not
        self.crit_by_id: dict[str, _CriterionRow] = {}
        self.measures: list[Measure] = []
        self.measure_ids: dict[str, int] = {}
        self.empty_cells: set[tuple[str, str]] = set()
        self.scores: dict[tuple[str, str], float] = {}
        self.profiles: list[WeightProfile] = []
        self.evidence: dict[tuple[str, str], tuple[str | None, Confidence | None]] = {}

    # helpers
    def add(self, sheet: str, row: int | None, column: str | None, key: str, **params: Any):
        self.out.add(sheet, row, column, key, **params)

    def columns(self, table: _Table, allowed: Sequence[str], required: Sequence[str],
                extra_ok=None) -> dict[str, str]:
        """Map canonical column name -> column as written; report missing/unknown ones."""
        found: dict[str, str] = {}
        for col in table.columns:
            canon = col.strip().lower()
            if canon in allowed:
                found[canon] = col
            elif extra_ok is None or not extra_ok(col):
                self.add(table.name, table.header_row or None, col, "io.unknown_column",
                         allowed=", ".join(allowed))
        for col in required:
            if col not in found:
                self.add(table.name, table.header_row or None, col, "io.missing_column")
        return found

    def text(self, table: _Table, row: _Row, column: str | None) -> str | None:
        if column is None:
            return ""
        value = _text(row.cells.get(column))
        if isinstance(value, _Bad):
            self.add(table.name, row.number, column, "io.json_expected_text")
            return None
        return value

    def ident(self, table: _Table, row: _Row, column: str | None) -> str | None:
        value = self.text(table, row, column)
        return value.strip() if value is not None else None

    def number(self, sheet: str, row: _Row, column: str, *, empty_key: str = "io.empty_number",
               **params: Any) -> float | None:
        raw = row.cells.get(column)
        value = _number(raw)
        if value is _EMPTY:
            if empty_key:
                self.add(sheet, row.number, column, empty_key, **params)
            return None
        if isinstance(value, _Bad):
            self.add(sheet, row.number, column, "io.not_a_number", value=_value_param(raw))
            return None
        return value  # type: ignore[return-value]

    def choice(self, table: _Table, row: _Row, column: str | None, aliases: dict[str, Any],
               key: str, *, optional: bool = False):
        if column is None:
            return None
        raw = self.ident(table, row, column)
        if raw is None:
            return None
        if raw == "":
            if not optional:
                self.add(table.name, row.number, column, "io.empty_value")
            return None
        value = aliases.get(raw.lower())
        if value is None:
            self.add(table.name, row.number, column, key, value=raw)
        return value

    def require(self, name: str) -> _Table | None:
        table = self.tables.get(name)
        if table is None:
            if not any(i.sheet == name and i.key == "io.empty_sheet" for i in self.out.issues):
                self.add(name, None, None, "io.missing_sheet")
            return None
        if not table.rows:
            self.add(name, None, None, "io.no_rows")
        return table

    def check_id(self, table: _Table, row: _Row, column: str, value: str | None,
                 seen: dict[str, int]) -> bool:
        if value is None:
            return False
        if value == "":
            self.add(table.name, row.number, column, "io.missing_id")
            return False
        if value in seen:
            self.add(table.name, row.number, column, "io.duplicate_id", id=value,
                     first_row=seen[value])
            return False
        seen[value] = row.number
        return True

    # sheets
    def read_head(self, default_name: str) -> tuple[str, str]:
        table = self.tables.get("assessment")
        if table is None:
            return default_name, ""
        cols = self.columns(table, ASSESSMENT_COLUMNS, ASSESSMENT_COLUMNS)
        values: dict[str, str] = {}
        seen: dict[str, int] = {}
        for row in table.rows:
            key = self.ident(table, row, cols.get("key"))
            if key is None or "key" not in cols:
                continue
            key = key.lower()
            if key not in ASSESSMENT_KEYS:
                self.add(table.name, row.number, cols["key"], "io.unknown_key", value=key)
                continue
            if key in seen:
                self.add(table.name, row.number, cols["key"], "io.duplicate_key", value=key,
                         first_row=seen[key])
                continue
            seen[key] = row.number
            value = self.text(table, row, cols.get("value")) if "value" in cols else ""
            if value is None:
                continue
            if key == "name" and not value.strip():
                self.add(table.name, row.number, cols.get("value", "value"), "io.empty_name")
            values[key] = value
        return values.get("name", default_name), values.get("description", "")

    def read_criteria(self) -> None:
        table = self.require("criteria")
        if table is None:
            return
        cols = self.columns(table, CRITERIA_COLUMNS, CRITERIA_REQUIRED)
        seen: dict[str, int] = {}
        weight_col = cols.get("weight")
        if weight_col and all(_number(r.cells.get(weight_col)) is _EMPTY for r in table.rows):
            weight_col = None  # an empty weight column means: equal weights
        reserved = {c.lower() for c in MEASURE_COLUMNS}
        for row in table.rows:
            ok = True
            cid = self.ident(table, row, cols.get("id")) if "id" in cols else None
            if cid:
                self.criterion_ids_seen.add(cid)
            if "id" in cols:
                ok &= self.check_id(table, row, cols["id"], cid, seen)
                if ok and cid.lower() in reserved:
                    self.add(table.name, row.number, cols["id"], "io.reserved_id", id=cid)
                    ok = False
            pillar = self.choice(table, row, cols.get("pillar"), _PILLAR_ALIASES,
                                 "io.unknown_pillar")
            direction = self.choice(table, row, cols.get("direction"), _DIRECTION_ALIASES,
                                    "io.unknown_direction")
            label_nl = self.text(table, row, cols.get("label_nl"))
            if "label_nl" in cols and label_nl is not None and not label_nl.strip():
                self.add(table.name, row.number, cols["label_nl"], "io.empty_label")
                ok = False
            fields = {
                name: self.text(table, row, cols.get(name))
                for name in ("label_en", "unit", "description")
            }
            lo = self.number(table.name, row, cols["scale_min"]) if "scale_min" in cols else None
            hi = self.number(table.name, row, cols["scale_max"]) if "scale_max" in cols else None
            scale = None
            if lo is not None and hi is not None:
                if lo >= hi:
                    self.add(table.name, row.number, cols["scale_min"], "io.bad_scale",
                             lo=lo, hi=hi)
                else:
                    scale = (lo, hi)
            weight: float | None = 1.0
            if weight_col:
                weight = self.number(table.name, row, weight_col)
                if weight is not None and weight < 0:
                    self.add(table.name, row.number, weight_col, "io.negative_weight",
                             value=weight)
                    weight = None
            ok &= all(v is not None for v in (pillar, direction, label_nl, scale, weight))
            ok &= all(v is not None for v in fields.values())
            entry = _CriterionRow(row.number, cid or "", pillar, scale, weight, {
                "direction": direction, "label_nl": label_nl, **fields,
            })
            if ok:
                self.criteria.append(entry)
                self.crit_by_id[entry.id] = entry
            elif cid and cid not in self.crit_by_id and entry.scale is not None:
                # keep the scale to check scores against it; not built
                self.crit_by_id.setdefault(cid, entry)
        if weight_col:
            for pillar in PILLARS:
                rows = [c for c in self.criteria if c.pillar == pillar]
                if rows and all(c.weight == 0 for c in rows):
                    self.add(table.name, rows[0].row, weight_col, "io.zero_weights_pillar",
                             pillar=str(pillar), rows=", ".join(str(c.row) for c in rows))

    def read_measures(self) -> None:
        table = self.require("measures")
        if table is None:
            return
        sheet_scores = table.score_sheet or table.name
        fixed = {c.lower() for c in MEASURE_COLUMNS}
        cols = self.columns(table, MEASURE_COLUMNS, MEASURE_REQUIRED,
                            extra_ok=lambda c: True)
        score_cols = [c for c in table.columns if c.strip().lower() not in fixed]
        for col in score_cols:
            if "criteria" in self.tables and col not in self.criterion_ids_seen:
                self.add(sheet_scores, table.header_row or None, col, "io.unknown_score_column",
                         id=col)
        if table.kind != "json" and "criteria" in self.tables:
            present = set(score_cols)
            for crit in self.criteria:
                if crit.id not in present:
                    self.add(table.name, table.header_row, crit.id,
                             "io.criterion_without_column",
                             id=crit.id, criteria_row=crit.row)
        known_scores = [c for c in score_cols if c in self.crit_by_id]
        for row in table.rows:
            ok = True
            mid = self.ident(table, row, cols.get("measure_id")) if "measure_id" in cols else None
            if "measure_id" in cols:
                ok &= self.check_id(table, row, cols["measure_id"], mid, self.measure_ids)
            label_nl = self.text(table, row, cols.get("label_nl"))
            if "label_nl" in cols and label_nl is not None and not label_nl.strip():
                self.add(table.name, row.number, cols["label_nl"], "io.empty_label")
                ok = False
            label_en = self.text(table, row, cols.get("label_en"))
            description = self.text(table, row, cols.get("description"))
            values: dict[str, float] = {}
            for cid in known_scores:
                lo, hi = self.crit_by_id[cid].scale  # type: ignore[misc]
                value = self.number(
                    sheet_scores, row, cid,
                    empty_key="" if self.allow_missing else "io.empty_score", lo=lo, hi=hi,
                )
                if value is None:
                    if mid and _number(row.cells.get(cid)) is _EMPTY:
                        self.empty_cells.add((mid, cid))
                    continue
                if not lo <= value <= hi:
                    self.add(sheet_scores, row.number, cid, "io.score_out_of_scale",
                             value=value, lo=lo, hi=hi)
                    continue
                values[cid] = value
            if ok and None not in (label_nl, label_en, description):
                self.measures.append(Measure(mid, label_nl, label_en, description))
                for cid, value in values.items():
                    self.scores[(mid, cid)] = value

    def read_profiles(self) -> None:
        table = self.tables.get("profiles")
        if table is None:
            return

        def is_weight_column(col: str) -> bool:
            return col.strip().lower().startswith(WEIGHT_PREFIX)

        cols = self.columns(table, PROFILE_COLUMNS, PROFILE_COLUMNS, extra_ok=is_weight_column)
        weight_cols: dict[str, str] = {}
        for col in table.columns:
            if is_weight_column(col):
                cid = col.strip()[len(WEIGHT_PREFIX):].strip()
                if "criteria" in self.tables and cid not in self.criterion_ids_seen:
                    self.add(table.name, table.header_row or None, col,
                             "io.unknown_weight_column", id=cid)
                elif cid in weight_cols.values():
                    self.add(table.name, table.header_row or None, col, "io.duplicate_column")
                else:
                    weight_cols[col] = cid
        seen: dict[str, int] = {}
        for row in table.rows:
            ok = True
            name = self.ident(table, row, cols.get("profile")) if "profile" in cols else None
            if name is not None and "profile" in cols:
                if name == "":
                    self.add(table.name, row.number, cols["profile"], "io.missing_profile_name")
                    ok = False
                elif name in seen:
                    self.add(table.name, row.number, cols["profile"], "io.duplicate_profile",
                             name=name, first_row=seen[name])
                    ok = False
                else:
                    seen[name] = row.number
            pillar_weights: dict[Pillar, float] = {}
            for pillar in PILLARS:
                col = cols.get(str(pillar))
                if col is None:
                    ok = False
                    continue
                value = self.number(table.name, row, col)
                if value is None:
                    ok = False
                elif value < 0:
                    self.add(table.name, row.number, col, "io.negative_weight", value=value)
                    ok = False
                else:
                    pillar_weights[pillar] = value
            if len(pillar_weights) == len(PILLARS) and sum(pillar_weights.values()) == 0:
                self.add(table.name, row.number,
                         ", ".join(cols[str(p)] for p in PILLARS), "io.zero_profile_weights")
                ok = False
            overrides: dict[str, float] = {}
            for col, cid in weight_cols.items():
                value = self.number(table.name, row, col, empty_key="")
                if value is None:
                    if _number(row.cells.get(col)) is not _EMPTY:
                        ok = False
                elif value < 0:
                    self.add(table.name, row.number, col, "io.negative_weight", value=value)
                    ok = False
                else:
                    overrides[cid] = value
            if ok and len(pillar_weights) == len(PILLARS):
                for pillar in PILLARS:
                    crits = [c for c in self.criteria if c.pillar == pillar]
                    if pillar_weights[pillar] > 0 and crits and all(
                        overrides.get(c.id, c.weight) == 0 for c in crits
                    ):
                        col = next(
                            (k for k, v in weight_cols.items() if v in {c.id for c in crits}),
                            str(pillar),
                        )
                        self.add(table.name, row.number, col, "io.profile_zero_within",
                                 pillar=str(pillar))
                        ok = False
            if ok and name:
                self.profiles.append(WeightProfile(name, pillar_weights, overrides))

    def read_evidence(self) -> None:
        table = self.tables.get("evidence")
        if table is None:
            return
        cols = self.columns(table, EVIDENCE_COLUMNS, EVIDENCE_REQUIRED)
        seen: dict[tuple[str, str], int] = {}
        for row in table.rows:
            ok = True
            mid = self.ident(table, row, cols.get("measure_id")) if "measure_id" in cols else None
            cid = self.ident(table, row, cols.get("criterion_id")) if "criterion_id" in cols \
                else None
            for col, value, known, key, sheet in (
                ("measure_id", mid, self.measure_ids, "io.unknown_measure", "measures"),
                ("criterion_id", cid, self.criterion_ids_seen, "io.unknown_criterion",
                 "criteria"),
            ):
                if value is None:
                    ok = False
                elif value == "":
                    self.add(table.name, row.number, cols[col], "io.missing_id")
                    ok = False
                elif value not in known:
                    if sheet in self.tables:  # a missing sheet is reported once, not per row
                        self.add(table.name, row.number, cols[col], key, id=value)
                    ok = False
            source = self.text(table, row, cols.get("source"))
            confidence = self.choice(table, row, cols.get("confidence"), _CONFIDENCE_ALIASES,
                                     "io.bad_confidence", optional=True)
            if cols.get("confidence") and confidence is None and not _is_empty(
                row.cells.get(cols["confidence"])
            ):
                ok = False
            if source is None:
                ok = False
            if not ok:
                continue
            if (mid, cid) in seen:
                self.add(table.name, row.number, cols["measure_id"], "io.duplicate_evidence",
                         measure=mid, criterion=cid, first_row=seen[(mid, cid)])
                continue
            seen[(mid, cid)] = row.number
            if (mid, cid) in self.empty_cells:
                # only possible with allow_missing_scores: evidence for an empty score cell
                self.add(table.name, row.number, cols["criterion_id"],
                         "io.evidence_without_score", measure=mid, criterion=cid)
                continue
            self.evidence[(mid, cid)] = (source or None, confidence)

    def build(self, name: str, description: str) -> Assessment:
        criteria = [
            Criterion(
                id=c.id, pillar=c.pillar, label_nl=c.fields["label_nl"],
                label_en=c.fields["label_en"], unit=c.fields["unit"],
                direction=c.fields["direction"], scale_min=c.scale[0], scale_max=c.scale[1],
                description=c.fields["description"], weight=c.weight,
            )
            for c in self.criteria
        ]
        scores = {}
        for (mid, cid), value in self.scores.items():
            source, confidence = self.evidence.get((mid, cid), (None, None))
            scores[(mid, cid)] = Score(mid, cid, value, source, confidence)
        return Assessment(
            name=name, description=description, criteria=criteria, measures=self.measures,
            scores=scores, profiles=self.profiles,
        )


def _assemble(
    tables: dict[str, _Table], out: _Collector, default_name: str, head: dict[str, Any],
    allow_missing: bool,
) -> Assessment | None:
    builder = _Builder(tables, out, allow_missing)
    if out.kind == "json":
        name = _text(head.get("name", default_name))
        description = _text(head.get("description", ""))
        if isinstance(name, _Bad):
            out.add("name", None, None, "io.json_expected_text")
        elif not name.strip():
            out.add("name", None, None, "io.empty_name")
        if isinstance(description, _Bad):
            out.add("description", None, None, "io.json_expected_text")
    else:
        name, description = builder.read_head(default_name)
    builder.read_criteria()
    builder.read_measures()
    builder.read_profiles()
    builder.read_evidence()
    if out.issues:
        return None
    return builder.build(name, description)  # type: ignore[arg-type]


# --- public reading API ------------------------------------------------------------------

def _read(
    source: Path | bytes, suffix: str, shown: str, stem: str, *, is_dir: bool,
    allow_missing: bool,
) -> tuple[Assessment | None, list[ValidationIssue]]:
    suffix = suffix.lower()
    head: dict[str, Any] = {}
    if suffix == ".json" and not is_dir:
        out = _Collector("json")
        data = source if isinstance(source, bytes) else source.read_bytes()
        tables, head = _tables_from_json(_decode_text(data), shown, out)
        if out.issues and not tables:
            return None, out.issues
    else:
        out = _Collector()
        if is_dir:
            tables = _read_csv_folder(source, out)  # type: ignore[arg-type]
        elif suffix in (".xlsx", ".xlsm"):
            tables = _read_xlsx(source, shown, out)
        elif suffix == ".zip":
            data = source if isinstance(source, bytes) else source.read_bytes()
            tables = _read_csv_zip(data, shown, out)
        elif suffix == ".xls":
            out.add("", None, None, "io.xls_not_supported", path=shown)
            return None, out.issues
        elif suffix == ".csv":
            out.add("", None, None, "io.single_csv", path=shown)
            return None, out.issues
        else:
            out.add("", None, None, "io.unsupported_type", path=shown, suffix=suffix or "?")
            return None, out.issues
        if any(not i.sheet for i in out.issues):
            return None, out.issues
    assessment = _assemble(tables, out, stem, head, allow_missing)
    return assessment, out.issues


def _read_path(
    path: str | Path, allow_missing: bool
) -> tuple[Assessment | None, list[ValidationIssue]]:
    path = Path(path).expanduser()
    out = _Collector()
    try:
        if not path.exists():
            out.add("", None, None, "io.file_not_found", path=str(path))
            return None, out.issues
        if path.is_dir():
            return _read(path, "", str(path), path.resolve().name, is_dir=True,
                         allow_missing=allow_missing)
        return _read(path, path.suffix, str(path), path.stem, is_dir=False,
                     allow_missing=allow_missing)
    except OSError as exc:
        out.add("", None, None, "io.unreadable_file", path=str(path),
                detail=exc.strerror or str(exc))
        return None, out.issues


def read_assessment(
    path: str | Path, *, lang: str = DEFAULT_LANGUAGE, allow_missing_scores: bool = False
) -> Assessment:
    """Read and validate an assessment from an .xlsx/.xlsm, .json, .zip or a CSV folder.

    Raises AssessmentValidationError with every problem found (its str() is in `lang`).
    `allow_missing_scores` accepts empty score cells (an assessment still being scored).
    """
    assessment, issues = _read_path(path, allow_missing_scores)
    if issues or assessment is None:
        raise AssessmentValidationError(issues, lang)
    return assessment


def read_assessment_bytes(
    data: bytes, filename: str, *, lang: str = DEFAULT_LANGUAGE,
    allow_missing_scores: bool = False,
) -> Assessment:
    """Like read_assessment for uploaded content: .xlsx/.xlsm, .json or a .zip of CSV files."""
    name = Path(filename or "assessment")
    if len(data) > _MAX_UPLOAD_BYTES:
        raise AssessmentValidationError(
            [ValidationIssue("", None, None, "io.too_large", {"path": name.name})], lang
        )
    assessment, issues = _read(data, name.suffix, name.name, name.stem, is_dir=False,
                               allow_missing=allow_missing_scores)
    if issues or assessment is None:
        raise AssessmentValidationError(issues, lang)
    return assessment


def validate_assessment(
    path: str | Path, *, allow_missing_scores: bool = False
) -> list[ValidationIssue]:
    """All problems of an assessment file; an empty list when it is valid."""
    return _read_path(path, allow_missing_scores)[1]


# --- export ------------------------------------------------------------------------------

def _export_tables(a: Assessment) -> list[tuple[str, list[str], list[list[Any]]]]:
    criterion_ids = [c.id for c in a.criteria]
    override_ids = [
        cid for cid in criterion_ids if any(cid in p.criterion_weights for p in a.profiles)
    ]
    evidence_rows = []
    for m in a.measures:
        for c in a.criteria:
            s = a.scores.get((m.id, c.id))
            if s is not None and (s.source or s.confidence):
                evidence_rows.append(
                    [m.id, c.id, s.source or None, str(s.confidence) if s.confidence else None]
                )
    return [
        ("assessment", list(ASSESSMENT_COLUMNS),
         [["name", a.name], ["description", a.description or None]]),
        ("criteria", list(CRITERIA_COLUMNS), [
            [c.id, str(c.pillar), c.label_nl, c.label_en or None, c.unit or None,
             str(c.direction), float(c.scale_min), float(c.scale_max),
             c.description or None, float(c.weight)]
            for c in a.criteria
        ]),
        ("measures", [*MEASURE_COLUMNS, *criterion_ids], [
            [m.id, m.label_nl, m.label_en or None, m.description or None] + [
                float(a.scores[(m.id, cid)].value) if (m.id, cid) in a.scores else None
                for cid in criterion_ids
            ]
            for m in a.measures
        ]),
        ("profiles", [*PROFILE_COLUMNS, *(f"{WEIGHT_PREFIX}{cid}" for cid in override_ids)], [
            [p.name, *(float(p.pillar_weights.get(x, 0.0)) for x in PILLARS)] + [
                float(p.criterion_weights[cid]) if cid in p.criterion_weights else None
                for cid in override_ids
            ]
            for p in a.profiles
        ]),
        ("evidence", list(EVIDENCE_COLUMNS), evidence_rows),
    ]


def _csv_bytes(header: list[str], rows: list[list[Any]]) -> bytes:
    buffer = _io.StringIO(newline="")
    writer = csv.writer(buffer, lineterminator="\r\n")
    for record in [header, *rows]:
        writer.writerow([
            "" if v is None else _fmt_number(v) if isinstance(v, float) else neutralise_cell(v)
            for v in record
        ])
    return buffer.getvalue().encode("utf-8-sig")


def _write_csv_folder(a: Assessment, folder: Path) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    for name, header, rows in _export_tables(a):
        (folder / f"{name}.csv").write_bytes(_csv_bytes(header, rows))


def assessment_to_csv_zip_bytes(a: Assessment) -> bytes:
    """The CSV folder format as a .zip (one CSV file per sheet)."""
    buffer = _io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, header, rows in _export_tables(a):
            archive.writestr(f"{name}.csv", _csv_bytes(header, rows))
    return buffer.getvalue()


def assessment_to_xlsx_bytes(a: Assessment) -> bytes:
    """The workbook format as .xlsx bytes; formula-like text is written as plain text."""
    from openpyxl import Workbook
    from openpyxl.styles import Font

    workbook = Workbook()
    workbook.remove(workbook.active)
    bold = Font(bold=True)
    for name, header, rows in _export_tables(a):
        ws = workbook.create_sheet(name)
        for r, record in enumerate([header, *rows], start=1):
            for c, value in enumerate(record, start=1):
                if value is None:
                    continue
                cell = ws.cell(row=r, column=c)
                if isinstance(value, str):
                    # Text starting like a formula stays text: an explicit, quote-prefixed
                    # string cell (what Excel itself stores for '=...). Text that starts with
                    # apostrophes before such a character gets one more (see neutralise_cell).
                    text = value if value[:1] in _FORMULA_STARTS else neutralise_cell(value)
                    cell.value = text
                    if _looks_like_formula(text):
                        cell.data_type = "s"
                        cell.quotePrefix = True
                else:
                    cell.value = value
                    if isinstance(value, float) and float(f"{value:.16g}") != value:
                        # openpyxl writes numbers with 16 significant digits, which loses
                        # the last bit of e.g. 0.1 + 0.2; write the exact shortest repr
                        # (still a numeric cell) so that export -> import is exact.
                        cell._value = repr(value)
                if r == 1:
                    cell.font = bold
        ws.freeze_panes = "A2"
        for c, title in enumerate(header, start=1):
            width = max([len(str(title))] + [
                len(str(row[c - 1])) for row in rows[:50] if row[c - 1] is not None
            ])
            ws.column_dimensions[_column_letter(c - 1)].width = min(max(width + 2, 8), 60)
    buffer = _io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def _json_number(x: float) -> int | float:
    x = float(x)
    return int(x) if x.is_integer() and abs(x) < 1e16 else x


def assessment_to_json(a: Assessment) -> str:
    """The JSON format (see the module docstring)."""
    data = {
        "format": JSON_FORMAT,
        "version": JSON_VERSION,
        "name": a.name,
        "description": a.description,
        "criteria": [
            {"id": c.id, "pillar": str(c.pillar), "label_nl": c.label_nl,
             "label_en": c.label_en, "unit": c.unit, "direction": str(c.direction),
             "scale_min": _json_number(c.scale_min), "scale_max": _json_number(c.scale_max),
             "description": c.description, "weight": _json_number(c.weight)}
            for c in a.criteria
        ],
        "measures": [
            {"id": m.id, "label_nl": m.label_nl, "label_en": m.label_en,
             "description": m.description}
            for m in a.measures
        ],
        "scores": {
            m.id: {
                c.id: _json_number(a.scores[(m.id, c.id)].value)
                for c in a.criteria if (m.id, c.id) in a.scores
            }
            for m in a.measures
        },
        "profiles": [
            {"name": p.name,
             **{str(x): _json_number(p.pillar_weights.get(x, 0.0)) for x in PILLARS},
             "criterion_weights": {
                 cid: _json_number(w) for cid, w in p.criterion_weights.items()
             }}
            for p in a.profiles
        ],
        "evidence": [
            {"measure_id": m.id, "criterion_id": c.id, "source": s.source or "",
             "confidence": str(s.confidence) if s.confidence else ""}
            for m in a.measures for c in a.criteria
            if (s := a.scores.get((m.id, c.id))) is not None and (s.source or s.confidence)
        ],
    }
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


def write_assessment(a: Assessment, path: str | Path) -> Path:
    """Write by suffix: .xlsx/.xlsm workbook, .json, .zip of CSVs; otherwise a CSV folder."""
    path = Path(path).expanduser()
    suffix = path.suffix.lower()
    if path.is_dir() or not suffix:
        _write_csv_folder(a, path)
        return path
    path.parent.mkdir(parents=True, exist_ok=True)
    if suffix in (".xlsx", ".xlsm"):
        path.write_bytes(assessment_to_xlsx_bytes(a))
    elif suffix == ".json":
        path.write_text(assessment_to_json(a), encoding="utf-8")
    elif suffix == ".zip":
        path.write_bytes(assessment_to_csv_zip_bytes(a))
    else:
        raise ValueError(f"unsupported assessment file type {suffix!r}; use .xlsx, .json, "
                         ".zip or a folder")
    return path
