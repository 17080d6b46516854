"""Errors the service layer raises; views and the API turn each into a clear message, never a 500."""


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
