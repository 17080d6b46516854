# The audit-log guards and reference-data reload that transactional tests need (see tests/conftest.py).
from tests.conftest import _audit_guards  # noqa: F401
