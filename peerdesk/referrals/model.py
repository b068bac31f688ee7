"""A referral resource: one place a supporter can send someone for help.

Entries are the supporter's own ("own") or come from a named resource pack. A pack entry
keeps the pack's id, so a later version of the same pack can update it; once the supporter
edits it (`edited_locally`), an import never overwrites it without asking.
"""

from __future__ import annotations

import calendar
import datetime as dt
import hashlib
import json
import re
import secrets
from dataclasses import dataclass

from peerdesk.errors import PeerDeskError
from peerdesk.taxonomy import default_taxonomy
from peerdesk.translation import Message, msg

OWN_ORIGIN = "own"

# Limits shared by the editor, the repository and the pack schema (keep them in step).
MAX_ID = 64
MAX_NAME = 200
MAX_SHORT = 300   # phone, e-mail, web, place, hours, region, each language
MAX_LONG = 4000   # offers, when to refer
MAX_LANGUAGES = 20

ID_PATTERN = re.compile(r"[A-Za-z0-9][A-Za-z0-9._:-]{0,63}")

EMAIL_PATTERN = re.compile(r"[^@\s]+@[^@\s]+")

CONTACT_FIELDS: tuple[str, ...] = ("phone", "email", "web", "place")

# How a message names each text field (the editor shows the same words as labels).
_FIELD_NAMES: dict[str, Message] = {
    "phone": msg("phone"), "email": msg("e-mail"), "web": msg("web address"),
    "place": msg("place"), "hours": msg("hours"), "region": msg("region or site"),
    "offers": msg("What they offer"), "when_to_refer": msg("When to refer"),
}


class ResourceError(PeerDeskError):
    """A resource entry is not valid (missing name, unknown type, text too long…)."""


class ResourceNotFound(ResourceError):
    def __init__(self, resource_id: str) -> None:
        super().__init__(msg(
            "The directory has no entry with id {id}; it may have been deleted. Refresh the "
            "directory and try again.", id=repr(resource_id),
        ))
        self.resource_id = resource_id


def new_resource_id() -> str:
    """Random id for an entry the supporter creates."""
    return f"own-{secrets.token_hex(8)}"


@dataclass(frozen=True)
class Resource:
    id: str
    name: str
    type: str                             # taxonomy "referral_type" code
    offers: str = ""
    when_to_refer: str = ""
    phone: str = ""
    email: str = ""
    web: str = ""
    place: str = ""
    hours: str = ""
    languages: tuple[str, ...] = ()
    region: str = ""                      # region or site
    confidential: bool = False            # False: staff there may be obliged to act
    last_verified: dt.date | None = None
    needs_local_details: bool = False     # a template whose contact details are still to fill in
    origin: str = OWN_ORIGIN              # "own" or the name of the pack it came from
    edited_locally: bool = False          # a pack entry the supporter has changed

    @property
    def is_own(self) -> bool:
        return self.origin == OWN_ORIGIN

    def is_stale(self, today: dt.date, months: int) -> bool:
        """Not verified within `months` months before `today` (never verified counts)."""
        if self.last_verified is None:
            return True
        return self.last_verified < months_before(today, months)

    def has_contact_details(self) -> bool:
        return any(getattr(self, name) for name in CONTACT_FIELDS)


def months_before(day: dt.date, months: int) -> dt.date:
    """The same day `months` calendar months earlier (clamped to the month's last day)."""
    index = day.year * 12 + (day.month - 1) - months
    year, month = divmod(index, 12)
    last_day = calendar.monthrange(year, month + 1)[1]
    return dt.date(year, month + 1, min(day.day, last_day))


def content_dict(resource: Resource) -> dict[str, object]:
    """The fields a pack carries, in pack (JSON) form. Bookkeeping (origin…) is left out."""
    return {
        "id": resource.id,
        "name": resource.name,
        "type": resource.type,
        "offers": resource.offers,
        "when_to_refer": resource.when_to_refer,
        "phone": resource.phone,
        "email": resource.email,
        "web": resource.web,
        "place": resource.place,
        "hours": resource.hours,
        "languages": list(resource.languages),
        "region": resource.region,
        "confidential": resource.confidential,
        "last_verified": resource.last_verified.isoformat() if resource.last_verified else None,
        "needs_local_details": resource.needs_local_details,
    }


