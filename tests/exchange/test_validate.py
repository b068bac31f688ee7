"""Import validation: every kind of bad summary file is refused with its own message."""

from __future__ import annotations

import copy
import json
import os
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from peerdesk.exchange import validate
from peerdesk.exchange.format import records_checksum
from peerdesk.exchange.validate import (
    MAX_SUMMARY_BYTES,
    SummaryRejected,
    validate_summary_bytes,
    validate_summary_file,
)
from peerdesk.translation import MESSAGES_CONTEXT, Message, catalogue, localize
from tests.program.summaries import envelope, record, write_summary

BAD = Path(__file__).parent / "data" / "bad"


def good_doc(n: int = 3) -> dict[str, Any]:
    return envelope([record(period=f"2026-{9 + i % 3:02d}") for i in range(n)])


def resealed(doc: dict[str, Any]) -> dict[str, Any]:
    """Recompute count and checksum, so only the intended defect remains."""
    doc["records"] = sorted(doc["records"], key=lambda r: r["id"])
    doc["record_count"] = len(doc["records"])
    doc["records_sha256"] = records_checksum(doc["records"])
    return doc


def mutate(change: Callable[[dict[str, Any]], None], reseal: bool = True) -> bytes:
    doc = good_doc()
    change(doc)
    if reseal:
        resealed(doc)
    return json.dumps(doc).encode()


def _set(path: tuple[Any, ...], value: Any) -> Callable[[dict[str, Any]], None]:
    def change(doc: dict[str, Any]) -> None:
        target = doc
        for part in path[:-1]:
            target = target[part]
        target[path[-1]] = value
    return change


def _records_sorted_first(doc: dict[str, Any]) -> None:
    doc["records"] = sorted(doc["records"], key=lambda r: r["id"])


def _chain(*changes: Callable[[dict[str, Any]], None]) -> Callable[[dict[str, Any]], None]:
    def change(doc: dict[str, Any]) -> None:
        for step in changes:
            step(doc)
    return change


GENERATED: dict[str, tuple[bytes, str]] = {
    "wrong format name": (mutate(_set(("format",), "peerdesk.backup")),
                          "not a PeerDesk summary"),
    "newer version": (mutate(_set(("version",), 2)), "made by a newer PeerDesk"),
    "missing field": (mutate(lambda d: d.pop("created_at")),
                      "the top level is missing the field 'created_at'"),
    "missing record field": (mutate(_chain(_records_sorted_first,
                                           lambda d: d["records"][1].pop("channel"))),
                             "records[1] is missing the field 'channel'"),
    "extra field": (mutate(_chain(_records_sorted_first,
                                  _set(("records", 0, "notes"), "she said ..."))),
                    "records[0] has a field that summaries do not have: 'notes'"),
    "wrong type": (mutate(_chain(_records_sorted_first, _set(("records", 2, "revision"), "3"))),
                   "records[2].revision should be a whole number but is text"),
    "unknown code": (mutate(_chain(_records_sorted_first,
                                   _set(("records", 1, "channel"), "fax"))),
                     "records[1].channel has the unknown code \"fax\""),
    "bad period pattern": (mutate(_chain(_records_sorted_first,
                                         _set(("records", 0, "period"), "2026-13"))),
                           "records[0].period"),
    "week that does not exist": (
        mutate(_chain(_records_sorted_first,
                      _set(("generalisation", "period"), "week"),
                      _set(("period",), {"granularity": "week", "from": "2025-W01",
                                         "to": "2025-W53"}),
                      *[_set(("records", i, "period"), "2025-W10") for i in range(3)],
                      _set(("records", 2, "period"), "2025-W53"))),
        "records[2].period is \"2025-W53\", a week that does not exist"),
    "bad checksum": (mutate(_set(("records_sha256",), "0" * 64), reseal=False),
                     "do not match their checksum"),
    "edited record": (mutate(_set(("records", 0, "revision"), 9), reseal=False),
                      "do not match their checksum"),
    "record_count mismatch": (mutate(_set(("record_count",), 7), reseal=False),
                              "record_count says 7 but the file holds 3 records"),
    "unknown taxonomy": (mutate(_set(("taxonomy_version",), "9")),
                         "taxonomy version 9, which this PeerDesk does not know"),
    "repeated record id": (mutate(lambda d: d["records"].append(dict(d["records"][0]))),
                           "repeats an earlier record's id"),
    "json array": (b"[1, 2, 3]", "a list at the top level"),
    "nan": (json.dumps(good_doc()).replace('"version": 1', '"version": NaN').encode(),
            "non-standard number NaN"),
    "infinity": (b'{"format": "peerdesk.summary", "version": -Infinity}',
                 "non-standard number -Infinity"),
    "bom and junk": (b"\xef\xbb\xbf" + b"hello", "not valid JSON"),
}

