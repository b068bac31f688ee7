"""`QT_TRANSLATE_NOOP` with its real type.

PySide6's stub declares `QT_TRANSLATE_NOOP(context: object, message: object) -> object`; at run
time it returns `message` unchanged. `pyside6-lupdate` finds the marked strings by this name.
"""

from __future__ import annotations


def QT_TRANSLATE_NOOP(context: str, message: str) -> str:
    """Mark `message` for translation in `context`; return it untranslated."""
    return message
