"""The import results dialog: one clear line per file, rejected files marked with their problem."""

from __future__ import annotations

from pathlib import Path

from pytestqt.qtbot import QtBot

from peerdesk.program.importer import import_files
from peerdesk.ui.program.import_dialog import ImportResultsDialog, outcome_summary, problem_text
from peerdesk.vault import Vault
from tests.ui.program.summaries import bad_checksum_file, demo_files, unknown_code_file


def test_results_list_each_file_with_counts_or_problem(qtbot: QtBot, vault: Vault,
                                                       tmp_path: Path) -> None:
    good = demo_files(tmp_path, supporters=2, records=8)
    bad = bad_checksum_file(tmp_path / "edited.json")
    outcomes = import_files(vault, [good[0], bad, good[1]])
    outcomes += import_files(vault, [good[0]])

    dialog = ImportResultsDialog(outcomes)
    qtbot.addWidget(dialog)
    dialog.open()
    qtbot.waitExposed(dialog)

    table = dialog.table
    assert table.rowCount() == 4
    assert dialog.rejected_count == 1
    first = [table.item(0, c).text() for c in range(table.columnCount())]
    assert first[0] == good[0].name
    assert first[1] == "Imported"
    assert first[2] == str(outcomes[0].new)
    assert first[5] == outcomes[0].supporter_alias
    rejected = [table.item(1, c).text() for c in range(table.columnCount())]
    assert rejected[0] == "edited.json"
    assert "Rejected" in rejected[1]
    assert rejected[2:5] == ["—", "—", "—"]
    # the file name is already in the first column; the problem reads on its own
    assert rejected[6].startswith("The records do not match their checksum")
    assert "already imported" in table.item(3, 6).text()
    assert "1 file was rejected" in dialog.summary.text()
    assert dialog.findChild(type(dialog.summary), "rejectedHint") is not None


def test_summary_line_counts() -> None:
    assert outcome_summary([]) == (
        "0 files imported: 0 new records, 0 updated, 0 already up to date.")


def test_problem_text_keeps_messages_without_the_lead_in(vault: Vault, tmp_path: Path) -> None:
    missing = tmp_path / "gone.json"
    [outcome] = import_files(vault, [missing])
    assert not outcome.accepted
    assert problem_text(outcome)
    assert not problem_text(outcome).startswith("gone.json was not imported")


def _rows(dialog: ImportResultsDialog) -> list[list[str]]:
    table = dialog.table
    return [[table.item(r, c).text() for c in range(table.columnCount())]
            for r in range(table.rowCount())]


def test_a_problem_that_starts_with_a_field_path_keeps_its_spelling(
        qtbot: QtBot, vault: Vault, tmp_path: Path) -> None:
    outcomes = import_files(vault, [unknown_code_file(tmp_path / "fax.json")])
    dialog = ImportResultsDialog(outcomes)
    qtbot.addWidget(dialog)
    assert _rows(dialog)[0][6] == 'records[1].channel has the unknown code "fax".'


def test_rejections_are_shown_in_spanish_with_file_names_and_field_paths_as_written(
        qtbot: QtBot, vault: Vault, tmp_path: Path, spanish: None) -> None:
    good = demo_files(tmp_path, supporters=1, records=8)
    checksum = bad_checksum_file(tmp_path / "editado.json")
    schema = unknown_code_file(tmp_path / "text.json")  # "text" is a translated word
    outcomes = import_files(vault, [checksum, good[0], schema])

    dialog = ImportResultsDialog(outcomes)
    qtbot.addWidget(dialog)
    dialog.open()
    qtbot.waitExposed(dialog)

    checksum_row, good_row, schema_row = _rows(dialog)
    assert checksum_row[0] == "editado.json"
    assert checksum_row[1] == "✖ Rechazado"
    assert checksum_row[6].startswith(
        "Los registros no coinciden con su suma de comprobación (records_sha256): el archivo se "
        "modificó después de exportarlo o está dañado.")
    assert good_row[1] == "Importado"
    assert schema_row[0] == "text.json"
    assert schema_row[6] == 'records[1].channel tiene el código desconocido "fax".'
    assert dialog.table.item(2, 6).toolTip() == (
        'text.json no se importó: records[1].channel tiene el código desconocido "fax".')
    assert dialog.summary.text() == (
        f"1 archivo importado: {outcomes[1].new} registros nuevos, 0 actualizados, 0 ya al "
        "día. 2 archivos se rechazaron y no se importó nada de ellos; abajo verás el motivo.")

    again = import_files(vault, [good[0]])
    repeated = ImportResultsDialog(again)
    qtbot.addWidget(repeated)
    assert _rows(repeated)[0][6].startswith("Este archivo ya se importó el ")
