"""Staff menu links of the training app."""

from eo13.training.permissions import READ_ALL, WRITE_OWN

ITEMS = [
    ("Training", "training:coverage", set(READ_ALL | WRITE_OWN)),
]
