"""Write the golden decisions the engine must keep giving (issue 14): `python -m tests.law.golden.generate`.

Each line of ``decisions.jsonl.gz`` is one call of :func:`eo13.law.decide.decide` (or ``decide_batch``) and what it
answered: ``as_dict()`` of the decision, or the ``{error, field}`` of bad facts. The facts are the cases the law
tests use (recorded by ``record.py`` while they run) plus facts drawn at random from a fixed seed for each of the
four kinds: full and partial requests, facts the registry resolves (a stand-in registry, below) and broken facts.
``test_golden.py`` replays every line through the engine of the day, so a faster engine must answer byte for byte
as the one that wrote the file. Regenerate only when an answer is meant to change, and say why in the commit.
"""

from __future__ import annotations

import copy
import gzip
import json
import random
import sys
from datetime import date
from pathlib import Path
from typing import Any

from eo13.law.agreements import AgreementFacts
from eo13.law.decide import ResolvedProperty, decide, decide_batch
from eo13.law.facts import (
    AREAS,
    ATTESTED_FACTS,
    AUTHORIZES,
    CONVICTION_CATEGORIES,
    DETAINER_AGENCIES,
    DETAINER_REQUESTS,
    EMPLOYERS,
    FORMS,
    ISSUERS,
    LOT_EXCEPTIONS,
    PROPERTY_KINDS,
    REQUESTERS,
    USES,
    FactsError,
)

HERE = Path(__file__).resolve().parent
CORPUS = HERE / "decisions.jsonl.gz"
RECORDED = HERE / "recorded.jsonl"  # written by record.py; folded into the corpus, then not kept
TODAYS = ("2026-03-01", "2026-02-06", "2025-12-31", "2030-06-30")
SEED = 14
PER_KIND = 1800  # random facts per kind and mode


class StandInRegistry:
    """The registry's answers for a few ids, so facts naming a property or agreement are replayed too."""

    PROPERTIES = {
        "P1": ResolvedProperty(
            "P1",
            {
                "kind": "parking_lot",
                "city_owned_or_leased": True,
                "city_operational_control": True,
                "city_governmental_purpose": True,
            },
            "The City property list says DCAS runs this lot.",
        ),
        "P2": ResolvedProperty(
            "P2",
            {
                "kind": "building",
                "city_owned_or_leased": True,
                "city_operational_control": True,
                "city_governmental_purpose": None,
            },
            "The City property list has this building.",
            "It is run by NYC Health + Hospitals.",
        ),
        "P3": ResolvedProperty(
            "P3",
            {
                "kind": "garage",
                "city_owned_or_leased": True,
                "city_operational_control": True,
                "city_governmental_purpose": True,
            },
            "The City property list has this garage.",
            "Ownership is mixed.",
        ),
    }
    AGREEMENTS = {
        "A1": AgreementFacts(
            "A1",
            "formal_agreement",
            "Lot sharing",
            date(2026, 1, 1),
            None,
            frozenset({"P1"}),
            frozenset({"staging_area"}),
        ),
        "A2": AgreementFacts(
            "A2", "cooperative_arrangement", "Task force", date(2025, 1, 1), date(2026, 12, 31), None, None
        ),
        "A3": AgreementFacts("A3", "formal_agreement", "Old deal", date(2020, 1, 1), date(2021, 1, 1), None, None),
    }

    def property(self, ref: str) -> ResolvedProperty | None:
        return self.PROPERTIES.get(ref)

    def agreement(self, ref: str) -> AgreementFacts | None:
        return self.AGREEMENTS.get(ref)


def answer(kind: str, raw: Any, today: str, partial: bool, registry: bool, batch: bool) -> Any:
    """What the engine says, as JSON: the decision(s), or the error of bad facts."""
    reg = StandInRegistry() if registry else None
    on = date.fromisoformat(today)
    try:
        if batch:
            return [d.as_dict() for d in decide_batch(kind, raw, today=on, partial=partial, registry=reg)]
        return decide(kind, raw, today=on, partial=partial, registry=reg).as_dict()
    except FactsError as exc:
        return {"error": exc.error, "field": exc.field}
    except Exception as exc:
        return {"exception": type(exc).__name__}


def line(kind: str, raw: Any, today: str, partial: bool, registry: bool = False, batch: bool = False) -> dict[str, Any]:
    case = {"kind": kind, "raw": raw, "today": today, "partial": partial, "registry": registry, "batch": batch}
    return case | {"out": answer(kind, copy.deepcopy(raw), today, partial, registry, batch)}


# --- random facts -----------------------------------------------------------------------------------------------


