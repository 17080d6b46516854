"""The one entry point for decisions: parse the facts strictly, resolve registry ids, decide (INTERFACES §2).

With ``partial=True`` missing facts are allowed. The engine tries every value a missing fact could take; if the
answer is the same for all of them it gives it, otherwise the outcome is ``unknown`` and ``missing`` lists the
facts that could change it, the most decisive first (the fact whose answer settles the outcome most often).
"""

from __future__ import annotations

import itertools
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date
from typing import Any, Protocol

from eo13.law.agreements import AgreementFacts
from eo13.law.citations import AC_4_210, S1_CITY_LOT, S1_CITY_PROPERTY, S1_JUDICIAL_WARRANT, S3
from eo13.law.detainer import DOMAINS as DETAINER_DOMAINS
from eo13.law.detainer import decide_detainer
from eo13.law.engine import CALL_COUNSEL, Decision, Reason, unique
from eo13.law.fact_values import FactsError
from eo13.law.facts_fast import ReadFacts, Slow, read_fast
from eo13.law.lot_use import decide_lot_use
from eo13.law.other_laws import apply_10_178, with_registry_doubt
from eo13.law.property_access import decide_property_access
from eo13.law.warrant import decide_warrant


@dataclass(frozen=True)
class ResolvedProperty:
    ref: str  # the registry's id for the parcel
    facts: dict[str, Any]  # kind, city_owned_or_leased, city_operational_control, city_governmental_purpose
    basis: str  # a plain sentence saying where the answer came from
    doubt: str = ""  # why the registry is not sure (mixed ownership, land run by H+H or NYCHA, ...); "" when sure


class Registry(Protocol):
    """What the engine needs from the database, when the facts name a registered property or agreement."""

    def property(self, ref: str) -> ResolvedProperty | None: ...

    def agreement(self, ref: str) -> AgreementFacts | None: ...


RULES: dict[str, Callable[[dict[str, Any], date], Decision]] = {
    "lot-use": decide_lot_use,
    "property-access": decide_property_access,
    "warrant": decide_warrant,
    "detainer": decide_detainer,
}
RULE_CITATION = {
    "lot-use": S3,
    "property-access": AC_4_210,
    "warrant": S1_JUDICIAL_WARRANT,
    "detainer": "EO 13 §2",
}
PROPERTY_CITATION = {"lot-use": S1_CITY_LOT, "property-access": S1_CITY_PROPERTY}


def _run(kind: str, facts: dict[str, Any], today: date) -> Decision:
    """A rule, then the other laws the order leans on (EO 13 §4) and the registry's doubt."""
    rule = RULES[kind]
    citation = PROPERTY_CITATION.get(kind)
    if citation is None:  # warrant, detainer: no property, no §4 reading
        return rule(facts, today)
    # Each step below returns the decision unchanged when its fact is absent; skipping the call saves a partial
    # decision, which runs the rule for every combination of the missing facts, much of its time (issue 14).
    doubt = facts.get("property_doubt")
    decision = with_registry_doubt(rule, facts, today, citation) if doubt else rule(facts, today)
    if facts.get("immigration_enforcement") is True:
        return apply_10_178(decision, facts)
    return decision


_CITY_LOT = {
    "kind": "parking_lot",
    "city_owned_or_leased": True,
    "city_operational_control": True,
    "city_governmental_purpose": True,
}
_CITY_BUILDING = {
    "kind": "building",
    "city_owned_or_leased": True,
    "city_operational_control": True,
    "city_governmental_purpose": True,
}
_NOT_CITY = {
    "kind": "parking_lot",
    "city_owned_or_leased": False,
    "city_operational_control": False,
    "city_governmental_purpose": True,
}
# Representative values for each fact that may be missing, in the order a person would be asked.
DOMAINS: dict[str, tuple[Any, ...]] = {
    "requester": ("non_local_law_enforcement", "other"),
    "personnel": (
        {"employer": "federal", "enforces_laws": True},
        {"employer": "city", "enforces_laws": True},
        {"employer": "federal", "enforces_laws": False},
    ),
    "personnel.employer": ("federal", "city"),
    "personnel.enforces_laws": (True, False),
    "property": (_CITY_LOT, _CITY_BUILDING, _NOT_CITY),
    "property.kind": ("parking_lot", "building"),
    "property.city_owned_or_leased": (True, False),
    "property.city_operational_control": (True, False),
    "area": ("non_public", "public"),
    "use": ("staging_area", "other"),
    "law_enforcement_purpose": (True, False),
    "exceptions": ((), ("formal_agreement",)),
    "judicial_warrant": (False, True),
    "authorized_by_city_personnel": (False, True),
    "emergency": (False, True),
    "immigration_enforcement": (False, True),
    "issued_by": ("article_iii_judge", "immigration_officer"),
    "authorizes": ((), ("custody",)),
    **DETAINER_DOMAINS,
}
PRIORITY = list(DOMAINS)


def read_facts(kind: str, raw: Any, partial: bool) -> ReadFacts:
    """Well-formed facts are read without Pydantic; anything else, errors included, by the models (issue 14)."""
    try:
        return read_fast(kind, raw, partial)
    except Slow:
        from eo13.law.facts_read import read_facts as read_with_models

        return read_with_models(kind, raw, partial=partial)


