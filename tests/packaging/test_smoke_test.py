"""packaging/smoke_test.py: catches a broken bundle and never touches the user's files."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType

import pytest

SCRIPT = Path(__file__).resolve().parents[2] / "packaging" / "smoke_test.py"


@pytest.fixture(scope="module")
def smoke() -> ModuleType:
    spec = importlib.util.spec_from_file_location("smoke_test", SCRIPT)
    assert spec
    assert spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_each_run_is_isolated_from_the_users_files(smoke: ModuleType, tmp_path: Path,
                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PEERDESK_JOURNAL", "/home/someone/journal.peerdesk")
    monkeypatch.setenv("XDG_CONFIG_HOME", "/home/someone/.config")
    env = smoke.isolated_environment(tmp_path, "xcb")
    assert env["PEERDESK_JOURNAL"] == str(tmp_path / "smoke.peerdesk")
    for key in ("HOME", "TMPDIR", "XDG_RUNTIME_DIR"):
        assert env[key] == str(tmp_path)
    assert env["XDG_CONFIG_HOME"].startswith(str(tmp_path))
    assert env["QT_QPA_PLATFORM"] == "xcb"


def fake_app(tmp_path: Path, stderr: str, code: int = 0) -> list[str]:
    script = tmp_path / "app.py"
    script.write_text(f"import sys\nsys.stderr.write({stderr!r})\nsys.exit({code})\n")
    return [sys.executable, str(script)]


def test_a_clean_start_passes(smoke: ModuleType, tmp_path: Path) -> None:
    env = smoke.isolated_environment(tmp_path, "offscreen")
    assert smoke.run_step("starts", fake_app(tmp_path, "qt.qpa: harmless note\n"), env) is None


def test_a_plugin_that_cannot_load_fails_even_with_exit_status_0(smoke: ModuleType,
                                                                   tmp_path: Path) -> None:
    env = smoke.isolated_environment(tmp_path, "xcb")
    line = "libqgtk3.so: libgtk-3.so.0: cannot open shared object file: No such file\n"
    problem = smoke.run_step("starts", fake_app(tmp_path, line), env)
    assert problem is not None
    assert "libgtk-3.so.0" in problem


def test_a_crash_fails_with_its_output(smoke: ModuleType, tmp_path: Path) -> None:
    env = smoke.isolated_environment(tmp_path, "xcb")
    problem = smoke.run_step("starts", fake_app(tmp_path, "Aborted\n", code=134), env)
    assert problem is not None
    assert "exit status 134" in problem
    assert "Aborted" in problem


def test_a_missing_build_is_one_clear_line(smoke: ModuleType, tmp_path: Path,
                                           capsys: pytest.CaptureFixture[str]) -> None:
    assert smoke.main(["smoke_test.py", str(tmp_path / "dist" / "peerdesk" / "peerdesk")]) == 1
    assert "build it first (make package)" in capsys.readouterr().err
