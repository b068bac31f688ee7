"""Translatable text for code outside ui/: error messages, report labels, CLI output.

Non-UI code never imports Qt, so it cannot call `tr()`. Instead it writes every user-facing
sentence as `msg("English template with {named} parts", named=value)`. The result is an
ordinary `str` (the English sentence, so the CLI, logs and tests read it as before) that also
remembers its template and parts. `localize(text, language)` gives it in another language.

Translations live in the same Qt Linguist file as the interface's
(`resources/translations/peerdesk_<lang>.ts`, context "Messages"), so translators work in one
file with one tool. `make translations` finds every `msg("…")` template by reading the source
(see `translatable_templates`), so templates must be string literals, never f-strings.
Here the .ts file is read directly with the standard library, because the CLI and the report
writers have no Qt.
"""

from __future__ import annotations

import ast
import xml.etree.ElementTree as ET
from collections.abc import Iterator, Mapping
from functools import cache
from pathlib import Path
from typing import Final

from peerdesk.paths import resources_dir

SOURCE_LANGUAGE: Final = "en"
LANGUAGES: Final[tuple[str, ...]] = ("en", "es")  # English (the source) and every translation
LANGUAGE_NAMES: Final[Mapping[str, str]] = {"en": "English", "es": "Español"}
MESSAGES_CONTEXT: Final = "Messages"
MARKER: Final = "msg"


class Message(str):
    """A sentence in English that can be shown in another language (see `localize`)."""

    template: str
    params: Mapping[str, object]

    def __new__(cls, template: str, params: Mapping[str, object]) -> Message:
        text = template.format_map(params) if params else template
        message = super().__new__(cls, text)
        message.template = template
        message.params = dict(params)
        return message

    def __reduce__(self) -> tuple[object, ...]:
        return (Message, (self.template, self.params))


def msg(template: str, /, **params: object) -> Message:
    """A user-facing sentence; `template` must be a literal (translators find it in the source).

    Parts that are themselves `Message`s are localized with the sentence around them."""
    return Message(template, params)


def _translation_file(language: str) -> Path:
    return resources_dir() / "translations" / f"peerdesk_{language}.ts"


@cache
def catalogue(language: str) -> Mapping[tuple[str, str], str]:
    """(context, English source) → finished translation, read from the shipped .ts file.

    Unfinished and plural ("numerus") entries are left out, so they fall back to English."""
    path = _translation_file(language)
    if language == SOURCE_LANGUAGE or not path.is_file():
        return {}
    try:
        root = ET.parse(path).getroot()  # noqa: S314 - our own shipped file, not user input
    except (OSError, ET.ParseError):
        return {}  # a damaged install shows English rather than failing
    entries: dict[tuple[str, str], str] = {}
    for context in root.iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            translation = message.find("translation")
            source = message.findtext("source")
            if (source is None or translation is None or message.get("numerus") == "yes"
                    or translation.get("type") in ("unfinished", "obsolete", "vanished")):
                continue
            if translation.text:
                entries[(name, source)] = translation.text
    return entries


def translate(text: str, language: str, context: str = MESSAGES_CONTEXT) -> str:
    """`text` (an English source string) in `language`; itself when there is no translation."""
    return catalogue(language).get((context, text), text) if language in LANGUAGES else text


def localize(text: str | BaseException, language: str) -> str:
    """A message from non-UI code (a `Message`, an exception carrying one, or a fixed
    sentence) in `language`. Text that was never marked for translation is returned as is."""
    if isinstance(text, BaseException):
        text = getattr(text, "message", None) or str(text)
    if language == SOURCE_LANGUAGE:
        return str(text)
    if isinstance(text, Message):
        template = translate(text.template, language)
        if not text.params:
            return template
        params = {key: localize(value, language) if isinstance(value, Message) else value
                  for key, value in text.params.items()}
        try:
            return template.format_map(params)
        except (KeyError, IndexError, ValueError):
            return str(text)  # a broken translation must not hide the message itself
    return translate(text, language)


# -- finding the templates (for `make translations` and the completeness test) ------------------

def _package_dir() -> Path:
    return Path(__file__).resolve().parent


def _non_ui_sources() -> Iterator[Path]:
    package = _package_dir()
    for path in sorted(package.rglob("*.py")):
        if "ui" not in path.relative_to(package).parts[:1]:
            yield path


def marker_calls(source: str) -> Iterator[ast.Call]:
    """Every `msg(...)` call in a module's source."""
    for node in ast.walk(ast.parse(source)):
        if (isinstance(node, ast.Call) and isinstance(node.func, ast.Name)
                and node.func.id == MARKER):
            yield node


def translatable_templates() -> list[str]:
    """Every `msg("…")` template outside ui/, in source order, without repeats.

    Raises ValueError for a call whose template is not a string literal, because translators
    could never see it."""
    found: dict[str, None] = {}
    for path in _non_ui_sources():
        for call in marker_calls(path.read_text("utf-8")):
            first = call.args[0] if call.args else None
            if not (isinstance(first, ast.Constant) and isinstance(first.value, str)):
                raise ValueError(f"{path}:{call.lineno}: {MARKER}() needs a string literal "
                                 "template so it can be translated")
            found[first.value] = None
    return list(found)
