"""Text for exports: file names, MIME types, method names; numbers and dates come from
`impact.numbers`."""

from __future__ import annotations

from typing import TYPE_CHECKING

from impact.i18n import t
from impact.numbers import format_date, format_number, format_percent

if TYPE_CHECKING:
    from impact.model import Assessment, Criterion
    from impact.weighting import Weighting

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


def method_settings(assessment: Assessment, weighting: Weighting, lang: str = "nl") -> list[str]:
    """The chosen method's settings in words, one line each (none for wsm and topsis):
    VIKOR's v, SPOTIS's expected points, PROMETHEE's preference functions."""
    method = weighting.method
    if method == "vikor":
        return [t("export.settings.vikor_v", lang,
                  v=format_number(float(weighting.vikor_v), lang, 2))]
    if method == "spotis":
        chosen = [c for c in assessment.criteria if c.spotis_expected is not None]
        lines = [t("export.settings.esp_default" if not chosen else "export.settings.esp_rest",
                   lang)]
        return lines + [t("export.settings.esp", lang, criterion=c.label(lang),
                          value=_number(c.spotis_expected, lang)) for c in chosen]
    if method == "promethee":
        chosen = [c for c in assessment.criteria if c.pref_function not in (None, "usual")]
        lines = [t("export.settings.pref_default" if not chosen else "export.settings.pref_rest",
                   lang)]
        return lines + [_preference_line(c, lang) for c in chosen]
    return []


def _number(value: float | None, lang: str) -> str:
    value = float(value or 0.0)
    return format_number(value, lang, 0 if value.is_integer() else 2)


def _preference_line(c: Criterion, lang: str) -> str:
    thresholds = ", ".join(f"{name} = {_number(value, lang)}" for name, value in
                           (("q", c.pref_q), ("p", c.pref_p), ("s", c.pref_s))
                           if value is not None)
    return t("export.settings.pref", lang, criterion=c.label(lang),
             function=t(f"export.settings.function.{c.pref_function}", lang),
             thresholds=f" ({thresholds})" if thresholds else "")


# Numbers, percentages and dates: the app's one formatter (Babel), re-exported here.
__all__ = ["MIME", "file_name", "format_date", "format_number", "format_percent",
           "method_label", "method_settings", "safe_stem"]
