"""CSV import: columns by name, codes or labels, every bad row reported, all or nothing."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from peerdesk.journal.csv_import import (
    MAX_CSV_BYTES,
    CsvImportError,
    import_sessions,
    parse_csv,
)
from peerdesk.journal.repository import SessionRepository
from peerdesk.taxonomy import default_taxonomy
from peerdesk.translation import localize
from peerdesk.vault import Vault

TAX = default_taxonomy()

GOOD = (
    "date,consent,channel,behaviours,peer_code,notes,start_time,duration_minutes,follow_up_date\n"
    '2024-03-01,yes,phone,work_related;online,amber-heron-27,"Left off the rota, again",09:15,45,'
    "2024-03-08\n"
    "2024-03-02,no,Video call,Person-related ; Retaliation for speaking up,,,,,\n"
)


def write(tmp_path: Path, text: str, name: str = "log.csv", bom: bool = False) -> Path:
    path = tmp_path / name
    path.write_bytes((b"\xef\xbb\xbf" if bom else b"") + text.encode("utf-8"))
    return path


def test_good_file_with_codes_and_labels(tmp_path: Path) -> None:
    result = parse_csv(write(tmp_path, GOOD), TAX)
    assert result.errors == []
    assert result.valid_rows == 2
    first, second = result.sessions
    assert first.date == dt.date(2024, 3, 1)
    assert first.consent_to_count is True
    assert first.channel == "phone"
    assert first.behaviours == frozenset({"work_related", "online"})
    assert first.peer_code == "amber-heron-27"
    assert first.notes == "Left off the rota, again"
    assert first.start_time == dt.time(9, 15)
    assert first.duration_minutes == 45
    assert first.follow_up_date == dt.date(2024, 3, 8)
    # labels work like codes; editor defaults fill the rest
    assert second.channel == "video"
    assert second.behaviours == frozenset({"person_related", "retaliation"})
    assert second.consent_to_count is False
    assert (second.kind, second.contact, second.duration_minutes) == ("one_to_one", "first", 30)
    assert second.start_time is None


def test_bom_header_order_aliases_and_semicolons(tmp_path: Path) -> None:
    text = ("Notes;Consent;Date;Source relation;Risk flags;Kind;Group size\n"
            "shouting;Y;2024-01-05;Manager or supervisor;self_harm;group;6\n")
    result = parse_csv(write(tmp_path, text, bom=True), TAX)
    assert result.errors == []
    (session,) = result.sessions
    assert session.source_relation == "manager"
    assert session.risk_flags == frozenset({"self_harm"})
    assert (session.kind, session.group_size) == ("group", 6)


def test_every_bad_row_reported_with_row_number(tmp_path: Path) -> None:
    text = (
        "date,consent,channel,behaviours,duration_minutes,start_time,follow_up_done,group_size\n"
        "2024-03-01,yes,phone,,,,,\n"               # row 2 fine
        "03/01/2024,yes,phone,,,,,\n"               # row 3 bad date
        "2024-03-02,,phone,,,,,\n"                  # row 4 consent missing
        "2024-03-03,maybe,fax,,,,,\n"               # row 5 bad consent and channel
        "2024-03-04,no,,shouting;online,,,,\n"      # row 6 unknown behaviour
        "2024-03-05,no,,,ninety,25:99,perhaps,1\n"  # row 7 four problems
        ",no,,,,,,\n"                               # row 8 no date
        "\n"                                        # blank: ignored
        "2024-03-06,no,,,,,,,extra\n"               # row 10 too many values
    )
    result = parse_csv(write(tmp_path, text), TAX)
    assert result.sessions == []
    assert result.valid_rows == 1
    by_row: dict[int, list[str | None]] = {}
    for error in result.errors:
        by_row.setdefault(error.row, []).append(error.column)
    assert by_row == {
        3: ["date"],
        4: ["consent"],
        5: ["channel", "consent"],
        6: ["behaviours"],
        7: ["start_time", "duration_minutes", "group_size", "follow_up_done"],
        8: ["date"],
        10: [None],
    }
    messages = [str(e) for e in result.errors]
    assert "row 3, column 'date': '03/01/2024' is not a date like 2024-03-31." in messages
    assert any("'fax'" in m and "phone" in m for m in messages)
    assert any("'shouting'" in m for m in messages)


def test_problems_read_in_spanish_keeping_rows_columns_and_values(tmp_path: Path) -> None:
    text = ("date,consent,group_size,colour\n"
            "2024-03-01,yes,1,red\n"
            "2024-03-02,yes,,,extra\n")
    result = parse_csv(write(tmp_path, text), TAX)
    english = [str(error) for error in result.errors]
    spanish = [localize(error.text, "es") for error in result.errors]
    assert english[1:] == ["row 2, column 'group_size': 1 is outside 2 to 1000.",
                           "row 3: has more values (5) than the header has columns (4)."]
    assert spanish[1:] == ["fila 2, columna 'group_size': 1 está fuera del intervalo de 2 a 1000.",
                           "fila 3: tiene más valores (5) que columnas el encabezado (4)."]
    assert spanish[0].startswith("fila 1, columna 'colour': no es una columna conocida. "
                                 "Cámbiale el nombre por uno de estos: date, start_time, ")
    assert english[0].startswith("row 1, column 'colour': is not a known column.")


def test_file_problems_read_in_spanish_naming_the_file(tmp_path: Path) -> None:
    path = write(tmp_path, "", name="contactos.csv")
    with pytest.raises(CsvImportError) as caught:
        parse_csv(path, TAX)
    assert str(caught.value).startswith("contactos.csv has no header row.")
    assert localize(caught.value, "es") == (
        "contactos.csv no tiene fila de encabezado. La primera fila debe dar nombre a las "
        "columnas, por ejemplo: date,consent,channel,notes.")


def test_unknown_and_missing_headers(tmp_path: Path) -> None:
    result = parse_csv(write(tmp_path, "date,Name,channel\n2024-01-01,Maria,phone\n"), TAX)
    assert [(e.row, e.column) for e in result.errors] == [(1, "Name"), (1, "consent")]
    assert result.sessions == []


def test_unknown_header_with_good_rows_still_blocks(tmp_path: Path) -> None:
    result = parse_csv(write(tmp_path, "date,consent,colour\n2024-01-01,yes,red\n"), TAX)
    assert [(e.row, e.column) for e in result.errors] == [(1, "colour")]
    assert result.sessions == []


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"\xff\xfe d\x00a\x00", "not UTF-8"),
        (b"", "no header"),
        (b"date,consent\x00\n", "not a CSV"),
    ],
)
def test_unreadable_files(tmp_path: Path, content: bytes, message: str) -> None:
    path = tmp_path / "bad.csv"
    path.write_bytes(content)
    with pytest.raises(CsvImportError, match=message):
        parse_csv(path, TAX)


def test_missing_and_oversized_files(tmp_path: Path) -> None:
    with pytest.raises(CsvImportError, match="no file"):
        parse_csv(tmp_path / "nope.csv", TAX)
    big = tmp_path / "big.csv"
    with big.open("wb") as handle:
        handle.truncate(MAX_CSV_BYTES + 1)
    with pytest.raises(CsvImportError, match="limit"):
        parse_csv(big, TAX)


def test_import_adds_all(vault: Vault, tmp_path: Path) -> None:
    repo = SessionRepository(vault)
    result = parse_csv(write(tmp_path, GOOD), TAX)
    assert import_sessions(repo, result.sessions) == 2
    assert repo.count() == 2
    assert repo.count_older_than(dt.date(2024, 3, 2)) == 1


def test_dates_outside_1970_to_a_year_ahead_are_refused(tmp_path: Path) -> None:
    text = ("date,consent\n"
            "9999-12-31,yes\n"
            "1969-12-31,yes\n"
            "2024-03-01,yes\n")
    result = parse_csv(write(tmp_path, text), TAX)
    assert result.sessions == []
    assert [e.row for e in result.errors] == [2, 3]
    assert all("outside the dates a session can have" in str(e) for e in result.errors)


FLAGGED = (
    "date,consent,peer_code\n"
    "2024-03-01,yes,amber-heron-27\n"
    "2024-03-02,yes,Maria Lopez\n"
    "2024-03-03,no,maria.lopez@example.org\n"
)


def test_peer_codes_that_look_identifying_are_listed_as_problems(tmp_path: Path) -> None:
    result = parse_csv(write(tmp_path, FLAGGED), TAX)
    assert result.sessions == []  # all or nothing
    assert [(error.row, error.column) for error in result.errors] == [
        (3, "peer_code"), (4, "peer_code")]
    assert "“Maria Lopez” looks like a name" in str(result.errors[0])
    assert "--allow-identifying-codes" in str(result.errors[0])


def test_flagged_peer_codes_import_only_with_the_explicit_option(tmp_path: Path) -> None:
    result = parse_csv(write(tmp_path, FLAGGED), TAX, allow_identifying_codes=True)
    assert result.errors == []
    assert [s.peer_code for s in result.sessions] == [
        "amber-heron-27", "Maria Lopez", "maria.lopez@example.org"]
