"""`peerdesk passphrase change`, `peerdesk recover`, `peerdesk recovery-kit new|off`."""

from __future__ import annotations

import io
import re
from collections.abc import Callable
from pathlib import Path

import pytest

from peerdesk.cli import main
from peerdesk.commands import keys
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
    assert main(["recovery-kit", "new", "--pdf", str(pdf), "--i-have-written-it-down"]) == 0
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


class _Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def _typing(monkeypatch: pytest.MonkeyPatch, answer: Callable[[int], str]) -> list[str]:
    """A user at a terminal who answers each "Group N: " prompt with `answer(N)`."""
    prompts: list[str] = []

    def user(prompt: str = "") -> str:
        prompts.append(prompt)
        asked = re.fullmatch(r"Group (\d): ", prompt)
        assert asked is not None, prompt
        return answer(int(asked.group(1)))

    monkeypatch.setattr("sys.stdin", _Terminal())
    monkeypatch.setattr("builtins.input", user)
    return prompts


def test_a_new_code_is_stored_only_once_two_groups_are_typed_back(
        folder_journal: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setenv("PEERDESK_PASSPHRASE", PASSPHRASE)
    code = generate_recovery_code()
    monkeypatch.setattr(keys, "generate_recovery_code", lambda: code)
    prompts = _typing(monkeypatch, lambda number: code.groups[number - 1].lower())
    assert main(["recovery-kit", "new", "--pdf", str(tmp_path / "kit.pdf")]) == 0
    assert len(prompts) == 2
    assert str(code) in capsys.readouterr().out
    monkeypatch.setenv("PEERDESK_RECOVERY_CODE", str(code))
    monkeypatch.setenv("PEERDESK_NEW_PASSPHRASE", NEW)
    assert main(["recover"]) == 0  # the code that was typed back opens the journal


def test_a_mistyped_group_stores_nothing_and_removes_the_kit(
        folder_journal: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setenv("PEERDESK_PASSPHRASE", PASSPHRASE)
    old_code = generate_recovery_code()
    with Vault.open(folder_journal, PASSPHRASE) as vault:
        store_recovery_code(vault, old_code)
    before = _snapshot(folder_journal)
    _typing(monkeypatch, lambda number: "ZZZZ")
    pdf = tmp_path / "kit.pdf"
    assert main(["recovery-kit", "new", "--pdf", str(pdf)]) == 1
    err = capsys.readouterr().err
    assert "does not match" in err
    assert "Traceback" not in err
    assert _snapshot(folder_journal) == before  # the previous code still works
    assert not pdf.exists()


def test_a_script_must_say_the_code_is_written_down(
        folder_journal: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setenv("PEERDESK_PASSPHRASE", PASSPHRASE)
    monkeypatch.setattr("sys.stdin", io.StringIO())  # not a terminal
    before = _snapshot(folder_journal)
    pdf = tmp_path / "kit.pdf"
    assert main(["recovery-kit", "new", "--pdf", str(pdf)]) == 1
    assert "--i-have-written-it-down" in capsys.readouterr().err
    assert _snapshot(folder_journal) == before
    assert not pdf.exists()
