"""Who may do what: roles, the person a request acts for, and the checks writes make.

Access is denied by default. Every write in the domain takes the `Principal` it acts
for (`by=`) and checks its role itself, so a page that forgets a check, a tampered URL
or a participant link cannot reach a write.

Two sign-in modes (`IMPACT_AUTH`):
- `local` (default): a browser on the server machine itself is an editor; every other
  device is a participant. A request that came through a proxy (`X-Forwarded-For`,
  `Forwarded`, `X-Real-IP`) is never local, since behind a proxy everyone looks local.
- `oidc`: people sign in with OpenID Connect; their role comes from the `user_roles`
  table (an e-mail address or a whole domain -> viewer or editor). The first person
  to sign in to a database without roles becomes its editor.
"""

from __future__ import annotations

import ipaddress
import os
import threading
import time
from collections import deque
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum
from typing import TYPE_CHECKING

from impact.errors import UserError

if TYPE_CHECKING:  # the store checks roles itself, so it imports this module
    from impact.store import Store


class Role(StrEnum):
    PARTICIPANT = "participant"  # the join/score page only
    VIEWER = "viewer"  # reads every page and exports; changes nothing
    EDITOR = "editor"  # everything


ASSIGNABLE_ROLES: tuple[Role, ...] = (Role.VIEWER, Role.EDITOR)
AUTH_MODES: tuple[str, ...] = ("local", "oidc")


@dataclass(frozen=True)
class Principal:
    """The person a request acts for."""

    role: Role
    subject: str  # "local", an e-mail address, "system" or "anonymous"
    name: str | None = None
    signed_in: bool = False

    @property
    def can_read(self) -> bool:
        return self.role in (Role.VIEWER, Role.EDITOR)

    @property
    def can_edit(self) -> bool:
        return self.role == Role.EDITOR


# The command line and first-start seeding run on the server itself.
SYSTEM = Principal(Role.EDITOR, "system")
ANONYMOUS = Principal(Role.PARTICIPANT, "anonymous")
LOCAL_EDITOR = Principal(Role.EDITOR, "local", signed_in=False)


class AccessDenied(UserError):
    """A write or a page the person's role does not allow; `key` is an i18n key."""

    def __init__(self, key: str = "access.denied.edit", **params: object):
        super().__init__(key, **params)


def require_editor(by: Principal | None) -> None:
    """Raise AccessDenied unless `by` may change assessments."""
    if by is None or not by.can_edit:
        raise AccessDenied("access.denied.edit")


def auth_mode() -> str:
    """`IMPACT_AUTH`: "local" (default) or "oidc"; anything else is refused."""
    mode = os.environ.get("IMPACT_AUTH", "local").strip().lower() or "local"
    if mode not in AUTH_MODES:
        raise ValueError(
            f"IMPACT_AUTH={mode!r} is not known; use one of: {', '.join(AUTH_MODES)}."
        )
    return mode


# -- local mode ----------------------------------------------------------------------
PROXY_HEADERS: tuple[str, ...] = ("x-forwarded-for", "forwarded", "x-real-ip")


def came_through_proxy(headers: Mapping[str, str]) -> bool:
    lowered = {k.lower() for k in headers}
    return any(h in lowered for h in PROXY_HEADERS)


def is_loopback(address: str | None) -> bool:
    if not address:
        return False
    try:
        ip = ipaddress.ip_address(address.strip("[]"))
    except ValueError:
        return address == "localhost"
    # A server listening on all IPv6 addresses sees 127.0.0.1 as ::ffff:127.0.0.1.
    mapped = getattr(ip, "ipv4_mapped", None)
    return (mapped or ip).is_loopback


def local_principal(remote_address: str | None, headers: Mapping[str, str]) -> Principal:
    """Local mode: the server machine itself is an editor, everyone else a participant."""
    if is_loopback(remote_address) and not came_through_proxy(headers):
        return LOCAL_EDITOR
    return ANONYMOUS


def client_address(remote_address: str | None, headers: Mapping[str, str]) -> str | None:
    """The address to throttle by: the nearest proxy's `X-Forwarded-For` entry when the
    request came from a proxy on this machine, else the connection's own address; None
    for the server machine itself (not throttled)."""
    if is_loopback(remote_address):
        forwarded = {k.lower(): v for k, v in headers.items()}.get("x-forwarded-for", "")
        hops = [h.strip() for h in forwarded.split(",") if h.strip()]
        return hops[-1] if hops else ("proxy" if came_through_proxy(headers) else None)
    return remote_address or None


# -- oidc mode: the role table (migration 3) -----------------------------------------
def normalise_subject(text: str) -> str:
    """An e-mail address, or a domain written as `@provincie.nl` or `provincie.nl`."""
    value = "".join(str(text).split()).lower()
    if not value:
        raise AccessDenied("access.error.subject_empty")
    if "@" not in value:
        value = "@" + value
    local, _, domain = value.rpartition("@")
    if not domain or "." not in domain or value.count("@") > 1:
        raise AccessDenied("access.error.subject_invalid", subject=text)
    return f"{local}@{domain}"