STATIC: dict[str, str] = {
    "empty.json": "the file is empty",
    "not-json.json": "not valid JSON (Expecting value at line 1, column 1)",
    "array.json": "a list at the top level",
    "latin1.json": "not UTF-8 text",
    "nan.json": "non-standard number NaN",
    "duplicate-keys.json": "the key 'format' appears twice",
    "huge-number.json": "a number with 401 digits",
    "deep-nesting.json": "nested more than 16 levels deep",
    "truncated.json": "the file ends too early",
}


def test_good_file_passes(tmp_path: Path) -> None:
    doc = good_doc(5)
    summary = validate_summary_file(write_summary(tmp_path / "good.json", doc))
    assert len(summary.records) == 5
    assert summary.supporter_alias == "Sam"
    assert summary.records[0].behaviours == ("person_related", "work_related")


def test_byte_order_mark_is_tolerated() -> None:
    data = b"\xef\xbb\xbf" + json.dumps(good_doc()).encode()
    assert len(validate_summary_bytes(data, "bom.json").records) == 3


@pytest.mark.parametrize("kind", sorted(GENERATED))
def test_generated_bad_files_are_rejected_with_their_problem(kind: str, tmp_path: Path) -> None:
    data, message = GENERATED[kind]
    path = tmp_path / f"{kind.replace(' ', '-')}.json"
    path.write_bytes(data)
    with pytest.raises(SummaryRejected) as caught:
        validate_summary_file(path)
    assert message in str(caught.value)
    assert str(caught.value).startswith(f"{path.name} was not imported: ")


@pytest.mark.parametrize("name", sorted(STATIC))
def test_static_bad_files_are_rejected_with_their_problem(name: str) -> None:
    with pytest.raises(SummaryRejected) as caught:
        validate_summary_file(BAD / name)
    assert STATIC[name] in caught.value.problem
    assert caught.value.file_name == name


