"""The Committee's PDF reports made by the task worker (eo13.web.pdf_jobs): a crisis report to the Mayor (§7(1)(f))."""

from typing import Any

from eo13.committee import selectors
from eo13.committee.views_report import assemble
from eo13.web.pdf_jobs import PdfSpec


def crisis_report(user: Any, pk: int) -> PdfSpec:
    report = selectors.mayor_report_get(user, pk)  # NotFound for anyone who may not see it
    return PdfSpec("committee/report_pdf.html", assemble(user, report), f"eo13-committee-report-{report.pk}.pdf")


PDFS = {"committee-report": crisis_report}
