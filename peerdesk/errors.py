"""Errors that describe the user's situation, not a bug.

Anything raised as a `PeerDeskError` is expected: the GUI shows its message in a dialog and
the CLI prints it as one line on stderr with exit status 1. Everything else is a bug and is
allowed to crash loudly (in tests above all).
"""


class PeerDeskError(Exception):
    """An expected failure whose message tells the user what happened and what to do next."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message

    def __str__(self) -> str:
        return self.message


class UsageError(PeerDeskError):
    """The command was called the wrong way (CLI exit status 2)."""
