"""Assessment files: import and export with validation.

Three formats hold the same content:

* **Workbook** (``.xlsx``/``.xlsm``) with the sheets below, or a **folder of CSV files**
  named after the sheets (``criteria.csv``, ``measures.csv``, ...), or a ``.zip`` of such
  CSV files (for uploads). Sheet, file and fixed column names are matched without regard
  to case, spacing or a language tag ("Criteria (NL)"), and their Dutch names are accepted
  too (``maatregelen``, ``pijler``, ``schaal min``, ...; the tables are in
  :mod:`impact.io.aliases`); other sheets/files are ignored. A missing required sheet is
  reported with the names of the sheets the file does hold; a name that two sheets or two
  columns answer to is an error.

  - ``assessment`` (optional): rows ``key, value`` with keys ``name`` and ``description``.
    Without it the name is the file or folder name.
  - ``criteria`` (required): ``id, pillar, label_nl, label_en, unit, direction, scale_min,
    scale_max, description`` and optional ``weight`` (weight within its pillar; equal when
    the column is absent). Required: ``id, pillar, label_nl, direction, scale_min,
    scale_max``. ``pillar`` is ``ecology|economy|people`` (Dutch ``ecologie``/``milieu``,
    ``economie``, ``mens`` are accepted too), ``direction`` is
    ``higher_is_better|lower_is_better`` (``max``/``min`` and ``hoger is beter``/``lager is
    beter`` accepted).
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
  decimal comma is accepted in numbers. In a ``;`` file a point between thousands
  (``1.234,5``) is read when the file's other numbers tell how (:mod:`impact.io.dutch`); a
  lone ``1.234`` is refused as ambiguous. Numbers written by Excel as text are accepted.

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

Limits (:mod:`impact.io.schema`): rows, columns, text length, a workbook's unpacked size,
JSON nesting and number length are checked while reading, so a hostile file is refused
(with its location) before it costs much time or memory.

Formula injection: text cells that a spreadsheet would run as a formula are neutralised on
export and restored on import, in one place: :mod:`impact.io.cells`.

The package: :mod:`~impact.io.readers` (file → raw sheets), :mod:`~impact.io.validate` (one
function per sheet, then the Assessment), :mod:`~impact.io.writers` (Assessment → file),
:mod:`~impact.io.load` (the public reading functions), :mod:`~impact.io.issues` (the error
contract), :mod:`~impact.io.aliases` (the other names of sheets, columns and values). This
module only re-exports the public names.
"""

from __future__ import annotations

from impact.io.cells import neutralise_cell
from impact.io.issues import AssessmentValidationError, ValidationIssue
from impact.io.load import read_assessment, read_assessment_bytes, validate_assessment
from impact.io.writers import (
    assessment_to_csv_zip_bytes,
    assessment_to_json,
    assessment_to_xlsx_bytes,
    write_assessment,
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