def _date(r: random.Random) -> str:
    return f"{r.randint(2013, 2031)}-{r.randint(1, 12):02d}-{r.randint(1, 28):02d}"


def _pick(r: random.Random, values: tuple[Any, ...]) -> Any:
    return values[r.randrange(len(values))]


def _subset(r: random.Random, values: tuple[str, ...]) -> list[str]:
    out = [v for v in values if r.random() < 0.25]
    r.shuffle(out)
    return out


def _warrant(r: random.Random) -> dict[str, Any]:
    w: dict[str, Any] = {"issued_by": _pick(r, ISSUERS), "authorizes": _subset(r, AUTHORIZES)}
    if r.random() < 0.4:
        w["form"] = _pick(r, (*FORMS, None))
    if r.random() < 0.3:
        w["date"] = _date(r)
    return w


def _property(r: random.Random) -> dict[str, Any]:
    p: dict[str, Any] = {
        "kind": _pick(r, PROPERTY_KINDS),
        "city_owned_or_leased": r.random() < 0.75,
        "city_operational_control": r.random() < 0.75,
    }
    if r.random() < 0.6:
        p["city_governmental_purpose"] = _pick(r, (True, False, None))
    return p


def _place(r: random.Random, facts: dict[str, Any]) -> None:
    if r.random() < 0.15:
        facts["property_id"] = _pick(r, ("P1", "P2", "P3", "P9"))
    else:
        facts["property"] = _property(r)


def _attestations(r: random.Random) -> dict[str, Any]:
    return {
        k: {"by": _pick(r, ("", "A. Lee")), "basis": _pick(r, ("", "Fire in the lot."))}
        for k in _subset(r, ATTESTED_FACTS)
    }


def lot_use(r: random.Random) -> dict[str, Any]:
    facts: dict[str, Any] = {
        "personnel": {"employer": _pick(r, EMPLOYERS), "enforces_laws": r.random() < 0.8},
        "use": _pick(r, USES),
        "law_enforcement_purpose": r.random() < 0.8,
        "exceptions": _subset(r, LOT_EXCEPTIONS),
    }
    if r.random() < 0.85:
        facts["date"] = _date(r) if r.random() < 0.3 else _pick(r, ("2026-03-01", "2026-02-06", "2026-02-05"))
    _place(r, facts)
    if r.random() < 0.6:  # most of the rule's reasons show only for outside officers using a City lot as a base
        facts |= {"use": "staging_area", "law_enforcement_purpose": True}
        facts["personnel"] = {"employer": _pick(r, ("federal", "state", "other_state", "other")), "enforces_laws": True}
        if "property" in facts:
            facts["property"] |= {"kind": "parking_lot", "city_owned_or_leased": True, "city_operational_control": True}
    if r.random() < 0.4:
        facts["immigration_enforcement"] = _pick(r, (True, False, None))
    if r.random() < 0.2:
        facts["warrant"] = _warrant(r)
    if r.random() < 0.1:
        facts["agreement_id"] = _pick(r, ("A1", "A2", "A3", "A9"))
    if r.random() < 0.2:
        facts["attestations"] = _attestations(r)
    return facts


def property_access(r: random.Random) -> dict[str, Any]:
    facts: dict[str, Any] = {
        "requester": _pick(r, REQUESTERS),
        "area": _pick(r, AREAS),
        "authorized_by_city_personnel": r.random() < 0.3,
        "emergency": r.random() < 0.2,
    }
    if r.random() < 0.85:
        facts["date"] = _date(r)
    _place(r, facts)
    if r.random() < 0.6:
        facts["judicial_warrant"] = _pick(r, (True, False, None))
    if r.random() < 0.3:
        facts["warrant"] = _warrant(r)
    if r.random() < 0.4:
        facts["immigration_enforcement"] = _pick(r, (True, False, None))
    if r.random() < 0.1:
        facts["attestations"] = _attestations(r)
    return facts


def warrant(r: random.Random) -> dict[str, Any]:
    return _warrant(r)


def _conviction(r: random.Random) -> dict[str, Any]:
    c: dict[str, Any] = {
        "category": _pick(r, CONVICTION_CATEGORIES),
        "date_of_judgment": _date(r),
        "youthful_offender": r.random() < 0.15,
    }
    if r.random() < 0.5:
        c["offense_code"] = _pick(r, ("PL 120.05", "PL 125.25", "PL 155.30", "pl 120.10", None))
    if r.random() < 0.5:
        c["released_on"] = _pick(r, (_date(r), None))
    return c


