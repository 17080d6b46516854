"""A pytest plugin that records the facts the law tests decide, for generate.py:
`pytest -p tests.law.golden.record tests/law` then `python -m tests.law.golden.generate`."""

from __future__ import annotations

import json
from typing import Any

import eo13.law.decide as engine
from tests.law.golden.generate import RECORDED


def pytest_configure(config: Any) -> None:
    real = engine.decide

    def decide(kind: str, raw: Any, *, today: Any, partial: bool = False, registry: Any = None) -> Any:
        if registry is None:
            try:
                text = json.dumps({"kind": kind, "raw": raw, "today": today.isoformat(), "partial": partial})
            except (TypeError, ValueError):
                text = ""
            if text:
                with RECORDED.open("a") as f:
                    f.write(text[:-1] + ', "registry": false}\n')
        return real(kind, raw, today=today, partial=partial, registry=registry)

    engine.decide = decide  # the tests import it after this runs
