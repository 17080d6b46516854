"""Citation strings, one spelling everywhere (INTERFACES §2): ``EO 13 §3(2)``, ``Admin Code §4-210``."""

from __future__ import annotations


def eo(section: int, *paragraphs: int | str) -> str:
    """``eo(3, 2)`` -> ``"EO 13 §3(2)"``; ``eo(7, 1, "f")`` -> ``"EO 13 §7(1)(f)"``."""
    return f"EO 13 §{section}" + "".join(f"({p})" for p in paragraphs)


def admin_code(section: str) -> str:
    return f"Admin Code §{section}"


S1_CITY_LOT = eo(1, 1)
S1_CITY_PROPERTY = eo(1, 2)
S1_CONTRACTOR = eo(1, 3)
S1_HUMAN_SERVICES = eo(1, 4)
S1_IMMIGRATION_ENFORCEMENT = eo(1, 5)
S1_JUDICIAL_WARRANT = eo(1, 6)
S3 = eo(3)
S4 = eo(4)
S9 = eo(9)
AC_4_210 = admin_code("4-210")
AC_10_178 = admin_code("10-178")