def parse_facts(kind: str, raw: Any, *, partial: bool = False, registry: Registry | None = None) -> ReadFacts:
    read = read_facts(kind, raw, partial)
    facts = read.facts
    if kind in ("warrant", "detainer"):
        return read
    if facts.get("property_id"):
        if registry is None:
            raise FactsError("needs the property registry; run with a database or describe the property", "property_id")
        found = registry.property(facts["property_id"])
        if found is None:
            raise FactsError("no property in the registry has this id or BBL", "property_id")
        facts["property"] = dict(found.facts)
        facts["property_ref"] = found.ref
        facts["property_basis"] = found.basis
        facts["property_doubt"] = found.doubt
    elif isinstance(facts.get("property"), dict):
        facts["property_ref"] = None
    if facts.get("agreement_id"):
        if registry is None:
            raise FactsError("needs the agreements registry; run with a database", "agreement_id")
        agreement = registry.agreement(facts["agreement_id"])
        if agreement is None:
            raise FactsError("no agreement in the registry has this id", "agreement_id")
        facts["agreement"] = agreement
    return read


def _unknown_paths(read: ReadFacts) -> list[str]:
    return sorted(read.unknown, key=lambda p: PRIORITY.index(p) if p in PRIORITY else len(PRIORITY))


def _assign(facts: dict[str, Any], paths: list[tuple[str, str]], values: Iterable[Any]) -> dict[str, Any]:
    """The facts with each missing one given a value; ``paths`` are (top, sub) pairs, sub "" for a top-level fact."""
    out = facts.copy()
    for (top, sub), value in zip(paths, values, strict=True):
        if sub:
            out[top] = {**out[top], sub: value}
        else:
            out[top] = value
    return out


def _rests_on(reason: Reason, unknown: list[str]) -> bool:
    return any(d == u or d.startswith(u + ".") or u.startswith(d + ".") for d in reason.depends for u in unknown)


def _decide_partial(kind: str, read: ReadFacts, today: date) -> Decision:
    facts, unknown = read.facts, _unknown_paths(read)
    if not unknown:
        decision = _run(kind, facts, today)
        decision.missing = decision.missing or []
        return decision
    for path in unknown:
        if path not in DOMAINS:
            raise FactsError("is needed to decide", path)
    domains = [DOMAINS[p] for p in unknown]
    # Every combination of the missing facts' values, in itertools.product order (the last fact varies fastest).
    split = [(p.split(".", 1)[0], p.split(".", 1)[1] if "." in p else "") for p in unknown]
    table = [_run(kind, _assign(facts, split, values), today) for values in itertools.product(*domains)]
    outcomes = {d.outcome for d in table}
    first = table[0]
    kept = [r for r in first.reasons if not _rests_on(r, unknown)]
    if len(outcomes) == 1:
        if not kept:
            kept = [
                Reason(
                    "settled",
                    "Whatever the facts not given turn out to be, the answer is the same.",
                    RULE_CITATION[kind],
                )
            ]
        cited = {r.citation for r in kept}
        first.reasons = kept
        first.citations = [c for c in first.citations if c in cited] or [RULE_CITATION[kind]]
        first.missing = []
        return first
    ranked = _rank(unknown, domains, [d.outcome for d in table])
    ranked += unique([m for d in table for m in (d.missing or []) if m not in ranked])
    names = ", ".join(p.replace("_", " ") for p in ranked)
    kept.append(
        Reason("depends_on_missing", f"The answer depends on facts not given yet: {names}.", RULE_CITATION[kind])
    )
    return Decision(
        kind=kind,
        outcome="unknown",
        reasons=kept,
        citations=unique([RULE_CITATION[kind], *(r.citation for r in kept)]),
        next_steps=[f"Find out: {names}.", f"If you cannot find out, {CALL_COUNSEL[0].lower()}{CALL_COUNSEL[1:]}"],
        rules_version=first.rules_version,
        as_of=first.as_of,
        missing=ranked,
    )


def _rank(paths: list[str], domains: list[tuple[Any, ...]], outcome: list[str]) -> list[str]:
    """Facts that can change the outcome, most decisive first: the share of a fact's values that settle the answer
    whatever the other missing facts turn out to be; ties keep the order a person would be asked.

    ``outcome`` lists the outcomes in itertools.product order, so the outcomes for one value of fact ``i`` are runs
    of ``stride`` entries, one run in every block of ``size * stride``; lists of those runs, one per value, line up
    the same combinations of the other facts."""
    scored: list[tuple[float, int, str]] = []
    n = len(outcome)
    stride = n
    for i, path in enumerate(paths):
        size = len(domains[i])
        stride //= size
        block = size * stride
        per_value: list[list[str]] = [[] for _ in range(size)]
        for start in range(0, n, block):
            for k in range(size):
                at = start + k * stride
                per_value[k] += outcome[at : at + stride]
        if all(v == per_value[0] for v in per_value[1:]):
            continue  # no value of this fact changes the answer
        settled = sum(1 for results in per_value if len(set(results)) == 1) / len(domains[i])
        scored.append((-settled, PRIORITY.index(path), path))
    return [path for _, _, path in sorted(scored)]


def decide(kind: str, raw: Any, *, today: date, partial: bool = False, registry: Registry | None = None) -> Decision:
    """Decide one set of facts. Raises :class:`FactsError` for bad facts; never guesses a missing one."""
    read = parse_facts(kind, raw, partial=partial, registry=registry)
    if partial:
        return _decide_partial(kind, read, today)
    return _run(kind, read.facts, today)


def decide_batch(
    kind: str, raw: list[Any], *, today: date, partial: bool = False, registry: Registry | None = None
) -> list[Decision]:
    """All or nothing: every element is checked before any is decided; an error names the element's index."""
    parsed = []
    for i, item in enumerate(raw):
        try:
            parsed.append(parse_facts(kind, item, partial=partial, registry=registry))
        except FactsError as exc:
            raise FactsError(exc.error, f"[{i}].{exc.field}" if exc.field else f"[{i}]") from None
    return [_decide_partial(kind, r, today) if partial else _run(kind, r.facts, today) for r in parsed]