def content_hash(resource: Resource) -> str:
    """SHA-256 of the entry's content: equal hashes mean an import would change nothing."""
    canonical = json.dumps(content_dict(resource), sort_keys=True, separators=(",", ":"),
                           ensure_ascii=False)
    return hashlib.sha256(canonical.encode("utf-8")).hexdigest()


def same_content(a: Resource, b: Resource) -> bool:
    return content_dict(a) == content_dict(b)


def _clean(text: str) -> str:
    return text.strip()


def normalise_languages(values: tuple[str, ...] | list[str]) -> tuple[str, ...]:
    """Trimmed, without empties or case-insensitive duplicates, first spelling kept."""
    seen: set[str] = set()
    result: list[str] = []
    for value in values:
        cleaned = " ".join(value.split())
        if cleaned and cleaned.casefold() not in seen:
            seen.add(cleaned.casefold())
            result.append(cleaned)
    return tuple(result)


def validated(resource: Resource) -> Resource:
    """Return a trimmed copy of `resource`, or raise `ResourceError` saying what to fix."""
    if not ID_PATTERN.fullmatch(resource.id):
        raise ResourceError(msg(
            "The entry id {id} is not valid: use 1 to {maximum} letters, digits, '.', '_', ':' "
            "or '-', starting with a letter or digit.", id=repr(resource.id), maximum=MAX_ID,
        ))
    name = " ".join(resource.name.split())
    if not name:
        raise ResourceError(msg("Every directory entry needs a name. Enter a name and save "
                                "again."))
    if len(name) > MAX_NAME:
        raise ResourceError(msg("The name is longer than {maximum} characters; shorten it.",
                                maximum=MAX_NAME))
    field = default_taxonomy().field("referral_type")
    if not field.has(resource.type):
        raise ResourceError(msg(
            "{type} is not a known type of resource. Use one of: {types}.",
            type=repr(resource.type), types=", ".join(field.codes()),
        ))
    short = {key: _clean(str(getattr(resource, key)))
             for key in ("phone", "email", "web", "place", "hours", "region")}
    for key, value in short.items():
        if len(value) > MAX_SHORT:
            raise ResourceError(msg(
                "The {field} of '{name}' is longer than {maximum} characters; shorten it.",
                field=_FIELD_NAMES[key], name=name, maximum=MAX_SHORT,
            ))
    long = {key: _clean(str(getattr(resource, key))) for key in ("offers", "when_to_refer")}
    for key, value in long.items():
        if len(value) > MAX_LONG:
            raise ResourceError(msg(
                "'{field}' of '{name}' is longer than {maximum} characters; shorten it.",
                field=_FIELD_NAMES[key], name=name, maximum=MAX_LONG,
            ))
    if short["email"] and not EMAIL_PATTERN.fullmatch(short["email"]):
        raise ResourceError(msg(
            "The e-mail of '{name}' does not look like an address (name@example.org); correct "
            "it or leave it empty.", name=name,
        ))
    if any(ch.isspace() for ch in short["web"]):
        raise ResourceError(msg(
            "The web address of '{name}' contains spaces; correct it or leave it empty.",
            name=name,
        ))
    languages = normalise_languages(resource.languages)
    if len(languages) > MAX_LANGUAGES or any(len(v) > MAX_SHORT for v in languages):
        raise ResourceError(msg("'{name}' lists too many or too long languages; keep it short.",
                                name=name))
    origin = resource.origin.strip() or OWN_ORIGIN
    return Resource(
        id=resource.id, name=name, type=resource.type, offers=long["offers"],
        when_to_refer=long["when_to_refer"], phone=short["phone"], email=short["email"],
        web=short["web"], place=short["place"], hours=short["hours"], languages=languages,
        region=short["region"], confidential=bool(resource.confidential),
        last_verified=resource.last_verified, needs_local_details=resource.needs_local_details,
        origin=origin, edited_locally=resource.edited_locally,
    )
