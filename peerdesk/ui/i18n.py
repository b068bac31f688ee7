"""The interface language: choosing it, loading its translations, localised taxonomy and guides.

The language is needed before unlock (the unlock screen is translated too), so the choice is
kept outside the journal in the UI-state file (`peerdesk.ui.window_state`); it reveals nothing.
"system" follows the operating system's locale. English needs no translator: it is the source.

`make translations` updates `resources/translations/peerdesk_<lang>.ts` with `pyside6-lupdate`
and builds the `.qm` files with `pyside6-lrelease`. Strings declared as data outside `ui/`
(setting labels, guide tracks, every `msg()` template) are listed in
`peerdesk/ui/declared_strings.py`, which `python -m peerdesk.ui.i18n` regenerates so lupdate can
find them.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from peerdesk.guides.loader import load_library
from peerdesk.guides.model import DISCLAIMER, TRACK_LABELS, Library
from peerdesk.paths import resources_dir
from peerdesk.settings import SETTINGS
from peerdesk.taxonomy import Taxonomy, localized_taxonomy
from peerdesk.translation import (
    LANGUAGES,
    MESSAGES_CONTEXT,
    SOURCE_LANGUAGE,
    localize,
    translatable_templates,
)
from peerdesk.ui.window_state import read_language

SYSTEM = "system"
LANGUAGE_ENV = "PEERDESK_LANGUAGE"  # overrides the saved choice, e.g. for screenshots
_LANGUAGE_PROPERTY = "peerdeskLanguage"
_TRANSLATOR_NAME = "peerdeskTranslator"


def translations_dir() -> Path:
    return resources_dir() / "translations"


def resolve_language(choice: str | None) -> str:
    """The language to show for a saved choice ("system", "en", "es", or nothing saved)."""
    if choice in LANGUAGES:
        return str(choice)
    system = QLocale.system().name().split("_")[0]  # "es_MX" -> "es"
    return system if system in LANGUAGES else SOURCE_LANGUAGE


def chosen_language() -> str:
    """The language the app starts in: `PEERDESK_LANGUAGE`, else the saved choice, else system."""
    override = os.environ.get(LANGUAGE_ENV)
    return resolve_language(override if override else read_language())


def install_language(language: str) -> str:
    """Replace the installed translators with those for `language`; return what is in effect.

    Qt's own translations (qtbase) come too, so standard buttons (OK, Cancel, Save…) match.
    Widgets built before this call keep their text: the language applies to what is built next.
    """
    app = QCoreApplication.instance()
    if app is None:
        raise RuntimeError("create the QApplication before installing a language")
    for old in app.findChildren(QTranslator, _TRANSLATOR_NAME):
        QCoreApplication.removeTranslator(old)
        old.setParent(None)
        old.deleteLater()
    language = language if language in LANGUAGES else SOURCE_LANGUAGE
    if language != SOURCE_LANGUAGE:
        qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
        for name, folder in ((f"qtbase_{language}", qt_dir),
                             (f"peerdesk_{language}", str(translations_dir()))):
            translator = QTranslator(app)
            translator.setObjectName(_TRANSLATOR_NAME)
            if translator.load(name, folder):
                QCoreApplication.installTranslator(translator)
            else:
                translator.deleteLater()
    app.setProperty(_LANGUAGE_PROPERTY, language)
    # Dates and numbers follow the language too, keeping the system's conventions when they
    # match it (or when English is shown on a system in a language we don't translate).
    system = QLocale.system()
    system_language = system.name().split("_")[0]
    keep_system = system_language == language or (
        language == SOURCE_LANGUAGE and system_language not in LANGUAGES)
    QLocale.setDefault(system if keep_system else QLocale(language))
    return language


def current_language() -> str:
    """The language installed by `install_language` (English when none was)."""
    app = QCoreApplication.instance()
    value = app.property(_LANGUAGE_PROPERTY) if app is not None else None
    return value if isinstance(value, str) and value in LANGUAGES else SOURCE_LANGUAGE


def display_taxonomy() -> Taxonomy:
    """Taxonomy labels and help in the interface language. For DISPLAY only: store, filter and
    export by code, never by these labels."""
    return localized_taxonomy(current_language())


def display_library(root: Path | None = None) -> Library:
    """Guides and scenarios with titles, summaries (and bodies, where translated) in the
    interface language. Ids, tracks and order are the same in every language."""
    return load_library(root, language=current_language())


def track_label(track: str) -> str:
    return QCoreApplication.translate("Guides", TRACK_LABELS.get(track, track))


def disclaimer() -> str:
    return QCoreApplication.translate("Guides", DISCLAIMER)


# -- fixed messages from outside ui/ -------------------------------------------------------------

def fixed_messages() -> list[str]:
    """Parts of messages that are declared as data rather than written as `msg()` literals:
    setting labels, which a settings validation error names (`settings.label_message`)."""
    return [definition.label for definition in SETTINGS]


def message_text(message: str | BaseException) -> str:
    """A message from non-UI code (an exception, a hint, a `msg()` sentence) in the interface
    language; text never marked for translation is shown as it is."""
    return localize(message, current_language())


# -- strings declared as data outside ui/ --------------------------------------------------------

DECLARED_STRINGS_FILE = Path(__file__).with_name("declared_strings.py")


def declared_strings() -> list[tuple[str, str]]:
    """(context, text) of every user-facing string that lives as data outside ui/."""
    found: dict[tuple[str, str], None] = {}
    for definition in SETTINGS:
        for text in (definition.group, definition.label, definition.help,
                     *definition.choice_labels):
            if text:
                found[("Settings", text)] = None
    for label in TRACK_LABELS.values():
        found[("Guides", label)] = None
    found[("Guides", DISCLAIMER)] = None
    for message in (*fixed_messages(), *translatable_templates()):
        found[(MESSAGES_CONTEXT, message)] = None
    return list(found)


def declared_strings_source() -> str:
    lines = [
        "# ruff: noqa: E501",
        '"""Generated by `python -m peerdesk.ui.i18n` (part of `make translations`); do not edit.',
        "",
        "User-facing strings declared as data outside ui/ (setting labels, guide tracks), marked",
        'so `pyside6-lupdate` puts them in the translation files."""',
        "",
        "from PySide6.QtCore import QT_TRANSLATE_NOOP",
        "",
        "DECLARED_STRINGS = (",
    ]
    for context, text in declared_strings():
        lines.append(f"    QT_TRANSLATE_NOOP({context!r}, {text!r}),")
    lines.append(")")
    return "\n".join(lines) + "\n"


def main() -> int:
    DECLARED_STRINGS_FILE.write_text(declared_strings_source(), "utf-8")
    print(f"wrote {DECLARED_STRINGS_FILE}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
