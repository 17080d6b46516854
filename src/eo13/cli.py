"""The `eo13` console script: the project's manage.py (INTERFACES §1)."""

import gc
import os
import sys

# Commands that read or write data but need no system checks skip them: the checks cost seconds at every start
# (issue 14). `eo13 check` and the test suite still run every check.
SKIP_CHECKS = frozenset(
    {"decide", "due", "purge", "audit-verify", "import-properties", "import-roster", "import-completions", "migrate"}
)


def main() -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "eo13.settings")
    argv = list(sys.argv)
    if len(argv) > 2 and argv[1] == "decide":
        from eo13.fastdecide import run

        if run(argv):
            return
    from django.core.management import execute_from_command_line

    if len(argv) > 1 and argv[1] in SKIP_CHECKS and "--skip-checks" not in argv and _has_checks(argv[1]):
        argv.insert(2, "--skip-checks")
    try:
        execute_from_command_line(argv)
    finally:
        # The interpreter's last collections walk every object Django made at start-up: about half a second at
        # the end of each command (issue 14). Frozen objects are left to the process's exit.
        gc.freeze()


def _has_checks(name: str) -> bool:
    """True when the command takes --skip-checks (a command that runs no checks does not)."""
    import django
    from django.core.management import get_commands, load_command_class

    django.setup()
    app = get_commands().get(name)
    return bool(app and load_command_class(app, name).requires_system_checks)


if __name__ == "__main__":
    main()
