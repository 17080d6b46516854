"""A real OpenID Connect provider for the tests (issue 15): `oidc-provider` from npm, run by Node on 127.0.0.1.

Two clients (EO13 and another City app), and fictional people whose groups cover every role, an unmapped person, a
person with no groups claim and a leaver.
"""

from __future__ import annotations

import base64
import hashlib
import json
import re
import secrets
import subprocess
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, urlencode, urljoin, urlsplit

import pytest
import requests

SCRIPT = Path(__file__).with_name("oidc_provider.mjs")
CLIENT_ID = "eo13-tests"
CLIENT_SECRET = "fictional-client-secret-for-tests-only-0001"
OTHER_CLIENT_ID = "other-city-app"
OTHER_CLIENT_SECRET = "fictional-secret-of-another-app-0002"
OTHER_REDIRECT = "http://other-app.example.test/callback"
PASSWORD = "fictional-password"
TESTSERVER = "http://testserver"


def _person(groups: list[str] | None, employee_id: str, amr: list[str] | None = None) -> dict[str, Any]:
    claims: dict[str, Any] = {
        "email": f"{employee_id.lower()}@example.nyc.test",
        "email_verified": True,
        "given_name": "Test",
        "family_name": f"Person {employee_id}",
        "employee_id": employee_id,
    }
    if groups is not None:
        claims["groups"] = groups
    return {"claims": claims, "amr": amr or ["pwd"]}


ACCOUNTS = {
    "frontline-ana": _person(["EO13-ACS-Frontline"], "E-1001"),
    "lead-ben": _person(["EO13-ACS-Lead", "Parks-Staff"], "E-1002"),
    "privacy-cara": _person(["EO13-ACS-Privacy"], "E-1003"),
    "cpo-dev": _person(["EO13-CPO"], "E-1004"),
    "cityhall-eli": _person(["EO13-CityHall"], "E-1005"),
    "cityhall-mfa-fay": _person(["EO13-CityHall"], "E-1006", amr=["pwd", "mfa"]),
    "chair-gus": _person(["EO13-Committee-Chair"], "E-1007"),
    "committee-hana": _person(["EO13-Committee"], "E-1008"),
    "auditor-ivan": _person(["EO13-Auditor"], "E-1009"),
    "unmapped-jo": _person(["Parks-Staff"], "E-1010"),
    "nogroups-kim": _person(None, "E-1011"),
    "leaver-lou": _person(["EO13-ACS-Frontline"], "E-9999"),
}

# group -> (agency, role, chair): the mapping City Hall would keep for these people.
GROUP_MAPPINGS = [
    ("EO13-ACS-Frontline", "ACS", "frontline", False),
    ("EO13-ACS-Lead", "ACS", "agency_lead", False),
    ("EO13-ACS-Privacy", "ACS", "privacy_officer", False),
    ("EO13-CPO", "MOIP", "chief_privacy_officer", False),
    ("EO13-CityHall", "CITYHALL", "city_hall", False),
    ("EO13-Committee-Chair", "CITYHALL", "committee", True),
    ("EO13-Committee", "CITYHALL", "committee", False),
    ("EO13-Auditor", "DOI", "auditor", False),
]


@dataclass
class RunningProvider:
    issuer: str
    process: subprocess.Popen[str]


def _clients(base_urls: list[str]) -> list[dict[str, Any]]:
    return [
        {
            "client_id": CLIENT_ID,
            "client_secret": CLIENT_SECRET,
            "redirect_uris": [f"{b}/oidc/callback/" for b in base_urls],
            "post_logout_redirect_uris": [f"{b}/accounts/login/" for b in base_urls],
            "token_endpoint_auth_method": "client_secret_post",
        },
        {
            "client_id": OTHER_CLIENT_ID,
            "client_secret": OTHER_CLIENT_SECRET,
            "redirect_uris": [OTHER_REDIRECT],
            "token_endpoint_auth_method": "client_secret_post",
        },
    ]


@contextmanager
def running_provider(directory: Path, base_urls: list[str]) -> Iterator[RunningProvider]:
    config = directory / f"oidc-{secrets.token_hex(4)}.json"
    config.write_text(json.dumps({"clients": _clients(base_urls), "accounts": ACCOUNTS}))
    proc = subprocess.Popen(
        ["node", str(SCRIPT), str(config)], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True
    )
    assert proc.stdout is not None
    line = proc.stdout.readline()
    if not line:
        proc.kill()
        pytest.fail("the test OpenID provider did not start: " + (proc.stderr.read() if proc.stderr else ""))
    try:
        yield RunningProvider(issuer=json.loads(line)["issuer"], process=proc)
    finally:
        proc.terminate()
        proc.wait(timeout=10)


