"""The printable recovery kit: one page with the code, the fingerprint and the date, in the
user's language, kept private on disk and out of the document's metadata."""

from __future__ import annotations

import io
import stat
from datetime import date
from pathlib import Path

import pytest
from pypdf import PdfReader

from peerdesk.errors import PeerDeskError
from peerdesk.reports.recovery_kit import RecoveryKit, build_recovery_kit, write_recovery_kit
from peerdesk.vault.recovery_code import generate_recovery_code, parse_recovery_code

KIT = RecoveryKit(generate_recovery_code(), "3F9A-01C2-77DE-B410", date(2026, 12, 4))


def _read(pdf: bytes) -> tuple[str, PdfReader]:
    reader = PdfReader(io.BytesIO(pdf))
    return " ".join(" ".join(page.extract_text() for page in reader.pages).split()), reader


def test_the_kit_is_one_page_with_the_code_fingerprint_and_date(tmp_path: Path) -> None:
    target = tmp_path / "recovery-kit.pdf"
    write_recovery_kit(target, KIT)
    assert stat.S_IMODE(target.stat().st_mode) == 0o600
    text, reader = _read(target.read_bytes())
    assert len(reader.pages) == 1
    for group in KIT.code.groups:
        assert group in text
    assert "3F9A-01C2-77DE-B410" in text
    assert "2026-12-04" in text
    assert "Where to keep it" in text
    assert "Forgot your passphrase?" in text
    assert "stops opening your journal" in text


def test_the_code_as_printed_reads_back_as_the_same_code() -> None:
    text, _ = _read(build_recovery_kit(KIT))
    start = text.index(KIT.code.groups[0])
    printed = text[start:start + 80].split()
    groups = [part for part in printed if len(part) == 5][:7]
    assert parse_recovery_code(" ".join(groups)) == KIT.code


def test_the_code_stays_out_of_the_metadata_and_of_repr() -> None:
    _, reader = _read(build_recovery_kit(KIT))
    metadata = " ".join(str(value) for value in (reader.metadata or {}).values())
    assert "Recovery kit" in metadata
    assert KIT.code.groups[0] not in metadata
    assert KIT.code.groups[0] not in repr(KIT)


def test_the_kit_is_printed_in_spanish() -> None:
    text, reader = _read(build_recovery_kit(KIT, language="es"))
    assert len(reader.pages) == 1
    assert "Kit de recuperación" in text
    assert "Dónde guardarlo" in text
    assert "Where to keep it" not in text
    for group in KIT.code.groups:
        assert group in text
    assert "2026-12-04" in text


def test_a_folder_that_does_not_exist_gets_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(PeerDeskError, match="does not exist"):
        write_recovery_kit(tmp_path / "missing" / "kit.pdf", KIT)
