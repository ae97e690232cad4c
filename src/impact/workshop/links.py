"""Links others open: the app's address as the room's phones reach it, the join and
facilitator links, and the QR code to project."""

from __future__ import annotations

import io
import socket
from urllib.parse import urlencode, urlsplit, urlunsplit

from impact.access import is_loopback


def lan_address() -> str | None:
    """This machine's IPv4 address on the local network, when its name resolves to one
    (no traffic is sent); None when it does not."""
    try:
        infos = socket.getaddrinfo(socket.gethostname(), None, socket.AF_INET)
    except OSError:
        return None
    found = [info[4][0] for info in infos if not is_loopback(info[4][0])]
    return found[0] if found else None


def _package_lan_address() -> str | None:
    # Looked up on the package at call time: `impact.workshop.lan_address` is the name
    # callers know, and a replacement set there (a test, a fixed address) must count here.
    from impact import workshop

    return workshop.lan_address()


def links_reach_the_room(base: str) -> bool:
    """False when join links would point at this machine's loopback name (localhost),
    which no phone can open."""
    return not is_loopback(urlsplit(base).hostname or "")


def public_base_url(page_url: str | None, *, host: str | None = None,
                    override: str | None = None, page_path: str = "workshop") -> str:
    """The app's base URL for links others open (QR code, join link).

    `override` (env IMPACT_PUBLIC_URL) wins; else the URL the facilitator's browser
    uses (`st.context.url`) without its page path; else the Host header.
    """
    if override:
        return override.strip().rstrip("/")
    if page_url:
        parts = urlsplit(page_url)
        path = parts.path.rstrip("/")
        if path.endswith("/" + page_path) or path == page_path:
            path = path[: -len(page_path)].rstrip("/")
        netloc = parts.netloc
        lan = _package_lan_address() if is_loopback(parts.hostname or "") else None
        if lan:
            # The facilitator opened http://localhost on the laptop; phones need its
            # address on the room's network.
            netloc = lan + (f":{parts.port}" if parts.port else "")
        return urlunsplit((parts.scheme, netloc, path, "", "")).rstrip("/")
    if host:
        return f"http://{host}".rstrip("/")
    return "http://localhost:8501"


def join_url(base: str, code: str) -> str:
    return f"{base.rstrip('/')}/?{urlencode({'join': code})}"


def facilitator_url(base: str, code: str, key: str) -> str:
    return f"{base.rstrip('/')}/workshop?{urlencode({'session': code, 'key': key})}"


def qr_png(url: str, *, scale: int = 12) -> bytes:
    """A QR code of `url` as PNG bytes, large enough to project."""
    import segno

    buffer = io.BytesIO()
    segno.make(url, error="m").save(buffer, kind="png", scale=scale, border=2)
    return buffer.getvalue()
