"""The everyday screens fit real laptops: at 1024×700 (100 %) and at 1280×800 (150 %), in
English and Spanish, the editor, lock screen, guides and dashboard show no horizontal scroll bar,
no label or button cut short and no control at the window's edge; the window fits the screen.

Screen size and scale are fixed when Qt starts, so each case renders in its own process
(tests/ui/layout_probe.py); the four run side by side.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
CASES = {  # name: (screen width, height, scale)
    "1024x700-100": (1024, 700, "1"),
    "1280x800-150": (1280, 800, "1.5"),
}
LANGUAGES = ("en", "es")


def _start(tmp_path: Path, name: str, language: str) -> tuple[subprocess.Popen[str], Path]:
    width, height, scale = CASES[name]
    case = tmp_path / f"{name}-{language}"
    (case / "shots").mkdir(parents=True)
    screen = case / "screen.json"
    screen.write_text(json.dumps({"screens": [{
        "name": "probe", "x": 0, "y": 0, "width": width, "height": height,
        "logicalDpi": 96, "logicalBaseDpi": 96, "dpr": 1}]}))
    env = {**os.environ, "QT_QPA_PLATFORM": f"offscreen:configfile={screen}",
           "QT_SCALE_FACTOR": scale, "PEERDESK_LANGUAGE": language,
           "HOME": str(case), "XDG_CONFIG_HOME": str(case / "config"),
           "XDG_DATA_HOME": str(case / "data"), "XDG_STATE_HOME": str(case / "state"),
           "XDG_CACHE_HOME": str(case / "cache")}
    process = subprocess.Popen(
        [sys.executable, "-m", "tests.ui.layout_probe", str(case / "shots")], cwd=ROOT, env=env,
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    return process, case


@pytest.fixture(scope="module")
def reports(tmp_path_factory: pytest.TempPathFactory) -> dict[tuple[str, str], dict[str, object]]:
    tmp_path = tmp_path_factory.mktemp("layout")
    running = {(name, language): _start(tmp_path, name, language)
               for name in CASES for language in LANGUAGES}
    found: dict[tuple[str, str], dict[str, object]] = {}
    for key, (process, case) in running.items():
        out, err = process.communicate(timeout=240)
        assert process.returncode == 0, f"{key}: {err[-2000:]}"
        found[key] = json.loads(out.strip().splitlines()[-1])
        found[key]["shots"] = str(case / "shots")
    return found


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("name", list(CASES))
def test_screens_fit_without_sideways_scrolling_or_cut_text(
        reports: dict[tuple[str, str], dict[str, object]], name: str, language: str) -> None:
    report = reports[(name, language)]
    assert report["problems"] == [], f"see the screenshots in {report['shots']}"
    window, screen = report["window"], report["screen"]
    assert isinstance(window, list)
    assert isinstance(screen, list)
    assert window[0] <= screen[0]
    assert window[1] <= screen[1]  # the window never opens larger than the screen
    shots = {path.name for path in Path(str(report["shots"])).iterdir()}
    assert {"lock-screen.png", "editor-new.png", "editor-risk.png", "guides.png",
            "dashboard.png"} <= shots
