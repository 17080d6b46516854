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
TONE = {
    "permitted": "success",
    "judicial_warrant": "info",
    "not_permitted": "error",
    "not_judicial_warrant": "warning",
    "not_covered": "info",
    "unknown": "warning",
}


def headline(kind: str, outcome: str, conflict: bool = False) -> str:
    if conflict:
        return CONFLICT
    return HEADLINES.get((kind, outcome), UNKNOWN)
