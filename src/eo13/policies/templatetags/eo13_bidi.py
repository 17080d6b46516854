"""Codes and citations inside translated text, kept left-to-right on Arabic and Urdu pages (issue 13).

In a right-to-left sentence, "I-205" reads as "205-I" and "8 U.S.C. §1362" as "U.S.C. §1362 8": the bidi
algorithm moves the neutral hyphen and the leading number. Each such code is isolated in ``<bdi dir="ltr">``.
"""

import re

from django import template
from django.utils.html import conditional_escape
from django.utils.safestring import SafeString, mark_safe

register = template.Library()

# DHS form numbers (I-205), U.S. Code and CFR citations (8 U.S.C. §1357), City and State sections (§10-178, §4-210(a)),
# and EO 13's own section references (EO 13 §2(1)). Linear: no nested quantifiers.
CODE = re.compile(
    r"\b[A-Z]-\d{2,4}[A-Z]?\b"
    r"|\b\d+ (?:U\.S\.C\.|C\.F\.R\.) §\s?\d+[\w.()-]*"
    r"|\b(?:EO 13|Admin Code|Executive Law) §\s?\d+[\w.()-]*"
    r"|§\s?\d+[\w.()-]*"
)


@register.filter(is_safe=True)
def ltr_codes(text: str) -> SafeString:
    """Escape ``text`` and wrap each code or citation in an isolated left-to-right span."""
    escaped = str(conditional_escape(text))
    return mark_safe(CODE.sub(lambda m: f'<bdi dir="ltr">{m.group(0)}</bdi>', escaped))  # escaped above
