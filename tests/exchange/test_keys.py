"""Fingerprints people read aloud, and signatures."""

from __future__ import annotations

from pathlib import Path

from peerdesk.exchange.keys import (
    SigningKeyStore,
    fingerprint,
    normalise_fingerprint,
    signature_valid,
)
from peerdesk.vault import Vault
from peerdesk.vault.backup import back_up_to
from tests.conftest import PASSPHRASE
from tests.program.summaries import new_key


def test_fingerprint_is_six_groups_of_four_digits_and_differs_per_key() -> None:
    one, two = new_key(1), new_key(2)
    assert len(one.fingerprint.split(" ")) == 6
    assert all(len(g) == 4 and g.isdigit() for g in one.fingerprint.split(" "))
    assert one.fingerprint != two.fingerprint
    assert fingerprint(one.public_hex) == one.fingerprint


def test_typed_fingerprints_are_normalised_or_refused() -> None:
    key = new_key(1)
    compact = key.fingerprint.replace(" ", "")
    assert normalise_fingerprint(compact) == key.fingerprint
    assert normalise_fingerprint("-".join(key.fingerprint.split())) == key.fingerprint
    assert normalise_fingerprint(compact[:-1]) == ""
    assert normalise_fingerprint(compact + "1") == ""
    assert normalise_fingerprint("abcd" + compact[4:]) == ""


def test_signatures_verify_only_the_signed_bytes_with_the_right_key() -> None:
    key, other = new_key(1), new_key(2)
    signature = key.sign(b"content")
    assert signature_valid(key.public_hex, signature, b"content")
    assert not signature_valid(key.public_hex, signature, b"contenT")
    assert not signature_valid(other.public_hex, signature, b"content")
    assert not signature_valid("00" * 32, signature, b"content")


def test_the_signing_key_travels_in_the_encrypted_backup(tmp_path: Path) -> None:
    """A supporter who moves to a new laptop restores a backup and keeps their key, so the
    coordinator need not enrol them again."""
    with Vault.create(tmp_path / "j.peerdesk", PASSPHRASE) as vault:
        key = SigningKeyStore(vault).key()
        backup = back_up_to(vault, tmp_path / "backup.peerdesk")
    files = [backup] if backup.is_file() else [p for p in backup.rglob("*") if p.is_file()]
    assert files
    for file in files:  # the database and its key file: the private key is encrypted in both
        assert key.private.private_bytes_raw() not in file.read_bytes()
    with Vault.open(backup, PASSPHRASE) as restored:
        assert SigningKeyStore(restored).key().public_hex == key.public_hex
