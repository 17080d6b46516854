"""Start-up data: the designated languages always; in demo mode, a Law Department reviewer, a MOIA translator and
a fictional published policy for ACS with a Spanish translation (Korean left missing, to show the notice)."""

from typing import Any

from django.conf import settings
from django.db import transaction

from eo13.accounts.models import Membership, Role, User
from eo13.agencies.models import Agency
from eo13.audit.actions import AuditAction
from eo13.audit.services import audit_record
from eo13.policies import services
from eo13.policies.languages import load_languages
from eo13.policies.models import DesignatedLanguage, Policy

# Not named "demo-<role>": those are one per role (INTERFACES §1). These two hold the agency_lead role at the Law
# Department and at MOIA, and share the demo accounts' password.
DEMO_EXTRA = {"law-reviewer-demo": "LAW", "moia-translator-demo": "MOIA"}
DEMO_TITLE = "Working with outside law enforcement (demo)"
DEMO_BODY = """This is a **fictional demo policy** for trying out EO13.

## When an outside officer comes to one of our sites

- Stay calm and be polite. Never touch or block the officer.
- Ask to see a warrant. Check who signed it.
- A form from immigration officers, such as an I-200 or I-205, is not signed by a judge.
- Call your supervisor and our agency counsel before you let anyone into a private area.

## What we keep private

We do not share information about the people we serve unless the law allows it. Our privacy officer checks every
request.
"""
DEMO_SPANISH = """Esta es una **política de demostración ficticia** para probar EO13.

## Cuando un agente de fuera llega a uno de nuestros sitios

- Mantenga la calma y sea cortés. Nunca toque ni bloquee al agente.
- Pida ver la orden. Revise quién la firmó.
- Un formulario de agentes de inmigración, como el I-200 o el I-205, no está firmado por un juez.
- Llame a su supervisor y a la asesoría jurídica de la agencia antes de dejar entrar a alguien en un área privada.

## Lo que mantenemos en privado

No compartimos información sobre las personas a quienes servimos, salvo que la ley lo permita. Nuestro oficial de
privacidad revisa cada solicitud.
"""


def _demo_users(stdout: Any) -> dict[str, User]:
    from eo13.accounts.demo import create_demo_accounts

    create_demo_accounts(stdout)  # idempotent; prints the password only when it makes the accounts
    lead = User.objects.get(username="demo-agency-lead")
    made = []
    with transaction.atomic():
        for username, code in DEMO_EXTRA.items():
            if User.objects.filter(username=username).exists():
                continue
            user = User.objects.create_user(username=username, first_name="Demo", email=f"{username}@example.nyc.test")
            user.password = lead.password  # the same (hashed) password as the demo accounts, never seen in clear
            user.save(update_fields=["password"])
            Membership.objects.create(user=user, agency=Agency.objects.get(code=code), role=Role.AGENCY_LEAD)
            audit_record(actor="bootstrap", action=AuditAction.USER_CREATE_DEMO, target=user, agency_code=code)
            made.append(username)
    if made:
        stdout.write(
            f"Policy demo: {', '.join(made)} (Law Department reviewer, MOIA translator), same sign-in as above."
        )
    return {u.username: u for u in User.objects.filter(username__in=["demo-agency-lead", *DEMO_EXTRA])}


def _demo_policy(stdout: Any, users: dict[str, User]) -> None:
    acs = Agency.objects.get(code="ACS")
    if Policy.objects.filter(agency=acs).exists():
        return
    lead, reviewer, translator = (users[name] for name in ("demo-agency-lead", *DEMO_EXTRA))
    policy = services.policy_create(
        actor=lead, agency=acs, title=DEMO_TITLE, body=DEMO_BODY, change_summary="First version."
    )
    version = policy.versions.get()
    version = services.version_submit(actor=lead, version=version, expected_version=version.version)
    version = services.version_approve(actor=reviewer, version=version, expected_version=version.version)
    translation = services.translation_submit(
        actor=translator,
        policy=policy,
        language_code="es",
        version_number=version.number,
        title="Cómo actuar ante agentes de fuera (demostración)",
        body=DEMO_SPANISH,
    )
    services.translation_approve(actor=lead, translation=translation, expected_version=translation.edit_version)
    stdout.write("Demo policy published for ACS, with a Spanish translation.")


def run(stdout: Any) -> None:
    created = load_languages(DesignatedLanguage)
    stdout.write(f"Designated citywide languages: {DesignatedLanguage.objects.count()} ({created} new).")
    if settings.EO13_DEMO and not settings.PRODUCTION:
        _demo_policy(stdout, _demo_users(stdout))
