"""The order as code: pure Python, no Django import (DESIGN "Architecture").

Modules: ``citations`` (section strings), ``definitions`` (§1 terms as predicates), ``rules`` and ``decide``
(lot use §3/§4, property access Admin Code §4-210, warrant §1(6)), and the obligation catalogue with its
deadline arithmetic.
"""
