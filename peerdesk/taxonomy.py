"""The session taxonomy: the coded fields a support session is described with.

The shipped `resources/taxonomy.toml` is loaded and validated once (`default_taxonomy`).
Codes are a stable contract shared with summary files, imports and reports; labels and help
text are for people and may be reworded. No Qt here: the CLI and tests use this directly.
"""

from __future__ import annotations

import functools
import re
import tomllib
import types
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from peerdesk.errors import PeerDeskError
from peerdesk.paths import resources_dir
from peerdesk.translation import msg

TAXONOMY_FILE_NAME = "taxonomy.toml"

REQUIRED_FIELDS: tuple[str, ...] = (
    "kind",
    "contact",
    "channel",
    "origin",
    "behaviour",
    "persistence",
    "source_relation",
    "impact",
    "risk_flag",
    "support_given",
    "referral_type",
    "next_step",
    "duration_band",
    "group_size_band",
)

_CODE_PATTERN = re.compile(r"[a-z0-9_]+")
_FIELD_KEYS = frozenset({"label", "help", "multiple", "required", "options"})
_OPTION_KEYS = frozenset({"code", "label", "help"})


class TaxonomyError(PeerDeskError):
    """The taxonomy file is unreadable or inconsistent, or a code is not in the taxonomy."""


def _normalise(text: str) -> str:
    """Fold case and collapse runs of whitespace, so ' In  Person ' matches 'in person'."""
    return " ".join(text.split()).casefold()


@dataclass(frozen=True)
class Option:
    code: str
    label: str
    help: str


@dataclass(frozen=True)
class Field:
    key: str
    label: str
    help: str
    multiple: bool
    required: bool
    options: tuple[Option, ...]

    def codes(self) -> tuple[str, ...]:
        return tuple(option.code for option in self.options)

    def has(self, code: str) -> bool:
        return any(option.code == code for option in self.options)

    def option(self, code: str) -> Option:
        for option in self.options:
            if option.code == code:
                return option
        raise TaxonomyError(msg("Unknown code {code} for field {field}. Known codes: {codes}.",
                                code=repr(code), field=repr(self.key),
                                codes=", ".join(self.codes())))

    def label_for(self, code: str) -> str:
        return self.option(code).label

    def code_for_text(self, text: str) -> str | None:
        """The code whose code or label matches `text`, ignoring case and spacing; else None."""
        wanted = _normalise(text)
        if not wanted:
            return None
        for option in self.options:
            if wanted == _normalise(option.code):
                return option.code
        for option in self.options:
            if wanted == _normalise(option.label):
                return option.code
        return None


@dataclass(frozen=True)
class Taxonomy:
    version: str
    fields: Mapping[str, Field]

    def field(self, key: str) -> Field:
        try:
            return self.fields[key]
        except KeyError:
            raise TaxonomyError(msg("Unknown taxonomy field {field}. Known fields: {fields}.",
                                    field=repr(key), fields=", ".join(self.fields))) from None

    def validate(self, key: str, code: str) -> None:
        """Raise `TaxonomyError` unless `code` is one of the codes of field `key`."""
        self.field(key).option(code)

    @functools.cached_property
    def code_labels(self) -> Mapping[str, Mapping[str, str]]:
        """Field key -> code -> label, built once: validation and the search index look codes
        up for every session, so a linear walk over the options would add up."""
        return types.MappingProxyType({
            key: types.MappingProxyType({option.code: option.label for option in f.options})
            for key, f in self.fields.items()
        })


def _text(table: Mapping[str, object], key: str, where: str) -> str:
    value = table.get(key)
    if not isinstance(value, str) or not value.strip():
        raise TaxonomyError(f"Taxonomy {where} needs a non-empty text {key!r}.")
    return value.strip()


def _flag(table: Mapping[str, object], key: str, where: str) -> bool:
    value = table.get(key)
    if not isinstance(value, bool):
        raise TaxonomyError(f"Taxonomy {where} needs {key!r} set to true or false.")
    return value


def _parse_option(field_key: str, index: int, raw: object) -> Option:
    where = f"field {field_key!r}, option {index + 1}"
    if not isinstance(raw, Mapping):
        raise TaxonomyError(f"Taxonomy {where} must be a table with code, label and help.")
    code = raw.get("code")
    if not isinstance(code, str) or not code:
        raise TaxonomyError(f"Taxonomy {where} has no code.")
    if not _CODE_PATTERN.fullmatch(code):
        raise TaxonomyError(
            f"Taxonomy field {field_key!r} has an invalid code {code!r}: "
            "use only lowercase letters, digits and underscores."
        )
    where = f"field {field_key!r}, code {code!r},"
    unknown = sorted(set(raw) - _OPTION_KEYS)
    if unknown:
        raise TaxonomyError(f"Taxonomy {where} has unknown keys: {', '.join(unknown)}.")
    return Option(code=code, label=_text(raw, "label", where), help=_text(raw, "help", where))


