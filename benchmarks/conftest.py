# The audit-log guards and reference-data reload that transactional tests need (see tests/conftest.py).
from tests.conftest import _audit_guards, _second_factor_off  # noqa: F401