def detainer(r: random.Random) -> dict[str, Any]:
    facts: dict[str, Any] = {
        "agency": _pick(r, DETAINER_AGENCIES),
        "request": _pick(r, DETAINER_REQUESTS),
        "convictions": [_conviction(r) for _ in range(r.choice((0, 1, 1, 2, 3)))],
        "terrorist_screening_match": r.random() < 0.15,
    }
    if r.random() < 0.85:
        facts["date"] = _pick(r, ("2026-03-01", _date(r)))
    if r.random() < 0.6:
        facts["warrant"] = _warrant(r)
    if r.random() < 0.5:
        facts["arrest_date"] = _date(r)
    return facts


MAKERS = {"lot-use": lot_use, "property-access": property_access, "warrant": warrant, "detainer": detainer}
ODD_VALUES: tuple[Any, ...] = (None, True, 0, 1.5, "", "yes", "x" * 101, [], {}, ["custody"], {"a": 1}, "2026-13-01")


def _break(r: random.Random, facts: Any) -> Any:
    """Facts with one thing wrong (or two), anywhere in them: a bad value, an unknown field, a field left out."""
    facts = copy.deepcopy(facts)
    for _ in range(r.choice((1, 1, 1, 2))):
        target = facts
        while isinstance(target, dict) and target and r.random() < 0.4:
            inner = [v for v in target.values() if isinstance(v, dict) or (isinstance(v, list) and v)]
            if not inner:
                break
            nxt = _pick(r, tuple(inner))
            target = nxt if isinstance(nxt, dict) else nxt[r.randrange(len(nxt))]
        if not isinstance(target, dict):
            continue
        how = r.random()
        if how < 0.45 and target:
            target[_pick(r, tuple(target))] = copy.deepcopy(_pick(r, ODD_VALUES))
        elif how < 0.65:
            target[_pick(r, ("colour", "Use", "employer", "kind"))] = copy.deepcopy(_pick(r, ODD_VALUES))
        elif target:
            del target[_pick(r, tuple(target))]
    if r.random() < 0.03:
        return _pick(r, ("facts", 3, None, [1]))
    return facts


def _hide(r: random.Random, facts: Any) -> Any:
    """A partial request: some facts left out, at the top and inside objects."""
    if not isinstance(facts, dict):
        return facts
    out = {k: v for k, v in facts.items() if r.random() < 0.6}
    for key in ("personnel", "property"):
        if isinstance(out.get(key), dict) and r.random() < 0.3:
            out[key] = {k: v for k, v in out[key].items() if r.random() < 0.6}
    return out


def random_lines(r: random.Random) -> list[dict[str, Any]]:
    lines = []
    for kind, make in MAKERS.items():
        for i in range(PER_KIND):
            facts = make(r)
            today = _pick(r, TODAYS)
            registry = r.random() < 0.5
            mode = i % 4
            if mode == 0:
                lines.append(line(kind, facts, today, False, registry))
            elif mode == 1:
                lines.append(line(kind, _hide(r, facts), today, True, registry))
            elif mode == 2:
                lines.append(line(kind, _break(r, facts), today, r.random() < 0.3, registry))
            else:
                batch = [make(r) for _ in range(r.randint(1, 4))]
                if r.random() < 0.3:
                    batch[r.randrange(len(batch))] = _break(r, batch[0])
                partial = r.random() < 0.3
                if partial:
                    batch = [_hide(r, f) for f in batch]
                lines.append(line(kind, batch, today, partial, registry, batch=True))
    return lines


def _recorded() -> list[dict[str, Any]]:
    """The law tests' facts: from record.py's file when there is one, else from the corpus already written."""
    if RECORDED.exists():
        cases = [json.loads(text) | {"from": "tests"} for text in RECORDED.read_text().splitlines()]
    elif CORPUS.exists():
        with gzip.open(CORPUS, "rt", encoding="utf-8") as f:
            cases = [c for c in map(json.loads, f) if c.get("from") == "tests"]
    else:
        cases = []
    seen, out = set(), []
    for case in cases:
        key = json.dumps([case[k] for k in ("kind", "raw", "today", "partial", "registry")], sort_keys=True)
        if key not in seen:
            seen.add(key)
            out.append(
                line(case["kind"], case["raw"], case["today"], case["partial"], case["registry"]) | {"from": "tests"}
            )
    return out


def main() -> None:
    lines = _recorded()
    recorded = len(lines)
    lines += random_lines(random.Random(SEED))
    text = "".join(json.dumps(case, ensure_ascii=False) + "\n" for case in lines)
    CORPUS.write_bytes(gzip.compress(text.encode(), compresslevel=9, mtime=0))  # the same bytes at every run
    sys.stdout.write(f"{len(lines)} decisions ({recorded} from the law tests) in {CORPUS}\n")


if __name__ == "__main__":
    main()
