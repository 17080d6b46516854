"""The obligations app's PDF reports made by the task worker (eo13.web.pdf_jobs): the report to the Mayor."""

from typing import Any

from eo13.obligations.reports import mayor_report_data
from eo13.web.pdf_jobs import PdfSpec


def mayor(user: Any) -> PdfSpec:
    return PdfSpec("obligations/report_mayor_pdf.html", mayor_report_data(user), "eo13-report-to-the-mayor.pdf")


PDFS = {"mayor-report": mayor}
