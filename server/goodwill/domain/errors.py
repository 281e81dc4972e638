"""Refusals a command can meet. Each carries a stable code and a sentence for a person."""


class DomainError(Exception):
    """A command was refused by a rule of the domain."""

    code = "refused"

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


class NotFoundError(DomainError):
    code = "not-found"


class NotAllowedError(DomainError):
    code = "not-allowed"


class ConflictError(DomainError):
    code = "conflict"


def refuse(error_code: str, message: str) -> DomainError:
    """Rebuild a stored refusal with its original class, so a replay answers as the first time did."""
    for cls in (NotFoundError, NotAllowedError, ConflictError):
        if cls.code == error_code:
            return cls(message)
    return DomainError(message)
