"""Where passkeys belong, worked out from EO13's own address (issue 15). Plain Python: settings import it."""

from urllib.parse import urlsplit


def passkey_relying_party(base_url: str, allowed_hosts: list[str]) -> tuple[str, str]:
    """The relying party's host name and the one origin ceremonies may come from.

    WebAuthn refuses IP addresses, so a base URL on 127.0.0.1 (the demo) gives ``localhost`` on the same port, which
    browsers treat as a secure context."""
    base = urlsplit(base_url)
    host = base.hostname or next((h for h in allowed_hosts if h and not h.startswith(".")), "localhost")
    if host.replace(".", "").isdigit() or ":" in host:
        return "localhost", f"http://localhost:{base.port}" if base.port else "http://localhost"
    return host, f"{base.scheme}://{base.netloc}" if base.netloc else f"https://{host}"