@pytest.fixture(scope="session")
def oidc_provider(tmp_path_factory: Any) -> Iterator[RunningProvider]:
    with running_provider(tmp_path_factory.mktemp("oidc"), [TESTSERVER]) as provider:
        yield provider


@pytest.fixture(scope="session")
def other_oidc_provider(tmp_path_factory: Any) -> Iterator[RunningProvider]:
    """A second, unrelated issuer (its own keys) with the same clients and people."""
    with running_provider(tmp_path_factory.mktemp("oidc-other"), [TESTSERVER]) as provider:
        yield provider


def configure(settings: Any, issuer: str) -> None:
    settings.EO13_OIDC_ISSUER = issuer
    settings.OIDC_RP_CLIENT_ID = CLIENT_ID
    settings.OIDC_RP_CLIENT_SECRET = CLIENT_SECRET
    settings.OIDC_RP_SCOPES = "openid email profile"


def add_group_mappings() -> None:
    from eo13.accounts.models import GroupMapping
    from eo13.agencies.models import Agency

    for group, code, role, chair in GROUP_MAPPINGS:
        GroupMapping.objects.create(group=group, agency=Agency.objects.get(code=code), role=role, is_chair=chair)


@pytest.fixture
def city_sign_in(oidc_provider: RunningProvider, settings: Any, db: Any) -> RunningProvider:
    """EO13 set up against the test provider, with the group mapping above."""
    configure(settings, oidc_provider.issuer)
    add_group_mappings()
    return oidc_provider


def provider_sign_in(auth_url: str, login: str, stop_at: str) -> str:
    """Play the person at the provider: sign in, consent; returns the URL the provider sends them back to."""
    s = requests.Session()
    url = auth_url
    for _ in range(20):
        if url.startswith(stop_at):
            return url
        r = s.get(url, allow_redirects=False, timeout=10)
        if r.status_code in (302, 303):
            url = urljoin(url, r.headers["Location"])
            continue
        action = re.search(r'action="([^"]+/login)"', r.text)
        assert action, f"unexpected provider page {r.status_code}: {r.text[:300]}"
        r = s.post(
            urljoin(url, action.group(1)),
            data={"login": login, "password": PASSWORD},
            allow_redirects=False,
            timeout=10,
        )
        assert r.status_code in (302, 303), r.text[:300]
        url = urljoin(url, r.headers["Location"])
    raise AssertionError("the provider never sent the person back")


def sign_in(client: Any, login: str) -> Any:
    """The whole City sign-in with the Django test client; returns EO13's answer to the callback."""
    start = client.get("/oidc/authenticate/")
    assert start.status_code == 302, start
    back = provider_sign_in(start["Location"], login, f"{TESTSERVER}/oidc/callback/")
    parts = urlsplit(back)
    return client.get(f"{parts.path}?{parts.query}")


def code_for_other_client(issuer: str, login: str) -> tuple[str, str]:
    """A code (and the PKCE verifier) the provider issued to the other City app, not to EO13."""
    verifier = secrets.token_urlsafe(48)
    challenge = base64.urlsafe_b64encode(hashlib.sha256(verifier.encode()).digest()).rstrip(b"=").decode()
    params = {
        "client_id": OTHER_CLIENT_ID,
        "response_type": "code",
        "scope": "openid email profile",
        "redirect_uri": OTHER_REDIRECT,
        "state": secrets.token_urlsafe(8),
        "nonce": "nonce-of-the-other-app",
        "code_challenge": challenge,
        "code_challenge_method": "S256",
    }
    back = provider_sign_in(f"{issuer}/auth?{urlencode(params)}", login, OTHER_REDIRECT)
    return parse_qs(urlsplit(back).query)["code"][0], verifier


def id_token_for_other_client(issuer: str, login: str) -> str:
    code, verifier = code_for_other_client(issuer, login)
    meta = requests.get(f"{issuer}/.well-known/openid-configuration", timeout=10).json()
    r = requests.post(
        meta["token_endpoint"],
        data={
            "grant_type": "authorization_code",
            "code": code,
            "redirect_uri": OTHER_REDIRECT,
            "client_id": OTHER_CLIENT_ID,
            "client_secret": OTHER_CLIENT_SECRET,
            "code_verifier": verifier,
        },
        timeout=10,
    )
    r.raise_for_status()
    return str(r.json()["id_token"])
