"""Background work of the privacy app, on Django's tasks framework (django-tasks-db runs it)."""

from django.core.mail import send_mail
from django.tasks import task

from eo13.privacy.common import register_policy
from eo13.privacy.duties import vacancy_due
from eo13.privacy.models import PrivacyOfficerVacancy


@task
def notify_cpo_of_vacancy(vacancy_id: int) -> int:
    """Tell the Chief Privacy Officer an agency's privacy officer left; a new one is due in 30 days (EO 13 §6).

    The message names the agency and dates only; it carries no note text."""

    vacancy = PrivacyOfficerVacancy.objects.select_related("agency").filter(pk=vacancy_id).first()
    if vacancy is None:
        return 0
    to = sorted({u.email for u in register_policy.users_to_tell(vacancy)})
    if not to:
        return 0

    due = vacancy_due(vacancy.vacated_on)
    body = (
        f"{vacancy.agency.name} ({vacancy.agency.code}) has no privacy officer since {vacancy.vacated_on:%B %-d, %Y}.\n"
        f"The agency should name a new privacy officer by {due:%B %-d, %Y}, working with you (EO 13 §6).\n"
        "See the register in EO13 under Privacy."
    )
    send_mail(f"Privacy officer vacancy at {vacancy.agency.code}", body, None, to)
    return len(to)
