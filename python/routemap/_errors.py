"""The exception hierarchy of routemap.

Every error raised by the C++ core arrives as one of these classes (the translation is registered in
``routemap._core``). The message keeps ``file:line:column`` when the problem is in a file, and
``diagnostics`` lists every problem found, not only the first.
"""

from __future__ import annotations

from typing import Any, List, Optional

__all__ = [
    "Error",
    "FrameworkError",
    "AssessmentError",
    "TargetError",
    "NotFoundError",
    "PluginError",
    "IoError",
]


class Error(Exception):
    """Base class of every routemap error.

    Attributes:
        diagnostics: every problem found, as :class:`routemap.Diagnostic` objects (``file``,
            ``line``, ``column``, ``message``, ``severity``, ``criterion_id``, ``framework_id``).
    """

    diagnostics: List[Any]

    def __init__(self, message: str = "", diagnostics: Optional[List[Any]] = None) -> None:
        super().__init__(message)
        self.diagnostics = list(diagnostics) if diagnostics else []

    def __str__(self) -> str:
        # KeyError would quote the message; every routemap error prints it as is.
        return str(self.args[0]) if len(self.args) == 1 else super().__str__()

    def _first(self) -> Any:
        for diagnostic in self.diagnostics:
            if getattr(diagnostic, "severity", "error") == "error":
                return diagnostic
        return self.diagnostics[0] if self.diagnostics else None

    @property
    def message(self) -> str:
        """The first error's own message, without its location."""
        first = self._first()
        return first.message if first is not None else str(self)

    @property
    def file(self) -> str:
        """The file of the first error ('' when not about a file)."""
        first = self._first()
        return first.file if first is not None else ""

    @property
    def line(self) -> int:
        """The 1-based line of the first error (0 when unknown)."""
        first = self._first()
        return first.line if first is not None else 0

    @property
    def column(self) -> int:
        """The 1-based column of the first error (0 when unknown)."""
        first = self._first()
        return first.column if first is not None else 0

    @property
    def framework_id(self) -> str:
        """The framework concerned, when known."""
        for diagnostic in self.diagnostics:
            if diagnostic.framework_id:
                return diagnostic.framework_id
        return ""

    @property
    def criterion_id(self) -> str:
        """The criterion concerned by the first error, when it is about one."""
        first = self._first()
        return first.criterion_id if first is not None else ""


class FrameworkError(Error):
    """A framework file or specification is invalid (TOML syntax, schema, ids, dependency cycle)."""


class AssessmentError(Error):
    """An assessment does not fit its framework, or its file is malformed."""


class TargetError(Error):
    """A target names an unknown tier, domain or area, or its file is malformed."""


class NotFoundError(Error, KeyError):
    """A lookup by id failed: unknown framework, criterion, area, scoring model or report format.

    Also a :class:`KeyError`, so ``except KeyError`` works as for a dict.
    """


class PluginError(Error):
    """A compiled plugin was refused (wrong API version, no entry point) or failed while registering."""


class IoError(Error, OSError):
    """A file could not be opened, read or written. Also an :class:`OSError`."""