def role_of(store: Store, email: str | None) -> Role | None:
    """The role of a signed-in address: its own row first, then its domain's."""
    if not email or "@" not in email:
        return None
    email = email.strip().lower()
    rows = dict(store.cursor().execute(
        "SELECT subject, role FROM user_roles WHERE subject IN (?, ?)",
        [email, "@" + email.rpartition("@")[2]],
    ).fetchall())
    found = rows.get(email) or rows.get("@" + email.rpartition("@")[2])
    return Role(found) if found else None


def sign_in(store: Store, email: str | None, name: str | None = None) -> Principal:
    """The principal of a signed-in person; the first of an empty role table becomes
    editor. Someone without a role gets the participant role (the join page only)."""
    if not email or "@" not in email:
        return Principal(Role.PARTICIPANT, "anonymous", name=name, signed_in=True)
    email = email.strip().lower()
    role = role_of(store, email)
    if role is None:
        with store.transaction() as cur:  # two first sign-ins at once: one editor
            empty = cur.execute("SELECT count(*) FROM user_roles").fetchone()[0] == 0
            if empty:
                cur.execute("INSERT INTO user_roles VALUES (?, ?, ?, ?)",
                            [email, str(Role.EDITOR), datetime.now(), "first sign-in"])
                role = Role.EDITOR
    return Principal(role or Role.PARTICIPANT, email, name=name, signed_in=True)


def list_roles(store: Store) -> list[tuple[str, Role]]:
    rows = store.cursor().execute(
        "SELECT subject, role FROM user_roles ORDER BY subject"
    ).fetchall()
    return [(s, Role(r)) for s, r in rows]


def set_role(store: Store, subject: str, role: Role | str, *, by: Principal) -> str:
    """Give an address or a domain a role; returns the subject as stored."""
    require_editor(by)
    role = Role(role)
    if role not in ASSIGNABLE_ROLES:
        raise AccessDenied("access.error.role_invalid", role=str(role))
    subject = normalise_subject(subject)
    with store.transaction() as cur:
        if role != Role.EDITOR:
            _keep_an_editor(cur, subject)
        cur.execute(
            "INSERT INTO user_roles VALUES (?, ?, ?, ?) ON CONFLICT (subject) DO UPDATE "
            "SET role = excluded.role, granted_at = excluded.granted_at, "
            "granted_by = excluded.granted_by",
            [subject, str(role), datetime.now(), by.subject],
        )
    return subject


def remove_role(store: Store, subject: str, *, by: Principal) -> None:
    require_editor(by)
    subject = normalise_subject(subject)
    with store.transaction() as cur:
        _keep_an_editor(cur, subject)
        cur.execute("DELETE FROM user_roles WHERE subject = ?", [subject])


def _keep_an_editor(cur, subject: str) -> None:
    """Refuse a change that would leave nobody able to manage the roles."""
    others = cur.execute(
        "SELECT count(*) FROM user_roles WHERE role = ? AND subject <> ?",
        [str(Role.EDITOR), subject],
    ).fetchone()[0]
    is_editor = cur.execute(
        "SELECT count(*) FROM user_roles WHERE role = ? AND subject = ?",
        [str(Role.EDITOR), subject],
    ).fetchone()[0]
    if is_editor and not others:
        raise AccessDenied("access.error.last_editor")


# -- throttling ------------------------------------------------------------------------
class RateLimiter:
    """At most `limit` events per `seconds` per key (a sliding window, in memory).

    Per process: enough for one server; keys beyond `max_keys` evict the oldest.
    """

    def __init__(self, limit: int, seconds: float, *, max_keys: int = 50_000):
        self.limit = limit
        self.seconds = seconds
        self.max_keys = max_keys
        self._events: dict[str, deque[float]] = {}
        self._lock = threading.Lock()

    def _window(self, key: str, now: float) -> deque[float]:
        events = self._events.get(key)
        if events is None:
            if len(self._events) >= self.max_keys:
                self._events.pop(next(iter(self._events)))
            events = self._events[key] = deque()
        while events and events[0] <= now - self.seconds:
            events.popleft()
        return events

    def blocked(self, key: str) -> bool:
        """True when `key` has used up its events in the current window."""
        with self._lock:
            return len(self._window(key, time.monotonic())) >= self.limit

    def hit(self, key: str) -> bool:
        """Count one event; False (and nothing counted) when over the limit."""
        with self._lock:
            now = time.monotonic()
            events = self._window(key, now)
            if len(events) >= self.limit:
                return False
            events.append(now)
            return True

    def clear(self) -> None:
        with self._lock:
            self._events.clear()
