"""`peerdesk passphrase change`, `peerdesk recover`, `peerdesk recovery-kit new|off`."""

from __future__ import annotations

from pathlib import Path

import pytest

from peerdesk.cli import main
from peerdesk.paths import key_file_path
from peerdesk.vault import Vault, VaultOpenError
from peerdesk.vault.key_change import store_recovery_code
from peerdesk.vault.keyslots import read_keyring
from peerdesk.vault.recovery_code import generate_recovery_code
from tests.conftest import PASSPHRASE

NEW = "a brand new passphrase 42"


@pytest.fixture
def folder_journal(journal_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    Vault.create(journal_path, PASSPHRASE, folder=True).close()
    monkeypatch.setenv("PEERDESK_JOURNAL", str(journal_path))
    return journal_path


def _snapshot(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir()) if p.is_file()}


def test_passphrase_change_rewraps_the_slot(folder_journal: Path,
                                            monkeypatch: pytest.MonkeyPatch,
                                            capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setenv("PEERDESK_PASSPHRASE", PASSPHRASE)
    monkeypatch.setenv("PEERDESK_NEW_PASSPHRASE", NEW)
    assert main(["passphrase", "change"]) == 0
    assert "saved elsewhere still open" in capsys.readouterr().out
    with pytest.raises(VaultOpenError):
        Vault.open(folder_journal, PASSPHRASE)
    Vault.open(folder_journal, NEW).close()


def test_passphrase_change_with_a_wrong_current_one_is_one_line(
        folder_journal: Path, monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setenv("PEERDESK_PASSPHRASE", "not it")
    monkeypatch.setenv("PEERDESK_NEW_PASSPHRASE", NEW)
    before = _snapshot(folder_journal)
    assert main(["passphrase", "change"]) == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1
    assert "passphrase is wrong" in err
    assert _snapshot(folder_journal) == before


def test_recover_sets_a_new_passphrase_from_the_code(folder_journal: Path,
                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    code = generate_recovery_code()
    with Vault.open(folder_journal, PASSPHRASE) as vault:
        store_recovery_code(vault, code)
    monkeypatch.setenv("PEERDESK_RECOVERY_CODE", str(code).lower().replace("-", " "))
    monkeypatch.setenv("PEERDESK_NEW_PASSPHRASE", NEW)
    assert main(["recover"]) == 0
    Vault.open(folder_journal, NEW).close()


@pytest.mark.parametrize("typed", ["wrong", "another journal's code"])
def test_recover_with_a_wrong_code_is_one_line_and_writes_nothing(
        folder_journal: Path, monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str], typed: str) -> None:
    with Vault.open(folder_journal, PASSPHRASE) as vault:
        store_recovery_code(vault, generate_recovery_code())
    code = "not-a-code" if typed == "wrong" else str(generate_recovery_code())
    monkeypatch.setenv("PEERDESK_RECOVERY_CODE", code)
    monkeypatch.setenv("PEERDESK_NEW_PASSPHRASE", NEW)
    before = _snapshot(folder_journal)
    assert main(["recover"]) == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1
    assert "Traceback" not in err
    assert _snapshot(folder_journal) == before
    Vault.open(folder_journal, PASSPHRASE).close()


def test_a_new_kit_writes_the_pdf_and_replaces_the_code(
        folder_journal: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setenv("PEERDESK_PASSPHRASE", PASSPHRASE)
    pdf = tmp_path / "kit.pdf"
    assert main(["recovery-kit", "new", "--pdf", str(pdf)]) == 0
    out = capsys.readouterr().out
    code = out.split("Recovery code: ")[1].split()[0]
    assert pdf.read_bytes().startswith(b"%PDF")
    keyring = read_keyring(key_file_path(folder_journal))
    assert keyring.recovery_slot is not None
    assert keyring.fingerprint in out
    assert main(["recovery-kit", "off"]) == 0
    assert read_keyring(key_file_path(folder_journal)).recovery_slot is None
    monkeypatch.setenv("PEERDESK_RECOVERY_CODE", code)
    monkeypatch.setenv("PEERDESK_NEW_PASSPHRASE", NEW)
    assert main(["recover"]) == 1
    assert "no recovery code" in capsys.readouterr().err


def test_check_verifies_the_key_file_and_proves_the_code(
        folder_journal: Path, monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str]) -> None:
    code = generate_recovery_code()
    with Vault.open(folder_journal, PASSPHRASE) as vault:
        fingerprint = store_recovery_code(vault, code)
    monkeypatch.setenv("PEERDESK_PASSPHRASE", PASSPHRASE)
    assert main(["check"]) == 0
    out = capsys.readouterr().out
    assert f"fingerprint {fingerprint}" in out
    assert "Argon2id 64 MiB, 3 passes, 4 lanes" in out
    assert "set PEERDESK_RECOVERY_CODE" in out
    monkeypatch.setenv("PEERDESK_RECOVERY_CODE", str(code))
    assert main(["check"]) == 0
    assert "the code opens it" in capsys.readouterr().out
    monkeypatch.setenv("PEERDESK_RECOVERY_CODE", str(generate_recovery_code()))
    assert main(["check"]) == 1
    assert fingerprint in capsys.readouterr().err
