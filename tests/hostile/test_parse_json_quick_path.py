"""The API's JSON parser skips the walk over every value only where the body's bytes show the walk would refuse
nothing (issue 14): it must refuse exactly what the walk refuses, whatever the body."""

import json
from collections.abc import Callable
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from eo13.api_limits import LABEL_MAX, InputRefused, check_values, parse_json

# Text that reaches the edges: NUL, a lone surrogate, quotes and backslashes, non-ASCII, and lengths near the limit.
_text = st.one_of(
    st.text(max_size=12),
    st.sampled_from(["\x00", "\ud800", "a\\b", 'say "no"', "é", "a" * LABEL_MAX, "a" * (LABEL_MAX + 1)]),
)
_json = st.recursive(
    st.one_of(st.none(), st.booleans(), st.integers(), _text),
    lambda inner: st.one_of(st.lists(inner, max_size=4), st.dictionaries(_text, inner, max_size=4)),
    max_leaves=12,
)


def _refuses(check: Callable[[Any], Any], value: Any) -> bool:
    try:
        check(value)
    except InputRefused:
        return True
    return False


@given(data=_json, ascii_only=st.booleans())
def test_the_parser_refuses_exactly_what_the_full_walk_refuses(data: Any, ascii_only: bool) -> None:
    body = json.dumps(data, ensure_ascii=ascii_only).encode("utf-8", "surrogatepass")
    assert _refuses(parse_json, body) == _refuses(check_values, json.loads(body))


@pytest.mark.parametrize(
    "body, refused",
    [
        (b'{"use": "staging_area", "exceptions": ["exigent_circumstances"]}', False),  # the quick path
        (b'{"note": "\\u0000"}', True),  # NUL, written as an escape
        (b'{"note": "\\ud800"}', True),  # a lone surrogate, written as an escape
        (b'{"note": "\xed\xa0\x80"}', True),  # the same surrogate, as raw bytes json.loads lets through
        (b'{"' + b"k" * (LABEL_MAX + 1) + b'": 1}', True),  # a field name over the limit
        (b'{"' + b"k" * LABEL_MAX + b'": 1}', False),
        (b'{"note": "' + "é".encode() * 150 + b'"}', False),  # long in bytes, within the limit in characters
    ],
)
def test_bodies_at_the_quick_paths_edges(body: bytes, refused: bool) -> None:
    assert _refuses(parse_json, body) is refused
