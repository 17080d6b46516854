"""One way to make a PDF report (WeasyPrint): a template, its context and the shared print stylesheet, in which
table rows never split across pages (issue 13)."""

from typing import Any

from django.contrib.staticfiles import finders
from django.template.loader import render_to_string

STYLESHEET = "eo13/report.css"


def render_pdf(template: str, context: dict[str, Any]) -> bytes:
    from weasyprint import CSS, HTML  # heavy (Pango); loaded on the first PDF, not at every process start

    html = render_to_string(template, context)
    css_path = finders.find(STYLESHEET)
    if not css_path:
        raise RuntimeError(f"The report stylesheet {STYLESHEET} is missing")
    pdf: bytes = HTML(string=html).write_pdf(stylesheets=[CSS(filename=str(css_path))])
    return pdf
