"""Every fault against every command (issue #16): the fault is provoked for real
(`tests/faults.py`: tmpfs and read-only mounts where mounting works, a file-size limit and file
modes where it does not), the command prints its true name on one line, exits 1, and the
journal is byte-identical afterwards."""

from __future__ import annotations

from pathlib import Path

import pytest

from peerdesk.cli import main
from tests.conftest import PASSPHRASE
from tests.faults import (
    READ_ONLY_COMMANDS,
    WORDS,
    Inputs,
    can_mount,
    digest,
    full_target,
    make_inputs,
    provoke,
)

COMMANDS = ("init", "check", "demo", "import-csv", "export", "import", "report", "backup",
            "resources-export", "resources-import")


@pytest.fixture(scope="module")
def mounting(tmp_path_factory: pytest.TempPathFactory) -> bool:
    return can_mount(tmp_path_factory.mktemp("probe") / "m")


@pytest.fixture(scope="module")
def inputs(tmp_path_factory: pytest.TempPathFactory) -> Inputs:
    return make_inputs(tmp_path_factory.mktemp("inputs"))


def _argv(command: str, journal: Path, work: Path, inputs: Inputs) -> list[str]:
    j = ["--journal", str(journal)]
    return {
        "init": ["init", *j],
        "check": ["check", *j],
        "demo": ["demo", *j, "--sessions", "5"],
        "import-csv": ["journal", "import-csv", str(inputs.csv), *j],
        "export": ["export", "--out", str(work / "summary.json"), *j],
        "import": ["import", str(inputs.summary), "--accept-new-keys", *j],
        "report": ["report", "--out", str(work / "report.pdf"), *j],
        "backup": ["backup", "--out", str(work / "backup.peerdesk"), *j],
        "resources-export": ["resources", "export", "--out", str(work / "pack.json"), *j],
        "resources-import": ["resources", "import", str(inputs.pack), *j],
    }[command]


def _run(argv: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str]:
    capsys.readouterr()
    code = main(argv)
    return code, capsys.readouterr().err


INIT_EXPECTED = {  # init makes a journal: there is no existing one to be keyed, damaged, newer
    "disk-full": WORDS["disk-full"],
    "read-only-file": "already exists",  # an existing file is never overwritten
    "read-only-folder": WORDS["read-only-folder"],
    "missing-folder": None,  # init makes the folder: that is its job
    "locked": WORDS["locked"],
}


@pytest.mark.parametrize("fault", list(WORDS))
@pytest.mark.parametrize("command", COMMANDS)
def test_fault_is_named_and_the_journal_is_untouched(
    command: str, fault: str, inputs: Inputs, tmp_path: Path, mounting: bool,
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str],
) -> None:
    if command == "init" and fault not in INIT_EXPECTED:
        pytest.skip("init makes a new journal: no existing file to open, damage or upgrade")
    monkeypatch.setenv("PEERDESK_PASSPHRASE", PASSPHRASE)
    work = tmp_path / "out"
    work.mkdir()
    with provoke(fault, command, inputs, tmp_path, mounting, monkeypatch) as journal:
        before = digest(journal) if journal.is_file() else None
        code, err = _run(_argv(command, journal, work, inputs), capsys)
        after = digest(journal) if journal.is_file() else None
    expected = INIT_EXPECTED[fault] if command == "init" else WORDS[fault]
    if fault == "read-only-file" and command in READ_ONLY_COMMANDS:
        expected = None  # reading a read-only journal is fine
    if fault == "missing-folder" and command == "demo":
        expected = None  # demo makes a new journal (and its folder) when there is none
    assert "Traceback" not in err
    if expected is None:
        assert code == 0, err
    else:
        assert code == 1, err
        assert len(err.strip().splitlines()) == 1, err
        assert err.startswith("peerdesk: ")
        assert expected in err, err
        assert list(work.iterdir()) == [], "a failed command wrote its output anyway"
    if before is None:
        assert code == 0 or not journal.exists()  # a failed init leaves no journal behind
    else:
        assert after == before  # byte-identical


def test_a_backup_whose_target_fills_up_says_so_and_leaves_nothing(
    inputs: Inputs, tmp_path: Path, mounting: bool, monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    """The journal is fine; the disk of the backup's target fills up during the copy."""
    monkeypatch.setenv("PEERDESK_PASSPHRASE", PASSPHRASE)
    journal = tmp_path / "journal.peerdesk"
    journal.write_bytes(inputs.journal.read_bytes())
    target_folder = tmp_path / "target"
    target_folder.mkdir()
    before = digest(journal)
    with full_target(target_folder, mounting, inputs.journal.stat().st_size // 2):
        code, err = _run(["backup", "--out", str(target_folder / "b.peerdesk"), "--journal",
                          str(journal)], capsys)
        left = sorted(p.name for p in target_folder.iterdir() if p.name != "filler")
    assert code == 1, err
    assert WORDS["disk-full"] in err
    assert str(target_folder) in err  # the target's disk, not the journal's
    assert "Traceback" not in err
    assert left == []  # no temp file, no -journal
    assert digest(journal) == before
