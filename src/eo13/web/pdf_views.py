"""The "your PDF is being made" page, which checks every few seconds (htmx) and then offers the download."""

from typing import Any

from django.contrib.auth.decorators import login_required
from django.core.files.storage import default_storage
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.tasks import TaskResult, TaskResultStatus
from django.tasks.exceptions import TaskResultDoesNotExist

from eo13.web.pdf_jobs import make_pdf


def _mine(request: HttpRequest, job: str) -> TaskResult[Any, Any]:
    """The job, only for the person who asked for it: anyone else gets the same 404 as for a job that never was."""
    try:
        result = make_pdf.get_result(job)
    except (TaskResultDoesNotExist, ValueError):
        raise Http404("No such report.") from None
    if result.kwargs.get("user_id") != request.user.pk:
        raise Http404("No such report.")
    return result


@login_required
def pdf_job(request: HttpRequest, job: str) -> HttpResponse:
    result = _mine(request, job)
    context = {
        "job": job,
        "ready": result.status == TaskResultStatus.SUCCESSFUL,
        "failed": result.status == TaskResultStatus.FAILED,
        "filename": result.return_value["filename"] if result.status == TaskResultStatus.SUCCESSFUL else "",
    }
    template = "web/_pdf_job.html" if request.headers.get("HX-Request") else "web/pdf_job.html"
    return render(request, template, context)


@login_required
def pdf_file(request: HttpRequest, job: str) -> FileResponse:
    result = _mine(request, job)
    if result.status != TaskResultStatus.SUCCESSFUL:
        raise Http404("This report is not ready.")
    made = result.return_value
    if not default_storage.exists(made["path"]):
        raise Http404("This report has been removed. Make it again.")
    response = FileResponse(default_storage.open(made["path"], "rb"), as_attachment=True, filename=made["filename"])
    response["Content-Type"] = "application/pdf"
    return response
