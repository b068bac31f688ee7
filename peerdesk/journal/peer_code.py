"""Peer codes: pseudonyms that link repeat contacts without naming anyone.

`generate_peer_code` offers a memorable code ("amber-heron-27") that is clearly not a name;
`identifying_warnings` tells the supporter, kindly, when what they typed looks like it could
identify a person (an e-mail address, a phone number, a name).
"""

from __future__ import annotations

import random
import re
import secrets

# Lowercase, neutral words; none is a common given name or surname.
_ADJECTIVES = (
    "amber", "azure", "brisk", "calm", "cedar", "clear", "coral", "copper", "crisp", "dapper",
    "dusky", "early", "fern", "frosty", "gentle", "golden", "granite", "hidden", "humble",
    "indigo", "jade", "keen", "lively", "lucky", "maple", "mellow", "misty", "mossy", "nimble",
    "noble", "ochre", "olive", "pebble", "plum", "quiet", "rapid", "rustic", "sandy", "silver",
    "slate", "smoky", "snowy", "steady", "sunny", "swift", "teal", "tidy", "velvet", "violet",
    "windy",
)
_NOUNS = (
    "acorn", "badger", "beacon", "birch", "bison", "brook", "canyon", "comet", "crane", "delta",
    "dune", "falcon", "ferret", "fjord", "gecko", "glacier", "harbor", "heron", "ibex", "island",
    "kestrel", "lagoon", "lantern", "lynx", "marten", "meadow", "mesa", "moth", "otter", "owl",
    "panda", "pine", "plover", "quail", "raven", "reef", "ridge", "salmon", "sparrow", "spruce",
    "stone", "summit", "thistle", "tundra", "valley", "walrus", "wharf", "wren", "yak", "zephyr",
)

_EMAIL = re.compile(r"[^\s@<>()]+@[^\s@<>()]+\.[^\s@<>()]{2,}")
# Words that read like names: a capital letter, then lowercase letters, optionally joined by
# apostrophes or hyphens to more letters (Maria, O'Neil, Smith-Jones, Zoë).
_NAME_WORD = re.compile(r"[^\W\d_]+(?:['’-][^\W\d_]+)*")
_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
_PHONE_REGIONS = ("GB", "US", "AU", "IN", "DE", "FR")
MIN_PHONE_DIGITS = 7  # fewer digits are never a phone number

EMAIL_WARNING = (
    "This looks like an e-mail address. A peer code should never identify anyone; "
    "please use a made-up code instead, such as a generated one."
)
PHONE_WARNING = (
    "This looks like a phone number. A peer code should never identify anyone; "
    "please use a made-up code instead, such as a generated one."
)
NAME_WARNING = (
    "This looks like it could be a person's name. A peer code should never identify anyone; "
    "please use a made-up code instead, such as a generated one."
)


def generate_peer_code(rng: random.Random | None = None) -> str:
    """A memorable code that is clearly not a name, e.g. "amber-heron-27"."""
    chooser: random.Random = rng if rng is not None else secrets.SystemRandom()
    return (
        f"{chooser.choice(_ADJECTIVES)}-{chooser.choice(_NOUNS)}-{chooser.randint(10, 99)}"
    )


def _looks_like_phone(text: str) -> bool:
    # A match is part of the text, so a text with fewer digits has none to find (and the
    # matcher, slow over six regions, is not asked: reviewing 55,000 codes took 5 s).
    if sum(character.isdigit() for character in text) < MIN_PHONE_DIGITS:
        return False
    import phonenumbers  # only now: its metadata is ~10 MB, and most codes never need it

    for region in _PHONE_REGIONS:
        for match in phonenumbers.PhoneNumberMatcher(
            text, region, leniency=phonenumbers.Leniency.POSSIBLE
        ):
            raw = match.raw_string
            if _ISO_DATE.fullmatch(raw.strip()):
                continue
            if sum(character.isdigit() for character in raw) >= MIN_PHONE_DIGITS:
                return True
    return False


def _looks_like_name(text: str) -> bool:
    for token in text.split():
        token = token.strip(".,;:!?\"()[]")
        if not _NAME_WORD.fullmatch(token):
            continue
        parts = re.split(r"['’-]", token)
        capitalised = any(part[:1].isupper() for part in parts)
        if capitalised and any(character.islower() for character in token):
            return True
    return False


def identifying_warnings(text: str) -> list[str]:
    """Kind warnings when `text` looks like an e-mail address, a phone number or a name."""
    warnings: list[str] = []
    if _EMAIL.search(text):
        warnings.append(EMAIL_WARNING)
    elif _looks_like_phone(text):
        warnings.append(PHONE_WARNING)
    if not warnings and _looks_like_name(text):
        warnings.append(NAME_WARNING)
    return warnings
