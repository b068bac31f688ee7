"""The quick check on open and the full check behind `peerdesk check`."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest

from peerdesk.cli import main
from peerdesk.translation import localize
from peerdesk.vault import Vault, VaultDamagedError, VaultOpenError
from peerdesk.vault.integrity import check_integrity, integrity_report
from tests.conftest import PASSPHRASE


def fill(vault: Vault, rows: int = 3000) -> None:
    with vault.transaction() as conn:
        conn.execute("CREATE TABLE notes (body TEXT)")
        conn.executemany("INSERT INTO notes VALUES (?)",
                         [(f"note {i} " * 10,) for i in range(rows)])


def digest(folder: Path) -> dict[str, str]:
    return {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in folder.iterdir()}


def test_intact_journal_reports_what_was_checked(vault: Vault) -> None:
    fill(vault, 100)
    report = integrity_report(vault)
    assert report.ok
    assert check_integrity(vault) == []
    assert report.page_size == 4096
    assert report.page_count > 1
    assert any("cipher_integrity_check" in c for c in report.checks)
    assert any("integrity_check" in c and "SQLite" in c for c in report.checks)


def test_file_cut_short_on_a_page_boundary_is_called_damaged(journal_path: Path) -> None:
    with Vault.create(journal_path, PASSPHRASE, folder=False) as vault:
        fill(vault)
    data = journal_path.read_bytes()
    journal_path.write_bytes(data[: len(data) - 4096 * 10])
    before = digest(journal_path.parent)
    with pytest.raises(VaultDamagedError) as caught:
        Vault.open(journal_path, PASSPHRASE)
    message = str(caught.value)
    assert "damaged" in message
    assert "cut short" in message
    assert "kept aside" in message
    spanish = localize(caught.value, "es")  # what the unlock screen shows in Spanish
    assert spanish.startswith("El archivo del diario está dañado (sus páginas no encajan entre "
                              "sí; puede que esté cortado). Tu frase de contraseña es correcta")
    assert isinstance(caught.value, VaultOpenError)
    assert digest(journal_path.parent) == before  # never modified


def test_wrong_passphrase_on_a_cut_file_stays_neutral(journal_path: Path) -> None:
    with Vault.create(journal_path, PASSPHRASE, folder=False) as vault:
        fill(vault)
    data = journal_path.read_bytes()
    journal_path.write_bytes(data[: len(data) - 4096 * 10])
    with pytest.raises(VaultOpenError) as caught:
        Vault.open(journal_path, "not the passphrase")
    assert not isinstance(caught.value, VaultDamagedError)  # no hint without the passphrase


def test_damaged_page_is_found_by_peerdesk_check(journal_path: Path,
                                                 monkeypatch: pytest.MonkeyPatch,
                                                 capsys: pytest.CaptureFixture[str]) -> None:
    with Vault.create(journal_path, PASSPHRASE, folder=False) as vault:
        fill(vault)
    monkeypatch.setenv("PEERDESK_PASSPHRASE", PASSPHRASE)
    assert main(["check", "--journal", str(journal_path)]) == 0
    out = capsys.readouterr().out
    assert "intact" in out
    assert "pages of 4096 bytes" in out
    assert "cipher_integrity_check" in out
    assert "integrity_check" in out

    data = bytearray(journal_path.read_bytes())
    data[len(data) - 3000] ^= 0x55  # inside the last page: the quick check does not read it
    journal_path.write_bytes(bytes(data))
    assert main(["check", "--journal", str(journal_path)]) == 1
    err = capsys.readouterr().err
    assert "damaged" in err
    assert "backup" in err
    assert err.count("\n") == 1
