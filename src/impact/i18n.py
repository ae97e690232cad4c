"""Dutch and English strings.

Every visible string has a key. The catalogue is split by area: each module in
`impact.texts` defines `TEXTS = {key: (dutch, english)}`; they are merged here,
so an area adds its strings without touching the others. Dutch comes first and
is the default.

A word that depends on a count is written `{name|one|other}`: "{n} {n|maatregel|maatregelen}"
gives "1 maatregel" and "3 maatregelen". Dutch and English share the rule (the singular for
exactly one, the plural otherwise, 0 included), so two forms are enough.
"""

from __future__ import annotations

import importlib
import pkgutil
import re
from functools import cache

from impact import texts

LANGUAGES: tuple[str, ...] = ("nl", "en")
DEFAULT_LANGUAGE = "nl"
LANGUAGE_NAMES = {"nl": "Nederlands", "en": "English"}


@cache
def catalogue() -> dict[str, tuple[str, str]]:
    """All strings, key -> (Dutch, English); a key defined twice is an error."""
    merged: dict[str, tuple[str, str]] = {}
    for info in sorted(pkgutil.iter_modules(texts.__path__), key=lambda i: i.name):
        module = importlib.import_module(f"{texts.__name__}.{info.name}")
        for key, value in getattr(module, "TEXTS", {}).items():
            if key in merged:
                raise ValueError(f"i18n key {key!r} is defined twice (again in {info.name})")
            merged[key] = value
    return merged


def t(key: str, lang: str = DEFAULT_LANGUAGE, /, **params: object) -> str:
    """The string for `key` in `lang`, formatted with `params` (plural forms chosen)."""
    entry = catalogue().get(key)
    if entry is None:
        raise KeyError(f"missing i18n key {key!r}")
    text = entry[1] if lang == "en" else entry[0]
    if not params:
        return text
    return _PLURAL.sub(lambda m: _plural_form(m, params), text).format(**params)


_PLURAL = re.compile(r"(?<!\{)\{(\w+)\|([^{}|]*)\|([^{}|]*)\}")


def _plural_form(match: re.Match[str], params: dict[str, object]) -> str:
    name, one, other = match.groups()
    if name not in params:
        raise KeyError(name)
    return one if is_one(params[name]) else other


def is_one(count: object) -> bool:
    """Whether `count` takes the singular: exactly one ("1" as text; "1,0" is plural, as
    one writes "1,0 punten")."""
    if isinstance(count, str):
        return count.strip().lstrip("+-\u2212") == "1"
    return isinstance(count, int | float) and not isinstance(count, bool) and abs(count) == 1
