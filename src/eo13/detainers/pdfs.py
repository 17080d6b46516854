"""The detainer app's PDF report made by the task worker (eo13.web.pdf_jobs): one agency's year."""

from typing import Any

from eo13.detainers.selectors import agency_report
from eo13.web.pdf_jobs import PdfSpec


def yearly(user: Any, code: str, year: int) -> PdfSpec:
    data = agency_report(user=user, agency_code=code, year=year)
    return PdfSpec("detainers/report_pdf.html", {"r": data}, f"eo13-detainers-{data.agency.lower()}-{data.year}.pdf")


PDFS = {"detainer-report": yearly}
