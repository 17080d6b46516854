"""Issue 11, point 4: the access app's choices are the law's values, written once in eo13.law.facts; both guides share
one signed state (eo13.guide_state)."""

from eo13.access.forms import AgreementForm
from eo13.access.models.encounters import DocumentShown
from eo13.law.facts import Form, Use


def test_the_access_app_reuses_the_laws_values():
    assert [c for c, _ in AgreementForm.base_fields["uses"].choices] == [u.value for u in Use]
    assert {f.value for f in Form} - {"other"} <= set(DocumentShown.values)


def test_a_guide_token_from_before_the_shared_state_still_loads():
    """Guides in progress survive a deploy: the signed token keeps the short keys both guides always used."""
    from django.core import signing

    from eo13.access.guide import GuideState
    from eo13.detainers.guide import GuideState as DetainerState

    old = signing.dumps({"k": "lot-use", "f": {"use": "other"}, "u": [], "p": "", "w": None}, salt="eo13.access.guide")
    state = GuideState.load(old)
    # Issue 13: the token now holds answers, not facts; a guide begun before it keeps its kind and asks again.
    assert (state.kind, state.answers) == ("lot-use", {})
    assert GuideState.load(state.dump()) == state
    old = signing.dumps({"f": {"agency": "DOC"}, "u": ["warrant"]}, salt="eo13.detainers.guide", compress=True)
    assert DetainerState.load(old) == DetainerState({"agency": "DOC"}, ["warrant"])
