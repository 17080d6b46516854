"""Errors the service layer raises; views and the API turn each into a clear message, never a 500.

Each error's ``status`` is its HTTP status, and the one translation (issue 11 point 5): the API answers it with
the error object ``{"error", "field"}`` (``eo13.api``), the web shows it on the form or as the error page
(``eo13.web.errors``)."""


class EO13Error(Exception):
    status = 400

    def __init__(self, message: str, field: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.field = field


class ValidationFailed(EO13Error):
    status = 422


class PermissionDenied(EO13Error):
    status = 403


class NotFound(EO13Error):
    status = 404


class ConflictError(EO13Error):
    status = 409


class StorageFull(EO13Error):
    """The file store refused the write (disk full, quota): nothing was kept; the user may try again later."""

    status = 507
