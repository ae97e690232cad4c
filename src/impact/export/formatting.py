"""Text for exports: numbers, percents and dates in the user's language, file names."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from impact.i18n import t

MIME: dict[str, str] = {
    "png": "image/png",
    "svg": "image/svg+xml",
    "pdf": "application/pdf",
    "html": "text/html",
    "csv": "text/csv",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "zip": "application/zip",
}


def safe_stem(name: str, limit: int = 60) -> str:
    """A file name stem from any text: letters, digits, - and _ only, at most `limit` long."""
    safe = "".join(ch if ch.isalnum() or ch in "-_" else "-" for ch in str(name))
    while "--" in safe:
        safe = safe.replace("--", "-")
    return safe.strip("-")[:limit].strip("-") or "export"


def file_name(name: str, fmt: str) -> str:
    """A safe file name for a chart or table: letters, digits, - and _ only."""
    return f"{safe_stem(name, 120)}.{fmt}"


def method_label(method: str, lang: str = "nl") -> str:
    try:
        return t(f"engine.method.{method}", lang)
    except KeyError:
        return method


# --- number and date formatting for the report and the tables ---------------------------

_MONTHS = {
    "nl": ("januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus",
           "september", "oktober", "november", "december"),
    "en": ("January", "February", "March", "April", "May", "June", "July", "August",
           "September", "October", "November", "December"),
}


def format_number(value: Any, lang: str = "nl", digits: int = 2) -> str:
    """A number in the language's notation: 1.234,56 in Dutch, 1,234.56 in English."""
    try:
        number = float(value)
    except (TypeError, ValueError):
        return "–"
    if number != number:  # NaN
        return "–"
    text = f"{number:,.{digits}f}"
    if lang == "nl":
        text = text.replace(",", "\0").replace(".", ",").replace("\0", ".")
    return text


def format_percent(value: Any, lang: str = "nl", digits: int = 0) -> str:
    text = format_number(float(value) * 100 if value is not None else None, lang, digits)
    return text if text == "–" else f"{text}%"


def format_date(moment: datetime, lang: str = "nl") -> str:
    month = _MONTHS["en" if lang == "en" else "nl"][moment.month - 1]
    if lang == "en":
        return f"{moment.day} {month} {moment.year}, {moment:%H:%M}"
    return f"{moment.day} {month} {moment.year}, {moment:%H.%M} uur"
