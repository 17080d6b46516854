"""A large fictional roster for the import benchmarks (issue 14): ``rows(n)`` people spread over a few agencies,
with names, some work e-mails, every role group and both public-facing answers. No real person is in it."""

import csv
import io
import random

AGENCIES = ("ACS", "DOC", "DOE", "DHS", "DOHMH", "DSNY", "DOT", "DPR")
FIRST = ("Alex", "Bea", "Chen", "Dana", "Eli", "Fatou", "Gia", "Hiro", "Ines", "Jae", "Kofi", "Lena", "Mara", "Nia")
LAST = ("Abara", "Brook", "Castillo", "Dunn", "Esposito", "Fong", "Garcia", "Hale", "Iyer", "Jones", "Kim", "Lopez")
GROUPS = ("employee", "officer", "contractor", "subcontractor")
HEADER = ("agency", "staff_id", "name", "email", "role_group", "public_facing")


def rows(n: int, *, seed: int = 14, rename_every: int = 0) -> list[tuple[str, ...]]:
    """``rename_every`` > 0 gives every such person another name, for a re-import with some changes."""
    rnd = random.Random(seed)  # noqa: S311 (fictional names, not secrets)
    out = []
    for i in range(n):
        first, last = rnd.choice(FIRST), rnd.choice(LAST)
        name = f"{first} {last} {i % 97}" if not (rename_every and i % rename_every == 0) else f"{first} Renamed"
        email = f"{first}.{last}{i}@agency.nyc.test".lower() if i % 2 else ""
        out.append((AGENCIES[i % len(AGENCIES)], f"S-{i:07d}", name, email, GROUPS[i % 4], "yes" if i % 3 else "no"))
    return out


def to_csv(data: list[tuple[str, ...]]) -> bytes:
    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\n")
    writer.writerow(HEADER)
    writer.writerows(data)
    return buf.getvalue().encode()
