"""What other apps may ask of the obligations engine (issue 11 point 8): record an event that makes duties due, mark
a duty done because EO13 saw it happen, close one as superseded. The privacy app and the Committee call these and
nothing else of ``eo13.obligations.services`` (an import-linter contract in pyproject.toml holds them to it), so a
rename here fails loudly instead of silently turning their duties off.
"""

from eo13.obligations.services import obligation_event_record as record_event
from eo13.obligations.services import obligation_fulfil as fulfil
from eo13.obligations.services import obligation_supersede as supersede

__all__ = ["fulfil", "record_event", "supersede"]
