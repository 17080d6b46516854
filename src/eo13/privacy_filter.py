"""Logging filter: a second guard so no identifier reaches a log line even if a caller slipped."""

import logging

from eo13.scrub import scrub_text


class ScrubFilter(logging.Filter):
    def filter(self, record: logging.LogRecord) -> bool:
        try:
            message = record.getMessage()
        except Exception:  # a malformed log call must not break the request
            return True
        record.msg = scrub_text(message)
        record.args = None
        if record.exc_text:
            record.exc_text = scrub_text(record.exc_text)
        return True
