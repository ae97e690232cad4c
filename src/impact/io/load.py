"""Reading an assessment: a path or uploaded bytes → a validated Assessment, or every issue."""

from __future__ import annotations

from pathlib import Path

from impact.i18n import DEFAULT_LANGUAGE
from impact.io.issues import AssessmentValidationError, Collector, ValidationIssue
from impact.io.readers import read_sheets
from impact.io.schema import MAX_UPLOAD_BYTES
from impact.io.validate import validate_sheets
from impact.model import Assessment


def _read(
    source: Path | bytes, suffix: str, shown: str, stem: str, *, is_dir: bool,
    allow_missing: bool,
) -> tuple[Assessment | None, list[ValidationIssue]]:
    raw = read_sheets(source, suffix, shown, is_dir=is_dir)
    if raw.tables is None:
        return None, raw.out.issues
    assessment = validate_sheets(raw.tables, raw.out, stem, raw.head, allow_missing)
    return assessment, raw.out.issues


def _read_path(
    path: str | Path, allow_missing: bool
) -> tuple[Assessment | None, list[ValidationIssue]]:
    path = Path(path).expanduser()
    out = Collector()
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
    if len(data) > MAX_UPLOAD_BYTES:
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
