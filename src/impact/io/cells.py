"""One spreadsheet cell: formula neutralising (both ways) and reading a value as asked.

Formula injection: :func:`neutralise_cell` prefixes an apostrophe to text that a
spreadsheet would run as a formula (starting with ``= + - @``, tab or CR, also after
apostrophes). CSV export applies it to every text cell; ``.xlsx`` export writes such text as
explicit, quote-prefixed string cells. Import removes exactly one leading apostrophe before
such a character (:func:`unneutralise`), so export → import gives back the same text.
"""

from __future__ import annotations

import json
import math
import re
from datetime import date, datetime, time
from typing import Any

# --- formula injection ----------------------------------------------------------------

FORMULA_STARTS = frozenset("=+-@\t\r")


def looks_like_formula(text: str) -> bool:
    """True when `text`, after any leading apostrophes, starts like a formula."""
    rest = text.lstrip("'")
    return bool(rest) and rest[0] in FORMULA_STARTS


def neutralise_cell(value: Any) -> Any:
    """Guard a cell against spreadsheet formula injection.

    Text starting with ``= + - @``, tab or CR gets a leading apostrophe, so a spreadsheet
    shows it as text instead of running it. Text that already starts with apostrophes
    followed by such a character gets one more, which keeps the rule reversible: import
    strips exactly one apostrophe before such a character. Other values pass unchanged.
    """
    if isinstance(value, str) and looks_like_formula(value):
        return "'" + value
    return value


def unneutralise(text: str) -> str:
    """The inverse of :func:`neutralise_cell` for text read from a CSV or workbook cell."""
    if text.startswith("'") and looks_like_formula(text):
        return text[1:]
    return text


# --- addresses and numbers as text ----------------------------------------------------

def column_letter(index: int) -> str:
    """The spreadsheet letters of a 0-based column index (0 → A, 26 → AA)."""
    letters = ""
    index += 1
    while index:
        index, rem = divmod(index - 1, 26)
        letters = chr(65 + rem) + letters
    return letters


def fmt_number(x: float) -> str:
    """A number as compact text: whole numbers without ``.0``, others in full precision."""
    if math.isfinite(x) and x.is_integer() and abs(x) < 1e16:
        return str(int(x))
    return repr(x)


# --- reading a cell value -------------------------------------------------------------

class Bad:
    """A cell value that could not be read as asked."""


BAD = Bad()
AMBIGUOUS = Bad()  # a number that can be read two ways (see impact.io.dutch)
EMPTY = object()


class DottedNumber(str):
    """A cell's text that holds a number with a thousands point (``1.234,5``); `number`
    is its value, or None when the file leaves open whether the point separates thousands.
    As text it is the text as written."""

    number: float | None

    def __new__(cls, text: str, number: float | None) -> DottedNumber:
        self = super().__new__(cls, text)
        self.number = number
        return self

_NUMBER = re.compile(r"[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?")
_DECIMAL_COMMA = re.compile(r"[+-]?\d+,\d+")


def is_empty(value: Any) -> bool:
    return value is None or (isinstance(value, str) and value.strip() == "")


def as_text(value: Any) -> str | Bad:
    """A text cell as a string ('' when empty); numbers become their compact text."""
    if value is None:
        return ""
    if isinstance(value, str):
        return str(value)  # a plain str, also for a DottedNumber
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        return fmt_number(value)
    if isinstance(value, datetime | date | time):
        return value.isoformat()
    return BAD


def as_number(value: Any) -> float | Bad | object:
    """A numeric cell: a finite float, EMPTY, or BAD."""
    if value is None:
        return EMPTY
    if isinstance(value, bool):
        return BAD
    if isinstance(value, int | float):
        try:
            number = float(value)
        except OverflowError:  # an int beyond any float (a workbook can hold one)
            return BAD
        return number if math.isfinite(number) else BAD
    if isinstance(value, DottedNumber):
        if value.number is None:
            return AMBIGUOUS
        return value.number if math.isfinite(value.number) else BAD
    if isinstance(value, str):
        text = value.strip().replace("\u2212", "-").replace("\u00a0", "").replace(" ", "")
        if not text:
            return EMPTY
        if _DECIMAL_COMMA.fullmatch(text):
            text = text.replace(",", ".")
        if not _NUMBER.fullmatch(text):
            return BAD
        number = float(text)
        return number if math.isfinite(number) else BAD
    return BAD


def value_param(value: Any) -> str:
    """A cell value as shown in a message (JSON values that are no text: as JSON)."""
    text = as_text(value)
    return text if isinstance(text, str) else json.dumps(value, ensure_ascii=False)[:60]
