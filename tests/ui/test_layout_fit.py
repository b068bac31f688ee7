"""The everyday screens fit real laptops: at 1024×700 (100 %) and at 1280×800 (150 %), in
English and Spanish, the editor, lock screen, guides and dashboard show no horizontal scroll bar,
no label or button cut short and no control at the window's edge; the window fits the screen.

Screen size and scale are fixed when Qt starts, so each size renders in its own process
(tests/ui/layout_probe.py), both languages in it; the two run side by side.
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


def _start(tmp_path: Path, name: str) -> tuple[subprocess.Popen[str], Path]:
    width, height, scale = CASES[name]
    case = tmp_path / name
    (case / "shots").mkdir(parents=True)
    screen = case / "screen.json"
    screen.write_text(json.dumps({"screens": [{
        "name": "probe", "x": 0, "y": 0, "width": width, "height": height,
        "logicalDpi": 96, "logicalBaseDpi": 96, "dpr": 1}]}))
    env = {**os.environ, "QT_QPA_PLATFORM": f"offscreen:configfile={screen}",
           "QT_SCALE_FACTOR": scale,
           "HOME": str(case), "XDG_CONFIG_HOME": str(case / "config"),
           "XDG_DATA_HOME": str(case / "data"), "XDG_STATE_HOME": str(case / "state"),
           "XDG_CACHE_HOME": str(case / "cache")}
    process = subprocess.Popen(
        [sys.executable, "-m", "tests.ui.layout_probe", str(case / "shots"), ",".join(LANGUAGES)],
        cwd=ROOT, env=env,
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    return process, case


@pytest.fixture(scope="module")
def reports(tmp_path_factory: pytest.TempPathFactory) -> dict[tuple[str, str], dict[str, object]]:
    tmp_path = tmp_path_factory.mktemp("layout")
    running = {name: _start(tmp_path, name) for name in CASES}
    found: dict[tuple[str, str], dict[str, object]] = {}
    for name, (process, case) in running.items():
        out, err = process.communicate(timeout=240)
        assert process.returncode == 0, f"{name}: {err[-2000:]}"
        report = json.loads(out.strip().splitlines()[-1])
        for language in LANGUAGES:
            found[(name, language)] = {
                "problems": report["problems"][language], "window": report["window"],
                "screen": report["screen"], "shots": str(case / "shots"), "language": language}
    return found


SCREENS = ("lock-screen", "editor-new", "editor-risk", "editor-consent", "guides", "dashboard")
def _cases() -> list[object]:
    cases: list[object] = []
    for name in CASES:
        for language in LANGUAGES:
            for screen in SCREENS:
                cases.append(pytest.param(name, language, screen,
                                          id=f"{name}-{language}-{screen}"))
    return cases


@pytest.mark.parametrize(("name", "language", "screen"), _cases())
def test_screens_fit_without_sideways_scrolling_or_cut_text(
        reports: dict[tuple[str, str], dict[str, object]], name: str, language: str,
        screen: str) -> None:
    report = reports[(name, language)]
    problems = report["problems"]
    assert isinstance(problems, list)
    shot = Path(str(report["shots"])) / f"{language}-{screen}.png"
    assert [p for p in problems if p.startswith(f"{screen}:")] == [], f"see {shot}"
    assert shot.is_file()


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("name", list(CASES))
def test_the_window_never_opens_larger_than_the_screen(
        reports: dict[tuple[str, str], dict[str, object]], name: str, language: str) -> None:
    window, screen = reports[(name, language)]["window"], reports[(name, language)]["screen"]
    assert isinstance(window, list)
    assert isinstance(screen, list)
    assert window[0] <= screen[0]
    assert window[1] <= screen[1]
