"""Status names and codes.

Everywhere routemap takes a status it accepts a plain string ("met", "partial", "not_met",
"not_applicable", "unknown"; spaces, hyphens and case are forgiven, "n/a" works), an integer code, or
a :class:`Status` member; statuses come back as plain strings.
"""

from __future__ import annotations

import enum
from typing import Dict

__all__ = ["Status", "STATUS_CODES", "STATUS_NAMES", "REASONS"]


class Status(str, enum.Enum):
    """The status of a criterion. Members are strings: ``Status.MET == "met"``."""

    UNKNOWN = "unknown"
    NOT_MET = "not_met"
    PARTIAL = "partial"
    MET = "met"
    NOT_APPLICABLE = "not_applicable"

    @property
    def code(self) -> int:
        """The integer code used in score_many matrices."""
        return STATUS_CODES[self.value]

    def __str__(self) -> str:
        return self.value


#: status name -> code in score_many matrices
STATUS_CODES: Dict[str, int] = {"unknown": 0, "not_met": 1, "partial": 2, "met": 3, "not_applicable": 4}
#: code -> status name
STATUS_NAMES: Dict[int, str] = {code: name for name, code in STATUS_CODES.items()}
#: the reasons a criterion may be not_applicable
REASONS = ("not_relevant", "out_of_scope", "owned_elsewhere")