def _parse_field(key: str, raw: object) -> Field:
    where = f"field {key!r}"
    if not isinstance(raw, Mapping):
        raise TaxonomyError(f"Taxonomy {where} must be a table.")
    unknown = sorted(set(raw) - _FIELD_KEYS)
    if unknown:
        raise TaxonomyError(f"Taxonomy {where} has unknown keys: {', '.join(unknown)}.")
    label = _text(raw, "label", where)
    help_text = _text(raw, "help", where)
    multiple = _flag(raw, "multiple", where)
    required = _flag(raw, "required", where)
    raw_options = raw.get("options")
    if not isinstance(raw_options, list) or not raw_options:
        raise TaxonomyError(
            f"Taxonomy {where} has no options; add at least one [[{key}.options]] entry."
        )
    options = tuple(_parse_option(key, index, item) for index, item in enumerate(raw_options))

    seen_codes: set[str] = set()
    seen_labels: dict[str, str] = {}
    for option in options:
        if option.code in seen_codes:
            raise TaxonomyError(f"Taxonomy field {key!r} lists code {option.code!r} twice.")
        seen_codes.add(option.code)
        folded = _normalise(option.label)
        if folded in seen_labels:
            raise TaxonomyError(
                f"Taxonomy field {key!r} uses the label {option.label!r} for both "
                f"{seen_labels[folded]!r} and {option.code!r}."
            )
        seen_labels[folded] = option.code
    # code_for_text must be unambiguous: a label may not read as another option's code.
    for option in options:
        clash = seen_labels.get(_normalise(option.code))
        if clash is not None and clash != option.code:
            raise TaxonomyError(
                f"Taxonomy field {key!r}: the label of {clash!r} reads as the code "
                f"{option.code!r}; choose a different label."
            )
    return Field(
        key=key,
        label=label,
        help=help_text,
        multiple=multiple,
        required=required,
        options=options,
    )


def parse_taxonomy(data: Mapping[str, object]) -> Taxonomy:
    """Build and check a `Taxonomy` from parsed TOML; any problem raises `TaxonomyError`."""
    version = data.get("version")
    if not isinstance(version, str) or not version.strip():
        raise TaxonomyError('The taxonomy has no version; add a line such as version = "1".')
    missing = [key for key in REQUIRED_FIELDS if key not in data]
    if missing:
        raise TaxonomyError(f"The taxonomy is missing the field(s): {', '.join(missing)}.")
    unknown = sorted(set(data) - set(REQUIRED_FIELDS) - {"version"})
    if unknown:
        raise TaxonomyError(f"The taxonomy has unknown field(s): {', '.join(unknown)}.")
    fields = {key: _parse_field(key, data[key]) for key in REQUIRED_FIELDS}
    return Taxonomy(version=version.strip(), fields=types.MappingProxyType(fields))


def load_taxonomy(path: Path) -> Taxonomy:
    """Read and check a taxonomy TOML file."""
    try:
        with path.open("rb") as stream:
            data = tomllib.load(stream)
    except OSError as error:
        raise TaxonomyError(msg("Could not read the taxonomy file {path}: {reason}.",
                                path=path, reason=error.strerror or str(error))) from error
    except tomllib.TOMLDecodeError as error:
        raise TaxonomyError(msg("The taxonomy file {path} is not valid TOML: {reason}.",
                                path=path, reason=str(error))) from error
    try:
        return parse_taxonomy(data)
    except TaxonomyError as error:
        raise TaxonomyError(msg("{path}: {problem}", path=path, problem=error.message)) from error


@functools.cache
def default_taxonomy() -> Taxonomy:
    """The taxonomy shipped with the app, loaded and validated once."""
    return load_taxonomy(resources_dir() / TAXONOMY_FILE_NAME)


def _overlay(data: Mapping[str, object], overlay: Mapping[str, object]) -> dict[str, object]:
    """`data` with labels and help replaced from `overlay` ([field] label/help and
    [field.options.<code>] label/help); codes, order and flags stay as they are."""
    result: dict[str, object] = dict(data)
    for key in REQUIRED_FIELDS:
        field_raw, field_tr = data.get(key), overlay.get(key)
        if not isinstance(field_raw, Mapping) or not isinstance(field_tr, Mapping):
            continue
        merged = dict(field_raw)
        merged.update({k: v for k, v in field_tr.items() if k in ("label", "help")})
        option_tr = field_tr.get("options", {})
        options = field_raw.get("options")
        if isinstance(option_tr, Mapping) and isinstance(options, list):
            merged["options"] = [
                {**option, **{k: v for k, v in option_tr.get(option.get("code"), {}).items()
                              if k in ("label", "help")}}
                if isinstance(option, Mapping) else option
                for option in options
            ]
        result[key] = merged
    return result


@functools.cache
def localized_taxonomy(language: str) -> Taxonomy:
    """The shipped taxonomy with labels and help in `language`, from
    `resources/translations/taxonomy.<language>.toml`. Codes never change; a missing
    translation falls back to English. For display only: store and export codes."""
    overlay_path = resources_dir() / "translations" / f"taxonomy.{language}.toml"
    if language == "en" or not overlay_path.is_file():
        return default_taxonomy()
    source = resources_dir() / TAXONOMY_FILE_NAME
    try:
        with source.open("rb") as stream:
            data = tomllib.load(stream)
        with overlay_path.open("rb") as stream:
            overlay = tomllib.load(stream)
    except (OSError, tomllib.TOMLDecodeError) as error:
        raise TaxonomyError(msg(
            "Could not read the taxonomy translation {path}: {reason}. Reinstall PeerDesk or "
            "choose English in Settings.", path=overlay_path, reason=str(error),
        )) from error
    try:
        return parse_taxonomy(_overlay(data, overlay))
    except TaxonomyError as error:
        raise TaxonomyError(msg("{path}: {problem}", path=overlay_path,
                                problem=error.message)) from error
