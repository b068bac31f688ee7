"""The import results dialog: one clear line per file, refused files marked with their problem,
keys to confirm shown with their fingerprint."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QGroupBox
from pytestqt.qtbot import QtBot

from peerdesk.program.importer import Enrolment, import_files
from peerdesk.ui.program.import_dialog import ImportResultsDialog, outcome_summary, problem_text
from peerdesk.vault import Vault
from tests.program.summaries import ACCEPT
from tests.ui.program.summaries import bad_checksum_file, demo_files, unknown_code_file


def _rows(dialog: ImportResultsDialog) -> list[list[str]]:
    table = dialog.table
    return [[table.item(r, c).text() for c in range(table.columnCount())]
            for r in range(table.rowCount())]


def test_results_list_each_file_with_months_or_problem(qtbot: QtBot, vault: Vault,
                                                       tmp_path: Path) -> None:
    good = demo_files(tmp_path, supporters=2, records=8, month_count=3)
    bad = bad_checksum_file(tmp_path / "edited.json")
    outcomes = import_files(vault, [good[0], bad, good[1]], enrolment=ACCEPT)
    outcomes += import_files(vault, [good[0]])

    dialog = ImportResultsDialog(outcomes)
    qtbot.addWidget(dialog)
    with qtbot.waitExposed(dialog):
        dialog.open()

    rows = _rows(dialog)
    assert len(rows) == 4
    assert dialog.rejected_count == 1
    assert rows[0][:4] == [good[0].name, "Imported", str(len(outcomes[0].months_replaced)),
                           outcomes[0].supporter_alias]
    assert "key enrolled" in rows[0][4]
    assert rows[1][0] == "edited.json"
    assert "Refused" in rows[1][1]
    assert rows[1][2] == "—"
    # the file name is already in the first column; the problem reads on its own
    assert rows[1][4].startswith("Its signature does not match its content")
    assert "already imported" in rows[3][4]
    assert "1 file was refused" in dialog.summary.text()
    assert dialog.findChild(type(dialog.summary), "rejectedHint") is not None
    assert dialog.key_checks == []
    assert dialog.enrol_button is None


def test_an_unknown_key_offers_to_enrol_with_its_fingerprint(qtbot: QtBot, vault: Vault,
                                                             tmp_path: Path) -> None:
    [path] = demo_files(tmp_path, supporters=1, records=8, month_count=2)
    outcomes = import_files(vault, [path])
    pending = outcomes[0].pending_key
    assert pending is not None
    dialog = ImportResultsDialog(outcomes)
    qtbot.addWidget(dialog)
    box = dialog.findChild(QGroupBox, "keysToConfirm")
    assert box is not None
    labels = " ".join(label.text() for label in box.findChildren(type(dialog.summary)))
    assert pending.fingerprint in labels
    [(check, key)] = dialog.key_checks
    assert key == pending
    assert dialog.enrol_button is not None
    assert not dialog.enrol_button.isEnabled()  # nothing is enrolled without a tick
    check.setChecked(True)
    with qtbot.waitSignal(dialog.enrol_requested) as asked:
        dialog.enrol_button.click()
    paths, enrolment = asked.args
    assert paths == [str(path)]
    assert enrolment == Enrolment.of([pending.fingerprint])
    assert import_files(vault, [Path(p) for p in paths], enrolment=enrolment)[0].accepted


def test_summary_line_counts() -> None:
    assert outcome_summary([]) == "0 files imported: 0 supporter months replaced."


def test_problem_text_keeps_messages_without_the_lead_in(vault: Vault, tmp_path: Path) -> None:
    missing = tmp_path / "gone.json"
    [outcome] = import_files(vault, [missing])
    assert not outcome.accepted
    assert problem_text(outcome)
    assert not problem_text(outcome).startswith("gone.json was not imported")


def test_a_problem_that_starts_with_a_field_path_keeps_its_spelling(
        qtbot: QtBot, vault: Vault, tmp_path: Path) -> None:
    outcomes = import_files(vault, [unknown_code_file(tmp_path / "fax.json")])
    dialog = ImportResultsDialog(outcomes)
    qtbot.addWidget(dialog)
    assert _rows(dialog)[0][4] == 'months[0].counts.channel has the unknown code "fax".'


def test_rejections_are_shown_in_spanish_with_file_names_and_field_paths_as_written(
        qtbot: QtBot, vault: Vault, tmp_path: Path, spanish: None) -> None:
    good = demo_files(tmp_path, supporters=1, records=8, month_count=2)
    tampered = bad_checksum_file(tmp_path / "editado.json")
    schema = unknown_code_file(tmp_path / "text.json")  # "text" is a translated word
    outcomes = import_files(vault, [tampered, good[0], schema], enrolment=ACCEPT)

    dialog = ImportResultsDialog(outcomes)
    qtbot.addWidget(dialog)
    with qtbot.waitExposed(dialog):
        dialog.open()

    tampered_row, good_row, schema_row = _rows(dialog)
    assert tampered_row[0] == "editado.json"
    assert tampered_row[1] == "✖ Rechazado"
    assert tampered_row[4].startswith("Su firma no coincide con su contenido")
    assert good_row[1] == "Importado"
    assert schema_row[0] == "text.json"
    assert schema_row[4] == 'months[0].counts.channel tiene el código desconocido "fax".'
    assert dialog.table.item(2, 4).toolTip() == (
        'text.json no se importó: months[0].counts.channel tiene el código desconocido "fax".')

    again = import_files(vault, [good[0]])
    repeated = ImportResultsDialog(again)
    qtbot.addWidget(repeated)
    assert _rows(repeated)[0][4].startswith("Este archivo ya se importó el ")
