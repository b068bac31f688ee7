"""`peerdesk resources export|import`, run as a real subprocess (peerdesk/commands/resources.py)."""

from __future__ import annotations

import json
import stat
from dataclasses import replace
from pathlib import Path

from peerdesk.referrals import ResourceRepository, read_pack
from peerdesk.vault import Vault
from tests.cli_process import assert_one_line_error, peerdesk
from tests.conftest import PASSPHRASE
from tests.referrals.helpers import DEMO_PACK, demo_document, own, pack_file


def _journal(path: Path, *, demo: bool) -> Path:
    with Vault.create(path, PASSPHRASE) as vault:
        repo = ResourceRepository(vault)
        if demo:
            repo.import_pack(read_pack(DEMO_PACK))
            repo.add(own(id="own-chaplain"))
    return path


def _entries(path: Path) -> dict[str, object]:
    with Vault.open(path, PASSPHRASE) as vault:
        return {r.id: r for r in ResourceRepository(vault).all()}


def test_export_then_import_into_another_journal(tmp_path: Path) -> None:
    source = _journal(tmp_path / "coordinator.peerdesk", demo=True)
    target = _journal(tmp_path / "supporter.peerdesk", demo=False)
    out = tmp_path / "pack.json"
    exported = peerdesk("resources", "export", "--out", str(out), "--name", "Acme directory",
                        "--journal", str(source))
    assert exported.returncode == 0, exported.stderr
    assert "Wrote 12 entries" in exported.stdout
    assert stat.S_IMODE(out.stat().st_mode) == 0o600
    assert read_pack(out).name == "Acme directory"

    imported = peerdesk("--journal", str(target), "resources", "import", str(out))
    assert imported.returncode == 0, imported.stderr
    assert "12 new, 0 updated, 0 unchanged, 0 conflicts" in imported.stdout
    assert len(_entries(target)) == 12


def test_export_selection_and_errors(tmp_path: Path) -> None:
    source = _journal(tmp_path / "j.peerdesk", demo=True)
    out = tmp_path / "hr.json"
    result = peerdesk("resources", "export", "--out", str(out), "--type", "hr",
                      "--id", "nw-eap", "--id", "nw-hr-harbour", "--journal", str(source))
    assert result.returncode == 0, result.stderr
    assert [r.id for r in read_pack(out).resources] == ["nw-hr-harbour"]
    missing = peerdesk("resources", "export", "--out", str(tmp_path / "x.json"), "--id", "nope",
                       "--journal", str(source))
    assert_one_line_error(missing, 1)
    assert not (tmp_path / "x.json").exists()
    assert_one_line_error(peerdesk("resources", "--journal", str(source)), 2)


def test_import_keeps_local_edits_and_reports_conflicts(tmp_path: Path) -> None:
    journal = _journal(tmp_path / "j.peerdesk", demo=True)
    with Vault.open(journal, PASSPHRASE) as vault:
        repo = ResourceRepository(vault)
        repo.update(replace(repo.get("nw-eap"), phone="+1 555-0111"))
    document = demo_document()
    document["resources"][0]["hours"] = "Weekdays"
    document["resources"][1]["hours"] = "Mon–Thu 09:00–16:00"
    newer = pack_file(tmp_path, document)

    kept = peerdesk("resources", "import", str(newer), "--journal", str(journal))
    assert kept.returncode == 0, kept.stderr
    assert "0 new, 1 updated, 9 unchanged, 1 conflict." in kept.stdout
    assert "nw-eap" in kept.stdout
    assert "kept your edited version" in kept.stdout
    assert "--take-pack" in kept.stdout
    entries = _entries(journal)
    assert entries["nw-eap"].phone == "+1 555-0111"  # type: ignore[attr-defined]
    assert entries["nw-hr-head-office"].hours == "Mon–Thu 09:00–16:00"  # type: ignore[attr-defined]

    taken = peerdesk("resources", "import", str(newer), "--take-pack", "--journal", str(journal))
    assert taken.returncode == 0, taken.stderr
    assert "took the pack's version" in taken.stdout
    entry = _entries(journal)["nw-eap"]
    assert entry.phone == "+1 555-0142"
    assert entry.hours == "Weekdays"


def test_malformed_pack_is_one_line_and_changes_nothing(tmp_path: Path) -> None:
    journal = _journal(tmp_path / "j.peerdesk", demo=True)
    before = _entries(journal)
    document = demo_document()
    document["resources"][4]["confidential"] = "yes"
    bad = pack_file(tmp_path, document, "bad.json")
    result = peerdesk("resources", "import", str(bad), "--journal", str(journal))
    assert_one_line_error(result, 1)
    assert "$.resources[4].confidential" in result.stderr
    assert "Nothing was changed" in result.stderr
    (tmp_path / "dupe.json").write_text(json.dumps(demo_document())[:-1] + ', "name": "x"}')
    assert_one_line_error(
        peerdesk("resources", "import", str(tmp_path / "dupe.json"), "--journal", str(journal)), 1)
    assert _entries(journal) == before
