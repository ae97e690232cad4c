"""Who may run a session: the holder of its facilitator key, of a grant made from that
key (a cookie that survives a reload), or its signed-in owner.

Only the key's hash is stored; every comparison is constant-time.
"""

from __future__ import annotations

import hashlib
import hmac
import secrets

from impact.access import Principal
from impact.store import Store
from impact.workshop.base import WorkshopError
from impact.workshop.codes import normalise_code


def new_key() -> str:
    """A fresh facilitator key; shown once, stored only as `hash_key(code, key)`."""
    return secrets.token_urlsafe(12)


def hash_key(code: str, key: str) -> str:
    return hashlib.sha256(f"{code}:{key}".encode()).hexdigest()


def _credentials(store: Store, code: str) -> tuple[str, str | None] | None:
    """(key hash, owner) of session `code`, in one query; None when there is no such session."""
    row = store.cursor().execute(
        "SELECT key_hash, owner FROM workshop_sessions WHERE code = ?", [code]
    ).fetchone()
    return (row[0], row[1]) if row else None


def _grant_of(code: str, key_hash: str) -> str:
    return hmac.new(key_hash.encode(), f"facilitator-grant:{code}".encode(),
                    hashlib.sha256).hexdigest()


def _is_key(code: str, key_hash: str, key: str | None) -> bool:
    return bool(key) and hmac.compare_digest(key_hash, hash_key(code, key))


def _is_grant(code: str, key_hash: str, grant: str | None) -> bool:
    return bool(grant) and hmac.compare_digest(_grant_of(code, key_hash), grant)


def verify_key(store: Store, code: str, key: str | None) -> bool:
    """True when `key` is the facilitator key of session `code` (constant-time compare)."""
    code = normalise_code(code)
    found = _credentials(store, code) if key and code else None
    return found is not None and _is_key(code, found[0], key)


def facilitator_grant(store: Store, code: str, key: str | None) -> str | None:
    """A token the facilitator's browser keeps (a cookie) instead of the key: it opens
    the controls after a reload, and is worthless without the server's stored hash."""
    code = normalise_code(code)
    found = _credentials(store, code) if key and code else None
    return _grant_of(code, found[0]) if found and _is_key(code, found[0], key) else None


def verify_grant(store: Store, code: str, grant: str | None) -> bool:
    code = normalise_code(code)
    found = _credentials(store, code) if grant and code else None
    return found is not None and _is_grant(code, found[0], grant)


def may_facilitate(store: Store, code: str, *, by: Principal | None,
                   key: str | None = None) -> bool:
    """True for the holder of the session's key (or a grant made from it, see
    `facilitator_grant`), and for its signed-in owner (sign-in
    mode). On the server machine in local mode every browser is the same "local"
    editor, so there only the key tells the facilitator's screen from another one."""
    code = normalise_code(code)
    found = _credentials(store, code) if code else None
    if found is None:
        return False
    key_hash, owner = found
    if _is_key(code, key_hash, key) or _is_grant(code, key_hash, key):
        return True
    if by is None or not by.signed_in or not by.can_read:  # local mode: the key only
        return False
    return owner is not None and hmac.compare_digest(owner, by.subject)


def require_facilitator(store: Store, code: str, *, by: Principal | None,
                        key: str | None = None) -> None:
    if not may_facilitate(store, code, by=by, key=key):
        raise WorkshopError("workshop.error.not_facilitator",
                            "Only the facilitator of this session can do that.")

