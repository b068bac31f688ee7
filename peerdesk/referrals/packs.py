"""Resource packs: a referral directory (or part of it) as a versioned JSON file.

A coordinator exports a pack; supporters import it. Reading is strict, because a pack comes
from someone else: size cap before reading, then the strict reader `peerdesk.strict_json`
(UTF-8, depth, number length, no duplicate keys, no NaN/Infinity), the format and version
checked first (so a newer pack gets a clear "update PeerDesk" message), then the JSON Schema
`resources/schema/resource-pack-v1.schema.json` (unknown keys rejected), then what a schema
cannot say (unique ids, real dates). Any problem raises `PackError` naming it — with its JSON
path where one applies — before anything is written.
"""

from __future__ import annotations

import datetime as dt
import functools
import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import jsonschema

from peerdesk.errors import PeerDeskError
from peerdesk.fileio import write_atomic
from peerdesk.json_schema import Validator
from peerdesk.paths import resources_dir
from peerdesk.referrals.model import OWN_ORIGIN, Resource, content_dict, validated
from peerdesk.strict_json import JsonLimits, JsonRejected, parse_json_bytes
from peerdesk.translation import LANGUAGES, SOURCE_LANGUAGE, Message, msg

FORMAT = "peerdesk.resource-pack"
VERSION = 1
MAX_PACK_BYTES = 5 * 1024 * 1024
MAX_PACK_NAME = 100
PACK_LIMITS = JsonLimits(max_bytes=MAX_PACK_BYTES, max_depth=16, max_number_chars=24)
SCHEMA_FILE = "resource-pack-v1.schema.json"
STARTER_PACK_FILE = "starter-pack.json"   # English; a translation is starter-pack.<lang>.json


class PackError(PeerDeskError):
    """A pack file cannot be used; nothing was changed."""


@dataclass(frozen=True)
class ResourcePack:
    name: str
    created_at: str
    resources: tuple[Resource, ...]
    description: str = ""


def schema_path() -> Path:
    return resources_dir() / "schema" / SCHEMA_FILE


def starter_pack_path(language: str = SOURCE_LANGUAGE) -> Path:
    """The starter pack in `language` where one is shipped, else the English one.

    Every translation has the same entry ids, types and flags as the English pack (only the
    text differs), so loading one after another updates the entries rather than adding more."""
    folder = resources_dir() / "referrals"
    if language != SOURCE_LANGUAGE and language in LANGUAGES:
        translated = folder / STARTER_PACK_FILE.replace(".json", f".{language}.json")
        if translated.is_file():
            return translated
    return folder / STARTER_PACK_FILE


@functools.cache
def pack_schema() -> dict[str, Any]:
    schema: dict[str, Any] = json.loads(schema_path().read_text("utf-8"))
    return schema


@functools.cache
def _validator() -> Any:
    schema = pack_schema()
    Validator.check_schema(schema)
    return Validator(schema)


def _json_path(parts: Iterable[object]) -> str:
    path = "$"
    for part in parts:
        path += f"[{part}]" if isinstance(part, int) else f".{part}"
    return path


_JSON_KINDS: dict[str, Message] = {
    "string": msg("a text"), "integer": msg("a whole number"), "boolean": msg("true or false"),
    "array": msg("a list"), "object": msg("an object with keys"), "null": msg("null"),
}


def _describe(error: Any) -> Message:
    """One sentence for a jsonschema ValidationError, naming where it is."""
    where = _json_path(error.absolute_path)
    rule, value = error.validator, error.validator_value
    if rule == "additionalProperties":
        known = set(error.schema.get("properties", {}))
        extra = sorted(set(error.instance) - known) if isinstance(error.instance, dict) else []
        return msg("unknown key {keys} at {where}", keys=", ".join(repr(k) for k in extra),
                   where=where)
    if rule == "required" and isinstance(error.instance, dict):
        missing = [key for key in value if key not in error.instance]
        return msg("the key {key} is missing at {where}", key=repr(missing[0]), where=where)
    if rule == "enum":
        return msg("{value} at {where} is not one of the known values",
                   value=repr(error.instance), where=where)
    if rule == "not" and where == "$.name":
        return msg("the pack name 'own' is reserved for your own entries")
    if rule == "type" and isinstance(value, str) and value in _JSON_KINDS:
        return msg("{where} must be {kind}", where=where, kind=_JSON_KINDS[value])
    if rule == "const":
        return msg("{where} must be {value}", where=where, value=json.dumps(value))
    if rule == "maxLength":
        return msg("{where} is longer than {maximum} characters", where=where, maximum=value)
    if rule == "minLength":
        return msg("{where} is empty", where=where)
    if rule == "maxItems":
        return msg("{where} has more than {maximum} entries", where=where, maximum=value)
    if rule == "pattern":
        return msg("{where}: {value} does not have the expected form", where=where,
                   value=repr(error.instance))
    # Anything rarer keeps the JSON Schema library's own (English) wording.
    return msg("{where}: {problem}", where=where, problem=str(error.message))


def _fail(source: Message, problem: Message) -> PackError:
    return PackError(msg(
        "{source} was not imported: {problem}. Nothing was changed; ask whoever made the pack "
        "for a corrected file.", source=source, problem=problem,
    ))


