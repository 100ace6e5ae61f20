from __future__ import annotations

from congress.exceptions import ServiceError


class ElectionError(ServiceError):
    """A refused election action, with a message fit for the user (already translated)."""

    def __init__(self, message, field: str | None = None):
        super().__init__(message)
        self.message = message
        self.field = field

    def __str__(self) -> str:
        return str(self.message)


class SealedError(ElectionError):
    """A change to a round whose result is sealed: nothing of it may change any more."""
