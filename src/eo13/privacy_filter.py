"""Logging filter: a second guard so no identifier reaches a log line even if a caller slipped (issue 9).

Request logs (the development server's, the production server's access log) write the request line. A query
string can hold what someone searched for ("?q=<an SSN>") and a calendar-feed URL carries its secret token in the
path; both are cut from every log line before the scrubber reads the rest.
"""

import logging

import re2

from eo13.scrub import scrub_text

# "?..." up to the next space or quote, anywhere in a line: query strings never reach a log.
_QUERY = re2.compile(r"\?[^\s\"']*")
# Secret tokens of calendar feeds and API tokens, wherever they appear (a path, a header echoed in an error).
_SECRETS = re2.compile(r"(eo13cal_|eo13_)[A-Za-z0-9_-]{8,}")


def clean_log_text(text: str) -> str:
    text = _QUERY.sub("?[query removed]", text)
    text = _SECRETS.sub(r"\1[secret removed]", text)
    return scrub_text(text)


class ScrubFilter(logging.Filter):
    def filter(self, record: logging.LogRecord) -> bool:
        try:
            message = record.getMessage()
        except Exception:  # a malformed log call must not break the request
            return True
        record.msg = clean_log_text(message)
        record.args = None
        if record.exc_info and not record.exc_text:
            # Formatted here so the scrubbed text is what the formatter prints (an exception's message can quote
            # what was typed).
            record.exc_text = _FORMATTER.formatException(record.exc_info)
        if record.exc_text:
            record.exc_text = clean_log_text(record.exc_text)
        return True


_FORMATTER = logging.Formatter()
