"""EO13_ENV=production refuses an unsafe start, and `eo13 check --deploy` is clean with production settings."""

import os
import subprocess
import sys
from pathlib import Path

import pytest

EO13 = str(Path(sys.executable).parent / "eo13")
GOOD_KEY = "k3y-for-tests-only-9f8e7d6c5b4a3f2e1d0c9b8a7f6e5d4c3b2a1f0e9d8c7b6a"


def run(args: list[str], **extra: str) -> subprocess.CompletedProcess[str]:
    env = {
        k: v for k, v in os.environ.items() if not k.startswith(("EO13_", "DEBUG", "SECRET_KEY", "DJANGO_ALLOW_ASYNC"))
    }
    env.update(extra)
    return subprocess.run([EO13, *args], env=env, capture_output=True, text=True, timeout=120)


@pytest.mark.parametrize(
    "extra, complaint",
    [
        ({}, "real SECRET_KEY"),
        ({"SECRET_KEY": "short"}, "real SECRET_KEY"),
        ({"SECRET_KEY": "a" * 60}, "real SECRET_KEY"),
        ({"SECRET_KEY": GOOD_KEY, "DEBUG": "1"}, "DEBUG"),
    ],
)
def test_production_refuses_unsafe_start(extra, complaint):
    result = run(["check"], EO13_ENV="production", ALLOWED_HOSTS="eo13.example.nyc.test", **extra)
    assert result.returncode != 0
    assert complaint in result.stderr


def test_check_deploy_is_clean_in_production():
    result = run(
        ["check", "--deploy", "--fail-level", "WARNING"],
        EO13_ENV="production",
        SECRET_KEY=GOOD_KEY,
        ALLOWED_HOSTS="eo13.example.nyc.test",
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


CITY_SIGN_IN = {
    "EO13_OIDC_ISSUER": "https://login.example.nyc.test/tenant/v2.0",
    "EO13_OIDC_CLIENT_ID": "eo13-production",
    "EO13_OIDC_CLIENT_SECRET": "fictional-client-secret-0123456789",
    "EO13_OIDC_GROUPS_CLAIM": "roles",
    "EO13_LOCAL_LOGIN": "0",
}


def test_check_deploy_is_clean_in_production_with_city_sign_in():
    result = run(
        ["check", "--deploy", "--fail-level", "WARNING"],
        EO13_ENV="production",
        SECRET_KEY=GOOD_KEY,
        ALLOWED_HOSTS="eo13.example.nyc.test",
        **CITY_SIGN_IN,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


@pytest.mark.parametrize(
    "change, complaint",
    [
        ({"EO13_OIDC_ISSUER": "http://login.example.nyc.test"}, "eo13.E101"),
        ({"EO13_OIDC_CLIENT_SECRET": ""}, "eo13.E103"),
        ({"EO13_OIDC_SCOPES": "email profile"}, "eo13.E104"),
        ({"EO13_OIDC_SIGN_ALGO": "HS256"}, "eo13.E105"),
    ],
)
def test_check_deploy_refuses_unsafe_city_sign_in(change, complaint):
    result = run(
        ["check", "--deploy"],
        EO13_ENV="production",
        SECRET_KEY=GOOD_KEY,
        ALLOWED_HOSTS="eo13.example.nyc.test",
        **{**CITY_SIGN_IN, **change},
    )
    assert result.returncode != 0 and complaint in result.stderr + result.stdout


def test_production_never_runs_demo_mode():
    code = "from django.conf import settings; print(settings.EO13_DEMO, settings.SESSION_COOKIE_SECURE)"
    env = {
        k: v for k, v in os.environ.items() if not k.startswith(("EO13_", "DEBUG", "SECRET_KEY", "DJANGO_ALLOW_ASYNC"))
    }
    env.update(EO13_ENV="production", EO13_DEMO="1", SECRET_KEY=GOOD_KEY, DJANGO_SETTINGS_MODULE="eo13.settings")
    out = subprocess.run(
        [sys.executable, "-c", "import django; django.setup(); " + code], env=env, capture_output=True, text=True
    )
    assert out.stdout.split() == ["False", "True"], out.stderr


def test_development_default_check_warns_about_deploy():
    # The development defaults are not deployable; check --deploy says so.
    result = run(["check", "--deploy", "--fail-level", "WARNING"])
    assert result.returncode != 0