def test_size_cap_checked_before_reading(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "huge.json"
    with path.open("wb") as stream:  # sparse: 21 MB on paper, nothing on disk
        stream.truncate(MAX_SUMMARY_BYTES + 1024 * 1024)
    opened: list[Path] = []
    real_open = Path.open
    monkeypatch.setattr(Path, "open", lambda self, *a, **k: opened.append(self) or real_open(
        self, *a, **k))
    with pytest.raises(SummaryRejected, match=r"21\.0 MB; summaries larger than 20 MB"):
        validate_summary_file(path)
    assert opened == []  # refused from stat alone


def test_size_cap_is_injectable(tmp_path: Path) -> None:
    path = write_summary(tmp_path / "s.json", good_doc())
    with pytest.raises(SummaryRejected, match="larger than"):
        validate_summary_file(path, max_bytes=100)


def test_missing_file_is_a_rejection_not_a_crash(tmp_path: Path) -> None:
    with pytest.raises(SummaryRejected, match="could not be read"):
        validate_summary_file(tmp_path / "gone.json")


def test_nesting_inside_strings_is_not_counted() -> None:
    doc = good_doc()
    doc["supporter"]["alias"] = "[[[[[[[[[[[[[[[[[[[[{{{{{{{{{{{"
    assert validate_summary_bytes(json.dumps(doc).encode(), "s.json")


def test_rejections_are_peerdesk_errors() -> None:
    from peerdesk.errors import PeerDeskError
    with pytest.raises(PeerDeskError):
        validate_summary_bytes(b"", "e.json")


# -- the fast schema path must agree with plain jsonschema ---------------------------------

_VALUES = st.sampled_from([None, "", "x", "fax", "in_person", "2026-W05", "2026-10", "2026-W54",
                           0, 1, -1, 2**40, True, 1.5, [], ["listened"], ["nope"],
                           ["listened", "listened"], {}, "a" * 32, "0" * 64, "group",
                           "one_to_one", "2_to_4"])


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.data())
def test_fast_schema_check_agrees_with_full_validation(data: st.DataObject) -> None:
    doc = good_doc(4)
    doc["records"] = sorted(doc["records"], key=lambda r: r["id"])
    for _ in range(data.draw(st.integers(0, 3))):
        index = data.draw(st.integers(0, 3))
        key = data.draw(st.sampled_from([*doc["records"][0], "extra"]))
        if data.draw(st.booleans()) and key in doc["records"][index]:
            del doc["records"][index][key]
        else:
            doc["records"][index][key] = data.draw(_VALUES)
    if data.draw(st.booleans()):
        doc["generalisation"]["peer_key"] = data.draw(st.booleans())
        doc["generalisation"]["period"] = data.draw(st.sampled_from(["week", "month"]))
    full = validate._schema_problem(copy.deepcopy(doc))
    fast = validate._fast_schema_problem(copy.deepcopy(doc))
    assert (full is None) == (fast is None), (full, fast)


def test_large_file_validates_quickly(tmp_path: Path) -> None:
    import time
    doc = envelope([record(period="2026-10") for _ in range(5000)])
    path = write_summary(tmp_path / "big.json", doc)
    start = time.perf_counter()
    assert len(validate_summary_file(path).records) == 5000
    assert time.perf_counter() - start < 5 + float(os.environ.get("PEERDESK_SLOW_CI", "0"))


# -- the fast depth scan must agree with the regex scan ---------------------------------------


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet='[]{}"\\ a:é', max_size=60))
def test_fast_depth_scan_agrees_with_the_regex_scan(text: str) -> None:
    fast = validate._too_deep_fast(text)
    assert fast is None or fast == validate._too_deep(text), text


def test_fast_depth_scan_skips_brackets_in_strings_and_defers_on_escapes() -> None:
    deep = "[" * 17 + "]" * 17
    assert validate._too_deep_fast(deep) is True
    assert validate._too_deep_fast(f'["{deep}"]') is False
    assert validate._too_deep_fast('["a\\"' + deep + '"]') is None  # escapes: regex scan
    assert validate._too_deep_fast('["' + deep) is None              # unpaired quote: likewise


def test_columns_of_mixed_types_are_not_confused() -> None:
    # True == 1 in Python: a column holding both must not vouch for one through the other
    doc = good_doc(3)
    doc["records"] = sorted(doc["records"], key=lambda r: r["id"])
    doc["records"][2]["follow_up_planned"] = 1
    assert validate._fast_schema_problem(doc) == (
        "records[2].follow_up_planned should be true/false but is a number")
    doc["records"][2]["follow_up_planned"] = True
    doc["records"][1]["behaviours"] = [True]
    assert validate._fast_schema_problem(doc) == (
        "records[1].behaviours[0] should be text but is true/false")


@pytest.mark.parametrize("count", [0, 1, 499, 500, 501, 1234])
def test_checksum_in_steps_is_the_checksum(count: int) -> None:
    records = [record(period="2026-10", org_unit="Ünit ☃") for _ in range(count)]
    assert validate._records_checksum_in_steps(records) == records_checksum(records)


