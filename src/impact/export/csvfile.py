"""CSV files that spreadsheets open right and never run: dialects, numbers, safe cells.

Dutch Excel splits on ``;`` and reads ``0,68`` as a number; English Excel wants ``,`` and
``0.68``. The app's downloads follow the UI language (`dialect_for`), the CLI writes
RFC 4180 unless asked for ``excel-nl``. Every field is written by `csv_field`:

- numbers rounded to `digits` decimals (no 16-digit floats, no scientific notation),
  with the dialect's decimal sign and without thousands separators;
- text neutralised against formula injection: a field that starts with ``= + - @``,
  tab or CR gets a leading apostrophe, and so does every piece of it that would start a
  field if a program split the text on ``,`` ``;`` tab, CR or LF (a measure named
  ``Veen;=cmd|' /C calc'!A0;`` stays text also where a file is split on ``;``);
- quoted where a separator of either dialect, a quote, a tab, CR or LF, or leading or
  trailing space is in it.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

import pandas as pd

from impact.i18n import t
from impact.io import neutralise_cell
from impact.numbers import as_float, plain_decimal

DIGITS = 4  # decimals in a data file: scores read 0,6812, not 0,68123456789012


@dataclass(frozen=True)
class CsvDialect:
    name: str
    delimiter: str
    decimal: str
    bom: bool  # UTF-8 with BOM, so that Excel reads the accents right
    lineterminator: str = "\r\n"


DIALECTS: dict[str, CsvDialect] = {
    "excel-nl": CsvDialect("excel-nl", ";", ",", True),
    "excel-en": CsvDialect("excel-en", ",", ".", True),
    "rfc4180": CsvDialect("rfc4180", ",", ".", False),
}


def dialect_for(lang: str) -> CsvDialect:
    """The download's dialect in the UI language: Dutch Excel or English Excel."""
    return DIALECTS["excel-nl" if lang == "nl" else "excel-en"]


# a separator of any dialect, tab, CR or LF, then (after apostrophes) a formula's start
_INNER_FORMULA = re.compile(r"([,;\t\r\n])(?='*[=+\-@\t\r])")
_NEEDS_QUOTES = re.compile(r'[,;"\t\r\n]|^\s|\s$')


def neutralise_text(text: str) -> str:
    """`text` with an apostrophe before every formula start a split could expose."""
    return neutralise_cell(_INNER_FORMULA.sub(r"\1'", text))


def _quoted(text: str) -> str:
    if _NEEDS_QUOTES.search(text):
        return '"' + text.replace('"', '""') + '"'
    return text


def csv_field(value: Any, dialect: CsvDialect, *, digits: int = DIGITS,
              lang: str | None = None) -> str:
    """One field as written: empty, a rounded number, yes/no, or neutralised quoted text.

    Booleans become the words of `lang` (ja/nee, yes/no); without `lang` true/false.
    """
    if hasattr(value, "item"):
        value = value.item()
    if value is None or (not isinstance(value, str) and _missing(value)):
        return ""
    if isinstance(value, bool):
        if lang is None:
            return "true" if value else "false"
        return t("export.yes" if value else "export.no", lang)
    if isinstance(value, int | float):
        number = as_float(value)
        if number is None:
            return ""
        return plain_decimal(number, digits, dialect.decimal)
    return _quoted(neutralise_text(str(value)))


def _missing(value: Any) -> bool:
    try:
        return bool(pd.isna(value))
    except (TypeError, ValueError):  # lists and other non-scalars
        return False


def csv_text(header: Sequence[Any], rows: Iterable[Sequence[Any]], dialect: CsvDialect, *,
             digits: int = DIGITS, lang: str | None = None) -> str:
    """The whole file as text (header line first), each line ended by the dialect's."""
    lines = [dialect.delimiter.join(csv_field(str(h), dialect) for h in header)]
    lines += [dialect.delimiter.join(csv_field(v, dialect, digits=digits, lang=lang)
                                     for v in row) for row in rows]
    return "".join(line + dialect.lineterminator for line in lines)


def frame_to_csv(frame: pd.DataFrame, dialect: CsvDialect, *, digits: int = DIGITS,
                 lang: str | None = None) -> bytes:
    """A frame (without its index) as CSV bytes in `dialect`."""
    text = csv_text([str(c) for c in frame.columns],
                    frame.itertuples(index=False, name=None), dialect, digits=digits,
                    lang=lang)
    return text.encode("utf-8-sig" if dialect.bom else "utf-8")
