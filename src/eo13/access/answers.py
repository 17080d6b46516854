"""The answer in one sentence, for each kind and outcome of decision (plain language; the reasons cite the law)."""

HEADLINES = {
    ("lot-use", "permitted"): "Yes. The order allows them to use this lot for this.",
    ("lot-use", "not_permitted"): "No. Under the order, they may not use this City lot as a base.",
    ("lot-use", "not_covered"): "The order's rule on City lots does not apply here.",
    ("property-access", "permitted"): "Yes, they may enter, but only as far as the reason below allows.",
    ("property-access", "not_permitted"): "No. They may not enter this non-public area.",
    ("property-access", "not_covered"): "The City rule on non-public areas does not apply here.",
    ("warrant", "judicial_warrant"): "This looks like a judicial warrant.",
    ("warrant", "not_judicial_warrant"): "This is not a judicial warrant.",
}
UNKNOWN = "EO13 cannot answer this yet. Call your agency counsel."
CONFLICT = "The facts disagree with each other. Call your agency counsel."
# Admin Code §10-178 (EO 13 §4): the order's rule alone would allow it, but another City law may forbid it.
OTHER_LAW = "EO13 cannot answer this yet. Call your agency counsel: another City law may forbid this."
TONE = {
    "permitted": "success",
    "judicial_warrant": "info",
    "not_permitted": "error",
    "not_judicial_warrant": "warning",
    "not_covered": "info",
    "unknown": "warning",
}


def headline(kind: str, outcome: str, conflict: bool = False, codes: tuple[str, ...] = ()) -> str:
    if conflict and "immigration_enforcement" in codes:
        return OTHER_LAW
    if conflict:
        return CONFLICT
    return HEADLINES.get((kind, outcome), UNKNOWN)
