"""The labels of a session's coded fields, as the full-text index holds them.

A search for "phone" or "manager" should find sessions by their coded values, in whatever
language the supporter thinks in: so the index holds every shipped language's label for each
code ("Phone · Teléfono"). When the taxonomy or a translation changes, the labels already in
the index are out of date; `labels_signature` tells, and the repository rewrites them.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable, Mapping, Sequence
from functools import cache

from peerdesk.journal.model import Session
from peerdesk.journal.validation import MULTI_CODED_FIELDS, SINGLE_CODED_FIELDS
from peerdesk.taxonomy import Taxonomy, default_taxonomy, localized_taxonomy
from peerdesk.translation import LANGUAGES, SOURCE_LANGUAGE

SIGNATURE_KEY = "search_labels_signature"  # in the journal's meta table
SEPARATOR = " · "

LabelMaps = Mapping[str, Mapping[str, str]]  # field key -> code -> label


@cache
def _translated_maps(language: str) -> LabelMaps:
    return localized_taxonomy(language).code_labels


def indexed_label_maps(taxonomy: Taxonomy) -> tuple[LabelMaps, ...]:
    """The label sets a journal using `taxonomy` indexes: the shipped taxonomy in every shipped
    language; any other taxonomy (tests, a future custom one) as it is."""
    if taxonomy is not default_taxonomy():
        return (taxonomy.code_labels,)
    return (taxonomy.code_labels,
            *(_translated_maps(lang) for lang in LANGUAGES if lang != SOURCE_LANGUAGE))


def _codes(session: Session) -> Iterable[tuple[str, str]]:
    for attribute, key in SINGLE_CODED_FIELDS.items():
        code = getattr(session, attribute)
        if code is not None:
            yield key, code
    for attribute, key in MULTI_CODED_FIELDS.items():
        for code in sorted(getattr(session, attribute)):
            yield key, code


def search_labels(session: Session, maps: Sequence[LabelMaps]) -> str:
    """Every label of the session's coded values in every indexed language, without repeats."""
    labels: dict[str, None] = {}
    codes = list(_codes(session))
    for language_maps in maps:
        for key, code in codes:
            label = language_maps.get(key, {}).get(code)
            if label:
                labels[label] = None
    return SEPARATOR.join(labels)


def labels_signature(maps: Sequence[LabelMaps]) -> str:
    """Changes whenever any indexed label does."""
    data = json.dumps([{key: dict(sorted(codes.items())) for key, codes in sorted(m.items())}
                       for m in maps], ensure_ascii=False)
    return hashlib.sha256(data.encode("utf-8")).hexdigest()[:32]
