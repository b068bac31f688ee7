"""The CSV import wizard: dry-run preview, every bad row listed, all or nothing."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtWidgets import QWizard
from pytestqt.qtbot import QtBot

from peerdesk.journal.repository import SessionRepository
from peerdesk.ui import i18n
from peerdesk.ui.journal.csv_wizard import CsvImportWizard
from peerdesk.vault import Vault

GOOD = (
    "date,consent,channel,behaviours,peer_code,notes\n"
    "2024-03-01,yes,phone,work_related;online,amber-heron-27,Left off the rota again\n"
    "2024-03-02,no,Video call,Person-related,,\n"
    "2024-03-04,yes,,,amber-heron-27,Better this week\n"
)
BAD = (
    "date,consent,channel\n"
    "2024-03-01,yes,phone\n"
    "03/01/2024,yes,phone\n"
    "2024-03-02,maybe,fax\n"
)


@pytest.fixture
def wizard(qtbot: QtBot, vault: Vault) -> CsvImportWizard:
    widget = CsvImportWizard(vault)
    qtbot.addWidget(widget)
    widget.show()
    return widget


def to_preview(qtbot: QtBot, wizard: CsvImportWizard, path: Path) -> None:
    assert not wizard.button(QWizard.WizardButton.NextButton).isEnabled()
    wizard.choose_page.path.setText(str(path))
    assert wizard.button(QWizard.WizardButton.NextButton).isEnabled()
    with qtbot.waitSignal(wizard.preview_page.checked, timeout=10000):
        wizard.next()


def test_good_file_previews_then_imports(qtbot: QtBot, wizard: CsvImportWizard,
                                         tmp_path: Path, repo: SessionRepository) -> None:
    path = tmp_path / "log.csv"
    path.write_text(GOOD, encoding="utf-8")
    to_preview(qtbot, wizard, path)
    page = wizard.preview_page
    assert page.summary.text() == "3 sessions will be added."
    assert page.rows.topLevelItemCount() == 3
    assert page.rows.topLevelItem(0).text(1) == "amber-heron-27"
    assert not page.errors.isVisible()
    assert repo.count() == 0  # a dry run so far
    commit = wizard.button(QWizard.WizardButton.CommitButton)
    assert commit.isEnabled()
    assert commit.text() == "&Import"
    with qtbot.waitSignal(wizard.imported, timeout=10000) as imported:
        commit.click()
    assert imported.args == [3]
    assert repo.count() == 3
    assert wizard.result_page.message.text() == "Added 3 sessions to your journal."
    assert wizard.button(QWizard.WizardButton.FinishButton).isEnabled()


def test_bad_file_lists_every_problem_and_adds_nothing(
        qtbot: QtBot, wizard: CsvImportWizard, tmp_path: Path, repo: SessionRepository) -> None:
    path = tmp_path / "bad.csv"
    path.write_text(BAD, encoding="utf-8")
    to_preview(qtbot, wizard, path)
    page = wizard.preview_page
    assert "problems found" in page.summary.text()
    problems = [page.errors.item(i).text() for i in range(page.errors.count())]
    assert "row 3, column 'date': '03/01/2024' is not a date like 2024-03-31." in problems
    assert any(p.startswith("row 4, column 'consent'") for p in problems)
    assert any(p.startswith("row 4, column 'channel'") for p in problems)
    assert not any(p.startswith("row 2") for p in problems)
    assert not wizard.button(QWizard.WizardButton.CommitButton).isEnabled()
    assert repo.count() == 0

    path.write_text(GOOD, encoding="utf-8")  # fixed in the spreadsheet
    with qtbot.waitSignal(page.checked, timeout=10000):
        page.recheck.click()
    assert page.summary.text() == "3 sessions will be added."
    assert wizard.button(QWizard.WizardButton.CommitButton).isEnabled()


def test_unreadable_file_says_why(qtbot: QtBot, wizard: CsvImportWizard,
                                  tmp_path: Path) -> None:
    path = tmp_path / "latin1.csv"
    path.write_bytes("date,consent,notes\n2024-03-01,yes,caf\xe9\n".encode("latin-1"))
    to_preview(qtbot, wizard, path)
    assert "UTF-8" in wizard.preview_page.summary.text()
    assert not wizard.button(QWizard.WizardButton.CommitButton).isEnabled()


@pytest.fixture
def spanish() -> Iterator[None]:
    i18n.install_language("es")
    yield
    i18n.install_language("en")  # the QApplication is shared with the other tests


def test_problems_read_in_spanish_with_rows_and_columns_kept(
        qtbot: QtBot, spanish: None, wizard: CsvImportWizard, tmp_path: Path,
        repo: SessionRepository) -> None:
    path = tmp_path / "bad.csv"
    path.write_text(BAD, encoding="utf-8")
    to_preview(qtbot, wizard, path)
    page = wizard.preview_page
    problems = [page.errors.item(i).text() for i in range(page.errors.count())]
    assert problems[:2] == [
        "fila 3, columna 'date': '03/01/2024' no es una fecha como 2024-03-31.",
        "fila 4, columna 'channel': 'fax' no es ninguno de estos: in_person, phone, video, "
        "chat, email (los códigos o sus etiquetas en inglés).",
    ]
    assert problems[2] == "fila 4, columna 'consent': 'maybe' no es sí ni no."
    assert page.summary.text().startswith("Se encontraron 3 problemas.")
    assert repo.count() == 0


def test_a_file_that_cannot_be_read_says_why_in_spanish(
        qtbot: QtBot, spanish: None, wizard: CsvImportWizard, tmp_path: Path) -> None:
    path = tmp_path / "latin1.csv"
    path.write_bytes("date,consent,notes\n2024-03-01,yes,caf\xe9\n".encode("latin-1"))
    to_preview(qtbot, wizard, path)
    assert wizard.preview_page.summary.text() == (
        "latin1.csv no es texto UTF-8. Guárdalo desde tu hoja de cálculo como «CSV UTF-8» e "
        "inténtalo de nuevo.")
