"""The errors of every export, with a message for the user."""

from __future__ import annotations

from impact.errors import AS_WRITTEN, UserError


class ExportError(UserError):
    """An export that cannot be made, with a message for the user (already in their
    language)."""

    def __init__(self, message: str) -> None:
        super().__init__(AS_WRITTEN, text=message)


class StaticExportUnavailable(ExportError):
    """Static images (PNG/SVG/PDF) need Chromium, and it is not there."""
