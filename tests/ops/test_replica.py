"""Reads that may lag go to the replica; the audit chain, sign-in data and writes never do (issue 14)."""

import environ
import pytest
from django.contrib.sessions.models import Session
from django.db import connections, transaction
from django.http import HttpResponse
from django.test import RequestFactory, override_settings

from eo13.accounts.models import APIToken, User
from eo13.agencies.models import Agency
from eo13.audit.models import AuditChainHead, AuditEntry
from eo13.ops.databases import databases_from_env
from eo13.ops.replica import reads_from_replica, replica_reads
from eo13.policies.models import Policy

ROUTER = ["eo13.ops.replica.ReplicaRouter"]


@pytest.fixture
def replica(monkeypatch):
    """A replica alias beside the primary (routing is decided without opening it)."""
    monkeypatch.setitem(connections.settings, "replica", dict(connections.settings["default"]))
    with override_settings(DATABASE_ROUTERS=ROUTER):
        yield


@pytest.mark.django_db(transaction=True)  # a test transaction would keep every read on the primary
@pytest.mark.parametrize(
    ("model", "where"),
    [
        (Agency, "replica"),
        (Policy, "replica"),
        (AuditEntry, "default"),  # a lagging chain head would fork the chain
        (AuditChainHead, "default"),
        (User, "default"),  # a person switched off is refused at once
        (APIToken, "default"),
        (Session, "default"),
    ],
)
def test_what_a_public_page_or_report_reads_from(replica, model, where):
    with replica_reads():
        assert model.objects.all().db == where
    assert model.objects.all().db == "default"  # outside a marked view everything reads the primary


@pytest.mark.django_db(transaction=True)  # a test transaction would keep every read on the primary
def test_inside_a_transaction_everything_reads_the_primary(replica):
    with replica_reads(), transaction.atomic():
        assert Agency.objects.all().db == "default"
    with replica_reads():
        assert Agency.objects.all().db == "replica"


@pytest.mark.django_db(transaction=True)  # a test transaction would keep every read on the primary
def test_writes_go_to_the_primary_even_for_objects_read_from_the_replica(replica):
    from django.db import router

    agency = Agency.objects.first()
    agency._state.db = "replica"  # as if read in a marked view

    assert router.db_for_write(Agency, instance=agency) == "default"
    assert router.db_for_read(Agency, instance=agency) == "default"  # outside a marked view


@pytest.mark.django_db(transaction=True)  # a test transaction would keep every read on the primary
def test_only_get_and_head_of_a_marked_view_read_from_the_replica(replica):
    seen = []

    @reads_from_replica
    def view(request):
        seen.append(Agency.objects.all().db)
        return HttpResponse("ok")

    factory = RequestFactory()
    for request in (factory.get("/"), factory.head("/"), factory.post("/")):
        view(request)
    assert seen == ["replica", "replica", "default"]


@pytest.mark.django_db(transaction=True)  # a test transaction would keep every read on the primary
def test_public_pages_and_reports_are_marked():
    from django.urls import resolve

    marked = ("/en/", "/en/rights/", "/en/policies/", "/en/guide/", "/staff/access/reports/10-178d/")
    for path in (*marked, "/staff/obligations/reports/", "/staff/detainers/reports/"):
        assert getattr(resolve(path).func, "reads_from_replica", False), path
    for path in ("/staff/", "/staff/audit-log/", "/accounts/login/"):
        assert not getattr(resolve(path).func, "reads_from_replica", False), path


def test_the_replica_is_configured_only_from_its_url(monkeypatch, tmp_path):
    monkeypatch.delenv("DATABASE_URL", raising=False)
    monkeypatch.delenv("DATABASE_REPLICA_URL", raising=False)
    databases, routers = databases_from_env(environ.Env(), tmp_path)
    assert set(databases) == {"default"} and routers == []
    monkeypatch.setenv("DATABASE_URL", "postgres://eo13@primary.example.test/eo13")
    monkeypatch.setenv("DATABASE_REPLICA_URL", "postgres://eo13_ro@replica.example.test/eo13")
    databases, routers = databases_from_env(environ.Env(), tmp_path)
    assert databases["replica"]["HOST"] == "replica.example.test"
    assert databases["replica"]["TEST"] == {"MIRROR": "default"}
    assert routers == ["eo13.ops.replica.ReplicaRouter"]
