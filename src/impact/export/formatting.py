"""Text for exports: file names, MIME types, method names; numbers and dates come from
`impact.numbers`."""

from __future__ import annotations

from impact.i18n import t
from impact.numbers import format_date, format_number, format_percent

MIME: dict[str, str] = {
    "png": "image/png",
    "svg": "image/svg+xml",
    "pdf": "application/pdf",
    "html": "text/html",
    "csv": "text/csv",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "zip": "application/zip",
    "pptx": "application/vnd.openxmlformats-officedocument.presentationml.presentation",
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


# Numbers, percentages and dates: the app's one formatter (Babel), re-exported here.
__all__ = ["MIME", "file_name", "format_date", "format_number", "format_percent",
           "method_label", "safe_stem"]