def _too_large() -> Message:
    return msg("it is larger than {limit} MB", limit=MAX_PACK_BYTES // (1024 * 1024))


def parse_pack(data: bytes, source: Message | None = None) -> ResourcePack:
    """Validate pack bytes and return the pack, or raise `PackError` naming the problem.

    `source` names the pack in messages (a sentence start such as "The resource pack x.json")."""
    source = source if source is not None else msg("The resource pack")
    if len(data) > MAX_PACK_BYTES:
        raise _fail(source, _too_large())
    try:
        document = parse_json_bytes(data, PACK_LIMITS)
    except JsonRejected as exc:
        raise _fail(source, exc.problem) from None
    if not isinstance(document, dict) or document.get("format") != FORMAT:
        raise _fail(source, msg("it is not a PeerDesk resource pack (no \"format\": "
                                "\"{format}\")", format=FORMAT))
    version = document.get("version")
    if isinstance(version, bool) or not isinstance(version, int):
        raise _fail(source, msg("its \"version\" is missing or not a whole number"))
    if version > VERSION:
        raise PackError(msg(
            "{source} was made by a newer version of PeerDesk (pack version {version}; this "
            "version reads version {known}). Update PeerDesk to import it. Nothing was changed.",
            source=source, version=version, known=VERSION,
        ))
    errors = sorted(_validator().iter_errors(document),
                    key=lambda e: (list(map(str, e.absolute_path)), str(e.message)))
    if errors:
        best = jsonschema.exceptions.best_match(errors)
        raise _fail(source, _describe(best))
    return _build(document, source)


def _build(document: dict[str, Any], source: Message) -> ResourcePack:
    name = " ".join(str(document["name"]).split())
    seen: dict[str, int] = {}
    resources: list[Resource] = []
    for index, entry in enumerate(document["resources"]):
        where = f"$.resources[{index}]"
        entry_id = entry["id"]
        if entry_id in seen:
            raise _fail(source, msg("the id {id} at {where}.id is already used at "
                                    "$.resources[{first}].id", id=repr(entry_id), where=where,
                                    first=seen[entry_id]))
        seen[entry_id] = index
        verified: dt.date | None = None
        if entry.get("last_verified") is not None:
            try:
                verified = dt.date.fromisoformat(entry["last_verified"])
            except ValueError as exc:
                raise _fail(source, msg("{where}.last_verified: {value} is not a real date",
                                        where=where,
                                        value=repr(entry["last_verified"]))) from exc
        try:
            resource = validated(Resource(
                id=entry_id, name=entry["name"], type=entry["type"],
                offers=entry.get("offers", ""), when_to_refer=entry.get("when_to_refer", ""),
                phone=entry.get("phone", ""), email=entry.get("email", ""),
                web=entry.get("web", ""), place=entry.get("place", ""),
                hours=entry.get("hours", ""), languages=tuple(entry.get("languages", ())),
                region=entry.get("region", ""), confidential=entry.get("confidential", False),
                last_verified=verified,
                needs_local_details=entry.get("needs_local_details", False),
                origin=name,
            ))
        except PeerDeskError as exc:
            raise _fail(source, msg("{where}: {problem}", where=where,
                                    problem=exc.message)) from exc
        resources.append(resource)
    return ResourcePack(name=name, created_at=document["created_at"],
                        resources=tuple(resources),
                        description=str(document.get("description", "")))


def read_pack(path: Path) -> ResourcePack:
    """Read and validate the pack at `path` (size checked before reading)."""
    path = Path(path)
    source = msg("The resource pack {file}", file=path.name)
    try:
        size = path.stat().st_size
        if size > MAX_PACK_BYTES:
            raise _fail(source, _too_large())
        with open(path, "rb") as handle:
            data = handle.read(MAX_PACK_BYTES + 1)  # the file may have grown since stat()
    except FileNotFoundError as exc:
        raise PackError(msg("There is no file at {path}. Check the name and try again.",
                            path=path)) from exc
    except IsADirectoryError as exc:
        raise PackError(msg("{path} is a folder, not a resource pack file.", path=path)) from exc
    except OSError as exc:
        raise PackError(msg("{path} could not be read: {reason}.", path=path,
                            reason=exc.strerror or str(exc))) from exc
    return parse_pack(data, source)


def read_starter_pack(language: str = SOURCE_LANGUAGE) -> ResourcePack:
    return read_pack(starter_pack_path(language))


def utc_now_text() -> str:
    return dt.datetime.now(dt.UTC).replace(microsecond=0).strftime("%Y-%m-%dT%H:%M:%SZ")


def pack_document(name: str, resources: Sequence[Resource], *, created_at: str | None = None,
                  description: str = "") -> dict[str, Any]:
    name = " ".join(name.split())
    if not name or name.casefold() == OWN_ORIGIN or len(name) > MAX_PACK_NAME:
        raise PackError(msg(
            "Choose a pack name of 1 to {maximum} characters other than '{reserved}'; "
            "supporters see it as the origin of each entry.",
            maximum=MAX_PACK_NAME, reserved=OWN_ORIGIN,
        ))
    document: dict[str, Any] = {
        "format": FORMAT,
        "version": VERSION,
        "name": name,
        "created_at": created_at or utc_now_text(),
    }
    if description:
        document["description"] = description
    document["resources"] = [content_dict(r) for r in sorted(resources, key=lambda r: r.id)]
    return document


def pack_bytes(name: str, resources: Sequence[Resource], *, created_at: str | None = None,
               description: str = "") -> bytes:
    """The pack as UTF-8 JSON; checked against the schema so we never write what we'd reject."""
    document = pack_document(name, resources, created_at=created_at, description=description)
    data = (json.dumps(document, indent=2, ensure_ascii=False) + "\n").encode("utf-8")
    parse_pack(data, msg("The pack being exported"))
    return data


def write_pack(path: Path, name: str, resources: Sequence[Resource], *,
               description: str = "") -> int:
    """Write a pack file atomically (0600); return the number of entries written."""
    write_atomic(Path(path), pack_bytes(name, resources, description=description))
    return len(resources)
