"""The answer in one sentence, for each kind and outcome of decision (plain language; the reasons cite the law)."""

from typing import Any

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


# Reasons that settle the answer by themselves: the rule's conclusion, why the rule does not apply, what the paper
# is or is not, what is still unknown. Shown first; the rest of what was checked follows (issue 13).
SETTLING = (
    "exception_conflict",
    "no_exception",
    "dhs_form",
    "issuer_not_judicial",
    "authorizes_nothing",
    "issuer_judicial",
    "authorizes_action",
    "before_effective_date",
    "not_government_personnel",
    "personnel_not_law_enforcement",
    "excluded_employer",
    "not_non_local",
    "not_city_lot",
    "not_city_property",
    "public_area",
    "not_a_base",
    "not_law_enforcement_purpose",
    "purpose_not_known",
    "depends_on_missing",
)


def _raised(reason: dict[str, Any], facts: dict[str, Any]) -> bool:
    """An exception the person raised: a paper they showed, a judgment or an agreement they checked."""
    key = reason.get("exception")
    if key is None:
        return False
    if key == "judicial_warrant" and (facts.get("warrant") or facts.get("judicial_warrant")):
        return True
    return key in (facts.get("exceptions") or [])


def order_reasons(
    decision: dict[str, Any], facts: dict[str, Any]
) -> tuple[list[dict[str, Any]], list[dict[str, Any]], list[dict[str, Any]]]:
    """(decisive, the rest that applies, what else was checked). For a Form I-205 shown as a warrant, the line
    saying it is not one comes first, not under "What else we checked"."""
    reasons = decision.get("reasons", [])
    first = [r for r in reasons if _raised(r, facts) or r.get("applies") is True]
    first += [r for r in reasons if r["code"] in SETTLING and r not in first]
    first.sort(key=lambda r: 0 if (_raised(r, facts) or r["code"] in ("dhs_form", "exception_conflict")) else 1)
    applies = [r for r in reasons if r not in first and r.get("applies") is not False]
    others = [r for r in reasons if r not in first and r.get("applies") is False]
    return first, applies, others
