"""The CPO's protocols through the API (EO 13 §6(2)): the newest version is the current one, in the answer to
publishing it and in the list, and an acknowledgement names the version and the officer's agency."""

from typing import Any

import pytest

pytestmark = pytest.mark.django_db


def _publish(api: Any, n: int) -> Any:
    body = {"title": f"Protocol {n}", "body": "Steps to follow.", "effective_on": f"2026-04-0{n}"}
    return api.post("/api/v1/privacy/protocols", body)


def test_only_the_newest_protocol_is_current(cpo: Any, api_as: Any) -> None:
    api = api_as(cpo)
    first = _publish(api, 1)
    assert first.status_code == 201
    assert (first.json()["number"], first.json()["current"]) == (1, True)
    second = _publish(api, 2)
    assert (second.json()["number"], second.json()["current"]) == (2, True)
    listed = api.get("/api/v1/privacy/protocols").json()
    assert [(p["number"], p["current"]) for p in listed] == [(2, True), (1, False)]


def test_an_acknowledgement_names_the_version_and_the_agency(cpo: Any, po: Any, designate: Any, api_as: Any) -> None:
    designate()
    published = _publish(api_as(cpo), 1).json()
    ack = api_as(po).post(f"/api/v1/privacy/protocols/{published['id']}/acknowledgements")
    assert ack.status_code == 201
    assert (ack.json()["protocol_number"], ack.json()["agency"]) == (1, "ACS")
    assert ack.json()["acknowledged_at"]
