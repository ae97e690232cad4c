"""One base for every error a person can act on.

A `UserError` carries an i18n key of `impact.i18n.t` and its parameters, so a page
shows it in the reader's language (`err.message("nl")`) while logs, the CLI and
`str(err)` get the English text. Programming errors stay ordinary exceptions: a
`UserError` means "the input or the situation is wrong, and this says how".

The subclasses keep the constructors they had before this base existed:
`impact.store.StoreError`, `impact.workshop.WorkshopError`,
`impact.io.AssessmentValidationError`, `impact.engine.EngineError`,
`impact.export.ExportError`, `impact.access.AccessDenied` and `impact.cli.CliError`.
"""

from __future__ import annotations

from impact.i18n import DEFAULT_LANGUAGE, t

# The key of a message that was written out before it became an error (export and CLI
# messages are rendered in the user's language where they arise): `{text}` as it is.
AS_WRITTEN = "error.as_written"


class UserError(Exception):
    """An error with a message for the user: `key` (an i18n key) and `params`."""

    def __init__(self, key: str, /, **params: object) -> None:
        self.key = key
        self.params = params
        super().__init__(self.message("en"))

    def message(self, lang: str = DEFAULT_LANGUAGE) -> str:
        """The message in `lang`."""
        return t(self.key, lang, **self.params)
