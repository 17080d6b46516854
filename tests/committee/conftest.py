from tests.committee.helpers import duties, people  # noqa: F401
