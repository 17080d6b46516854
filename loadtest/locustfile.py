"""EO13's load test (issue 14): the real mix of work, run headless and bounded in time by `make loadtest`.

- front-line staff ask for decisions and file encounter records through the API (a bearer token);
- agency leads open their workspaces (signed in through the web form);
- City Hall opens the citywide board;
- the public reads the home, rights, order and policy pages in several languages.

All accounts are the fictional demo accounts of the cluster (EO13_DEMO_PASSWORD). Any non-2xx answer is an error.
"""

from __future__ import annotations

import os
import random
import re

from locust import HttpUser, between, events, task

PASSWORD = os.environ.get("EO13_DEMO_PASSWORD", "cluster-demo-password-2026")
LANGUAGES = ["en", "es", "zh-hant", "ru", "bn", "ht", "ko", "ar", "ur", "fr", "pl"]
LOT = {"kind": "parking_lot", "city_owned_or_leased": True, "city_operational_control": True}
USES = ["staging_area", "processing_location", "operations_base", "other"]
_token: dict[str, str] = {}


@events.test_start.add_listener
def _get_token(environment, **_kwargs) -> None:  # type: ignore[no-untyped-def]
    """One API token for the run (the token endpoint is limited to a few sign-ins a minute on purpose)."""
    import requests

    r = requests.post(
        environment.host + "/api/v1/auth/token",
        json={"username": "demo-frontline", "password": PASSWORD, "name": "load test"},
        timeout=30,
    )
    r.raise_for_status()
    _token["value"] = r.json()["token"]


class FrontLine(HttpUser):
    weight = 5
    wait_time = between(0.0, 0.2)

    @task(8)
    def decide_lot_use(self) -> None:
        facts = {
            "date": "2026-03-01",
            "personnel": {"employer": "federal", "enforces_laws": True},
            "property": LOT,
            "use": random.choice(USES),  # noqa: S311
            "law_enforcement_purpose": random.random() < 0.8,  # noqa: S311
            "exceptions": [],
        }
        self.client.post(
            "/api/v1/decisions/lot-use",
            json=facts,
            headers={"Authorization": f"Bearer {_token['value']}"},
            name="POST /api/v1/decisions/lot-use",
        )

    @task(1)
    def file_encounter(self) -> None:
        self.client.post(
            "/api/v1/encounters",
            json={
                "agency": "ACS",
                "occurred_at": "2026-03-02T10:15:00-05:00",
                "requesting_agency": "ice",
                "request_kind": "use_lot",
                "city_response": "declined",
                "immigration_enforcement": True,
                "documents_shown": ["I-205"],
                "what_happened": "Two agents asked to park. We said no and called counsel.",
                "counsel_called": True,
            },
            headers={"Authorization": f"Bearer {_token['value']}"},
            name="POST /api/v1/encounters",
        )


class _SignedIn(HttpUser):
    abstract = True
    username = ""

    def on_start(self) -> None:
        page = self.client.get("/accounts/login/", name="GET /accounts/login/")
        match = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page.text)
        self.client.post(
            "/accounts/login/",
            data={"username": self.username, "password": PASSWORD, "csrfmiddlewaretoken": match.group(1) if match else ""},
            headers={"Referer": self.host + "/accounts/login/"},
            name="POST /accounts/login/",
        )


class AgencyLead(_SignedIn):
    weight = 2
    wait_time = between(0.1, 0.5)
    username = "demo-agency-lead"

    @task(3)
    def obligations_workspace(self) -> None:
        self.client.get("/staff/obligations/", name="GET /staff/obligations/")

    @task(1)
    def encounters(self) -> None:
        self.client.get("/staff/access/encounters/", name="GET /staff/access/encounters/")


class CityHall(_SignedIn):
    weight = 1
    wait_time = between(0.2, 1.0)
    username = "demo-city-hall"

    @task
    def board(self) -> None:
        self.client.get("/staff/obligations/board/", name="GET /staff/obligations/board/")


class Public(HttpUser):
    weight = 4
    wait_time = between(0.0, 0.3)

    @task(3)
    def home(self) -> None:
        self.client.get(f"/{random.choice(LANGUAGES)}/", name="GET /<lang>/")  # noqa: S311

    @task(2)
    def rights(self) -> None:
        self.client.get(f"/{random.choice(LANGUAGES)}/rights/", name="GET /<lang>/rights/")  # noqa: S311

    @task(1)
    def order(self) -> None:
        self.client.get(f"/{random.choice(LANGUAGES)}/order/", name="GET /<lang>/order/")  # noqa: S311
