"""The one number formatter: numbers, percentages and dates in the user's language (Babel).

Pages, charts, tables, the report, the slides and the CSV files all format through
here, so a score reads 0,68 in Dutch and 0.68 in English everywhere (not 0.680 in
one place and 0,68 in the next). Missing values (None, NaN) show as a dash.
"""

from __future__ import annotations

import math
from datetime import datetime
from typing import Any

from babel.dates import format_datetime as _babel_datetime
from babel.numbers import format_decimal as _babel_decimal

LOCALES: dict[str, str] = {"nl": "nl_NL", "en": "en_GB"}
MISSING = "–"
# Dutch: "4 maart 2026, 09.05 uur"; English: "4 March 2026, 09:05".
_DATE_PATTERNS = {"nl": "d MMMM y, HH.mm 'uur'", "en": "d MMMM y, HH:mm"}
_DAY_PATTERNS = {"nl": "d MMMM y", "en": "d MMMM y"}


def locale(lang: str) -> str:
    return LOCALES.get(lang, LOCALES["nl"])


def as_float(value: Any) -> float | None:
    """A finite float, or None for what is no number (None, NaN, text, infinity)."""
    if hasattr(value, "item"):  # numpy scalars
        value = value.item()
    if isinstance(value, bool):
        return None
    try:
        number = float(value)
    except (TypeError, ValueError):
        return None
    return number if math.isfinite(number) else None


def format_number(value: Any, lang: str = "nl", digits: int = 2, *,
                  grouping: bool = True) -> str:
    """1.234,56 in Dutch, 1,234.56 in English; `digits` decimals, always shown."""
    number = as_float(value)
    if number is None:
        return MISSING
    if number == 0:
        number = 0.0  # no "-0,00"
    pattern = ("#,##0" if grouping else "0") + ("." + "0" * digits if digits > 0 else "")
    text = _babel_decimal(number, format=pattern, locale=locale(lang))
    if text.startswith("-") and not any(c in "123456789" for c in text):
        text = text[1:]  # -0,001 rounded: "0,00", not "-0,00"
    return text


def format_percent(value: Any, lang: str = "nl", digits: int = 0) -> str:
    """A share (0.125) as a percentage: 12,5% in Dutch, 12.5% in English."""
    number = as_float(value)
    if number is None:
        return MISSING
    return format_number(number * 100, lang, digits) + "%"


def format_count(value: Any, lang: str = "nl") -> str:
    """A whole number with the language's thousands separator (10.000 / 10,000)."""
    return format_number(value, lang, 0)


def format_date(moment: datetime, lang: str = "nl", *, time: bool = True) -> str:
    """'4 maart 2026, 09.05 uur' / '4 March 2026, 09:05' (without `time`: the day only)."""
    patterns = _DATE_PATTERNS if time else _DAY_PATTERNS
    return _babel_datetime(moment, patterns.get(lang, patterns["nl"]), locale=locale(lang))


def plain_decimal(value: float, digits: int, decimal: str = ".") -> str:
    """A number for a data file: no grouping, at most `digits` decimals, no trailing zeros,
    never scientific notation ('0,68', '-3', '1234,5')."""
    text = f"{round(value, digits):.{digits}f}" if digits > 0 else f"{round(value):d}"
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    if text in ("-0", ""):
        text = "0"
    return text.replace(".", decimal)