# -- rejections in the interface language ----------------------------------------------------


def _rejection(path: Path) -> SummaryRejected:
    with pytest.raises(SummaryRejected) as caught:
        validate_summary_file(path)
    return caught.value


def test_a_checksum_mismatch_reads_in_spanish_and_keeps_the_file_name(tmp_path: Path) -> None:
    path = tmp_path / "the records do not match.json"  # a name that reads like the message
    path.write_bytes(GENERATED["bad checksum"][0])
    rejected = _rejection(path)
    assert str(rejected).startswith(
        "the records do not match.json was not imported: the records do not match their "
        "checksum (records_sha256)")
    spanish = localize(rejected, "es")
    assert spanish.startswith(
        "the records do not match.json no se importó: los registros no coinciden con su suma "
        "de comprobación (records_sha256): el archivo se modificó después de exportarlo")
    assert spanish.endswith("Pide a la persona de apoyo que lo vuelva a exportar.")


@pytest.mark.parametrize(("kind", "spanish"), [
    ("unknown code", 'records[1].channel tiene el código desconocido "fax"'),
    ("wrong type", "records[2].revision debería ser un número entero, pero es texto"),
    ("missing record field", "falta el campo 'channel' en records[1]"),
    ("missing field", "falta el campo 'created_at' en el nivel superior"),
    ("extra field", "records[0] tiene un campo que los resúmenes no tienen: 'notes'"),
    ("week that does not exist", 'records[2].period es "2025-W53", una semana que no existe'),
])
def test_a_schema_error_reads_in_spanish_with_its_field_path_as_written(
        kind: str, spanish: str, tmp_path: Path) -> None:
    path = tmp_path / "text.json"  # "text" is a translated word, but never in a file name
    path.write_bytes(GENERATED[kind][0])
    rejected = _rejection(path)
    assert localize(rejected, "es") == f"text.json no se importó: {spanish}."
    assert localize(rejected, "en") == str(rejected)


def _untranslated(text: object, language: str) -> list[str]:
    """Templates in `text` (a Message and every Message inside it) without a translation."""
    if not isinstance(text, Message):
        return []
    missing = [] if (MESSAGES_CONTEXT, text.template) in catalogue(language) else [text.template]
    for part in text.params.values():
        missing += _untranslated(part, language)
    return missing


def _bad_file(source: str, tmp_path: Path) -> Path:
    kind, name = source.split(":", 1)
    if kind == "static":
        return BAD / name
    path = tmp_path / "summary.json"
    path.write_bytes(GENERATED[name][0])
    return path


@pytest.mark.parametrize("source", [*(f"generated:{kind}" for kind in sorted(GENERATED)),
                                    *(f"static:{name}" for name in sorted(STATIC))])
def test_every_rejection_of_a_bad_file_is_wholly_translated(source: str,
                                                            tmp_path: Path) -> None:
    rejected = _rejection(_bad_file(source, tmp_path))
    assert isinstance(rejected.message, Message)
    assert _untranslated(rejected.message, "es") == []
    assert localize(rejected, "es") != str(rejected)


def test_size_and_unreadable_rejections_are_translated(tmp_path: Path) -> None:
    big = tmp_path / "big.json"
    with big.open("wb") as stream:  # sparse: 21 MB on paper
        stream.truncate(MAX_SUMMARY_BYTES + 1024 * 1024)
    assert localize(_rejection(big), "es") == (
        "big.json no se importó: ocupa 21.0 MB; se rechazan los resúmenes de más de 20 MB. "
        "Pide a la persona de apoyo que exporte un periodo más corto.")
    gone = _rejection(tmp_path / "gone.json")
    assert str(gone) == (
        "gone.json was not imported: it could not be read (the file does not exist).")
    assert localize(gone, "es") == (
        "gone.json no se importó: no se pudo leer (el archivo no existe).")

