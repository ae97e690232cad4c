"""Validation issues: where a problem is (sheet, row, column) and what it is, in nl and en."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from impact.errors import UserError
from impact.i18n import DEFAULT_LANGUAGE, t
from impact.io.cells import fmt_number
from impact.io.schema import MAX_ISSUES, WEIGHT_PREFIX


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
        return fmt_number(float(value)).replace("-", "\u2212")
    text = str(value)
    if name == "value" and len(text) > 60:
        text = text[:57] + "…"
    return text


class AssessmentValidationError(UserError):
    """An assessment file with one or more problems; nothing was imported.

    `key` is the headline (how many errors); `message(lang)` lists every issue."""

    def __init__(self, errors: Iterable[ValidationIssue], lang: str = DEFAULT_LANGUAGE):
        self.errors: list[ValidationIssue] = list(errors)
        super().__init__("io.error.invalid", count=len(self.errors))
        self.args = (self.format(lang),)

    def message(self, lang: str = DEFAULT_LANGUAGE) -> str:
        return self.format(lang)

    def format(self, lang: str = DEFAULT_LANGUAGE) -> str:
        """All errors, one per line, in `lang`."""
        return "\n".join(issue.message(lang) for issue in self.errors)


class Collector:
    """Gathers every issue of one file; readers and sheet validators all add to it."""

    def __init__(self, kind: str = "table"):
        self.kind = kind
        self.issues: list[ValidationIssue] = []
        # our sheets a reader reported missing, empty or ambiguous: not reported again
        self.absent: set[str] = set()

    def add(self, sheet: str, row: int | None, column: str | None, key: str, **params: Any):
        # a file with an error in every cell would otherwise hold millions of issues
        if len(self.issues) > MAX_ISSUES:
            return
        if len(self.issues) == MAX_ISSUES:
            sheet, row, column, key, params = "", None, None, "io.too_many_issues", {
                "limit": MAX_ISSUES}
        self.issues.append(ValidationIssue(sheet, row, column, key, dict(params), self.kind))
