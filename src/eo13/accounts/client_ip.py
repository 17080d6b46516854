"""The one answer to "which address is this request from?", for login throttling and API rate limits.

``X-Forwarded-For`` is written by whoever sends the request, so it is believed only when the request comes from a
proxy named in ``EO13_TRUSTED_PROXIES`` (addresses or CIDR ranges). Then the hops are read from the right, each
added by the proxy before it, and the first address that is not a trusted proxy is the client's.
"""

from functools import lru_cache
from ipaddress import IPv4Address, IPv6Address, ip_address, ip_network
from typing import Any

from django.conf import settings

# A longer header is someone's padding, not a real proxy chain.
MAX_HOPS = 20


@lru_cache(maxsize=8)
def _networks(spec: tuple[str, ...]) -> tuple[Any, ...]:
    return tuple(ip_network(s, strict=False) for s in spec if s)


def _parse(value: str) -> IPv4Address | IPv6Address | None:
    value = value.strip()
    if value.startswith("[") and "]" in value:  # [v6]:port
        value = value[1 : value.index("]")]
    elif value.count(":") == 1:  # v4:port
        value = value.split(":", 1)[0]
    try:
        return ip_address(value)
    except ValueError:
        return None


def is_trusted_proxy(addr: IPv4Address | IPv6Address | None) -> bool:
    if addr is None:
        return False
    nets = _networks(tuple(getattr(settings, "EO13_TRUSTED_PROXIES", ())))
    return any(addr in net for net in nets if net.version == addr.version)


def client_ip(request: Any) -> str:
    """The client's address: REMOTE_ADDR, or the right-most untrusted hop when REMOTE_ADDR is a trusted proxy."""
    meta = getattr(request, "META", {})
    remote = _parse(str(meta.get("REMOTE_ADDR", "")))
    if remote is None:
        return "unknown"
    if not is_trusted_proxy(remote):
        return str(remote)
    hops = [h for h in str(meta.get("HTTP_X_FORWARDED_FOR", "")).split(",") if h.strip()][-MAX_HOPS:]
    nearest = remote
    for hop in reversed(hops):
        addr = _parse(hop)
        if addr is None:
            break  # not written by a proxy of ours; the last proxy we trust is the best we know
        if not is_trusted_proxy(addr):
            return str(addr)
        nearest = addr
    return str(nearest)


def client_ip_or_none(request: Any) -> str | None:
    """The same address for django-axes, whose tables hold an IP address column: None where there is none (a
    request made inside the process, such as the test client's sign-in), which PostgreSQL would refuse as text."""
    address = client_ip(request)
    return None if address == "unknown" else address
