"""Join codes: fresh ones, and what a person typed read as one."""

from __future__ import annotations

import random
import secrets

# No 0/O, 1/I/L: a code read aloud or from a projector cannot be mistyped.
CODE_ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789"
CODE_LENGTH = 6


def normalise_code(text: str | None) -> str:
    """What a person typed, as a code: upper case, without spaces or dashes."""
    return "".join(ch for ch in (text or "").upper() if ch.isalnum())


def new_code(rng: random.Random | None = None) -> str:
    chooser = rng.choice if rng else secrets.choice
    return "".join(chooser(CODE_ALPHABET) for _ in range(CODE_LENGTH))
